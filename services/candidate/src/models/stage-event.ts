import { Schema } from 'mongoose';
import { REASON_CODES, SELECTION_STAGES, type ReasonCode, type SelectionStage } from '@seleksi/domain';

/** One entry of a selection's stage history. `_id = compoundId(selectionId, eventId)`: inserting twice is a no-op. */
export interface StageEventDoc {
  _id: string;
  selectionId: string;
  eventId: string;
  stage: SelectionStage;
  at: Date;
  reasonCode: ReasonCode;
  expectedNextAt: Date | null;
  recordedAt: Date;
  /** `feedBucketOf(recordedAt)`: the change feed's index (see feed-bucket.ts). */
  feedBucket: number;
}

export const stageEventSchema = new Schema<StageEventDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true },
    eventId: { type: String, required: true },
    stage: { type: String, enum: SELECTION_STAGES, required: true },
    at: { type: Date, required: true },
    reasonCode: { type: String, enum: REASON_CODES, required: true },
    expectedNextAt: { type: Date, default: null },
    recordedAt: { type: Date, required: true },
    feedBucket: { type: Number, required: true, index: true },
  },
  { versionKey: false },
);
stageEventSchema.index({ selectionId: 1, at: 1 });
// MongoDB serves the feed's (recordedAt, _id) order from this one; FerretDB needs `feedBucket`.
stageEventSchema.index({ recordedAt: 1, _id: 1 });
