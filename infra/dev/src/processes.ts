/**
 * Child-process helpers shared by the `npm start` orchestrator and the integration-test global setup:
 * spawn with a log file, readiness waits (TCP, HTTP, custom probe), free ports and graceful stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Set once the process has exited. */
  exitInfo: ExitInfo | undefined;
  /** SIGTERM to the process group, SIGKILL after `timeoutMs`; resolves when it has exited. */
  stop(timeoutMs?: number): Promise<ExitInfo>;
}

export interface SpawnLoggedOptions {
  /** Short component name used in errors and log prefixes. */
  name: string;
  command: string;
  args?: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (when this process is root; e.g. PostgreSQL, which refuses root). */
  uid?: number;
  gid?: number;
  /** stdout and stderr are written here; a previous file is kept as `<name>.prev.log`. */
  logFile: string;
  /** Append to `logFile` instead of starting it afresh (a restart keeps the crash in the same file). */
  append?: boolean;
  /**
   * Called for each output line. When set, output is piped through this process (and still written
   * to the log file); when not, the child writes straight to the log file.
   */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

const live = new Set<ManagedProcess>();
let exitHookInstalled = false;

/**
 * Children run in their own process group (so a terminal Ctrl-C reaches only the parent, which then
 * stops them in order). If the parent exits without stopping them, this hook kills what is left.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of live) signalGroup(p.child, 'SIGKILL');
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** SIGKILL to what is left of a process group whose leader has exited (orphaned grandchildren). */
function reapGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // nothing left in the group
  }
}

function rotate(logFile: string): void {
  mkdirSync(dirname(logFile), { recursive: true });
  if (existsSync(logFile)) renameSync(logFile, logFile.replace(/(\.log)?$/, '.prev.log'));
}

/** Spawns a child whose output goes to a log file (and optionally to `onLine`). */
export function spawnLogged(options: SpawnLoggedOptions): ManagedProcess {
  if (options.append) mkdirSync(dirname(options.logFile), { recursive: true });
  else rotate(options.logFile);
  const fd = openSync(options.logFile, 'a');
  const piped = options.onLine !== undefined;
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args ?? [], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: piped ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
      detached: true,
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
  } finally {
    if (!piped) closeSync(fd);
  }

  if (piped) {
    const onLine = options.onLine!;
    let open = 2;
    const forward = (stream: 'stdout' | 'stderr'): void => {
      const source = child[stream];
      if (!source) return;
      const rl = createInterface({ input: source, crlfDelay: Infinity });
      rl.on('line', (line) => {
        writeLine(fd, line);
        onLine(line, stream);
      });
      rl.on('close', () => {
        if (--open === 0) closeSync(fd);
      });
    };
    forward('stdout');
    forward('stderr');
  }

  const managed: ManagedProcess = {
    name: options.name,
    child,
    logFile: options.logFile,
    exitInfo: undefined,
    exited: new Promise<ExitInfo>((resolveExit) => {
      child.once('error', (err) => {
        // 'exit' is not emitted when the spawn itself failed (e.g. ENOENT).
        if (child.pid === undefined) {
          const out = piped ? fd : openSync(options.logFile, 'a');
          writeLine(out, `cannot start ${options.command}: ${err.message}`);
          if (!piped) closeSync(out);
          managed.exitInfo = { code: -1, signal: null };
          resolveExit(managed.exitInfo);
        }
      });
      child.once('exit', (code, signal) => {
        managed.exitInfo = { code, signal };
        resolveExit(managed.exitInfo);
      });
    }).finally(() => live.delete(managed)),
    stop: (timeoutMs = 10_000) => stopProcess(managed, timeoutMs),
  };
  live.add(managed);
  installExitHook();
  return managed;
}

function writeLine(fd: number, line: string): void {
  try {
    // Synchronous so the file is complete when the process exits.
    writeSync(fd, line + '\n');
  } catch {
    // log file already closed
  }
}

