/** Worker process entry: `tsx workflows/src/worker/main.ts`. */
import { createServer } from 'node:http';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel as SdkLogLevel } from '@temporalio/worker';
import { createLogger, loadConfig } from '@seleksi/kit';
import { workerConfigSchema } from './config';
import { createPorts } from './ports';
import { createSeleksiWorker } from './worker';

const config = loadConfig(workerConfigSchema);
const log = createLogger('worker', config.LOG_LEVEL);
const SDK_LEVEL: Record<string, SdkLogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO' };
Runtime.install({
  logger: new DefaultLogger(SDK_LEVEL[config.LOG_LEVEL] ?? 'WARN', (e) => {
    const level =
      e.level === 'TRACE'
        ? 'trace'
        : e.level === 'DEBUG'
          ? 'debug'
          : e.level === 'INFO'
            ? 'info'
            : e.level === 'WARN'
              ? 'warn'
              : 'error';
    log[level](e.meta ?? {}, e.message);
  }),
});

const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createSeleksiWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  ports: createPorts(config),
});

const health = createServer((req, res) => {
  const running = worker.getState() === 'RUNNING';
  res.writeHead(req.url === '/healthz' && running ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ state: worker.getState() }));
});
health.listen(config.WORKER_HEALTH_PORT, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'worker stopping');
    worker.shutdown();
  });
}

log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker running');
try {
  await worker.run();
} finally {
  health.close();
  await connection.close();
  log.info('worker stopped');
}
