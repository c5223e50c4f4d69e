/**
 * Commits a previewed import (of any kind) chunk by chunk (one idempotent activity each), keeps its progress
 * queryable and in the candidate service's import record (the portal's progress bar), and continues as
 * new every CHUNKS_PER_RUN chunks so the history stays bounded at any file size.
 */
import { continueAsNew, proxyActivities, setCurrentDetails, setHandler } from '@temporalio/workflow';
import { batchDetails } from '../operator-view';
import type { ProfileImportActivities } from './activities';
import {
  CHUNKS_PER_RUN,
  getImportProgressQuery,
  type ProfileImportInput,
  type ProfileImportProgress,
} from './definitions';

const acts = proxyActivities<ProfileImportActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['NOT_FOUND'] },
});

export async function profileImportWorkflow(input: ProfileImportInput): Promise<ProfileImportProgress> {
  const progress: ProfileImportProgress = input.progress ?? {
    importId: input.importId,
    status: 'STARTING',
    chunkCount: input.chunkCount,
    chunksDone: 0,
    committed: { new: 0, changed: 0, unchanged: 0, refused: 0 },
  };
  setHandler(getImportProgressQuery, () => progress);

  if (progress.status === 'STARTING') {
    // An import committed already (a confirmation sent again) has nothing left to do.
    if (!(await acts.beginImport(input.importId))) {
      progress.status = 'COMPLETED';
      return progress;
    }
    progress.status = 'COMMITTING';
  }
  setCurrentDetails(batchDetails(progress.status, progress.chunksDone, progress.chunkCount, 'bagian'));

  let chunksThisRun = 0;
  while (progress.chunksDone < progress.chunkCount) {
    if (chunksThisRun >= (input.chunksPerRun ?? CHUNKS_PER_RUN))
      await continueAsNew<typeof profileImportWorkflow>({ ...input, progress });
    const at = new Date().toISOString();
    // Profiles keep the three-argument call that running imports replay.
    const counts =
      input.kind && input.kind !== 'PROFILES'
        ? await acts.commitImportChunk(input.importId, progress.chunksDone, at, input.kind)
        : await acts.commitImportChunk(input.importId, progress.chunksDone, at);
    for (const k of ['new', 'changed', 'unchanged', 'refused'] as const) progress.committed[k] += counts[k];
    progress.chunksDone += 1;
    chunksThisRun += 1;
    setCurrentDetails(batchDetails(progress.status, progress.chunksDone, progress.chunkCount, 'bagian'));
  }
  await acts.finishImport(input.importId, progress.committed, new Date().toISOString());
  progress.status = 'COMPLETED';
  setCurrentDetails(batchDetails(progress.status, progress.chunksDone, progress.chunkCount, 'bagian'));
  return progress;
}
