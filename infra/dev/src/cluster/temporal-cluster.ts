/**
 * The real Temporal server as a cluster on PostgreSQL (issue 15's rehearsal of the production shape): the server
 * and its SQL tool built from their Go module by `bootstrap.sh --cluster` into `.tools/temporal/`, the schemas set
 * up or updated with that tool (persistence in `temporal`, SQL visibility in `temporal_visibility`), and the
 * frontend, history, matching and worker services as four supervised processes that find each other through the
 * membership table in the database. The Temporal UI server runs too when it was built.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import {
  DEFAULT_RESTART_POLICY,
  freePort,
  isPortOpen,
  repoRoot,
  spawnLogged,
  supervise,
  tailFile,
  waitForHttpOk,
  waitForTcpPort,
  waitUntil,
  type ExitInfo,
  type RestartPolicy,
  type SupervisedProcess,
} from '../processes';
import { ensureNamespace, waitForTemporal } from '../temporal';

const execFileAsync = promisify(execFile);

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalServiceName = (typeof TEMPORAL_SERVICES)[number];

/** Ports a cluster takes from `basePort` on (see temporalClusterPorts). */
export const TEMPORAL_CLUSTER_PORT_SPAN = 10;

export interface TemporalClusterPorts {
  /** gRPC of the frontend: what clients and workers connect to. */
  frontend: number;
  /** The frontend's HTTP API. */
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Each service's membership (ringpop) port. */
  membership: Record<TemporalServiceName, number>;
  /** The Temporal UI server (when built). */
  ui: number;
}

/** The cluster's ports: `basePort` … `basePort + TEMPORAL_CLUSTER_PORT_SPAN - 1`. */
export function temporalClusterPorts(basePort: number): TemporalClusterPorts {
  return {
    frontend: basePort,
    frontendHttp: basePort + 1,
    history: basePort + 2,
    matching: basePort + 3,
    worker: basePort + 4,
    membership: { frontend: basePort + 5, history: basePort + 6, matching: basePort + 7, worker: basePort + 8 },
    ui: basePort + 9,
  };
}

/** A base port whose TEMPORAL_CLUSTER_PORT_SPAN ports were all free a moment ago (tests, benchmarks). */
export async function freeTemporalClusterBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = await freePort();
    if (base + TEMPORAL_CLUSTER_PORT_SPAN > 65_535) continue;
    const rest = Array.from({ length: TEMPORAL_CLUSTER_PORT_SPAN - 1 }, (_, i) => base + 1 + i);
    const taken = await Promise.all(rest.map((p) => isPortOpen('127.0.0.1', p, 300)));
    if (!taken.some(Boolean)) return base;
  }
  throw new Error(`no block of ${TEMPORAL_CLUSTER_PORT_SPAN} free ports found`);
}

export interface TemporalClusterTools {
  /** `.tools/temporal`, or TEMPORAL_CLUSTER_TOOLS_DIR. */
  dir: string;
  server: string;
  sqlTool: string;
  /** null when the UI server was not built. */
  uiServer: string | null;
  /** Copy of the module's `schema/` (postgresql/v12/{temporal,visibility}/versioned). */
  schemaDir: string;
  /** What `bootstrap.sh --cluster` built (`server v1.32.2, UI server v2.56.4`), for messages. */
  versions: string;
}

/** Where `bootstrap.sh --cluster` puts the binaries and schemas. */
export function temporalClusterTools(env: NodeJS.ProcessEnv = process.env): TemporalClusterTools {
  const dir = env.TEMPORAL_CLUSTER_TOOLS_DIR || resolve(repoRoot, '.tools/temporal');
  const uiServer = join(dir, 'temporal-ui-server');
  const version = (file: string): string => {
    try {
      return readFileSync(join(dir, file), 'utf8').trim();
    } catch {
      return '';
    }
  };
  const server = version('server.version');
  const ui = existsSync(uiServer) ? version('ui.version') : '';
  const versions = [server && `server ${server}`, ui && `UI server ${ui}`].filter(Boolean).join(', ');
  return {
    dir,
    server: join(dir, 'temporal-server'),
    sqlTool: join(dir, 'temporal-sql-tool'),
    uiServer: existsSync(uiServer) ? uiServer : null,
    schemaDir: join(dir, 'schema'),
    versions,
  };
}

