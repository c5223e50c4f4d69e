import { Schema } from 'mongoose';
import {
  PROFILE_CONFIRMATION_STATUSES,
  type ProfileDisputeResolutionDto,
  PROFILE_FIELDS,
  type Actor,
  type ProfileConfirmationStatus,
  type ProfileField,
} from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * A candidate's confirmation or dispute of their ASN profile (`_id` = candidate id). Kept apart from
 * the profile, which the civil-service register's import replaces wholesale.
 */
export interface ProfileConfirmationDoc {
  _id: string;
  status: Exclude<ProfileConfirmationStatus, 'UNCONFIRMED'>;
  note: string | null;
  fields: ProfileField[];
  at: Date;
  by: Actor;
  updatedAt: Date;
  /** A dispute's own id (a new one per dispute): what the staff decide on. Absent on older records. */
  disputeId?: string | null;
  /** The profile's agency when disputed: whose staff see the dispute in their queue. */
  agencyCode?: string | null;
  /** True while a dispute waits for the staff's decision. */
  open?: boolean;
  resolution?: ProfileDisputeResolutionDto | null;
}

export const profileConfirmationSchema = new Schema<ProfileConfirmationDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, enum: PROFILE_CONFIRMATION_STATUSES, required: true },
    note: { type: String, default: null },
    fields: { type: [{ type: String, enum: PROFILE_FIELDS }], default: [] },
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    updatedAt: { type: Date, required: true },
    disputeId: { type: String, default: null },
    agencyCode: { type: String, default: null },
    open: { type: Boolean, default: false },
    resolution: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);
// The staff's queue: an agency's open disputes, oldest first (equalities FerretDB pushes down).
profileConfirmationSchema.index({ agencyCode: 1, open: 1, at: 1, _id: 1 });
profileConfirmationSchema.index({ open: 1, at: 1, _id: 1 });
profileConfirmationSchema.index({ disputeId: 1 });
