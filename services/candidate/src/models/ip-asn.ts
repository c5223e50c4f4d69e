import { Schema } from 'mongoose';
import { IP_ASN_CATEGORIES, type IpAsnCategory, type IpAsnDimension, type IpAsnGap } from '@seleksi/domain';

/** One employee's IP ASN for a period; `_id` = `<period>:<profileId>` (one lookup, no index needed). */
export interface IpAsnScoreDoc {
  _id: string;
  agencyCode: string;
  period: number;
  profileId: string;
  total: number;
  category: IpAsnCategory;
  dimensions: { dimension: IpAsnDimension; score: number; weight: number; weighted: number }[];
  gaps: IpAsnGap[];
  settingsVersion: string;
  computedAt: Date;
}

export const ipAsnScoreSchema = new Schema<IpAsnScoreDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    period: { type: Number, required: true },
    profileId: { type: String, required: true },
    total: { type: Number, required: true },
    category: { type: String, enum: IP_ASN_CATEGORIES, required: true },
    dimensions: { type: Schema.Types.Mixed, required: true },
    gaps: { type: [String], default: [] },
    settingsVersion: { type: String, required: true },
    computedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// A run clears the agency's period first (employees who left drop out): an equality on both.
ipAsnScoreSchema.index({ agencyCode: 1, period: 1 });

/** An agency's distribution for a period; `_id` = `<agencyCode>:<period>`. */
export interface IpAsnSummaryDoc {
  _id: string;
  agencyCode: string;
  period: number;
  employees: number;
  totalHundredths: number;
  counts: Record<IpAsnCategory, number>;
  average: number | null;
  category: IpAsnCategory | null;
  settingsVersion: string;
  weights: Record<IpAsnDimension, number>;
  computedAt: Date;
}

export const ipAsnSummarySchema = new Schema<IpAsnSummaryDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    period: { type: Number, required: true },
    employees: { type: Number, required: true },
    totalHundredths: { type: Number, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    average: { type: Number, default: null },
    category: { type: String, enum: [...IP_ASN_CATEGORIES, null], default: null },
    settingsVersion: { type: String, required: true },
    weights: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Every agency of a period (the overseer's list) and an agency's periods: equalities FerretDB pushes down.
ipAsnSummarySchema.index({ period: 1 });
ipAsnSummarySchema.index({ agencyCode: 1 });
