/**
 * Client side of the per-agency batch runs (talent mapping, IP ASN): one run per agency and period, its
 * progress read by a query. Shared by their clients (gateway, tests, benchmarks).
 */
import {
  WorkflowExecutionAlreadyStartedError,
  type Client,
  type WorkflowHandle,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { QueryDefinition, Workflow } from '@temporalio/common';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from './search-attributes';
import { batchMetadata } from './operator-view';

export interface AgencyRunStart<W extends Workflow> {
  workflowType: string;
  workflowId: string;
  agencyCode: string;
  args: Parameters<W>;
  taskQueue: string;
  /** What the Temporal UI names the run ("Pemetaan talenta"), its reference (the period) and more lines. */
  title: string;
  reference: string;
  details?: string[];
}

/**
 * Starts the run; one already going for that id is reused (asking twice starts one run), a finished one is
 * run again (its results are replaced).
 */
export async function startAgencyRun<W extends Workflow>(
  client: Client,
  run: AgencyRunStart<W>,
): Promise<WorkflowHandle<W>> {
  try {
    // The SDK's options type decides on `args` by a conditional type that a generic W cannot resolve.
    const options = {
      taskQueue: run.taskQueue,
      workflowId: run.workflowId,
      args: run.args,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: AgencyCodeKey, value: run.agencyCode },
        { key: SelectionIdKey, value: run.workflowId },
        { key: SelectionStageKey, value: 'STARTING' },
      ],
      ...batchMetadata(run.title, run.agencyCode, run.reference, run.details),
    } as unknown as WorkflowStartOptions<W>;
    return await client.workflow.start<W>(run.workflowType, options);
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle<W>(run.workflowId);
    throw err;
  }
}

/** The run's progress; null when none was started (or it is unreachable). */
export async function agencyRunProgress<T>(
  client: Client,
  workflowId: string,
  query: QueryDefinition<T, []>,
): Promise<T | null> {
  try {
    return await client.workflow.getHandle(workflowId).query(query);
  } catch {
    return null;
  }
}
