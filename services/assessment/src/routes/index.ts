import type { Router } from 'express';
import type { AssessmentRepositories } from '../repositories';
import { assessmentResultRoutes } from './assessment-results';
import { conflictRoutes } from './conflicts';
import { dataImportRoutes } from './data-imports';
import { scoreRecordRoutes } from './score-records';
import { panselMemberRoutes } from './pansel-members';
import { talentRoutes } from './talent';
import { meritAssessmentRoutes } from './merit-assessments';

export function assessmentRoutes(router: Router, repos: AssessmentRepositories): void {
  panselMemberRoutes(router, repos);
  assessmentResultRoutes(router, repos);
  scoreRecordRoutes(router, repos);
  conflictRoutes(router, repos);
  talentRoutes(router, repos);
  dataImportRoutes(router, repos);
  meritAssessmentRoutes(router, repos);
}
