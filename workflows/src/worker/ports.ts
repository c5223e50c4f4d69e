import { createServiceClients } from '@seleksi/kit';
import type { SeleksiPorts } from './worker';
import type { WorkerConfig } from './config';

/** The activities' ports are the kit's typed REST clients of the three services. */
export function createPorts(
  config: Pick<WorkerConfig, 'CANDIDATE_SERVICE_URL' | 'ASSESSMENT_SERVICE_URL' | 'DOCUMENT_SERVICE_URL'>,
): SeleksiPorts {
  return createServiceClients(config);
}
