/**
 * The hardened edge through the real gateway: sign-in throttled per account and per client address
 * (TOO_MANY_ATTEMPTS with retryAfterSeconds; state in the store, so a second gateway on the same
 * store refuses too), the same answers for unknown accounts, the events an administrator reads;
 * helmet's headers on the portal and the API; CORS for the portal's origin only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '@seleksi/kit';
import { startGateway } from '@seleksi/gateway';
import { eventually, graphqlClient, startStack, type GraphQLResult, type Stack } from './support/stack';

const PASSWORD = 'rahasia-uji-123';
const PORTAL = 'https://portal.seleksi.example.go.id';
const LOCK_FAILURES = 5;
const ADDRESS_FAILURES = 8;

interface Refusal {
  message: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
}

let stack: Stack;

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';

/** One sign-in from `address` (the gateway trusts one proxy: X-Forwarded-For names the client). */
async function signIn(email: string, password: string, address: string, base = stack.gateway.url) {
  const r = (await graphqlClient(base)(SIGN_IN, { e: email, p: password }, undefined, {
    // The left entry is the client's own claim and must be ignored; the right one our proxy wrote.
    'x-forwarded-for': `203.0.113.7, ${address}`,
  })) as GraphQLResult<{ signIn: { token: string } }>;
  return { token: r.data?.signIn?.token ?? null, error: (r.errors?.[0] ?? null) as Refusal | null };
}

const codeOf = (r: { error: Refusal | null }) => r.error?.extensions?.code ?? 'OK';

async function addUser(id: string, role = 'PANSEL_SECRETARY') {
  await stack.gateway.deps.accounts.upsert({
    id,
    email: `${id}@uji.go.id`,
    displayName: id,
    role: role as 'PANSEL_SECRETARY',
    agencyCode: role === 'ADMIN' ? null : 'EDGE',
    candidateId: null,
    password: PASSWORD,
  });
  return `${id}@uji.go.id`;
}

