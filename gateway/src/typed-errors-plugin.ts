/**
 * The edge's error contract: every error a client gets carries `extensions.code` (an ErrorCode),
 * `extensions.field` when an input is at fault, a fixed message in Bahasa Indonesia and the right HTTP
 * status. Yoga's and graphql-js's own messages (which quote parts of the request: a field name, a
 * variable's value, the rejected JSON) never reach the client, nor does an `originalError` or a stack,
 * unless GATEWAY_DEBUG_ERRORS is on.
 */
import { GraphQLError, Kind, type ExecutionResult } from 'graphql';
import type { Plugin, YogaMaskedErrorOpts } from 'graphql-yoga';
import { isErrorCode, type ErrorCode } from '@seleksi/domain';
import { HTTP_STATUS_BY_CODE, isDatabaseUnavailableError } from '@seleksi/kit';
import { toGraphQLError } from './errors';

const VARIABLE_ERROR =
  /^Variable "\$(\w+)" got invalid value[^;]*?(?:at "\w+((?:\.\w+|\[\d+\])*)")?;\s*(?:Field "(\w+)")?/;

export function fieldOfVariableError(message: string): string | undefined {
  const m = VARIABLE_ERROR.exec(message);
  if (!m) return undefined;
  const path = (m[2] ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  // Only a missing schema field is named; an unknown one ("… is not defined by type") is the request's own word.
  const missing = m[3] && /of required type "[^"]+" was not provided/.test(message) ? m[3] : undefined;
  return [m[1], path, missing].filter(Boolean).join('.');
}

/** The variable a coercion error is about, from graphql-js's fixed prefix (no value quoted). */
function variableOfError(message: string): string | undefined {
  return /^Variable "\$(\w+)"/.exec(message)?.[1];
}

export const MESSAGES = {
  syntax: 'Kueri GraphQL tidak dapat dibaca (kesalahan sintaks)',
  schema: 'Kueri tidak sesuai dengan skema API',
  variable: 'Nilai variabel tidak valid',
  missing: 'Wajib diisi',
  variables: 'Parameter "variables" harus berupa objek JSON',
  extensions: 'Parameter "extensions" harus berupa objek JSON',
  json: 'Isi permintaan bukan JSON yang valid',
  body: 'Isi permintaan harus berupa objek JSON dengan kueri GraphQL',
  noQuery: 'Permintaan tidak memuat kueri GraphQL',
  operation: 'Operasi yang diminta tidak dapat ditentukan',
  paging: 'Argumen halaman (first, last, after, before) tidak valid',
  argument: 'Argumen tidak valid',
  method: 'Metode HTTP ini tidak didukung; gunakan GET atau POST (mutasi hanya dengan POST)',
  mediaType: 'Jenis isi permintaan tidak didukung; gunakan application/json',
  tooLarge: 'Permintaan terlalu besar',
  badRequest: 'Permintaan tidak valid',
  unavailable: 'Layanan sedang tidak tersedia; coba lagi sebentar lagi',
  internal: 'Terjadi kesalahan pada server; coba lagi nanti',
} as const;

interface Typed {
  code: ErrorCode;
  message: string;
  field?: string;
  status?: number;
  extra?: Record<string, unknown>;
}

/** Extensions a client may see besides code and field (the query limits' figures, the throttle's wait). */
const KEPT_EXTENSIONS = ['limit', 'max', 'found', 'retryAfterSeconds'] as const;

/** Yoga's own request errors (BAD_REQUEST and friends), by their fixed English messages. */
function requestError(err: GraphQLError): Typed {
  const m = err.message;
  const status = (err.extensions?.http as { status?: number } | undefined)?.status;
  if (err.extensions?.code === 'REQUEST_ENTITY_TOO_LARGE' || status === 413)
    return { code: 'VALIDATION_FAILED', message: MESSAGES.tooLarge, field: 'body', status: 413 };
  if (status === 405 || /supports GET and POST|mutation operation from a POST/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.method, field: 'method', status: 405 };
  if (/invalid JSON|valid JSON string/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.json, field: 'body', status: 400 };
  if (/"variables" param/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.variables, field: 'variables', status: 400 };
  if (/"extensions" param/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.extensions, field: 'extensions', status: 400 };
  if (/Must provide query string|"query" param/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.noQuery, field: 'query', status: 400 };
  if (/operation|Operation/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.operation, field: 'operationName', status: 400 };
  if (/POST body|params|parameter|multipart|Batching/.test(m))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.body, field: 'body', status: 400 };
  return { code: 'VALIDATION_FAILED', message: MESSAGES.badRequest, status: 400 };
}

