/** Settings of the embedded stack (`npm start`): defaults plus environment overrides, validated with zod. */
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Every setting, with its default and what it does (`settingsTable` lists them for the README). */
export const configSchema = z.object({
  TEMPORAL_ADDRESS: optionalString.describe(
    'host:port of an existing Temporal cluster; when set, no dev server is started',
  ),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace used by worker and gateway'),
  TEMPORAL_PORT: port(7233).describe('gRPC port of the embedded Temporal dev server'),
  TEMPORAL_UI_PORT: port(8233).describe('port of the embedded Temporal Web UI'),
  MONGODB_URI: optionalString.describe(
    'URI of an existing MongoDB (replica set or standalone); when set, no FerretDB is started',
  ),
  FERRETDB_PORT: port(27018).describe('port of the embedded FerretDB (MongoDB wire protocol, stored in PostgreSQL)'),
  POSTGRES_PORT: port(27019).describe(
    'port of the embedded PostgreSQL that FerretDB stores its data in (127.0.0.1 only)',
  ),
  CANDIDATE_PORT: port(4101).describe('HTTP port of the candidate service'),
  ASSESSMENT_PORT: port(4102).describe('HTTP port of the assessment service'),
  DOCUMENT_PORT: port(4103).describe('HTTP port of the document service'),
  WORKER_HEALTH_PORT: port(4104).describe('HTTP port of the worker health endpoint (/healthz)'),
  MAILPIT_SMTP_PORT: port(4025).describe('SMTP port of the embedded Mailpit, where every mail of the stack goes'),
  MAILPIT_UI_PORT: port(8025).describe('port of the embedded Mailpit web inbox and HTTP API (/api/v1)'),
  GATEWAY_PORT: port(4000).describe('HTTP port of the gateway: portal, /graphql and GraphiQL'),
  SELEKSI_DATA_DIR: z
    .string()
    .min(1)
    .default('.data')
    .describe('directory for all local state (Temporal SQLite, PostgreSQL cluster of FerretDB, logs, auth secret)'),
  SELEKSI_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true')
    .describe(
      'load the demo data (agency, accounts, one round); 0 starts empty with a first administrator invited by SELEKSI_ADMIN_EMAIL',
    ),
  SELEKSI_ADMIN_EMAIL: optionalString
    .pipe(z.string().email('not an e-mail address').optional())
    .describe(
      'with SELEKSI_DEMO=0 (required then): e-mail of the first national administrator, who gets a one-time invitation link',
    ),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
    .default('info')
    .describe('log level of services, worker and gateway'),
});

export type DevConfig = z.infer<typeof configSchema>;

export interface SettingRow {
  name: string;
  default: string;
  description: string;
}

const defaults = configSchema.parse({});

/** name, default and description of every setting, in declaration order. */
export const settingsTable: SettingRow[] = Object.entries(configSchema.shape).map(([name, schema]) => {
  const value = (defaults as Record<string, unknown>)[name];
  return {
    name,
    default: value === undefined ? '' : String(value),
    description: schema.description ?? '',
  };
});

/** Parses the environment; throws one readable error listing every invalid setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): DevConfig {
  const picked = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k]]));
  const result = configSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join('.')}=${String(env[String(i.path[0])])}: ${i.message}`,
    );
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (!result.data.SELEKSI_DEMO && !result.data.SELEKSI_ADMIN_EMAIL) {
    throw new Error(
      'SELEKSI_ADMIN_EMAIL wajib diisi bila SELEKSI_DEMO=0 (alamat surel administrator nasional pertama) / ' +
        'SELEKSI_ADMIN_EMAIL is required when SELEKSI_DEMO=0 (e-mail of the first national administrator), e.g.\n' +
        '  SELEKSI_DEMO=0 SELEKSI_ADMIN_EMAIL=admin@instansi.go.id npm start',
    );
  }
  return result.data;
}
