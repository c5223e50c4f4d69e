/**
 * Worker Deployment Versioning: which version a worker is, and the operator's view and control of a
 * deployment's routing (current and ramping version, drainage), over the WorkflowService gRPC calls
 * (the TypeScript client 1.24 has no helpers for them). README, "Rolling out a new worker version".
 */
import { createHash } from 'node:crypto';
import type { Connection } from '@temporalio/client';
import type { WorkerDeploymentVersion } from '@temporalio/common';
import type { WorkerOptions } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
// CommonJS package whose named exports Node's ESM loader cannot detect: take the default export.
import proto from '@temporalio/proto';

export type { WorkerDeploymentVersion };

const { WorkerDeploymentVersionStatus, VersionDrainageStatus } = proto.temporal.api.enums.v1;

/**
 * The default build id: `wf-` and 12 hex digits of the SHA-256 of the bundled workflow code. It changes
 * exactly when what a round replays changes (workflow code, `@seleksi/domain`, the SDK's workflow
 * runtime) and is the same on every host built from the same sources and lockfile (the bundle holds
 * repository-relative paths only). An activity-only change keeps it: a plain restart then suffices.
 */
export function buildIdOf(bundleCode: string): string {
  return `wf-${createHash('sha256').update(bundleCode).digest('hex').slice(0, 12)}`;
}

/**
 * Every workflow of the worker is AUTO_UPGRADE: a round runs for months, longer than any worker
 * version should live, so its next task goes to the current version; changes stay replay-safe through
 * `patched()` and the replay tests over stored histories (pinning would keep old workers for months).
 */
export function workerDeploymentOptions(version: WorkerDeploymentVersion): WorkerOptions['workerDeploymentOptions'] {
  return { version, useWorkerVersioning: true, defaultVersioningBehavior: 'AUTO_UPGRADE' };
}

type WorkflowService = Connection['workflowService'];

export type VersionStatus = 'INACTIVE' | 'CURRENT' | 'RAMPING' | 'DRAINING' | 'DRAINED' | 'UNSPECIFIED';

export interface VersionState {
  buildId: string;
  status: VersionStatus;
  createdAt: Date | null;
}

export interface DeploymentState {
  deploymentName: string;
  /** The current version's build id; null while tasks go to unversioned workers. */
  current: string | null;
  ramping: { buildId: string; percentage: number } | null;
  versions: VersionState[];
  conflictToken: Uint8Array | null;
}

function statusName(s: temporal.api.enums.v1.WorkerDeploymentVersionStatus | null | undefined): VersionStatus {
  const name = WorkerDeploymentVersionStatus[s ?? 0] ?? '';
  return (name.replace('WORKER_DEPLOYMENT_VERSION_STATUS_', '') || 'UNSPECIFIED') as VersionStatus;
}

function toDate(t: { seconds?: unknown; nanos?: number | null } | null | undefined): Date | null {
  if (!t || t.seconds == null) return null;
  return new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
}

/** gRPC status code of a failed call (the client's ServiceError carries it in `code`). */
export function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
export const GRPC_NOT_FOUND = 5;
export const GRPC_FAILED_PRECONDITION = 9;
export const GRPC_UNIMPLEMENTED = 12;

/** The deployment's routing and versions; null when no worker of it has ever polled. */
export async function describeDeployment(
  svc: WorkflowService,
  namespace: string,
  deploymentName: string,
): Promise<DeploymentState | null> {
  let res: temporal.api.workflowservice.v1.DescribeWorkerDeploymentResponse;
  try {
    res = await svc.describeWorkerDeployment({ namespace, deploymentName });
  } catch (err) {
    if (grpcCode(err) === GRPC_NOT_FOUND) return null;
    throw err;
  }
  const info = res.workerDeploymentInfo;
  const routing = info?.routingConfig;
  return {
    deploymentName,
    current: routing?.currentDeploymentVersion?.buildId || null,
    ramping: routing?.rampingDeploymentVersion?.buildId
      ? { buildId: routing.rampingDeploymentVersion.buildId, percentage: routing.rampingVersionPercentage ?? 0 }
      : null,
    versions: (info?.versionSummaries ?? []).map((v) => ({
      buildId: v.deploymentVersion?.buildId ?? '',
      status: statusName(v.status),
      createdAt: toDate(v.createTime),
    })),
    conflictToken: res.conflictToken?.length ? res.conflictToken : null,
  };
}

export interface VersionWorkflows {
  /** Open workflows whose last workflow task ran on this version (AUTO_UPGRADE ones move on their next task). */
  open: number;
  /** Of those, the ones pinned to it: they keep it from being drained. */
  pinned: number;
  /** The server's own drainage check (refreshed every few minutes), when the version is no longer routed to. */
  drainage: 'DRAINING' | 'DRAINED' | null;
}

/**
 * Open workflows per version, from visibility (`TemporalWorkerDeploymentVersion` holds
 * `<deployment>:<build id>`), and the server's drainage status.
 */
