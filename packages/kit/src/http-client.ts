import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isErrorCode, type ErrorCode, type ServiceErrorBody } from '@seleksi/domain';
import type { ServiceTokenProvider } from './service-auth';
import { callTraced } from './telemetry';

/** A failed call to a service: the service's error code and field, or UNAVAILABLE when it could not be reached. */
export class ServiceError extends Error {
  constructor(
    readonly service: string,
    readonly code: ErrorCode,
    message: string,
    /** HTTP status, 0 when no response arrived. */
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** Worth retrying: no answer, a timeout or a 5xx (4xx answers will not change on retry). */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export interface RequestOptions {
  query?: Query;
  /** Resolve to null on a 404 NOT_FOUND answer instead of throwing. */
  nullOn404?: boolean;
  signal?: AbortSignal;
  /** Overrides the client's timeout for this request (bulk endpoints). */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  bytes: Buffer;
  contentType: string;
  headers: Headers;
}

export interface ServiceClient {
  readonly name: string;
  readonly baseUrl: string;
  get<T>(path: string, options: RequestOptions & { nullOn404: true }): Promise<T | null>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  /** Any method, raw body in and out (PDF bytes); throws ServiceError on a non-2xx answer. */
  raw(
    method: string,
    path: string,
    options?: RequestOptions & { body?: Uint8Array; contentType?: string },
  ): Promise<RawResponse | null>;
}

export interface ServiceClientOptions {
  name: string;
  timeoutMs?: number;
  /** Sends through this fetch instead of node:http (tests count or alter calls with it). */
  fetch?: typeof fetch;
  /** Signs each request with a service token for the audience `name` (services refuse requests without one). */
  auth?: ServiceTokenProvider | null;
}

/** Encodes a path segment (ids may contain '.', never '/'). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

function buildUrl(baseUrl: string, path: string, query?: Query): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url;
}

function isErrorBody(value: unknown): value is ServiceErrorBody {
  const e = (value as ServiceErrorBody | null)?.error;
  return !!e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string';
}

/**
 * Keep-alive connections to the services, one pool per process. node:http rather than the global
 * fetch: per call, fetch (its Request, Headers, web streams and abort signals) cost about three
 * times the CPU of the rest of a small service call, and it writes a request's headers and body in
 * two packets where node:http writes one.
 */
const AGENTS = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** A whole answer: status, headers and body, read within the request's timeout. */
interface Exchange {
  status: number;
  header(name: string): string | null;
  headers(): Headers;
  body: Buffer;
}

/** Why no whole answer arrived. */
class TransportError extends Error {
  constructor(readonly kind: 'timed out' | 'unreachable' | 'body read failed') {
    super(kind);
  }
}

interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const RETRYABLE_ON_REUSE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** One request over the keep-alive pool; the timeout covers the body too. */
function exchangeHttp(url: URL, out: Outgoing, retried = false): Promise<Exchange> {
  const deadline = Date.now() + out.timeoutMs;
  return new Promise((resolve, reject) => {
    let settled = false;
    let responded = false;
    const finish = (err: TransportError | null, value?: Exchange | Promise<Exchange>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      out.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const timer = setTimeout(() => finish(new TransportError('timed out')), out.timeoutMs);
    const onAbort = () => finish(new TransportError(responded ? 'body read failed' : 'unreachable'));
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: out.method, headers: out.headers, agent: AGENTS[url.protocol === 'https:' ? 'https:' : 'http:'] },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', () => finish(new TransportError('body read failed')));
        res.once('end', () => {
          if (!res.complete) return finish(new TransportError('body read failed'));
          const headers: IncomingHttpHeaders = res.headers;
          finish(null, {
            status: res.statusCode ?? 0,
            header: (n) => {
              const v = headers[n.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
            },
            headers: () => {
              const h = new Headers();
              for (const [k, v] of Object.entries(headers)) {
                if (Array.isArray(v)) for (const x of v) h.append(k, x);
                else if (v !== undefined) h.set(k, v);
              }
              return h;
            },
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    req.once('error', (err: NodeJS.ErrnoException) => {
      // A pooled connection the service closed as idle just as it was reused: the service never saw
      // this request, so it is sent once more on a fresh connection (as Node's documentation advises).
      if (settled) return;
      if (!responded && !retried && req.reusedSocket && RETRYABLE_ON_REUSE.has(err.code ?? '')) {
        return finish(null, exchangeHttp(url, { ...out, timeoutMs: Math.max(1, deadline - Date.now()) }, true));
      }
      finish(new TransportError(responded ? 'body read failed' : 'unreachable'));
    });
    if (out.signal?.aborted) return onAbort();
    out.signal?.addEventListener('abort', onAbort, { once: true });
    req.end(out.body);
  });
}

/** The same through a given fetch. */
async function exchangeFetch(doFetch: typeof fetch, url: URL, out: Outgoing): Promise<Exchange> {
  const signals = [AbortSignal.timeout(out.timeoutMs), ...(out.signal ? [out.signal] : [])];
  let res: Response;
  try {
    res = await doFetch(url.toString(), {
      method: out.method,
      headers: out.headers,
      body: out.body as BodyInit | undefined,
      signal: AbortSignal.any(signals),
    });
  } catch (err) {
    throw new TransportError((err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
  let body: Buffer;
  try {
    body = Buffer.from(await res.arrayBuffer());
  } catch {
    throw new TransportError('body read failed');
  }
  return { status: res.status, header: (n) => res.headers.get(n), headers: () => res.headers, body };
}

/** JSON-over-HTTP client for one service; every failure surfaces as a `ServiceError`. */
export function createServiceClient(
  baseUrl: string,
  { name, timeoutMs = 10_000, fetch: fetchFn, auth }: ServiceClientOptions,
): ServiceClient {
  /** The request headers, with the cached service token when the client has a credential. */
  async function headersFor(body?: { contentType: string }): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = body.contentType;
    if (auth) headers.authorization = `Bearer ${await auth.token(name)}`;
    return headers;
  }

  async function send(
    method: string,
    path: string,
    options: RequestOptions,
    body?: { bytes: Uint8Array | string; contentType: string },
  ): Promise<Exchange | null> {
    const url = buildUrl(baseUrl, path, options.query);
    const out: Outgoing = {
      method,
      headers: await headersFor(body),
      body: body?.bytes,
      timeoutMs: options.timeoutMs ?? timeoutMs,
      signal: options.signal,
    };
    let res: Exchange;
    try {
      res = await callTraced(
        `${method} ${name}`,
        out.headers,
        () => (fetchFn ? exchangeFetch(fetchFn, url, out) : exchangeHttp(url, out)),
        (r) => r.status,
      );
    } catch (err) {
      const kind = err instanceof TransportError ? err.kind : 'unreachable';
      throw new ServiceError(name, 'UNAVAILABLE', `${name} ${kind}: ${method} ${path}`, 0);
    }
    if (res.status >= 200 && res.status < 300) return res;
    const text = res.body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (isErrorBody(parsed)) {
      const { code, message, field } = parsed.error;
      if (options.nullOn404 && res.status === 404 && code === 'NOT_FOUND') return null;
      throw new ServiceError(name, isErrorCode(code) ? code : 'INTERNAL', message, res.status, field);
    }
    const code: ErrorCode = res.status === 502 || res.status === 503 || res.status === 504 ? 'UNAVAILABLE' : 'INTERNAL';
    throw new ServiceError(name, code, `${name} answered ${res.status} to ${method} ${path}`, res.status);
  }

  async function json<T>(method: string, path: string, options: RequestOptions, payload?: unknown): Promise<T | null> {
    const res = await send(
      method,
      path,
      options,
      payload === undefined ? undefined : { bytes: JSON.stringify(payload), contentType: 'application/json' },
    );
    if (!res) return null;
    if (res.status === 204) return undefined as T;
    try {
      return JSON.parse(res.body.toString('utf8')) as T;
    } catch {
      throw new ServiceError(name, 'INTERNAL', `${name} sent an invalid JSON body for ${method} ${path}`, res.status);
    }
  }

  return {
    name,
    baseUrl,
    get: (<T>(path: string, options: RequestOptions = {}) => json<T>('GET', path, options)) as ServiceClient['get'],
    post: async <T>(path: string, body: unknown, options: RequestOptions = {}) =>
      (await json<T>('POST', path, options, body)) as T,
    put: async <T>(path: string, body: unknown, options: RequestOptions = {}) =>
      (await json<T>('PUT', path, options, body)) as T,
    async raw(method, path, options = {}) {
      const res = await send(
        method,
        path,
        options,
        options.body
          ? { bytes: options.body, contentType: options.contentType ?? 'application/octet-stream' }
          : undefined,
      );
      if (!res) return null;
      return {
        status: res.status,
        bytes: res.body,
        contentType: res.header('content-type') ?? '',
        headers: res.headers(),
      };
    },
  };
}
