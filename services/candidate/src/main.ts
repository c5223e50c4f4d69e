import { createLogger, handleShutdownSignals } from '@seleksi/kit';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const config = loadCandidateConfig();
const logger = createLogger('candidate', config.LOG_LEVEL);
try {
  handleShutdownSignals(await startCandidateService(config, { logger }), logger);
} catch (err) {
  logger.fatal({ err }, 'candidate service failed to start');
  process.exit(1);
}
