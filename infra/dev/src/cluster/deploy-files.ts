/**
 * The production files in infra/deploy/, generated from the rehearsal's topology (topology.ts) and the Temporal
 * server config of the rehearsal (temporalServerConfig in temporal-cluster.ts), so the two cannot drift:
 *
 *   infra/deploy/compose.yaml            Compose, MongoDB replica set as the document store (the default)
 *   infra/deploy/compose.ferretdb.yaml   Compose, FerretDB on the same PostgreSQL (the alternative)
 *   infra/deploy/temporal/config.yaml    the Temporal server config (compose mounts it; k8s has it in a ConfigMap)
 *   infra/deploy/k8s/seleksi-jpt.yaml    Kubernetes manifests
 *
 * One process of the topology becomes one service (Deployment) with its replicas; the Temporal cluster becomes
 * its four services. What production adds to or changes from the rehearsal is listed in PRODUCTION below and
 * nowhere else: a process, port, secret or dependency this file does not know fails the generation.
 *
 * `npm run deploy:generate` writes the files; `--check` (infra/deploy/validate.sh, so `npm test`) fails when a
 * committed file differs from what the topology gives.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'prettier';
import { stringify } from 'yaml';
import { FERRETDB_DATABASE } from '../postgres';
import { repoRoot } from '../processes';
import { temporalClusterPorts, temporalServerConfig, TEMPORAL_SERVICES } from './temporal-cluster';
import { buildTopology, loadClusterConfig, type Topology, type TopologyProcess } from './topology';

export type DocumentStore = 'mongodb' | 'ferretdb';

/** Repository-relative paths of the generated files. */
export const DEPLOY_FILES = {
  compose: 'infra/deploy/compose.yaml',
  composeFerretdb: 'infra/deploy/compose.ferretdb.yaml',
  temporalConfig: 'infra/deploy/temporal/config.yaml',
  k8s: 'infra/deploy/k8s/seleksi-jpt.yaml',
} as const;

/** Images of the parts the project does not build; the Temporal ones at the rehearsal's pins (bootstrap.sh). */
export const IMAGES = {
  app: 'seleksi-jpt:${SELEKSI_VERSION:-latest}',
  appK8s: 'seleksi-jpt:latest',
  temporalServer: 'temporalio/server:1.32.2',
  temporalAdminTools: 'temporalio/admin-tools:1.32.2',
  temporalUi: 'temporalio/ui:2.56.4',
  // The rehearsal runs Debian bookworm's PostgreSQL 15.
  postgres: 'postgres:15-bookworm',
  mongo: 'mongo:7.0',
  // The FerretDB the project embeds (infra/ferretdb/go.mod).
  ferretdb: 'ghcr.io/ferretdb/ferretdb:1.24.2',
} as const;
/** The versions bootstrap.sh --cluster builds for the rehearsal; a test holds IMAGES to them. */
export const REHEARSED_VERSIONS = { server: 'v1.32.2', ui: 'v2.56.4' } as const;

/** The processes of the image (infra/deploy/entrypoint.sh) by topology role. */
const APP_COMMAND: Record<string, string> = {
  candidate: 'candidate',
  assessment: 'assessment',
  document: 'document',
  worker: 'worker',
  gateway: 'gateway',
  proxy: 'proxy',
};
/** Each app's settings schema (the env a container gets is the topology's, less what the app does not read). */
export const APP_CONFIG: Record<string, string | undefined> = {
  candidate: 'services/candidate/src/config.ts',
  assessment: 'services/assessment/src/config.ts',
  document: 'services/document/src/config.ts',
  worker: 'workflows/src/worker/config.ts',
  gateway: 'gateway/src/config.ts',
  // proxy-main.ts reads its PROXY_* settings directly.
  proxy: undefined,
};

const PG_USER = 'temporal';
const TEMPORAL_BASE_PORT = 7233;
const TPORTS = temporalClusterPorts(TEMPORAL_BASE_PORT);

/** What production changes, all in one place. */
export const PRODUCTION = {
  /** Every process's ports inside its container (each container has its own network namespace). */
  ports: {
    postgres: { postgres: 5432 },
    temporal: { grpc: TPORTS.frontend, ui: 8080 },
    ferretdb: { mongo: 27017 },
    mailpit: { smtp: 1025, ui: 8025 },
    candidate: { http: 4101 },
    assessment: { http: 4102 },
    document: { http: 4103 },
    worker: { health: 4104 },
    gateway: { http: 4000 },
    proxy: { http: 8080 },
  } as Record<string, Record<string, number>>,
  /** Published on the host by compose. */
  published: {
    proxy: '${PUBLIC_PORT:-8080}:8080',
    // The UI on the host's loopback only: it shows every workflow (reach it through an SSH tunnel or a proxy with sign-in).
    temporalUi: '127.0.0.1:${TEMPORAL_UI_PORT:-8233}:8080',
  },
  publicUrl: 'http://localhost:8080',
  /** Production-only settings per role (listen on every interface; what the rehearsal takes from its data dir). */
  env: {
    candidate: { CANDIDATE_HOST: '0.0.0.0' },
    assessment: { ASSESSMENT_HOST: '0.0.0.0' },
    document: {
      DOCUMENT_HOST: '0.0.0.0',
      // The agency's signing PKCS#12 (BSrE) and the CA chain (README, "Official documents").
      DOCUMENT_SIGNING_P12: '/run/secrets/document_signing_p12',
      DOCUMENT_TRUST_ANCHORS: '/run/secrets/document_trust_anchors',
    },
    gateway: { GATEWAY_HOST: '0.0.0.0' },
    worker: { WORKER_HEALTH_HOST: '0.0.0.0' },
    proxy: { PROXY_HOST: '0.0.0.0' },
  } as Record<string, Record<string, string>>,
  /**
   * Compose only: the links the gateway shows to the Temporal UI published on the host; and the worker makes
   * its own build current at start, because compose has no readiness gating: `up -d` replaces the old workers
   * at once, and with `first` the new ones would poll a version nobody routes rounds to (Kubernetes instead
   * waits on the worker's /readyz until `worker:rollout` makes the new build current).
   */
  composeEnv: {
    gateway: { TEMPORAL_UI_URL: '${TEMPORAL_UI_URL:-http://localhost:8233}' },
    worker: { WORKER_PROMOTE: 'always' },
  } as Record<string, Record<string, string>>,
  /** Secrets production needs that the topology does not name (the rehearsal makes them in its data dir). */
  extraSecrets: {
    document: ['DOCUMENT_SIGNING_PASSPHRASE'],
    worker: ['TEMPORAL_PAYLOAD_KEY_ID'],
    gateway: ['TEMPORAL_PAYLOAD_KEY_ID'],
  } as Record<string, string[]>,
  /**
   * The mail sink (Mailpit) is the rehearsal's: production sends through the agency's relay (SMTP_URL), so no
   * service and no dependency on it.
   */
  externalRoles: ['mailpit'],
} as const;

