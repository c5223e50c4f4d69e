import type { Router } from 'express';
import type { AssessmentRepositories } from '../repositories';
import { assessmentResultRoutes } from './assessment-results';
import { panselMemberRoutes } from './pansel-members';

export function assessmentRoutes(router: Router, repos: AssessmentRepositories): void {
  panselMemberRoutes(router, repos);
  assessmentResultRoutes(router, repos);
}
