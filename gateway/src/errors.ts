/**
 * Typed GraphQL errors: every expected failure carries `extensions.code` (an ErrorCode) and,
 * when an input is at fault, `extensions.field`. Messages are for people (Bahasa Indonesia).
 */
import { GraphQLError } from 'graphql';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isErrorCode, type ErrorCode } from '@seleksi/domain';
import { isDatabaseUnavailableError } from '@seleksi/kit';
import type { ZodError } from 'zod';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
};

export function gqlError(code: ErrorCode, message: string, field?: string): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...(field ? { field } : {}), ...(status ? { http: { status } } : {}) },
  });
}

/** The first zod issue as a VALIDATION_FAILED error naming the input path (e.g. `vacancies.0.position`). */
export function fromZodError(err: ZodError, prefix?: string): GraphQLError {
  const issue = err.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return gqlError('VALIDATION_FAILED', issue?.message ?? 'Masukan tidak valid', path || undefined);
}

/**
 * Maps failures from services and workflows to typed GraphQL errors; unknown errors are rethrown
 * so Yoga masks them (no internals leak to clients).
 */
export function toGraphQLError(err: unknown): unknown {
  if (err instanceof GraphQLError) return err;
  if (err instanceof DomainError) return gqlError(err.code, err.message, err.field);
  if (err instanceof WorkflowExecutionAlreadyStartedError) return gqlError('CONFLICT', 'Proses seleksi sudah berjalan');
  if (err instanceof WorkflowNotFoundError) {
    return gqlError('NOT_FOUND', 'Proses seleksi tidak ditemukan atau sudah berakhir', 'selectionId');
  }
  if (err instanceof WorkflowUpdateFailedError || err instanceof ApplicationFailure) {
    const failure = typedFailure(err);
    if (failure) return fromApplicationFailure(failure);
  }
  const e = err as { code?: unknown; field?: unknown; message?: string; status?: number };
  // A service or store out of reach: its message names internal paths (and the request's ids).
  if (e.code === 'UNAVAILABLE' || isDatabaseUnavailableError(err)) {
    return gqlError('UNAVAILABLE', 'Layanan sedang tidak tersedia; coba lagi sebentar lagi');
  }
  if (isErrorCode(e.code) && e.code !== 'INTERNAL') {
    return gqlError(e.code, e.message ?? e.code, typeof e.field === 'string' ? e.field : undefined);
  }
  return err;
}

/**
 * The first ApplicationFailure with a known error code in the cause chain: a validator's failure is
 * the Update failure's cause; a handler's activity failure wraps the service's typed failure deeper.
 */
function typedFailure(err: Error): ApplicationFailure | null {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof ApplicationFailure && isErrorCode(e.type) && e.type !== 'INTERNAL') return e;
    e = e.cause;
  }
  return null;
}

function fromApplicationFailure(f: ApplicationFailure): GraphQLError {
  const details = (f.details?.[0] ?? {}) as { field?: unknown };
  return gqlError(f.type as ErrorCode, f.message, typeof details.field === 'string' ? details.field : undefined);
}

/** Wraps a resolver body so every expected failure leaves as a typed error. */
export async function typed<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toGraphQLError(err);
  }
}