/** Secrets given as environment values (compose: from the operator's environment; k8s: Secret seleksi-jpt). */
const ENV_SECRETS: Record<string, string> = {
  AUTH_SECRET: 'at least 32 random characters',
  TEMPORAL_PAYLOAD_KEYS: 'id:base64 of 32 random bytes, every key still referenced',
  TEMPORAL_PAYLOAD_KEY_ID: 'the id new payloads are encrypted with',
  DOCUMENT_SIGNING_PASSPHRASE: 'the PKCS#12 passphrase',
};

// ---------------------------------------------------------------------------------------------

/** The topology the files describe: the rehearsal's defaults (clusterConfigSchema), not this shell's settings. */
export function deployTopology(): Topology {
  return buildTopology(loadClusterConfig({}));
}

const HEADER = (what: string): string =>
  `# Generated by infra/dev/src/cluster/deploy-files.ts from the rehearsal's topology (infra/dev/src/cluster/topology.ts): do not edit.\n` +
  `# Change the topology or deploy-files.ts and run \`npm run deploy:generate\`; \`npm test\` fails while this file differs.\n` +
  `# ${what}\n`;

/** Where a rehearsal port is reached in production: host name and container port. */
interface Endpoint {
  role: string;
  portName: string;
  instance: number;
}

function portIndex(t: Topology): Map<number, Endpoint> {
  const index = new Map<number, Endpoint>();
  for (const p of t.processes)
    p.instances.forEach((inst, i) => {
      for (const [portName, port] of Object.entries(inst.ports))
        index.set(port, { role: p.name, portName, instance: i });
    });
  return index;
}

function containerPort(role: string, portName: string): number {
  const port = PRODUCTION.ports[role]?.[portName];
  if (port === undefined)
    throw new Error(`deploy-files: no production port for ${role}.${portName} (add it to PRODUCTION.ports)`);
  return port;
}

type Target = 'compose' | 'k8s';

interface Ctx {
  t: Topology;
  target: Target;
  store: DocumentStore;
  ports: Map<number, Endpoint>;
}

function hostOf(ctx: Ctx, e: Endpoint): string {
  if (e.role === 'temporal') return e.portName === 'ui' ? 'temporal-ui' : 'temporal-frontend';
  if (e.role === 'ferretdb') return ctx.store === 'mongodb' ? 'mongo' : 'ferretdb';
  // Compose names each replica's container <project>-<service>-<n>: the proxy keeps one target per gateway, as
  // rehearsed. Kubernetes: the Service balances over the ready pods.
  if (e.role === 'gateway' && ctx.target === 'compose') return `seleksi-jpt-gateway-${e.instance + 1}`;
  return e.role;
}

function mongoUri(ctx: Ctx): string {
  return ctx.store === 'mongodb'
    ? `mongodb://mongo:${containerPort('ferretdb', 'mongo')}/?replicaSet=rs0`
    : `mongodb://ferretdb:${containerPort('ferretdb', 'mongo')}/`;
}

/** One rehearsal setting as production has it. */
function translate(ctx: Ctx, p: TopologyProcess, key: string, value: string): string | undefined {
  if (key === 'MONGODB_URI') return ctx.target === 'k8s' ? undefined : mongoUri(ctx);
  if (key === 'SMTP_URL') return ctx.target === 'k8s' ? undefined : '${SMTP_URL:?set SMTP_URL (the agency mail relay)}';
  if (key === 'LOG_LEVEL') return ctx.target === 'compose' ? `\${LOG_LEVEL:-${value}}` : value;
  if (value === ctx.t.urls.public)
    return ctx.target === 'compose' ? `\${PUBLIC_URL:-${PRODUCTION.publicUrl}}` : PRODUCTION.publicUrl;
  if (key.endsWith('_HOST') && value === '127.0.0.1') return '0.0.0.0';
  // An instance's own port setting (GATEWAY_PORT, WORKER_HEALTH_PORT, CANDIDATE_PORT…).
  const own = /^\d+$/.test(value) ? ctx.ports.get(Number(value)) : undefined;
  if (own && own.role === p.name) return String(containerPort(own.role, own.portName));
  let out = value.replace(/(?:127\.0\.0\.1|localhost):(\d+)/g, (_m, port: string) => {
    const e = ctx.ports.get(Number(port));
    if (!e)
      throw new Error(`deploy-files: ${p.name} ${key} points at port ${port}, which no process of the topology has`);
    return `${hostOf(ctx, e)}:${containerPort(e.role, e.portName)}`;
  });
  // Several gateway instances are one Service in Kubernetes.
  if (ctx.target === 'k8s' && out.includes(',')) out = [...new Set(out.split(','))].join(',');
  return out;
}

