/** Client-side helpers for the open selection, used by the gateway and tests (not by workflow code). */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { selectionWorkflowId } from '@seleksi/domain';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import type { openSelectionWorkflow } from './workflows';
import {
  submitApplicationUpdate,
  TASK_QUEUE,
  type OpenSelectionInput,
  type SubmitApplicationArgs,
  type SubmitApplicationResult,
} from './definitions';

export async function startOpenSelection(
  client: Client,
  input: OpenSelectionInput,
  taskQueue = TASK_QUEUE,
): Promise<WorkflowHandle<typeof openSelectionWorkflow>> {
  return client.workflow.start<typeof openSelectionWorkflow>('openSelectionWorkflow', {
    taskQueue,
    workflowId: selectionWorkflowId(input.agency.code, input.selectionId),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: AgencyCodeKey, value: input.agency.code },
      { key: SelectionIdKey, value: input.selectionId },
      { key: SelectionStageKey, value: 'PLANNED' },
    ],
    memo: { title: input.title },
  });
}

export function openSelectionHandle(client: Client, agencyCode: string, selectionId: string) {
  return client.workflow.getHandle<typeof openSelectionWorkflow>(selectionWorkflowId(agencyCode, selectionId));
}

/** Submits an application as a validated Update: the answer says accepted (with the record) or why not. */
export async function submitApplication(
  client: Client,
  agencyCode: string,
  selectionId: string,
  args: SubmitApplicationArgs,
): Promise<SubmitApplicationResult> {
  return openSelectionHandle(client, agencyCode, selectionId).executeUpdate(submitApplicationUpdate, { args: [args] });
}
