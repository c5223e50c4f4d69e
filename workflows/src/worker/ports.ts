import { createServiceClients, serviceTokenProviderFromEnv } from '@seleksi/kit';
import type { SeleksiPorts } from './worker';
import type { WorkerConfig } from './config';

/** The activities' ports are the kit's typed REST clients of the three services. */
export function createPorts(
  config: Pick<
    WorkerConfig,
    | 'CANDIDATE_SERVICE_URL'
    | 'ASSESSMENT_SERVICE_URL'
    | 'DOCUMENT_SERVICE_URL'
    | 'SERVICE_AUTH_KEY'
    | 'SERVICE_AUTH_ISSUER'
    | 'NODE_ENV'
    | 'SELEKSI_DATA_DIR'
  >,
): SeleksiPorts {
  return createServiceClients(config, { auth: serviceTokenProviderFromEnv('worker', config) });
}
