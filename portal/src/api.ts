/**
 * The portal's only way to the server: GraphQL over fetch, with the session token from sign-in. Errors
 * come back typed (code + field) so forms can point at the field at fault.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf, VariablesOf } from './graphql';
import { operationText, type AnyDocument, type Operation } from './operation';

export { operationText, type AnyDocument, type Operation } from './operation';

/** Variables of a typed document; `{}` may be left out when it has none. */
type Vars<D extends AnyDocument> =
  VariablesOf<D> extends Record<string, never> ? VariablesOf<D> | undefined : VariablesOf<D>;

const TOKEN_KEY = 'seleksi-jpt.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A GraphQL error as the gateway types it: an Indonesian message, a code and the field at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

function firstError(body: GraphQLResponse<unknown>): ApiError | null {
  const e = body.errors?.[0];
  return e ? new ApiError(e.message, e.extensions?.code ?? 'INTERNAL', e.extensions?.field ?? null) : null;
}

/**
 * A fresh `Idempotency-Key` for one user action (a decision, an application). The gateway hands it to
 * Temporal as the Update id, so resending the action with the same key answers the decision recorded the
 * first time. getRandomValues also works on plain-HTTP pages, where crypto.randomUUID does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface RequestOptions {
  /** Sent as `Idempotency-Key`; with it, a request that got no answer is sent again with the same key. */
  idempotencyKey?: string;
}

/** Waits before each resend of an action whose answer was lost (only with an idempotency key). */
const RESEND_DELAYS_MS = [1_000, 3_000, 8_000];
/** A decision waits for the workflow; past this the answer is treated as lost and the action resent. */
const REQUEST_TIMEOUT_MS = 30_000;

const unavailable = (): ApiError => new ApiError('Server tidak menjawab; coba lagi', 'UNAVAILABLE', null);

function newTraceparent(): string {
  const hex = (bytes: number) =>
    Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `00-${hex(16)}-${hex(8)}-01`;
}

/** One POST to /graphql; a lost answer (network, time-out, 502–504, no JSON) becomes UNAVAILABLE. */
async function post<T>(body: () => BodyInit, headers: Record<string, string>, keyed: boolean) {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      // Each request starts its own trace (W3C trace context): the gateway, workflow, activities and
      // services record their spans in it, so an operator can follow one user's click end to end.
      headers: { ...headers, traceparent: newTraceparent() },
      body: body(),
      ...(keyed ? { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) } : {}),
    });
  } catch {
    throw unavailable();
  }
  if (res.status >= 502 && res.status <= 504) throw unavailable();
  const parsed = (await res.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = firstError(parsed);
  if (error) throw error;
  if (!parsed.data) throw unavailable();
  return parsed.data;
}

/** Sends a request; with an idempotency key, resends it with the same key while the server is unavailable. */
async function send<T>(body: () => BodyInit, baseHeaders: Record<string, string>, options: RequestOptions) {
  const token = storedToken();
  const key = options.idempotencyKey;
  const headers = {
    ...baseHeaders,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(key ? { 'idempotency-key': key } : {}),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await post<T>(body, headers, key !== undefined);
    } catch (err) {
      const delay = RESEND_DELAYS_MS[attempt];
      const lost = err instanceof ApiError && err.code === 'UNAVAILABLE';
      if (!key || !lost || delay === undefined) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Runs a query or mutation; throws ApiError on any GraphQL error. */
export function gql<D extends AnyDocument>(
  query: D,
  variables?: Vars<D>,
  options?: RequestOptions,
): Promise<ResultOf<D>>;
export function gql<T>(query: Operation, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
export function gql(query: Operation, variables: unknown = {}, options: RequestOptions = {}): Promise<unknown> {
  const text = operationText(query);
  return send<unknown>(
    () => JSON.stringify({ query: text, variables }),
    { 'content-type': 'application/json' },
    options,
  );
}

/**
 * Runs an operation with file variables as a GraphQL multipart request. `files` maps a variable path
 * (e.g. 'variables.file' or 'variables.input.documents.0') to the file.
 */
export function gqlUpload<D extends AnyDocument>(
  query: D,
  variables: VariablesOf<D>,
  files: Record<string, File>,
  options?: RequestOptions,
): Promise<ResultOf<D>>;
export function gqlUpload<T>(
  query: Operation,
  variables: Record<string, unknown>,
  files: Record<string, File>,
  options?: RequestOptions,
): Promise<T>;
export function gqlUpload(
  query: Operation,
  variables: unknown,
  files: Record<string, File>,
  options: RequestOptions = {},
): Promise<unknown> {
  const paths = Object.keys(files);
  const text = operationText(query);
  return send<unknown>(
    () => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: text, variables }));
      form.set('map', JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [p]]))));
      paths.forEach((p, i) => form.set(String(i), files[p]!));
      return form;
    },
    {},
    options,
  );
}

