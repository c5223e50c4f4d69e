import { startDataService, type Logger, type RunningService } from '@seleksi/kit';
import { ASSESSMENT_ACCESS } from './access';
import type { AssessmentConfig } from './config';
import { createAssessmentModels } from './models';
import { createAssessmentRepositories } from './repositories';
import { assessmentRoutes } from './routes';

/**
 * Starts services/assessment (Pansel members, assessment results, score records, conflict declarations,
 * talent settings, the nine-box talent map and the succession-plan groups).
 */
export async function startAssessmentService(
  config: AssessmentConfig,
  options: { logger?: Logger } = {},
): Promise<RunningService> {
  return startDataService({
    name: 'assessment',
    config,
    port: config.ASSESSMENT_PORT,
    host: config.ASSESSMENT_HOST,
    dbName: config.ASSESSMENT_DB,
    access: ASSESSMENT_ACCESS,
    logger: options.logger,
    // PUT /talent-map/entries carries up to 1000 entries.
    jsonLimit: '4mb',
    models: createAssessmentModels,
    routes: async (router, models, logger) => {
      const repositories = createAssessmentRepositories(models);
      const backfilled =
        (await repositories.assessmentResults.backfillCandidateBuckets()) +
        (await repositories.scoreRecords.backfillCandidateBuckets());
      if (backfilled > 0) logger.info({ records: backfilled }, 'gave stored results and scores their paging slot');
      assessmentRoutes(router, repositories);
    },
  });
}
