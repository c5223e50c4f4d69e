/** Builds the Seleksi JPT worker: every workflow plus the activities wired to the real services. */
import { fileURLToPath } from 'node:url';
import type { AuditChainHead } from '@seleksi/domain';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { startTelemetry } from '@seleksi/kit';
import type { DataConverter } from '@temporalio/common';
import { seleksiDataConverter } from '../codec/data-converter';
import { withAgencyRecords } from './agency-records';
import { createOpenSelectionActivities, type OpenSelectionPorts } from '../open-selection/activities';
import { createTalentMappingActivities } from '../talent-mapping/activities';
import { createIpAsnActivities, type IpAsnPorts } from '../ip-asn/activities';
import { createTalentPoolActivities, type TalentPoolPorts } from '../talent-pool/activities';
import { createProfileImportActivities, type ProfileImportPorts } from '../profile-import/activities';
import { createElectionActivities, type ElectionPorts } from '../election/activities';
import { workerDeploymentOptions, type WorkerDeploymentVersion } from './versioning';

/** Every service operation the activities use (the kit's service clients satisfy it). */
export type SeleksiPorts = OpenSelectionPorts &
  TalentPoolPorts &
  ProfileImportPorts &
  IpAsnPorts &
  ElectionPorts & {
    /** The round's decision chain head, printed on its documents (`withAgencyRecords`). */
    candidate: { verifyAudit(selectionId: string): Promise<{ ok: boolean; head: AuditChainHead | null }> };
  };

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows.ts', import.meta.url));

/**
 * Bundled with every workflow whether tracing is on or not (the bundle, so the worker's build id, must
 * not depend on a process's settings): carries a request's trace context on to the activities.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [fileURLToPath(new URL('../trace-propagation.ts', import.meta.url))];

/** The workflow bundle every worker runs (and the tests and replays build the same way). */
export function bundleSeleksiWorkflows(logger?: Parameters<typeof bundleWorkflowCode>[0]['logger']) {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...(logger ? { logger } : {}),
  });
}

export interface SeleksiWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  ports: SeleksiPorts;
  /** Pre-built bundle (tests bundle once); otherwise the worker bundles `WORKFLOWS_PATH` at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The payload codec's converter (default: the environment's key ring; tests of key rotation pass their own). */
  dataConverter?: DataConverter;
  /** How long in-flight activities may finish on shutdown (default: the SDK's). */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** This worker's deployment version (Worker Versioning, every workflow AUTO_UPGRADE); omit for an unversioned worker. */
  deployment?: WorkerDeploymentVersion;
}

export function createActivities(ports: SeleksiPorts) {
  // Selection and talent-route documents print the agency's records as they are at issue time.
  const withRecords = withAgencyRecords(ports);
  return {
    ...createOpenSelectionActivities(withRecords),
    ...createTalentMappingActivities(ports),
    ...createTalentPoolActivities(withRecords),
    ...createProfileImportActivities(ports),
    ...createIpAsnActivities(ports),
    ...createElectionActivities(ports),
  };
}

export async function createSeleksiWorker(opts: SeleksiWorkerOptions): Promise<Worker> {
  startTelemetry('worker');
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    // A request's trace goes on through the workflow's headers to each activity (a span each).
    interceptors: {
      ...(opts.workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    activities: createActivities(opts.ports),
    dataConverter: opts.dataConverter ?? seleksiDataConverter(),
    ...(opts.shutdownGraceTime ? { shutdownGraceTime: opts.shutdownGraceTime } : {}),
    ...(opts.deployment ? { workerDeploymentOptions: workerDeploymentOptions(opts.deployment) } : {}),
  });
}
