import type { Connection } from 'mongoose';
import { agencySchema } from './agency';
import { applicationSchema } from './application';
import { profileSchema } from './profile';
import { selectionSchema } from './selection';
import { stageEventSchema } from './stage-event';
import { timelineEntrySchema } from './timeline-entry';

export type { AgencyDoc } from './agency';
export type { ApplicationDoc } from './application';
export type { ProfileDoc } from './profile';
export type { SelectionDoc } from './selection';
export type { StageEventDoc } from './stage-event';
export type { TimelineEntryDoc } from './timeline-entry';
export { compoundId } from './compound-id';

/** The candidate service's models, bound to its own connection. */
export function createCandidateModels(conn: Connection) {
  return {
    Agency: conn.model('Agency', agencySchema, 'agencies'),
    Profile: conn.model('Profile', profileSchema, 'profiles'),
    Selection: conn.model('Selection', selectionSchema, 'selections'),
    StageEvent: conn.model('StageEvent', stageEventSchema, 'stageEvents'),
    Application: conn.model('Application', applicationSchema, 'applications'),
    TimelineEntry: conn.model('TimelineEntry', timelineEntrySchema, 'timelineEntries'),
  };
}
export type CandidateModels = ReturnType<typeof createCandidateModels>;
