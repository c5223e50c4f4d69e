/**
 * The gateway process: GraphQL (Yoga + Pothos) with offline GraphiQL, document downloads, health.
 * One long-lived Temporal client and one Mongo connection per process, never per request.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import express from 'express';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { Logger } from 'pino';
import {
  connectDatabase,
  createLogger,
  isRelayed,
  serveTraced,
  startTelemetry,
  createServiceClients,
  pingDatabase,
  serviceTokenProviderFromEnv,
} from '@seleksi/kit';
import { seleksiDataConverter } from '@seleksi/workflows';
import { ApplyPipeline } from './apply';
import { StoredBusyReceipts } from './busy-receipts';
import { AccountRepository } from './auth/accounts';
import { AuthChangeFeed } from './auth/auth-changes';
import { TokenService } from './auth/tokens';
import type { GatewayConfig } from './config';
import { authenticate, createContext, type GatewayDeps } from './context';
import { applicationFileRoutes } from './application-files/routes';
import { codecServerRoutes } from './codec-server';
import { logoRoutes } from './logos';
import { meritEvidenceRoutes } from './merit-evidence/routes';
import { documentRoutes } from './documents/routes';
import { exportRoutes } from './exports/routes';
import { importRoutes } from './imports/routes';
import { edgeOptions } from './edge';
import { NoticePreferences, Notifier } from './notices/notifier';
import { schema } from './schema';
import { typedResponseBody } from './typed-errors-plugin';
import { clientAddress } from './security/client-address';
import { createEdge } from './security/edge';
import { SecurityEvents } from './security/events';
import { SignInThrottle, throttlePolicy } from './security/throttle';
import { SharedReads, useSharedReadsClearing } from './shared-reads';

const GRAPHQL_ENDPOINT = '/graphql';
const RECEIVED_AT = Symbol('receivedAt');
/** APPLY_TRACE=1: when each connection was accepted, logged against its request's receipt stamp. */
const TRACE = process.env.APPLY_TRACE === '1';
const CONNECTED_AT = Symbol('connectedAt');
const AUTHENTICATION = Symbol('authentication');
type ReceivedRequest = IncomingMessage & {
  [RECEIVED_AT]?: Date;
  [AUTHENTICATION]?: ReturnType<typeof authenticate>;
};

function receivedAtOf(req: IncomingMessage | undefined): Date | undefined {
  return (req as ReceivedRequest | undefined)?.[RECEIVED_AT];
}

function authenticationOf(req: IncomingMessage | undefined): ReturnType<typeof authenticate> | undefined {
  return (req as ReceivedRequest | undefined)?.[AUTHENTICATION];
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The GraphQL endpoint as one Node request handler: the receipt time and the bearer token's check
 * start when the headers arrive, a sized JSON body is read whole, then Yoga answers.
 */
export function createGraphqlHandler(deps: GatewayDeps): NodeHandler {
  const edge = edgeOptions(deps.config);
  const yoga = createYoga<{ req: express.Request; res: express.Response }>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    renderGraphiQL,
    graphiql: {
      title: 'Seleksi JPT — GraphQL',
      defaultQuery: '{ selections(first: 5) { edges { node { id title stage } } } }',
    },
    landingPage: false,
    // CORS is decided before routing (security/edge.ts), for the portal's origin only.
    cors: false,
    ...edge,
    plugins: [...edge.plugins, useSharedReadsClearing()],
    logging: deps.logger,
    context: ({ request, req }) =>
      createContext(
        deps,
        request.headers.get('authorization'),
        request.headers.get('idempotency-key'),
        receivedAtOf(req) ?? new Date(),
        authenticationOf(req),
        req ? clientAddress(req, deps.config.TRUST_PROXY) : 'unknown',
      ),
  });
  // Yoga is a Node request handler; its type is not an express one.
  const answer = yoga as unknown as NodeHandler;
  return (req, res) => {
    // Stamped when the headers arrive, before the (multipart) body is read: an application's receipt time.
    // The bearer token is checked from then on too, while the body arrives and is parsed.
    const r = req as ReceivedRequest;
    r[RECEIVED_AT] = new Date();
    if (TRACE && /^multipart\//i.test(req.headers['content-type'] ?? '')) {
      const connectedAt = (req.socket as { [CONNECTED_AT]?: number })[CONNECTED_AT];
      deps.logger.info(
        { receiptTrace: { connectedAt, stampedAt: r[RECEIVED_AT].getTime(), reused: req.socket.bytesRead > 0 } },
        'receipt trace',
      );
    }
    if (req.headers.authorization) {
      const auth = authenticate(deps, req.headers.authorization);
      // Awaited by the context; a request that never gets one (a parse error) must not leave it unhandled.
      auth.catch(() => undefined);
      r[AUTHENTICATION] = auth;
    }
    if (req.method === 'POST')
      readJsonBody(
        req,
        () => answer(req, res),
        () => res.destroy(),
      );
    else answer(req, res);
  };
}

