/** Client-side helpers for the IP ASN run (gateway, tests). */
import type { Client } from '@temporalio/client';
import { agencyRunProgress, startAgencyRun } from '../agency-runs';
import { TASK_QUEUE } from '../open-selection/definitions';
import type { ipAsnWorkflow } from './workflows';
import { getIpAsnProgressQuery, ipAsnWorkflowId, type IpAsnRunInput, type IpAsnRunProgress } from './definitions';

/**
 * Starts the IP ASN run of an agency for a period; a run already going for that period is reused (asking
 * twice starts one run), a finished one is run again (its scores and summary are replaced).
 */
export function startIpAsnRun(client: Client, input: IpAsnRunInput, taskQueue = TASK_QUEUE) {
  return startAgencyRun<typeof ipAsnWorkflow>(client, {
    workflowType: 'ipAsnWorkflow',
    workflowId: ipAsnWorkflowId(input.agencyCode, input.period),
    agencyCode: input.agencyCode,
    args: [input],
    taskQueue,
    title: 'Pengukuran IP ASN',
    reference: String(input.period),
  });
}

/** The run's progress; null when none was started (or it is unreachable). */
export function ipAsnRunProgress(client: Client, agencyCode: string, period: number): Promise<IpAsnRunProgress | null> {
  return agencyRunProgress(client, ipAsnWorkflowId(agencyCode, period), getIpAsnProgressQuery);
}
