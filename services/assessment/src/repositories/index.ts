import type { AssessmentModels } from '../models';
import { createAssessmentResultRepository } from './assessment-results';
import { createConflictDeclarationRepository } from './conflict-declarations';
import { createPanselMemberRepository } from './pansel-members';
import { createScoreRecordRepository } from './score-records';

export function createAssessmentRepositories(models: AssessmentModels) {
  return {
    panselMembers: createPanselMemberRepository(models),
    assessmentResults: createAssessmentResultRepository(models),
    scoreRecords: createScoreRecordRepository(models),
    conflicts: createConflictDeclarationRepository(models),
  };
}
export type AssessmentRepositories = ReturnType<typeof createAssessmentRepositories>;
