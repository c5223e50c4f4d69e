/**
 * vitest globalSetup for the `integration` project: one Temporal dev server, one FerretDB (on its own
 * PostgreSQL cluster, as `npm start` runs it) and one Mailpit (the SMTP sink) per run, on free ports with throw-away data. Child output goes
 * to test/artifacts/logs/.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  devServerArgs,
  ensureSearchAttributes,
  ferretdbArgs,
  ferretdbPath,
  freePort,
  mailpitArgs,
  mailpitPath,
  waitForMailpit,
  repoRoot,
  spawnLogged,
  startPostgres,
  temporalCliPath,
  temporalTestServerPath,
  waitForMongo,
  waitForTcpPort,
  waitForTemporal,
  type ManagedProcess,
} from '@seleksi/dev';
import { ensureDevServiceKeys } from '@seleksi/kit';
import { payloadKeyEnv, SEARCH_ATTRIBUTES } from '@seleksi/workflows';

const logDir = resolve(repoRoot, 'test/artifacts/logs');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every test process (forks inherit this environment) encrypts and decrypts with the same payload key ring.
  Object.assign(process.env, payloadKeyEnv());
  const started: ManagedProcess[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'seleksi-it-'));
  chmodSync(tmp, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dir inside

  const teardown = async (): Promise<void> => {
    // FerretDB before PostgreSQL, which it is a client of.
    for (const p of started.reverse()) await p.stop(p.name === 'postgres' ? 30_000 : 5_000);
    rmSync(tmp, { recursive: true, force: true });
  };

  try {
    // The services started by the suites trust the development keys of `.data/service-keys`.
    ensureDevServiceKeys();
    const cli = temporalCliPath();
    if (!existsSync(cli))
      throw new Error(`Temporal CLI not found at ${cli}: run \`bash infra/scripts/bootstrap.sh --test\``);
    const externalMongo = process.env.TEST_MONGODB_URI;
    const ferret = ferretdbPath();
    if (!externalMongo && !existsSync(ferret)) {
      throw new Error(
        `FerretDB not found at ${ferret}: run \`bash infra/scripts/bootstrap.sh --test\` (or set TEST_MONGODB_URI)`,
      );
    }

    const temporalPort = await freePort();
    const temporalProc = spawnLogged({
      name: 'temporal',
      command: cli,
      args: devServerArgs({
        port: temporalPort,
        dbFilename: join(tmp, 'temporal.sqlite'),
        searchAttributes: SEARCH_ATTRIBUTES,
      }),
      logFile: join(logDir, 'temporal.log'),
    });
    started.push(temporalProc);

    let mongoUri = externalMongo ?? '';
    let ferretProc: ManagedProcess | undefined;
    if (!externalMongo) {
      // Started while the Temporal dev server starts; FerretDB needs it first.
      const pg = await startPostgres({
        dataDir: join(tmp, 'postgres'),
        port: await freePort(),
        logFile: join(logDir, 'postgres.log'),
      });
      started.push(pg.process);
      const port = await freePort();
      ferretProc = spawnLogged({
        name: 'ferretdb',
        command: ferret,
        args: ferretdbArgs({ port, postgresqlUrl: pg.url }),
        logFile: join(logDir, 'ferretdb.log'),
      });
      started.push(ferretProc);
      mongoUri = `mongodb://127.0.0.1:${port}`;
    }

    const mailpit = mailpitPath();
    if (!existsSync(mailpit))
      throw new Error(`Mailpit not found at ${mailpit}: run \`bash infra/scripts/bootstrap.sh --test\``);
    const smtpPort = await freePort();
    const mailpitUiPort = await freePort();
    const mailpitProc = spawnLogged({
      name: 'mailpit',
      command: mailpit,
      args: mailpitArgs({ smtpPort, uiPort: mailpitUiPort }),
      logFile: join(logDir, 'mailpit.log'),
    });
    started.push(mailpitProc);

    const temporalAddress = `127.0.0.1:${temporalPort}`;
    await Promise.all([
      waitForMailpit({ smtpPort, uiPort: mailpitUiPort, process: mailpitProc }),
      (async () => {
        const connection = await waitForTemporal(temporalAddress, { process: temporalProc, timeoutMs: 60_000 });
        try {
          // Already registered by the flags on a new DB; this only waits until they are visible.
          await ensureSearchAttributes(connection, 'default', SEARCH_ATTRIBUTES);
        } finally {
          await connection.close();
        }
      })(),
      (async () => {
        if (ferretProc) {
          const port = Number(new URL(mongoUri).port);
          await waitForTcpPort('127.0.0.1', port, { process: ferretProc, timeoutMs: 30_000 });
        }
        await waitForMongo(mongoUri, { timeoutMs: 30_000, ...(ferretProc ? { process: ferretProc } : {}) });
      })(),
    ]);

    project.provide('temporalAddress', temporalAddress);
    project.provide('mongoUri', mongoUri);
    project.provide('temporalTestServerPath', temporalTestServerPath());
    project.provide('temporalCliPath', cli);
    project.provide('smtpUrl', `smtp://127.0.0.1:${smtpPort}`);
    project.provide('mailpitUrl', `http://127.0.0.1:${mailpitUiPort}`);
    project.provide('mailpitPath', mailpit);
  } catch (err) {
    await teardown();
    throw err;
  }

  return teardown;
}
