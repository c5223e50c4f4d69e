/** Activities of the profile import: thin calls to the candidate service, whose steps are idempotent. */
import type { ImportCountsDto, ProfileImportDto } from '@seleksi/domain';
import { callService } from '../activity-errors';

export interface ProfileImportPorts {
  candidate: {
    beginProfileImport(importId: string): Promise<boolean>;
    commitProfileImportChunk(importId: string, n: number, at: string): Promise<ImportCountsDto>;
    finishProfileImport(importId: string, committed: ImportCountsDto, at: string): Promise<ProfileImportDto>;
  };
}

export function createProfileImportActivities({ candidate }: ProfileImportPorts) {
  return {
    /** false: the import was committed already. */
    beginImport(importId: string): Promise<boolean> {
      return callService(() => candidate.beginProfileImport(importId));
    },
    /** Writes chunk `n`; a retry answers the chunk's first outcome. */
    commitImportChunk(importId: string, n: number, at: string): Promise<ImportCountsDto> {
      return callService(() => candidate.commitProfileImportChunk(importId, n, at));
    },
    async finishImport(importId: string, committed: ImportCountsDto, at: string): Promise<void> {
      await callService(() => candidate.finishProfileImport(importId, committed, at));
    },
  };
}
export type ProfileImportActivities = ReturnType<typeof createProfileImportActivities>;
