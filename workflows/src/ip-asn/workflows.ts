/**
 * The IP ASN of an agency for a period: clear the period, score the employees slot range by slot range
 * (one activity per batch; the tally of each batch is in the history, so a crashed worker resumes from the
 * last finished batch and a retried batch rewrites the same scores), then store the summary. 16 batches:
 * the history stays small at any agency size, no continue-as-new needed.
 */
import { proxyActivities, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { batchDetails } from '../operator-view';
import { EMPLOYEE_BUCKETS, emptyIpAsnTally, mergeIpAsnTallies } from '@seleksi/domain';
import type { IpAsnActivities } from './activities';
import {
  getIpAsnProgressQuery,
  IP_ASN_SLOTS_PER_BATCH,
  type IpAsnRunInput,
  type IpAsnRunProgress,
} from './definitions';
import { SelectionStageKey } from '../search-attributes';

const acts = proxyActivities<IpAsnActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function ipAsnWorkflow(input: IpAsnRunInput): Promise<IpAsnRunProgress> {
  const progress: IpAsnRunProgress = {
    agencyCode: input.agencyCode,
    period: input.period,
    status: 'STARTING',
    nextSlot: 0,
    tally: emptyIpAsnTally(),
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  setHandler(getIpAsnProgressQuery, () => progress);

  await acts.clearIpAsnScores(input.agencyCode, input.period);
  progress.status = 'SCORING';
  upsertSearchAttributes([{ key: SelectionStageKey, value: 'SCORING' }]);
  setCurrentDetails(batchDetails(progress.status, progress.nextSlot, EMPLOYEE_BUCKETS, 'slot pegawai'));
  // One computation instant for every score of the run.
  const computedAt = new Date().toISOString();
  while (progress.nextSlot < EMPLOYEE_BUCKETS) {
    const toSlot = Math.min(EMPLOYEE_BUCKETS, progress.nextSlot + (input.slotsPerBatch ?? IP_ASN_SLOTS_PER_BATCH));
    const tally = await acts.scoreIpAsnSlots({
      agencyCode: input.agencyCode,
      period: input.period,
      fromSlot: progress.nextSlot,
      toSlot,
      settings: input.settings,
      computedAt,
    });
    progress.tally = mergeIpAsnTallies(progress.tally, tally);
    progress.nextSlot = toSlot;
    setCurrentDetails(batchDetails(progress.status, progress.nextSlot, EMPLOYEE_BUCKETS, 'slot pegawai'));
  }
  await acts.putIpAsnSummary(input.agencyCode, input.period, {
    tally: progress.tally,
    settings: input.settings,
    computedAt,
  });
  progress.status = 'COMPLETED';
  progress.finishedAt = new Date().toISOString();
  upsertSearchAttributes([{ key: SelectionStageKey, value: 'COMPLETED' }]);
  setCurrentDetails(batchDetails(progress.status, progress.nextSlot, EMPLOYEE_BUCKETS, 'slot pegawai'));
  return progress;
}
