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
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, waitForHttpOk } from '@seleksi/dev';
import { payloadKeyEnv } from '@seleksi/workflows';
import { claimPorts, copyPortalDist, keepLogsAndRemove, launchUntilReady } from '../../support/launcher';

export const ARTIFACTS = resolve(repoRoot, 'test/artifacts');
export { DEMO_DOMAIN, DEMO_PASSWORD } from '../../support/launcher';

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

/**
 * Claims a port offset for one stack: a lock file per offset (created exclusively, holding this
 * process's pid, taken over when that process is gone) and every port of the offset free right now.
 * So two suites, or a suite and a benchmark, can run on one machine at once. Returns the release.
 */
async function claimPortOffset(): Promise<{ offset: number; release: () => void }> {
  const { value, release } = await claimPorts({
    locksDir: OFFSET_LOCKS,
    candidates: OFFSET_CANDIDATES,
    portsOf: (offset) => Object.values(e2ePorts(offset)),
    what: 'port offset',
  });
  return { offset: value, release };
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
  const portalDist = await copyPortalDist(dataDir);
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

  const t = Date.now();
  const url = `http://localhost:${ports.GATEWAY_PORT}`;
  const { output, stop } = await launchUntilReady({
    command: 'npm start',
    script: 'infra/dev/src/start.ts',
    env,
    logFile: join(artifactDir, 'start.log'),
    ready: READY_LINE,
    failed: FAILED_LINE,
    timeoutMs,
    stopTimeoutMs: 30_000,
    untilReady: () =>
      waitForHttpOk(`http://127.0.0.1:${ports.GATEWAY_PORT}/readyz`, { timeoutMs: 30_000, what: 'gateway /readyz' }),
    afterStop: () => {
      claim?.release();
      keepLogsAndRemove(dataDir, artifactDir);
    },
  });
  return { url, dataDir, artifactDir, ports, startSeconds: (Date.now() - t) / 1000, bootstrapSeconds, output, stop };
}