/** Why the cluster cannot start here ('' when the server, the SQL tool and the schemas are built). */
export function temporalClusterMissing(tools: TemporalClusterTools = temporalClusterTools()): string {
  const missing = [tools.server, tools.sqlTool, join(tools.schemaDir, 'postgresql/v12/temporal/versioned')].filter(
    (p) => !existsSync(p),
  );
  if (missing.length === 0) return '';
  return `the Temporal server is not built (missing ${missing.join(', ')}): run \`bash infra/scripts/bootstrap.sh --cluster\``;
}

export interface TemporalClusterOptions {
  /** A running PostgreSQL the cluster keeps its two databases in (created when missing). */
  postgres: { host: string; port: number; user: string; password?: string };
  /** Config, logs and pid files (the data itself is in PostgreSQL). */
  dataDir: string;
  basePort: number;
  /** Fixed when the persistence database is first set up: a later change is refused by the server. */
  historyShards?: number;
  log?: (line: string) => void;
  /** Namespace to register with the project's search attributes (default `default`). */
  namespace?: string;
  /** How long closed workflows are kept (default 7 days). */
  retentionDays?: number;
  /** Codec server the UI sends encrypted payloads to (the gateway's `/codec`). */
  uiCodecEndpoint?: string;
  /** Ceiling for the whole start (default 180 s: schema set-up on a fresh database plus four services). */
  timeoutMs?: number;
  restartPolicy?: RestartPolicy;
}

/** One supervised Temporal service; `pid` is the current process's. */
export interface TemporalServiceHandle extends SupervisedProcess {
  readonly pid: number | undefined;
  readonly logFile: string;
}

export interface TemporalCluster {
  /** The frontend, host:port. */
  address: string;
  namespace: string;
  uiUrl: string | null;
  ports: TemporalClusterPorts;
  services: Record<TemporalServiceName, TemporalServiceHandle>;
  configFile: string;
  /** Start to ready, ms. */
  readyInMs: number;
  stop(): Promise<void>;
}

const PERSISTENCE_DB = 'temporal';
const VISIBILITY_DB = 'temporal_visibility';
// Four processes share PostgreSQL's default max_connections (100) with FerretDB and the tools: 4 × (10 + 4) = 56.
const MAX_CONNS = 10;
const VISIBILITY_MAX_CONNS = 4;

const q = (s: string): string => JSON.stringify(s); // a JSON string is a valid YAML scalar

/** The server's YAML config (all four services read the same file; each starts only its own). */
export function temporalServerConfig(o: {
  postgres: TemporalClusterOptions['postgres'];
  ports: TemporalClusterPorts;
  historyShards: number;
  dynamicConfigFile: string;
}): string {
  const { postgres: pg, ports } = o;
  const store = (database: string, maxConns: number): string =>
    [
      `      sql:`,
      `        pluginName: postgres12`,
      `        databaseName: ${q(database)}`,
      `        connectAddr: ${q(`${pg.host}:${pg.port}`)}`,
      `        connectProtocol: tcp`,
      `        user: ${q(pg.user)}`,
      `        password: ${q(pg.password ?? '')}`,
      `        maxConns: ${maxConns}`,
      `        maxIdleConns: ${maxConns}`,
      `        maxConnLifetime: 1h`,
    ].join('\n');
  const service = (name: TemporalServiceName): string =>
    [
      `  ${name}:`,
      `    rpc:`,
      `      grpcPort: ${ports[name]}`,
      `      membershipPort: ${ports.membership[name]}`,
      `      bindOnLocalHost: true`,
      ...(name === 'frontend' ? [`      httpPort: ${ports.frontendHttp}`] : []),
    ].join('\n');
  return `# Written by infra/dev/src/cluster/temporal-cluster.ts at every start; edits are overwritten.
log:
  stdout: true
  level: info
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${o.historyShards}
  datastores:
    default:
${store(PERSISTENCE_DB, MAX_CONNS)}
    visibility:
${store(VISIBILITY_DB, VISIBILITY_MAX_CONNS)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
${TEMPORAL_SERVICES.map(service).join('\n')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: ${q(`127.0.0.1:${ports.frontend}`)}
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${q(o.dynamicConfigFile)}
  pollInterval: 10s
`;
}

