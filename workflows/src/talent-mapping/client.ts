/** Client-side helpers for talent mapping (gateway, tests, benchmark). */
import type { Client } from '@temporalio/client';
import { agencyRunProgress, startAgencyRun } from '../agency-runs';
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
export function startTalentMapping(client: Client, input: TalentMappingInput, taskQueue = TASK_QUEUE) {
  return startAgencyRun<typeof talentMappingWorkflow>(client, {
    workflowType: 'talentMappingWorkflow',
    workflowId: talentMappingWorkflowId(input.agencyCode, input.period),
    agencyCode: input.agencyCode,
    args: [input],
    taskQueue,
    title: 'Pemetaan talenta',
    reference: input.period,
    details: [`**Per tanggal:** ${input.asOf}`],
  });
}

export function talentMappingProgress(
  client: Client,
  agencyCode: string,
  period: string,
): Promise<TalentMappingProgress | null> {
  return agencyRunProgress(client, talentMappingWorkflowId(agencyCode, period), getMappingProgressQuery);
}