/** SIGTERM to the process group, then SIGKILL after `timeoutMs`. Resolves when it has exited. */
export async function stopProcess(p: ManagedProcess, timeoutMs = 10_000): Promise<ExitInfo> {
  if (p.exitInfo) return p.exitInfo;
  const settled = p.exited;
  signalGroup(p.child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    settled.then(() => false),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) signalGroup(p.child, 'SIGKILL');
  const info = await settled;
  // Reap anything left in the group (e.g. a grandchild that ignored SIGTERM).
  reapGroup(p.child);
  return info;
}

// ---------------------------------------------------------------------------------------------
// Supervision: a component that dies unexpectedly is started again, with exponential backoff.

export interface RestartPolicy {
  /** Delay before the first restart after a crash. */
  initialDelayMs: number;
  /** Each further consecutive crash multiplies the delay by this factor… */
  factor: number;
  /** …up to this cap. */
  maxDelayMs: number;
  /** A child that stayed up this long is considered healthy: the next crash starts again at `initialDelayMs`. */
  resetAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  factor: 2,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
};

/** Delay before restarting after the `crashes`-th consecutive crash (1-based). */
export function restartDelayMs(crashes: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  const n = Math.max(1, Math.floor(crashes));
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (n - 1));
}

export interface UnexpectedExit extends ExitInfo {
  name: string;
  pid: number | undefined;
  /** How long the child had been running. */
  uptimeMs: number;
  /** Consecutive crashes so far (reset once a child stays up `resetAfterMs`). */
  crashes: number;
  /** The number the coming restart will have (1 for the first restart of the component). */
  restart: number;
  delayMs: number;
}

export interface SuperviseOptions {
  name: string;
  /** Spawns the child; `restart` is 0 for the first start, then 1, 2, … */
  spawn: (restart: number) => ManagedProcess;
  policy?: RestartPolicy;
  /** Restarts happen only while this answers true (the orchestrator turns it off when it shuts down). */
  enabled?: () => boolean;
  /** The current child's pid is written here on every start and removed on stop (for operators and tests). */
  pidFile?: string;
  onExit?: (exit: UnexpectedExit) => void;
  onRestart?: (proc: ManagedProcess, restart: number) => void;
}

export interface SupervisedProcess {
  readonly name: string;
  /** The child running now (or the one that last exited while a restart is pending). */
  readonly current: ManagedProcess;
  readonly restarts: number;
  /** Stops supervising, cancels a pending restart and stops the child (SIGTERM, then SIGKILL). */
  stop(timeoutMs?: number): Promise<ExitInfo | undefined>;
}

/** Runs a child and starts it again whenever it exits on its own (never after `stop()`). */
export function supervise(options: SuperviseOptions): SupervisedProcess {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const enabled = options.enabled ?? (() => true);
  let stopped = false;
  let restarts = 0;
  let crashes = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: ManagedProcess;
  let startedAt = 0;

  const writePid = (p: ManagedProcess): void => {
    if (!options.pidFile || p.child.pid === undefined) return;
    mkdirSync(dirname(options.pidFile), { recursive: true });
    writeFileSync(options.pidFile, `${p.child.pid}\n`);
  };

  const start = (): void => {
    current = options.spawn(restarts);
    startedAt = Date.now();
    writePid(current);
    const proc = current;
    void proc.exited.then((info) => {
      if (stopped || proc !== current || !enabled()) return;
      // A killed leader can leave children behind holding ports or locks (e.g. a database's backends).
      reapGroup(proc.child);
      const uptimeMs = Date.now() - startedAt;
      crashes = uptimeMs >= policy.resetAfterMs ? 1 : crashes + 1;
      const delayMs = restartDelayMs(crashes, policy);
      options.onExit?.({
        ...info,
        name: options.name,
        pid: proc.child.pid,
        uptimeMs,
        crashes,
        restart: restarts + 1,
        delayMs,
      });
      timer = setTimeout(() => {
        timer = undefined;
        if (stopped || !enabled()) return;
        restarts += 1;
        start();
        options.onRestart?.(current, restarts);
      }, delayMs);
    });
  };
  start();

  return {
    name: options.name,
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    async stop(timeoutMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      const info = current.exitInfo ? undefined : await current.stop(timeoutMs);
      if (options.pidFile) rmSync(options.pidFile, { force: true });
      return info;
    },
  };
}