/**
 * A POST to the GraphQL endpoint itself (most of the gateway's traffic): the server hands it to the
 * GraphQL handler without going through express's router and its request/response decoration (about
 * a tenth of a small query's CPU in the gateway). Everything else, GET /graphql (GraphiQL) included,
 * goes through express, which mounts the same handler.
 */
function isGraphqlPost(req: IncomingMessage): boolean {
  return (
    req.method === 'POST' && (req.url === GRAPHQL_ENDPOINT || req.url?.startsWith(`${GRAPHQL_ENDPOINT}?`) === true)
  );
}

export function createGatewayApp(
  deps: GatewayDeps,
  ready: () => Promise<boolean>,
  graphql: NodeHandler = createGraphqlHandler(deps),
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    ready().then(
      (ok) => void res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' }),
      () => void res.status(503).json({ status: 'not ready' }),
    );
  });

  documentRoutes(app, deps);
  applicationFileRoutes(app, deps);
  meritEvidenceRoutes(app, deps);
  exportRoutes(app, deps);
  importRoutes(app, deps);
  codecServerRoutes(app, deps);
  logoRoutes(app, deps);

  app.use(GRAPHQL_ENDPOINT, (req, res) => graphql(req, res));
  servePortal(app, deps);
  return app;
}

/** JSON bodies read here in one piece (larger or unsized ones go to Yoga as a stream). */
const JSON_BODY_MAX = 1024 * 1024;

/**
 * Reads a sized JSON request body whole and hands Yoga the parsed object (`req.body`, which its Node
 * adapter takes as is): otherwise each request's body is pulled through a web stream, piped through
 * Yoga's size-counting transform, then parsed (about a tenth of the gateway's time on a small query).
 * Yoga still checks Content-Length against its own limit. A body that is not a non-empty object
 * (invalid JSON included) goes on as its text, so Yoga answers it exactly as before.
 */
function readJsonBody(req: IncomingMessage, next: () => void, failed: () => void): void {
  const type = req.headers['content-type'] ?? '';
  const length = Number(req.headers['content-length']);
  if (!/^application\/(?:graphql\+)?json\b/i.test(type) || !(length > 0 && length <= JSON_BODY_MAX)) return next();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('error', failed);
  req.once('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const usable =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.keys(parsed).length > 0;
    (req as { body?: unknown }).body = usable ? parsed : text;
    next();
  });
}

/**
 * The portal's static files, and its index.html for every other GET so that client-side routes
 * (/beranda-saya, /seleksi/…) load on refresh. Hashed assets are cached for a year; index.html never.
 */
function servePortal(app: express.Express, deps: GatewayDeps): void {
  const dir = deps.config.PORTAL_DIST_DIR;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    deps.logger.warn({ dir }, 'portal not built (pnpm --filter @seleksi/portal build); serving the API only');
    return;
  }
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get(
    /^\/(?!graphql|documents\/|logos\/|verifikasi(?:\/|$)|application-files\/|imports\/|healthz|readyz).*/,
    (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    },
  );
}