/** The UI server's config (its `--env` file): plain HTTP on 127.0.0.1, so the CSRF cookie may not be Secure. */
function uiServerConfig(o: { frontend: number; port: number; namespace: string; codecEndpoint?: string }): string {
  return `temporalGrpcAddress: ${q(`127.0.0.1:${o.frontend}`)}
host: 127.0.0.1
port: ${o.port}
enableUi: true
defaultNamespace: ${q(o.namespace)}
disableNewsFetch: true
notifyOnNewVersion: false
cors:
  cookieInsecure: true
codec:
  endpoint: ${q(o.codecEndpoint ?? '')}
  includeCredentials: ${o.codecEndpoint ? 'true' : 'false'}
`;
}

// The production dynamic config (compose mounts the same file): Updates on for the workflows' human tasks.
const DYNAMIC_CONFIG = resolve(repoRoot, 'infra/deploy/temporal/dynamicconfig.yaml');

/** Runs the SQL tool once; its output goes to `logFile`. Rejects with the output on failure. */
async function sqlTool(
  tools: TemporalClusterTools,
  pg: TemporalClusterOptions['postgres'],
  database: string,
  args: string[],
  logFile: string,
): Promise<void> {
  const argv = [
    '--plugin',
    'postgres12',
    '--endpoint',
    pg.host,
    '--port',
    String(pg.port),
    '--user',
    pg.user,
    '--database',
    database,
    ...args,
  ];
  const record = (text: string): void =>
    writeFileSync(logFile, `$ temporal-sql-tool --database ${database} ${args.join(' ')}\n${text}\n`, { flag: 'a' });
  try {
    // The password through the tool's environment, not its command line (visible to every local user in ps).
    const env = { ...toolEnv(), SQL_PASSWORD: pg.password ?? '' };
    const { stdout, stderr } = await execFileAsync(tools.sqlTool, argv, { timeout: 300_000, env });
    record(String(stdout) + String(stderr));
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    record(out);
    throw new Error(
      `temporal-sql-tool ${args[0]} on ${database} failed: ${out.trim().split('\n').slice(-5).join('\n')}`,
    );
  }
}

/**
 * Creates both databases when missing and brings their schemas to the version the built server ships
 * (setup-schema -v 0.0 only records a version on a new database; update-schema applies what is newer).
 */
export async function setupTemporalSchemas(o: {
  tools?: TemporalClusterTools;
  postgres: TemporalClusterOptions['postgres'];
  logFile: string;
}): Promise<void> {
  const tools = o.tools ?? temporalClusterTools();
  for (const [database, dir] of [
    [PERSISTENCE_DB, 'temporal'],
    [VISIBILITY_DB, 'visibility'],
  ] as const) {
    try {
      await sqlTool(tools, o.postgres, database, ['create-database', '--defaultdb', 'postgres'], o.logFile);
    } catch (err) {
      if (!/already exists/i.test((err as Error).message)) throw err;
    }
    await sqlTool(tools, o.postgres, database, ['setup-schema', '-v', '0.0'], o.logFile);
    await sqlTool(
      tools,
      o.postgres,
      database,
      ['update-schema', '-d', join(tools.schemaDir, 'postgresql/v12', dir, 'versioned')],
      o.logFile,
    );
  }
}

/** The parent's environment without TEMPORAL_* (the server reads e.g. TEMPORAL_SERVICES and config paths). */
function toolEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
}

const GRPC_NOT_FOUND = 5;

/**
 * True once history and matching answer through the frontend: describing a workflow that does not exist reaches a
 * history shard (NOT_FOUND is its answer), describing a task queue reaches matching.
 */
async function historyAndMatchingAnswer(connection: Connection, namespace: string): Promise<boolean> {
  return connection.withDeadline(Date.now() + 5_000, async () => {
    try {
      await connection.workflowService.describeWorkflowExecution({
        namespace,
        execution: { workflowId: `cluster-readiness-${Date.now()}` },
      });
    } catch (err) {
      if (!(isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND)) throw err;
    }
    await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: 'cluster-readiness' },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return true;
  });
}