/** The client's view of one error. Our own typed errors keep their message; the rest get a fixed one. */
export function classify(err: GraphQLError): Typed {
  const code = err.extensions?.code;
  // graphql-js prefixes a refused variable with its value: only the variable's path and, when our own
  // scalar refused it, that scalar's (Indonesian) reason are kept.
  if (/^Variable "\$\w+"/.test(err.message)) {
    const field = fieldOfVariableError(err.message) ?? variableOfError(err.message);
    const inner = err.originalError;
    const ours =
      inner instanceof GraphQLError && isErrorCode(inner.extensions?.code) && inner.extensions.code !== 'INTERNAL';
    // A required field left out is named (a schema name, never the request's own word).
    const missing = /of required type "[^"]+" was not provided/.test(err.message) && field;
    return {
      code: 'VALIDATION_FAILED',
      message: ours ? inner.message : missing ? `${MESSAGES.missing}: ${field}` : MESSAGES.variable,
      ...(field ? { field } : {}),
      status: 400,
    };
  }
  // Pothos refusing an argument (a page size, a cursor or a global id that does not decode).
  const pothos = [err, err.originalError].find((e) => e?.name === 'PothosValidationError');
  if (pothos) {
    const argument = /Argument "(\w+)"/.exec(pothos.message)?.[1];
    const paging = argument !== undefined || /cursor/i.test(pothos.message);
    return {
      code: 'VALIDATION_FAILED',
      message: paging ? MESSAGES.paging : MESSAGES.argument,
      ...(argument ? { field: argument } : {}),
      status: 400,
    };
  }
  const keep = () => {
    const extra: Record<string, unknown> = {};
    for (const k of KEPT_EXTENSIONS) if (err.extensions?.[k] !== undefined) extra[k] = err.extensions[k];
    const field = typeof err.extensions?.field === 'string' ? err.extensions.field : undefined;
    return { code: code as ErrorCode, message: err.message, ...(field ? { field } : {}), extra };
  };
  if (isErrorCode(code) && code !== 'INTERNAL') return keep();
  if (code === 'GRAPHQL_PARSE_FAILED' || /^Syntax Error/.test(err.message))
    return { code: 'VALIDATION_FAILED', message: MESSAGES.syntax, field: 'query', status: 400 };
  const variableNode = err.nodes?.find((n) => n.kind === Kind.VARIABLE_DEFINITION);
  if (code === 'BAD_USER_INPUT' || /^Variable "\$\w+"/.test(err.message) || (variableNode && !err.path)) {
    const field =
      fieldOfVariableError(err.message) ??
      variableOfError(err.message) ??
      (variableNode?.kind === Kind.VARIABLE_DEFINITION ? variableNode.variable.name.value : undefined);
    return { code: 'VALIDATION_FAILED', message: MESSAGES.variable, ...(field ? { field } : {}), status: 400 };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED')
    return { code: 'VALIDATION_FAILED', message: MESSAGES.schema, field: 'query', status: 400 };
  if (
    code === 'BAD_REQUEST' ||
    code === 'REQUEST_ENTITY_TOO_LARGE' ||
    code === 'OPERATION_RESOLUTION_FAILURE' ||
    code === 'METHOD_NOT_ALLOWED'
  )
    return requestError(err);
  // graphql-js's own refusals of a request (unknown operation, no operation name) carry no code.
  if (code === undefined && !err.path && !err.originalError) return requestError(err);
  if (code === 'INTERNAL') return { code: 'INTERNAL', message: MESSAGES.internal };
  // Anything else is an error we did not expect: the masked one ("Unexpected error.") or a stray.
  return { code: 'INTERNAL', message: MESSAGES.internal };
}

/**
 * Yoga's `maskedErrors.maskError`: errors thrown by resolvers or by the context (the gateway's own
 * store) that are not already typed. A store or service that cannot be reached is UNAVAILABLE;
 * anything else is INTERNAL with a fixed message. The original error is logged by Yoga, and shown to
 * the client only when `debug` is set.
 */
export function createMaskError(debug: boolean): YogaMaskedErrorOpts['maskError'] {
  return (error) => {
    // graphql-js's own errors (a scalar refusing a variable wraps its GraphQLError) are classified later.
    if (isOriginalGraphQLError(error)) return error;
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const typed = toGraphQLError(original);
    const path = error instanceof GraphQLError ? error.path : undefined;
    const nodes = error instanceof GraphQLError ? error.nodes : undefined;
    if (typed instanceof GraphQLError && typed !== original) {
      return new GraphQLError(typed.message, { nodes, path, extensions: typed.extensions });
    }
    if (typed instanceof GraphQLError) return typed;
    const unavailable = isUnavailable(original);
    const code: ErrorCode = unavailable ? 'UNAVAILABLE' : 'INTERNAL';
    return new GraphQLError(unavailable ? MESSAGES.unavailable : MESSAGES.internal, {
      nodes,
      path,
      extensions: {
        code,
        ...(unavailable ? { http: { status: 503 } } : {}),
        ...(debug ? { originalError: debugView(original) } : {}),
      },
    });
  };
}

/** A GraphQLError all the way down (no non-GraphQL error wrapped inside). */
function isOriginalGraphQLError(err: unknown): err is GraphQLError {
  if (!(err instanceof GraphQLError)) return false;
  return err.originalError == null || isOriginalGraphQLError(err.originalError);
}

function isUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: unknown } | null;
  return (e?.name === 'ServiceError' && e.code === 'UNAVAILABLE') || isDatabaseUnavailableError(err);
}

function debugView(err: unknown): unknown {
  return err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err);
}