/** Settings each app accepts (its zod schema's keys); undefined for a process without a schema. */
async function appSettings(role: string): Promise<Set<string> | undefined> {
  const file = APP_CONFIG[role];
  if (!file) return undefined;
  const mod = (await import(pathToFileURL(resolve(repoRoot, file)).href)) as Record<string, unknown>;
  const schema = Object.entries(mod).find(([k]) => k.endsWith('ConfigSchema'))?.[1] as { shape?: object } | undefined;
  if (!schema?.shape) throw new Error(`deploy-files: ${file} exports no *ConfigSchema`);
  return new Set(Object.keys(schema.shape));
}

export interface AppEnv {
  /** Plain settings. */
  env: Record<string, string>;
  /** The topology's env names the app does not read (the rehearsal gives every process the same common set). */
  dropped: string[];
  /** Secret names: from the topology and PRODUCTION.extraSecrets. */
  secrets: string[];
}

/** The environment of one app role in production (secrets excluded: each target provides them its own way). */
export async function appEnv(
  t: Topology,
  role: string,
  target: Target,
  store: DocumentStore = 'mongodb',
): Promise<AppEnv> {
  const p = t.processes.find((x) => x.name === role);
  if (!p) throw new Error(`deploy-files: no process ${role} in the topology`);
  const ctx: Ctx = { t, target, store, ports: portIndex(t) };
  const settings = await appSettings(role);
  const env: Record<string, string> = {};
  const dropped: string[] = [];
  const merged = { ...p.env, ...(p.instances[0]?.env ?? {}) };
  for (const [k, v] of Object.entries(merged)) {
    if (settings && !settings.has(k)) {
      dropped.push(k);
      continue;
    }
    const out = translate(ctx, p, k, v);
    if (out !== undefined) env[k] = out;
  }
  Object.assign(env, PRODUCTION.env[role] ?? {});
  return { env, dropped, secrets: [...p.secrets, ...(PRODUCTION.extraSecrets[role] ?? [])] };
}

// ---------------------------------------------------------------------------------------------
// The Temporal server config

/** The rehearsal's config for production: the same function, with the differences a network of hosts needs. */
export function productionTemporalConfig(
  t: Topology,
  dynamicConfigFile = '/etc/temporal/config/dynamicconfig/seleksi.yaml',
): string {
  const base = temporalServerConfig({
    postgres: {
      host: 'postgres',
      port: containerPort('postgres', 'postgres'),
      user: PG_USER,
      password: '{{ env `TEMPORAL_DB_PASSWORD` }}',
    },
    ports: TPORTS,
    historyShards: t.temporal.historyShards,
    dynamicConfigFile,
  });
  // Each must match: a change in temporalServerConfig fails the generation instead of drifting silently.
  const edits: [RegExp, string, number][] = [
    [/^# Written by .*\n/m, '', 1],
    // The image's entrypoint sets TEMPORAL_BROADCAST_ADDRESS to the container's address when BIND_ON_IP is 0.0.0.0.
    [/^( {6})bindOnLocalHost: true$/gm, '$1bindOnIP: 0.0.0.0', TEMPORAL_SERVICES.length],
    [/^( {4})broadcastAddress: 127\.0\.0\.1$/m, '$1broadcastAddress: "{{ env `TEMPORAL_BROADCAST_ADDRESS` }}"', 1],
    [/^( {6})rpcAddress: "127\.0\.0\.1:(\d+)"$/m, '$1rpcAddress: "temporal-frontend:$2"', 1],
  ];
  let out = base;
  for (const [re, to, n] of edits) {
    const found = out.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))?.length ?? 0;
    if (found !== n)
      throw new Error(`deploy-files: temporalServerConfig changed: ${re} matched ${found} times, not ${n}`);
    out = out.replace(re, to);
  }
  return (
    HEADER('The Temporal server config of every Temporal service (TEMPORAL_SERVICES picks the service).') +
    // No template braces in comments: the server parses the whole file as a Go template.
    '# enable-template: the server fills in the password and the broadcast address from its environment at start.\n' +
    out
  );
}

// ---------------------------------------------------------------------------------------------
// Compose

type Json = Record<string, unknown>;

const HTTP_HEALTH = { interval: '10s', timeout: '5s', retries: 12, start_period: '30s' };

function healthTest(p: TopologyProcess): Json {
  if (p.health.kind !== 'http')
    throw new Error(`deploy-files: ${p.name}: health check ${p.health.kind} has no compose form here`);
  const url = `http://127.0.0.1:${containerPort(p.name, p.health.port)}${p.health.path ?? '/'}`;
  return { test: ['CMD', 'node', 'infra/deploy/healthcheck.mjs', url], ...HTTP_HEALTH };
}

/** Compose `depends_on` of a topology role. */
function composeDepends(ctx: Ctx, p: TopologyProcess): Json {
  const out: Json = {};
  for (const d of p.dependsOn) {
    if ((PRODUCTION.externalRoles as readonly string[]).includes(d)) continue;
    if (d === 'temporal') out['temporal-setup'] = { condition: 'service_completed_successfully' };
    else if (d === 'ferretdb')
      out[ctx.store === 'mongodb' ? 'mongo' : 'ferretdb'] = {
        condition: ctx.store === 'mongodb' ? 'service_healthy' : 'service_started',
      };
    else if (d === 'postgres') out.postgres = { condition: 'service_healthy' };
    else if (APP_COMMAND[d]) out[d] = { condition: 'service_healthy' };
    else throw new Error(`deploy-files: ${p.name} depends on ${d}, which deploy-files.ts does not map`);
  }
  return out;
}

