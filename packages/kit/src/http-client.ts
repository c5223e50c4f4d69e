import { isErrorCode, type ErrorCode, type ServiceErrorBody } from '@seleksi/domain';

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
  /** This request's time-out instead of the client's (for the few that read a whole agency once). */
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
  fetch?: typeof fetch;
}

/** Encodes a path segment (ids may contain '.', never '/'). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.toString();
}

function isErrorBody(value: unknown): value is ServiceErrorBody {
  const e = (value as ServiceErrorBody | null)?.error;
  return !!e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string';
}

/** JSON-over-HTTP client for one service; every failure surfaces as a `ServiceError`. */
export function createServiceClient(
  baseUrl: string,
  { name, timeoutMs = 10_000, fetch: fetchFn }: ServiceClientOptions,
): ServiceClient {
  const doFetch = fetchFn ?? globalThis.fetch;

  async function send(
    method: string,
    path: string,
    options: RequestOptions,
    body?: { bytes: Uint8Array | string; contentType: string },
  ): Promise<Response | null> {
    const url = buildUrl(baseUrl, path, options.query);
    const signals = [AbortSignal.timeout(options.timeoutMs ?? timeoutMs), ...(options.signal ? [options.signal] : [])];
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': body.contentType } : {}) },
        body: body?.bytes as BodyInit | undefined,
        signal: AbortSignal.any(signals),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new ServiceError(
        name,
        'UNAVAILABLE',
        `${name} ${timedOut ? 'timed out' : 'unreachable'}: ${method} ${path}`,
        0,
      );
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
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

  // The timeout also covers reading the body; a cut-off body is the service being unavailable.
  async function readBody<R>(
    res: Response,
    method: string,
    path: string,
    read: (r: Response) => Promise<R>,
  ): Promise<R> {
    try {
      return await read(res);
    } catch {
      throw new ServiceError(name, 'UNAVAILABLE', `${name} body read failed: ${method} ${path}`, 0);
    }
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
    const text = await readBody(res, method, path, (r) => r.text());
    try {
      return JSON.parse(text) as T;
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
      const bytes = Buffer.from(await readBody(res, method, path, (r) => r.arrayBuffer()));
      return { status: res.status, bytes, contentType: res.headers.get('content-type') ?? '', headers: res.headers };
    },
  };
}
