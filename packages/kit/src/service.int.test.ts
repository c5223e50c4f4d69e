import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DomainError } from '@seleksi/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from './logger';
import { startHttpService, type RunningService } from './service';
import { createServiceTokenProvider } from './service-auth';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
const keys = generateKeyPairSync('ed25519');
const auth = createServiceTokenProvider({ issuer: 'gateway', privateKey: keys.privateKey });

beforeAll(async () => {
  service = await startHttpService({
    name: 'kit-test',
    port: 0,
    logger: createLogger('kit-test', 'silent'),
    mongo: { uri: mongoUri, dbName: `it_kit_${randomUUID().slice(0, 8)}` },
    auth: { trusted: { gateway: [keys.publicKey] } },
    routes: (router) => {
      router.get('/domain', () => {
        throw new DomainError('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan', 'vacancyId');
      });
      router.post('/zod', (req, res) => {
        res.json(z.object({ limit: z.number().max(10) }).parse(req.body));
      });
      router.get('/crash', async () => {
        throw new Error('secret internals at /srv/app.ts:42');
      });
    },
  });
});

afterAll(async () => {
  await service?.close();
});

async function call(path: string, init?: RequestInit) {
  const headers = {
    ...(init?.headers as Record<string, string>),
    authorization: `Bearer ${await auth.token('kit-test')}`,
  };
  const res = await fetch(`${service.url}${path}`, { ...init, headers });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string; message: string; field?: string } },
  };
}

describe('startHttpService', () => {
  it('listens on a free port and answers the probes', async () => {
    expect(service.port).toBeGreaterThan(0);
    expect(await call('/healthz')).toEqual({ status: 200, body: { status: 'ok', service: 'kit-test' } });
    expect((await call('/readyz')).status).toBe(200);
  });

  it('refuses a request without a service token before reading its body, without echoing it', async () => {
    const res = await fetch(`${service.url}/zod`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"limit":"<script>"',
    });
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(JSON.parse(text)).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Permintaan ke layanan internal memerlukan token layanan.' },
    });
    expect(text).not.toContain('script');
  });

  it('maps errors thrown by routes to ServiceErrorBody', async () => {
    expect(await call('/domain')).toEqual({
      status: 404,
      body: { error: { code: 'UNKNOWN_VACANCY', message: 'Lowongan tidak ditemukan', field: 'vacancyId' } },
    });
    const zod = await call('/zod', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"limit":50}',
    });
    expect([zod.status, zod.body.error?.code, zod.body.error?.field]).toEqual([400, 'VALIDATION_FAILED', 'limit']);
    const crash = await call('/crash');
    expect(crash).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } });
    expect((await call('/missing')).body.error?.code).toBe('NOT_FOUND');
  });

  it('reports not ready once the database connection is gone, and closes idempotently', async () => {
    await service.conn.close();
    expect((await call('/readyz')).status).toBe(503);
    await Promise.all([service.close(), service.close()]);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });
});