function serviceCallers(t: Topology): string[] {
  return t.processes.filter((p) => p.secrets.includes('SERVICE_AUTH_KEY')).map((p) => p.name);
}

async function composeApp(ctx: Ctx, p: TopologyProcess): Promise<{ service: Json; secrets: string[] }> {
  const { env, secrets } = await appEnv(ctx.t, p.name, 'compose', ctx.store);
  Object.assign(env, PRODUCTION.composeEnv[p.name] ?? {});
  const files: string[] = [];
  for (const s of secrets) {
    if (ENV_SECRETS[s]) env[s] = `\${${s}:?set ${s} (${ENV_SECRETS[s]})}`;
    else if (s === 'SERVICE_AUTH_KEY') {
      env[s] = `/run/secrets/${p.name}_service_key`;
      files.push(`${p.name}_service_key`);
    } else if (s === 'SERVICE_AUTH_TRUST') {
      const callers = serviceCallers(ctx.t);
      env[s] = JSON.stringify(Object.fromEntries(callers.map((c) => [c, [`/run/secrets/${c}_service_pub`]])));
      files.push(...callers.map((c) => `${c}_service_pub`));
    } else throw new Error(`deploy-files: ${p.name}: secret ${s} has no production form (add it to deploy-files.ts)`);
  }
  if (p.name === 'document') files.unshift('document_signing_p12', 'document_trust_anchors');
  const service: Json = {
    image: IMAGES.app,
    build: { context: '../..', dockerfile: 'infra/deploy/Dockerfile' },
    restart: 'unless-stopped',
    command: [APP_COMMAND[p.name]],
    ...(p.replicas > 1 ? { deploy: { replicas: p.replicas } } : {}),
    depends_on: composeDepends(ctx, p),
    environment: sortKeys(env),
    ...(files.length > 0 ? { secrets: files } : {}),
    ...(p.name === 'proxy' ? { ports: [PRODUCTION.published.proxy] } : {}),
    healthcheck: healthTest(p),
  };
  return { service, secrets: files };
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

const PG_PASSWORD =
  '${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD (letters and digits only: it goes into YAML and a URL)}';

function temporalServices(t: Topology): Json {
  const server = (s: (typeof TEMPORAL_SERVICES)[number]): Json => ({
    image: IMAGES.temporalServer,
    restart: 'unless-stopped',
    depends_on:
      s === 'history'
        ? { 'temporal-schema': { condition: 'service_completed_successfully' } }
        : // As rehearsed: history first (on a new database the services race to write the cluster metadata).
          { 'temporal-history': { condition: 'service_healthy' } },
    environment: {
      TEMPORAL_SERVICES: s,
      TEMPORAL_SERVER_CONFIG_FILE_PATH: '/etc/temporal/config/seleksi.yaml',
      TEMPORAL_ALLOW_NO_AUTH: 'true',
      BIND_ON_IP: '0.0.0.0',
      TEMPORAL_DB_PASSWORD: PG_PASSWORD,
    },
    volumes: [
      './temporal/config.yaml:/etc/temporal/config/seleksi.yaml:ro',
      './temporal/dynamicconfig.yaml:/etc/temporal/config/dynamicconfig/seleksi.yaml:ro',
    ],
    ...(s === 'frontend'
      ? {
          healthcheck: {
            // The frontend's HTTP API answers GetSystemInfo (the topology's grpc-temporal check).
            test: [
              'CMD',
              'wget',
              '-q',
              '-O',
              '/dev/null',
              `http://127.0.0.1:${TPORTS.frontendHttp}/api/v1/system-info`,
            ],
            interval: '10s',
            timeout: '5s',
            retries: 30,
            start_period: '30s',
          },
        }
      : s === 'history'
        ? {
            healthcheck: {
              test: ['CMD', 'nc', '-z', '127.0.0.1', String(TPORTS.history)],
              interval: '5s',
              timeout: '5s',
              retries: 60,
              start_period: '10s',
            },
          }
        : {}),
  });
  const out: Json = {
    'temporal-schema': {
      image: IMAGES.temporalAdminTools,
      restart: 'on-failure',
      depends_on: { postgres: { condition: 'service_healthy' } },
      // The SQL tool reads its password from SQL_PASSWORD (kept off its command line).
      environment: { SQL_PASSWORD: PG_PASSWORD },
      // As setupTemporalSchemas (temporal-cluster.ts): create when missing, record 0.0 on a new database, update.
      entrypoint: ['sh', '-c'],
      command: [temporalSchemaScript()],
    },
  };
  for (const s of TEMPORAL_SERVICES) out[`temporal-${s}`] = server(s);
  out['temporal-ui'] = {
    image: IMAGES.temporalUi,
    restart: 'unless-stopped',
    depends_on: { 'temporal-frontend': { condition: 'service_healthy' } },
    environment: {
      TEMPORAL_ADDRESS: `temporal-frontend:${TPORTS.frontend}`,
      TEMPORAL_DEFAULT_NAMESPACE: t.namespace,
      // Payloads are shown decrypted only through the gateway's codec server, to a signed-in administrator.
      TEMPORAL_CODEC_ENDPOINT: `\${PUBLIC_URL:-${PRODUCTION.publicUrl}}/codec`,
      TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true',
      TEMPORAL_NOTIFY_ON_NEW_VERSION: 'false',
    },
    ports: [PRODUCTION.published.temporalUi],
  };
  out['temporal-setup'] = {
    image: IMAGES.app,
    build: { context: '../..', dockerfile: 'infra/deploy/Dockerfile' },
    command: ['setup'],
    restart: 'on-failure',
    depends_on: { 'temporal-frontend': { condition: 'service_healthy' } },
    environment: {
      LOG_LEVEL: '${LOG_LEVEL:-info}',
      TEMPORAL_ADDRESS: `temporal-frontend:${TPORTS.frontend}`,
      TEMPORAL_NAMESPACE: t.namespace,
    },
  };
  return out;
}

/** The schema set-up; the SQL tool takes the password from SQL_PASSWORD in its environment. */
function temporalSchemaScript(): string {
  const tool = (db: string, args: string): string =>
    `temporal-sql-tool --plugin postgres12 --endpoint postgres --port ${containerPort('postgres', 'postgres')} --user ${PG_USER} --database ${db} ${args}`;
  return [
    'set -e',
    ...(
      [
        ['temporal', 'temporal'],
        ['temporal_visibility', 'visibility'],
      ] as const
    ).flatMap(([db, dir]) => [
      `${tool(db, 'create-database --defaultdb postgres')} || true`,
      tool(db, 'setup-schema -v 0.0'),
      tool(db, `update-schema --schema-name postgresql/v12/${dir}`),
    ]),
  ].join('\n');
}

export async function composeFile(t: Topology, store: DocumentStore): Promise<string> {
  const ctx: Ctx = { t, target: 'compose', store, ports: portIndex(t) };
  const services: Json = {};
  const secretFiles = new Set<string>();
  const volumes: Json = { postgres: {} };
  for (const p of t.processes) {
    if ((PRODUCTION.externalRoles as readonly string[]).includes(p.name)) continue;
    if (p.kind === 'database') {
      services.postgres = {
        image: IMAGES.postgres,
        restart: 'unless-stopped',
        environment: { POSTGRES_USER: PG_USER, POSTGRES_PASSWORD: PG_PASSWORD },
        volumes: ['postgres:/var/lib/postgresql/data'],
        healthcheck: { test: ['CMD-SHELL', `pg_isready -U ${PG_USER}`], interval: '5s', timeout: '5s', retries: 20 },
      };
    } else if (p.kind === 'temporal') {
      Object.assign(services, temporalServices(t));
    } else if (p.kind === 'document-store') {
      if (store === 'mongodb') {
        volumes.mongo = {};
        services.mongo = {
          image: IMAGES.mongo,
          restart: 'unless-stopped',
          command: ['--replSet', 'rs0', '--bind_ip_all'],
          volumes: ['mongo:/data/db'],
          healthcheck: {
            // Initiates the single-node replica set on first start, then reports its state.
            test: [
              'CMD',
              'mongosh',
              '--quiet',
              '--eval',
              "try { rs.status().ok } catch (e) { rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] }).ok }",
            ],
            interval: '5s',
            timeout: '10s',
            retries: 30,
            start_period: '10s',
          },
        };
      } else {
        services['ferretdb-database'] = {
          image: IMAGES.postgres,
          restart: 'on-failure',
          depends_on: { postgres: { condition: 'service_healthy' } },
          environment: { PGPASSWORD: PG_PASSWORD },
          volumes: ['./postgres/ferretdb.sql:/ferretdb.sql:ro'],
          command: [
            'psql',
            '-v',
            'ON_ERROR_STOP=1',
            '-h',
            'postgres',
            '-U',
            PG_USER,
            '-d',
            'postgres',
            '-f',
            '/ferretdb.sql',
          ],
        };
        // No shell or HTTP client in the image for a healthcheck: the apps wait by restarting.
        services.ferretdb = {
          image: IMAGES.ferretdb,
          restart: 'unless-stopped',
          depends_on: { 'ferretdb-database': { condition: 'service_completed_successfully' } },
          environment: {
            FERRETDB_HANDLER: 'postgresql',
            FERRETDB_LISTEN_ADDR: `:${containerPort('ferretdb', 'mongo')}`,
            FERRETDB_POSTGRESQL_URL: `postgres://${PG_USER}:\${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD}@postgres:${containerPort('postgres', 'postgres')}/${FERRETDB_DATABASE}`,
            FERRETDB_TELEMETRY: 'disable',
          },
        };
      }
    } else if (APP_COMMAND[p.name]) {
      const { service, secrets } = await composeApp(ctx, p);
      services[p.name] = service;
      for (const s of secrets) secretFiles.add(s);
    } else
      throw new Error(`deploy-files: process ${p.name} (${p.kind}) has no production form (add it to deploy-files.ts)`);
  }
  const secrets: Json = {};
  for (const s of [...secretFiles].sort()) {
    if (s === 'document_signing_p12')
      secrets[s] = {
        file: "${DOCUMENT_SIGNING_P12_FILE:?set DOCUMENT_SIGNING_P12_FILE (the agency's PKCS#12 on the host)}",
      };
    else if (s === 'document_trust_anchors')
      secrets[s] = {
        file: '${DOCUMENT_TRUST_ANCHORS_FILE:?set DOCUMENT_TRUST_ANCHORS_FILE (PEM of the CA chain on the host)}',
      };
    else {
      const [caller, , kind] = s.split('_');
      secrets[s] = {
        file: `\${SERVICE_KEYS_DIR:?set SERVICE_KEYS_DIR (the host directory of the service keys)}/${caller}.${kind === 'key' ? 'key' : 'pub'}`,
      };
    }
  }
  const doc = { name: 'seleksi-jpt', services, volumes, secrets };
  const other =
    store === 'mongodb'
      ? 'compose.ferretdb.yaml: FerretDB on the same PostgreSQL'
      : 'compose.yaml: MongoDB replica set';
  const what =
    store === 'mongodb'
      ? 'Document store: a MongoDB replica set (the production default).'
      : 'Document store: FerretDB v1 on the same PostgreSQL (one database to run and back up).';
  const usage = [
    what,
    `The other choice: ${other}.`,
    'From the repository root (keep the keys: histories cannot be read without them):',
    '  TEMPORAL_DB_PASSWORD=$(openssl rand -hex 24) AUTH_SECRET=$(openssl rand -base64 48) SMTP_URL=smtp://relay.example:587 \\',
    '    TEMPORAL_PAYLOAD_KEY_ID=k1 TEMPORAL_PAYLOAD_KEYS=k1:$(openssl rand -base64 32) SERVICE_KEYS_DIR=/etc/seleksi/service-keys \\',
    '    DOCUMENT_SIGNING_P12_FILE=… DOCUMENT_SIGNING_PASSPHRASE=… DOCUMENT_TRUST_ANCHORS_FILE=… \\',
    `    docker compose -f infra/deploy/${store === 'mongodb' ? 'compose.yaml' : 'compose.ferretdb.yaml'} up -d --build`,
    'Checked offline by infra/deploy/validate.sh (no container engine runs in CI).',
  ].join('\n# ');
  return HEADER(usage) + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

// ---------------------------------------------------------------------------------------------
// Kubernetes

const K8S_SECRET = 'seleksi-jpt';
const K8S_KEYS = 'seleksi-jpt-service-keys';
const K8S_SIGNING = 'seleksi-jpt-document-signing';

function labels(name: string): Json {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'seleksi-jpt' };
}

function deployment(name: string, replicas: number, pod: Json, dependsOn: string[] = []): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      labels: labels(name),
      // The topology's start order; Kubernetes starts everything at once and the apps retry until it holds.
      ...(dependsOn.length > 0 ? { annotations: { 'seleksi-jpt/depends-on': dependsOn.join(',') } } : {}),
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: { metadata: { labels: labels(name) }, spec: pod },
    },
  };
}

