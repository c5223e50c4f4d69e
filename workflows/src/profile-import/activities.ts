/**
 * Activities of the import workflow: thin calls to the services, whose steps are idempotent. Profiles
 * are committed by the candidate service; the other kinds' chunks are read from it (where every import
 * is staged) and committed by the service that owns their data, then recorded back.
 */
import type {
  CommitImportRowsRequest,
  ImportChunkDto,
  ImportCountsDto,
  ImportKind,
  ProfileImportDto,
} from '@seleksi/domain';
import { callService } from '../activity-errors';

export interface ProfileImportPorts {
  candidate: {
    beginProfileImport(importId: string): Promise<boolean>;
    commitProfileImportChunk(importId: string, n: number, at: string): Promise<ImportCountsDto>;
    finishProfileImport(importId: string, committed: ImportCountsDto, at: string): Promise<ProfileImportDto>;
    getProfileImport(importId: string): Promise<ProfileImportDto | null>;
    getImportChunk(importId: string, n: number): Promise<ImportChunkDto>;
    importChunkCommitted(importId: string, n: number, counts: ImportCountsDto): Promise<ImportCountsDto>;
  };
  assessment: {
    commitImportRows(req: CommitImportRowsRequest): Promise<ImportCountsDto>;
  };
}

export function createProfileImportActivities({ candidate, assessment }: ProfileImportPorts) {
  /** A chunk of assessment results or target posts: read where it is staged, written by the assessment service. */
  async function commitOwnedChunk(importId: string, n: number, at: string): Promise<ImportCountsDto> {
    const chunk = await callService(() => candidate.getImportChunk(importId, n));
    if (chunk.committed) return chunk.committed;
    const imp = await callService(() => candidate.getProfileImport(importId));
    if (!imp || imp.kind === 'PROFILES') throw new Error(`import ${importId} is not of an owned kind`);
    const counts = await callService(() =>
      assessment.commitImportRows({
        kind: imp.kind as CommitImportRowsRequest['kind'],
        agencyCode: imp.agencyCode,
        rows: chunk.rows,
        classes: chunk.classes,
        source: { importId, fileName: imp.fileName, byUserId: imp.byUserId, byName: imp.byName, at },
      }),
    );
    return callService(() => candidate.importChunkCommitted(importId, n, counts));
  }

  return {
    /** false: the import was committed already. */
    beginImport(importId: string): Promise<boolean> {
      return callService(() => candidate.beginProfileImport(importId));
    },
    /** Writes chunk `n`; a retry answers the chunk's first outcome. */
    commitImportChunk(importId: string, n: number, at: string, kind?: ImportKind): Promise<ImportCountsDto> {
      if (kind && kind !== 'PROFILES') return commitOwnedChunk(importId, n, at);
      return callService(() => candidate.commitProfileImportChunk(importId, n, at));
    },
    async finishImport(importId: string, committed: ImportCountsDto, at: string): Promise<void> {
      await callService(() => candidate.finishProfileImport(importId, committed, at));
    },
  };
}
export type ProfileImportActivities = ReturnType<typeof createProfileImportActivities>;
