import { Schema } from 'mongoose';
import type { TalentMapEntryDto } from '@seleksi/domain';

/**
 * One employee's place on an agency's nine-box map for a period (`TalentMapEntryDto`), replaced as a
 * whole by id. `scored` (score not null) keeps the drill-down order and its cursor free of null
 * comparisons, which MongoDB and FerretDB need not treat alike. No `updatedAt`: a retried batch then
 * rewrites identical documents, which FerretDB skips (a changed one costs it a commit each).
 */
export interface TalentMapEntryDoc extends Omit<TalentMapEntryDto, 'id' | 'mappedAt'> {
  _id: string;
  scored: boolean;
  mappedAt: Date;
}

export const talentMapEntrySchema = new Schema<TalentMapEntryDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    period: { type: String, required: true },
    employeeId: { type: String, required: true },
    box: { type: Number, default: null },
    potential: { type: Number, default: null },
    performance: { type: Number, default: null },
    performanceScore: { type: Number, default: null },
    potentialScore: { type: Number, default: null },
    score: { type: Number, default: null },
    scored: { type: Boolean, required: true },
    missing: { type: [String], default: [] },
    mappedAt: { type: Date, required: true },
    runId: { type: String, required: true },
  },
  { versionKey: false },
);
// Counts per box and the drill-down of one box: score descending, then employeeId.
talentMapEntrySchema.index({ agencyCode: 1, period: 1, box: 1, scored: -1, score: -1, employeeId: 1 });
// The drill-down of the whole map, and the total of a period.
talentMapEntrySchema.index({ agencyCode: 1, period: 1, scored: -1, score: -1, employeeId: 1 });
// The latest mapping of each period of an agency.
talentMapEntrySchema.index({ agencyCode: 1, period: 1, mappedAt: -1 });
// A person's history, newest period first.
talentMapEntrySchema.index({ employeeId: 1, period: -1, mappedAt: -1 });
