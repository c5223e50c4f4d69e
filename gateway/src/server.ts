/**
 * The gateway process: GraphQL (Yoga + Pothos) with offline GraphiQL, document downloads, health.
 * One long-lived Temporal client and one Mongo connection per process, never per request.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { connectDatabase, createLogger, createServiceClients, pingDatabase } from '@seleksi/kit';
import { AccountRepository } from './auth/accounts';
import { TokenService } from './auth/tokens';
import type { GatewayConfig } from './config';
import { authenticate, createContext, type GatewayDeps } from './context';
import { schema } from './schema';
import { useTypedErrors } from './typed-errors-plugin';

const STAFF_ROLES = new Set(['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK', 'OVERSEER', 'ADMIN']);

export function createGatewayApp(deps: GatewayDeps, ready: () => Promise<boolean>): express.Express {
  const yoga = createYoga<{ req: express.Request; res: express.Response }>({
    schema,
    graphqlEndpoint: '/graphql',
    renderGraphiQL,
    graphiql: {
      title: 'Seleksi JPT — GraphQL',
      defaultQuery: '{ selections(first: 5) { edges { node { id title stage } } } }',
    },
    landingPage: false,
    plugins: [useTypedErrors()],
    logging: deps.logger,
    context: ({ request }) => createContext(deps, request.headers.get('authorization')),
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    ready().then(
      (ok) => void res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' }),
      () => void res.status(503).json({ status: 'not ready' }),
    );
  });

  // PDF download: public documents to anyone, restricted ones to signed-in staff of the same agency.
  app.get('/documents/:file', (req, res) => {
    const id = req.params.file.replace(/\.pdf$/i, '');
    (async () => {
      const doc = await deps.services.document.getDocument(id);
      if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Dokumen tidak ditemukan' } });
      if (doc.visibility !== 'PUBLIC') {
        const { user } = await authenticate(deps, req.headers.authorization);
        if (!user) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk' } });
        if (!STAFF_ROLES.has(user.role) || (user.role !== 'ADMIN' && user.agencyCode !== doc.agencyCode)) {
          return void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang' } });
        }
      }
      const pdf = await deps.services.document.getPdf(doc.id);
      if (!pdf) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Dokumen tidak ditemukan' } });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${doc.id}.pdf"`);
      res.setHeader('X-Content-SHA256', doc.sha256);
      res.send(pdf.bytes);
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'document download failed');
      res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan dokumen tidak tersedia' } });
    });
  });

  // Yoga is a Node request handler; its type is not an express one.
  app.use(yoga.graphqlEndpoint, yoga as unknown as express.RequestHandler);
  return app;
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
  const conn = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.GATEWAY_DB, logger });
  const accounts = new AccountRepository(conn);
  await accounts.init();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const deps: GatewayDeps = {
    config,
    services: createServiceClients(config),
    temporal,
    accounts,
    tokens: new TokenService(config.AUTH_SECRET),
    logger,
  };
  const app = createGatewayApp(deps, () => pingDatabase(conn));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'gateway listening');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await connection.close();
      await conn.close();
    },
  };
}
