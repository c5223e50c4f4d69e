/**
 * What the e2e stack (`npm start`, test/e2e/support/stack.ts) and the cluster stack (`npm run start:cluster`,
 * test/cluster/support/cluster.ts) launchers share: claiming a set of ports with a lock file, the copy of
 * portal/dist the gateways serve, and running the start script until its ready line.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { repoRoot, spawnLogged, tailFile, type ManagedProcess } from '@seleksi/dev';

/** Whether a process with this pid exists (EPERM: it exists, owned by another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The demo installation's password and e-mail domain (infra/dev/src/demo-data.ts). */
export { DEMO_PASSWORD } from '../../infra/dev/src/demo-data';
export const DEMO_DOMAIN = 'demo.seleksi-jpt.id';

function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once('error', () => res(false));
    server.listen(port, host, () => server.close(() => res(true)));
  });
}

/**
 * The first of `candidates` whose lock file in `locksDir` this process could take (created exclusively, holding
 * its pid, taken over when that process is gone) and whose every port (`portsOf`) is free right now on `host`
 * (all interfaces when omitted). So two suites, or a suite and a benchmark, can run on one machine at once.
 */
export async function claimPorts(o: {
  locksDir: string;
  candidates: readonly number[];
  portsOf: (candidate: number) => number[];
  host?: string;
  what: string;
}): Promise<{ value: number; release: () => void }> {
  mkdirSync(o.locksDir, { recursive: true });
  for (const value of o.candidates) {
    const lock = join(o.locksDir, `${value}.lock`);
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (holder && processAlive(holder)) continue;
      rmSync(lock, { force: true }); // its process died without releasing it
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
      } catch {
        continue; // someone else took it over first
      }
    }
    const release = () => rmSync(lock, { force: true });
    if ((await Promise.all(o.portsOf(value).map((p) => portIsFree(p, o.host)))).every(Boolean)) {
      return { value, release };
    }
    release(); // something else (a benchmark, a developer's stack) uses these ports
  }
  throw new Error(`no free ${o.what} among ${o.candidates.join(', ')}`);
}

/**
 * portal/dist as bootstrap built it, copied into `dataDir`: a rebuild of portal/dist while the suite runs
 * (another `npm start`, an editor's build) would otherwise leave the gateways without index.html for a moment.
 */
export async function copyPortalDist(dataDir: string): Promise<string> {
  const portalDist = join(dataDir, 'portal-dist');
  for (let attempt = 1; ; attempt++) {
    rmSync(portalDist, { recursive: true, force: true });
    try {
      cpSync(resolve(repoRoot, 'portal/dist'), portalDist, { recursive: true });
    } catch {
      // portal/dist is being rewritten right now
    }
    if (existsSync(join(portalDist, 'index.html'))) return portalDist;
    if (attempt === 20) throw new Error('portal/dist/index.html missing: run the bootstrap');
    await new Promise((r) => setTimeout(r, 1_000)); // someone else's build is rewriting it
  }
}

export interface LaunchedStack {
  /** Every line the start script printed so far. */
  output: string[];
  /** Stops the script (its process group), then `afterStop`; once. */
  stop(): Promise<void>;
}

/**
 * Runs `script` (repo-relative, with tsx) as `command` runs it, logging to `logFile`, until a line matches `ready`
 * and then `untilReady` (if given) resolves; a line matching `failed`, an exit or `timeoutMs` fails the start (and
 * stops it). `afterStop` runs after the script stopped (release ports, keep its logs, remove its data).
 */
export async function launchUntilReady(o: {
  command: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  ready: RegExp;
  failed: RegExp;
  timeoutMs: number;
  stopTimeoutMs: number;
  untilReady?: () => Promise<void>;
  afterStop: () => void;
}): Promise<LaunchedStack> {
  const output: string[] = [];
  let ready: () => void = () => undefined;
  let failed: (err: Error) => void = () => undefined;
  const readyOrFailed = new Promise<void>((res, rej) => {
    ready = res;
    failed = rej;
  });
  const proc: ManagedProcess = spawnLogged({
    name: o.command.replace(/\W+/g, '-'),
    command: process.execPath,
    args: ['--import', 'tsx', o.script],
    env: o.env,
    logFile: o.logFile,
    onLine: (line) => {
      output.push(line);
      if (o.ready.test(line)) ready();
      if (o.failed.test(line)) failed(new Error(`${o.command} failed: ${line}\n${output.slice(-40).join('\n')}`));
    },
  });
  void proc.exited.then((info) =>
    failed(
      new Error(
        `${basename(o.script)} exited (${info.signal ?? info.code}) before it was ready:\n${output.join('\n')}`,
      ),
    ),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // SIGTERM to the script's process group: it stops its components in reverse order, as on Ctrl-C.
    await proc.stop(o.stopTimeoutMs);
    o.afterStop();
  };
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      readyOrFailed,
      new Promise<never>((_, rej) => {
        timer = setTimeout(
          () => rej(new Error(`${o.command} not ready after ${o.timeoutMs / 1000} s:\n${tailFile(proc.logFile, 40)}`)),
          o.timeoutMs,
        );
      }),
    ]);
    clearTimeout(timer);
    await o.untilReady?.();
  } catch (err) {
    await stop();
    throw err;
  }
  return { output, stop };
}

/** Copies `dataDir`/logs into `artifactDir`/logs, then removes `dataDir`. */
export function keepLogsAndRemove(dataDir: string, artifactDir: string): void {
  const logs = join(dataDir, 'logs');
  if (existsSync(logs)) cpSync(logs, join(artifactDir, 'logs'), { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
}