function k8sService(name: string, ports: Record<string, number>): Json {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: labels(name) },
    spec: {
      selector: { 'app.kubernetes.io/name': name },
      ports: Object.entries(ports).map(([n, port]) => ({ name: n, port, targetPort: port })),
    },
  };
}

const secretRef = (key: string, name = K8S_SECRET, optional = false): Json => ({
  valueFrom: { secretKeyRef: { name, key, ...(optional ? { optional: true } : {}) } },
});

const K8S_SITE = 'seleksi-jpt-site';
const siteRef: Json = { valueFrom: { configMapKeyRef: { name: K8S_SITE, key: 'PUBLIC_URL' } } };

function envList(env: Record<string, string>, extra: Json[] = []): Json[] {
  return [...Object.entries(sortKeys(env)).map(([name, value]) => ({ name, value })), ...extra];
}

async function k8sApp(t: Topology, p: TopologyProcess): Promise<Json[]> {
  const { env, secrets } = await appEnv(t, p.name, 'k8s');
  const extra: Json[] = [];
  const mounts: Json[] = [];
  const volumes: Json[] = [];
  const merged = { ...p.env, ...(p.instances[0]?.env ?? {}) };
  const settings = await appSettings(p.name);
  const reads = (k: string): boolean => k in merged && (!settings || settings.has(k));
  // The site's address is the operator's: one ConfigMap key for every setting that carries it.
  for (const [k, v] of Object.entries(env))
    if (v === PRODUCTION.publicUrl) {
      delete env[k];
      extra.push({ name: k, ...siteRef });
    }
  if (reads('MONGODB_URI')) extra.push({ name: 'MONGODB_URI', ...secretRef('MONGODB_URI') });
  if (reads('SMTP_URL')) extra.push({ name: 'SMTP_URL', ...secretRef('SMTP_URL') });
  let keys = false;
  for (const s of secrets) {
    if (ENV_SECRETS[s]) extra.push({ name: s, ...secretRef(s) });
    else if (s === 'SERVICE_AUTH_KEY') {
      env[s] = `/run/secrets/service-keys/${p.name}.key`;
      keys = true;
    } else if (s === 'SERVICE_AUTH_TRUST') {
      env[s] = JSON.stringify(
        Object.fromEntries(serviceCallers(t).map((c) => [c, [`/run/secrets/service-keys/${c}.pub`]])),
      );
      keys = true;
    } else throw new Error(`deploy-files: ${p.name}: secret ${s} has no production form (add it to deploy-files.ts)`);
  }
  if (keys) {
    mounts.push({ name: 'service-keys', mountPath: '/run/secrets/service-keys', readOnly: true });
    volumes.push({ name: 'service-keys', secret: { secretName: K8S_KEYS } });
  }
  if (p.name === 'document') {
    env.DOCUMENT_SIGNING_P12 = '/run/secrets/document-signing/signing.p12';
    env.DOCUMENT_TRUST_ANCHORS = '/run/secrets/document-signing/trust-anchors.pem';
    mounts.push({ name: 'document-signing', mountPath: '/run/secrets/document-signing', readOnly: true });
    volumes.push({ name: 'document-signing', secret: { secretName: K8S_SIGNING } });
  }
  const port = containerPort(p.name, p.health.port);
  const probe = { httpGet: { path: p.health.path ?? '/', port } };
  // A worker is live once it polls, but ready only while its build is current or ramping (workerReady in
  // workflows/src/worker/versioning.ts): a rolling update then waits for the operator's `worker:rollout`.
  const ready = p.kind === 'worker' ? { httpGet: { path: '/readyz', port } } : probe;
  const deps = p.dependsOn
    .filter((d) => !(PRODUCTION.externalRoles as readonly string[]).includes(d))
    .map((d) => (d === 'temporal' ? 'temporal-frontend' : d === 'ferretdb' ? 'mongodb (MONGODB_URI)' : d));
  const container: Json = {
    name: p.name,
    image: IMAGES.appK8s,
    args: [APP_COMMAND[p.name]],
    env: envList(env, extra),
    ports: Object.keys(p.instances[0]?.ports ?? {}).map((n) => ({ name: n, containerPort: containerPort(p.name, n) })),
    readinessProbe: { ...ready, periodSeconds: 5 },
    livenessProbe: { ...probe, periodSeconds: 10, failureThreshold: 6, initialDelaySeconds: 30 },
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
  };
  const out = [
    deployment(p.name, p.replicas, { containers: [container], ...(volumes.length > 0 ? { volumes } : {}) }, deps),
  ];
  if (p.kind !== 'worker') {
    const ports = Object.fromEntries(
      Object.keys(p.instances[0]?.ports ?? {}).map((n) => [n, containerPort(p.name, n)]),
    );
    out.push(k8sService(p.name, ports));
  }
  return out;
}

