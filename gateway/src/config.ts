import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Gateway settings (environment variables, validated at start-up). */
export const gatewayConfigSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27018'),
  GATEWAY_DB: z.string().default('seleksi_gateway'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('seleksi-jpt'),
  TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
  CANDIDATE_SERVICE_URL: z.string().url().default('http://127.0.0.1:4101'),
  ASSESSMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4102'),
  DOCUMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  AUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  /** The built portal (`vite build` output) served at `/`; without it the gateway serves only the API. */
  PORTAL_DIST_DIR: z.string().default(fileURLToPath(new URL('../../portal/dist', import.meta.url))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
