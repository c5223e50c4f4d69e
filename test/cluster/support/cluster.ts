/**
 * The cluster topology for the cluster tests, started exactly as `npm run start:cluster` starts it
 * (`node --import tsx infra/dev/src/cluster/start-cluster.ts`, after the bootstrap `npm run test:cluster`
 * ran), with a fresh temporary data directory and a base port of its own: bases 9100, 9200, … are claimed
 * with a lock file each (as the e2e stacks claim their port offsets), so two runs on one machine do not meet.
 *
 * Output: test/artifacts/cluster/<name>/start-cluster.log, and the processes' own logs copied there at stop.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '@seleksi/dev';
import { payloadKeyEnv } from '@seleksi/workflows';
import {
  buildTopology,
  loadClusterConfig,
  processOf,
  TEMPORAL_PORT_SPAN,
  topologyPorts,
  type Topology,
} from '../../../infra/dev/src/cluster/topology';
import { claimPorts, copyPortalDist, keepLogsAndRemove, launchUntilReady } from '../../support/launcher';

export const ARTIFACTS = resolve(repoRoot, 'test/artifacts/cluster');

/**
 * Whether a cluster test whose tools are missing (`missing`: what is missing and the command that builds it)
 * is skipped: on a developer's machine yes, with a warning; in CI (`CI` set, as CI services set it) the run
 * fails instead, so a bootstrap that built less than the tests need never passes as skipped tests.
 */
export function skipWhenToolsMissing(missing: string, what: string): boolean {
  if (!missing) return false;
  const ci = process.env.CI;
  if (ci && ci !== 'false' && ci !== '0') {
    throw new Error(`[cluster] ${what} cannot run in CI (CI=${ci}): ${missing}`);
  }
  console.warn(`[cluster] ${what} skipped: ${missing}`);
  return true;
}

const BASES = Array.from({ length: 9 }, (_, k) => 9100 + 100 * k);
const LOCKS = join(tmpdir(), 'seleksi-cluster-bases');

function allPorts(t: Topology): number[] {
  const temporal = Array.from({ length: TEMPORAL_PORT_SPAN }, (_, i) => t.temporal.basePort + i);
  return [...new Set([...topologyPorts(t).map((p) => p.port), ...temporal])];
}

/** A base port whose every port is free now, held by a lock file holding this process's pid. */
async function claimBase(
  env: NodeJS.ProcessEnv,
  bases: readonly number[] = BASES,
): Promise<{ base: number; release: () => void }> {
  const { value, release } = await claimPorts({
    locksDir: LOCKS,
    candidates: bases,
    portsOf: (base) => allPorts(buildTopology(loadClusterConfig({ ...env, CLUSTER_BASE_PORT: String(base) }))),
    host: '127.0.0.1',
    what: 'cluster base port',
  });
  return { base: value, release };
}

export interface ClusterStack {
  /** The reverse proxy: portal, /graphql, uploads, SSE. */
  url: string;
  topology: Topology;
  /** Each gateway's own URL, bypassing the proxy. */
  gatewayUrls: string[];
  dataDir: string;
  output: string[];
  /** The current pid of a supervised process (`gateway-1`, `worker-2`…), from its pid file. */
  pidOf(name: string): number;
  stop(): Promise<void>;
}

const READY = /Seleksi JPT cluster is running/;
const FAILED = /\[cluster\] FAILED:|demo data FAILED/;

export async function startClusterStack(
  name: string,
  extraEnv: NodeJS.ProcessEnv = {},
  timeoutMs = 300_000,
): Promise<ClusterStack> {
  const artifactDir = join(ARTIFACTS, name);
  rmSync(artifactDir, { recursive: true, force: true });
  mkdirSync(artifactDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'seleksi-cluster-'));
  chmodSync(dataDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dir inside
  const portalDist = await copyPortalDist(dataDir);
  const env: NodeJS.ProcessEnv = {
    // A test runner killed with SIGKILL cannot stop the cluster: it stops itself.
    SELEKSI_STOP_WITH_PARENT: '1',
    ...process.env,
    ...payloadKeyEnv(),
    SELEKSI_CLUSTER_DATA_DIR: dataDir,
    PORTAL_DIST_DIR: portalDist,
    NO_COLOR: '1',
    GATEWAYS: '2',
    WORKERS: '2',
    ...extraEnv,
  };
  for (const key of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'TEMPORAL_NAMESPACE', 'SELEKSI_DEMO']) delete env[key];
  // A base given in `extraEnv` (the benchmarks: clear of the tests' bases) is the only one tried.
  const claim = await claimBase(env, extraEnv.CLUSTER_BASE_PORT ? [Number(extraEnv.CLUSTER_BASE_PORT)] : BASES);
  env.CLUSTER_BASE_PORT = String(claim.base);
  const topology = buildTopology(loadClusterConfig(env));

  const { output, stop } = await launchUntilReady({
    command: 'start:cluster',
    script: 'infra/dev/src/cluster/start-cluster.ts',
    env,
    logFile: join(artifactDir, 'start-cluster.log'),
    ready: READY,
    failed: FAILED,
    timeoutMs,
    stopTimeoutMs: 60_000,
    afterStop: () => {
      claim.release();
      keepLogsAndRemove(dataDir, artifactDir);
    },
  });
  return {
    url: topology.urls.public,
    topology,
    gatewayUrls: processOf(topology, 'gateway').instances.map((i) => `http://127.0.0.1:${i.ports.http}`),
    dataDir,
    output,
    pidOf: (n) => Number(readFileSync(join(dataDir, 'run', `${n}.pid`), 'utf8').trim()),
    stop,
  };
}
