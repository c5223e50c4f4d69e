/**
 * The operator's command for rolling out a worker version (README, "Rolling out a new worker version"):
 *
 *   pnpm --filter @seleksi/workflows worker:rollout                                # status
 *   pnpm --filter @seleksi/workflows worker:rollout -- --build-id <id> --ramp 10   # <id> gets 10 %
 *   pnpm --filter @seleksi/workflows worker:rollout -- --build-id <id>             # <id> becomes current
 *
 * Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE and WORKER_DEPLOYMENT_NAME as the
 * worker does. Prints the deployment's versions, the open workflows whose last task ran on each, and
 * which versions' workers can be stopped. Exit 0 on success, 1 on failure, 2 on bad usage.
 */
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Connection } from '@temporalio/client';
import { loadConfig } from '@seleksi/kit';
import { workerConfigSchema, type WorkerConfig } from './config';
import {
  describeDeployment,
  setCurrentVersion,
  setRampingVersion,
  versionWorkflows,
  type VersionStatus,
  type VersionWorkflows,
} from './versioning';

export const rolloutConfigSchema = workerConfigSchema.pick({
  TEMPORAL_ADDRESS: true,
  TEMPORAL_NAMESPACE: true,
  TEMPORAL_TASK_QUEUE: true,
  WORKER_DEPLOYMENT_NAME: true,
});
export type RolloutConfig = Pick<
  WorkerConfig,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'WORKER_DEPLOYMENT_NAME'
>;

export interface RolloutVersion extends VersionWorkflows {
  buildId: string;
  status: VersionStatus;
  createdAt: string | null;
  /** Neither current nor ramping and no workflow pinned to it: its workers get no more tasks. */
  canStop: boolean;
}

export interface RolloutStatus {
  deploymentName: string;
  namespace: string;
  current: string | null;
  ramping: { buildId: string; percentage: number } | null;
  versions: RolloutVersion[];
}

const USAGE =
  'usage: worker:rollout [--deployment <name>] [--build-id <id> [--ramp <0-100>] [--wait <seconds>]] [--json]\n' +
  '  no --build-id: show the versions; --build-id: make it current; with --ramp: route that % of rounds to it;\n' +
  "  --wait: how long to wait for the version's workers to poll (default 60)";

/** Runs the command on `args`; answers the exit code. */
export async function runRollout(
  args: readonly string[],
  config: RolloutConfig,
  print: (line: string) => void,
): Promise<number> {
  let values: {
    deployment?: string;
    'build-id'?: string;
    ramp?: string;
    wait?: string;
    json?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: args.filter((a) => a !== '--'),
      options: {
        deployment: { type: 'string' },
        'build-id': { type: 'string' },
        ramp: { type: 'string' },
        wait: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    print(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const ramp = values.ramp === undefined ? undefined : Number(values.ramp);
  if (ramp !== undefined && !(Number.isFinite(ramp) && ramp >= 0 && ramp <= 100)) {
    print(`--ramp must be a number from 0 to 100, got ${values.ramp}\n${USAGE}`);
    return 2;
  }
  const waitSeconds = values.wait === undefined ? 60 : Number(values.wait);
  if (!(Number.isFinite(waitSeconds) && waitSeconds >= 0)) {
    print(`--wait must be a number of seconds, got ${values.wait}\n${USAGE}`);
    return 2;
  }
  if (ramp !== undefined && !values['build-id']) {
    print(`--ramp needs --build-id\n${USAGE}`);
    return 2;
  }

  const namespace = config.TEMPORAL_NAMESPACE;
  const deploymentName = values.deployment ?? config.WORKER_DEPLOYMENT_NAME ?? config.TEMPORAL_TASK_QUEUE;
  const identity = `seleksi-rollout@${safeUser()}`;
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const svc = connection.workflowService;
    const buildId = values['build-id'];
    if (buildId) {
      const version = { deploymentName, buildId };
      if (ramp === undefined) {
        const { previous } = await setCurrentVersion(svc, namespace, version, identity, waitSeconds * 1000);
        if (!values.json) print(`${buildId} is current (was ${previous ?? 'unversioned'})`);
      } else {
        await setRampingVersion(svc, namespace, version, ramp, identity, waitSeconds * 1000);
        if (!values.json) print(`${buildId} is ramping at ${ramp} %`);
      }
    }
    const status = await rolloutStatus(svc, namespace, deploymentName);
    if (!status) {
      print(`no worker of deployment ${deploymentName} has polled namespace ${namespace} yet`);
      return 1;
    }
    if (values.json) print(JSON.stringify(status));
    else for (const line of formatStatus(status)) print(line);
    return 0;
  } catch (err) {
    print(`worker:rollout failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await connection.close();
  }
}

/** The deployment's routing and, per version, its open workflows and whether its workers can stop. */
export async function rolloutStatus(
  svc: Connection['workflowService'],
  namespace: string,
  deploymentName: string,
): Promise<RolloutStatus | null> {
  const state = await describeDeployment(svc, namespace, deploymentName);
  if (!state) return null;
  const versions = await Promise.all(
    state.versions.map(async (v): Promise<RolloutVersion> => {
      const wf = await versionWorkflows(svc, namespace, { deploymentName, buildId: v.buildId });
      const routed = v.buildId === state.current || v.buildId === state.ramping?.buildId;
      return {
        buildId: v.buildId,
        status: v.status,
        createdAt: v.createdAt?.toISOString() ?? null,
        ...wf,
        canStop: !routed && wf.pinned === 0,
      };
    }),
  );
  versions.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return { deploymentName, namespace, current: state.current, ramping: state.ramping, versions };
}

export function formatStatus(s: RolloutStatus): string[] {
  const lines = [
    `deployment ${s.deploymentName} (namespace ${s.namespace}): current ${s.current ?? 'unversioned'}` +
      (s.ramping ? `, ramping ${s.ramping.buildId} at ${s.ramping.percentage} %` : ''),
    'build id            status      open  pinned  created                   workers',
  ];
  for (const v of s.versions) {
    lines.push(
      `${v.buildId.padEnd(19)} ${v.status.padEnd(11)} ${String(v.open).padStart(4)}  ${String(v.pinned).padStart(6)}  ${(v.createdAt ?? '-').padEnd(24)}  ${workersNote(v)}`,
    );
  }
  if (s.versions.some((v) => v.canStop && v.open > 0)) {
    lines.push(
      'open: workflows whose last task ran on that version; being AUTO_UPGRADE, their next task goes to the current version.',
    );
  }
  return lines;
}

function workersNote(v: RolloutVersion): string {
  if (!v.canStop) return 'keep running';
  return v.status === 'INACTIVE' ? 'idle (never routed to)' : 'can be stopped';
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runRollout(process.argv.slice(2), loadConfig(rolloutConfigSchema), (line) =>
    console.log(line),
  );
}
