import { ApplicationFailure } from '@temporalio/common';

/**
 * Runs a service call inside an activity: a 4xx answer is a business failure that retrying cannot
 * fix (non-retryable, typed by its code, with the field at fault); anything else is left to
 * Temporal's retry policy (service down, timeout, 5xx).
 */
export async function callService<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: unknown; status?: unknown; field?: unknown; message?: string };
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.code === 'string') {
      throw ApplicationFailure.create({
        type: e.code,
        message: e.message ?? e.code,
        nonRetryable: true,
        details: [{ field: typeof e.field === 'string' ? e.field : undefined }],
      });
    }
    throw err;
  }
}
