/**
 * The embedded stack for the end-to-end tests, started exactly as a user starts it with `npm start`:
 * `bash infra/scripts/bootstrap.sh`, then `node --import tsx infra/dev/src/start.ts` in its own process
 * group. Only the environment differs: a fresh temporary SELEKSI_DATA_DIR and every port moved away from
 * the defaults (so a developer's running `npm start` and the integration tests' Temporal/FerretDB, which
 * take free ports from 20000 up, are never in the way).
 *
 * The gateway serves a copy of portal/dist taken right after bootstrap (PORTAL_DIST_DIR), so a rebuild
 * during the run cannot pull the pages away.
 *
 * Output: test/artifacts/e2e/<name>/start.log (the console of `npm start`), bootstrap.log, and the
 * components' own logs copied from the data directory into test/artifacts/e2e/<name>/logs/ at stop.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, spawnLogged, tailFile, waitForHttpOk, type ManagedProcess } from '@seleksi/dev';
import { payloadKeyEnv } from '@seleksi/workflows';

export const ARTIFACTS = resolve(repoRoot, 'test/artifacts');
export const DEMO_PASSWORD = 'SeleksiJPT#2026';
export const DEMO_DOMAIN = 'demo.seleksi-jpt.id';

/**
 * Ports: the defaults of `npm start` plus E2E_PORT_OFFSET (default 10000); FerretDB's 27018 and PostgreSQL's
 * 27019 minus it (37018 would fall in Linux's ephemeral range). All stay below 20000, where the integration tests never
 * look for free ports.
 */
export function e2ePorts(offset = Number(process.env.E2E_PORT_OFFSET ?? 10_000)) {
  return {
    GATEWAY_PORT: 4000 + offset,
    CANDIDATE_PORT: 4101 + offset,
    ASSESSMENT_PORT: 4102 + offset,
    DOCUMENT_PORT: 4103 + offset,
    WORKER_HEALTH_PORT: 4104 + offset,
    TEMPORAL_PORT: 7233 + offset,
    TEMPORAL_UI_PORT: 8233 + offset,
    MAILPIT_SMTP_PORT: 4025 + offset,
    MAILPIT_UI_PORT: 8025 + offset,
    FERRETDB_PORT: 27018 - offset,
    POSTGRES_PORT: 27019 - offset,
  };
}