/**
 * Sets up the schemas, writes the config, starts the four services (and the UI) under supervision and waits until
 * the namespace answers with the project's search attributes and history and matching serve. A service that dies
 * later is started again with backoff; one that dies during the start fails it (with its log's tail).
 */
export async function startTemporalCluster(opts: TemporalClusterOptions): Promise<TemporalCluster> {
  const t0 = Date.now();
  const log = opts.log ?? (() => undefined);
  const tools = temporalClusterTools();
  const missing = temporalClusterMissing(tools);
  if (missing) throw new Error(missing);
  const namespace = opts.namespace ?? 'default';
  const ports = temporalClusterPorts(opts.basePort);
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const deadline = t0 + timeoutMs;
  const dataDir = resolve(opts.dataDir);
  const logDir = join(dataDir, 'logs');
  const runDir = join(dataDir, 'run');
  mkdirSync(logDir, { recursive: true });

  const wanted = [
    ...TEMPORAL_SERVICES.flatMap((s) => [ports[s], ports.membership[s]]),
    ports.frontendHttp,
    ...(tools.uiServer ? [ports.ui] : []),
  ];
  const busy = (await Promise.all(wanted.map(async (p) => ((await isPortOpen('127.0.0.1', p, 500)) ? p : 0)))).filter(
    Boolean,
  );
  if (busy.length > 0) {
    throw new Error(`Temporal cluster ports already in use: ${busy.join(', ')} (base port ${opts.basePort})`);
  }

  let t = Date.now();
  await setupTemporalSchemas({ tools, postgres: opts.postgres, logFile: join(logDir, 'temporal-schema.log') });
  log(`Temporal schemas ready in ${PERSISTENCE_DB} and ${VISIBILITY_DB} (${((Date.now() - t) / 1000).toFixed(1)} s)`);

  const configFile = join(dataDir, 'config', 'temporal.yaml');
  mkdirSync(join(dataDir, 'config'), { recursive: true });
  writeFileSync(
    configFile,
    temporalServerConfig({
      postgres: opts.postgres,
      ports,
      historyShards: opts.historyShards ?? 4,
      dynamicConfigFile: DYNAMIC_CONFIG,
    }),
  );

  let stopping = false;
  // A service that exits while the cluster starts fails the start at once (restarts would hide a bad config).
  let starting = true;
  let abort: (err: Error) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    abort = reject;
  });
  aborted.catch(() => undefined); // raced below; never an unhandled rejection
  const failStartOnExit = (p: SupervisedProcess): void => {
    const first = p.current;
    void first.exited.then((info: ExitInfo) => {
      if (!starting || stopping) return;
      const how = info.signal ? `signal ${info.signal}` : `code ${info.code}`;
      // The server's error lines carry long stack traces: the last few, cut short.
      const tail = tailFile(first.logFile, 6)
        .split('\n')
        .map((l) => (l.length > 600 ? `${l.slice(0, 600)}…` : l))
        .join('\n');
      abort(new Error(`${p.name} exited (${how}) while the cluster started; log: ${first.logFile}\n${tail}`));
    });
  };

  const supervised: SupervisedProcess[] = [];
  const launch = (name: string, command: string, args: string[]): TemporalServiceHandle => {
    const logFile = join(logDir, `${name}.log`);
    const proc = supervise({
      name,
      spawn: (restart) =>
        spawnLogged({ name, command, args, cwd: dataDir, env: toolEnv(), logFile, append: restart > 0 }),
      policy: opts.restartPolicy ?? DEFAULT_RESTART_POLICY,
      enabled: () => !stopping,
      pidFile: join(runDir, `${name}.pid`),
      onExit: (e) => {
        const how = e.signal ? `signal ${e.signal}` : `code ${e.code}`;
        log(
          `${name}: pid ${e.pid} exited unexpectedly (${how}) after ${(e.uptimeMs / 1000).toFixed(1)} s; ` +
            `restart ${e.restart} in ${(e.delayMs / 1000).toFixed(1)} s (log: ${logFile})`,
        );
      },
      onRestart: (p, restart) => log(`${name}: restarted as pid ${p.child.pid} (restart ${restart})`),
    });
    supervised.push(proc);
    failStartOnExit(proc);
    return {
      name,
      logFile,
      get current() {
        return proc.current;
      },
      get restarts() {
        return proc.restarts;
      },
      get pid() {
        return proc.current.child.pid;
      },
      stop: (ms) => proc.stop(ms),
    };
  };

  const stopAll = async (): Promise<void> => {
    stopping = true;
    // Clients' entry first, history (which owns the shards) last.
    for (const p of [...supervised].reverse()) await p.stop(20_000);
  };

  const guarded = <T>(wait: Promise<T>): Promise<T> => Promise.race([wait, aborted]);
  const remaining = (): number => Math.max(1_000, deadline - Date.now());

  const address = `127.0.0.1:${ports.frontend}`;
  let uiUrl: string | null = null;
  const services = {} as Record<TemporalServiceName, TemporalServiceHandle>;
  const serve = (s: TemporalServiceName): void => {
    services[s] = launch(`temporal-${s}`, tools.server, [
      '--config-file',
      configFile,
      '--allow-no-auth',
      'start',
      '--service',
      s,
    ]);
  };
  try {
    // History first, alone: on a new database every service writes the cluster metadata record as it starts and
    // those that lose that race exit; once history's gRPC port listens, the record exists. (stopAll stops in
    // reverse order: the frontend first, history last.)
    t = Date.now();
    serve('history');
    await guarded(waitForTcpPort('127.0.0.1', ports.history, { timeoutMs: remaining(), what: 'Temporal history' }));
    for (const s of ['matching', 'worker', 'frontend'] as const) serve(s);
    const connection = await guarded(
      waitForTemporal(address, { timeoutMs: remaining(), what: `Temporal frontend ${address}` }),
    );
    try {
      log(`Temporal frontend answers on ${address} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      const retentionDays = opts.retentionDays ?? 7;
      const { created, addedSearchAttributes: added } = await guarded(
        ensureNamespace(connection, namespace, {
          retentionDays,
          timeoutMs: remaining(),
          searchAttributes: SEARCH_ATTRIBUTES,
        }),
      );
      if (created) log(`registered namespace ${namespace} (retention ${retentionDays} days)`);
      if (added.length > 0) log(`registered search attributes: ${added.join(', ')}`);
      await guarded(
        waitUntil(() => historyAndMatchingAnswer(connection, namespace), {
          what: 'Temporal history and matching (through the frontend)',
          timeoutMs: remaining(),
          intervalMs: 500,
        }),
      );
    } finally {
      await connection.close();
    }

    if (tools.uiServer) {
      const uiRoot = join(dataDir, 'ui');
      mkdirSync(join(uiRoot, 'config'), { recursive: true });
      writeFileSync(
        join(uiRoot, 'config', 'cluster.yaml'),
        uiServerConfig({
          frontend: ports.frontend,
          port: ports.ui,
          namespace,
          ...(opts.uiCodecEndpoint ? { codecEndpoint: opts.uiCodecEndpoint } : {}),
        }),
      );
      launch('temporal-ui', tools.uiServer, ['--root', uiRoot, '--config', 'config', '--env', 'cluster', 'start']);
      await guarded(waitForHttpOk(`http://127.0.0.1:${ports.ui}/healthz`, { timeoutMs: remaining() }));
      uiUrl = `http://localhost:${ports.ui}`;
    }
  } catch (err) {
    await stopAll();
    throw err;
  }

  starting = false;
  const readyInMs = Date.now() - t0;
  log(
    `Temporal cluster ready in ${(readyInMs / 1000).toFixed(1)} s: frontend ${address}, namespace ${namespace}` +
      `${uiUrl ? `, UI ${uiUrl}` : ''} (${tools.versions || 'versions unknown'})`,
  );
  let stopped: Promise<void> | undefined;
  return {
    address,
    namespace,
    uiUrl,
    ports,
    services,
    configFile,
    readyInMs,
    stop: () => (stopped ??= stopAll()),
  };
}
