import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Connection, Model } from 'mongoose';
import { pinoHttp } from 'pino-http';
import { DomainError } from '@seleksi/domain';
import { toErrorResponse } from './errors';
import type { LogLevel } from './config';
import { createLogger, scrubText, type Logger } from './logger';
import { connectDatabase, initModels, pingDatabase } from './mongo';
import { serveTraced, startTelemetry } from './telemetry';
import {
  createServiceTokenVerifier,
  trustedCallersFromEnv,
  type ServiceAccessRule,
  type TrustedCallers,
} from './service-auth';

export interface HttpServiceOptions {
  name: string;
  port: number;
  /** Defaults to 127.0.0.1: services sit behind the gateway, never on a public interface. */
  host?: string;
  logger: Logger;
  mongo: { uri: string; dbName: string };
  /** Registers the service's routes; runs after the database is connected (and may init models). */
  routes: (router: Router, conn: Connection) => void | Promise<void>;
  /** Limit for JSON bodies (default 1mb). */
  jsonLimit?: string;
  /**
   * The callers' public keys every request but the probes must be signed with (`trustedCallersFromEnv`),
   * and which caller may use which route (unlisted routes: every trusted caller).
   */
  auth: { trusted: TrustedCallers; access?: readonly ServiceAccessRule[] };
}

export interface RunningService {
  url: string;
  port: number;
  conn: Connection;
  close(): Promise<void>;
}

// Probes, and the notifier's poll of the outbox (every few seconds; its failures are logged by the gateway).
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/notices/claim']);

/**
 * Starts an Express 5 service on its own Mongo connection with health/readiness probes, request
 * logging without personal data, and `ServiceErrorBody` errors. `port: 0` picks a free port.
 */
export async function startHttpService(options: HttpServiceOptions): Promise<RunningService> {
  const { name, logger, host = '127.0.0.1' } = options;
  // Before the store connects: its commands are traced when tracing is on.
  const telemetry = startTelemetry(name);
  const verifier = await createServiceTokenVerifier({ audience: name, ...options.auth });
  const conn = await connectDatabase({ ...options.mongo, logger });
  try {
    const app = express();
    app.disable('x-powered-by');
    app.set('query parser', 'simple');
    app.use(
      pinoHttp({
        logger,
        // Only method and scrubbed URL: headers and bodies may carry tokens or personal data.
        serializers: {
          req: (req: { id?: unknown; method?: string; url?: string }) => ({
            id: req.id,
            method: req.method,
            url: scrubText(req.url ?? ''),
          }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req, res, err) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url ?? '') },
      }),
    );
    // A span per request (continued from the caller's trace) and its duration by route and status.
    app.use((req, res, next) =>
      serveTraced(
        name,
        req,
        res,
        () => next(),
        () => (req.route as { path?: string } | undefined)?.path,
      ),
    );
    // Prometheus scrapes inside the network, like the probes: no service token.
    app.get('/metrics', (req, res) => telemetry.metricsHandler(req, res));
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', service: name });
    });
    app.get('/readyz', async (_req, res) => {
      const ok = await pingDatabase(conn);
      res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', service: name });
    });
    // Probes stay open (readiness checks hold no credential); everything else needs a service token,
    // checked before the body is read.
    app.use((req, _res, next) => {
      verifier.authorize(req.headers.authorization, req.method, req.path).then(() => next(), next);
    });
    app.use(express.json({ limit: options.jsonLimit ?? '1mb' }));

    // Exact paths only: the access rules match the path as written, so '/Talent-Gate/x' or '/documents/'
    // must not reach a route those rules name otherwise.
    app.set('case sensitive routing', true);
    app.set('strict routing', true);
    const router = express.Router({ caseSensitive: true, strict: true });
    await options.routes(router, conn);
    app.use(router);

    app.use((req, _res, next) => {
      next(new DomainError('NOT_FOUND', `No route for ${req.method} ${scrubText(req.path)}`));
    });
    const onError: ErrorRequestHandler = (err, req, res, _next) => {
      const { status, body, internal } = toErrorResponse(err);
      if (internal) req.log.error({ err }, 'request failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.status(status).json(body);
    };
    app.use(onError);

    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(options.port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url }, `${name} listening`);

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // In-flight requests get a grace period, then their sockets are cut.
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
        conn.removeAllListeners('disconnected');
        await conn.close();
        logger.info(`${name} stopped`);
      })());
    return { url, port, conn, close };
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw err;
  }
}

/** Stops the service on SIGINT/SIGTERM (once), then exits; for each service's `main.ts`. */
export function handleShutdownSignals(service: { close(): Promise<void> }, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, 10_000);
    force.unref();
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** What a data service of services/ declares; `startDataService` adds its logger, trusted callers and store. */
export interface DataServiceSpec<M extends Record<string, Pick<Model<unknown>, 'createCollection' | 'syncIndexes'>>> {
  name: string;
  config: { LOG_LEVEL?: LogLevel; MONGODB_URI: string } & Parameters<typeof trustedCallersFromEnv>[0];
  port: number;
  host?: string;
  dbName: string;
  access: readonly ServiceAccessRule[];
  jsonLimit?: string;
  logger?: Logger;
  /** The service's models on the connection; their collections and indexes are made before `routes`. */
  models: (conn: Connection) => M;
  /** Migrations that must run before the indexes are synced (a new unique index over old records). */
  beforeIndexes?: (models: M, logger: Logger) => Promise<void>;
  routes: (router: Router, models: M, logger: Logger) => void | Promise<void>;
}

/** Starts a service of services/ on its own database, signed callers only (candidate, assessment, document). */
export async function startDataService<
  M extends Record<string, Pick<Model<unknown>, 'createCollection' | 'syncIndexes'>>,
>(spec: DataServiceSpec<M>): Promise<RunningService> {
  const logger = spec.logger ?? createLogger(spec.name, spec.config.LOG_LEVEL);
  return startHttpService({
    name: spec.name,
    port: spec.port,
    host: spec.host,
    logger,
    auth: { trusted: trustedCallersFromEnv(spec.config), access: spec.access },
    mongo: { uri: spec.config.MONGODB_URI, dbName: spec.dbName },
    jsonLimit: spec.jsonLimit,
    routes: async (router, conn) => {
      const models = spec.models(conn);
      await spec.beforeIndexes?.(models, logger);
      await initModels(Object.values(models));
      await spec.routes(router, models, logger);
    },
  });
}