beforeAll(async () => {
  const portalDir = mkdtempSync(join(tmpdir(), 'edge-portal-'));
  writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>Seleksi JPT</title><div id="root"></div>');
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'edge',
    gateway: {
      TRUST_PROXY: '1',
      SIGNIN_ACCOUNT_FREE_FAILURES: '3',
      SIGNIN_ACCOUNT_LOCK_FAILURES: String(LOCK_FAILURES),
      SIGNIN_ADDRESS_LOCK_FAILURES: String(ADDRESS_FAILURES),
      // No waits between failures here (the backoff has its unit test): the lockout is what is shown.
      SIGNIN_BACKOFF_BASE_SECONDS: '0',
      SIGNIN_WINDOW_SECONDS: '8',
      SIGNIN_LOCKOUT_SECONDS: '8',
      PORTAL_PUBLIC_ORIGIN: PORTAL,
      PORTAL_DIST_DIR: portalDir,
    },
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('sign-in throttling', () => {
  it('locks an account after the configured failures, refuses the right password meanwhile, on every gateway, and lets it in after the lockout', async () => {
    const email = await addUser('edge-a');
    const address = '10.1.1.1';
    for (let i = 1; i <= LOCK_FAILURES; i++) {
      const r = await signIn(email, 'salah-sekali', address);
      expect(codeOf(r), `attempt ${i}`).toBe('UNAUTHENTICATED');
    }
    // The other 55 of 60 at once: every one refused without a password check.
    const burst = await Promise.all(Array.from({ length: 55 }, () => signIn(email, 'salah-sekali', address)));
    for (const r of burst) {
      expect(codeOf(r)).toBe('TOO_MANY_ATTEMPTS');
      expect(r.error!.message).toMatch(/^Terlalu banyak percobaan masuk .*coba lagi dalam \d+ detik\.$/);
      expect(r.error!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.error!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(8);
    }
    const right = await signIn(email, PASSWORD, address);
    expect(codeOf(right)).toBe('TOO_MANY_ATTEMPTS');
    // From another address too: the account's own limit.
    expect(codeOf(await signIn(email, PASSWORD, '10.1.1.9'))).toBe('TOO_MANY_ATTEMPTS');

    // A second gateway on the same store (as after a restart, or beside this one) refuses as well.
    const second = await startGateway(stack.gateway.deps.config, createLogger('gateway', 'error'));
    try {
      expect(codeOf(await signIn(email, PASSWORD, address, second.url))).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await second.close();
    }

    // Once the lockout is over the right password works (polled: each refusal is no failure).
    const token = await eventually(async () => (await signIn(email, PASSWORD, address)).token, 60_000);
    expect(token).toBeTruthy();
    // A success starts the account again: the free failures are there once more.
    expect(codeOf(await signIn(email, 'salah-lagi', address))).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown account exactly as a known one', async () => {
    const known = await addUser('edge-k');
    const seq = async (email: string, address: string) => {
      const out: Refusal[] = [];
      for (let i = 0; i <= LOCK_FAILURES; i++) out.push((await signIn(email, 'salah-sekali', address)).error!);
      return out.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, message: e.message }));
    };
    const a = await seq(known, '10.1.2.1');
    const b = await seq('tidak-ada-akun@uji.go.id', '10.1.2.2');
    // The retry time may differ by a second between the runs.
    const norm = (x: typeof a) => x.map((e) => ({ ...e, message: e.message.replace(/\d+ detik/, 'N detik') }));
    expect(norm(b)).toEqual(norm(a));
    expect(a.at(-1)!.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('limits an address over several accounts, and not other addresses', async () => {
    const address = '10.1.3.1';
    const fresh = await addUser('edge-fresh');
    let failures = 0;
    // Under each account's own limit, over the address's.
    for (const who of ['edge-b1', 'edge-b2', 'edge-b3']) {
      for (let i = 0; i < 3 && failures < ADDRESS_FAILURES; i++, failures++) {
        expect(codeOf(await signIn(`${who}@uji.go.id`, 'salah', address))).toBe('UNAUTHENTICATED');
      }
    }
    const refused = await signIn(fresh, PASSWORD, address);
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await signIn(fresh, PASSWORD, '10.1.3.2'))).toBe('OK');
  });

  it('caps a burst of concurrent wrong passwords at the account limit', async () => {
    const email = await addUser('edge-c');
    // 40 at once: on FerretDB v1 concurrent increments of one counter get lost; the claims keep the count exact.
    const burst = await Promise.all(Array.from({ length: 40 }, () => signIn(email, 'salah', '10.1.4.1')));
    const codes = burst.map(codeOf);
    const wrong = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(wrong).toBeGreaterThanOrEqual(1);
    expect(wrong).toBeLessThanOrEqual(LOCK_FAILURES);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(40 - wrong);
  });

  it('lets the right password in when the counter fell behind the counts held (an increment the store lost)', async () => {
    const email = await addUser('edge-lost');
    const address = '10.1.6.1';
    for (let i = 0; i < 4; i++) expect(codeOf(await signIn(email, 'salah', address))).toBe('UNAUTHENTICATED');
    // What a lost increment leaves on FerretDB v1: the counter one behind the four counts held by claims.
    const conn = await mongoose
      .createConnection(stack.gateway.deps.config.MONGODB_URI, { dbName: stack.gateway.deps.config.GATEWAY_DB })
      .asPromise();
    try {
      const key = `account:${email}`;
      const counters = conn.collection<{ _id: string; failures: number }>('signin_counters');
      expect((await counters.findOne({ _id: key }))?.failures).toBe(4);
      expect(
        await conn.collection<{ _id: string }>('signin_claims').countDocuments({ _id: { $regex: `^${key}\\|` } }),
      ).toBe(4);
      await counters.updateOne({ _id: key }, { $set: { failures: 3 } });
      // Counted again past the held count, it is still this attempt's turn: checked, and let in.
      expect(codeOf(await signIn(email, PASSWORD, address))).toBe('OK');
      expect(await counters.findOne({ _id: key })).toBeNull();
    } finally {
      await conn.close();
    }
  });

  it('limits password-reset mails per e-mail, apart from sign-in', async () => {
    const email = await addUser('edge-reset');
    const reset = (address: string) =>
      graphqlClient(stack.gateway.url)(
        'mutation($e: String!) { requestPasswordReset(email: $e) }',
        { e: email },
        undefined,
        {
          'x-forwarded-for': address,
        },
      );
    for (let i = 0; i < LOCK_FAILURES; i++)
      expect((await reset('10.1.5.1')).data).toEqual({ requestPasswordReset: true });
    const refused = await reset('10.1.5.2');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(refused.errors?.[0]?.message).toMatch(/^Terlalu banyak permintaan atur ulang kata sandi\./);
    expect(
      await stack.gateway.deps.accounts.pendingNotices((await stack.gateway.deps.accounts.findByEmail(email))!.id),
    ).toHaveLength(LOCK_FAILURES);
    // Sign-in of the same account is not affected.
    expect(codeOf(await signIn(email, PASSWORD, '10.1.5.1'))).toBe('OK');
  });

  it('records every throttled attempt and lockout for the administrator only', async () => {
    const admin = await addUser('edge-admin', 'ADMIN');
    const adminToken = (await signIn(admin, PASSWORD, '10.9.9.9')).token!;
    const other = await addUser('edge-reader');
    const otherToken = (await signIn(other, PASSWORD, '10.9.9.8')).token!;
    const q = `query($a: String, $k: SecurityEventKind, $ad: String) {
      securityEvents(account: $a, kind: $k, address: $ad, first: 100) {
        totalCount edges { node { kind action account address scope retryAfterSeconds at } } } }`;
    type Events = {
      securityEvents: {
        totalCount: number;
        edges: { node: { kind: string; account: string | null; address: string; scope: string; at: string } }[];
      };
    };
    const count = async (vars: Record<string, unknown>) => {
      const r = await stack.gql<Events>(q, vars, adminToken);
      expect(r.errors).toBeUndefined();
      return r.data!.securityEvents;
    };
    // 55 of the burst, the right password from two addresses, the second gateway, the polls.
    expect((await count({ a: 'edge-a@uji.go.id', k: 'ATTEMPT_THROTTLED' })).totalCount).toBeGreaterThanOrEqual(58);
    const locked = (await count({ a: 'edge-a@uji.go.id', k: 'ACCOUNT_LOCKED' })).edges.map((e) => e.node);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ account: 'edge-a@uji.go.id', address: '10.1.1.1', scope: 'ACCOUNT' });
    expect(Number.isNaN(Date.parse(locked[0]!.at))).toBe(false);
    // The spoofed left X-Forwarded-For entry never appears.
    expect((await count({ ad: '203.0.113.7' })).totalCount).toBe(0);

    const addr = await stack.gql<Events>(q, { k: 'ADDRESS_LOCKED', ad: '10.1.3.1' }, adminToken);
    expect(addr.data!.securityEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'ADDRESS_LOCKED', address: '10.1.3.1', scope: 'ADDRESS' }),
    ]);

    const refused = await stack.gql(q, {}, otherToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.gql(q, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('security headers and CORS', () => {
  const expectHelmet = (h: Headers, csp: boolean) => {
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    if (csp) {
      const policy = h.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toMatch(/connect-src 'self'/);
    }
  };

  it('puts helmet headers on the portal, GraphiQL and the GraphQL POST path', async () => {
    const portal = await fetch(`${stack.gateway.url}/`);
    expect(portal.status).toBe(200);
    expectHelmet(portal.headers, true);
    expect(portal.headers.get('content-security-policy')).toMatch(/script-src 'self';/);

    const graphiql = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expectHelmet(graphiql.headers, true);

    const post = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(post.status).toBe(200);
    expectHelmet(post.headers, true);
    expect(post.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
  });

  it('allows the portal origin with credentials and no other origin', async () => {
    const post = (origin: string) =>
      fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
    const ok = await post(PORTAL);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('vary')).toMatch(/origin/i);

    const evil = await post('https://jual-beli-jabatan.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = (origin: string) =>
      fetch(`${stack.gateway.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
    const pf = await preflight(PORTAL);
    expect(pf.status).toBe(204);
    expect(pf.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(pf.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pf.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pf.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(pf.headers.get('access-control-allow-headers')).toMatch(/content-type/);

    const pfEvil = await preflight('https://jual-beli-jabatan.example');
    expect(pfEvil.status).toBe(204);
    expect(pfEvil.headers.get('access-control-allow-origin')).toBeNull();
    expect(pfEvil.headers.get('access-control-allow-methods')).toBeNull();

    const page = await fetch(`${stack.gateway.url}/`, { headers: { origin: 'https://jual-beli-jabatan.example' } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});
