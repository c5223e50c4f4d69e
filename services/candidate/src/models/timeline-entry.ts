import { Schema } from 'mongoose';
import { APPLICATION_STATUSES, REASON_CODES, type ApplicationStatus, type ReasonCode } from '@seleksi/domain';

/** One entry of an application's timeline. `_id = compoundId(applicationId, eventId)`: inserting twice is a no-op. */
export interface TimelineEntryDoc {
  _id: string;
  applicationId: string;
  /** The application's candidate: "my applications" reads all their entries with one indexed equality (absent on entries stored before it existed). */
  candidateId?: string;
  eventId: string;
  at: Date;
  status: ApplicationStatus;
  reasonCode: ReasonCode;
  note: string | null;
  expectedNextAt: Date | null;
  recordedAt: Date;
  /** `feedBucketOf(recordedAt)`: the change feed's index (see feed-bucket.ts). */
  feedBucket: number;
}

export const timelineEntrySchema = new Schema<TimelineEntryDoc>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true, index: true },
    candidateId: { type: String, index: true },
    eventId: { type: String, required: true },
    at: { type: Date, required: true },
    status: { type: String, enum: APPLICATION_STATUSES, required: true },
    reasonCode: { type: String, enum: REASON_CODES, required: true },
    note: { type: String, default: null },
    expectedNextAt: { type: Date, default: null },
    recordedAt: { type: Date, required: true },
    feedBucket: { type: Number, required: true, index: true },
  },
  { versionKey: false },
);
// MongoDB serves the feed's (recordedAt, _id) order from this one; FerretDB needs `feedBucket`.
timelineEntrySchema.index({ recordedAt: 1, _id: 1 });