function k8sTemporal(t: Topology): Json[] {
  const dbPassword = { name: 'TEMPORAL_DB_PASSWORD', ...secretRef('TEMPORAL_DB_PASSWORD') };
  const configVolume = {
    name: 'temporal-config',
    configMap: { name: 'temporal-config' },
  };
  const out: Json[] = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'temporal-config', labels: labels('temporal') },
      data: {
        'config.yaml': productionTemporalConfig(t, '/etc/temporal/config/dynamicconfig.yaml'),
        'dynamicconfig.yaml': readFileSync(resolve(repoRoot, 'infra/deploy/temporal/dynamicconfig.yaml'), 'utf8'),
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'temporal-schema', labels: labels('temporal-schema') },
      spec: {
        backoffLimit: 20,
        template: {
          metadata: { labels: labels('temporal-schema') },
          spec: {
            restartPolicy: 'OnFailure',
            containers: [
              {
                name: 'temporal-schema',
                image: IMAGES.temporalAdminTools,
                command: ['sh', '-c', temporalSchemaScript()],
                env: [{ name: 'SQL_PASSWORD', ...secretRef('TEMPORAL_DB_PASSWORD') }],
              },
            ],
          },
        },
      },
    },
  ];
  for (const s of TEMPORAL_SERVICES) {
    const name = `temporal-${s}`;
    const grpc = TPORTS[s];
    out.push(
      deployment(
        name,
        1,
        {
          containers: [
            {
              name,
              image: IMAGES.temporalServer,
              env: [
                { name: 'TEMPORAL_SERVICES', value: s },
                { name: 'TEMPORAL_SERVER_CONFIG_FILE_PATH', value: '/etc/temporal/config/config.yaml' },
                { name: 'TEMPORAL_ALLOW_NO_AUTH', value: 'true' },
                { name: 'BIND_ON_IP', value: '0.0.0.0' },
                { name: 'TEMPORAL_BROADCAST_ADDRESS', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                dbPassword,
              ],
              ports: [
                { name: 'grpc', containerPort: grpc },
                { name: 'membership', containerPort: TPORTS.membership[s] },
                ...(s === 'frontend' ? [{ name: 'http', containerPort: TPORTS.frontendHttp }] : []),
              ],
              readinessProbe:
                s === 'frontend'
                  ? { httpGet: { path: '/api/v1/system-info', port: TPORTS.frontendHttp }, periodSeconds: 5 }
                  : { tcpSocket: { port: grpc }, periodSeconds: 5 },
              volumeMounts: [{ name: 'temporal-config', mountPath: '/etc/temporal/config', readOnly: true }],
            },
          ],
          volumes: [configVolume],
        },
        s === 'history' ? ['postgres', 'temporal-schema'] : ['temporal-history'],
      ),
    );
  }
  out.push(k8sService('temporal-frontend', { grpc: TPORTS.frontend, http: TPORTS.frontendHttp }));
  out.push(
    deployment(
      'temporal-ui',
      1,
      {
        containers: [
          {
            name: 'temporal-ui',
            image: IMAGES.temporalUi,
            env: [
              { name: 'PUBLIC_URL', ...siteRef },
              ...envList({
                TEMPORAL_ADDRESS: `temporal-frontend:${TPORTS.frontend}`,
                TEMPORAL_CODEC_ENDPOINT: '$(PUBLIC_URL)/codec',
                TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true',
                TEMPORAL_DEFAULT_NAMESPACE: t.namespace,
                TEMPORAL_NOTIFY_ON_NEW_VERSION: 'false',
              }),
            ],
            ports: [{ name: 'http', containerPort: containerPort('temporal', 'ui') }],
          },
        ],
      },
      ['temporal-frontend'],
    ),
    k8sService('temporal-ui', { http: containerPort('temporal', 'ui') }),
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'temporal-setup', labels: labels('temporal-setup') },
      spec: {
        backoffLimit: 20,
        template: {
          metadata: { labels: labels('temporal-setup') },
          spec: {
            restartPolicy: 'OnFailure',
            containers: [
              {
                name: 'temporal-setup',
                image: IMAGES.appK8s,
                args: ['setup'],
                env: envList({
                  LOG_LEVEL: 'info',
                  TEMPORAL_ADDRESS: `temporal-frontend:${TPORTS.frontend}`,
                  TEMPORAL_NAMESPACE: t.namespace,
                }),
              },
            ],
          },
        },
      },
    },
  );
  return out;
}

