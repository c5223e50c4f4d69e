/**
 * A session this gateway just opened with the password is trusted without reading it back on the
 * client's first request — unless an account change (a deactivation) arrived, from the feed or through this
 * gateway, between the account's read and the session's opening; and a change arriving later still ends it. Two repositories on one real
 * store stand for two gateways; the feeds are polled by hand.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountRepository } from './accounts';
import { AuthChangeFeed } from './auth-changes';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');
let conn: Connection;
let here: AccountRepository;
let there: AccountRepository;
let hereFeed: AuthChangeFeed;
const PASSWORD = 'rahasia-uji-123';

beforeAll(async () => {
  conn = await mongoose.createConnection(mongoUri, { dbName: `it_session_trust_${Date.now()}` }).asPromise();
  hereFeed = new AuthChangeFeed(conn, { pollMs: 3_600_000 });
  here = new AccountRepository(conn, hereFeed);
  there = new AccountRepository(conn, new AuthChangeFeed(conn, { pollMs: 3_600_000 }));
  await here.init();
  // Polls once at once (a resync); later polls are made by hand.
  here.startFeed();
  await hereFeed.poll();
});

afterAll(async () => {
  await here?.stopFeed();
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

async function candidate(id: string) {
  await here.upsert({
    id,
    email: `${id}@uji.test`,
    displayName: id,
    role: 'CANDIDATE',
    agencyCode: 'TRUST',
    candidateId: `c-${id}`,
    password: PASSWORD,
  });
  // The upsert's own record on the feed, taken now: what a test's poll brings later is its own change only.
  await hereFeed.poll();
}

/** Signs in as the signIn mutation does: the change mark, the password check, the session opened. */
async function signIn(id: string, beforeOpening?: () => Promise<void>) {
  const mark = here.changeMark();
  const account = (await here.authenticate(`${id}@uji.test`, PASSWORD))!;
  await beforeOpening?.();
  return here.openSession(account.id, 3600, new Date(), { account, readSince: mark });
}

const sessions = () => conn.collection<{ _id: string }>('sessions');

describe('a session opened by this gateway', () => {
  it('is trusted at once: its first use reads nothing back (shown by removing the stored session)', async () => {
    await candidate('trust-1');
    const s = await signIn('trust-1');
    await sessions().deleteOne({ _id: s.id });
    expect((await here.accountForSession(s.id))?.id).toBe('trust-1');

    // Without the trust (another gateway's session, or a link or SSO sign-in) it is read: gone, refused.
    const other = await here.openSession('trust-1', 3600);
    await sessions().deleteOne({ _id: other.id });
    expect(await here.accountForSession(other.id)).toBeNull();
  });

  it('is not trusted when a deactivation arrived between the password check and the opening', async () => {
    await candidate('trust-2');
    const s = await signIn('trust-2', async () => {
      await there.setActive('trust-2', false);
      await hereFeed.poll(); // the change reaches this gateway while the sign-in is under way
    });
    expect(await here.accountForSession(s.id)).toBeNull();
  });

  it('is not trusted when a deactivation through this same gateway came between the check and the opening', async () => {
    await candidate('trust-4');
    const s = await signIn('trust-4', async () => {
      await here.setActive('trust-4', false); // no poll: this gateway knows at once
    });
    expect(await here.accountForSession(s.id)).toBeNull();
  });

  it('ends when a deactivation made through another gateway arrives afterwards', async () => {
    await candidate('trust-3');
    const s = await signIn('trust-3');
    expect((await here.accountForSession(s.id))?.id).toBe('trust-3');
    await there.setActive('trust-3', false);
    await hereFeed.poll();
    expect(await here.accountForSession(s.id)).toBeNull();
  });
});
