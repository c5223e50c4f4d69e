import { Schema } from 'mongoose';
import type { ScreeningDto } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * An application (candidate × vacancy). Its timeline lives in `timelineEntries` and its status is
 * that of the latest entry, so concurrent appends never rewrite this document. The only field ever
 * rewritten is `screening`, and only by the selection's workflow (its single writer).
 */
export interface ApplicationDoc {
  _id: string;
  selectionId: string;
  vacancyId: string;
  candidateId: string;
  submittedAt: Date;
  createdAt: Date;
  /** `applicationSlot(_id)`: a stage event's fan-out pages by (selectionId, slot). */
  slot: number;
  /** Absent on applications created before the field existed or without a declaration. */
  homePpkPermission?: boolean;
  screening?: ScreeningDoc | null;
  /** `applicationNameKey` of the candidate's name when applying: staff search and sort by it (backfilled at start). */
  nameKey?: string;
  /** The candidate's NIP when applying (personal data: staff of the agency only; never logged). */
  nip?: string;
}

export interface ScreeningDoc extends Omit<ScreeningDto, 'decidedAt'> {
  decidedAt: Date;
}

const requirementSchema = new Schema(
  {
    key: { type: String, required: true },
    label: { type: String, required: true },
    met: { type: Boolean, required: true },
    detail: { type: String, default: '' },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const screeningSchema = new Schema<ScreeningDoc>(
  {
    eligible: { type: Boolean, required: true },
    requirements: { type: [requirementSchema], default: [] },
    rulesVersion: { type: String, required: true },
    decidedBy: { type: String, enum: ['ENGINE', 'PANSEL'], required: true },
    overrideReason: { type: String, default: null },
    decidedAt: { type: Date, required: true },
    actor: { type: actorSchema, default: null },
  },
  { _id: false },
);

export const applicationSchema = new Schema<ApplicationDoc>(
  {
    _id: { type: String, required: true },
    selectionId: { type: String, required: true, index: true },
    vacancyId: { type: String, required: true },
    candidateId: { type: String, required: true, index: true },
    submittedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    slot: { type: Number, required: true },
    homePpkPermission: { type: Boolean },
    screening: { type: screeningSchema, default: undefined },
    nameKey: { type: String },
    nip: { type: String },
  },
  { versionKey: false },
);
applicationSchema.index({ vacancyId: 1, candidateId: 1 }, { unique: true });
applicationSchema.index({ selectionId: 1, slot: 1 });
// A selection's applicants searched (name or NIP prefix) and sorted on the staff dashboard: led by the
// selectionId equality FerretDB pushes down, so a search reads one selection's rows through an index.
applicationSchema.index({ selectionId: 1, nameKey: 1, _id: 1 });
applicationSchema.index({ selectionId: 1, nip: 1 });
applicationSchema.index({ selectionId: 1, submittedAt: 1, _id: 1 });

/** The form of a name that search and sort compare: lower case, single spaces, without accents. */
export function applicationNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
