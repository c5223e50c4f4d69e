import { Schema } from 'mongoose';
import type { Actor } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * One human decision (`AuditRecordDto`). `_id` is the decisionId: recording it twice is a no-op, and
 * the document is never updated.
 */
export interface AuditRecordDoc {
  _id: string;
  selectionId: string;
  workflowId: string;
  kind: string;
  /**
   * The agency, from `workflowId` (`selection:<agency>:…`, `talent-filling:<agency>:…`): not hashed (derived),
   * stored so the oversight signals read one agency's records of a kind through an index.
   */
  agencyCode?: string | null;
  by: Actor;
  at: Date;
  reason: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  recordedAt: Date;
  /** Position in the record's chain (its `selectionId`), from 1; see `audit-chain.ts`. */
  seq: number;
  /** The previous record's `hash` (zeros for the first). */
  prevHash: string;
  /** SHA-256 over the record's canonical encoding, `seq` and `prevHash`. */
  hash: string;
}

export const auditRecordSchema = new Schema<AuditRecordDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true },
    workflowId: { type: String, required: true },
    kind: { type: String, required: true },
    agencyCode: { type: String, default: null },
    by: { type: actorSchema, required: true },
    at: { type: Date, required: true },
    reason: { type: String, default: null },
    subjectId: { type: String, default: null },
    payload: { type: Schema.Types.Mixed, default: {} },
    recordedAt: { type: Date, required: true },
    seq: { type: Number },
    prevHash: { type: String },
    hash: { type: String },
  },
  { versionKey: false, minimize: false },
);
// Oldest-first lists per selection or per subject; _id breaks ties for the cursor.
auditRecordSchema.index({ selectionId: 1, at: 1, _id: 1 });
auditRecordSchema.index({ subjectId: 1, at: 1, _id: 1 });
auditRecordSchema.index({ at: 1, _id: 1 });
// The oversight signals: the records of one kind, across agencies or for one agency, oldest first.
auditRecordSchema.index({ kind: 1, at: 1, _id: 1 });
auditRecordSchema.index({ kind: 1, agencyCode: 1, at: 1, _id: 1 });
// One record per link: two writers appending at once cannot both take a sequence number. Built after
// `chainLegacyAuditRecords` gave every stored record its `seq`.
auditRecordSchema.index({ selectionId: 1, seq: 1 }, { unique: true });
