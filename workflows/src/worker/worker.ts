/** Builds the Seleksi JPT worker: every workflow plus the activities wired to the real services. */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createOpenSelectionActivities, type OpenSelectionPorts } from '../open-selection/activities';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows.ts', import.meta.url));

export interface SeleksiWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  ports: OpenSelectionPorts;
  /** Pre-built bundle (tests bundle once); otherwise the worker bundles `WORKFLOWS_PATH` at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createActivities(ports: OpenSelectionPorts) {
  return { ...createOpenSelectionActivities(ports) };
}

export async function createSeleksiWorker(opts: SeleksiWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(opts.ports),
  });
}
