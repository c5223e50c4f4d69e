import { startDataService, type Logger, type RunningService } from '@seleksi/kit';
import { CANDIDATE_ACCESS } from './access';
import type { CandidateConfig } from './config';
import { createCandidateModels } from './models';
import { createCandidateRepositories } from './repositories';
import { chainLegacyAuditRecords, tagAuditRecordAgencies } from './repositories/audit-records';
import { candidateRoutes } from './routes';

/**
 * Starts services/candidate (profiles, agencies, selection read model, applications, holidays, audit record,
 * invitations).
 */
export async function startCandidateService(
  config: CandidateConfig,
  options: { logger?: Logger } = {},
): Promise<RunningService> {
  return startDataService({
    name: 'candidate',
    config,
    port: config.CANDIDATE_PORT,
    host: config.CANDIDATE_HOST,
    dbName: config.CANDIDATE_DB,
    access: CANDIDATE_ACCESS,
    logger: options.logger,
    // PUT /profiles carries up to 1000 profiles.
    jsonLimit: '8mb',
    models: createCandidateModels,
    // Before the indexes: the chain's and the agency's indexes cover every stored record.
    beforeIndexes: async (models, logger) => {
      const chained = await chainLegacyAuditRecords(models.AuditRecord);
      if (chained > 0) logger.info({ records: chained }, 'chained audit records stored before the chain existed');
      const tagged = await tagAuditRecordAgencies(models.AuditRecord);
      if (tagged > 0) logger.info({ records: tagged }, 'gave stored audit records their agency');
    },
    routes: async (router, models, logger) => {
      const repositories = createCandidateRepositories(models, {
        ppkChoiceEscalationWorkingDays: config.PPK_CHOICE_ESCALATION_WORKING_DAYS,
        electionWindowSpan: {
          monthsBefore: config.ELECTION_WINDOW_MONTHS_BEFORE,
          monthsAfter: config.ELECTION_WINDOW_MONTHS_AFTER,
        },
      });
      const backfilled = await repositories.profiles.backfillMapBuckets();
      if (backfilled > 0) logger.info({ profiles: backfilled }, 'gave stored profiles their paging slot');
      const dated = await repositories.oversight.backfillStageDue();
      if (dated > 0) logger.info({ selections: dated }, "gave stored selections their stage's due time");
      const slotted = await repositories.applications.backfillSlots();
      if (slotted > 0) logger.info({ applications: slotted }, 'gave stored applications their fan-out slot');
      const keyed = await repositories.applications.backfillSearchKeys();
      if (keyed > 0) logger.info({ applications: keyed }, 'gave stored applications their search keys');
      const moved = await repositories.profileVersions.migrateLegacy();
      if (moved.imports + moved.disputes > 0) logger.info(moved, 'moved profile versions into the one history');
      const disputes = await repositories.profileDisputes.backfillQueue();
      if (disputes > 0) logger.info({ disputes }, 'put stored profile disputes into the staff queue');
      candidateRoutes(router, repositories);
    },
  });
}
