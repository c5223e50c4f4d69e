import { DomainError, isErrorCode, type ErrorCode, type ServiceErrorBody } from '@seleksi/domain';
import { z } from 'zod';
import { isDatabaseUnavailableError, isDuplicateKeyError } from './mongo';

/** HTTP status for each business error code; unknown failures are 500 INTERNAL. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_NIP: 400,
  INVALID_IMAGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  QUERY_TOO_COMPLEX: 400,
  NOT_FOUND: 404,
  UNKNOWN_VACANCY: 404,
  DUPLICATE_APPLICATION: 409,
  CONFLICT: 409,
  APPLICATION_LIMIT_REACHED: 409,
  REGISTRATION_CLOSED: 409,
  WRONG_STAGE: 409,
  INVALID_PANSEL: 400,
  INVALID_RULES: 400,
  NOT_A_MEMBER: 403,
  RECUSED: 403,
  ALREADY_DECIDED: 409,
  INCOMPLETE: 409,
  NOT_IN_SHORTLIST: 400,
  JUSTIFICATION_REQUIRED: 400,
  ELECTION_PERMISSION_REQUIRED: 409,
  INCUMBENT_LOCKED: 409,
  OBJECTION_WINDOW_CLOSED: 409,
  TALENT_ROUTE_CLOSED: 409,
  UNAVAILABLE: 503,
  BUSY: 503,
  LINK_INVALID: 400,
  LINK_USED: 410,
  LINK_EXPIRED: 410,
  LAST_ADMIN: 409,
  INVALID_FILE: 400,
  FILE_TOO_LARGE: 413,
  MISSING_COLUMN: 400,
  FORMULA_NOT_ALLOWED: 400,
  TOO_MANY_ROW_ERRORS: 400,
  IMPORT_RUNNING: 409,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
};

export interface ErrorResponse {
  status: number;
  body: ServiceErrorBody;
  /** true when the failure is ours (5xx) and should be logged with its stack. */
  internal: boolean;
}

function body(code: ErrorCode, message: string, field?: string): ServiceErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

function zodMessage(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  const field = first && first.path.length ? first.path.map(String).join('.') : undefined;
  const message = error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return field ? { message, field } : { message };
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

/**
 * Turns any thrown value into the wire error: `DomainError` keeps its code and field, zod errors
 * become VALIDATION_FAILED with the first failing path as field, body-parser errors keep their 4xx,
 * anything else is a 500 INTERNAL whose message never leaks internals.
 */
export function toErrorResponse(err: unknown): ErrorResponse {
  if (err instanceof DomainError) {
    const status = HTTP_STATUS_BY_CODE[err.code] ?? 500;
    return { status, body: body(err.code, err.message, err.field), internal: status >= 500 };
  }
  if (err instanceof z.ZodError) {
    const { message, field } = zodMessage(err);
    return { status: 400, body: body('VALIDATION_FAILED', message, field), internal: false };
  }
  if (err && typeof err === 'object') {
    const e = err as HttpishError & { code?: unknown; name?: string; field?: unknown; message?: unknown };
    // A ServiceError from a downstream call: keep its code, but as our own status.
    if (e.name === 'ServiceError' && isErrorCode(e.code)) {
      const code = e.code === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'INTERNAL';
      return { status: HTTP_STATUS_BY_CODE[code], body: body(code, 'Upstream service failed'), internal: true };
    }
    if (isDatabaseUnavailableError(err)) {
      return { status: 503, body: body('UNAVAILABLE', 'Database unavailable'), internal: false };
    }
    if (isDuplicateKeyError(err)) {
      return { status: 409, body: body('CONFLICT', 'Conflicting record'), internal: false };
    }
    if (e.name === 'CastError' || e.name === 'ValidationError') {
      return { status: 400, body: body('VALIDATION_FAILED', 'Invalid value'), internal: false };
    }
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && e.expose !== false) {
      const message =
        e.type === 'entity.parse.failed'
          ? 'Malformed JSON body'
          : e.type === 'entity.too.large'
            ? 'Request body too large'
            : 'Invalid request';
      return { status, body: body('VALIDATION_FAILED', message), internal: false };
    }
  }
  return { status: 500, body: body('INTERNAL', 'Internal error'), internal: true };
}

/** Shorthand for the common 404. */
export function notFound(what: string, field?: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`, field);
}
