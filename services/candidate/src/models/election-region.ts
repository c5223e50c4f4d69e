import { Schema } from 'mongoose';
import {
  ELECTION_REGION_KINDS,
  type Actor,
  type ElectionRegionKind,
  type ElectionReportDutyDto,
  type ElectionScheduleDto,
} from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/** A region's pilkada schedules (`_id` = electionRegionId), replaced whole on each save. */
export interface ElectionRegionDoc {
  _id: string;
  kind: ElectionRegionKind;
  name: string;
  schedules: ElectionScheduleDto[];
  revision: number;
  updatedAt: Date;
  /** Who saved this revision and why (absent on regions stored before they were kept). */
  updatedBy?: Actor;
  reason?: string;
}

const scheduleSchema = new Schema<ElectionScheduleDto>(
  {
    label: { type: String, required: true },
    candidatePairsDeterminedOn: { type: String, required: true },
    currentTermEndsOn: { type: String, required: true },
    newHeadInauguratedOn: { type: String, default: null },
  },
  { _id: false },
);

export const electionRegionSchema = new Schema<ElectionRegionDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ELECTION_REGION_KINDS, required: true },
    name: { type: String, required: true },
    schedules: { type: [scheduleSchema], default: [] },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: actorSchema },
    reason: { type: String },
  },
  { versionKey: false },
);

/** The duty to report an appointment made inside a window (`_id` = electionReportDutyId). */
export interface ElectionReportDutyDoc extends Omit<ElectionReportDutyDto, 'id' | 'createdAt'> {
  _id: string;
  createdAt: Date;
}

export const electionReportDutySchema = new Schema<ElectionReportDutyDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    subjectId: { type: String, required: true },
    route: { type: String, required: true },
    position: { type: String, required: true },
    actedOn: { type: String, required: true },
    dueOn: { type: String, required: true },
    window: { type: Schema.Types.Mixed, required: true },
    permission: { type: Schema.Types.Mixed, required: true },
    report: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// An agency's duties (equality on a scalar field: FerretDB pushes it down).
electionReportDutySchema.index({ agencyCode: 1 });
