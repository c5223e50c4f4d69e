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
  /** Where /healthz and /readyz listen (`0.0.0.0` in a container, where the orchestrator probes from outside). */
  WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
  /**
   * Where the Temporal SDK serves its worker metrics (task slots, poll and schedule-to-start latencies,
   * sticky cache) for Prometheus, e.g. `0.0.0.0:9464`; unset: not served. The process's own figures
   * (its service calls) are at the health port's `/metrics`.
   */
  WORKER_METRICS_ADDRESS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Worker Deployment Versioning (README, "Rolling out a new worker version"): on by default; `0` for a
   * Temporal server without it (before 1.29.1), where the worker polls unversioned as before.
   */
  WORKER_VERSIONING: z
    .enum(['true', 'false', '1', '0'])
    .default('1')
    .transform((v) => v === 'true' || v === '1'),
  /** The deployment this worker's task queue group belongs to (default: the task queue's name). */
  WORKER_DEPLOYMENT_NAME: z
    .string()
    .regex(
      /^(?!__)[A-Za-z0-9_-]{1,200}$/,
      'letters, digits, `-` and `_`, not starting with `__` (the server refuses `.`, `:`)',
    )
    .optional(),
  /** This worker's build id (default: `wf-` + a hash of the bundled workflow code, see `buildIdOf`). */
  WORKER_BUILD_ID: z
    .string()
    .regex(/^(?!__)[A-Za-z0-9_.-]{1,200}$/, 'letters, digits, `.`, `-` and `_`, not starting with `__`')
    .optional(),
  /**
   * Whether the worker makes its own version current on start: `first` only when the deployment has no
   * current version yet (first deployment, or the move from unversioned workers), `always` (each
   * restart with changed code in development), `never` (the operator's `worker:rollout` only).
   * Default: `first` when NODE_ENV=production, else `always`.
   */
  WORKER_PROMOTE: z.enum(['first', 'always', 'never']).optional(),
  ...payloadKeysEnv,
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
