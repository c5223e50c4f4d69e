/**
 * The first national administrator of an empty installation (`SELEKSI_DEMO=0 npm start`), on the real
 * store: one pending ADMIN with one live invitation however often start-up runs; a new link only once
 * the old one expired; nothing once an administrator has set a password; a changed address replaces
 * the pending invitation instead of adding a second administrator.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountRepository, ensureFirstAdmin } from '@seleksi/gateway';

let conn: mongoose.Connection;
let accounts: AccountRepository;
const publicUrl = 'http://localhost:4999';

beforeAll(async () => {
  conn = mongoose.createConnection(inject('mongoUri'), {
    dbName: `first_admin_${randomBytes(4).toString('hex')}`,
  });
  await conn.asPromise();
  accounts = new AccountRepository(conn);
  await accounts.init();
});

afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

const tokenOf = (link: string) => link.split('#')[1]!;
const activeAdmins = async () => (await accounts.list({ role: 'ADMIN', active: true }, 100, null)).items;

describe('first administrator at start-up', () => {
  it('invites once, stays idempotent while the link lives, renews an expired one, and stops once used', async () => {
    const t0 = new Date();
    const first = await ensureFirstAdmin(accounts, {
      email: 'Pertama@Instansi.go.id',
      publicUrl,
      ttlHours: 1,
      now: t0,
    });
    expect(first.status).toBe('INVITED');
    if (first.status !== 'INVITED') return;
    expect(first.link).toMatch(/^http:\/\/localhost:4999\/atur-kata-sandi#[\w-]{40,}$/);
    expect(first.account.email).toBe('pertama@instansi.go.id');
    expect((await accounts.pendingNotices(first.account.id)).map((n) => n.kind)).toEqual(['INVITATION']);

    // A restart while the link lives: no second account, no second link or mail.
    const again = await ensureFirstAdmin(accounts, { email: 'pertama@instansi.go.id', publicUrl, ttlHours: 1 });
    expect(again).toMatchObject({ status: 'PENDING', account: { id: first.account.id } });
    expect(await activeAdmins()).toHaveLength(1);
    expect(await accounts.pendingNotices(first.account.id)).toHaveLength(1);

    // Two hours later the link has expired: a new one, for the same account; the old one is superseded.
    const later = new Date(t0.getTime() + 2 * 3600_000);
    const renewed = await ensureFirstAdmin(accounts, {
      email: 'pertama@instansi.go.id',
      publicUrl,
      ttlHours: 1,
      now: later,
    });
    expect(renewed).toMatchObject({ status: 'INVITED', created: false, account: { id: first.account.id } });
    if (renewed.status !== 'INVITED') return;
    await expect(accounts.redeemLink(tokenOf(first.link), 'sandi-pertama-123', later)).rejects.toMatchObject({
      code: 'LINK_USED',
    });

    const admin = await accounts.redeemLink(tokenOf(renewed.link), 'sandi-pertama-123', later);
    expect(admin).toMatchObject({ role: 'ADMIN', passwordSet: true });
    await expect(accounts.redeemLink(tokenOf(renewed.link), 'sandi-lain-12345', later)).rejects.toMatchObject({
      code: 'LINK_USED',
    });
    expect(await accounts.authenticate('pertama@instansi.go.id', 'sandi-pertama-123')).not.toBeNull();

    // From now on start-up leaves accounts alone, whatever address it is given.
    expect(await ensureFirstAdmin(accounts, { email: 'lain@instansi.go.id', publicUrl, ttlHours: 1 })).toEqual({
      status: 'EXISTS',
    });
    expect(await accounts.findByEmail('lain@instansi.go.id')).toBeNull();
  });
});

describe('first administrator, address changed before anyone accepted', () => {
  it('deactivates the pending invitation and invites the new address; an address of another role is refused', async () => {
    const db = conn.useDb(`first_admin_b_${randomBytes(4).toString('hex')}`);
    const repo = new AccountRepository(db);
    await repo.init();
    try {
      const typo = await ensureFirstAdmin(repo, { email: 'salah@instansi.go.id', publicUrl, ttlHours: 72 });
      const fixed = await ensureFirstAdmin(repo, { email: 'benar@instansi.go.id', publicUrl, ttlHours: 72 });
      expect(typo.status).toBe('INVITED');
      expect(fixed.status).toBe('INVITED');
      if (typo.status !== 'INVITED') return;
      const admins = (await repo.list({ role: 'ADMIN', active: true }, 100, null)).items;
      expect(admins.map((a) => a.email)).toEqual(['benar@instansi.go.id']);
      await expect(repo.redeemLink(tokenOf(typo.link), 'sandi-salah-123')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      await repo.create({
        email: 'peserta@instansi.go.id',
        displayName: 'Peserta',
        role: 'CANDIDATE',
        agencyCode: null,
        candidateId: null,
        active: true,
        affiliation: null,
        registration: null,
      });
      await expect(
        ensureFirstAdmin(repo, { email: 'peserta@instansi.go.id', publicUrl, ttlHours: 72 }),
      ).rejects.toThrow(/sudah dipakai akun lain/);
    } finally {
      await db.dropDatabase().catch(() => undefined);
    }
  });
});
