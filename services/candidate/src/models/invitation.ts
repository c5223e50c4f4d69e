import { Schema } from 'mongoose';

/**
 * An invitation of a talent to apply to an open selection (`InvitationDto`). `_id` is
 * `${selectionId}:${candidateId}`: inviting twice is a no-op, and the document is never updated.
 */
export interface InvitationDoc {
  _id: string;
  candidateId: string;
  selectionId: string;
  vacancyId: string;
  reason: string;
  invitedAt: Date;
  recordedAt: Date;
}

export const invitationSchema = new Schema<InvitationDoc>(
  {
    _id: { type: String, required: true },
    candidateId: { type: String, required: true },
    selectionId: { type: String, required: true },
    vacancyId: { type: String, required: true },
    reason: { type: String, required: true },
    invitedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Newest first per candidate (the portal's "you are invited") and per selection; _id breaks ties.
invitationSchema.index({ candidateId: 1, invitedAt: -1, _id: 1 });
invitationSchema.index({ selectionId: 1, invitedAt: -1, _id: 1 });