/**
 * A request Node's HTTP parser refuses (headers or URL over 16 KB, malformed HTTP): the same typed
 * JSON body as every other refusal instead of Node's empty one.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = typedResponseBody(
    'VALIDATION_FAILED',
    tooLarge ? 'Alamat atau header permintaan terlalu panjang' : 'Permintaan HTTP tidak valid',
    tooLarge ? 'url' : undefined,
  );
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

export interface RunningGateway {
  url: string;
  port: number;
  deps: GatewayDeps;
  close(): Promise<void>;
}

/** Starts the gateway: connects once to Mongo (accounts) and Temporal, then listens. */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.LOG_LEVEL),
): Promise<RunningGateway> {
  // Before anything connects: a missing service key stops the start; the store's commands are traced.
  const serviceAuth = serviceTokenProviderFromEnv('gateway', config);
  const telemetry = startTelemetry('gateway');
  const conn = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.GATEWAY_DB, logger });
  const accounts = new AccountRepository(conn, new AuthChangeFeed(conn, { pollMs: config.AUTH_FEED_POLL_MS, logger }));
  await accounts.init();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: seleksiDataConverter(),
    // The request's trace goes on in the workflow's and its activities' headers.
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
  const deps: GatewayDeps = {
    config,
    services: createServiceClients(config, { timeoutMs: config.SERVICE_TIMEOUT_MS, auth: serviceAuth }),
    temporal,
    accounts,
    tokens: new TokenService(config.AUTH_SECRET),
    logger,
    apply: new ApplyPipeline(config, new StoredBusyReceipts(conn, config.APPLY_BUSY_RECEIPT_MAX_AGE_MS)),
    noticePreferences: new NoticePreferences(conn),
    throttle: new SignInThrottle(conn, throttlePolicy(config), new SecurityEvents(conn), logger),
    sharedReads: new SharedReads(config.SHARED_READ_TTL_MS, config.SHARED_READ_MAX_ENTRIES),
  };
  await deps.throttle.init();
  const notifier = config.SMTP_URL
    ? new Notifier({
        candidate: deps.services.candidate,
        conn,
        preferences: deps.noticePreferences,
        config: { ...config, SMTP_URL: config.SMTP_URL },
        logger,
      })
    : null;
  if (!notifier) logger.warn('SMTP_URL not set: notices stay in the outbox until a gateway with SMTP_URL runs');
  const graphql = createGraphqlHandler(deps);
  const app = createGatewayApp(deps, () => pingDatabase(conn), graphql);
  const edge = createEdge(config);
  const server: Server = createServer((req, res) => {
    if (edge(req, res)) return;
    // Prometheus scrapes the gateway inside the network; what the public proxy relays never gets its figures.
    if (req.url === '/metrics' && req.method === 'GET' && !isRelayed(req)) return telemetry.metricsHandler(req, res);
    const toGraphql = isGraphqlPost(req);
    serveTraced(
      'gateway',
      req,
      res,
      () => (toGraphql ? graphql(req, res) : app(req, res)),
      () => (toGraphql ? GRAPHQL_ENDPOINT : (req as express.Request).route?.path),
    );
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => answerClientError(err, socket));
  if (TRACE) server.on('connection', (socket) => Object.assign(socket, { [CONNECTED_AT]: Date.now() }));
  await new Promise<void>((resolve) => server.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'gateway listening');
  notifier?.start();
  accounts.startFeed();
  deps.throttle.start(config.SIGNIN_CLEANUP_INTERVAL_SECONDS, config.SECURITY_EVENT_RETENTION_DAYS);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    async close() {
      await notifier?.stop();
      deps.throttle.stop();
      await accounts.stopFeed();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await connection.close();
      await conn.close();
    },
  };
}
