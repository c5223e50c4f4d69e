import { Schema } from 'mongoose';
import { AGENCY_TIME_ZONES, JPT_LEVELS, SELECTION_STAGES, type SelectionDto } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/** Read model of a selection; its stage history lives in `stageEvents` (one document per event). */
export interface SelectionDoc extends Omit<SelectionDto, 'id' | 'stageHistory' | 'registrationClosesAt' | 'createdAt'> {
  _id: string;
  registrationClosesAt: Date;
  createdAt: Date;
  /** `at` of the stage event that set `stage` (null when set by an upsert), so late events cannot regress it. */
  stageAt: Date | null;
  /** `expectedNextAt` of that event: when the stage's decision or timer is due (null: none, or not known yet). */
  stageDueAt?: Date | null;
  /** `reasonCode` of that event (e.g. PLAN_APPROVED: the overseer has decided, the round waits for its date). */
  stageReason?: string | null;
  updatedAt: Date;
}

const vacancySchema = new Schema(
  {
    id: { type: String, required: true },
    level: { type: String, enum: JPT_LEVELS, required: true },
    position: { type: String, required: true },
    unit: { type: String, default: '' },
    status: { type: String, enum: ['OPEN', 'CLOSED', 'CANCELLED', 'FILLED'], required: true },
    // Optional: absent (not null) when the writer never sent them, so they round-trip as sent.
    outcome: { type: String },
    extendedUntil: { type: String },
    shortlist: { type: [String], default: undefined },
    followUp: {
      type: new Schema(
        {
          kind: { type: String, enum: ['REANNOUNCED', 'TALENT_FILLING'], required: true },
          id: { type: String, required: true },
          workflowId: { type: String, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { _id: false },
);

export const selectionSchema = new Schema<SelectionDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    title: { type: String, required: true },
    workflowId: { type: String, required: true },
    stage: { type: String, enum: SELECTION_STAGES, required: true },
    stageAt: { type: Date, default: null },
    stageDueAt: { type: Date, default: null },
    stageReason: { type: String, default: null },
    timeZone: { type: String, enum: AGENCY_TIME_ZONES, required: true },
    announcementDate: { type: String, required: true },
    registrationClosesAt: { type: Date, required: true },
    vacancies: { type: [vacancySchema], default: [] },
    announcementDocumentId: { type: String, default: null },
    simulation: { type: Boolean, default: false },
    // The pinned rule values, as the workflow runs with them (plain data, never queried).
    rules: { type: Schema.Types.Mixed, default: undefined },
    origin: {
      type: new Schema(
        { selectionId: { type: String, required: true }, vacancyId: { type: String, required: true } },
        { _id: false },
      ),
      default: undefined,
    },
    createdBy: { type: actorSchema, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Newest-first lists, optionally per agency; _id breaks ties for the cursor.
selectionSchema.index({ createdAt: -1, _id: -1 });
selectionSchema.index({ agencyCode: 1, createdAt: -1, _id: -1 });
// The public lists by stage (open registrations on the home page).
selectionSchema.index({ stage: 1, createdAt: -1, _id: -1 });
// The oversight view: one agency's rounds in one stage.
selectionSchema.index({ agencyCode: 1, stage: 1 });
// The oversight view reads each open stage longest-waiting first, capped.
selectionSchema.index({ stage: 1, stageAt: 1, _id: 1 });
selectionSchema.index({ agencyCode: 1, stage: 1, stageAt: 1, _id: 1 });
