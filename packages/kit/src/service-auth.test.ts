import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@seleksi/domain';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createServiceTokenProvider,
  createServiceTokenVerifier,
  ensureDevServiceKeys,
  serviceTokenProviderFromEnv,
  trustedCallersFromEnv,
  type ServiceTokenVerifier,
} from './service-auth';

const gatewayKeys = generateKeyPairSync('ed25519');
const workerKeys = generateKeyPairSync('ed25519');
const strangerKeys = generateKeyPairSync('ed25519');

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return { code: err.code, message: err.message };
}

function verifier(now?: () => number): Promise<ServiceTokenVerifier> {
  return createServiceTokenVerifier({
    audience: 'candidate',
    trusted: { gateway: [gatewayKeys.publicKey], worker: [workerKeys.publicKey] },
    access: [{ method: 'POST', path: /^\/audit-records$/, callers: ['worker'] }],
    ...(now ? { now } : {}),
  });
}

describe('service token provider', () => {
  it('caches one token per audience and renews it before it expires', async () => {
    let now = Date.UTC(2026, 11, 6, 12, 0, 0);
    const provider = createServiceTokenProvider({
      issuer: 'gateway',
      privateKey: gatewayKeys.privateKey,
      now: () => now,
    });
    const first = await provider.token('candidate');
    expect(await provider.token('candidate')).toBe(first);
    expect(await provider.token('document')).not.toBe(first);
    const claims = JSON.parse(Buffer.from(first.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'gateway', aud: 'candidate' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(90);
    now += 59_000; // still more than 30 s left
    expect(await provider.token('candidate')).toBe(first);
    now += 2_000; // less than 30 s left: a new one
    const renewed = await provider.token('candidate');
    expect(renewed).not.toBe(first);
    expect(await provider.token('candidate')).toBe(renewed);
  });

  it('refuses keys other than Ed25519 and P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => createServiceTokenProvider({ issuer: 'gateway', privateKey: rsa.privateKey })).toThrow(/Ed25519/);
  });
});

describe('service token verifier', () => {
  const gateway = createServiceTokenProvider({ issuer: 'gateway', privateKey: gatewayKeys.privateKey });
  const worker = createServiceTokenProvider({ issuer: 'worker', privateKey: workerKeys.privateKey });

  it('accepts a token of a trusted caller for this service and names the caller', async () => {
    const v = await verifier();
    expect(await v.authorize(`Bearer ${await gateway.token('candidate')}`, 'GET', '/audit-records')).toEqual({
      caller: 'gateway',
    });
    // Verified once, then answered from the cache (same result).
    expect(await v.authorize(`Bearer ${await worker.token('candidate')}`, 'POST', '/audit-records')).toEqual({
      caller: 'worker',
    });
    expect(await v.authorize(`Bearer ${await worker.token('candidate')}`, 'POST', '/audit-records')).toEqual({
      caller: 'worker',
    });
  });

  it('refuses a missing or malformed credential', async () => {
    const v = await verifier();
    for (const header of [undefined, '', 'Basic abc', 'Bearer ', 'Bearer a b', `Bearer ${'x'.repeat(5000)}`]) {
      expect(await refusal(v.authorize(header, 'GET', '/profiles'))).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Permintaan ke layanan internal memerlukan token layanan.',
      });
    }
    expect((await refusal(v.authorize('Bearer not.a.jwt', 'GET', '/profiles'))).message).toBe(
      'Token layanan tidak sah.',
    );
  });

  it('refuses a token for another service', async () => {
    const v = await verifier();
    expect(await refusal(v.authorize(`Bearer ${await gateway.token('document')}`, 'GET', '/profiles'))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Token layanan tidak ditujukan untuk layanan ini.',
    });
  });

  it('refuses an expired token, also one it verified before, within a small clock skew', async () => {
    let now = Date.UTC(2026, 11, 6, 12, 0, 0);
    const clock = () => now;
    const v = await verifier(clock);
    const provider = createServiceTokenProvider({ issuer: 'gateway', privateKey: gatewayKeys.privateKey, now: clock });
    const token = `Bearer ${await provider.token('candidate')}`;
    expect((await v.authorize(token, 'GET', '/profiles')).caller).toBe('gateway');
    now += 95_000; // 5 s past expiry: within the tolerance
    expect((await v.authorize(token, 'GET', '/profiles')).caller).toBe('gateway');
    now += 10_000;
    expect(await refusal(v.authorize(token, 'GET', '/profiles'))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Token layanan sudah kedaluwarsa.',
    });
    // A fresh verifier (no cache) says the same.
    expect((await refusal((await verifier(clock)).authorize(token, 'GET', '/profiles'))).message).toBe(
      'Token layanan sudah kedaluwarsa.',
    );
  });

  it('refuses a token signed by an unknown key, even one naming a trusted caller', async () => {
    const v = await verifier();
    const stranger = createServiceTokenProvider({ issuer: 'gateway', privateKey: strangerKeys.privateKey });
    expect(await refusal(v.authorize(`Bearer ${await stranger.token('candidate')}`, 'GET', '/profiles'))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Token layanan tidak sah.',
    });
  });

  it("refuses a caller's key used to claim another identity", async () => {
    const v = await verifier();
    const impostor = createServiceTokenProvider({ issuer: 'worker', privateKey: gatewayKeys.privateKey });
    const token = `Bearer ${await impostor.token('candidate')}`;
    expect((await refusal(v.authorize(token, 'POST', '/audit-records'))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token claiming a long life, and one with an unsigned or symmetric algorithm', async () => {
    const v = await verifier();
    const iat = Math.floor(Date.now() / 1000);
    const { calculateJwkThumbprint, exportJWK } = await import('jose');
    const kid = await calculateJwkThumbprint(await exportJWK(gatewayKeys.publicKey));
    const long = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer('gateway')
      .setAudience('candidate')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(gatewayKeys.privateKey);
    expect((await refusal(v.authorize(`Bearer ${long}`, 'GET', '/profiles'))).code).toBe('UNAUTHENTICATED');
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid })
      .setIssuer('gateway')
      .setAudience('candidate')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(new TextEncoder().encode('a shared secret of enough length!!'));
    expect((await refusal(v.authorize(`Bearer ${hs}`, 'GET', '/profiles'))).code).toBe('UNAUTHENTICATED');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ iss: 'gateway', aud: 'candidate', iat, exp: iat + 60 })).toString(
      'base64url',
    );
    expect((await refusal(v.authorize(`Bearer ${header}.${body}.`, 'GET', '/profiles'))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a trusted caller on a route it is not allowed', async () => {
    const v = await verifier();
    expect(await refusal(v.authorize(`Bearer ${await gateway.token('candidate')}`, 'POST', '/audit-records'))).toEqual({
      code: 'FORBIDDEN',
      message: 'Pemanggil ini tidak diizinkan memakai rute ini.',
    });
  });

  it('accepts every key of a caller during a rotation, and ES256 keys', async () => {
    const next = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const v = await createServiceTokenVerifier({
      audience: 'assessment',
      trusted: { gateway: [gatewayKeys.publicKey, next.publicKey] },
    });
    const old = createServiceTokenProvider({ issuer: 'gateway', privateKey: gatewayKeys.privateKey });
    const rotated = createServiceTokenProvider({ issuer: 'gateway', privateKey: next.privateKey });
    expect((await v.authorize(`Bearer ${await old.token('assessment')}`, 'GET', '/x')).caller).toBe('gateway');
    expect((await v.authorize(`Bearer ${await rotated.token('assessment')}`, 'GET', '/x')).caller).toBe('gateway');
    // Both keys in one PEM text, as a rotated public-key file holds them.
    const both = [gatewayKeys.publicKey, next.publicKey]
      .map((k) => k.export({ type: 'spki', format: 'pem' }).toString())
      .join('');
    const fromFile = await createServiceTokenVerifier({ audience: 'assessment', trusted: { gateway: [both] } });
    expect((await fromFile.authorize(`Bearer ${await old.token('assessment')}`, 'GET', '/x')).caller).toBe('gateway');
    expect((await fromFile.authorize(`Bearer ${await rotated.token('assessment')}`, 'GET', '/x')).caller).toBe(
      'gateway',
    );
  });
});

