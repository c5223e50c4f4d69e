import { createLogger, handleShutdownSignals } from '@seleksi/kit';
import { startAssessmentService } from './app';
import { loadAssessmentConfig } from './config';

const config = loadAssessmentConfig();
const logger = createLogger('assessment', config.LOG_LEVEL);
try {
  handleShutdownSignals(await startAssessmentService(config, { logger }), logger);
} catch (err) {
  logger.fatal({ err }, 'assessment service failed to start');
  process.exit(1);
}
