import type { Connection } from 'mongoose';
import { assessmentResultSchema } from './assessment-result';
import { panselMemberSchema } from './pansel-member';

export type { AssessmentResultDoc } from './assessment-result';
export type { PanselMemberDoc } from './pansel-member';

/** The assessment service's models, bound to its own connection. */
export function createAssessmentModels(conn: Connection) {
  return {
    PanselMember: conn.model('PanselMember', panselMemberSchema, 'panselMembers'),
    AssessmentResult: conn.model('AssessmentResult', assessmentResultSchema, 'assessmentResults'),
  };
}
export type AssessmentModels = ReturnType<typeof createAssessmentModels>;
