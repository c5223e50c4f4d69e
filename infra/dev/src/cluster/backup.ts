/**
 * Online backup and restore of everything the cluster rehearsal keeps in PostgreSQL: Temporal's `temporal` and
 * `temporal_visibility` databases and FerretDB's `ferretdb` database (README, "Backup and restore").
 *
 * One `pg_basebackup` of the whole PostgreSQL cluster, not a `pg_dump` per database: a base backup with the WAL
 * streamed alongside restores to a single point in time (the end of the backup) for all three databases at once,
 * so the workflow histories in `temporal` and the read models and audit chain in `ferretdb` agree, as they did
 * on the running system at that moment. Three dumps would each be consistent on their own but taken at three
 * different moments, and a decision landing in between would be in one store and not the other.
 *
 * The backup is tar format, gzip-compressed: `base.tar.gz` (the data directory), `pg_wal.tar.gz` (the WAL written
 * while it ran, which recovery replays up to the consistent point), PostgreSQL's `backup_manifest` (checked by
 * `pg_verifybackup` at restore) and `seleksi-backup.json` (what, when, how big). Restore unpacks into a fresh data
 * directory owned by the `postgres` user (when run as root), mode 0700, and verifies it against the manifest;
 * the first start of PostgreSQL on it replays the WAL.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { postgresBinDir, psql, runAs, type RunAs } from '../postgres';

const execFileAsync = promisify(execFile);

/** The databases the rehearsal keeps in PostgreSQL: Temporal's two and FerretDB's. */
export const BACKED_UP_DATABASES = ['temporal', 'temporal_visibility', 'ferretdb'] as const;

export const BACKUP_METADATA = 'seleksi-backup.json';
const BASE_ARCHIVE = 'base.tar.gz';
const WAL_ARCHIVE = 'pg_wal.tar.gz';
const MANIFEST = 'backup_manifest';

export interface BackupMetadata {
  label: string;
  /** When pg_basebackup started and finished (ISO): the restored state is the one at `finishedAt`. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Size of the backup on disk (all files), bytes. */
  bytes: number;
  serverVersion: string;
  /** WAL range of the backup (from its manifest): recovery replays up to `endLsn`, the consistent point. */
  startLsn: string | null;
  endLsn: string | null;
  /** Every database in the cluster at backup time, with its size then (bytes). */
  databases: { name: string; bytes: number }[];
}

/** Which of BACKED_UP_DATABASES a backup lacks (the embedded `npm start` stack has only `ferretdb`). */
export function missingDatabases(meta: Pick<BackupMetadata, 'databases'>): string[] {
  return BACKED_UP_DATABASES.filter((d) => !meta.databases.some((x) => x.name === d));
}

export interface PostgresEndpoint {
  host?: string;
  port: number;
  user?: string;
  binDir?: string;
}

