/**
 * The reverse proxy of the cluster rehearsal: one public port in front of several gateways, built on
 * http-proxy-3 (request and response bodies are streamed, so multipart uploads and SSE subscriptions pass
 * through unbuffered). Round-robin over the gateways whose health check answered last; a gateway that
 * fails a request or a check is skipped until a check answers again.
 *
 * Its status path names the gateways `gateway-1`, `gateway-2`, … with their health and request counts; their
 * internal URLs only to a request made on this host's loopback without a forwarding header (an operator's curl or
 * the container's health check), never to a client from outside or through a front proxy.
 */
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';
import { isRelayed } from '@seleksi/kit';

export interface ProxyLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface GatewayProxyOptions {
  targets: string[];
  /** Path each target answers 200 on when it takes requests (default /readyz). */
  healthPath?: string;
  /** Between two health checks of a target (default 1 s). */
  healthIntervalMs?: number;
  logger?: ProxyLogger;
}

export interface TargetState {
  /** `gateway-<n>` in the order of `targets`: what the status path shows to anyone. */
  name: string;
  url: string;
  healthy: boolean;
  /** Requests sent to it so far. */
  requests: number;
}

export interface GatewayProxy {
  server: Server;
  targets: readonly TargetState[];
  /** Checks every target once now. */
  checkAll(): Promise<void>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** The proxy's own status path (not forwarded). */
export const PROXY_HEALTH_PATH = '/proxy/healthz';

export interface ProxyHealth {
  status: 'ok' | 'unavailable';
  /** `url` only in the internal view. */
  targets: { name: string; healthy: boolean; requests: number; url?: string }[];
}

/** The status path's answer; `internal` adds the targets' URLs. */
export function proxyHealth(targets: readonly TargetState[], internal: boolean): ProxyHealth {
  return {
    status: targets.some((t) => t.healthy) ? 'ok' : 'unavailable',
    targets: targets.map((t) => ({
      name: t.name,
      healthy: t.healthy,
      requests: t.requests,
      ...(internal ? { url: t.url } : {}),
    })),
  };
}

/**
 * True for a request made on this host's loopback and not relayed: a front proxy or load balancer on the same host
 * connects from loopback too, but says whom it forwards for. Headers can only make a request look less internal.
 */
export function isInternalRequest(req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string } }) {
  const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const loopback = from === '::1' || /^127\./.test(from);
  return loopback && !isRelayed(req);
}

const unavailable = JSON.stringify({
  errors: [
    {
      message: 'Layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi.',
      extensions: { code: 'UNAVAILABLE' },
    },
  ],
});

function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(unavailable);
}

export function createGatewayProxy(options: GatewayProxyOptions): GatewayProxy {
  const healthPath = options.healthPath ?? '/readyz';
  const intervalMs = options.healthIntervalMs ?? 1000;
  const log = options.logger;
  const targets: TargetState[] = options.targets.map((url, i) => ({
    name: `gateway-${i + 1}`,
    url: url.replace(/\/$/, ''),
    healthy: true,
    requests: 0,
  }));
  // No socket cap: each open SSE subscription holds one upstream socket for as long as its client keeps it,
  // so a cap would make every other request queue (without a timeout) once that many streams are open.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  // No response timeouts: an SSE subscription stays open as long as its client keeps it.
  const proxy = createProxyServer({ xfwd: true, agent, proxyTimeout: 0, timeout: 0 });
  let next = 0;
  let closed = false;

  const mark = (t: TargetState, healthy: boolean, why: string): void => {
    if (t.healthy === healthy) return;
    t.healthy = healthy;
    if (healthy) log?.info({ target: t.name, url: t.url }, 'gateway back in rotation');
    else log?.warn({ target: t.name, url: t.url, reason: why }, 'gateway taken out of rotation');
  };

  /** The next healthy target after the last one chosen, or undefined when none is healthy. */
  const pick = (except?: TargetState): TargetState | undefined => {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(next + k) % targets.length]!;
      if (t.healthy && t !== except) {
        next = (next + k + 1) % targets.length;
        return t;
      }
    }
    return undefined;
  };

  const check = async (t: TargetState): Promise<void> => {
    try {
      const res = await fetch(`${t.url}${healthPath}`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      mark(t, res.status === 200, `health check answered ${res.status}`);
    } catch (err) {
      mark(t, false, (err as Error).message);
    }
  };
  const checkAll = async (): Promise<void> => {
    await Promise.all(targets.map(check));
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = (): void => {
    timer = setTimeout(() => {
      void checkAll().finally(() => {
        if (!closed) loop();
      });
    }, intervalMs);
  };

  const forward = (req: IncomingMessage, res: ServerResponse, tried?: TargetState): void => {
    const t = pick(tried);
    if (!t) return refuse(res, 503);
    t.requests += 1;
    proxy.web(req, res, { target: t.url }, (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      // Refused before anything was sent: the gateway is down. A request without a body can go to the next one
      // (a body has been read from the client already; the client resends it, as after any lost answer).
      const refused = code === 'ECONNREFUSED';
      if (refused || code === 'ECONNRESET') mark(t, false, code ?? 'proxy error');
      if (refused && !tried && (req.method === 'GET' || req.method === 'HEAD') && !res.headersSent) {
        forward(req, res, t);
        return;
      }
      refuse(res, 502);
    });
  };

  const server = createServer((req, res) => {
    if (req.url === PROXY_HEALTH_PATH) {
      const health = proxyHealth(targets, isInternalRequest(req));
      res.writeHead(health.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify(health));
      return;
    }
    forward(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const t = pick();
    if (!t) return socket.destroy();
    proxy.ws(req, socket, head, { target: t.url }, () => void socket.destroy());
  });
  // Bounds on *receiving* a request only (Node does not count the response), so a client trickling its
  // headers or body cannot hold a connection forever, while SSE responses stay unbounded. Five minutes
  // leaves room for large uploads on slow links.
  server.headersTimeout = 60_000;
  server.requestTimeout = 5 * 60_000;

  return {
    server,
    targets,
    checkAll,
    async listen(port, host = '127.0.0.1') {
      await checkAll();
      loop();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
      agent.destroy();
    },
  };
}
