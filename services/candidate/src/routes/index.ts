import type { Router } from 'express';
import type { CandidateRepositories } from '../repositories';
import { agencyRoutes } from './agencies';
import { applicationRoutes } from './applications';
import { auditRecordRoutes } from './audit-records';
import { calendarRoutes } from './calendars';
import { electionRoutes } from './elections';
import { invitationRoutes } from './invitations';
import { ipAsnRoutes } from './ip-asn';
import { noticeRoutes } from './notices';
import { oversightRoutes } from './oversight';
import { portalRoutes } from './portal';
import { profileImportRoutes } from './profile-imports';
import { profileRoutes } from './profiles';
import { ruleSetRoutes } from './rule-sets';
import { selectionRoutes } from './selections';
import { talentFillingRoutes } from './talent-fillings';

export function candidateRoutes(router: Router, repos: CandidateRepositories): void {
  agencyRoutes(router, repos);
  profileRoutes(router, repos);
  profileImportRoutes(router, repos);
  selectionRoutes(router, repos);
  applicationRoutes(router, repos);
  calendarRoutes(router, repos);
  electionRoutes(router, repos);
  auditRecordRoutes(router, repos);
  invitationRoutes(router, repos);
  talentFillingRoutes(router, repos);
  portalRoutes(router, repos);
  noticeRoutes(router, repos);
  ipAsnRoutes(router, repos);
  ruleSetRoutes(router, repos);
  oversightRoutes(router, repos);
}
