/** Client-side helpers for the profile import workflow (gateway, tests, benchmark). */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DomainError } from '@seleksi/domain';
import { AgencyCodeKey } from '../search-attributes';
import { batchMetadata } from '../operator-view';
import { TASK_QUEUE } from '../open-selection/definitions';
import type { profileImportWorkflow } from './workflows';
import {
  getImportProgressQuery,
  profileImportWorkflowId,
  type ProfileImportInput,
  type ProfileImportProgress,
} from './definitions';

/**
 * Starts the commit of a previewed import. While another import of the agency is being committed the
 * start is refused with IMPORT_RUNNING (never queued behind it nor interleaved with it).
 */
export async function startProfileImport(client: Client, input: ProfileImportInput, taskQueue = TASK_QUEUE) {
  const workflowId = profileImportWorkflowId(input.agencyCode);
  try {
    return await client.workflow.start<typeof profileImportWorkflow>('profileImportWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [{ key: AgencyCodeKey, value: input.agencyCode }],
      ...batchMetadata('Impor data', input.agencyCode, input.importId, [
        `**Jenis:** ${input.kind ?? 'PROFILES'}; **bagian:** ${input.chunkCount}`,
      ]),
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      throw new DomainError(
        'IMPORT_RUNNING',
        'Impor lain untuk instansi ini sedang diproses; tunggu sampai selesai lalu konfirmasi lagi',
        'importId',
      );
    throw err;
  }
}

/** The running (or last) import commit of an agency; null when none is reachable. */
export async function profileImportProgress(client: Client, agencyCode: string): Promise<ProfileImportProgress | null> {
  try {
    return await client.workflow.getHandle(profileImportWorkflowId(agencyCode)).query(getImportProgressQuery);
  } catch {
    return null;
  }
}
