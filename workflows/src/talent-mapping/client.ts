/** Client-side helpers for talent mapping (gateway, tests, benchmark). */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import { batchMetadata } from '../operator-view';
import { TASK_QUEUE } from '../open-selection/definitions';
import type { talentMappingWorkflow } from './workflows';
import {
  getMappingProgressQuery,
  talentMappingWorkflowId,
  type TalentMappingInput,
  type TalentMappingProgress,
} from './definitions';

/**
 * Starts the mapping of an agency for a period; a run already going for that period is reused
 * (one map per agency and period), a finished one is re-run (its entries are overwritten).
 */
export async function startTalentMapping(client: Client, input: TalentMappingInput, taskQueue = TASK_QUEUE) {
  const workflowId = talentMappingWorkflowId(input.agencyCode, input.period);
  try {
    return await client.workflow.start<typeof talentMappingWorkflow>('talentMappingWorkflow', {
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
      ...batchMetadata('Pemetaan talenta', input.agencyCode, input.period, [`**Per tanggal:** ${input.asOf}`]),
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw err;
  }
}

export async function talentMappingProgress(
  client: Client,
  agencyCode: string,
  period: string,
): Promise<TalentMappingProgress | null> {
  try {
    return await client.workflow.getHandle(talentMappingWorkflowId(agencyCode, period)).query(getMappingProgressQuery);
  } catch {
    return null;
  }
}
