import {
  createLogger,
  initModels,
  startHttpService,
  trustedCallersFromEnv,
  type Logger,
  type RunningService,
} from '@seleksi/kit';
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
  const logger = options.logger ?? createLogger('assessment', config.LOG_LEVEL);
  return startHttpService({
    name: 'assessment',
    port: config.ASSESSMENT_PORT,
    host: config.ASSESSMENT_HOST,
    logger,
    auth: { trusted: trustedCallersFromEnv(config), access: ASSESSMENT_ACCESS },
    mongo: { uri: config.MONGODB_URI, dbName: config.ASSESSMENT_DB },
    // PUT /talent-map/entries carries up to 1000 entries.
    jsonLimit: '4mb',
    routes: async (router, conn) => {
      const models = createAssessmentModels(conn);
      await initModels(Object.values(models));
      const repositories = createAssessmentRepositories(models);
      const backfilled =
        (await repositories.assessmentResults.backfillCandidateBuckets()) +
        (await repositories.scoreRecords.backfillCandidateBuckets());
      if (backfilled > 0) logger.info({ records: backfilled }, 'gave stored results and scores their paging slot');
      assessmentRoutes(router, repositories);
    },
  });
}
