import { Schema } from 'mongoose';
import type { Actor, ProfileDto } from '@seleksi/domain';
import { actorSchema } from './actor';

/**
 * A profile as it was before a change (personal data, like the profile): who replaced it, when, why and
 * through what. `_id` is the change's id, so recording it again is a no-op.
 */
export interface ProfileVersionDoc {
  _id: string;
  profileId: string;
  profile: ProfileDto;
  replacedBy: Actor;
  replacedAt: Date;
  reason: string | null;
  /** What changed it, e.g. `{ kind: 'PROFILE_DISPUTE', id: <disputeId> }`. */
  source: { kind: string; id: string };
}

export const profileVersionSchema = new Schema<ProfileVersionDoc>(
  {
    _id: { type: String, required: true },
    profileId: { type: String, required: true },
    profile: { type: Schema.Types.Mixed, required: true },
    replacedBy: { type: actorSchema, required: true },
    replacedAt: { type: Date, required: true },
    reason: { type: String, default: null },
    source: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);
// A profile's history, newest first.
profileVersionSchema.index({ profileId: 1, replacedAt: 1 });
