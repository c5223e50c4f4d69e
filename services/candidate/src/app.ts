import { createLogger, initModels, startHttpService, type Logger, type RunningService } from '@seleksi/kit';
import type { CandidateConfig } from './config';
import { createCandidateModels } from './models';
import { createCandidateRepositories } from './repositories';
import { candidateRoutes } from './routes';

/** Starts services/candidate (profiles, agencies, selection read model, applications, holidays, audit record). */
export async function startCandidateService(
  config: CandidateConfig,
  options: { logger?: Logger } = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger('candidate', config.LOG_LEVEL);
  return startHttpService({
    name: 'candidate',
    port: config.CANDIDATE_PORT,
    host: config.CANDIDATE_HOST,
    logger,
    mongo: { uri: config.MONGODB_URI, dbName: config.CANDIDATE_DB },
    routes: async (router, conn) => {
      const models = createCandidateModels(conn);
      await initModels(Object.values(models));
      candidateRoutes(router, createCandidateRepositories(models));
    },
  });
}
