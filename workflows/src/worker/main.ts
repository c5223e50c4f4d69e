/** Worker process entry: `tsx workflows/src/worker/main.ts`. */
import { createServer } from 'node:http';
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel as SdkLogLevel } from '@temporalio/worker';
import { createLogger, loadConfig, startTelemetry } from '@seleksi/kit';
import { workerConfigSchema } from './config';
import { createPorts } from './ports';
import {
  buildIdOf,
  describeDeployment,
  grpcCode,
  GRPC_UNIMPLEMENTED,
  promoteOnStart,
  workerReady,
  type DeploymentState,
  type WorkerDeploymentVersion,
} from './versioning';
import { bundleSeleksiWorkflows, createSeleksiWorker } from './worker';

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
  ...(config.WORKER_METRICS_ADDRESS
    ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } } } }
    : {}),
});
const telemetry = startTelemetry('worker');

// Bundled here (not by Worker.create) so the default build id is the hash of exactly this code.
const workflowBundle = await bundleSeleksiWorkflows(Runtime.instance().logger);
const deployment: WorkerDeploymentVersion | undefined = config.WORKER_VERSIONING
  ? {
      deploymentName: config.WORKER_DEPLOYMENT_NAME ?? config.TEMPORAL_TASK_QUEUE,
      buildId: config.WORKER_BUILD_ID ?? buildIdOf(workflowBundle.code),
    }
  : undefined;

const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createSeleksiWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  ports: createPorts(config),
  workflowBundle,
  ...(deployment ? { deployment } : {}),
});

// /healthz (liveness, and what `npm start` waits for): polling and, when versioned, the start-up promotion
// (WORKER_PROMOTE) decided. /readyz: polling and, when versioned, this build current or ramping (`workerReady`),
// so a rolling update waits until the operator has routed rounds to the new build.
let versionState: { current: string | null; promoted: boolean } | undefined;
let routing: Pick<DeploymentState, 'current' | 'ramping'> | null | undefined;
const health = createServer((req, res) => {
  if (req.url === '/metrics') return telemetry.metricsHandler(req, res);
  const polling = worker.getState() === 'RUNNING';
  const ok =
    req.url === '/healthz'
      ? polling && (!deployment || versionState !== undefined)
      : req.url === '/readyz'
        ? workerReady(polling, deployment?.buildId, routing)
        : false;
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      state: worker.getState(),
      ...(deployment
        ? { deployment: deployment.deploymentName, buildId: deployment.buildId, currentAtStart: versionState?.current }
        : {}),
    }),
  );
});
health.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);

/** Decides WORKER_PROMOTE once the worker polls; retries while Temporal is unreachable, never throws. */
async function promote(version: WorkerDeploymentVersion): Promise<void> {
  const mode = config.WORKER_PROMOTE ?? (config.NODE_ENV === 'production' ? 'first' : 'always');
  const identity = `seleksi-worker@${hostname()}/${process.pid}`;
  const polling = () => ['INITIALIZED', 'RUNNING'].includes(worker.getState());
  for (let attempt = 1; polling() && !versionState; attempt++) {
    let client: Connection | undefined;
    try {
      client = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
      versionState = await promoteOnStart(client.workflowService, config.TEMPORAL_NAMESPACE, version, mode, identity);
    } catch (err) {
      if (grpcCode(err) === GRPC_UNIMPLEMENTED) {
        log.fatal({ err }, 'this Temporal server has no Worker Deployment API: set WORKER_VERSIONING=0');
        process.exitCode = 1;
        worker.shutdown();
        return;
      }
      log.warn({ err, attempt }, 'worker version promotion failed, retrying');
      await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)));
    } finally {
      await client?.close();
    }
  }
  if (!versionState) return;
  const { current, promoted } = versionState;
  if (current === version.buildId) log.info({ ...version, promoted, mode }, 'worker version is current');
  else {
    log.warn(
      { ...version, current, mode },
      `worker version is not current: rounds go to ${current ?? 'unversioned workers'}; ` +
        `route them here with \`pnpm --filter @seleksi/workflows worker:rollout -- --build-id ${version.buildId}\``,
    );
  }
}

let stopWatching = (): void => {};
const stopped = new Promise<void>((resolve) => (stopWatching = resolve));

/** Re-reads the deployment's routing every 10 s for /readyz (`worker:rollout` changes it); keeps the last on errors. */
async function watchRouting(version: WorkerDeploymentVersion): Promise<void> {
  let client: Connection | undefined;
  while (['INITIALIZED', 'RUNNING'].includes(worker.getState())) {
    try {
      client ??= await Connection.connect({ address: config.TEMPORAL_ADDRESS });
      const state = await describeDeployment(client.workflowService, config.TEMPORAL_NAMESPACE, version.deploymentName);
      routing = state ? { current: state.current, ramping: state.ramping } : null;
    } catch (err) {
      log.warn({ err }, 'worker deployment routing check failed');
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((r) => (timer = setTimeout(r, 10_000))), stopped]);
    clearTimeout(timer);
  }
  await client?.close();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'worker stopping');
    worker.shutdown();
  });
}

log.info(
  { taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE, ...deployment },
  'worker running',
);
try {
  await Promise.all([
    worker.run().finally(stopWatching),
    deployment ? promote(deployment).then(() => versionState && watchRouting(deployment)) : undefined,
  ]);
} finally {
  health.close();
  await connection.close();
  log.info('worker stopped');
}
