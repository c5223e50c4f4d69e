import { createLogger, loadConfig } from '@seleksi/kit';
import { gatewayConfigSchema } from './config';
import { startGateway } from './server';

const config = loadConfig(gatewayConfigSchema);
const logger = createLogger('gateway', config.LOG_LEVEL);
const gateway = await startGateway(config, logger);
logger.info({ graphql: `${config.PUBLIC_URL}/graphql` }, 'gateway ready');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'gateway stopping');
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'gateway stop failed');
        process.exit(1);
      },
    );
  });
}
