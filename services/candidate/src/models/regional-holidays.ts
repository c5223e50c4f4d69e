import { Schema } from 'mongoose';
import type { RegionalDayOff } from '@seleksi/domain';

/**
 * An agency's regional days off (a governor's or regent's decree), one document per agency
 * (`_id` = agency code), replaced whole on each save.
 */
export interface RegionalHolidaysDoc {
  _id: string;
  days: RegionalDayOff[];
  revision: number;
  updatedAt: Date;
}

const regionalDayOffSchema = new Schema<RegionalDayOff>(
  {
    date: { type: String, required: true },
    name: { type: String, required: true },
    basis: { type: String, required: true },
  },
  { _id: false },
);

export const regionalHolidaysSchema = new Schema<RegionalHolidaysDoc>(
  {
    _id: { type: String, required: true },
    days: { type: [regionalDayOffSchema], default: [] },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
