import type { Connection } from 'mongoose';
import { assessmentResultSchema } from './assessment-result';
import { conflictDeclarationSchema } from './conflict-declaration';
import { panselMemberSchema } from './pansel-member';
import { scoreRecordSchema } from './score-record';

export type { AssessmentResultDoc } from './assessment-result';
export type { ConflictDeclarationDoc } from './conflict-declaration';
export type { PanselMemberDoc } from './pansel-member';
export type { ScoreRecordDoc } from './score-record';
export { toActor } from './actor';

/** The assessment service's models, bound to its own connection. */
export function createAssessmentModels(conn: Connection) {
  return {
    PanselMember: conn.model('PanselMember', panselMemberSchema, 'panselMembers'),
    AssessmentResult: conn.model('AssessmentResult', assessmentResultSchema, 'assessmentResults'),
    ScoreRecord: conn.model('ScoreRecord', scoreRecordSchema, 'scoreRecords'),
    ConflictDeclaration: conn.model('ConflictDeclaration', conflictDeclarationSchema, 'conflictDeclarations'),
  };
}
export type AssessmentModels = ReturnType<typeof createAssessmentModels>;
