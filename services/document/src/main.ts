import { createLogger, handleShutdownSignals } from '@seleksi/kit';
import { startDocumentService } from './app';
import { loadDocumentConfig } from './config';

const config = loadDocumentConfig();
const logger = createLogger('document', config.LOG_LEVEL);
try {
  handleShutdownSignals(await startDocumentService(config, { logger }), logger);
} catch (err) {
  logger.fatal({ err }, 'document service failed to start');
  process.exit(1);
}
