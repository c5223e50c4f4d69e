import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient } from './clients';
import { createServiceClient, ServiceError } from './http-client';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    if (url.pathname === '/echo-query')
      return void res.writeHead(200).end(JSON.stringify(Object.fromEntries(url.searchParams)));
    if (url.pathname === '/nip')
      return void res
        .writeHead(400)
        .end(JSON.stringify({ error: { code: 'INVALID_NIP', message: 'NIP salah', field: 'nip' } }));
    if (url.pathname.startsWith('/selections/'))
      return void res
        .writeHead(404)
        .end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Selection not found' } }));
    if (url.pathname === '/profiles') {
      const ids = (url.searchParams.get('ids') ?? '').split(',');
      return void res
        .writeHead(200)
        .end(JSON.stringify({ items: ids.map((id) => (id.startsWith('x') ? null : { id })) }));
    }
    // Answers the first request of a connection; cuts the connection on a later one (an idle close racing a reuse).
    if (url.pathname === '/once-per-connection') {
      const socket = req.socket as typeof req.socket & { served?: boolean };
      if (socket.served) return void socket.destroy();
      socket.served = true;
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
    if (url.pathname === '/cut') return void req.socket.destroy();
    if (url.pathname === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 500);
    if (url.pathname === '/html')
      return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    res.writeHead(500).end('{"error":{"code":"SOMETHING_NEW","message":"x"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('createServiceClient', () => {
  const client = () => createServiceClient(base, { name: 'candidate', timeoutMs: 200 });

  it('parses JSON and encodes query parameters (arrays as comma lists)', async () => {
    expect(await client().get('/ok')).toEqual({ a: 1 });
    expect(await client().get('/echo-query', { query: { ids: ['a', 'b'], limit: 2, skip: undefined } })).toEqual({
      ids: 'a,b',
      limit: '2',
    });
  });

  it("carries the service's code, field and status", async () => {
    const err = await failure(client().post('/nip', { nip: '1' }));
    expect([err.service, err.code, err.field, err.status, err.message, err.retryable]).toEqual([
      'candidate',
      'INVALID_NIP',
      'nip',
      400,
      'NIP salah',
      false,
    ]);
  });

  it('maps unknown codes to INTERNAL and non-JSON gateway errors to UNAVAILABLE', async () => {
    expect((await failure(client().get('/boom'))).code).toBe('INTERNAL');
    const html = await failure(client().get('/html'));
    expect([html.code, html.status, html.retryable]).toEqual(['UNAVAILABLE', 502, true]);
  });

  it('reports UNAVAILABLE on timeout and on connection failure', async () => {
    const slow = await failure(client().get('/slow'));
    expect([slow.code, slow.status, slow.retryable]).toEqual(['UNAVAILABLE', 0, true]);
    const down = await failure(createServiceClient('http://127.0.0.1:1', { name: 'document' }).get('/x'));
    expect([down.code, down.service]).toEqual(['UNAVAILABLE', 'document']);
  });

  it("lets one request (a bulk write) wait longer than the client's timeout", async () => {
    expect(await client().put('/slow', {}, { timeoutMs: 30_000 })).toEqual({});
    expect((await failure(client().put('/slow', {}))).code).toBe('UNAVAILABLE');
  });
});

describe('createServiceClient over pooled connections', () => {
  it('reuses a connection and sends a request again when the service closed the reused connection', async () => {
    const c = createServiceClient(base, { name: 'candidate', timeoutMs: 2_000 });
    expect(await c.get('/once-per-connection')).toEqual({ ok: true });
    // The pooled connection is reused, the service cuts it, the client retries on a new connection.
    expect(await c.post('/once-per-connection', { a: 1 })).toEqual({ ok: true });
    expect(await c.get('/once-per-connection')).toEqual({ ok: true });
  });

  it('does not send again when a fresh connection is cut', async () => {
    const err = await failure(createServiceClient(base, { name: 'candidate', timeoutMs: 2_000 }).get('/cut'));
    expect([err.code, err.status, err.message]).toEqual(['UNAVAILABLE', 0, 'candidate unreachable: GET /cut']);
  });
});

describe('CandidateClient', () => {
  it('resolves a 404 NOT_FOUND read to null', async () => {
    expect(await new CandidateClient(base, { auth: null }).getSelection('nope')).toBeNull();
  });

  it('batches ids in chunks and keeps their order', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => (i % 7 === 0 ? `x${i}` : `p${i}`));
    const profiles = await new CandidateClient(base, { auth: null }).getProfilesByIds(ids);
    expect(profiles.map((p) => p?.id ?? null)).toEqual(ids.map((id) => (id.startsWith('x') ? null : id)));
  });
});
