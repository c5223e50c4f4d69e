/**
 * The reverse proxy against real HTTP servers on loopback: round-robin, a stopped target skipped, a
 * multipart body passed through byte for byte, and SSE events arriving one by one (not buffered).
 */
import { createHash } from 'node:crypto';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayProxy, isInternalRequest, type GatewayProxy, type ProxyHealth } from './proxy';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** A stand-in gateway: /readyz, /echo (answers its name and the body's SHA-256), /sse (one event per release). */
async function target(name: string) {
  const releases: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/readyz') return void res.end('ok');
    if (req.url === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: next\ndata: ${name}-0\n\n`);
      let n = 0;
      releases.push(() => res.write(`event: next\ndata: ${name}-${++n}\n\n`));
      return;
    }
    const hash = createHash('sha256');
    req.on('data', (c: Buffer) => hash.update(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          name,
          sha256: hash.digest('hex'),
          type: req.headers['content-type'],
          forwardedFor: req.headers['x-forwarded-for'],
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const handle = {
    url: `http://127.0.0.1:${port}`,
    releaseAll: () => releases.forEach((r) => r()),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  open.push(handle);
  return handle;
}

async function proxyFor(urls: string[]): Promise<{ proxy: GatewayProxy; url: string }> {
  const proxy = createGatewayProxy({ targets: urls, healthIntervalMs: 100 });
  const port = await proxy.listen(0);
  open.push(proxy);
  return { proxy, url: `http://127.0.0.1:${port}` };
}

describe('gateway proxy', () => {
  it('sends requests round-robin and skips a target that went down', async () => {
    const [a, b] = [await target('a'), await target('b')];
    const { proxy, url } = await proxyFor([a.url, b.url]);
    const names = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(((await (await fetch(`${url}/echo`)).json()) as { name: string }).name);
      return out;
    };
    expect(await names(4)).toEqual(['a', 'b', 'a', 'b']);

    await b.close();
    // A GET that meets the stopped target is sent to the next one; the target leaves the rotation.
    expect(await names(4)).toEqual(['a', 'a', 'a', 'a']);
    expect(proxy.targets.map((t) => t.healthy)).toEqual([true, false]);
    const health = await fetch(`${url}/proxy/healthz`);
    expect(health.status).toBe(200);
    // From loopback without a forwarding header: the operator's view, with the internal URLs.
    expect(await health.json()).toEqual({
      status: 'ok',
      targets: [
        { name: 'gateway-1', healthy: true, requests: expect.any(Number), url: a.url },
        { name: 'gateway-2', healthy: false, requests: expect.any(Number), url: b.url },
      ],
    });

    await a.close();
    const none = await fetch(`${url}/echo`);
    expect(none.status).toBeGreaterThanOrEqual(502);
    expect(((await none.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'UNAVAILABLE',
    );
  });

  it('shows the gateways by name only to a request relayed by a front proxy', async () => {
    const [a, b] = [await target('a'), await target('b')];
    const { proxy, url } = await proxyFor([a.url, b.url]);
    const relayed: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }];
    for (const headers of relayed) {
      const res = await fetch(`${url}/proxy/healthz`, { headers });
      const text = await res.text();
      expect(text).not.toContain(a.url);
      expect(text).not.toContain('127.0.0.1');
      expect((JSON.parse(text) as ProxyHealth).targets.map((t) => [t.name, t.healthy])).toEqual([
        ['gateway-1', true],
        ['gateway-2', true],
      ]);
    }
    await Promise.all([a.close(), b.close()]);
    await proxy.checkAll();
    const down = await fetch(`${url}/proxy/healthz`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(down.status).toBe(503);
    expect(((await down.json()) as ProxyHealth).status).toBe('unavailable');
  });

  it('takes only loopback requests without forwarding headers as internal', () => {
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({
      socket: { remoteAddress },
      headers,
    });
    expect(isInternalRequest(req('127.0.0.1'))).toBe(true);
    expect(isInternalRequest(req('::1'))).toBe(true);
    expect(isInternalRequest(req('::ffff:127.0.0.1'))).toBe(true);
    expect(isInternalRequest(req('10.0.0.5'))).toBe(false);
    expect(isInternalRequest(req('::ffff:192.168.1.20'))).toBe(false);
    expect(isInternalRequest(req('127.0.0.1', { 'x-real-ip': '198.51.100.1' }))).toBe(false);
  });

  it('passes a multipart upload through unchanged, with the client address forwarded', async () => {
    const a = await target('a');
    const { url } = await proxyFor([a.url]);
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation { x }' }));
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    form.set('0', new Blob([bytes], { type: 'application/pdf' }), 'big.pdf');
    const request = new Request(`${url}/graphql`, { method: 'POST', body: form });
    const body = Buffer.from(await request.clone().arrayBuffer());
    const res = (await (await fetch(request)).json()) as { sha256: string; type: string; forwardedFor: string };
    expect(res.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(res.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(res.forwardedFor).toBe('127.0.0.1');
  });

  it('streams SSE events as they come', async () => {
    const a = await target('a');
    const { url } = await proxyFor([a.url]);
    const abort = new AbortController();
    const res = await fetch(`${url}/sse`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += value;
      }
    };
    await until('data: a-0'); // before any later event exists: not held back by the proxy
    a.releaseAll();
    await until('data: a-1');
    abort.abort();
  });

  it('keeps answering plain requests while 300 SSE streams are open', async () => {
    const a = await target('a');
    const { url } = await proxyFor([a.url]);
    // Each stream on its own client socket (agent: false), held open until the end of the test.
    const streams = await Promise.all(
      Array.from(
        { length: 300 },
        () =>
          new Promise<IncomingMessage>((resolve, reject) => {
            const req = get(`${url}/sse`, { agent: false }, (res) => {
              res.once('data', () => resolve(res)); // the first event came through the proxy
            });
            req.once('error', reject);
          }),
      ),
    );
    try {
      const res = await fetch(`${url}/echo`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe('a');
    } finally {
      for (const s of streams) s.destroy();
    }
  }, 120_000);

  it('bounds receiving a request, not the response', async () => {
    const { proxy } = await proxyFor([(await target('a')).url]);
    expect(proxy.server.headersTimeout).toBe(60_000);
    expect(proxy.server.requestTimeout).toBe(5 * 60_000);
  });
});
