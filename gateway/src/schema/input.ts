import type { z } from 'zod';
import { fromZodError } from '../errors';

/** Validates a mutation's input with zod; the first problem becomes a VALIDATION_FAILED error naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = 'input'): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZodError(r.error, prefix);
  return r.data;
}
