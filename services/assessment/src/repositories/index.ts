import type { AssessmentModels } from '../models';
import { createAssessmentResultRepository } from './assessment-results';
import { createPanselMemberRepository } from './pansel-members';

export function createAssessmentRepositories(models: AssessmentModels) {
  return {
    panselMembers: createPanselMemberRepository(models),
    assessmentResults: createAssessmentResultRepository(models),
  };
}
export type AssessmentRepositories = ReturnType<typeof createAssessmentRepositories>;
