/**
 * `npm run start:cluster`: the multi-instance topology of topology.ts on one machine, in the foreground.
 * PostgreSQL → Temporal (server cluster, or the CLI dev server until its binary is built) + FerretDB on the
 * same PostgreSQL (or MONGODB_URI) + Mailpit → the three services → WORKERS workers → GATEWAYS gateways →
 * the reverse proxy → demo data through the proxy. Every process is supervised as in `npm start` (restart
 * with backoff); Ctrl-C stops everything in reverse order. State stays in SELEKSI_CLUSTER_DATA_DIR.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { payloadKeyEnv } from '@seleksi/workflows';
import { loadConfig } from '../config';
import { redactUri } from '../mongo';
import * as orchestrator from '../orchestrator';
import { repoRoot, waitForHttpOk, type ManagedProcess } from '../processes';
import { startTemporal } from './temporal';
import { buildTopology, loadClusterConfig, processOf, topologyPorts, type TopologyProcess } from './topology';

const startedAt = Date.now();
const stack = new orchestrator.StackRun('cluster');
const fail = stack.fail;

async function main(): Promise<void> {
  const cc = loadClusterConfig();
  const dev = loadConfig({ ...process.env, MONGODB_URI: undefined, TEMPORAL_ADDRESS: undefined });
  const topology = buildTopology(cc);
  const dataDir = resolve(repoRoot, cc.SELEKSI_CLUSTER_DATA_DIR);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const o = stack.begin(logDir);
  o.installSignalHandlers();
  const rel = (p: string): string => relative(process.cwd(), p) || '.';
  const localMongo = !cc.MONGODB_URI;
  const urls = topology.urls;

  await orchestrator.assertPortsFree(
    topologyPorts(topology),
    'Is another `npm run start:cluster` still running? Stop it, or choose another CLUSTER_BASE_PORT.',
  );

  // 1. PostgreSQL (Temporal's and FerretDB's) and Mailpit; then Temporal and the document store on it.
  const [, temporal] = await Promise.all([
    o.step('Mailpit', () =>
      orchestrator.startMailpit(o, {
        smtpPort: processOf(topology, 'mailpit').instances[0]!.ports.smtp!,
        uiPort: processOf(topology, 'mailpit').instances[0]!.ports.ui!,
        dataDir,
      }),
    ),
    (async () => {
      await o.step('PostgreSQL', () => orchestrator.startManagedPostgres(o, { port: topology.postgres.port, dataDir }));
      const [t] = await Promise.all([
        o.step('Temporal', () =>
          startTemporal(topology, { orchestrator: o, dataDir, uiCodecEndpoint: `${urls.public}/codec` }),
        ),
        o.step(localMongo ? 'FerretDB' : `MongoDB ${redactUri(urls.mongo)}`, () =>
          orchestrator.startDocumentStore(o, {
            mongoUri: urls.mongo,
            ...(localMongo
              ? {
                  ferretdbPort: processOf(topology, 'ferretdb').instances[0]!.ports.mongo!,
                  postgresPort: topology.postgres.port,
                }
              : {}),
          }),
        ),
      ]);
      return t;
    })(),
  ]);

  const credentials = orchestrator.serviceCredentials(dataDir);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    SELEKSI_DATA_DIR: dataDir,
  };
  // One payload key ring for every Temporal client and worker (development: made once in the data dir),
  // given only to the roles topology.ts names it for (workers and gateways), not to every process.
  const payloadKeys = payloadKeyEnv({ ...process.env, SELEKSI_DATA_DIR: dataDir });
  const secretEnv = (p: TopologyProcess): NodeJS.ProcessEnv => ({
    ...(p.secrets.includes('TEMPORAL_PAYLOAD_KEYS') ? payloadKeys : {}),
    ...(p.secrets.includes('SERVICE_AUTH_TRUST') ? credentials.trustEnv : {}),
    ...(p.kind === 'worker' ? credentials.callerEnv('worker') : {}),
    // Every gateway signs and checks session tokens with the same secret: a token from one works on all.
    ...(p.kind === 'gateway'
      ? { ...credentials.callerEnv('gateway'), AUTH_SECRET: orchestrator.authSecret(dataDir) }
      : {}),
  });
  /** Every instance of a role under supervision; resolves when all answer their health check. */
  const startRole = (name: string, timeoutMs: number): Promise<void> => {
    const p = processOf(topology, name);
    const [program, ...args] = p.command;
    return o
      .step(p.replicas > 1 ? `${p.replicas} × ${name}` : name, () =>
        Promise.all(
          p.instances.map((i) => {
            const proc: ManagedProcess = o.launch({
              name: i.name,
              // One node process per component (`--import tsx`, not the tsx CLI, which would relay signals twice).
              command: program === 'node' ? process.execPath : program!,
              args: program === 'node' ? ['--import', 'tsx', ...args] : args,
              env: { ...baseEnv, ...p.env, ...i.env, TEMPORAL_ADDRESS: temporal.address, ...secretEnv(p) },
              console: true,
            });
            const port = i.ports[p.health.port]!;
            return waitForHttpOk(`http://127.0.0.1:${port}${p.health.path ?? '/'}`, { timeoutMs, process: proc });
          }),
        ),
      )
      .then(() => undefined);
  };

  // 2. Services, then workers, then gateways, then the proxy in front of them.
  await Promise.all(['candidate', 'assessment', 'document'].map((s) => startRole(s, 60_000)));
  await startRole('worker', 120_000);
  await startRole('gateway', 60_000);
  await startRole('proxy', 30_000);

  // 3. Demo data through the proxy (idempotent), or the first administrator with SELEKSI_DEMO=0.
  let seedLines: string[];
  try {
    seedLines = await orchestrator.seedOrInviteAdmin(o, {
      demo: dev.SELEKSI_DEMO,
      adminEmail: dev.SELEKSI_ADMIN_EMAIL,
      logLevel: cc.LOG_LEVEL,
      gatewayUrl: urls.public,
      mailpitUrl: urls.mailpit,
      serviceUrls: { candidate: urls.candidate, assessment: urls.assessment, document: urls.document },
      temporalAddress: temporal.address,
      namespace: topology.namespace,
      mongoUri: urls.mongo,
      auth: credentials.operatorAuth(baseEnv),
    });
  } catch (err) {
    return fail(`first administrator: ${(err as Error).message}`);
  }

  const gateways = processOf(topology, 'gateway').instances;
  const workers = processOf(topology, 'worker').instances;
  const pad = (s: string): string => s.padEnd(29);
  orchestrator.printBox([
    `Seleksi JPT cluster is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    '',
    `${pad('Portal / GraphQL (proxy)')}${urls.public}/graphql`,
    `${pad(`Gateways (${gateways.length})`)}${gateways.map((g) => g.ports.http).join(', ')} behind the proxy`,
    `${pad(`Workers (${workers.length})`)}health ${workers.map((w) => w.ports.health).join(', ')}`,
    `${pad('Temporal')}${temporal.address} (${temporal.mode === 'cluster' ? 'server cluster' : 'CLI dev server'}, namespace ${topology.namespace})`,
    ...(temporal.uiUrl ? [`${pad('Temporal UI')}${temporal.uiUrl}`] : []),
    `${pad('Mailpit inbox')}${urls.mailpit}`,
    ...(['candidate', 'assessment', 'document'] as const).map((s) => `${pad(`${s} service`)}${urls[s]}/readyz`),
    `${pad('MongoDB')}${redactUri(urls.mongo)}${localMongo ? ` (FerretDB on PostgreSQL 127.0.0.1:${topology.postgres.port})` : ''}`,
    `${pad('Data')}${rel(dataDir)}   logs: ${rel(logDir)}/<name>.log`,
    ...seedLines,
    '',
    'Ctrl-C stops everything; data is kept for the next start.',
  ]);
}

stack.run(main);
