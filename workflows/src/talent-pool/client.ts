/** Client-side helpers for filling a post from the talent pool (gateway, tests). */
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import { talentFillingMetadata } from '../operator-view';
import { TASK_QUEUE } from '../open-selection/definitions';
import type { talentPoolFillingWorkflow } from './workflows';
import {
  getFillingStateQuery,
  talentFillingWorkflowId,
  type TalentPoolFillingInput,
  type TalentPoolFillingState,
} from './definitions';

export async function startTalentPoolFilling(client: Client, input: TalentPoolFillingInput, taskQueue = TASK_QUEUE) {
  return client.workflow.start<typeof talentPoolFillingWorkflow>('talentPoolFillingWorkflow', {
    taskQueue,
    workflowId: talentFillingWorkflowId(input.agency.code, input.fillingId),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: AgencyCodeKey, value: input.agency.code },
      { key: SelectionIdKey, value: input.fillingId },
      { key: SelectionStageKey, value: 'GATE_CHECK' },
    ],
    ...talentFillingMetadata(input),
  });
}

export function talentFillingHandle(client: Client, agencyCode: string, fillingId: string) {
  return client.workflow.getHandle<typeof talentPoolFillingWorkflow>(talentFillingWorkflowId(agencyCode, fillingId));
}

export async function queryFillingState(
  client: Client,
  agencyCode: string,
  fillingId: string,
): Promise<TalentPoolFillingState> {
  return talentFillingHandle(client, agencyCode, fillingId).query(getFillingStateQuery);
}

/** Runs a decision Update of a talent-pool filling; `updateId` makes a retry answer the first outcome. */
export async function executeFillingUpdate<Ret, Args extends [unknown]>(
  client: Client,
  agencyCode: string,
  fillingId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args[0],
  updateId?: string,
): Promise<Ret> {
  return talentFillingHandle(client, agencyCode, fillingId).executeUpdate(update, {
    args: [args] as Args,
    ...(updateId ? { updateId } : {}),
  });
}
