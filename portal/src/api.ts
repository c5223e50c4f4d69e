/**
 * The portal's only way to the server: GraphQL over fetch, with the session token from sign-in. Errors
 * come back typed (code + field) so forms can point at the field at fault.
 */
import { useCallback, useEffect, useState } from 'react';

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

/** Runs a query or mutation; throws ApiError on any GraphQL error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = storedToken();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = firstError(body);
  if (error) throw error;
  if (!body.data) throw new ApiError('Server tidak menjawab; coba lagi', 'UNAVAILABLE', null);
  return body.data;
}

/**
 * Runs an operation with file variables as a GraphQL multipart request. `files` maps a variable path
 * (e.g. 'variables.file' or 'variables.input.documents.0') to the file.
 */
export async function gqlUpload<T>(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, File>,
): Promise<T> {
  const token = storedToken();
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables }));
  const paths = Object.keys(files);
  form.set('map', JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [p]]))));
  paths.forEach((p, i) => form.set(String(i), files[p]!));
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const body = (await res.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = firstError(body);
  if (error) throw error;
  if (!body.data) throw new ApiError('Server tidak menjawab; coba lagi', 'UNAVAILABLE', null);
  return body.data;
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
export async function gqlUploadOrUnavailable<T>(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, File>,
): Promise<T> {
  try {
    return await gqlUpload<T>(query, variables, files);
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

/** Loads a query when the component mounts and whenever `variables` change (compared as JSON). */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, skip = false): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
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

/** A mutation with its pending state and last error, for forms. */
export function useMutation<T>(query: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (variables: Record<string, unknown>): Promise<T | null> => {
      setPending(true);
      setError(null);
      try {
        return await gql<T>(query, variables);
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError('Terjadi kesalahan', 'INTERNAL', null));
        return null;
      } finally {
        setPending(false);
      }
    },
    [query],
  );
  return { run, pending, error, clearError: () => setError(null) };
}
