import { DomainError } from '@seleksi/domain';
import { z } from 'zod';

/** Record ids and codes: no whitespace, ',' (batch lists) or '/' (path segments). */
export const idField = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s,/]+$/, 'must not contain spaces, commas or slashes');

/** Local calendar date `YYYY-MM-DD`. */
export const isoDateField = z.iso.date();

/** Instant with offset, e.g. `2026-03-01T02:00:00Z`; normalised to UTC `toISOString()` form. */
export const instantField = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** Id list, comma-separated (`?ids=a,b`) and/or repeated (`?ids=a&ids=b`), 1–`max` ids, order kept. */
export function idListParam(max = 200) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
    .pipe(z.array(idField).min(1).max(max));
}

/**
 * The body with the path's id filled in; a body that names a different id is a VALIDATION_FAILED
 * on that field (a PUT must not silently write another record).
 */
export function withPathId(body: unknown, key: string, value: string): Record<string, unknown> {
  const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (obj[key] !== undefined && obj[key] !== value) {
    throw new DomainError('VALIDATION_FAILED', `${key} in the body differs from the path`, key);
  }
  return { ...obj, [key]: value };
}
