import { Schema } from 'mongoose';
import type { ImportSource } from '@seleksi/kit';
import { EDUCATION_LEVELS, POSITION_KINDS, SANCTION_LEVELS, SKP_PREDICATES, type ProfileDto } from '@seleksi/domain';

export interface ProfileDoc extends Omit<ProfileDto, 'id'> {
  _id: string;
  updatedAt: Date;
  /** `employeeBucket(_id)`: agencies are paged slot by slot (absent on profiles stored before it existed). */
  mapBucket?: number;
  /** The import that last wrote the profile (absent when written otherwise). */
  importedFrom?: ImportSource;
}

const careerSchema = new Schema(
  {
    position: { type: String, required: true },
    positionKind: { type: String, enum: POSITION_KINDS, required: true },
    unit: { type: String, default: '' },
    agencyCode: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, default: null },
    // Fields of work of the post (optional; absent, not [], when not given).
    fields: { type: [String], default: undefined },
  },
  { _id: false },
);

const skpSchema = new Schema(
  {
    year: { type: Number, required: true },
    predicate: { type: String, enum: SKP_PREDICATES, required: true },
  },
  { _id: false },
);

/** Personal data: NIP and name never go into logs (see kit's logger redaction). */
export const profileSchema = new Schema<ProfileDoc>(
  {
    _id: { type: String, required: true },
    // Required so the unique index behaves the same on MongoDB and FerretDB (missing = SQL NULL there).
    nip: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    rank: { type: String, required: true },
    rankSince: { type: String },
    agencyCode: { type: String, required: true },
    education: { type: String, enum: EDUCATION_LEVELS, required: true },
    educationMajor: { type: String },
    careers: { type: [careerSchema], default: [] },
    skp: { type: [skpSchema], default: [] },
    lhkpnFiled: { type: Boolean, required: true },
    disciplinarySanction: { type: Boolean, required: true },
    trainings: { type: [String], default: undefined },
    // IP ASN inputs (absent, not [], when the import did not give them).
    developmentHours: {
      type: [
        new Schema({ year: { type: Number, required: true }, hours: { type: Number, required: true } }, { _id: false }),
      ],
      default: undefined,
    },
    sanctions: {
      type: [
        new Schema(
          { level: { type: String, enum: SANCTION_LEVELS, required: true }, since: { type: String, required: true } },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    // Personal data (never logged): matched against a candidate's self-registration.
    email: { type: String },
    updatedAt: { type: Date, required: true },
    mapBucket: { type: Number },
    importedFrom: {
      type: new Schema(
        { importId: String, fileName: String, byUserId: String, byName: String, at: Date },
        { _id: false },
      ),
    },
  },
  { versionKey: false },
);
// Profiles of an agency (counts; pages of cursors from before mapBucket).
profileSchema.index({ agencyCode: 1, _id: 1 });
// Pages of an agency, slot by slot: an equality on both, which FerretDB answers from an index.
profileSchema.index({ agencyCode: 1, mapBucket: 1, _id: 1 });
