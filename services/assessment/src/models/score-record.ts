import { Schema } from 'mongoose';
import { SCORE_KINDS, type ScoreRecordDto } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/** One score of an application (`ScoreRecordDto`), replaced as a whole by id. */
export interface ScoreRecordDoc extends Omit<ScoreRecordDto, 'id' | 'recordedAt'> {
  _id: string;
  recordedAt: Date;
  updatedAt: Date;
  /** `employeeBucket(candidateId)`: talent mapping reads a page's records slot by slot (see profiles). */
  candidateBucket?: number;
}

export const scoreRecordSchema = new Schema<ScoreRecordDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true },
    applicationId: { type: String, required: true, index: true },
    candidateId: { type: String, required: true },
    kind: { type: String, enum: SCORE_KINDS, required: true },
    memberId: { type: String, default: null },
    round: { type: Number, required: true, min: 0 },
    value: { type: Number, required: true, min: 0, max: 100 },
    // A plain object of numbers (keys validated by the route's schema).
    components: { type: Schema.Types.Mixed, default: null },
    note: { type: String, default: null },
    recordedBy: { type: actorSchema, required: true },
    recordedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    candidateBucket: { type: Number },
  },
  { versionKey: false, minimize: false },
);
scoreRecordSchema.index({ selectionId: 1, applicationId: 1 });
// Track records (and any kind) of a batch of candidates, for talent mapping.
scoreRecordSchema.index({ candidateId: 1, kind: 1 });
// The same for a page of employees, slot by slot.
scoreRecordSchema.index({ candidateBucket: 1, kind: 1 });
