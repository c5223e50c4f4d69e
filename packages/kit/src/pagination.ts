import { DomainError } from '@seleksi/domain';
import { z } from 'zod';

/** `limit` query parameter: 1–max, default `def`. */
export function limitParam(def = 20, max = 100) {
  return z.coerce.number().int().min(1).max(max).default(def);
}

/** Opaque cursor: base64url of a JSON value (the sort key of the last item of a page). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes and validates a cursor; a malformed one is VALIDATION_FAILED on field `after`. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'Invalid cursor', 'after');
  }
}
