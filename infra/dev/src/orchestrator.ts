/**
 * What `npm start` and `npm run start:cluster` share: the console (one compact line per child log record,
 * prefixed with the component's name), supervised launches with backoff, ordered stop on Ctrl-C, the
 * readiness steps of PostgreSQL + FerretDB and Mailpit, service credentials, and the demo seed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  createLogger,
  ensureDevServiceKeys,
  SERVICE_CALLERS,
  serviceTokenProviderFromEnv,
  type ServiceCaller,
} from '@seleksi/kit';
import { inviteFirstAdmin } from './first-admin';
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
  ReadinessError,
  spawnLogged,
  supervise,
  type ManagedProcess,
  type SupervisedProcess,
} from './processes';
import { seedDemoData, type DemoSignIn } from './seed';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
export const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

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

/** A console line printer for one component: `[name] text`, warnings and errors tagged. */
export function consolePrinter(name: string, index: number): (line: string) => void {
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

export function printBox(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const border = '─'.repeat(width + 2);
  const out = [`┌${border}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${border}┘`];
  console.log(paint(32, out.join('\n')));
}

export interface ComponentSpec {
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
 * The failure path of a stack script (`npm start`, `npm run start:cluster`): before its orchestrator exists a
 * failure is printed and exits 1; afterwards everything started is stopped first.
 */
export class StackRun {
  private orchestrator: Orchestrator | undefined;

  constructor(private readonly tag: string) {}

  /** The run's orchestrator, logging to `logDir`. */
  begin(logDir: string): Orchestrator {
    return (this.orchestrator = new Orchestrator(this.tag, logDir));
  }

  readonly fail = (message: string): Promise<never> => {
    if (this.orchestrator) return this.orchestrator.fail(message);
    console.error(`${paint(31, `[${this.tag}] FAILED:`)} ${message}`);
    process.exit(1);
  };

  /** Runs the script's main; a readiness failure is reported by its message, anything else with its stack. */
  run(main: () => Promise<void>): void {
    void main().catch((err: unknown) => {
      if (err instanceof ReadinessError) return this.fail(err.message);
      return this.fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
    });
  }
}

/**
 * One run of a stack: the components started so far (stopped in reverse order), the console tag, the
 * signal handling (Ctrl-C stops in order, a second one kills) and the stop-with-parent watch.
 */
export class Orchestrator {
  readonly running: SupervisedProcess[] = [];
  stopping = false;
  private firstInterruptAt = 0;

  constructor(
    private readonly tag: string,
    readonly logDir: string,
  ) {}

  say(msg: string): void {
    console.log(`${paint(1, `[${this.tag}]`)} ${msg}`);
  }

  /** Ctrl-C / SIGTERM handling and, with SELEKSI_STOP_WITH_PARENT=1, stopping when the parent is gone. */
  installSignalHandlers(): void {
    // Started by a test or benchmark: if that process dies without stopping us (SIGKILL), the stack would run on
    // (its supervisor restarting what anyone kills), so it stops when it finds itself re-parented.
    if (process.env.SELEKSI_STOP_WITH_PARENT === '1') {
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) {
          this.say('parent process gone: stopping');
          void this.shutdown(0);
        }
      }, 2000).unref();
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        // A terminal's Ctrl-C reaches npm and this process alike, and npm may forward it again:
        // only a second interrupt more than a second later means "kill now".
        if (this.firstInterruptAt > 0) {
          if (Date.now() - this.firstInterruptAt < 1000) return;
          this.say('second interrupt: killing everything');
          process.exit(130); // the exit hook in processes.ts SIGKILLs every child's process group
        }
        this.firstInterruptAt = Date.now();
        this.say(`${signal}: stopping (press Ctrl-C again to kill)`);
        void this.shutdown(0);
      });
    }
  }

  /** Every started thing in start order (supervised components and stop steps such as a Temporal cluster module). */
  private readonly order: { name: string; stop: () => Promise<unknown> }[] = [];

  /** A stop step for something not launched here (stopped in reverse start order with the rest). */
  onStop(name: string, stop: () => Promise<void>): void {
    this.order.push({ name, stop: () => stop().then(() => true) });
  }

  async stopAll(): Promise<void> {
    for (const p of [...this.order].reverse()) {
      const t = Date.now();
      try {
        if (await p.stop()) this.say(`stopped ${p.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      } catch (err) {
        this.say(paint(31, `stopping ${p.name} failed: ${(err as Error).message}`));
      }
    }
  }

  async shutdown(code: number): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      await this.stopAll();
    }
    process.exit(code);
  }

  /** Reports a failure once, stops everything and exits 1. */
  async fail(message: string): Promise<never> {
    if (this.stopping) return new Promise<never>(() => undefined);
    console.error(`${paint(31, `[${this.tag}] FAILED:`)} ${message}`);
    return this.shutdown(1);
  }

  /** Runs a start-up step and prints how long it took. */
  async step<T>(label: string, run: () => Promise<T>): Promise<T> {
    const t = Date.now();
    const result = await run();
    this.say(`${label} ready (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  }

  /**
   * Starts a component under supervision: if it dies on its own it is started again after a backoff,
   * with the exit and the delay logged under its name; its console prefix counts the restarts
   * (`[worker↻2]`). Answers the first child, for the start-up readiness check.
   */
  launch(spec: ComponentSpec): ManagedProcess {
    const index = this.running.length;
    const logFile = join(this.logDir, `${spec.name}.log`);
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
      enabled: () => !this.stopping,
      pidFile: join(this.logDir, '..', 'run', `${spec.name}.pid`),
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
    this.running.push(supervised);
    this.order.push({ name: spec.name, stop: () => supervised.stop(10_000) });
    return supervised.current;
  }
}

/** The gateway's token secret: generated once, kept in the data dir so sign-ins survive restarts. */
export function authSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export async function assertPortsFree(
  ports: { name: string; port: number; setting: string }[],
  hint = 'Is another `npm start` still running? Stop it, or choose other ports.',
): Promise<void> {
  const busy: string[] = [];
  await Promise.all(
    ports.map(async ({ name, port, setting }) => {
      if (await isPortOpen('127.0.0.1', port, 500)) busy.push(`${name} port ${port} (${setting})`);
    }),
  );
  if (busy.length > 0) throw new Error(`already in use: ${busy.join(', ')}. ${hint}`);
}

/** Mailpit (the SMTP sink) under supervision, ready when both ports answer. */
export async function startMailpit(
  o: Orchestrator,
  opts: { smtpPort: number; uiPort: number; dataDir: string },
): Promise<void> {
  const bin = mailpitPath();
  if (!existsSync(bin)) throw new Error(`Mailpit not found at ${bin}: run \`bash infra/scripts/bootstrap.sh\``);
  const proc = o.launch({
    name: 'mailpit',
    command: bin,
    args: mailpitArgs({ smtpPort: opts.smtpPort, uiPort: opts.uiPort, database: join(opts.dataDir, 'mailpit.db') }),
    console: false,
  });
  await waitForMailpit({ smtpPort: opts.smtpPort, uiPort: opts.uiPort, process: proc });
}

/** The project-managed PostgreSQL in `<dataDir>/postgres` under supervision (created once), with FerretDB's database. */
export async function startManagedPostgres(o: Orchestrator, opts: { port: number; dataDir: string }): Promise<void> {
  const pgBin = postgresBinDir();
  const pgData = join(opts.dataDir, 'postgres');
  if (initPostgresCluster({ dataDir: pgData, binDir: pgBin }))
    o.say(`created a PostgreSQL cluster in ${relative(process.cwd(), pgData) || '.'}`);
  const pg = o.launch({
    name: 'postgres',
    ...postgresCommand({ dataDir: pgData, port: opts.port, binDir: pgBin }),
    console: false,
  });
  pg.stop = (timeoutMs) => stopPostgres(pg, timeoutMs);
  await waitForPostgres({ port: opts.port, binDir: pgBin, process: pg, timeoutMs: 60_000 });
  await preparePostgresDatabase({ port: opts.port, binDir: pgBin });
}

/** FerretDB on the managed PostgreSQL (when `postgresPort` is given) or a wait for MONGODB_URI. */
export async function startDocumentStore(
  o: Orchestrator,
  opts: { mongoUri: string; ferretdbPort?: number; postgresPort?: number },
): Promise<void> {
  let proc: ManagedProcess | undefined;
  if (opts.ferretdbPort !== undefined && opts.postgresPort !== undefined) {
    const bin = ferretdbPath();
    if (!existsSync(bin)) throw new Error(`FerretDB not found at ${bin}: run \`bash infra/scripts/bootstrap.sh\``);
    proc = o.launch({
      name: 'ferretdb',
      command: bin,
      args: ferretdbArgs({ port: opts.ferretdbPort, postgresqlUrl: postgresUrl(opts.postgresPort) }),
      console: false,
    });
  }
  await waitForMongo(opts.mongoUri, {
    timeoutMs: 30_000,
    what: `${proc ? 'ferretdb' : 'mongodb'} (${redactUri(opts.mongoUri)})`,
    ...(proc ? { process: proc } : {}),
  });
}

/** Service credentials: each caller signs with its own key, each service trusts the callers' public keys. */
export function serviceCredentials(dataDir: string) {
  const keysDir = ensureDevServiceKeys(join(dataDir, 'service-keys'));
  const callerEnv = (caller: ServiceCaller): NodeJS.ProcessEnv => ({
    SERVICE_AUTH_ISSUER: caller,
    SERVICE_AUTH_KEY: join(keysDir, `${caller}.key`),
  });
  const trustEnv: NodeJS.ProcessEnv = {
    SERVICE_AUTH_TRUST: JSON.stringify(
      Object.fromEntries(SERVICE_CALLERS.map((c) => [c, [join(keysDir, `${c}.pub`)]])),
    ),
  };
  return {
    callerEnv,
    trustEnv,
    operatorAuth: (env: NodeJS.ProcessEnv) =>
      serviceTokenProviderFromEnv('operator', { ...env, ...callerEnv('operator') }),
  };
}

export interface DemoOptions {
  demo: boolean;
  adminEmail: string | undefined;
  logLevel: string;
  gatewayUrl: string;
  mailpitUrl: string;
  serviceUrls: { candidate: string; assessment: string; document: string };
  temporalAddress: string;
  namespace: string;
  mongoUri: string;
  auth: ReturnType<typeof serviceTokenProviderFromEnv>;
}

/**
 * Demo data (idempotent), or with SELEKSI_DEMO=0 an empty installation and its first administrator.
 * Answers the lines for the start-up box; a failed seed is reported and the stack keeps running.
 */
export async function seedOrInviteAdmin(o: Orchestrator, opts: DemoOptions): Promise<string[]> {
  if (opts.demo) {
    const printSeed = consolePrinter('seed', o.running.length);
    const logger = createLogger('seed', opts.logLevel as 'info', {
      write: (chunk: string) => printSeed(chunk.trimEnd()),
    });
    let signIns: DemoSignIn[];
    try {
      signIns = await o.step('demo data', () =>
        seedDemoData({
          gatewayUrl: opts.gatewayUrl,
          candidateUrl: opts.serviceUrls.candidate,
          assessmentUrl: opts.serviceUrls.assessment,
          documentUrl: opts.serviceUrls.document,
          temporalAddress: opts.temporalAddress,
          namespace: opts.namespace,
          mongoUri: opts.mongoUri,
          logger,
          auth: opts.auth,
        }),
      );
    } catch (err) {
      const note = `demo data FAILED: ${(err as Error).message} (the stack keeps running)`;
      o.say(paint(31, note));
      return ['', note];
    }
    if (signIns.length === 0) return [];
    const w = Math.max(...signIns.map((u) => u.email.length));
    return ['', 'Demo sign-ins:', ...signIns.map((u) => `  ${u.email.padEnd(w)}  ${u.password}  ${u.role}`)];
  }
  const firstAdmin = await o.step('first administrator', () =>
    inviteFirstAdmin({
      email: opts.adminEmail!,
      publicUrl: opts.gatewayUrl,
      mongoUri: opts.mongoUri,
      candidateUrl: opts.serviceUrls.candidate,
      mailpitUrl: opts.mailpitUrl,
      auth: opts.auth,
    }),
  );
  return firstAdmin.length > 0 ? ['', 'No demo data (SELEKSI_DEMO=0).', ...firstAdmin] : [];
}
