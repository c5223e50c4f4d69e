import { Schema } from 'mongoose';
import {
  PROFILE_DISPUTE_OUTCOMES,
  type Actor,
  type ProfileCorrections,
  type ProfileDisputeOutcome,
  type ProfileDto,
  type ProfileField,
} from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * The staff's decision on one dispute (`_id` = disputeId): inserted once, so two deciders (or a retry)
 * never both win — a unique insert, since FerretDB v1 does not apply a conditional update atomically.
 * Keeps the dispute as it was and, for an acceptance, the profile before it changed.
 */
export interface ProfileDisputeDecisionDoc {
  _id: string;
  decisionId: string;
  candidateId: string;
  agencyCode: string;
  dispute: { note: string; fields: ProfileField[]; at: Date; by: Actor };
  outcome: ProfileDisputeOutcome;
  reason: string | null;
  corrections: ProfileCorrections;
  corrected: ProfileField[];
  /** The profile as it was when decided (an acceptance's previous version). */
  before: ProfileDto;
  by: Actor;
  at: Date;
  recordedAt: Date;
}

export const profileDisputeDecisionSchema = new Schema<ProfileDisputeDecisionDoc>(
  {
    _id: { type: String, required: true },
    decisionId: { type: String, required: true },
    candidateId: { type: String, required: true },
    agencyCode: { type: String, required: true },
    dispute: { type: Schema.Types.Mixed, required: true },
    outcome: { type: String, enum: PROFILE_DISPUTE_OUTCOMES, required: true },
    reason: { type: String, default: null },
    corrections: { type: Schema.Types.Mixed, default: {} },
    corrected: { type: [String], default: [] },
    before: { type: Schema.Types.Mixed, required: true },
    by: { type: actorSchema, required: true },
    at: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
profileDisputeDecisionSchema.index({ candidateId: 1, at: 1 });
