/**
 * Import of an agency's data (ASN profiles, assessment results, target posts; the name is the first
 * kind's): the commit of a previewed import, chunk by chunk.
 * Imported by workflow code, activities, the gateway and tests: no Node built-ins.
 */
import { defineQuery } from '@temporalio/workflow';
import type { ImportCountsDto, ImportKind } from '@seleksi/domain';

export interface ProfileImportInput {
  importId: string;
  agencyCode: string;
  chunkCount: number;
  /** What the import holds; absent = PROFILES (inputs from before the other kinds). */
  kind?: ImportKind;
  /** Chunks per run before continue-as-new (default CHUNKS_PER_RUN). */
  chunksPerRun?: number;
  /** Carried over by continue-as-new. */
  progress?: ProfileImportProgress;
}

export const PROFILE_IMPORT_RUN_STATUSES = ['STARTING', 'COMMITTING', 'COMPLETED'] as const;
export type ProfileImportRunStatus = (typeof PROFILE_IMPORT_RUN_STATUSES)[number];

export interface ProfileImportProgress {
  importId: string;
  status: ProfileImportRunStatus;
  chunkCount: number;
  chunksDone: number;
  committed: ImportCountsDto;
}

export const getImportProgressQuery = defineQuery<ProfileImportProgress>('getImportProgress');

/**
 * One id per agency, not per import nor per kind: Temporal refuses a second start while one runs, so two
 * imports of an agency (of any kinds) are never interleaved.
 */
export function profileImportWorkflowId(agencyCode: string): string {
  return `profile-import:${agencyCode}`;
}

/** Chunks (of IMPORT_CHUNK_ROWS rows) per run before continue-as-new: about 6 events each. */
export const CHUNKS_PER_RUN = 40;