export async function versionWorkflows(
  svc: WorkflowService,
  namespace: string,
  version: WorkerDeploymentVersion,
): Promise<VersionWorkflows> {
  const on = `TemporalWorkerDeploymentVersion = '${version.deploymentName}:${version.buildId}' AND ExecutionStatus = 'Running'`;
  const [open, pinned, described] = await Promise.all([
    svc.countWorkflowExecutions({ namespace, query: on }),
    svc.countWorkflowExecutions({ namespace, query: `${on} AND TemporalWorkflowVersioningBehavior = 'Pinned'` }),
    svc.describeWorkerDeploymentVersion({ namespace, deploymentVersion: version }),
  ]);
  const drainage = VersionDrainageStatus[described.workerDeploymentVersionInfo?.drainageInfo?.status ?? 0] ?? '';
  return {
    open: Number(open.count ?? 0),
    pinned: Number(pinned.count ?? 0),
    drainage: drainage.endsWith('_DRAINED') ? 'DRAINED' : drainage.endsWith('_DRAINING') ? 'DRAINING' : null,
  };
}

/** Waits until a worker of `version` has polled, so the server knows it (a second or two after start). */
export async function waitForVersion(
  svc: WorkflowService,
  namespace: string,
  version: WorkerDeploymentVersion,
  timeoutMs = 60_000,
): Promise<DeploymentState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await describeDeployment(svc, namespace, version.deploymentName);
    if (state?.versions.some((v) => v.buildId === version.buildId)) return state;
    if (Date.now() > deadline) {
      throw new Error(
        `no worker of ${version.deploymentName}:${version.buildId} has polled Temporal within ${timeoutMs} ms: start it first`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Makes `version` current (all new and AUTO_UPGRADE workflow tasks go to it; ends its ramp). */
export async function setCurrentVersion(
  svc: WorkflowService,
  namespace: string,
  version: WorkerDeploymentVersion,
  identity: string,
  waitMs = 60_000,
): Promise<{ previous: string | null }> {
  const state = await waitForVersion(svc, namespace, version, waitMs);
  if (state.current === version.buildId) return { previous: version.buildId };
  const res = await svc.setWorkerDeploymentCurrentVersion({
    namespace,
    deploymentName: version.deploymentName,
    buildId: version.buildId,
    identity,
    ...(state.conflictToken ? { conflictToken: state.conflictToken } : {}),
  });
  return { previous: res.previousDeploymentVersion?.buildId || null };
}

/**
 * Ramps `version`: `percentage` % of workflows (chosen by workflow id) go to it, the rest to the
 * current version; 0 keeps it ramping with no traffic.
 */
export async function setRampingVersion(
  svc: WorkflowService,
  namespace: string,
  version: WorkerDeploymentVersion,
  percentage: number,
  identity: string,
  waitMs = 60_000,
): Promise<void> {
  if (!(percentage >= 0 && percentage <= 100)) throw new RangeError(`ramp percentage ${percentage} not in 0–100`);
  const state = await waitForVersion(svc, namespace, version, waitMs);
  await svc.setWorkerDeploymentRampingVersion({
    namespace,
    deploymentName: version.deploymentName,
    buildId: version.buildId,
    percentage,
    identity,
    ...(state.conflictToken ? { conflictToken: state.conflictToken } : {}),
  });
}

export type PromoteMode = 'first' | 'always' | 'never';

/**
 * What a starting worker does with its own version (WORKER_PROMOTE): answers whether it is now the
 * current version. `first` promotes it only while the deployment has no current version.
 */
export async function promoteOnStart(
  svc: WorkflowService,
  namespace: string,
  version: WorkerDeploymentVersion,
  mode: PromoteMode,
  identity: string,
): Promise<{ current: string | null; promoted: boolean }> {
  const before = await describeDeployment(svc, namespace, version.deploymentName);
  if (before?.current === version.buildId) return { current: version.buildId, promoted: false };
  if (mode === 'never' || (mode === 'first' && before?.current)) {
    return { current: before?.current ?? null, promoted: false };
  }
  await setCurrentVersion(svc, namespace, version, identity);
  return { current: version.buildId, promoted: true };
}

/**
 * The worker's readiness (`/readyz`): without versioning (`buildId` undefined), once it polls; with it, only
 * while its build is the deployment's current or ramping version. A worker nobody promoted gets no rounds,
 * so a rolling update must not take it as the replacement of one that does (`/healthz` stays liveness).
 * `routing` undefined: not read yet.
 */
export function workerReady(
  polling: boolean,
  buildId: string | undefined,
  routing: Pick<DeploymentState, 'current' | 'ramping'> | null | undefined,
): boolean {
  if (!polling) return false;
  if (buildId === undefined) return true;
  return !!routing && (routing.current === buildId || routing.ramping?.buildId === buildId);
}
