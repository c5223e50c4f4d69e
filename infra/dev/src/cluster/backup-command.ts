/**
 * `npm run backup -- <dir> [--port P]` and `npm run restore -- <dir> [--cluster] [--data-dir D] [--port P]` (README,
 * "Backup and restore"). Backup: an online base backup of the running PostgreSQL (default: the one running of
 * `npm start`'s and `npm run start:cluster`'s, backup-source.ts; with both or neither running it asks for --port).
 * Restore: into a fresh data directory (default `<SELEKSI_DATA_DIR>/postgres`, with --cluster
 * `<SELEKSI_CLUSTER_DATA_DIR>/postgres`; it must be absent or empty), then PostgreSQL is started on it once so it replays the WAL to the backup's point, the databases are
 * checked, and it is shut down cleanly, ready for `npm start` / `npm run start:cluster`.
 */
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { freePort } from '../processes';
import { startPostgres } from '../postgres';
import { backupPostgres, listDatabases, missingDatabases, restorePostgres } from './backup';
import { backupSource, postgresInstallations } from './backup-source';
import { loadClusterConfig } from './topology';

const USAGE =
  'usage: npm run backup -- <backup-dir> [--port P]\n' +
  '       npm run restore -- <backup-dir> [--cluster] [--data-dir D] [--port P]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parse(argv: string[]): { dir: string; options: Map<string, string> } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--port' || a === '--data-dir') {
      const v = argv[++i];
      if (!v) fail(`Opsi ${a} memerlukan nilai / ${a} needs a value`);
      options.set(a.slice(2), v);
    } else if (a === '--cluster') {
      options.set('cluster', '1');
    } else if (a.startsWith('--')) {
      fail(`Opsi tidak dikenal: ${a} / unknown option ${a}`);
    } else positional.push(a);
  }
  if (positional.length !== 1) fail('Sebutkan satu direktori cadangan / give one backup directory');
  return { dir: resolve(positional[0]!), options };
}

function port(options: Map<string, string>, fallback: number): number {
  const raw = options.get('port');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) fail(`Port tidak sah: ${raw} / invalid port`);
  return n;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const { dir, options } = parse(rest);
  if (command === 'backup') {
    if (options.has('cluster')) fail('--cluster is for restore; a backup finds the running server (or give --port)');
    let p: number;
    if (options.has('port')) p = port(options, 0);
    else {
      const source = backupSource(postgresInstallations(config, loadClusterConfig()));
      p = source.port;
      console.log(`[backup] the running PostgreSQL is \`${source.startedBy}\`'s (port ${p})`);
    }
    console.log(`[backup] base backup of PostgreSQL 127.0.0.1:${p} into ${dir} (online)`);
    const meta = await backupPostgres({ port: p, dir });
    console.log(
      `[backup] done in ${secs(meta.durationMs)}: ${mb(meta.bytes)} on disk, consistent as of ${meta.finishedAt} ` +
        `(WAL ${meta.startLsn} … ${meta.endLsn}); databases: ${meta.databases.map((d) => `${d.name} ${mb(d.bytes)}`).join(', ')}`,
    );
    const missing = missingDatabases(meta);
    if (missing.length > 0) console.log(`[backup] note: no ${missing.join(', ')} in this cluster`);
    return;
  }
  if (command === 'restore') {
    const installation = postgresInstallations(config, loadClusterConfig())[options.has('cluster') ? 1 : 0]!;
    const dataDir = resolve(options.get('data-dir') ?? installation.dataDir);
    console.log(`[restore] ${dir} into ${dataDir}`);
    const restored = await restorePostgres({ backupDir: dir, dataDir });
    console.log(`[restore] unpacked and verified against the manifest in ${secs(restored.durationMs)}`);
    // Started once, on a free port unless one is given: WAL replay to the backup's point, then a clean shutdown.
    const p = port(options, await freePort());
    const t = Date.now();
    const pg = await startPostgres({ dataDir, port: p, logFile: join(dirname(dataDir), 'postgres-restore.log') });
    try {
      const names = (await listDatabases({ port: p })).map((d) => d.name);
      const lost = restored.meta.databases.map((d) => d.name).filter((n) => !names.includes(n));
      if (lost.length > 0) throw new Error(`restored cluster lacks ${lost.join(', ')}`);
      console.log(
        `[restore] PostgreSQL recovered and answered in ${secs(Date.now() - t)} with ${names.join(', ')}; ` +
          `state as of ${restored.meta.finishedAt}`,
      );
    } finally {
      await pg.stop();
    }
    console.log(`[restore] ready: start the system on ${dataDir}`);
    return;
  }
  fail(`Perintah tidak dikenal: ${command ?? '(kosong)'} / unknown command`);
}

main().catch((err: unknown) => {
  console.error(`[${process.argv[2] ?? 'backup'}] ${(err as Error).message}`);
  process.exit(1);
});