async function psqlRows(pg: PostgresEndpoint, sql: string): Promise<string[][]> {
  const out = await psql({ ...pg, database: 'postgres' }, sql);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

/** The cluster's user databases with their sizes (templates left out). */
export async function listDatabases(pg: PostgresEndpoint): Promise<{ name: string; bytes: number }[]> {
  const rows = await psqlRows(
    pg,
    'SELECT datname, pg_database_size(datname) FROM pg_database WHERE NOT datistemplate ORDER BY datname',
  );
  return rows.map(([name, bytes]) => ({ name: name!, bytes: Number(bytes) }));
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** The WAL range recorded in a backup manifest (PostgreSQL's JSON format). */
function manifestLsns(file: string): { startLsn: string | null; endLsn: string | null } {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { 'WAL-Ranges'?: { 'Start-LSN': string; 'End-LSN': string }[] };
    const ranges = m['WAL-Ranges'] ?? [];
    return { startLsn: ranges[0]?.['Start-LSN'] ?? null, endLsn: ranges.at(-1)?.['End-LSN'] ?? null };
  } catch {
    return { startLsn: null, endLsn: null };
  }
}

/**
 * Takes an online base backup of the running cluster into `dir` (missing or empty): the system keeps running and
 * writing meanwhile. A fast checkpoint starts it at once instead of waiting for the next scheduled one.
 */
export async function backupPostgres(o: PostgresEndpoint & { dir: string; label?: string }): Promise<BackupMetadata> {
  const dir = resolve(o.dir);
  if (!isEmptyOrMissing(dir)) throw new Error(`backup directory ${dir} is not empty: give a new one`);
  const binDir = o.binDir ?? postgresBinDir();
  const pg = { ...o, binDir };
  const [versionRow] = await psqlRows(pg, 'SHOW server_version');
  const databases = await listDatabases(pg);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const label = o.label ?? `seleksi ${new Date().toISOString()}`;
  const started = Date.now();
  await execFileAsync(
    join(binDir, 'pg_basebackup'),
    [
      '-h',
      o.host ?? '127.0.0.1',
      '-p',
      String(o.port),
      '-U',
      o.user ?? 'postgres',
      '-D',
      dir,
      '--format=tar',
      '--gzip',
      '--compress=1', // fastest gzip level: the data is mostly JSONB and history blobs, which compress well anyway
      '--wal-method=stream',
      '--checkpoint=fast',
      '--no-password',
      `--label=${label}`,
    ],
    { timeout: 3_600_000, maxBuffer: 16 * 1024 * 1024 },
  ).catch((err: Error & { stderr?: string }) => {
    throw new Error(`pg_basebackup of 127.0.0.1:${o.port} failed: ${err.stderr || err.message}`);
  });
  const finished = Date.now();
  const meta: BackupMetadata = {
    label,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - started,
    bytes: 0,
    serverVersion: versionRow?.[0] ?? 'unknown',
    ...manifestLsns(join(dir, MANIFEST)),
    databases,
  };
  meta.bytes = dirBytes(dir);
  writeFileSync(join(dir, BACKUP_METADATA), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** Reads `seleksi-backup.json` of a backup directory. */
export function readBackupMetadata(dir: string): BackupMetadata {
  const file = join(resolve(dir), BACKUP_METADATA);
  if (!existsSync(file)) throw new Error(`${file} not found: ${dir} is not a backup made by \`npm run backup\``);
  return JSON.parse(readFileSync(file, 'utf8')) as BackupMetadata;
}

/** Unpacks a .tar.gz into `into` as `user` (the archive is read by this process, so its directory may be private). */
async function untar(archive: string, into: string, user: RunAs | undefined): Promise<void> {
  const tar = spawn('tar', ['-xzf', '-', '-C', into, '--no-same-owner'], {
    stdio: ['pipe', 'ignore', 'pipe'],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  let stderr = '';
  tar.stderr.on('data', (c: Buffer) => (stderr += String(c)));
  createReadStream(archive).pipe(tar.stdin);
  const [code] = (await once(tar, 'close')) as [number | null];
  if (code !== 0) {
    const hint = user
      ? ' (run as the `postgres` user: every parent of the data directory must be traversable by it)'
      : '';
    throw new Error(`tar -x ${archive} into ${into} failed (code ${code})${hint}: ${stderr.trim()}`);
  }
}

export interface RestoreResult {
  dataDir: string;
  /** Unpack + verify, ms (the WAL replay happens at the first start). */
  durationMs: number;
  meta: BackupMetadata;
}

/**
 * Restores a backup into `dataDir`, which must be missing or empty (never over a live cluster): unpacks the data
 * directory and its WAL as the `postgres` user when root, sets mode 0700 and checks every file against the
 * backup's manifest with `pg_verifybackup`. Start PostgreSQL on it next (startPostgres): it replays the WAL to the
 * backup's consistent point and opens.
 */
export async function restorePostgres(o: {
  backupDir: string;
  dataDir: string;
  binDir?: string;
}): Promise<RestoreResult> {
  const backupDir = resolve(o.backupDir);
  const dataDir = resolve(o.dataDir);
  const meta = readBackupMetadata(backupDir);
  for (const f of [BASE_ARCHIVE, WAL_ARCHIVE, MANIFEST]) {
    if (!existsSync(join(backupDir, f))) throw new Error(`${join(backupDir, f)} missing: the backup is incomplete`);
  }
  if (!isEmptyOrMissing(dataDir)) {
    throw new Error(`data directory ${dataDir} is not empty: restore only into a fresh directory`);
  }
  const binDir = o.binDir ?? postgresBinDir();
  const user = runAs();
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700); // PostgreSQL refuses a data directory others can read
  if (user) chownSync(dataDir, user.uid, user.gid);
  await untar(join(backupDir, BASE_ARCHIVE), dataDir, user);
  const walDir = join(dataDir, 'pg_wal');
  if (!existsSync(walDir)) {
    mkdirSync(walDir, { mode: 0o700 });
    if (user) chownSync(walDir, user.uid, user.gid);
  }
  await untar(join(backupDir, WAL_ARCHIVE), walDir, user);

  // pg_verifybackup looks for the manifest in the data directory; it is not part of the base archive.
  const manifestCopy = join(dataDir, MANIFEST);
  copyFileSync(join(backupDir, MANIFEST), manifestCopy);
  if (user) chownSync(manifestCopy, user.uid, user.gid);
  try {
    await execFileAsync(join(binDir, 'pg_verifybackup'), ['--quiet', dataDir], {
      timeout: 3_600_000,
      maxBuffer: 16 * 1024 * 1024,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`pg_verifybackup of ${dataDir} failed: ${e.stderr || e.stdout || e.message}`);
  } finally {
    rmSync(manifestCopy, { force: true });
  }
  // The source server's socket lock files (its socket lives in its data directory; the manifest lists them, so
  // only now): a stale one could name a live pid and refuse the restored server its port.
  for (const f of readdirSync(dataDir)) if (f.startsWith('.s.PGSQL.')) rmSync(join(dataDir, f), { force: true });
  return { dataDir, durationMs: Date.now() - started, meta };
}
