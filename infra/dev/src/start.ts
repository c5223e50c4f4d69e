/**
 * `npm start`: runs the whole embedded stack in the foreground.
 * Temporal dev server + PostgreSQL → FerretDB + Mailpit → candidate/assessment/document services → worker →
 * gateway → demo data, each with a readiness check. A component that dies afterwards is restarted
 * (backoff, see `supervise` in processes.ts). Ctrl-C stops everything in reverse order; data stays in
 * SELEKSI_DATA_DIR (default .data/).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  createLogger,
  ensureDevServiceKeys,
  SERVICE_CALLERS,
  serviceTokenProviderFromEnv,
  type ServiceCaller,
} from '@seleksi/kit';
import { payloadKeyEnv, SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { loadConfig, type DevConfig } from './config';
import { mailpitArgs, mailpitPath, waitForMailpit } from './mailpit';
import { ferretdbArgs, ferretdbPath, redactUri, waitForMongo } from './mongo';
import {
  initPostgresCluster,
  postgresBinDir,
  postgresCommand,
  postgresUrl,
  preparePostgresDatabase,
  stopPostgres,
  waitForPostgres,
} from './postgres';
import {
  isPortOpen,
  repoRoot,
  spawnLogged,
  supervise,
  waitForHttpOk,
  type ManagedProcess,
  type SupervisedProcess,
  ReadinessError,
} from './processes';
import { inviteFirstAdmin } from './first-admin';
import { seedDemoData, type DemoSignIn } from './seed';
import { devServerArgs, ensureSearchAttributes, temporalCliPath, waitForTemporal } from './temporal';

const startedAt = Date.now();
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const say = (msg: string): void => console.log(`${paint(1, '[start]')} ${msg}`);

const running: SupervisedProcess[] = [];
let stopping = false;

// ---------------------------------------------------------------------------------------------
// Console output of children: one compact line per log record, prefixed with the component name.

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const NAME_COLORS = [36, 35, 34, 32, 33, 96, 95];
const OMIT = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'v', 'err', 'error']);
/** Long identifiers that make console lines unreadable; they stay in the log file. */
const NOISE = new Set(['taskToken', 'sdkComponent', 'workflowRunId', 'runId', 'stack']);

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

function compact(line: string): { level: string; text: string } {
  if (!line.startsWith('{')) return { level: 'info', text: line };
  try {
    const rec = JSON.parse(line) as Record<string, unknown>;
    const level = typeof rec.level === 'number' ? (LEVELS[rec.level] ?? 'info') : String(rec.level ?? 'info');
    const err = (rec.err ?? rec.error) as { message?: string } | string | undefined;
    const errText = typeof err === 'string' ? err : err?.message;
    const rest = Object.entries(rec)
      .filter(([k]) => !OMIT.has(k) && !NOISE.has(k))
      .map(([k, v]) => `${k}=${short(v)}`)
      .join(' ');
    let text = [String(rec.msg ?? ''), errText ? `error: ${errText}` : '', rest].filter(Boolean).join('  ');
    if (text.length > 300) text = text.slice(0, 297) + '...';
    return { level, text };
  } catch {
    return { level: 'info', text: line };
  }
}

