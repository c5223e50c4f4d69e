import type { Connection } from 'mongoose';
import { agencySchema } from './agency';
import { applicationSchema } from './application';
import { applicationFileSchema } from './application-file';
import { auditRecordSchema } from './audit-record';
import { electionRegionSchema, electionReportDutySchema } from './election-region';
import { holidayYearSchema } from './holiday-year';
import { invitationSchema } from './invitation';
import { ipAsnScoreSchema, ipAsnSummarySchema } from './ip-asn';
import { noticeSchema } from './notice';
import { profileSchema } from './profile';
import { profileConfirmationSchema } from './profile-confirmation';
import { regionalHolidaysSchema } from './regional-holidays';
import { profileDisputeDecisionSchema } from './profile-dispute-decision';
import { profileVersionSchema } from './profile-version';
import { profileImportChunkSchema, profileImportSchema, profileImportStagedSchema } from './profile-import';
import { ruleSetVersionSchema } from './rule-set-version';
import { selectionSchema } from './selection';
import { stageEventSchema } from './stage-event';
import { talentFillingSchema } from './talent-filling';
import { timelineEntrySchema } from './timeline-entry';

export type { AgencyDoc } from './agency';
export type { ApplicationDoc, ScreeningDoc } from './application';
export { applicationNameKey } from './application';
export type { ApplicationFileDoc } from './application-file';
export type { AuditRecordDoc } from './audit-record';
export type { ElectionRegionDoc, ElectionReportDutyDoc } from './election-region';
export type { HolidayYearDoc } from './holiday-year';
export type { InvitationDoc } from './invitation';
export type { IpAsnScoreDoc, IpAsnSummaryDoc } from './ip-asn';
export type { NoticeDoc } from './notice';
export type { ImportSource } from '@seleksi/kit';
export type { ProfileDoc } from './profile';
export type {
  ImportCounts,
  ImportStatus,
  ProfileImportChunkDoc,
  ProfileImportDoc,
  ProfileImportStagedDoc,
  RowClass,
} from './profile-import';
export type { ProfileConfirmationDoc } from './profile-confirmation';
export type { RegionalHolidaysDoc } from './regional-holidays';
export type { ProfileDisputeDecisionDoc } from './profile-dispute-decision';
export type { ProfileChangeDoc, ProfileVersionDoc } from './profile-version';
export type { RuleSetVersionDoc } from './rule-set-version';
export type { SelectionDoc } from './selection';
export type { StageEventDoc } from './stage-event';
export type { TalentFillingDoc } from './talent-filling';
export type { TimelineEntryDoc } from './timeline-entry';
export { compoundId } from './compound-id';
export { FEED_BUCKET_MS, feedBucketOf } from '@seleksi/kit';
export { toActor } from '@seleksi/kit';

/** The candidate service's models, bound to its own connection. */
export function createCandidateModels(conn: Connection) {
  return {
    Agency: conn.model('Agency', agencySchema, 'agencies'),
    Profile: conn.model('Profile', profileSchema, 'profiles'),
    Selection: conn.model('Selection', selectionSchema, 'selections'),
    StageEvent: conn.model('StageEvent', stageEventSchema, 'stageEvents'),
    Application: conn.model('Application', applicationSchema, 'applications'),
    TimelineEntry: conn.model('TimelineEntry', timelineEntrySchema, 'timelineEntries'),
    HolidayYear: conn.model('HolidayYear', holidayYearSchema, 'holidayYears'),
    RegionalHolidays: conn.model('RegionalHolidays', regionalHolidaysSchema, 'regionalHolidays'),
    ElectionRegion: conn.model('ElectionRegion', electionRegionSchema, 'electionRegions'),
    ElectionReportDuty: conn.model('ElectionReportDuty', electionReportDutySchema, 'electionReportDuties'),
    AuditRecord: conn.model('AuditRecord', auditRecordSchema, 'auditRecords'),
    Invitation: conn.model('Invitation', invitationSchema, 'invitations'),
    TalentFilling: conn.model('TalentFilling', talentFillingSchema, 'talentFillings'),
    ProfileConfirmation: conn.model('ProfileConfirmation', profileConfirmationSchema, 'profileConfirmations'),
    ApplicationFile: conn.model('ApplicationFile', applicationFileSchema, 'applicationFiles'),
    Notice: conn.model('Notice', noticeSchema, 'outbox'),
    ProfileDisputeDecision: conn.model(
      'ProfileDisputeDecision',
      profileDisputeDecisionSchema,
      'profileDisputeDecisions',
    ),
    ProfileImport: conn.model('ProfileImport', profileImportSchema, 'profileImports'),
    ProfileImportChunk: conn.model('ProfileImportChunk', profileImportChunkSchema, 'profileImportChunks'),
    ProfileImportStaged: conn.model('ProfileImportStaged', profileImportStagedSchema, 'profileImportStaged'),
    ProfileVersion: conn.model('ProfileVersion', profileVersionSchema, 'profileVersions'),
    IpAsnScore: conn.model('IpAsnScore', ipAsnScoreSchema, 'ipAsnScores'),
    IpAsnSummary: conn.model('IpAsnSummary', ipAsnSummarySchema, 'ipAsnSummaries'),
    RuleSetVersion: conn.model('RuleSetVersion', ruleSetVersionSchema, 'ruleSetVersions'),
  };
}
export type CandidateModels = ReturnType<typeof createCandidateModels>;
