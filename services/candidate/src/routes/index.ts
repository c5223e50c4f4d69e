import type { Router } from 'express';
import type { CandidateRepositories } from '../repositories';
import { agencyRoutes } from './agencies';
import { applicationRoutes } from './applications';
import { auditRecordRoutes } from './audit-records';
import { calendarRoutes } from './calendars';
import { invitationRoutes } from './invitations';
import { noticeRoutes } from './notices';
import { oversightRoutes } from './oversight';
import { portalRoutes } from './portal';
import { profileImportRoutes } from './profile-imports';
import { profileRoutes } from './profiles';
import { selectionRoutes } from './selections';

export function candidateRoutes(router: Router, repos: CandidateRepositories): void {
  agencyRoutes(router, repos);
  profileRoutes(router, repos);
  profileImportRoutes(router, repos);
  selectionRoutes(router, repos);
  applicationRoutes(router, repos);
  calendarRoutes(router, repos);
  auditRecordRoutes(router, repos);
  invitationRoutes(router, repos);
  portalRoutes(router, repos);
  noticeRoutes(router, repos);
  oversightRoutes(router, repos);
}
