/**
 * Internal services refuse requests without a service credential (issue 14): the three real services on the
 * suite's FerretDB, called over HTTP with no token, an expired one, one for another service, one signed by an
 * unknown key and one of a caller not allowed on the route; the right token is accepted. The forged
 * `POST /audit-records` of the issue is refused and no record appears.
 */
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditRecordDto } from '@seleksi/domain';
import {
  createServiceTokenProvider,
  devServiceKeysDir,
  serviceTokenProviderFromEnv,
  type ServiceTokenProvider,
} from '@seleksi/kit';
import { startServices, type ServicesStack } from './support/stack';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let stack: ServicesStack;
let base: Record<'candidate' | 'assessment' | 'document', string>;
const gateway = serviceTokenProviderFromEnv('gateway', {});
const worker = serviceTokenProviderFromEnv('worker', {});

beforeAll(async () => {
  stack = await startServices(mongoUri, `it_svcauth_${Date.now().toString(36)}`);
  base = {
    candidate: stack.urls.CANDIDATE_SERVICE_URL,
    assessment: stack.urls.ASSESSMENT_SERVICE_URL,
    document: stack.urls.DOCUMENT_SERVICE_URL,
  };
});

afterAll(async () => {
  await stack?.close();
});

type Service = keyof typeof base;

interface Call {
  service: Service;
  method: string;
  path: string;
  body?: unknown;
}

async function send(call: Call, authorization?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(base[call.service] + call.path, {
    method: call.method,
    headers: {
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(authorization ? { authorization } : {}),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  return { status: res.status, text: await res.text() };
}

const bearer = async (provider: ServiceTokenProvider, audience: string) => `Bearer ${await provider.token(audience)}`;

function forgedRecord(selectionId: string): AuditRecordDto {
  return {
    decisionId: `forged-${selectionId}`,
    selectionId,
    workflowId: `selection:FORGE:${selectionId}`,
    kind: 'APPOINTEE_CHOSEN',
    by: { userId: 'ppk-palsu', role: 'PPK' },
    at: new Date().toISOString(),
    reason: 'disisipkan tanpa kredensial',
    subjectId: 'peserta-titipan',
    payload: {},
  } as unknown as AuditRecordDto;
}

/** A read and a write of each service; the write is one the gateway may not make (only the worker does). */
const READS: Call[] = [
  { service: 'candidate', method: 'GET', path: '/audit-records?selectionId=sel-auth' },
  { service: 'assessment', method: 'GET', path: '/score-records?selectionId=sel-auth' },
  { service: 'document', method: 'GET', path: '/documents?selectionId=sel-auth' },
];
const WORKER_WRITES: Call[] = [
  { service: 'candidate', method: 'PUT', path: '/selections/sel-auth', body: {} },
  { service: 'assessment', method: 'PUT', path: '/score-records/sc-auth', body: {} },
  { service: 'document', method: 'POST', path: '/documents', body: {} },
];
const ALL = [...READS, ...WORKER_WRITES];

function expectRefused(res: { status: number; text: string }, status: 401 | 403, message: string): void {
  expect(res.status).toBe(status);
  expect(JSON.parse(res.text)).toEqual({ error: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message } });
}

describe('service credentials', () => {
  it('keep the readiness probes open', async () => {
    for (const s of ['candidate', 'assessment', 'document'] as const) {
      expect((await send({ service: s, method: 'GET', path: '/readyz' })).status).toBe(200);
      expect((await send({ service: s, method: 'GET', path: '/healthz' })).status).toBe(200);
    }
  });

  it('refuse reads and writes without a token, with a typed body that echoes nothing', async () => {
    for (const call of ALL) {
      const res = await send(call);
      expectRefused(res, 401, 'Permintaan ke layanan internal memerlukan token layanan.');
      expect(res.text).not.toContain('sel-auth');
    }
  });

  it('refuse an expired token', async () => {
    const keyFile = join(devServiceKeysDir(), 'gateway.key');
    const past = createServiceTokenProvider({
      issuer: 'gateway',
      privateKey: keyFile,
      now: () => Date.now() - 10 * 60_000,
    });
    for (const call of ALL) {
      expectRefused(await send(call, await bearer(past, call.service)), 401, 'Token layanan sudah kedaluwarsa.');
    }
  });

  it('refuse a token for another service', async () => {
    for (const call of ALL) {
      const other = call.service === 'candidate' ? 'document' : 'candidate';
      expectRefused(
        await send(call, await bearer(worker, other)),
        401,
        'Token layanan tidak ditujukan untuk layanan ini.',
      );
    }
  });

  it('refuse a token signed by an unknown key, even naming a trusted caller', async () => {
    const stranger = createServiceTokenProvider({
      issuer: 'worker',
      privateKey: generateKeyPairSync('ed25519').privateKey,
    });
    for (const call of ALL) {
      expectRefused(await send(call, await bearer(stranger, call.service)), 401, 'Token layanan tidak sah.');
    }
  });

  it('refuse a trusted caller on a route it may not use, and let the allowed one through', async () => {
    for (const call of WORKER_WRITES) {
      expectRefused(
        await send(call, await bearer(gateway, call.service)),
        403,
        'Pemanggil ini tidak diizinkan memakai rute ini.',
      );
      // The worker gets past the credential check to the route (which refuses the empty body).
      const res = await send(call, await bearer(worker, call.service));
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('give a route written in other letters or with a trailing slash no way around its rule', async () => {
    const variants: Call[] = [
      { service: 'candidate', method: 'PUT', path: '/Selections/sel-auth', body: {} },
      { service: 'assessment', method: 'PUT', path: '/Score-Records/sc-auth', body: {} },
      { service: 'document', method: 'POST', path: '/documents/', body: {} },
      { service: 'assessment', method: 'POST', path: '/Talent-Gate/X/approval', body: {} },
    ];
    for (const call of variants) {
      // Past the credential check (no rule names the odd spelling), but no route answers it either.
      const res = await send(call, await bearer(worker, call.service));
      expect(res.status, `${call.method} ${call.path}`).toBe(404);
      expect((JSON.parse(res.text) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('answer reads with the right token, for each trusted caller', async () => {
    for (const call of READS) {
      for (const caller of [gateway, worker]) {
        const res = await send(call, await bearer(caller, call.service));
        expect(res.status).toBe(200);
        expect((JSON.parse(res.text) as { items: unknown[] }).items).toEqual([]);
      }
    }
  });

  it('refuse the forged audit record of the issue, which then does not appear', async () => {
    const call: Call = {
      service: 'candidate',
      method: 'POST',
      path: '/audit-records',
      body: forgedRecord('sel-forged'),
    };
    expectRefused(await send(call), 401, 'Permintaan ke layanan internal memerlukan token layanan.');
    const stranger = createServiceTokenProvider({
      issuer: 'gateway',
      privateKey: generateKeyPairSync('ed25519').privateKey,
    });
    expectRefused(await send(call, await bearer(stranger, 'candidate')), 401, 'Token layanan tidak sah.');
    expect((await stack.clients.candidate.listAuditRecords({ selectionId: 'sel-forged' })).items).toEqual([]);
  });
});
