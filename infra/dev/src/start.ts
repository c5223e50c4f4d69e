/**
 * `npm start`: runs the whole embedded stack in the foreground.
 * Temporal dev server + PostgreSQL → FerretDB + Mailpit → candidate/assessment/document services → worker →
 * gateway → demo data, each with a readiness check. A component that dies afterwards is restarted
 * (backoff, see `supervise` in processes.ts). Ctrl-C stops everything in reverse order; data stays in
 * SELEKSI_DATA_DIR (default .data/). The pieces shared with `npm run start:cluster` are in orchestrator.ts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { payloadKeyEnv, SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { loadConfig, type DevConfig } from './config';
import { redactUri } from './mongo';
import * as orchestrator from './orchestrator';
import { repoRoot, waitForHttpOk, type ManagedProcess } from './processes';
import { devServerArgs, ensureSearchAttributes, temporalCliPath, waitForTemporal } from './temporal';

const startedAt = Date.now();
const stack = new orchestrator.StackRun('start');
const fail = stack.fail;

const SERVICES = ['candidate', 'assessment', 'document'] as const;
type ServiceName = (typeof SERVICES)[number];

async function main(): Promise<void> {
  let config: DevConfig;
  try {
    config = loadConfig();
  } catch (err) {
    return fail((err as Error).message);
  }
  const dataDir = resolve(repoRoot, config.SELEKSI_DATA_DIR);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const o = stack.begin(logDir);
  o.installSignalHandlers();
  const say = (msg: string): void => o.say(msg);
  const rel = (p: string): string => relative(process.cwd(), p) || '.';

  const localTemporal = !config.TEMPORAL_ADDRESS;
  const localMongo = !config.MONGODB_URI;
  const temporalAddress = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
  const mongoUri = config.MONGODB_URI ?? `mongodb://127.0.0.1:${config.FERRETDB_PORT}`;
  const namespace = config.TEMPORAL_NAMESPACE;
  const serviceUrl = (s: ServiceName): string => `http://127.0.0.1:${config[servicePortKey(s)]}`;
  const gatewayUrl = `http://localhost:${config.GATEWAY_PORT}`;
  const temporalUiUrl = localTemporal ? `http://localhost:${config.TEMPORAL_UI_PORT}` : process.env.TEMPORAL_UI_URL;

  const entries = {
    candidate: 'services/candidate/src/main.ts',
    assessment: 'services/assessment/src/main.ts',
    document: 'services/document/src/main.ts',
    worker: 'workflows/src/worker/main.ts',
    gateway: 'gateway/src/main.ts',
  };
  const missing = Object.entries(entries).filter(([, file]) => !existsSync(resolve(repoRoot, file)));
  for (const [name, file] of missing) say(orchestrator.paint(33, `${name}: ${file} not found, not starting it`));
  const present = (name: keyof typeof entries): boolean => !missing.some(([n]) => n === name);

  await orchestrator.assertPortsFree([
    ...(localTemporal
      ? [
          { name: 'Temporal', port: config.TEMPORAL_PORT, setting: 'TEMPORAL_PORT' },
          { name: 'Temporal UI', port: config.TEMPORAL_UI_PORT, setting: 'TEMPORAL_UI_PORT' },
        ]
      : []),
    ...(localMongo
      ? [
          { name: 'FerretDB', port: config.FERRETDB_PORT, setting: 'FERRETDB_PORT' },
          { name: 'PostgreSQL', port: config.POSTGRES_PORT, setting: 'POSTGRES_PORT' },
        ]
      : []),
    { name: 'Mailpit SMTP', port: config.MAILPIT_SMTP_PORT, setting: 'MAILPIT_SMTP_PORT' },
    { name: 'Mailpit inbox', port: config.MAILPIT_UI_PORT, setting: 'MAILPIT_UI_PORT' },
    ...SERVICES.filter(present).map((s) => ({ name: s, port: config[servicePortKey(s)], setting: servicePortKey(s) })),
    ...(present('worker') ? [{ name: 'worker', port: config.WORKER_HEALTH_PORT, setting: 'WORKER_HEALTH_PORT' }] : []),
    ...(present('gateway') ? [{ name: 'gateway', port: config.GATEWAY_PORT, setting: 'GATEWAY_PORT' }] : []),
  ]);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: config.LOG_LEVEL,
    SELEKSI_DATA_DIR: dataDir,
    MONGODB_URI: mongoUri,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
    CANDIDATE_PORT: String(config.CANDIDATE_PORT),
    ASSESSMENT_PORT: String(config.ASSESSMENT_PORT),
    DOCUMENT_PORT: String(config.DOCUMENT_PORT),
    WORKER_HEALTH_PORT: String(config.WORKER_HEALTH_PORT),
    GATEWAY_PORT: String(config.GATEWAY_PORT),
    CANDIDATE_SERVICE_URL: serviceUrl('candidate'),
    ASSESSMENT_SERVICE_URL: serviceUrl('assessment'),
    DOCUMENT_SERVICE_URL: serviceUrl('document'),
    PORTAL_PUBLIC_URL: gatewayUrl,
    PUBLIC_URL: gatewayUrl,
    SMTP_URL: `smtp://127.0.0.1:${config.MAILPIT_SMTP_PORT}`,
    // One payload key ring for every Temporal client and worker (development: made once in the data dir).
    ...payloadKeyEnv({ ...process.env, SELEKSI_DATA_DIR: dataDir }),
  };
  const mailpitUrl = `http://localhost:${config.MAILPIT_UI_PORT}`;
  const step = <T>(label: string, run: () => Promise<T>): Promise<T> => o.step(label, run);

  // 1 + 2. Temporal, the store and the SMTP sink do not depend on each other: start them at once.
  await Promise.all([
    step('Mailpit', () =>
      orchestrator.startMailpit(o, { smtpPort: config.MAILPIT_SMTP_PORT, uiPort: config.MAILPIT_UI_PORT, dataDir }),
    ),
    step(localTemporal ? 'Temporal dev server' : `Temporal ${temporalAddress}`, async () => {
      let proc: ManagedProcess | undefined;
      if (localTemporal) {
        const cli = temporalCliPath();
        if (!existsSync(cli))
          throw new Error(`Temporal CLI not found at ${cli}: run \`bash infra/scripts/bootstrap.sh\``);
        proc = o.launch({
          name: 'temporal',
          command: cli,
          args: devServerArgs({
            port: config.TEMPORAL_PORT,
            uiPort: config.TEMPORAL_UI_PORT,
            dbFilename: join(dataDir, 'temporal.sqlite'),
            namespace,
            searchAttributes: SEARCH_ATTRIBUTES,
            // The Web UI decrypts payloads through the gateway's codec server (an operator's sign-in).
            uiCodecEndpoint: `${gatewayUrl}/codec`,
          }),
          console: false,
        });
      }
      const connection = await waitForTemporal(temporalAddress, {
        timeoutMs: 60_000,
        what: `temporal (${temporalAddress})`,
        ...(proc ? { process: proc } : {}),
      });
      try {
        const added = await ensureSearchAttributes(connection, namespace, SEARCH_ATTRIBUTES);
        if (added.length > 0) say(`registered search attributes: ${added.join(', ')}`);
      } catch (err) {
        if (localTemporal) throw err;
        say(
          orchestrator.paint(33, `could not check search attributes on ${temporalAddress}: ${(err as Error).message}`),
        );
      } finally {
        await connection.close();
      }
    }),
    step(localMongo ? 'PostgreSQL + FerretDB' : `MongoDB ${redactUri(mongoUri)}`, async () => {
      // FerretDB stores everything in a PostgreSQL cluster of our own in the data dir.
      if (localMongo) await orchestrator.startManagedPostgres(o, { port: config.POSTGRES_PORT, dataDir });
      await orchestrator.startDocumentStore(o, {
        mongoUri,
        ...(localMongo ? { ferretdbPort: config.FERRETDB_PORT, postgresPort: config.POSTGRES_PORT } : {}),
      });
    }),
  ]);

  // 3. Services (independent of each other).
  const node = (name: keyof typeof entries, env: NodeJS.ProcessEnv = childEnv): ManagedProcess =>
    // One node process per component (`--import tsx`, not the tsx CLI, whose extra parent process
    // would relay every signal a second time).
    o.launch({ name, command: process.execPath, args: ['--import', 'tsx', entries[name]], env, console: true });
  const { callerEnv, trustEnv, operatorAuth: operatorAuthOf } = orchestrator.serviceCredentials(dataDir);
  const serviceEnv: NodeJS.ProcessEnv = { ...childEnv, ...trustEnv };
  const operatorAuth = operatorAuthOf(childEnv);
  await Promise.all(
    SERVICES.filter(present).map((s) =>
      step(`${s} service`, () =>
        waitForHttpOk(`${serviceUrl(s)}/readyz`, { timeoutMs: 60_000, process: node(s, serviceEnv) }),
      ),
    ),
  );

  // 4. Worker.
  if (present('worker')) {
    await step('worker', () =>
      waitForHttpOk(`http://127.0.0.1:${config.WORKER_HEALTH_PORT}/healthz`, {
        timeoutMs: 120_000,
        process: node('worker', { ...childEnv, ...callerEnv('worker') }),
      }),
    );
  }

  // 5. Gateway.
  if (present('gateway')) {
    await step('gateway', () =>
      waitForHttpOk(`http://127.0.0.1:${config.GATEWAY_PORT}/healthz`, {
        timeoutMs: 60_000,
        process: node('gateway', {
          ...childEnv,
          ...callerEnv('gateway'),
          AUTH_SECRET: orchestrator.authSecret(dataDir),
        }),
      }),
    );
  }

  // 6. Demo data (idempotent), or with SELEKSI_DEMO=0 an empty installation and its first administrator.
  let seedLines: string[] = [];
  if (present('gateway')) {
    try {
      seedLines = await orchestrator.seedOrInviteAdmin(o, {
        demo: config.SELEKSI_DEMO,
        adminEmail: config.SELEKSI_ADMIN_EMAIL,
        logLevel: config.LOG_LEVEL,
        gatewayUrl,
        mailpitUrl,
        serviceUrls: {
          candidate: serviceUrl('candidate'),
          assessment: serviceUrl('assessment'),
          document: serviceUrl('document'),
        },
        temporalAddress,
        namespace,
        mongoUri,
        auth: operatorAuth,
      });
    } catch (err) {
      return fail(`first administrator: ${(err as Error).message}`);
    }
  }

  // 7. Summary.
  const lines: string[] = [
    `Seleksi JPT is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    '',
    present('gateway')
      ? `Portal / GraphQL + GraphiQL  ${gatewayUrl}/graphql`
      : 'Gateway                      not started',
    `Temporal                     ${temporalAddress} (namespace ${namespace})`,
    ...(temporalUiUrl ? [`Temporal UI                  ${temporalUiUrl}`] : []),
    `Mailpit inbox (sent mails)   ${mailpitUrl}   (SMTP 127.0.0.1:${config.MAILPIT_SMTP_PORT}, API /api/v1)`,
    ...SERVICES.map((s) => `${(s + ' service').padEnd(29)}${present(s) ? `${serviceUrl(s)}/readyz` : 'not started'}`),
    `Worker                       ${present('worker') ? `http://127.0.0.1:${config.WORKER_HEALTH_PORT}/healthz` : 'not started'}`,
    `MongoDB                      ${redactUri(mongoUri)}${localMongo ? ` (FerretDB on PostgreSQL 127.0.0.1:${config.POSTGRES_PORT})` : ''}`,
    `Data                         ${rel(dataDir)}   logs: ${rel(logDir)}/<name>.log`,
  ];
  lines.push(...seedLines);
  lines.push('', 'Ctrl-C stops everything; data is kept for the next start.');
  orchestrator.printBox(lines);
}

function servicePortKey(s: ServiceName): 'CANDIDATE_PORT' | 'ASSESSMENT_PORT' | 'DOCUMENT_PORT' {
  return `${s.toUpperCase() as Uppercase<ServiceName>}_PORT`;
}

stack.run(main);
