import { Schema } from 'mongoose';
import {
  PROFILE_CONFIRMATION_STATUSES,
  PROFILE_FIELDS,
  type Actor,
  type ProfileConfirmationStatus,
  type ProfileField,
} from '@seleksi/domain';
import { actorSchema } from './actor';

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
  },
  { versionKey: false },
);
