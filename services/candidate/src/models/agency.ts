import { Schema } from 'mongoose';
import {
  AGENCY_KINDS,
  AGENCY_OFFICIAL_ROLES,
  AGENCY_TIME_ZONES,
  LEGACY_AGENCY_KINDS,
  type AgencyDto,
} from '@seleksi/domain';

export interface AgencyDoc extends Omit<AgencyDto, 'code'> {
  _id: string; // the agency code
  updatedAt: Date;
}

const officialFields = {
  name: { type: String, required: true },
  title: { type: String, required: true },
  nip: { type: String, default: null },
} as const;
const officialSchema = new Schema(officialFields, { _id: false });

export const agencySchema = new Schema<AgencyDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    address: { type: String, default: '' },
    city: { type: String, required: true },
    province: { type: String, default: '' },
    timeZone: { type: String, enum: AGENCY_TIME_ZONES, required: true },
    // Legacy kinds stay readable; they are answered as the current ones (agencyKindOf).
    kind: { type: String, enum: [...AGENCY_KINDS, ...LEGACY_AGENCY_KINDS], required: true },
    region: { type: String },
    addressLines: { type: [String], default: undefined },
    // No defaults: a record written before these settings answers exactly its old fields.
    phone: { type: String },
    email: { type: String },
    website: { type: String },
    serviceHours: { type: String },
    logo: {
      type: new Schema(
        { sha256: String, contentType: String, width: Number, height: Number, bytes: Number },
        { _id: false },
      ),
    },
    registers: {
      type: [new Schema({ documentClass: String, pattern: String }, { _id: false })],
      default: undefined,
    },
    officials: {
      type: [new Schema({ role: { type: String, enum: AGENCY_OFFICIAL_ROLES }, ...officialFields }, { _id: false })],
      default: undefined,
    },
    // Per selection round: a handful a year, so they live on the agency's record (one read at issue time).
    selectionOfficials: {
      type: [
        new Schema(
          {
            selectionId: { type: String, required: true },
            chair: { type: officialSchema, default: null },
            secretary: { type: officialSchema, default: null },
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    version: { type: Number },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
