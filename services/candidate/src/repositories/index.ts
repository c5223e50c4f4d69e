import type { ElectionWindowSpan } from '@seleksi/domain';
import type { CandidateModels } from '../models';
import { createAgencyRepository } from './agencies';
import { createApplicationFileRepository } from './application-files';
import { createApplicationRepository } from './applications';
import { createAuditRecordRepository } from './audit-records';
import { createChangeRepository } from './changes';
import { createElectionRepository } from './elections';
import { createHolidayYearRepository } from './holiday-years';
import { createInvitationRepository } from './invitations';
import { createIpAsnRepository } from './ip-asn';
import { createRuleSetRepository } from './rule-sets';
import { createNoticeRepository } from './notices';
import { createOversightRepository } from './oversight';
import { createProfileConfirmationRepository } from './profile-confirmations';
import { createProfileDisputeRepository } from './profile-disputes';
import { createProfileImportRepository } from './profile-imports';
import { createProfileVersionRepository } from './profile-versions';
import { createProfileRepository } from './profiles';
import { createSelectionRepository } from './selections';
import { createTalentFillingRepository } from './talent-fillings';

export function createCandidateRepositories(
  models: CandidateModels,
  settings: { ppkChoiceEscalationWorkingDays?: number; electionWindowSpan?: ElectionWindowSpan } = {},
) {
  const holidayYears = createHolidayYearRepository(models);
  const notices = createNoticeRepository(
    models,
    async () => Object.fromEntries((await holidayYears.list()).map((y) => [y.year, y])),
    settings.ppkChoiceEscalationWorkingDays,
  );
  // The apply path checks the vacancy against the selection repository's cached summary (cleared on
  // every selection write), instead of one read of the selection per application.
  const applications = createApplicationRepository(
    models,
    notices,
    async (id) => (await selections.getSummary(id))?.vacancies ?? null,
  );
  const selections = createSelectionRepository(models, applications, notices);
  const profiles = createProfileRepository(models);
  const auditRecords = createAuditRecordRepository(models);
  const profileVersions = createProfileVersionRepository(models);
  return {
    notices,
    agencies: createAgencyRepository(models),
    profiles,
    profileVersions,
    profileImports: createProfileImportRepository(models, profileVersions),
    applications,
    selections,
    holidayYears,
    elections: createElectionRepository(models, notices, settings.electionWindowSpan),
    auditRecords,
    profileDisputes: createProfileDisputeRepository(models, { profiles, profileVersions, auditRecords, notices }),
    invitations: createInvitationRepository(models, notices),
    talentFillings: createTalentFillingRepository(models),
    ruleSets: createRuleSetRepository(models),
    profileConfirmations: createProfileConfirmationRepository(models),
    applicationFiles: createApplicationFileRepository(models),
    changes: createChangeRepository(models),
    ipAsn: createIpAsnRepository(models),
    oversight: createOversightRepository(models),
  };
}
export type CandidateRepositories = ReturnType<typeof createCandidateRepositories>;
