import { Schema } from 'mongoose';
import type { ImportSource } from '@seleksi/kit';

/**
 * The previous version of a record an import changed (an assessment result, a target post): its
 * content and provenance, and who replaced it, when, from which file. One per record and import, so a
 * retried commit stores it once.
 */
export interface ImportVersionDoc {
  _id: string; // `${kind}:${subjectId}:${importId}`
  kind: 'ASSESSMENT_RESULTS' | 'TARGET_POSTS';
  agencyCode: string;
  /** The result's id, or `${agencyCode}:${postId}`. */
  subjectId: string;
  previous: Record<string, unknown>;
  previousSource: ImportSource | null;
  replacedBy: ImportSource;
}

export const importVersionSchema = new Schema<ImportVersionDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    agencyCode: { type: String, required: true },
    subjectId: { type: String, required: true },
    previous: { type: Schema.Types.Mixed, required: true },
    previousSource: { type: Schema.Types.Mixed, default: null },
    replacedBy: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false },
);
importVersionSchema.index({ subjectId: 1 });
