import { Schema } from 'mongoose';
import {
  PROFILE_IMPORT_STATUSES,
  type ImportCellError,
  type ImportCountsDto,
  type ImportedProfile,
  type ImportRowClass,
  type ProfileImportDto,
  type ProfileImportStatus,
} from '@seleksi/domain';

// The stored statuses and counts are those the service answers with.
export const IMPORT_STATUSES = PROFILE_IMPORT_STATUSES;
export type ImportStatus = ProfileImportStatus;
export type ImportCounts = ImportCountsDto;

/** Row outcome of an import, classified against the stored profiles. */
export type RowClass = ImportRowClass;

/**
 * One uploaded file of an agency, of any kind (profiles, assessment results, target posts): staged for
 * preview, then committed by its workflow. Profiles are classified and written here; the other kinds'
 * rows are classified and written by the service that owns them, and only staged here.
 */
export interface ProfileImportDoc extends Pick<
  ProfileImportDto,
  'agencyCode' | 'kind' | 'fileName' | 'fileSha256' | 'byUserId' | 'byName' | 'status'
> {
  _id: string;
  createdAt: Date;
  /** Data rows in the file, and those refused by validation in the gateway (not staged). */
  rows: number;
  refusedInFile: number;
  chunkCount: number;
  /** Classification at preview (refused includes the file's refused rows). */
  counts: ImportCounts;
  /** The first refusals (file and staging), for the preview. */
  rowErrors: ImportCellError[];
  chunksDone: number;
  /** Outcome of the commit, once completed. */
  committed: ImportCounts | null;
  committedAt: Date | null;
  /** Commit by NIP lookups, not as staged (another import of the agency was committed after this preview). */
  byNip?: boolean;
}

/**
 * Up to a thousand staged rows of an import, with their class at preview and, once committed, the outcome
 * (`rows` hold profiles for a profile import, the kind's rows otherwise).
 */
export interface ProfileImportChunkDoc {
  _id: string; // `${importId}:${n}`
  importId: string;
  n: number;
  lines: number[];
  rows: ImportedProfile[];
  classes: RowClass[];
  /** Per row: the stored profile's id (changed, unchanged) or the id staged for a new one; null when refused. */
  ids: (string | null)[];
  committed: ImportCounts | null;
}

const countsSchema = new Schema<ImportCounts>(
  { new: Number, changed: Number, unchanged: Number, refused: Number },
  { _id: false },
);

export const profileImportSchema = new Schema<ProfileImportDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    kind: { type: String, required: true },
    fileName: { type: String, required: true },
    fileSha256: { type: String, required: true },
    byUserId: { type: String, required: true },
    byName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    status: { type: String, enum: IMPORT_STATUSES, required: true },
    rows: { type: Number, required: true },
    refusedInFile: { type: Number, required: true },
    chunkCount: { type: Number, required: true },
    counts: { type: countsSchema, required: true },
    rowErrors: { type: Schema.Types.Mixed, default: [] },
    chunksDone: { type: Number, default: 0 },
    committed: { type: countsSchema, default: null },
    committedAt: { type: Date, default: null },
    byNip: { type: Boolean },
  },
  { versionKey: false },
);
// An agency's imports, newest first (the portal's list).
profileImportSchema.index({ agencyCode: 1, createdAt: -1 });

export const profileImportChunkSchema = new Schema<ProfileImportChunkDoc>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    n: { type: Number, required: true },
    lines: { type: [Number], default: [] },
    rows: { type: Schema.Types.Mixed, default: [] },
    classes: { type: [String], default: [] },
    ids: { type: [String], default: [] },
    committed: { type: countsSchema, default: null },
  },
  { versionKey: false },
);
profileImportChunkSchema.index({ importId: 1, n: 1 });

/** A staged chunk's counts and refusals (summed by the seal without reading the staged rows back). */
export interface ProfileImportStagedDoc {
  _id: string; // `${importId}:${n}`
  importId: string;
  n: number;
  counts: ImportCounts;
  refusals: ImportCellError[];
}

export const profileImportStagedSchema = new Schema<ProfileImportStagedDoc>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    n: { type: Number, required: true },
    counts: { type: countsSchema, required: true },
    refusals: { type: Schema.Types.Mixed, default: [] },
  },
  { versionKey: false },
);
profileImportStagedSchema.index({ importId: 1 });
