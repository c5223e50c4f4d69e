/** Mailpit, the SMTP sink of `npm start` and the integration tests (built by bootstrap.sh from infra/mailpit). */
import { resolve } from 'node:path';
import { repoRoot, waitForHttpOk, waitForTcpPort, type ManagedProcess } from './processes';

/** `.tools/bin/mailpit`, or MAILPIT_PATH. */
export function mailpitPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAILPIT_PATH || resolve(repoRoot, '.tools/bin/mailpit');
}

/**
 * argv for Mailpit on 127.0.0.1: SMTP on `smtpPort`, web inbox and HTTP API on `uiPort`, mails kept in the
 * SQLite file `database` (in memory when absent). Never looks for updates: there is no internet here.
 */
export function mailpitArgs(o: { smtpPort: number; uiPort: number; database?: string; max?: number }): string[] {
  return [
    '--smtp',
    `127.0.0.1:${o.smtpPort}`,
    '--listen',
    `127.0.0.1:${o.uiPort}`,
    '--disable-version-check',
    '--max',
    String(o.max ?? 5000),
    ...(o.database ? ['--database', o.database] : []),
  ];
}

/** Waits until Mailpit accepts SMTP connections and answers its API. */
export async function waitForMailpit(o: {
  smtpPort: number;
  uiPort: number;
  process?: ManagedProcess;
  timeoutMs?: number;
}): Promise<void> {
  const common = { timeoutMs: o.timeoutMs ?? 30_000, ...(o.process ? { process: o.process } : {}) };
  await waitForTcpPort('127.0.0.1', o.smtpPort, { what: `mailpit SMTP 127.0.0.1:${o.smtpPort}`, ...common });
  await waitForHttpOk(`http://127.0.0.1:${o.uiPort}/api/v1/info`, { what: 'mailpit API', ...common });
}
