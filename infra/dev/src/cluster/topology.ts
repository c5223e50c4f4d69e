/**
 * The multi-instance topology of `npm run start:cluster`, as plain data: every process with its command,
 * environment (secrets named, never valued), ports, replicas, health check and what it depends on. One
 * function builds it from the configuration; start-cluster.ts runs it, and it is the single source the
 * production files in infra/deploy/ are to be generated from or checked against.
 *
 * Ports all derive from one base port (CLUSTER_BASE_PORT):
 *   +0 reverse proxy (portal, /graphql, uploads, SSE)   +1 PostgreSQL   +2 FerretDB   +3/+4 Mailpit SMTP/UI
 *   +10…+29 Temporal (the cluster module's own layout from +10; the dev server uses +10 gRPC, +11 UI)
 *   +30/+31/+32 candidate/assessment/document   +40… worker health ports   +60… gateways
 */
import { z } from 'zod';

/** Offsets from the base port (see the module comment). */
export const PORT_OFFSETS = {
  proxy: 0,
  postgres: 1,
  ferretdb: 2,
  mailpitSmtp: 3,
  mailpitUi: 4,
  temporal: 10,
  temporalUi: 11,
  candidate: 30,
  assessment: 31,
  document: 32,
  workerHealth: 40,
  gateway: 60,
} as const;
/** Ports reserved for Temporal from base+10 (the cluster's four services, their membership ports, the UI). */
export const TEMPORAL_PORT_SPAN = 20;
/** At most this many workers and gateways (their port blocks are 20 wide). */
export const MAX_REPLICAS = 20;

