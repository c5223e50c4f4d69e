import type { AssessmentModels } from '../models';
import { createAssessmentResultRepository } from './assessment-results';
import { createConflictDeclarationRepository } from './conflict-declarations';
import { createDataImportRepository } from './data-imports';
import { createPanselMemberRepository } from './pansel-members';
import { createScoreRecordRepository } from './score-records';
import { createSuccessionGroupRepository } from './succession-groups';
import { createTalentMapRepository } from './talent-map';
import { createTalentSettingsRepository } from './talent-settings';
import { createMeritAssessmentRepository } from './merit-assessments';

export function createAssessmentRepositories(models: AssessmentModels) {
  return {
    panselMembers: createPanselMemberRepository(models),
    assessmentResults: createAssessmentResultRepository(models),
    scoreRecords: createScoreRecordRepository(models),
    conflicts: createConflictDeclarationRepository(models),
    talentSettings: createTalentSettingsRepository(models),
    talentMap: createTalentMapRepository(models),
    successionGroups: createSuccessionGroupRepository(models),
    dataImports: createDataImportRepository(models),
    meritAssessments: createMeritAssessmentRepository(models),
  };
}
export type AssessmentRepositories = ReturnType<typeof createAssessmentRepositories>;
