/**
 * Talent mapping for one agency and period: maps the employees slot range by slot range (`employeeBucket`;
 * one heartbeating activity per batch of slots), keeps the progress queryable, and continues as new every
 * few dozen batches. A crashed worker resumes from the last finished batch (finished batches are in the
 * history and are never redone), and the interrupted batch from its last heartbeat (its writes are
 * idempotent). Runs started before the slots (no `progress.nextSlot`) keep paging by cursor.
 */
import {
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { TalentMappingActivities } from './activities';
import {
  BATCHES_PER_RUN,
  getMappingProgressQuery,
  SLOTS_PER_BATCH,
  startingMappingProgress,
  type TalentMappingInput,
  type TalentMappingProgress,
} from './definitions';
import { SelectionStageKey } from '../search-attributes';
import { batchDetails } from '../operator-view';
import { EMPLOYEE_BUCKETS } from '@seleksi/domain';

const acts = proxyActivities<TalentMappingActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function talentMappingWorkflow(input: TalentMappingInput): Promise<TalentMappingProgress> {
  const progress: TalentMappingProgress =
    input.progress ?? startingMappingProgress(input.agencyCode, input.period, new Date().toISOString());
  setHandler(getMappingProgressQuery, () => progress);

  if (progress.status === 'STARTING') {
    await acts.clearMap(input.agencyCode, input.period);
    // Counting an agency reads all of it on FerretDB: newer runs estimate the total from the slots instead.
    if (patched('talent-map-by-slot')) progress.nextSlot = 0;
    else progress.total = await acts.countEmployees(input.agencyCode);
    // Runs started before settings were pinned read them per batch (patched keeps their histories valid).
    if (patched('pin-talent-settings')) input.settings = await acts.readTalentSettings(input.agencyCode);
    progress.status = 'MAPPING';
    upsertSearchAttributes([{ key: SelectionStageKey, value: 'MAPPING' }]);
    setCurrentDetails(batchDetails(progress.status, progress.processed, progress.total || null, 'pegawai'));
  }

  // The run id ties every entry to this mapping run (the first run id survives continue-as-new).
  const runId = workflowInfo().firstExecutionRunId;
  let batchesThisRun = 0;
  while (progress.status === 'MAPPING' && progress.nextSlot !== undefined && input.settings) {
    const fromSlot = progress.nextSlot;
    const result = await acts.mapSlots({
      agencyCode: input.agencyCode,
      period: input.period,
      asOf: input.asOf,
      runId,
      fromSlot,
      toSlot: Math.min(EMPLOYEE_BUCKETS, fromSlot + (input.slotsPerBatch ?? SLOTS_PER_BATCH)),
      pageSize: input.batchSize,
      mappedAt: new Date().toISOString(),
      settings: input.settings,
    });
    progress.processed += result.processed;
    progress.unmapped += result.unmapped;
    for (const [box, n] of Object.entries(result.byBox)) progress.byBox[box] = (progress.byBox[box] ?? 0) + n;
    progress.batchesDone += 1;
    progress.nextSlot = result.nextSlot;
    progress.total = Math.round((progress.processed * EMPLOYEE_BUCKETS) / progress.nextSlot);
    setCurrentDetails(batchDetails(progress.status, progress.processed, progress.total || null, 'pegawai'));
    if (progress.nextSlot >= EMPLOYEE_BUCKETS) {
      progress.status = input.deriveSuccessionGroups ? 'DERIVING_KRS' : 'COMPLETED';
      break;
    }
    batchesThisRun += 1;
    if (batchesThisRun >= (input.batchesPerRun ?? BATCHES_PER_RUN)) {
      await continueAsNew<typeof talentMappingWorkflow>({ ...input, progress });
    }
  }

  while (progress.status === 'MAPPING') {
    const result = await acts.mapBatch({
      agencyCode: input.agencyCode,
      period: input.period,
      asOf: input.asOf,
      runId,
      after: progress.cursor,
      limit: input.batchSize,
      mappedAt: new Date().toISOString(),
      ...(input.settings ? { settings: input.settings } : {}),
    });
    progress.processed += result.processed;
    progress.unmapped += result.unmapped;
    for (const [box, n] of Object.entries(result.byBox)) progress.byBox[box] = (progress.byBox[box] ?? 0) + n;
    progress.batchesDone += 1;
    progress.cursor = result.nextCursor;
    setCurrentDetails(batchDetails(progress.status, progress.processed, progress.total || null, 'pegawai'));
    if (!result.nextCursor) {
      progress.status = input.deriveSuccessionGroups ? 'DERIVING_KRS' : 'COMPLETED';
      break;
    }
    batchesThisRun += 1;
    if (batchesThisRun >= (input.batchesPerRun ?? BATCHES_PER_RUN)) {
      await continueAsNew<typeof talentMappingWorkflow>({ ...input, progress });
    }
  }

  if (progress.status === 'DERIVING_KRS') {
    upsertSearchAttributes([{ key: SelectionStageKey, value: 'DERIVING_KRS' }]);
    setCurrentDetails(batchDetails(progress.status, progress.processed, progress.total || null, 'pegawai'));
    progress.successionGroups = await acts.deriveSuccessionGroups({
      agencyCode: input.agencyCode,
      period: input.period,
      asOf: input.asOf,
      publishedAt: new Date().toISOString(),
      ...(input.settings ? { settings: input.settings } : {}),
    });
    progress.status = 'COMPLETED';
  }
  progress.finishedAt = new Date().toISOString();
  upsertSearchAttributes([{ key: SelectionStageKey, value: 'COMPLETED' }]);
  setCurrentDetails(batchDetails(progress.status, progress.processed, progress.total || null, 'pegawai'));
  return progress;
}
