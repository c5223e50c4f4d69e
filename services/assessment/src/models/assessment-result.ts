import { Schema } from 'mongoose';
import type { AssessmentResultDto } from '@seleksi/kit';
import type { ImportSource } from '@seleksi/kit';

export interface AssessmentResultDoc extends Omit<AssessmentResultDto, 'id'> {
  _id: string;
  updatedAt: Date;
  /** `employeeBucket(candidateId)`: talent mapping reads a page's results slot by slot (see profiles). */
  candidateBucket?: number;
  /** The import that last wrote the result (absent when written otherwise). */
  importedFrom?: ImportSource;
}

/** Scores are plain numbers (no Decimal128 on FerretDB); dates are local `YYYY-MM-DD` strings. */
export const assessmentResultSchema = new Schema<AssessmentResultDoc>(
  {
    _id: { type: String, required: true },
    candidateId: { type: String, required: true },
    provider: { type: String, required: true },
    assessedAt: { type: String, required: true },
    managerial: { type: Number, required: true, min: 0, max: 100 },
    socioCultural: { type: Number, required: true, min: 0, max: 100 },
    validUntil: { type: String, required: true },
    potentialLevel: { type: Number, min: 1, max: 3 },
    importedFrom: { type: Schema.Types.Mixed },
    updatedAt: { type: Date, required: true },
    candidateBucket: { type: Number },
  },
  { versionKey: false },
);
// Newest first per candidate, for one candidate or a batch of them.
assessmentResultSchema.index({ candidateId: 1, assessedAt: -1, _id: 1 });
// The results of a page of employees, slot by slot (talent mapping).
assessmentResultSchema.index({ candidateBucket: 1 });
