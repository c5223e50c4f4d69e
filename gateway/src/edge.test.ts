import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from './config';
import { edgeOptions } from './edge';
import { bracketNesting } from './limits';
import { schema } from './schema';

const config = gatewayConfigSchema.parse({ AUTH_SECRET: 'x'.repeat(32) });
const MARK = 'ZQXECHO';

function yogaWith(context: () => unknown, debug = false) {
  return createYoga({
    schema,
    ...edgeOptions({ ...config, GATEWAY_DEBUG_ERRORS: debug }),
    context: context as never,
    logging: false,
  });
}
const yoga = yogaWith(() => ({ user: null }));

interface Answer {
  status: number;
  text: string;
  errors: { message: string; extensions?: Record<string, unknown> }[];
}

async function send(init: RequestInit & { url?: string }, y = yoga): Promise<Answer> {
  const res = await y.fetch(init.url ?? 'http://gateway.test/graphql', init);
  const text = await res.text();
  let errors: Answer['errors'] = [];
  try {
    errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? [];
  } catch {
    // asserted by the callers
  }
  return { status: res.status, text, errors };
}

const post = (body: string, type = 'application/json') =>
  send({ method: 'POST', headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) }, body });

function expectTyped(a: Answer, status: number, code: string, field?: string) {
  expect(a.status).toBe(status);
  expect(a.errors.length).toBeGreaterThan(0);
  expect(a.errors[0]!.extensions?.code).toBe(code);
  if (field) expect(a.errors[0]!.extensions?.field).toBe(field);
  expect(a.text).not.toMatch(/originalError|stack|\/work\/|node_modules|ZQXECHO/);
}

describe('the edge', () => {
  it('answers malformed variables in a GET with a typed 400', async () => {
    const url = `http://gateway.test/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{${MARK}`)}`;
    expectTyped(
      await send({ method: 'GET', url, headers: { accept: 'application/json' } }),
      400,
      'VALIDATION_FAILED',
      'variables',
    );
  });

  it('refuses 20,000 nested braces before parsing', async () => {
    const q = `{ a ${'{'.repeat(20_000)}${'}'.repeat(20_001)}`;
    const a = await post(JSON.stringify({ query: q }));
    expectTyped(a, 400, 'QUERY_TOO_COMPLEX');
    expect(a.errors[0]!.extensions).toMatchObject({ limit: 'nesting' });
  });

  it('refuses too many tokens', async () => {
    const q = `{ ${'a '.repeat(5000)} }`;
    const a = await post(JSON.stringify({ query: q }));
    expectTyped(a, 400, 'QUERY_TOO_COMPLEX');
    expect(a.errors[0]!.extensions).toMatchObject({ limit: 'tokens' });
  });

  it('refuses an over-long id before any resolver (literal and variable)', async () => {
    const id = MARK + 'x'.repeat(1_000);
    expectTyped(await post(JSON.stringify({ query: `{ node(id: "${id}") { id } }` })), 400, 'VALIDATION_FAILED', 'id');
    const huge = await post(JSON.stringify({ query: `{ node(id: "${MARK}${'x'.repeat(1_000_000)}") { id } }` }));
    // 413 from the Content-Length over HTTP (yoga.fetch drops it here; the document's length limit answers).
    expect([400, 413]).toContain(huge.status);
    expect(huge.text).not.toContain(MARK);
    const a = await post(JSON.stringify({ query: 'query($i: ID!) { node(id: $i) { id } }', variables: { i: id } }));
    expectTyped(a, 400, 'VALIDATION_FAILED', 'i');
  });

  it('answers text/plain with a typed 415', async () => {
    expectTyped(await post(`{ __typename } ${MARK}`, 'text/plain'), 415, 'VALIDATION_FAILED', 'content-type');
  });

  it('answers broken JSON with a typed 400 that does not echo it', async () => {
    expectTyped(await post(`{"query": "${MARK}`), 400, 'VALIDATION_FAILED', 'body');
    expectTyped(await post(`"${MARK}"`), 400, 'VALIDATION_FAILED');
    expectTyped(await post(`[1, "${MARK}"]`), 400, 'VALIDATION_FAILED');
  });

  it('maps parse, validation and variable errors to fixed messages', async () => {
    expectTyped(await post(JSON.stringify({ query: `{ ${MARK}( }` })), 400, 'VALIDATION_FAILED', 'query');
    expectTyped(await post(JSON.stringify({ query: `{ ${MARK} }` })), 400, 'VALIDATION_FAILED', 'query');
    const a = await post(
      JSON.stringify({
        query: 'query($i: Int!) { selections(first: $i) { edges { cursor } } }',
        variables: { i: MARK },
      }),
    );
    expectTyped(a, 400, 'VALIDATION_FAILED', 'i');
    expectTyped(await post(JSON.stringify({ query: '{ __typename }', operationName: MARK })), 400, 'VALIDATION_FAILED');
  });

  it('answers other methods with a typed 405 and mutations over GET too', async () => {
    expectTyped(await send({ method: 'PUT', body: '{}' }), 405, 'VALIDATION_FAILED', 'method');
    const url = `http://gateway.test/graphql?query=${encodeURIComponent('mutation { signOut }')}`;
    expectTyped(await send({ method: 'GET', url, headers: { accept: 'application/json' } }), 405, 'VALIDATION_FAILED');
  });

  it('refuses an oversized JSON body with a typed 413', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { x: MARK.repeat(200_000) } });
    expectTyped(await post(body), 413, 'VALIDATION_FAILED', 'body');
  });

  it('masks an unexpected failure without originalError, even with NODE_ENV=development', async () => {
    const failing = yogaWith(() => {
      throw new Error(`boom ${MARK} at /work/secret.ts`);
    });
    const prev = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      expectTyped(
        await send(
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
          failing,
        ),
        500,
        'INTERNAL',
      );
    } finally {
      process.env.NODE_ENV = prev;
    }
  });

  it('answers a store that is down as UNAVAILABLE (503)', async () => {
    const down = yogaWith(() => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    });
    expectTyped(
      await send(
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
        down,
      ),
      503,
      'UNAVAILABLE',
    );
  });

  it('shows the original error only with the debug setting', async () => {
    const failing = yogaWith(() => {
      throw new Error('boom');
    }, true);
    const a = await send(
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
      failing,
    );
    expect(a.text).toMatch(/originalError/);
  });

  it('still answers a good query', async () => {
    const a = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(a.status).toBe(200);
    expect(JSON.parse(a.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('counts nesting outside strings and comments only', () => {
    expect(bracketNesting('{ a(x: "{{{{") { b { c } } } # {{{{')).toBe(3);
    expect(bracketNesting('{ a(x: """ {{{ \\""" {{ """) }')).toBe(2);
  });
});