describe('configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'service-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates development keys once, private ones readable by the owner only', () => {
    const keysDir = ensureDevServiceKeys(join(dir, 'service-keys'));
    const before = readFileSync(join(keysDir, 'gateway.key'), 'utf8');
    expect(statSync(join(keysDir, 'gateway.key')).mode & 0o777).toBe(0o600);
    ensureDevServiceKeys(keysDir);
    expect(readFileSync(join(keysDir, 'gateway.key'), 'utf8')).toBe(before);
  });

  it('reads keys from the data dir in development, from SERVICE_AUTH_KEY / SERVICE_AUTH_TRUST otherwise', async () => {
    const env = { SELEKSI_DATA_DIR: dir };
    const trusted = trustedCallersFromEnv(env);
    expect(Object.keys(trusted).sort()).toEqual(['gateway', 'operator', 'worker']);
    const v = await createServiceTokenVerifier({ audience: 'document', trusted });
    const worker = serviceTokenProviderFromEnv('worker', env);
    expect((await v.authorize(`Bearer ${await worker.token('document')}`, 'GET', '/x')).caller).toBe('worker');

    const pem = gatewayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const other = workerKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const configured = trustedCallersFromEnv({
      NODE_ENV: 'production',
      SERVICE_AUTH_TRUST: JSON.stringify({ gateway: [pem, join(dir, 'service-keys', 'gateway.pub')], worker: other }),
    });
    expect(configured.gateway).toHaveLength(2);
    expect(configured.worker).toEqual([other]);
    const key = gatewayKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromPem = serviceTokenProviderFromEnv('gateway', { NODE_ENV: 'production', SERVICE_AUTH_KEY: key });
    const strict = await createServiceTokenVerifier({ audience: 'document', trusted: configured });
    expect((await strict.authorize(`Bearer ${await fromPem.token('document')}`, 'GET', '/x')).caller).toBe('gateway');
  });

  it('requires configured keys in production and refuses a bad SERVICE_AUTH_TRUST', async () => {
    expect(() => serviceTokenProviderFromEnv('gateway', { NODE_ENV: 'production' })).toThrow(/SERVICE_AUTH_KEY/);
    expect(() => trustedCallersFromEnv({ NODE_ENV: 'production' })).toThrow(/SERVICE_AUTH_TRUST/);
    expect(() => trustedCallersFromEnv({ SERVICE_AUTH_TRUST: '["x"]' })).toThrow(/JSON object/);
    const pem = gatewayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(
      createServiceTokenVerifier({ audience: 'document', trusted: { gateway: [pem], worker: [pem] } }),
    ).rejects.toThrow(/both gateway and worker/);
    expect(() => serviceTokenProviderFromEnv('gateway', { SELEKSI_DATA_DIR: join(dir, 'none') })).toThrow(/not found/);
  });
});