function k8sPostgres(): Json[] {
  const port = containerPort('postgres', 'postgres');
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'postgres', labels: labels('postgres') },
      spec: {
        serviceName: 'postgres',
        replicas: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } },
        template: {
          metadata: { labels: labels('postgres') },
          spec: {
            containers: [
              {
                name: 'postgres',
                image: IMAGES.postgres,
                env: [
                  { name: 'POSTGRES_USER', value: PG_USER },
                  { name: 'POSTGRES_PASSWORD', ...secretRef('TEMPORAL_DB_PASSWORD') },
                  { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
                ],
                ports: [{ name: 'postgres', containerPort: port }],
                readinessProbe: { exec: { command: ['pg_isready', '-U', PG_USER] }, periodSeconds: 5 },
                volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
          },
        ],
      },
    },
    k8sService('postgres', { postgres: port }),
  ];
}

export async function k8sFile(t: Topology): Promise<string> {
  const docs: Json[] = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: K8S_SITE, labels: labels('seleksi-jpt') },
      // The address users reach the portal at (the proxy behind your Ingress or load balancer): set yours.
      data: { PUBLIC_URL: PRODUCTION.publicUrl },
    },
  ];
  for (const p of t.processes) {
    if ((PRODUCTION.externalRoles as readonly string[]).includes(p.name)) continue;
    if (p.kind === 'database') docs.push(...k8sPostgres());
    else if (p.kind === 'temporal') docs.push(...k8sTemporal(t));
    else if (p.kind === 'document-store')
      continue; // external: MONGODB_URI in the Secret
    else if (APP_COMMAND[p.name]) docs.push(...(await k8sApp(t, p)));
    else
      throw new Error(`deploy-files: process ${p.name} (${p.kind}) has no production form (add it to deploy-files.ts)`);
  }
  const usage = [
    'Kubernetes: PostgreSQL as a StatefulSet (or point TEMPORAL_DB_PASSWORD/postgres at a managed one), the Temporal',
    'services as Deployments with their config in a ConfigMap, the apps as Deployments with the topology’s replicas.',
    'The document store is external: a MongoDB replica set (MONGODB_URI in the Secret).',
    'Set PUBLIC_URL in the ConfigMap seleksi-jpt-site to the portal’s address (a kustomize patch keeps this file as generated).',
    'Before `kubectl apply -f infra/deploy/k8s/`, create the secrets (never committed):',
    `  kubectl create secret generic ${K8S_SECRET} --from-literal=TEMPORAL_DB_PASSWORD=… --from-literal=MONGODB_URI=… \\`,
    '    --from-literal=AUTH_SECRET=… --from-literal=TEMPORAL_PAYLOAD_KEYS=… --from-literal=TEMPORAL_PAYLOAD_KEY_ID=… \\',
    '    --from-literal=SMTP_URL=… --from-literal=DOCUMENT_SIGNING_PASSPHRASE=…',
    `  kubectl create secret generic ${K8S_KEYS} --from-file=gateway.key --from-file=gateway.pub --from-file=worker.key --from-file=worker.pub`,
    `  kubectl create secret generic ${K8S_SIGNING} --from-file=signing.p12 --from-file=trust-anchors.pem`,
    'The image seleksi-jpt:latest is built from infra/deploy/Dockerfile; set your registry’s with kustomize or kubectl set image.',
  ].join('\n# ');
  return HEADER(usage) + docs.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

