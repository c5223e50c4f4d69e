/** MongoDB/FerretDB helpers shared by `npm start` and the integration-test global setup. */
import { resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { repoRoot, waitUntil, type ManagedProcess } from './processes';

/** `.tools/bin/ferretdb`, or FERRETDB_PATH. */
export function ferretdbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FERRETDB_PATH || resolve(repoRoot, '.tools/bin/ferretdb');
}

/**
 * argv for our FerretDB build (infra/ferretdb/main.go): its PostgreSQL handler on `postgresqlUrl` (the
 * embedded default, see postgres.ts), or its SQLite handler on the files in `sqliteDir`.
 */
export function ferretdbArgs(
  o: { host?: string; port: number } & ({ postgresqlUrl: string } | { sqliteDir: string }),
): string[] {
  const listen = ['--listen-addr', `${o.host ?? '127.0.0.1'}:${o.port}`];
  return 'postgresqlUrl' in o
    ? [...listen, '--handler', 'postgresql', '--postgresql-url', o.postgresqlUrl]
    : [...listen, '--handler', 'sqlite', '--sqlite-dir', o.sqliteDir];
}

/** One `ping` round trip; throws when the server does not answer. */
export async function mongoPing(uri: string, timeoutMs = 2_000): Promise<void> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Polls `mongoPing` until it succeeds. */
export function waitForMongo(
  uri: string,
  options: { timeoutMs?: number; process?: ManagedProcess; what?: string } = {},
): Promise<void> {
  return waitUntil(
    async () => {
      await mongoPing(uri);
      return true;
    },
    {
      what: options.what ?? `MongoDB ping ${redactUri(uri)}`,
      timeoutMs: options.timeoutMs ?? 30_000,
      intervalMs: 300,
      ...(options.process ? { process: options.process } : {}),
    },
  );
}

/** The URI without its password, for logs. */
export function redactUri(uri: string): string {
  return uri.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
