/**
 * Business error codes shared by every layer: a service returns them in its error body, an activity
 * or workflow throws them as `ApplicationFailure` types, and the gateway exposes them as
 * `extensions.code` on a GraphQL error (with `extensions.field` for the input at fault).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_NIP',
  /** An upload that is not a PNG/JPEG image by its content, or too large. */
  'INVALID_IMAGE',
  'NOT_FOUND',
  'UNKNOWN_VACANCY',
  'DUPLICATE_APPLICATION',
  'APPLICATION_LIMIT_REACHED',
  'REGISTRATION_CLOSED',
  'WRONG_STAGE',
  'CONFLICT',
  'INVALID_PANSEL',
  'INVALID_RULES',
  'NOT_A_MEMBER',
  'RECUSED',
  'ALREADY_DECIDED',
  'INCOMPLETE',
  'NOT_IN_SHORTLIST',
  'JUSTIFICATION_REQUIRED',
  'ELECTION_PERMISSION_REQUIRED',
  'INCUMBENT_LOCKED',
  'OBJECTION_WINDOW_CLOSED',
  /** The agency may not fill a post by the talent route (merit category, approved system, recent map). */
  'TALENT_ROUTE_CLOSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'UNAVAILABLE',
  /** Too many requests are waiting right now; the same request may be sent again (it cannot duplicate). */
  'BUSY',
  /** An account link (invitation, password reset) that does not exist, was used already, or has expired. */
  'LINK_INVALID',
  'LINK_USED',
  'LINK_EXPIRED',
  /** The change would leave no active national administrator. */
  'LAST_ADMIN',
  /** An import file that is not CSV or XLSX by its content (or cannot be read as one). */
  'INVALID_FILE',
  'FILE_TOO_LARGE',
  /** An import file without a column the kind requires. */
  'MISSING_COLUMN',
  /** An import file with a formula in a cell: only values are imported. */
  'FORMULA_NOT_ALLOWED',
  /** An import file with more refused rows than an import accepts: nothing is staged. */
  'TOO_MANY_ROW_ERRORS',
  /** Another import of the same agency is being committed. */
  'IMPORT_RUNNING',
  /** Too many failed sign-ins for the account or the address: `extensions.retryAfterSeconds` says when to retry. */
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Error with a code and the input field at fault, thrown by pure domain code and by services. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
