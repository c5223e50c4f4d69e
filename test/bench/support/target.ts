/**
 * What a benchmark runs against, chosen by BENCH_TARGET: `embedded` (default) the stack as `npm start`
 * runs it (test/e2e/support/stack.ts), `cluster` the topology as `npm run start:cluster` runs it
 * (test/cluster/support/cluster.ts): the Temporal server cluster when `bootstrap.sh --cluster` built it,
 * BENCH_WORKERS workers and BENCH_GATEWAYS gateways (default 2 each), requests through the reverse proxy.
 *
 * Ports: the embedded stack's E2E_PORT_OFFSET as each benchmark sets it; the cluster's base port is the
 * benchmark's own (CLUSTER_BASE_PORT overrides it), clear of the cluster tests' 9100…9900 and of every
 * port the embedded benchmarks (offsets 11000, 12000, 12500, 13800) and the e2e tests (10000 + 300 k) use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startE2eStack, type E2eStack } from '../../e2e/support/stack';
import { startClusterStack, type ClusterStack } from '../../cluster/support/cluster';

/** Cluster base ports of the benchmarks (each uses base … base + 79). */
export const CLUSTER_BENCH_BASE = { surge: 14800, round: 15400, throughput: 15700 } as const;

export interface BenchStack {
  target: 'embedded' | 'cluster';
  /** What the figures were measured on, for the figures' heading. */
  describe: string;
  /** Where clients send GraphQL: the gateway, or the cluster's reverse proxy. */
  gatewayUrl: string;
  temporalAddress: string;
  serviceUrls: { candidate: string; assessment: string; document: string };
  mongoUri: string;
  dataDir: string;
  /** Directories of the supervised processes' pid files (`<name>.pid`). */
  pidDirs: string[];
  stop(): Promise<void>;
}

export function embeddedBenchStack(s: E2eStack): BenchStack {
  const p = s.ports;
  return {
    target: 'embedded',
    describe: 'stack as npm start runs it',
    gatewayUrl: `http://127.0.0.1:${p.GATEWAY_PORT}`,
    temporalAddress: `127.0.0.1:${p.TEMPORAL_PORT}`,
    serviceUrls: {
      candidate: `http://127.0.0.1:${p.CANDIDATE_PORT}`,
      assessment: `http://127.0.0.1:${p.ASSESSMENT_PORT}`,
      document: `http://127.0.0.1:${p.DOCUMENT_PORT}`,
    },
    mongoUri: `mongodb://127.0.0.1:${p.FERRETDB_PORT}`,
    dataDir: s.dataDir,
    pidDirs: [join(s.dataDir, 'run')],
    stop: () => s.stop(),
  };
}

/** Which Temporal the cluster runs, from its start-up box. */
function temporalMode(s: ClusterStack): string {
  return s.output.some((l) => l.includes('(server cluster')) ? 'Temporal server cluster' : 'Temporal CLI dev server';
}

export function clusterBenchStack(s: ClusterStack): BenchStack {
  const count = (role: string) => {
    const n = s.topology.processes.find((p) => p.name === role)?.replicas ?? 0;
    return `${n} ${role}${n === 1 ? '' : 's'}`;
  };
  const proxyPort = s.topology.basePort; // the proxy is at the base port (topology.ts)
  const u = s.topology.urls;
  return {
    target: 'cluster',
    describe: `cluster as npm run start:cluster runs it: ${count('worker')}, ${count('gateway')} behind the proxy, ${temporalMode(s)}`,
    gatewayUrl: `http://127.0.0.1:${proxyPort}`,
    temporalAddress: u.temporal,
    serviceUrls: { candidate: u.candidate, assessment: u.assessment, document: u.document },
    mongoUri: u.mongo,
    dataDir: s.dataDir,
    pidDirs: [join(s.dataDir, 'run'), join(s.dataDir, 'temporal', 'run')],
    stop: () => s.stop(),
  };
}

export const benchTarget = (): 'embedded' | 'cluster' =>
  process.env.BENCH_TARGET === 'cluster' ? 'cluster' : 'embedded';

/**
 * The stack of BENCH_TARGET for the benchmark `name`; `clusterBase` its cluster base port, `env` added to
 * the cluster's environment (e.g. WORKERS for one step of a scaling run).
 */
export async function startBenchStack(
  name: string,
  opts: { clusterBase: number; timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<BenchStack> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  if (benchTarget() === 'embedded') return embeddedBenchStack(await startE2eStack(name, timeoutMs));
  const env: NodeJS.ProcessEnv = {
    CLUSTER_BASE_PORT: process.env.CLUSTER_BASE_PORT ?? String(opts.clusterBase),
    WORKERS: process.env.BENCH_WORKERS ?? '2',
    GATEWAYS: process.env.BENCH_GATEWAYS ?? '2',
    ...opts.env,
  };
  return clusterBenchStack(await startClusterStack(name, env, timeoutMs));
}

/** pid of every supervised process of `stack` by its name (from the pid files). */
export function supervisedPids(stack: BenchStack): Map<string, number> {
  const out = new Map<string, number>();
  for (const dir of stack.pidDirs) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((n) => n.endsWith('.pid'));
    } catch {
      continue;
    }
    for (const f of files) {
      try {
        const pid = Number(readFileSync(join(dir, f), 'utf8').trim());
        if (pid) out.set(f.slice(0, -4), pid);
      } catch {
        // removed meanwhile: the process stopped
      }
    }
  }
  return out;
}
