/** Client-side helpers for the IP ASN run (gateway, tests). */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import { batchMetadata } from '../operator-view';
import { TASK_QUEUE } from '../open-selection/definitions';
import type { ipAsnWorkflow } from './workflows';
import { getIpAsnProgressQuery, ipAsnWorkflowId, type IpAsnRunInput, type IpAsnRunProgress } from './definitions';

/**
 * Starts the IP ASN run of an agency for a period; a run already going for that period is reused (asking
 * twice starts one run), a finished one is run again (its scores and summary are replaced).
 */
export async function startIpAsnRun(client: Client, input: IpAsnRunInput, taskQueue = TASK_QUEUE) {
  const workflowId = ipAsnWorkflowId(input.agencyCode, input.period);
  try {
    return await client.workflow.start<typeof ipAsnWorkflow>('ipAsnWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: AgencyCodeKey, value: input.agencyCode },
        { key: SelectionIdKey, value: workflowId },
        { key: SelectionStageKey, value: 'STARTING' },
      ],
      ...batchMetadata('Pengukuran IP ASN', input.agencyCode, String(input.period)),
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw err;
  }
}

/** The run's progress; null when none was started (or it is unreachable). */
export async function ipAsnRunProgress(
  client: Client,
  agencyCode: string,
  period: number,
): Promise<IpAsnRunProgress | null> {
  try {
    return await client.workflow.getHandle(ipAsnWorkflowId(agencyCode, period)).query(getIpAsnProgressQuery);
  } catch {
    return null;
  }
}
