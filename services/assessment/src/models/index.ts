import type { Connection } from 'mongoose';
import { assessmentResultSchema } from './assessment-result';
import { conflictDeclarationSchema } from './conflict-declaration';
import { panselMemberSchema } from './pansel-member';
import { scoreRecordSchema } from './score-record';
import { successionGroupSchema } from './succession-group';
import { talentMapEntrySchema } from './talent-map-entry';
import { talentSettingsSchema } from './talent-settings';
import { importVersionSchema } from './import-version';
import { meritAssessmentSchema, meritEvidenceSchema, talentGateDecisionSchema } from './merit-assessment';

export type { AssessmentResultDoc } from './assessment-result';
export type { ConflictDeclarationDoc } from './conflict-declaration';
export type { PanselMemberDoc } from './pansel-member';
export type { ScoreRecordDoc } from './score-record';
export type { SuccessionGroupDoc } from './succession-group';
export type { TalentMapEntryDoc } from './talent-map-entry';
export type { TalentSettingsDoc } from './talent-settings';
export type { ImportSource } from '@seleksi/kit';
export type { ImportVersionDoc } from './import-version';
export type { MeritAssessmentDoc, MeritEvidenceDoc, TalentGateDecisionDoc } from './merit-assessment';
export { toActor } from '@seleksi/kit';

/** The assessment service's models, bound to its own connection. */
export function createAssessmentModels(conn: Connection) {
  return {
    PanselMember: conn.model('PanselMember', panselMemberSchema, 'panselMembers'),
    AssessmentResult: conn.model('AssessmentResult', assessmentResultSchema, 'assessmentResults'),
    ScoreRecord: conn.model('ScoreRecord', scoreRecordSchema, 'scoreRecords'),
    ConflictDeclaration: conn.model('ConflictDeclaration', conflictDeclarationSchema, 'conflictDeclarations'),
    TalentSettings: conn.model('TalentSettings', talentSettingsSchema, 'talentSettings'),
    TalentMapEntry: conn.model('TalentMapEntry', talentMapEntrySchema, 'talentMapEntries'),
    SuccessionGroup: conn.model('SuccessionGroup', successionGroupSchema, 'successionGroups'),
    ImportVersion: conn.model('ImportVersion', importVersionSchema, 'importVersions'),
    MeritAssessment: conn.model('MeritAssessment', meritAssessmentSchema, 'meritAssessments'),
    MeritEvidence: conn.model('MeritEvidence', meritEvidenceSchema, 'meritEvidence'),
    TalentGateDecision: conn.model('TalentGateDecision', talentGateDecisionSchema, 'talentGateDecisions'),
  };
}
export type AssessmentModels = ReturnType<typeof createAssessmentModels>;
