import { Schema } from 'mongoose';
import { JPT_LEVELS, TALENT_FILLING_ACTORS, type TalentFillingViewDto } from '@seleksi/domain';

/** Read model of a talent-pool filling (`TalentFillingViewDto`), written only by the filling's workflow. */
export interface TalentFillingDoc extends Omit<
  TalentFillingViewDto,
  'id' | 'waitingSince' | 'deadline' | 'createdAt' | 'updatedAt'
> {
  _id: string;
  waitingSince: Date | null;
  deadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const talentFillingSchema = new Schema<TalentFillingDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    workflowId: { type: String, required: true },
    postId: { type: String, required: true },
    position: { type: String, required: true },
    unit: { type: String, default: '' },
    level: { type: String, enum: JPT_LEVELS, required: true },
    stage: { type: String, required: true },
    route: { type: String, enum: ['PPK', 'PRESIDENT', 'PRESIDENT_VIA_HOME_AFFAIRS'], required: true },
    waitingOn: { type: String, enum: [...TALENT_FILLING_ACTORS, null], default: null },
    waitingSince: { type: Date, default: null },
    deadline: { type: Date, default: null },
    appointedEmployeeId: { type: String, default: null },
    fallbackSelectionId: { type: String, default: null },
    seq: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Lists: newest first, across agencies (overseer) or per agency; _id breaks ties for the cursor.
talentFillingSchema.index({ createdAt: -1, _id: -1 });
talentFillingSchema.index({ agencyCode: 1, createdAt: -1, _id: -1 });
// Inboxes: what waits on a role, oldest wait first, across agencies (overseer) or per agency (secretariat, PPK).
talentFillingSchema.index({ waitingOn: 1, waitingSince: 1, _id: 1 });
talentFillingSchema.index({ waitingOn: 1, agencyCode: 1, waitingSince: 1, _id: 1 });