/** Rebuilds an error with only what a client may see (and the status Yoga reads from `http`). */
function clientError(err: GraphQLError, debug: boolean): GraphQLError {
  const t = classify(err);
  // An error without a path is the request's (parse, validation, variables, context): it sets the status.
  const requestLevel = !err.path;
  const httpExt = err.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
  // Field errors keep GraphQL's 200 (or the 401/403 their resolver set).
  const status = requestLevel ? (t.status ?? HTTP_STATUS_BY_CODE[t.code]) : httpExt?.status;
  return new GraphQLError(t.message, {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    path: err.path,
    extensions: {
      code: t.code,
      ...(t.field ? { field: t.field } : {}),
      ...t.extra,
      // Headers a resolver set for the client (Retry-After of TOO_MANY_ATTEMPTS) go with its status.
      ...(status ? { http: { status, ...(httpExt?.headers ? { headers: httpExt.headers } : {}) } } : {}),
      ...(debug && t.message !== err.message ? { debugMessage: err.message } : {}),
      ...(debug && err.extensions?.originalError ? { originalError: err.extensions.originalError } : {}),
    },
  });
}

/** Replacements for a business message that quotes the request (e.g. "Instansi <code> tidak ditemukan"). */
const UNQUOTED: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: 'Data yang diminta tidak ditemukan',
  CONFLICT: 'Data bertentangan dengan data yang sudah ada',
  VALIDATION_FAILED: 'Masukan tidak valid',
};

/** The strings a request carried (variables and the document's string literals), to keep out of errors. */
function requestStrings(params: { query?: unknown; variables?: unknown }): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (out.length > 1000 || depth > 20) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(params.variables, 0);
  if (typeof params.query === 'string') {
    for (const m of params.query.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) if (out.length <= 1000) out.push(m[1]!);
  }
  // Short values (a level, a digit) occur in ordinary messages by chance.
  return out.map((x) => x.trim()).filter((x) => x.length >= 4);
}

export function useTypedErrors(options: { debug?: boolean } = {}): Plugin {
  const debug = options.debug ?? false;
  // The request's params (a batch has several), read only when an answer has errors: walking every
  // request's variables and query text up front cost about as much as the rest of this plugin.
  const paramsOf = new WeakMap<Request, { query?: unknown; variables?: unknown }[]>();
  return {
    onParams({ params, request }) {
      const list = paramsOf.get(request);
      if (list) list.push(params);
      else paramsOf.set(request, [params]);
    },
    onResultProcess({ result, setResult, request }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result)) return;
      const r = result as ExecutionResult;
      if (!r.errors?.length) return;
      const sent = (paramsOf.get(request) ?? []).flatMap(requestStrings);
      setResult({
        ...r,
        errors: r.errors.map((e) => {
          const typed = clientError(e instanceof GraphQLError ? e : new GraphQLError(String(e)), debug);
          if (!sent.some((x) => typed.message.includes(x))) return typed;
          const code = typed.extensions.code as ErrorCode;
          return new GraphQLError(UNQUOTED[code] ?? 'Permintaan tidak dapat diproses', {
            nodes: typed.nodes,
            source: typed.source,
            positions: typed.positions,
            path: typed.path,
            extensions: typed.extensions,
          });
        }),
      });
    },
  };
}

/** A typed JSON answer for a request refused before GraphQL sees it. */
export function typedResponseBody(code: ErrorCode, message: string, field?: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
}

const JSON_TYPES = /^application\/(?:graphql\+)?json\b/i;

/**
 * Refusals at the HTTP level, each with a typed body: a method other than GET/POST (405), a content
 * type no parser takes (415; Yoga would answer an empty body), a JSON body over the limit (413), and
 * `variables`/`extensions` in a GET that are not JSON (400; Yoga's JSON.parse would throw a 500).
 */
export function useRequestGuards(limits: { GRAPHQL_MAX_BODY_BYTES: number }): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      const refuse = (status: number, message: string, field: string) =>
        endResponse(
          new fetchAPI.Response(typedResponseBody('VALIDATION_FAILED', message, field), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      if (request.method !== 'GET' && request.method !== 'POST') return refuse(405, MESSAGES.method, 'method');
      if (!requestParser) return refuse(415, MESSAGES.mediaType, 'content-type');
      const type = request.headers.get('content-type') ?? '';
      const length = Number(request.headers.get('content-length'));
      if (request.method === 'POST' && JSON_TYPES.test(type) && length > limits.GRAPHQL_MAX_BODY_BYTES) {
        return refuse(413, MESSAGES.tooLarge, 'body');
      }
      const parse = requestParser;
      setRequestParser(async (req) => {
        try {
          return await parse(req);
        } catch (err) {
          if (err instanceof SyntaxError) {
            const field = /variables=/.test(req.url)
              ? 'variables'
              : /extensions=/.test(req.url)
                ? 'extensions'
                : 'body';
            throw new GraphQLError(field === 'body' ? MESSAGES.json : MESSAGES[field], {
              extensions: { code: 'VALIDATION_FAILED', field, http: { status: 400 } },
            });
          }
          throw err;
        }
      });
    },
  };
}
