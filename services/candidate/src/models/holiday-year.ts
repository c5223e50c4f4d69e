import { Schema } from 'mongoose';
import type { DayOff } from '@seleksi/domain';

/**
 * One amendment of a year of the holiday calendar. Append-only: `_id = compoundId(year, revision)`,
 * so two administrators saving at once cannot both write the same revision (FerretDB updates are not
 * atomic, inserts on the primary key are). The year's current data is its highest revision.
 */
export interface HolidayYearDoc {
  _id: string;
  year: number;
  revision: number;
  holidays: DayOff[];
  cutiBersama: DayOff[];
  source: string;
  /** Absent on amendments stored before the SKB's number and date were asked. */
  skbNumber?: string | null;
  skbDate?: string | null;
  updatedAt: Date;
}

const dayOffSchema = new Schema<DayOff>(
  {
    date: { type: String, required: true },
    name: { type: String, required: true },
  },
  { _id: false },
);

export const holidayYearSchema = new Schema<HolidayYearDoc>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    revision: { type: Number, required: true },
    holidays: { type: [dayOffSchema], default: [] },
    cutiBersama: { type: [dayOffSchema], default: [] },
    source: { type: String, required: true },
    skbNumber: { type: String, default: null },
    skbDate: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
holidayYearSchema.index({ year: 1, revision: -1 });
