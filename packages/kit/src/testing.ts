/**
 * Starting a service inside an integration test: the suite's store, a database of its own (dropped at
 * the end), any free port, no logs. Kept free of vitest so that it can live here with the services' code.
 */
import { randomUUID } from 'node:crypto';
import { ServiceError } from './http-client';
import { operatorServiceAuth } from './service-auth';
import type { RunningService } from './service';

export type ServiceKind = 'CANDIDATE' | 'ASSESSMENT' | 'DOCUMENT';

/** The env a service's `load…Config` reads: `<KIND>_DB` named `<dbPrefix>_<random>`, `<KIND>_PORT` 0. */
export function testServiceEnv(kind: ServiceKind, dbPrefix: string, mongoUri: string): Record<string, string> {
  return {
    MONGODB_URI: mongoUri,
    [`${kind}_DB`]: `${dbPrefix}_${randomUUID().slice(0, 8)}`,
    [`${kind}_PORT`]: '0',
    LOG_LEVEL: 'silent',
  };
}

/** Drops the test's database and closes the service (either may be missing after a failed start). */
export async function stopTestService(service: RunningService | undefined): Promise<void> {
  await service?.conn.dropDatabase().catch(() => undefined);
  await service?.close();
}

/** The ServiceError a call was refused with; throws when it succeeded or failed otherwise. */
export async function serviceErrorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (outcome instanceof ServiceError) return outcome;
  throw new Error(`expected a ServiceError, got ${outcome === undefined ? 'success' : String(outcome)}`);
}

/** Headers of a hand-made request to a service (`fetch` in tests), with the operator's service token. */
export async function operatorHeaders(
  audience: string,
  headers: Record<string, string> = {},
): Promise<Record<string, string>> {
  return { ...headers, authorization: `Bearer ${await operatorServiceAuth().token(audience)}` };
}
