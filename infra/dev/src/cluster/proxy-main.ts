/** Reverse proxy process of `npm run start:cluster` (see proxy.ts): PROXY_PORT, PROXY_TARGETS (comma-separated URLs). */
import { createLogger } from '@seleksi/kit';
import { createGatewayProxy } from './proxy';

const log = createLogger('proxy', (process.env.LOG_LEVEL as 'info' | undefined) ?? 'info');
const port = Number(process.env.PROXY_PORT);
const targets = (process.env.PROXY_TARGETS ?? '').split(',').filter(Boolean);
if (!Number.isInteger(port) || port <= 0 || targets.length === 0) {
  log.fatal(
    { PROXY_PORT: process.env.PROXY_PORT, PROXY_TARGETS: process.env.PROXY_TARGETS },
    'PROXY_PORT and PROXY_TARGETS are required',
  );
  process.exit(1);
}
const proxy = createGatewayProxy({
  targets,
  healthPath: process.env.PROXY_HEALTH_PATH ?? '/readyz',
  healthIntervalMs: Number(process.env.PROXY_HEALTH_INTERVAL_MS ?? 1000),
  logger: log,
});
await proxy.listen(port, process.env.PROXY_HOST ?? '127.0.0.1');
log.info({ port, targets }, 'proxy listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void proxy.close().then(() => process.exit(0));
  });
}
