/**
 * Temporal for the cluster rehearsal: the real server cluster (temporal-cluster.ts: frontend, history,
 * matching and worker services on PostgreSQL) when `bootstrap.sh --cluster` has built it, else the Temporal CLI dev server the embedded stack uses. Either way the namespace and the
 * search attributes are in place when it answers.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { consolePrinter, type Orchestrator } from '../orchestrator';
import type { ManagedProcess } from '../processes';
import { devServerArgs, ensureNamespace, temporalCliPath, waitForTemporal } from '../temporal';
import { startTemporalCluster, temporalClusterMissing, temporalClusterTools } from './temporal-cluster';
import type { Topology } from './topology';

export interface RunningTemporal {
  mode: 'cluster' | 'dev-server';
  address: string;
  uiUrl: string | null;
  /** Service name → pid (the cluster's four services, or the dev server). */
  pids: Record<string, number | undefined>;
}

export interface StartTemporalRun {
  orchestrator: Orchestrator;
  dataDir: string;
  /** Codec endpoint for the Web UI (the public URL's /codec). */
  uiCodecEndpoint?: string;
}

/** Which Temporal the rehearsal will run, and why (printed before it starts). */
export function temporalChoice(): { mode: RunningTemporal['mode']; why: string } {
  const tools = temporalClusterTools();
  const missing = temporalClusterMissing(tools);
  if (missing) return { mode: 'dev-server', why: `${missing}; using the Temporal CLI dev server meanwhile` };
  return { mode: 'cluster', why: `Temporal server cluster (${tools.versions})` };
}

/** Starts Temporal for `topology` (see the module comment) and answers where it listens. */
export async function startTemporal(topology: Topology, run: StartTemporalRun): Promise<RunningTemporal> {
  const o = run.orchestrator;
  const choice = temporalChoice();
  o.say(choice.why);
  let result: RunningTemporal;
  let proc: ManagedProcess | undefined;
  if (choice.mode === 'cluster') {
    const cluster = await startTemporalCluster({
      postgres: topology.postgres,
      dataDir: join(run.dataDir, 'temporal'),
      basePort: topology.temporal.basePort,
      historyShards: topology.temporal.historyShards,
      log: consolePrinter('temporal', o.running.length),
      ...(run.uiCodecEndpoint ? { uiCodecEndpoint: run.uiCodecEndpoint } : {}),
    });
    o.onStop('temporal cluster', () => cluster.stop());
    result = {
      mode: 'cluster',
      address: cluster.address,
      uiUrl: cluster.uiUrl,
      pids: Object.fromEntries(Object.entries(cluster.services).map(([k, v]) => [k, v.pid])),
    };
  } else {
    const cli = temporalCliPath();
    if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}: run \`bash infra/scripts/bootstrap.sh\``);
    const grpc = topology.processes.find((p) => p.name === 'temporal')!.instances[0]!.ports;
    proc = o.launch({
      name: 'temporal',
      command: cli,
      args: devServerArgs({
        port: grpc.grpc!,
        uiPort: grpc.ui!,
        dbFilename: join(run.dataDir, 'temporal.sqlite'),
        namespace: topology.namespace,
        searchAttributes: SEARCH_ATTRIBUTES,
        ...(run.uiCodecEndpoint ? { uiCodecEndpoint: run.uiCodecEndpoint } : {}),
      }),
      console: false,
    });
    result = {
      mode: 'dev-server',
      address: topology.urls.temporal,
      uiUrl: topology.urls.temporalUi,
      pids: { temporal: proc.child.pid },
    };
  }
  const connection = await waitForTemporal(result.address, {
    timeoutMs: 120_000,
    what: `temporal (${result.address})`,
    ...(proc ? { process: proc } : {}),
  });
  try {
    const { addedSearchAttributes: added } = await ensureNamespace(connection, topology.namespace, {
      timeoutMs: 30_000,
      searchAttributes: SEARCH_ATTRIBUTES,
    });
    if (added.length > 0) o.say(`registered search attributes: ${added.join(', ')}`);
  } finally {
    await connection.close();
  }
  return result;
}