/**
 * A TCP port that was free a moment ago, chosen outside the kernel's ephemeral range.
 *
 * Ports from `listen(0)` come from the ephemeral range, where the child we hand the port to may
 * itself pick "random free ports" before binding ours: the Temporal CLI did exactly that (its HTTP
 * API took the gRPC port we had chosen, and the server failed to start). No `listen(0)` anywhere
 * returns a port below the ephemeral range, so ports from there cannot collide that way.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [low, high] = ephemeralRange();
  const min = 20_000;
  const max = low > min + 1_000 ? low : 65_000;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = min + Math.floor(Math.random() * (max - min));
    if (port >= low && port <= high) continue;
    if (await canListen(host, port)) return port;
  }
  return listenOnce(host, 0);
}

function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // not Linux
  }
  return [49_152, 65_535]; // IANA dynamic range (macOS, Windows)
}

async function canListen(host: string, port: number): Promise<boolean> {
  try {
    await listenOnce(host, port);
    return true;
  } catch {
    return false;
  }
}

function listenOnce(host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolvePort(bound));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolveOpen) => {
    const socket = new Socket();
    const done = (open: boolean): void => {
      socket.destroy();
      resolveOpen(open);
    };
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

export class ReadinessError extends Error {
  constructor(
    message: string,
    readonly component: string,
    readonly logFile?: string,
  ) {
    super(message);
    this.name = 'ReadinessError';
  }
}

export interface WaitOptions {
  /** What is being waited for, used in the error message (e.g. "temporal (gRPC 127.0.0.1:7233)"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Fail at once if this process exits while waiting. */
  process?: ManagedProcess;
}

/**
 * Polls `probe` until it returns true (a throw counts as "not yet"). Rejects with a ReadinessError
 * naming the component and its log file on timeout, or at once if the watched process exits.
 */
export async function waitUntil(probe: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const { what, timeoutMs, intervalMs = 250, process: proc } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  const logHint = proc ? ` (log: ${proc.logFile})` : '';
  for (;;) {
    if (proc?.exitInfo) throw exitedError(proc, what);
    try {
      if (await probe()) return;
    } catch (err) {
      lastError = err;
    }
    if (proc?.exitInfo) throw exitedError(proc, what);
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new ReadinessError(
        `${what} not ready after ${Math.round(timeoutMs / 1000)} s${cause}${logHint}`,
        proc?.name ?? what,
        proc?.logFile,
      );
    }
    await (proc ? Promise.race([sleep(intervalMs), proc.exited]) : sleep(intervalMs));
  }
}

function exitedError(proc: ManagedProcess, what: string): ReadinessError {
  const info = proc.exitInfo!;
  const how = info.signal ? `signal ${info.signal}` : `code ${info.code}`;
  return new ReadinessError(
    `${proc.name} exited (${how}) before ${what} was ready; log: ${proc.logFile}\n${tailFile(proc.logFile)}`,
    proc.name,
    proc.logFile,
  );
}

/** Waits until host:port accepts TCP connections. */
export function waitForTcpPort(host: string, port: number, options: Omit<WaitOptions, 'what'> & { what?: string }) {
  return waitUntil(() => isPortOpen(host, port), { what: `TCP ${host}:${port}`, ...options });
}

/** Waits until GET `url` answers 200. */
export function waitForHttpOk(url: string, options: Omit<WaitOptions, 'what'> & { what?: string }) {
  return waitUntil(
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}`);
      return true;
    },
    { what: `GET ${url}`, ...options },
  );
}

/** The last `lines` lines of a file, indented, or '' if it cannot be read. */
export function tailFile(file: string, lines = 30): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text
      .split('\n')
      .slice(-lines)
      .map((l) => `    ${l}`)
      .join('\n');
  } catch {
    return '';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