/** Answers worth sending again unchanged: the gateway's apply queue was full, or the server did not answer. */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'BUSY' || err.code === 'UNAVAILABLE');
}

/**
 * Runs `send` and, while it answers BUSY or UNAVAILABLE, sends the same request again after a growing
 * pause with jitter (so a crowd of retries spreads out). Only for requests that cannot duplicate
 * (an application is one per candidate and vacancy).
 */
export async function withRetries<T>(
  send: () => Promise<T>,
  onRetry: (attempt: number, error: ApiError) => void,
  { attempts = 12, baseMs = 1000, maxMs = 15_000 } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!isRetryable(err) || attempt >= attempts) throw err;
      onRetry(attempt, err as ApiError);
      const pause = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      await new Promise((r) => setTimeout(r, pause / 2 + Math.random() * (pause / 2)));
    }
  }
}

/** gqlUpload throws TypeError when the network fails: the same as no answer. */
export function gqlUploadOrUnavailable<D extends AnyDocument>(
  query: D,
  variables: VariablesOf<D>,
  files: Record<string, File>,
  options?: RequestOptions,
): Promise<ResultOf<D>>;
export function gqlUploadOrUnavailable<T>(
  query: Operation,
  variables: Record<string, unknown>,
  files: Record<string, File>,
  options?: RequestOptions,
): Promise<T>;
export async function gqlUploadOrUnavailable(
  query: Operation,
  variables: unknown,
  files: Record<string, File>,
  options: RequestOptions = {},
): Promise<unknown> {
  try {
    return await gqlUpload<unknown>(query, variables as Record<string, unknown>, files, options);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('Server tidak menjawab; coba lagi', 'UNAVAILABLE', null);
  }
}

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads a query when the component mounts and whenever `variables` change (compared as JSON). While
 * `skip` is set nothing is sent, so its variables may be incomplete (`{}`).
 */
export function useQuery<D extends AnyDocument>(
  query: D,
  variables?: Vars<D> | (Partial<VariablesOf<D>> & Record<string, unknown>),
  skip?: boolean,
): QueryState<ResultOf<D>>;
export function useQuery<T>(query: Operation, variables?: Record<string, unknown>, skip?: boolean): QueryState<T>;
export function useQuery(query: Operation, variables: unknown = {}, skip = false): QueryState<unknown> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: unknown; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    gql<unknown>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          data: null,
          error: error instanceof ApiError ? error : new ApiError('Gagal memuat data', 'INTERNAL', null),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [query, key, skip, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/**
 * A mutation with its pending state and last error, for forms. Each call is one user action with its
 * own idempotency key, resent with that key while the server does not answer; if it still gets no
 * answer, pressing the button again with the same input reuses the key, so the action is taken once.
 * `idempotent: false` is for mutations the gateway does not dedupe by key (e.g. creating a selection):
 * they are sent once, without a key.
 */
export function useMutation<D extends AnyDocument>(
  query: D,
  options?: { idempotent?: boolean },
): Mutation<ResultOf<D>, VariablesOf<D>>;
export function useMutation<T>(query: Operation, options?: { idempotent?: boolean }): Mutation<T>;
export function useMutation(
  query: Operation,
  { idempotent = true }: { idempotent?: boolean } = {},
): Mutation<unknown, Record<string, unknown>> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const unanswered = useRef<{ input: string; key: string } | null>(null);
  const run = useCallback(
    async (variables: Record<string, unknown>): Promise<unknown> => {
      setPending(true);
      setError(null);
      const input = JSON.stringify(variables);
      const key = unanswered.current?.input === input ? unanswered.current.key : newIdempotencyKey();
      unanswered.current = { input, key };
      try {
        const data = await gql<unknown>(query, variables, idempotent ? { idempotencyKey: key } : {});
        unanswered.current = null;
        return data;
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'UNAVAILABLE')) unanswered.current = null;
        setError(err instanceof ApiError ? err : new ApiError('Terjadi kesalahan', 'INTERNAL', null));
        return null;
      } finally {
        setPending(false);
      }
    },
    [query, idempotent],
  );
  return { run, pending, error, clearError: () => setError(null) };
}

/** What useMutation returns: `run` sends the mutation (null when it failed; the error is in `error`). */
export interface Mutation<T, V = Record<string, unknown>> {
  run: (variables: V) => Promise<T | null>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}
