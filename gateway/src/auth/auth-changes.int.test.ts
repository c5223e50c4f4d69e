/**
 * The sign-in change feed on a real store: a change is handed on once, and a poll after a gap longer than
 * the buckets a poll reads asks the listener to drop what it cached (a change in the gap may be unseen).
 * The clock is moved with fake Date only; the store and its timers run for real.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AuthChangeFeed, type AuthChange } from './auth-changes';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(mongoUri, { dbName: `it_auth_changes_${Date.now()}` }).asPromise();
});

afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('sign-in change feed', () => {
  it('hands each change on once, and asks for a resync after a gap that polls may have skipped', async () => {
    const feed = new AuthChangeFeed(conn, { pollMs: 60_000 });
    await feed.init();
    const calls: { changes: AuthChange[]; resync: boolean }[] = [];
    // start() polls once at once (the first poll always resyncs: nothing was read before it).
    feed.start((changes, resync) => calls.push({ changes, resync }));
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 30_000 });
    expect(calls[0]!.resync).toBe(true);

    await feed.publish('SESSION', ['s-1']);
    await feed.publish('ACCOUNT', ['u-1']);
    await feed.poll();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.resync).toBe(false);
    expect(calls[1]!.changes.map((c) => [c.kind, c.ref]).sort()).toEqual([
      ['ACCOUNT', 'u-1'],
      ['SESSION', 's-1'],
    ]);
    // Read again: nothing new, nothing handed on.
    await feed.poll();
    expect(calls).toHaveLength(2);

    // 11 s later by the clock (the store's own timers untouched): more than one bucket since the last poll.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11_000 });
    await feed.poll();
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ changes: [], resync: true });
    vi.useRealTimers();
    await feed.stop();
    expect(feed.healthy()).toBe(false);
  });
});
