import { Schema } from 'mongoose';

/**
 * An application (candidate × vacancy). Its timeline lives in `timelineEntries` and its status is
 * that of the latest entry, so concurrent appends never rewrite this document.
 */
export interface ApplicationDoc {
  _id: string;
  selectionId: string;
  vacancyId: string;
  candidateId: string;
  submittedAt: Date;
  createdAt: Date;
}

export const applicationSchema = new Schema<ApplicationDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true, index: true },
    vacancyId: { type: String, required: true },
    candidateId: { type: String, required: true, index: true },
    submittedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
applicationSchema.index({ vacancyId: 1, candidateId: 1 }, { unique: true });
