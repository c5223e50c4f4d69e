import { serviceCallerEnv } from '@seleksi/kit';
import { z } from 'zod';
import { payloadKeysEnv } from '../codec/key-ring';

/** Worker settings (environment variables, validated at start-up). */
export const workerConfigSchema = z.object({
  /** The worker's service credential (SERVICE_AUTH_KEY; identity `worker`). */
  ...serviceCallerEnv,
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('seleksi-jpt'),
  CANDIDATE_SERVICE_URL: z.string().url().default('http://127.0.0.1:4101'),
  ASSESSMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4102'),
  DOCUMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4104),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...payloadKeysEnv,
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
