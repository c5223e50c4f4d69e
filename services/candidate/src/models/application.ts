import { Schema } from 'mongoose';
import type { ScreeningDto } from '@seleksi/domain';
import { actorSchema } from './actor';

/**
 * An application (candidate × vacancy). Its timeline lives in `timelineEntries` and its status is
 * that of the latest entry, so concurrent appends never rewrite this document. The only field ever
 * rewritten is `screening`, and only by the selection's workflow (its single writer).
 */
export interface ApplicationDoc {
  _id: string;
  selectionId: string;
  vacancyId: string;
  candidateId: string;
  submittedAt: Date;
  createdAt: Date;
  /** `applicationSlot(_id)`: a stage event's fan-out pages by (selectionId, slot). */
  slot: number;
  /** Absent on applications created before the field existed or without a declaration. */
  homePpkPermission?: boolean;
  screening?: ScreeningDoc | null;
}

export interface ScreeningDoc extends Omit<ScreeningDto, 'decidedAt'> {
  decidedAt: Date;
}

const requirementSchema = new Schema(
  {
    key: { type: String, required: true },
    label: { type: String, required: true },
    met: { type: Boolean, required: true },
    detail: { type: String, default: '' },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const screeningSchema = new Schema<ScreeningDoc>(
  {
    eligible: { type: Boolean, required: true },
    requirements: { type: [requirementSchema], default: [] },
    rulesVersion: { type: String, required: true },
    decidedBy: { type: String, enum: ['ENGINE', 'PANSEL'], required: true },
    overrideReason: { type: String, default: null },
    decidedAt: { type: Date, required: true },
    actor: { type: actorSchema, default: null },
  },
  { _id: false },
);

export const applicationSchema = new Schema<ApplicationDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true, index: true },
    vacancyId: { type: String, required: true },
    candidateId: { type: String, required: true, index: true },
    submittedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    slot: { type: Number, required: true },
    homePpkPermission: { type: Boolean },
    screening: { type: screeningSchema, default: undefined },
  },
  { versionKey: false },
);
applicationSchema.index({ vacancyId: 1, candidateId: 1 }, { unique: true });
applicationSchema.index({ selectionId: 1, slot: 1 });