function consolePrinter(name: string, index: number): (line: string) => void {
  const prefix = paint(NAME_COLORS[index % NAME_COLORS.length]!, `[${name}]`);
  return (line) => {
    if (!line.trim()) return;
    const { level, text } = compact(line);
    const tag =
      level === 'info'
        ? ''
        : paint(level === 'warn' ? 33 : level === 'debug' || level === 'trace' ? 2 : 31, level.toUpperCase()) + ' ';
    console.log(`${prefix} ${tag}${text}`);
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

async function stopAll(): Promise<void> {
  for (const p of [...running].reverse()) {
    const t = Date.now();
    if (await p.stop(10_000)) say(`stopped ${p.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopAll();
  }
  process.exit(code);
}

/** Reports a failure once, stops everything and exits 1. */
async function fail(message: string): Promise<never> {
  if (stopping) return new Promise<never>(() => undefined);
  console.error(`${paint(31, '[start] FAILED:')} ${message}`);
  return shutdown(1);
}

// Started by a test or benchmark: if that process dies without stopping us (SIGKILL), the stack would run on
// (its supervisor restarting what anyone kills), so it stops when it finds itself re-parented.
if (process.env.SELEKSI_STOP_WITH_PARENT === '1') {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      say('parent process gone: stopping');
      void shutdown(0);
    }
  }, 2000).unref();
}

let firstInterruptAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches npm and this process alike, and npm may forward it again:
    // only a second interrupt more than a second later means "kill now".
    if (firstInterruptAt > 0) {
      if (Date.now() - firstInterruptAt < 1000) return;
      say('second interrupt: killing everything');
      process.exit(130); // the exit hook in processes.ts SIGKILLs every child's process group
    }
    firstInterruptAt = Date.now();
    say(`${signal}: stopping (press Ctrl-C again to kill)`);
    void shutdown(0);
  });
}

interface ComponentSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** Show the child's output on the console (else only in its log file). */
  console: boolean;
}

/**
 * Starts a component under supervision: if it dies on its own it is started again after a backoff,
 * with the exit and the delay logged under its name; its console prefix counts the restarts
 * (`[worker↻2]`). Answers the first child, for the start-up readiness check.
 */
function launch(spec: ComponentSpec, logDir: string): ManagedProcess {
  const index = running.length;
  const logFile = join(logDir, `${spec.name}.log`);
  const printer = (restart: number) => consolePrinter(restart > 0 ? `${spec.name}↻${restart}` : spec.name, index);
  const supervised = supervise({
    name: spec.name,
    spawn: (restart) =>
      spawnLogged({
        name: spec.name,
        command: spec.command,
        args: spec.args,
        env: spec.env ?? process.env,
        ...(spec.uid !== undefined ? { uid: spec.uid } : {}),
        ...(spec.gid !== undefined ? { gid: spec.gid } : {}),
        logFile,
        append: restart > 0,
        ...(spec.console ? { onLine: printer(restart) } : {}),
      }),
    enabled: () => !stopping,
    pidFile: join(logDir, '..', 'run', `${spec.name}.pid`),
    onExit: (e) => {
      const how = e.signal ? `signal ${e.signal}` : `code ${e.code}`;
      const line = JSON.stringify({
        level: 50,
        msg: `pid ${e.pid} exited unexpectedly (${how}) after ${(e.uptimeMs / 1000).toFixed(1)} s; restart ${e.restart} in ${(e.delayMs / 1000).toFixed(1)} s`,
        crashes: e.crashes,
        log: relative(process.cwd(), logFile).startsWith('..') ? logFile : relative(process.cwd(), logFile),
      });
      printer(e.restart - 1)(line);
    },
    onRestart: (proc, restart) =>
      printer(restart)(JSON.stringify({ level: 40, msg: `restarted as pid ${proc.child.pid} (restart ${restart})` })),
  });
  running.push(supervised);
  return supervised.current;
}

/** The gateway's token secret: generated once, kept in the data dir so sign-ins survive restarts. */
function authSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

async function assertPortsFree(ports: { name: string; port: number; setting: string }[]): Promise<void> {
  const busy: string[] = [];
  await Promise.all(
    ports.map(async ({ name, port, setting }) => {
      if (await isPortOpen('127.0.0.1', port, 500)) busy.push(`${name} port ${port} (${setting})`);
    }),
  );
  if (busy.length > 0) {
    throw new Error(
      `already in use: ${busy.join(', ')}. Is another \`npm start\` still running? Stop it, or choose other ports.`,
    );
  }
}

const SERVICES = ['candidate', 'assessment', 'document'] as const;
type ServiceName = (typeof SERVICES)[number];

async function main(): Promise<void> {
  let config: DevConfig;
  try {
    config = loadConfig();
  } catch (err) {
    return fail((err as Error).message);
  }
  const dataDir = resolve(repoRoot, config.SELEKSI_DATA_DIR);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const rel = (p: string): string => relative(process.cwd(), p) || '.';

  const localTemporal = !config.TEMPORAL_ADDRESS;
  const localMongo = !config.MONGODB_URI;
  const temporalAddress = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
  const mongoUri = config.MONGODB_URI ?? `mongodb://127.0.0.1:${config.FERRETDB_PORT}`;
  const namespace = config.TEMPORAL_NAMESPACE;
  const serviceUrl = (s: ServiceName): string => `http://127.0.0.1:${config[servicePortKey(s)]}`;
  const gatewayUrl = `http://localhost:${config.GATEWAY_PORT}`;
  const temporalUiUrl = localTemporal ? `http://localhost:${config.TEMPORAL_UI_PORT}` : process.env.TEMPORAL_UI_URL;

  const entries = {
    candidate: 'services/candidate/src/main.ts',
    assessment: 'services/assessment/src/main.ts',
    document: 'services/document/src/main.ts',
    worker: 'workflows/src/worker/main.ts',
    gateway: 'gateway/src/main.ts',
  };
  const missing = Object.entries(entries).filter(([, file]) => !existsSync(resolve(repoRoot, file)));
  for (const [name, file] of missing) say(paint(33, `${name}: ${file} not found, not starting it`));
  const present = (name: keyof typeof entries): boolean => !missing.some(([n]) => n === name);

  await assertPortsFree([
    ...(localTemporal
      ? [
          { name: 'Temporal', port: config.TEMPORAL_PORT, setting: 'TEMPORAL_PORT' },
          { name: 'Temporal UI', port: config.TEMPORAL_UI_PORT, setting: 'TEMPORAL_UI_PORT' },
        ]
      : []),
    ...(localMongo
      ? [
          { name: 'FerretDB', port: config.FERRETDB_PORT, setting: 'FERRETDB_PORT' },
          { name: 'PostgreSQL', port: config.POSTGRES_PORT, setting: 'POSTGRES_PORT' },
        ]
      : []),
    { name: 'Mailpit SMTP', port: config.MAILPIT_SMTP_PORT, setting: 'MAILPIT_SMTP_PORT' },
    { name: 'Mailpit inbox', port: config.MAILPIT_UI_PORT, setting: 'MAILPIT_UI_PORT' },
    ...SERVICES.filter(present).map((s) => ({ name: s, port: config[servicePortKey(s)], setting: servicePortKey(s) })),
    ...(present('worker') ? [{ name: 'worker', port: config.WORKER_HEALTH_PORT, setting: 'WORKER_HEALTH_PORT' }] : []),
    ...(present('gateway') ? [{ name: 'gateway', port: config.GATEWAY_PORT, setting: 'GATEWAY_PORT' }] : []),
  ]);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: config.LOG_LEVEL,
    SELEKSI_DATA_DIR: dataDir,
    MONGODB_URI: mongoUri,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
    CANDIDATE_PORT: String(config.CANDIDATE_PORT),
    ASSESSMENT_PORT: String(config.ASSESSMENT_PORT),
    DOCUMENT_PORT: String(config.DOCUMENT_PORT),
    WORKER_HEALTH_PORT: String(config.WORKER_HEALTH_PORT),
    GATEWAY_PORT: String(config.GATEWAY_PORT),
    CANDIDATE_SERVICE_URL: serviceUrl('candidate'),
    ASSESSMENT_SERVICE_URL: serviceUrl('assessment'),
    DOCUMENT_SERVICE_URL: serviceUrl('document'),
    PORTAL_PUBLIC_URL: gatewayUrl,
    PUBLIC_URL: gatewayUrl,
    SMTP_URL: `smtp://127.0.0.1:${config.MAILPIT_SMTP_PORT}`,
    // One payload key ring for every Temporal client and worker (development: made once in the data dir).
    ...payloadKeyEnv({ ...process.env, SELEKSI_DATA_DIR: dataDir }),
  };
  const mailpitUrl = `http://localhost:${config.MAILPIT_UI_PORT}`;
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const result = await run();
    say(`${label} ready (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };

  // 1 + 2. Temporal, the store and the SMTP sink do not depend on each other: start them at once.
  await Promise.all([
    step('Mailpit', async () => {
      const bin = mailpitPath();
      if (!existsSync(bin)) throw new Error(`Mailpit not found at ${bin}: run \`bash infra/scripts/bootstrap.sh\``);
      const proc = launch(
        {
          name: 'mailpit',
          command: bin,
          args: mailpitArgs({
            smtpPort: config.MAILPIT_SMTP_PORT,
            uiPort: config.MAILPIT_UI_PORT,
            database: join(dataDir, 'mailpit.db'),
          }),
          console: false,
        },
        logDir,
      );
      await waitForMailpit({ smtpPort: config.MAILPIT_SMTP_PORT, uiPort: config.MAILPIT_UI_PORT, process: proc });
    }),
    step(localTemporal ? 'Temporal dev server' : `Temporal ${temporalAddress}`, async () => {
      let proc: ManagedProcess | undefined;
      if (localTemporal) {
        const cli = temporalCliPath();
        if (!existsSync(cli))
          throw new Error(`Temporal CLI not found at ${cli}: run \`bash infra/scripts/bootstrap.sh\``);
        proc = launch(
          {
            name: 'temporal',
            command: cli,
            args: devServerArgs({
              port: config.TEMPORAL_PORT,
              uiPort: config.TEMPORAL_UI_PORT,
              dbFilename: join(dataDir, 'temporal.sqlite'),
              namespace,
              searchAttributes: SEARCH_ATTRIBUTES,
              // The Web UI decrypts payloads through the gateway's codec server (an operator's sign-in).
              uiCodecEndpoint: `${gatewayUrl}/codec`,
            }),
            console: false,
          },
          logDir,
        );
      }
      const connection = await waitForTemporal(temporalAddress, {
        timeoutMs: 60_000,
        what: `temporal (${temporalAddress})`,
        ...(proc ? { process: proc } : {}),
      });
      try {
        const added = await ensureSearchAttributes(connection, namespace, SEARCH_ATTRIBUTES);
        if (added.length > 0) say(`registered search attributes: ${added.join(', ')}`);
      } catch (err) {
        if (localTemporal) throw err;
        say(paint(33, `could not check search attributes on ${temporalAddress}: ${(err as Error).message}`));
      } finally {
        await connection.close();
      }
    }),
    step(localMongo ? 'PostgreSQL + FerretDB' : `MongoDB ${redactUri(mongoUri)}`, async () => {
      let proc: ManagedProcess | undefined;
      if (localMongo) {
        const bin = ferretdbPath();
        if (!existsSync(bin)) throw new Error(`FerretDB not found at ${bin}: run \`bash infra/scripts/bootstrap.sh\``);
        // FerretDB stores everything in a PostgreSQL cluster of our own in the data dir.
        const pgBin = postgresBinDir();
        const pgData = join(dataDir, 'postgres');
        if (initPostgresCluster({ dataDir: pgData, binDir: pgBin }))
          say(`created a PostgreSQL cluster in ${rel(pgData)}`);
        const pg = launch(
          {
            name: 'postgres',
            ...postgresCommand({ dataDir: pgData, port: config.POSTGRES_PORT, binDir: pgBin }),
            console: false,
          },
          logDir,
        );
        pg.stop = (timeoutMs) => stopPostgres(pg, timeoutMs);
        await waitForPostgres({ port: config.POSTGRES_PORT, binDir: pgBin, process: pg, timeoutMs: 60_000 });
        await preparePostgresDatabase({ port: config.POSTGRES_PORT, binDir: pgBin });
        proc = launch(
          {
            name: 'ferretdb',
            command: bin,
            args: ferretdbArgs({ port: config.FERRETDB_PORT, postgresqlUrl: postgresUrl(config.POSTGRES_PORT) }),
            console: false,
          },
          logDir,
        );
      }
      await waitForMongo(mongoUri, {
        timeoutMs: 30_000,
        what: `${localMongo ? 'ferretdb' : 'mongodb'} (${redactUri(mongoUri)})`,
        ...(proc ? { process: proc } : {}),
      });
    }),
  ]);

  // 3. Services (independent of each other).
  const node = (name: keyof typeof entries, env: NodeJS.ProcessEnv = childEnv): ManagedProcess =>
    // One node process per component (`--import tsx`, not the tsx CLI, whose extra parent process
    // would relay every signal a second time).
    launch({ name, command: process.execPath, args: ['--import', 'tsx', entries[name]], env, console: true }, logDir);
  // Service credentials: each caller signs with its own key, each service trusts the callers' public keys.
  const keysDir = ensureDevServiceKeys(join(dataDir, 'service-keys'));
  const callerEnv = (caller: ServiceCaller): NodeJS.ProcessEnv => ({
    SERVICE_AUTH_ISSUER: caller,
    SERVICE_AUTH_KEY: join(keysDir, `${caller}.key`),
  });
  const serviceEnv: NodeJS.ProcessEnv = {
    ...childEnv,
    SERVICE_AUTH_TRUST: JSON.stringify(
      Object.fromEntries(SERVICE_CALLERS.map((c) => [c, [join(keysDir, `${c}.pub`)]])),
    ),
  };
  const operatorAuth = serviceTokenProviderFromEnv('operator', { ...childEnv, ...callerEnv('operator') });
  await Promise.all(
    SERVICES.filter(present).map((s) =>
      step(`${s} service`, () =>
        waitForHttpOk(`${serviceUrl(s)}/readyz`, { timeoutMs: 60_000, process: node(s, serviceEnv) }),
      ),
    ),
  );

  // 4. Worker.
  if (present('worker')) {
    await step('worker', () =>
      waitForHttpOk(`http://127.0.0.1:${config.WORKER_HEALTH_PORT}/healthz`, {
        timeoutMs: 120_000,
        process: node('worker', { ...childEnv, ...callerEnv('worker') }),
      }),
    );
  }

  // 5. Gateway.
  if (present('gateway')) {
    await step('gateway', () =>
      waitForHttpOk(`http://127.0.0.1:${config.GATEWAY_PORT}/healthz`, {
        timeoutMs: 60_000,
        process: node('gateway', { ...childEnv, ...callerEnv('gateway'), AUTH_SECRET: authSecret(dataDir) }),
      }),
    );
  }

  // 6. Demo data (idempotent), or with SELEKSI_DEMO=0 an empty installation and its first administrator.
  let signIns: DemoSignIn[] = [];
  let seedNote = '';
  let firstAdmin: string[] = [];
  if (present('gateway') && config.SELEKSI_DEMO) {
    const printSeed = consolePrinter('seed', running.length);
    const logger = createLogger('seed', config.LOG_LEVEL, { write: (chunk: string) => printSeed(chunk.trimEnd()) });
    try {
      signIns = await step('demo data', () =>
        seedDemoData({
          gatewayUrl,
          candidateUrl: serviceUrl('candidate'),
          assessmentUrl: serviceUrl('assessment'),
          documentUrl: serviceUrl('document'),
          temporalAddress,
          namespace,
          mongoUri,
          logger,
          auth: operatorAuth,
        }),
      );
    } catch (err) {
      seedNote = `demo data FAILED: ${(err as Error).message} (the stack keeps running)`;
      say(paint(31, seedNote));
    }
  } else if (present('gateway')) {
    try {
      firstAdmin = await step('first administrator', () =>
        inviteFirstAdmin({
          email: config.SELEKSI_ADMIN_EMAIL!,
          publicUrl: gatewayUrl,
          mongoUri,
          candidateUrl: serviceUrl('candidate'),
          mailpitUrl,
          auth: operatorAuth,
        }),
      );
    } catch (err) {
      return fail(`first administrator: ${(err as Error).message}`);
    }
  }

  // 7. Summary.
  const lines: string[] = [
    `Seleksi JPT is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    '',
    present('gateway')
      ? `Portal / GraphQL + GraphiQL  ${gatewayUrl}/graphql`
      : 'Gateway                      not started',
    `Temporal                     ${temporalAddress} (namespace ${namespace})`,
    ...(temporalUiUrl ? [`Temporal UI                  ${temporalUiUrl}`] : []),
    `Mailpit inbox (sent mails)   ${mailpitUrl}   (SMTP 127.0.0.1:${config.MAILPIT_SMTP_PORT}, API /api/v1)`,
    ...SERVICES.map((s) => `${(s + ' service').padEnd(29)}${present(s) ? `${serviceUrl(s)}/readyz` : 'not started'}`),
    `Worker                       ${present('worker') ? `http://127.0.0.1:${config.WORKER_HEALTH_PORT}/healthz` : 'not started'}`,
    `MongoDB                      ${redactUri(mongoUri)}${localMongo ? ` (FerretDB on PostgreSQL 127.0.0.1:${config.POSTGRES_PORT})` : ''}`,
    `Data                         ${rel(dataDir)}   logs: ${rel(logDir)}/<name>.log`,
  ];
  if (signIns.length > 0) {
    lines.push('', 'Demo sign-ins:');
    const w = Math.max(...signIns.map((u) => u.email.length));
    for (const u of signIns) lines.push(`  ${u.email.padEnd(w)}  ${u.password}  ${u.role}`);
  } else if (seedNote) {
    lines.push('', seedNote);
  } else if (firstAdmin.length > 0) {
    lines.push('', 'No demo data (SELEKSI_DEMO=0).', ...firstAdmin);
  }
  lines.push('', 'Ctrl-C stops everything; data is kept for the next start.');
  printBox(lines);
}

function servicePortKey(s: ServiceName): 'CANDIDATE_PORT' | 'ASSESSMENT_PORT' | 'DOCUMENT_PORT' {
  return `${s.toUpperCase() as Uppercase<ServiceName>}_PORT`;
}

function printBox(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const border = '─'.repeat(width + 2);
  const out = [`┌${border}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${border}┘`];
  console.log(paint(32, out.join('\n')));
}

void main().catch((err: unknown) => {
  if (err instanceof ReadinessError) return fail(err.message);
  return fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
});