/** Offsets tried in turn when none is given: 300 apart, so no two stacks' ports ever coincide. */
const OFFSET_CANDIDATES = Array.from({ length: 11 }, (_, k) => 10_000 + 300 * k);
const OFFSET_LOCKS = join(tmpdir(), 'seleksi-e2e-port-offsets');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once('error', () => res(false));
    server.listen(port, () => server.close(() => res(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a port offset for one stack: a lock file per offset (created exclusively, holding this
 * process's pid, taken over when that process is gone) and every port of the offset free right now.
 * So two suites, or a suite and a benchmark, can run on one machine at once. Returns the release.
 */
async function claimPortOffset(): Promise<{ offset: number; release: () => void }> {
  mkdirSync(OFFSET_LOCKS, { recursive: true });
  for (const offset of OFFSET_CANDIDATES) {
    const lock = join(OFFSET_LOCKS, `${offset}.lock`);
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
    const free = await Promise.all(Object.values(e2ePorts(offset)).map(portIsFree));
    const release = () => rmSync(lock, { force: true });
    if (free.every(Boolean)) return { offset, release };
    release(); // something else (a benchmark, a developer's stack) uses these ports
  }
  throw new Error(`no free port offset among ${OFFSET_CANDIDATES.join(', ')}`);
}

export interface E2eStack {
  /** The portal and GraphQL, e.g. http://localhost:14000 */
  url: string;
  dataDir: string;
  artifactDir: string;
  ports: ReturnType<typeof e2ePorts>;
  /** Seconds from spawning start.ts to its "running" box (bootstrap not included). */
  startSeconds: number;
  bootstrapSeconds: number;
  /** Every line start.ts printed so far. */
  output: string[];
  stop(): Promise<void>;
}

const READY_LINE = /Seleksi JPT is running/;
const FAILED_LINE = /\[start\] FAILED:|demo data FAILED/;

/** Runs bootstrap.sh as `npm start` does (a no-op taking about a second when everything is in place). */
function bootstrap(artifactDir: string): number {
  const t = Date.now();
  const result = spawnSync('bash', ['infra/scripts/bootstrap.sh'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 280_000,
    env: process.env,
  });
  writeFileSync(join(artifactDir, 'bootstrap.log'), `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    throw new Error(
      `bootstrap.sh failed (${result.status ?? result.signal}); see ${join(artifactDir, 'bootstrap.log')}\n${result.stderr}`,
    );
  }
  return (Date.now() - t) / 1000;
}

/**
 * Ports: `portOffset` when given, else E2E_PORT_OFFSET when set (the benchmarks), else the first offset
 * claimed free by `claimPortOffset`. `extraEnv` is added to the environment of `npm start` (e.g.
 * SELEKSI_DEMO=0 and SELEKSI_ADMIN_EMAIL for an empty installation).
 */
export async function startE2eStack(
  name: string,
  timeoutMs = 240_000,
  portOffset?: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<E2eStack> {
  const artifactDir = join(ARTIFACTS, 'e2e', name);
  rmSync(artifactDir, { recursive: true, force: true });
  mkdirSync(artifactDir, { recursive: true });
  const bootstrapSeconds = bootstrap(artifactDir);

  const dataDir = mkdtempSync(join(tmpdir(), 'seleksi-e2e-'));
  chmodSync(dataDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dir inside
  const explicit = portOffset ?? (process.env.E2E_PORT_OFFSET ? Number(process.env.E2E_PORT_OFFSET) : undefined);
  const claim = explicit === undefined ? await claimPortOffset() : undefined;
  const ports = e2ePorts(explicit ?? claim?.offset);
  // The portal as bootstrap just built it, copied: a rebuild of portal/dist while the suite runs (another
  // `npm start`, an editor's build) would otherwise leave the gateway without index.html for a moment.
  const portalDist = join(dataDir, 'portal-dist');
  for (let attempt = 1; ; attempt++) {
    rmSync(portalDist, { recursive: true, force: true });
    try {
      cpSync(resolve(repoRoot, 'portal/dist'), portalDist, { recursive: true });
    } catch {
      // portal/dist is being rewritten right now
    }
    if (existsSync(join(portalDist, 'index.html'))) break;
    if (attempt === 20) throw new Error('portal/dist/index.html missing after bootstrap');
    await new Promise((r) => setTimeout(r, 1_000)); // someone else's build is rewriting it
  }
  const env: NodeJS.ProcessEnv = {
    // A test runner or benchmark killed with SIGKILL cannot stop the stack: it stops itself.
    SELEKSI_STOP_WITH_PARENT: '1',
    ...process.env,
    // The test process's own payload key ring, so that its Temporal clients read the stack's histories.
    ...payloadKeyEnv(),
    SELEKSI_DATA_DIR: dataDir,
    PORTAL_DIST_DIR: portalDist,
    NO_COLOR: '1',
    ...extraEnv,
  };
  for (const key of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'TEMPORAL_NAMESPACE']) delete env[key];
  for (const [key, value] of Object.entries(ports)) env[key] = String(value);

  const output: string[] = [];
  let ready: () => void = () => undefined;
  let failed: (err: Error) => void = () => undefined;
  const readyOrFailed = new Promise<void>((res, rej) => {
    ready = res;
    failed = rej;
  });
  const t = Date.now();
  const proc: ManagedProcess = spawnLogged({
    name: 'npm-start',
    command: process.execPath,
    args: ['--import', 'tsx', 'infra/dev/src/start.ts'],
    env,
    logFile: join(artifactDir, 'start.log'),
    onLine: (line) => {
      output.push(line);
      if (READY_LINE.test(line)) ready();
      if (FAILED_LINE.test(line)) failed(new Error(`npm start failed: ${line}\n${output.slice(-40).join('\n')}`));
    },
  });
  void proc.exited.then((info) =>
    failed(new Error(`start.ts exited (${info.signal ?? info.code}) before it was ready:\n${output.join('\n')}`)),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // SIGTERM to start.ts's process group: it stops its components in reverse order, as on Ctrl-C.
    await proc.stop(30_000);
    claim?.release();
    const logs = join(dataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, join(artifactDir, 'logs'), { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://localhost:${ports.GATEWAY_PORT}`;
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      readyOrFailed,
      new Promise<never>((_, rej) => {
        timer = setTimeout(
          () => rej(new Error(`npm start not ready after ${timeoutMs / 1000} s:\n${tailFile(proc.logFile, 40)}`)),
          timeoutMs,
        );
      }),
    ]);
    clearTimeout(timer);
    await waitForHttpOk(`http://127.0.0.1:${ports.GATEWAY_PORT}/readyz`, {
      timeoutMs: 30_000,
      what: 'gateway /readyz',
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, dataDir, artifactDir, ports, startSeconds: (Date.now() - t) / 1000, bootstrapSeconds, output, stop };
}
