import { Schema } from 'mongoose';
import { AGENCY_TIME_ZONES, type AgencyDto } from '@seleksi/domain';

export interface AgencyDoc extends Omit<AgencyDto, 'code'> {
  _id: string; // the agency code
  updatedAt: Date;
}

export const agencySchema = new Schema<AgencyDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    address: { type: String, default: '' },
    city: { type: String, required: true },
    province: { type: String, default: '' },
    timeZone: { type: String, enum: AGENCY_TIME_ZONES, required: true },
    kind: { type: String, enum: ['CENTRAL', 'PROVINCE', 'REGENCY', 'CITY'], required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