export const clusterConfigSchema = z.object({
  CLUSTER_BASE_PORT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(65_000)
    .default(9100)
    .describe('first port of the cluster rehearsal; every other port is an offset from it (see topology.ts)'),
  WORKERS: z.coerce.number().int().min(1).max(MAX_REPLICAS).default(2).describe('number of worker processes'),
  GATEWAYS: z.coerce.number().int().min(1).max(MAX_REPLICAS).default(2).describe('number of gateway processes'),
  TEMPORAL_HISTORY_SHARDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(4)
    .describe('history shards of the Temporal cluster (fixed when its database is created)'),
  SELEKSI_CLUSTER_DATA_DIR: z
    .string()
    .min(1)
    .default('.data/cluster')
    .describe('all state of the cluster rehearsal (PostgreSQL, Mailpit, logs, keys), apart from `npm start`'),
  MONGODB_URI: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .describe('an existing MongoDB instead of FerretDB on the cluster PostgreSQL'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

export function loadClusterConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig {
  const picked = Object.fromEntries(Object.keys(clusterConfigSchema.shape).map((k) => [k, env[k]]));
  const result = clusterConfigSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join('.')}=${String(env[String(i.path[0])])}: ${i.message}`,
    );
    throw new Error(`invalid cluster configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export type ProcessKind =
  'database' | 'temporal' | 'document-store' | 'mail' | 'service' | 'worker' | 'gateway' | 'reverse-proxy';

export interface HealthCheck {
  /** http: GET path answers 200; tcp: the port accepts; grpc-temporal: the frontend answers getSystemInfo. */
  kind: 'http' | 'tcp' | 'postgres' | 'mongo' | 'grpc-temporal';
  /** Name of the instance's port it is checked on. */
  port: string;
  path?: string;
}

export interface ProcessInstance {
  /** Unique process name (console prefix, log file, pid file): `gateway-2`. */
  name: string;
  ports: Record<string, number>;
  /** This instance's own settings (its ports), over the process's `env`. */
  env: Record<string, string>;
}

export interface TopologyProcess {
  /** Role name: `gateway`, `worker`, `candidate`… */
  name: string;
  kind: ProcessKind;
  description: string;
  /**
   * argv with repository-relative paths; `node` stands for `node --import tsx` in development and the built
   * image's node in production. Empty for processes started by a module (the Temporal cluster).
   */
  command: string[];
  /** Settings every replica gets (values that differ per instance are in `instances[].env`). */
  env: Record<string, string>;
  /** Settings that carry secrets: provided by the runner (development: files in the data dir), never here. */
  secrets: string[];
  replicas: number;
  instances: ProcessInstance[];
  health: HealthCheck;
  /** Role names that must be ready first. */
  dependsOn: string[];
}

/** What a gateway serves besides GraphQL: the portal's built files (as `npm start` serves them). */
export interface StaticAsset {
  name: string;
  dir: string;
  servedBy: string;
}

export interface Topology {
  basePort: number;
  namespace: string;
  /** Addresses the processes reach each other at. */
  urls: {
    public: string;
    temporal: string;
    temporalUi: string;
    mongo: string;
    postgres: string | null;
    smtp: string;
    mailpit: string;
    candidate: string;
    assessment: string;
    document: string;
  };
  /** PostgreSQL holds FerretDB's data and the Temporal cluster's schemas (null with MONGODB_URI and no cluster). */
  postgres: { host: string; port: number; user: string };
  temporal: { basePort: number; portSpan: number; historyShards: number };
  processes: TopologyProcess[];
  assets: StaticAsset[];
}

const LOCAL = '127.0.0.1';

/** The topology for `config`: one instance list per role, ports from the base port. */
export function buildTopology(config: ClusterConfig): Topology {
  const base = config.CLUSTER_BASE_PORT;
  const port = (k: keyof typeof PORT_OFFSETS, i = 0): number => base + PORT_OFFSETS[k] + i;
  const localMongo = !config.MONGODB_URI;
  const urls: Topology['urls'] = {
    public: `http://localhost:${port('proxy')}`,
    temporal: `${LOCAL}:${port('temporal')}`,
    temporalUi: `http://localhost:${port('temporalUi')}`,
    mongo: config.MONGODB_URI ?? `mongodb://${LOCAL}:${port('ferretdb')}`,
    postgres: `postgres://postgres@${LOCAL}:${port('postgres')}`,
    smtp: `smtp://${LOCAL}:${port('mailpitSmtp')}`,
    mailpit: `http://localhost:${port('mailpitUi')}`,
    candidate: `http://${LOCAL}:${port('candidate')}`,
    assessment: `http://${LOCAL}:${port('assessment')}`,
    document: `http://${LOCAL}:${port('document')}`,
  };
  const common: Record<string, string> = {
    LOG_LEVEL: config.LOG_LEVEL,
    MONGODB_URI: urls.mongo,
    TEMPORAL_ADDRESS: urls.temporal,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    CANDIDATE_SERVICE_URL: urls.candidate,
    ASSESSMENT_SERVICE_URL: urls.assessment,
    DOCUMENT_SERVICE_URL: urls.document,
    PUBLIC_URL: urls.public,
    PORTAL_PUBLIC_URL: urls.public,
    SMTP_URL: urls.smtp,
  };
  const one = (name: string, ports: Record<string, number>, env: Record<string, string> = {}): ProcessInstance[] => [
    { name, ports, env },
  ];
  const many = (
    role: string,
    n: number,
    portOf: (i: number) => Record<string, number>,
    envOf: (i: number) => Record<string, string>,
  ) => Array.from({ length: n }, (_, i) => ({ name: `${role}-${i + 1}`, ports: portOf(i), env: envOf(i) }));

  const processes: TopologyProcess[] = [
    {
      name: 'postgres',
      kind: 'database',
      description: 'PostgreSQL: the Temporal cluster’s persistence and visibility schemas, and FerretDB’s data',
      command: ['postgres', '-D', '<data>/postgres', '-p', String(port('postgres'))],
      env: {},
      secrets: [],
      replicas: 1,
      instances: one('postgres', { postgres: port('postgres') }),
      health: { kind: 'postgres', port: 'postgres' },
      dependsOn: [],
    },
    {
      name: 'temporal',
      kind: 'temporal',
      description:
        'Temporal server cluster (frontend, history, matching, worker services on PostgreSQL); the CLI dev server until the server binary is built',
      command: [],
      env: {},
      secrets: [],
      replicas: 1,
      instances: one('temporal', { grpc: port('temporal'), ui: port('temporalUi') }),
      health: { kind: 'grpc-temporal', port: 'grpc' },
      dependsOn: ['postgres'],
    },
    ...(localMongo
      ? [
          {
            name: 'ferretdb',
            kind: 'document-store' as const,
            description: 'FerretDB v1 (MongoDB wire protocol) on the same PostgreSQL',
            command: ['.tools/bin/ferretdb', `--listen-addr=${LOCAL}:${port('ferretdb')}`, '--handler=postgresql'],
            env: {},
            secrets: [],
            replicas: 1,
            instances: one('ferretdb', { mongo: port('ferretdb') }),
            health: { kind: 'mongo' as const, port: 'mongo' },
            dependsOn: ['postgres'],
          },
        ]
      : []),
    {
      name: 'mailpit',
      kind: 'mail',
      description: 'Mailpit: the SMTP sink every mail of the stack goes to, with its inbox',
      command: ['.tools/bin/mailpit'],
      env: {},
      secrets: [],
      replicas: 1,
      instances: one('mailpit', { smtp: port('mailpitSmtp'), ui: port('mailpitUi') }),
      health: { kind: 'http', port: 'ui', path: '/livez' },
      dependsOn: [],
    },
    ...(['candidate', 'assessment', 'document'] as const).map((s): TopologyProcess => ({
      name: s,
      kind: 'service',
      description: `the ${s} service (express + mongoose)`,
      command: ['node', `services/${s}/src/main.ts`],
      env: { ...common },
      secrets: ['SERVICE_AUTH_TRUST'],
      replicas: 1,
      instances: one(s, { http: port(s) }, { [`${s.toUpperCase()}_PORT`]: String(port(s)) }),
      health: { kind: 'http', port: 'http', path: '/readyz' },
      // With MONGODB_URI the store is outside the topology.
      dependsOn: localMongo ? ['ferretdb'] : [],
    })),
    {
      name: 'worker',
      kind: 'worker',
      description: 'Temporal worker (workflows and activities), polling one task queue with its peers',
      command: ['node', 'workflows/src/worker/main.ts'],
      env: { ...common },
      secrets: ['SERVICE_AUTH_KEY', 'TEMPORAL_PAYLOAD_KEYS'],
      replicas: config.WORKERS,
      instances: many(
        'worker',
        config.WORKERS,
        (i) => ({ health: port('workerHealth', i) }),
        (i) => ({ WORKER_HEALTH_PORT: String(port('workerHealth', i)) }),
      ),
      health: { kind: 'http', port: 'health', path: '/healthz' },
      dependsOn: ['temporal', 'candidate', 'assessment', 'document'],
    },
    {
      name: 'gateway',
      kind: 'gateway',
      description: 'GraphQL gateway with the portal, uploads and SSE subscriptions; behind the reverse proxy',
      command: ['node', 'gateway/src/main.ts'],
      // One proxy in front: the client address is the last X-Forwarded-For entry.
      env: { ...common, GATEWAY_HOST: LOCAL, TRUST_PROXY: '1' },
      secrets: ['AUTH_SECRET', 'SERVICE_AUTH_KEY', 'TEMPORAL_PAYLOAD_KEYS'],
      replicas: config.GATEWAYS,
      instances: many(
        'gateway',
        config.GATEWAYS,
        (i) => ({ http: port('gateway', i) }),
        (i) => ({ GATEWAY_PORT: String(port('gateway', i)) }),
      ),
      health: { kind: 'http', port: 'http', path: '/readyz' },
      dependsOn: ['temporal', 'candidate', 'assessment', 'document', 'mailpit'],
    },
    {
      name: 'proxy',
      kind: 'reverse-proxy',
      description: 'reverse proxy: round-robin over the healthy gateways, one public port',
      command: ['node', 'infra/dev/src/cluster/proxy-main.ts'],
      env: {
        PROXY_PORT: String(port('proxy')),
        PROXY_TARGETS: Array.from({ length: config.GATEWAYS }, (_, i) => `http://${LOCAL}:${port('gateway', i)}`).join(
          ',',
        ),
        PROXY_HEALTH_PATH: '/readyz',
      },
      secrets: [],
      replicas: 1,
      instances: one('proxy', { http: port('proxy') }),
      health: { kind: 'http', port: 'http', path: '/proxy/healthz' },
      dependsOn: ['gateway'],
    },
  ];
  return {
    basePort: base,
    namespace: config.TEMPORAL_NAMESPACE,
    urls,
    postgres: { host: LOCAL, port: port('postgres'), user: 'postgres' },
    temporal: {
      basePort: port('temporal'),
      portSpan: TEMPORAL_PORT_SPAN,
      historyShards: config.TEMPORAL_HISTORY_SHARDS,
    },
    processes,
    assets: [{ name: 'portal', dir: 'portal/dist', servedBy: 'gateway' }],
  };
}

/** Every port of the topology with the instance it belongs to (for the free-port check). */
export function topologyPorts(t: Topology): { name: string; port: number; setting: string }[] {
  const out: { name: string; port: number; setting: string }[] = [];
  for (const p of t.processes)
    for (const i of p.instances)
      for (const [k, v] of Object.entries(i.ports))
        out.push({ name: `${i.name} ${k}`, port: v, setting: 'CLUSTER_BASE_PORT' });
  return out;
}

/** The role `name` of the topology (throws when the topology has none). */
export function processOf(t: Topology, name: string): TopologyProcess {
  const p = t.processes.find((x) => x.name === name);
  if (!p) throw new Error(`no process ${name} in the topology`);
  return p;
}