// ---------------------------------------------------------------------------------------------

/** Every generated file: repository-relative path → content (formatted as Prettier formats the repository). */
export async function generateDeployFiles(t: Topology = deployTopology()): Promise<Record<string, string>> {
  const raw: Record<string, string> = {
    [DEPLOY_FILES.compose]: await composeFile(t, 'mongodb'),
    [DEPLOY_FILES.composeFerretdb]: await composeFile(t, 'ferretdb'),
    [DEPLOY_FILES.temporalConfig]: productionTemporalConfig(t),
    [DEPLOY_FILES.k8s]: await k8sFile(t),
  };
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(raw))
    out[path] = path.endsWith('.yaml')
      ? await format(text, { parser: 'yaml', printWidth: 120, singleQuote: true, trailingComma: 'all' })
      : text;
  return out;
}

/** Paths (repository-relative) whose file under `root` is missing or differs from the generated one. */
export async function checkDeployFiles(root: string = repoRoot): Promise<string[]> {
  const files = await generateDeployFiles();
  return Object.entries(files)
    .filter(([path, text]) => {
      const file = join(root, path);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(([path]) => path);
}

export async function writeDeployFiles(root: string = repoRoot): Promise<string[]> {
  const files = await generateDeployFiles();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return Object.keys(files);
}

async function main(argv: string[]): Promise<number> {
  const rootArg = argv.indexOf('--root');
  const root = rootArg >= 0 && argv[rootArg + 1] ? resolve(argv[rootArg + 1]!) : repoRoot;
  if (argv.includes('--check')) {
    const stale = await checkDeployFiles(root);
    if (stale.length > 0) {
      console.error(
        `[deploy] generated files differ from the topology (hand edit, or the topology changed):\n${stale.map((s) => `  - ${s}`).join('\n')}\n` +
          'Run `npm run deploy:generate` and commit the result; change infra/dev/src/cluster/deploy-files.ts or topology.ts, never the files.',
      );
      return 1;
    }
    console.log(`[deploy] ${Object.keys(DEPLOY_FILES).length} generated files match the topology`);
    return 0;
  }
  for (const path of await writeDeployFiles(root)) console.log(`[deploy] wrote ${path}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(await main(process.argv.slice(2)));
}
