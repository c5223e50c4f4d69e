import { Schema } from 'mongoose';
import { NOTICE_KINDS, NOTICE_STATUSES, type NoticeKind, type NoticeStatus } from '@seleksi/domain';

/**
 * One notice of the outbox. `_id` is the event key: the timeline entry's or stage event's id (both derived
 * from the workflow's deterministic event ids) with the notice kind, so enqueuing it again — an activity
 * retried, a workflow continued as new and recording the event again — is a no-op.
 */
export interface NoticeDoc {
  _id: string;
  kind: NoticeKind;
  essential: boolean;
  /** A candidate's notice: the application and its candidate. */
  candidateId: string | null;
  applicationId: string | null;
  /** A staff notice: every account of this role at this agency. */
  role: string | null;
  agencyCode: string | null;
  selectionId: string;
  /** The `_id` of the timeline entry or stage event the notice tells of (its content is read from there). */
  sourceId: string;
  status: NoticeStatus;
  attempts: number;
  /** Short SMTP error of the last failed attempt (never an address: see the gateway's notifier). */
  lastError: string | null;
  /** When it may next be handed out; a claim pushes it out by the lease, so a crashed sender's claim expires. */
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

export const noticeSchema = new Schema<NoticeDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    essential: { type: Boolean, required: true },
    candidateId: { type: String, default: null },
    applicationId: { type: String, default: null },
    role: { type: String, default: null },
    agencyCode: { type: String, default: null },
    selectionId: { type: String, required: true },
    sourceId: { type: String, required: true },
    status: { type: String, enum: NOTICE_STATUSES, required: true },
    attempts: { type: Number, required: true },
    lastError: { type: String, default: null },
    nextAttemptAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false },
);
// The sender's "due" query and the administrators' list by status.
noticeSchema.index({ status: 1, nextAttemptAt: 1 });
