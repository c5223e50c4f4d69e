/**
 * The kinds of data an agency imports through the one import pipeline (parse → preview → confirm →
 * commit in chunks by the import workflow): what each is called, its template and its columns.
 */
import { ASSESSMENT_RESULT_COLUMNS, type ImportedAssessmentResult } from './assessment-results';
import { PROFILE_COLUMNS, type ImportCellError, type ImportColumn, type ImportSourceDto } from './profiles';
import { TARGET_POST_COLUMNS, type ImportedTargetPost } from './target-posts';

export const IMPORT_KINDS = ['PROFILES', 'ASSESSMENT_RESULTS', 'TARGET_POSTS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(v: unknown): v is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(v);
}

export interface ImportKindInfo {
  /** Indonesian name, as the portal shows it. */
  label: string;
  /** Template file name without extension (`/imports/templates/<name>.xlsx|csv`). */
  template: string;
  columns: readonly ImportColumn[];
}

export const IMPORT_KIND_INFO: Readonly<Record<ImportKind, ImportKindInfo>> = {
  PROFILES: { label: 'Profil ASN', template: 'profil-asn', columns: PROFILE_COLUMNS },
  ASSESSMENT_RESULTS: {
    label: 'Hasil asesmen kompetensi',
    template: 'hasil-asesmen',
    columns: ASSESSMENT_RESULT_COLUMNS,
  },
  TARGET_POSTS: { label: 'Jabatan target', template: 'jabatan-target', columns: TARGET_POST_COLUMNS },
};

/** A staged row's outcome, classified against the stored data at preview. */
export const IMPORT_ROW_CLASSES = ['NEW', 'CHANGED', 'UNCHANGED', 'REFUSED'] as const;
export type ImportRowClass = (typeof IMPORT_ROW_CLASSES)[number];

/** A row of a kind other than profiles, as staged and committed (profiles have their own path). */
export type ImportedRow = ImportedAssessmentResult | ImportedTargetPost;

/** Classification of a chunk's rows by the service that owns the kind's data (assessment service). */
export interface ClassifyImportRowsRequest {
  kind: Exclude<ImportKind, 'PROFILES'>;
  agencyCode: string;
  rows: ImportedRow[];
}

export interface ClassifyImportRowsResult {
  classes: ImportRowClass[];
}

/** A staged chunk of a kind other than profiles: rows classified already by the owning service. */
export interface StageClassifiedChunkRequest {
  lines: number[];
  rows: ImportedRow[];
  classes: ImportRowClass[];
  /** Refusals of REFUSED rows, by line. */
  refusals: ImportCellError[];
}

/** A staged chunk as the import workflow reads it back for the commit. */
export interface ImportChunkDto {
  importId: string;
  n: number;
  lines: number[];
  rows: ImportedRow[];
  classes: ImportRowClass[];
  committed: { new: number; changed: number; unchanged: number; refused: number } | null;
}

/**
 * Commit of a chunk's rows at the owning service: idempotent (a row this import wrote already counts
 * as its staged class; a changed row keeps its previous version once per import).
 */
export interface CommitImportRowsRequest {
  kind: Exclude<ImportKind, 'PROFILES'>;
  agencyCode: string;
  rows: ImportedRow[];
  classes: ImportRowClass[];
  source: ImportSourceDto;
}

/** The previous version of a record an import of another kind changed (result or target post). */
export interface ImportVersionDto {
  kind: Exclude<ImportKind, 'PROFILES'>;
  /** The result's id, or `${agencyCode}:${postId}`. */
  subjectId: string;
  previous: Record<string, unknown>;
  previousSource: ImportSourceDto | null;
  replacedBy: ImportSourceDto;
}
