import { Schema } from 'mongoose';
import { PROFILE_CHANGE_KINDS, type ProfileChangeDto, type ProfileDto } from '@seleksi/domain';

/** What changed a profile: an import (its file) or a dispute decision (its reason); who and when. */
export type ProfileChangeDoc = Omit<ProfileChangeDto, 'at'> & { at: Date };

/**
 * A profile as it was before a change (personal data, like the profile), for imports and dispute decisions
 * alike. `_id` is the change's id (`<profileId>:<importId>`, or the decision's id), so recording it again is
 * a no-op.
 */
export interface ProfileVersionDoc {
  _id: string;
  profileId: string;
  agencyCode: string;
  previous: ProfileDto;
  /** What wrote `previous`, when known (an import); null when it was written otherwise. */
  previousSource: ProfileChangeDoc | null;
  replacedBy: ProfileChangeDoc;
  /** `replacedBy.at`, at the top for the index. */
  replacedAt: Date;
}

const changeSchema = new Schema<ProfileChangeDoc>(
  {
    kind: { type: String, enum: PROFILE_CHANGE_KINDS, required: true },
    id: { type: String, required: true },
    fileName: { type: String, default: null },
    reason: { type: String, default: null },
    byUserId: { type: String, required: true },
    byName: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const profileVersionSchema = new Schema<ProfileVersionDoc>(
  {
    _id: { type: String, required: true },
    profileId: { type: String, required: true },
    agencyCode: { type: String, required: true },
    previous: { type: Schema.Types.Mixed, required: true },
    previousSource: { type: changeSchema, default: null },
    replacedBy: { type: changeSchema, required: true },
    replacedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// A profile's history, newest first.
profileVersionSchema.index({ profileId: 1, replacedAt: -1 });
