import { Schema } from 'mongoose';
import type { Actor } from '@seleksi/domain';
import { actorSchema } from './actor';

/**
 * One human decision (`AuditRecordDto`). `_id` is the decisionId: recording it twice is a no-op, and
 * the document is never updated.
 */
export interface AuditRecordDoc {
  _id: string;
  selectionId: string;
  workflowId: string;
  kind: string;
  by: Actor;
  at: Date;
  reason: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  recordedAt: Date;
}

export const auditRecordSchema = new Schema<AuditRecordDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true },
    workflowId: { type: String, required: true },
    kind: { type: String, required: true },
    by: { type: actorSchema, required: true },
    at: { type: Date, required: true },
    reason: { type: String, default: null },
    subjectId: { type: String, default: null },
    payload: { type: Schema.Types.Mixed, default: {} },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// Oldest-first lists per selection or per subject; _id breaks ties for the cursor.
auditRecordSchema.index({ selectionId: 1, at: 1, _id: 1 });
auditRecordSchema.index({ subjectId: 1, at: 1, _id: 1 });
auditRecordSchema.index({ at: 1, _id: 1 });
