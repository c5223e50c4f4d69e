/**
 * The PostgreSQL cluster FerretDB stores its data in, managed by `npm start` and the test setups:
 * initdb into a data directory once (UTF-8, C locale), run `postgres` on 127.0.0.1:<port> with its socket in
 * the data directory, wait until it accepts connections, create the `ferretdb` database once, stop it with a
 * fast shutdown. As root, every PostgreSQL program runs as the `postgres` user (PostgreSQL refuses root).
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, spawnLogged, stopProcess, waitUntil, type ExitInfo, type ManagedProcess } from './processes';

const execFileAsync = promisify(execFile);

/** The database FerretDB keeps every MongoDB database in (one PostgreSQL schema each). */
export const FERRETDB_DATABASE = 'ferretdb';
const SUPERUSER = 'postgres';
const MIN_MAJOR = 13;

/**
 * Directory of the PostgreSQL server binaries (initdb, pg_ctl, postgres, pg_isready, psql): POSTGRES_BIN_DIR,
 * else Debian's newest /usr/lib/postgresql/<v>/bin, else the directory of `initdb` on PATH. The same search
 * as infra/scripts/bootstrap.sh, which installs Debian's `postgresql` when none is found.
 */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POSTGRES_BIN_DIR) return env.POSTGRES_BIN_DIR;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  }
  throw new Error(
    `PostgreSQL >= ${MIN_MAJOR} server binaries not found (no POSTGRES_BIN_DIR, no /usr/lib/postgresql/<v>/bin, ` +
      'no initdb on PATH): run `bash infra/scripts/bootstrap.sh`',
  );
}

/** URL FerretDB's PostgreSQL handler connects with (trust authentication on 127.0.0.1 only). */
export function postgresUrl(port: number, database = FERRETDB_DATABASE): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
}

export interface RunAs {
  uid: number;
  gid: number;
}

/** The `postgres` user's ids when this process is root (PostgreSQL will not run as root), else undefined. */
export function runAs(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${SUPERUSER}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) {
    throw new Error(
      `running as root, but there is no \`${SUPERUSER}\` user to run PostgreSQL as (Debian's postgresql package creates it)`,
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function mkdirOwned(dir: string, user: RunAs | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
}

/**
 * Creates the cluster in `dataDir` unless it already holds one; returns true when it was created.
 * The parent directories must be traversable by the `postgres` user when running as root.
 */
export function initPostgresCluster(o: { dataDir: string; binDir?: string }): boolean {
  if (existsSync(join(o.dataDir, 'PG_VERSION'))) return false;
  const binDir = o.binDir ?? postgresBinDir();
  const user = runAs();
  mkdirOwned(o.dataDir, user);
  const result = spawnSync(
    join(binDir, 'initdb'),
    ['-D', o.dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions'],
    {
      cwd: dirname(o.dataDir),
      encoding: 'utf8',
      timeout: 120_000,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    },
  );
  if (result.status !== 0) {
    const hint = user ? ` (as user ${SUPERUSER}: every parent of ${o.dataDir} must be traversable by it)` : '';
    throw new Error(
      `initdb into ${o.dataDir} failed${hint}: ${result.error?.message ?? ''}${result.stderr ?? ''}${result.stdout ?? ''}`,
    );
  }
  return true;
}

/** How to run the server in the foreground: command, argv and the user to run it as. */
export function postgresCommand(o: { dataDir: string; port: number; binDir?: string }): {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
} {
  const user = runAs();
  return {
    command: join(o.binDir ?? postgresBinDir(), 'postgres'),
    args: [
      '-D',
      o.dataDir,
      '-p',
      String(o.port),
      '-k',
      o.dataDir, // the Unix socket stays inside the data dir: no clash with a system cluster in /var/run/postgresql
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'logging_collector=off',
    ],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  };
}

/** Polls pg_isready until the server accepts connections on 127.0.0.1:<port>. */
export function waitForPostgres(o: {
  port: number;
  binDir?: string;
  timeoutMs?: number;
  process?: ManagedProcess;
}): Promise<void> {
  const binDir = o.binDir ?? postgresBinDir();
  return waitUntil(
    async () => {
      await execFileAsync(
        join(binDir, 'pg_isready'),
        ['-h', '127.0.0.1', '-p', String(o.port), '-U', SUPERUSER, '-d', 'postgres', '-t', '2'],
        { timeout: 5_000 },
      );
      return true;
    },
    {
      what: `postgres (127.0.0.1:${o.port})`,
      timeoutMs: o.timeoutMs ?? 60_000,
      intervalMs: 200,
      ...(o.process ? { process: o.process } : {}),
    },
  );
}

/** Where psql connects: defaults are the embedded cluster's (127.0.0.1, the superuser, the binaries found here). */
export interface PsqlTarget {
  binDir?: string;
  host?: string;
  port: number;
  user?: string;
  database: string;
}

/** Runs SQL with psql (unaligned, tuples only, tab between fields, stops at the first error); its output trimmed. */
export async function psql(t: PsqlTarget, sql: string): Promise<string> {
  const host = t.host ?? '127.0.0.1';
  const { stdout } = await execFileAsync(
    join(t.binDir ?? postgresBinDir(), 'psql'),
    [
      '-h',
      host,
      '-p',
      String(t.port),
      '-U',
      t.user ?? SUPERUSER,
      '-d',
      t.database,
      '-X',
      '-q',
      '-t',
      '-A',
      '-F',
      '\t',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ],
    { timeout: 60_000 },
  ).catch((err: Error & { stderr?: string }) => {
    throw new Error(`psql on ${host}:${t.port}/${t.database} failed: ${err.stderr || err.message}`);
  });
  return String(stdout).trim();
}

/**
 * FerretDB v1 pushes an equality filter down as `_jsonb->'field' @> value`, but builds its indexes as B-trees
 * on `_jsonb->'field'`, which cannot answer `@>`: without help every filter, `_id` included, is a sequential
 * scan. Event triggers give each of its B-tree indexes a GIN (jsonb_path_ops) companion on the same
 * expressions, which answers `@>` with a bitmap index scan, and drop it with its B-tree. The indexes stay
 * declared on the mongoose models; FerretDB's own metadata (listIndexes) never sees the companions.
 * Their one copy is the deployment's script (infra/deploy/postgres/ferretdb.sql, run whole by psql there):
 * here its part after `\connect ferretdb`, the database being created by preparePostgresDatabase.
 */
export const FERRETDB_SQL_FILE = join(repoRoot, 'infra/deploy/postgres/ferretdb.sql');

export function companionIndexSql(file: string = FERRETDB_SQL_FILE): string {
  const text = readFileSync(file, 'utf8');
  // The line itself, whatever the checkout's line endings.
  const marker = new RegExp(`^\\\\connect ${FERRETDB_DATABASE}\\r?$`, 'm').exec(text);
  if (!marker) throw new Error(`${file}: no "\\connect ${FERRETDB_DATABASE}" line before the companion-index triggers`);
  return text.slice(marker.index + marker[0].length).replace(/^\r?\n/, '');
}

/** Creates the `ferretdb` database once and (re)installs the companion-index triggers in it. */
export async function preparePostgresDatabase(o: { port: number; binDir?: string }): Promise<void> {
  const binDir = o.binDir ?? postgresBinDir();
  const server = { binDir, port: o.port, database: 'postgres' };
  const exists = await psql(server, `SELECT 1 FROM pg_database WHERE datname = '${FERRETDB_DATABASE}'`);
  if (exists !== '1') {
    await psql(server, `CREATE DATABASE ${FERRETDB_DATABASE} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
  }
  await psql({ ...server, database: FERRETDB_DATABASE }, companionIndexSql());
}

/**
 * Stops the server with a fast shutdown (SIGINT: clients disconnected, clean checkpoint); SIGTERM would be a
 * smart shutdown that waits for every client. SIGKILL to its process group after `timeoutMs`.
 */
export async function stopPostgres(proc: ManagedProcess, timeoutMs = 30_000): Promise<ExitInfo> {
  if (proc.exitInfo) return proc.exitInfo;
  try {
    if (proc.child.pid !== undefined) process.kill(proc.child.pid, 'SIGINT');
  } catch {
    // already gone
  }
  return stopProcess(proc, timeoutMs);
}

/** A cluster started in the background for a test run (integration setup, benchmarks). */
export interface RunningPostgres {
  port: number;
  /** postgres://… of the `ferretdb` database, for FerretDB's --postgresql-url. */
  url: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** initdb (once) + start + wait + `ferretdb` database: everything FerretDB needs before it starts. */
export async function startPostgres(o: {
  dataDir: string;
  port: number;
  logFile: string;
  binDir?: string;
  timeoutMs?: number;
}): Promise<RunningPostgres> {
  const binDir = o.binDir ?? postgresBinDir();
  initPostgresCluster({ dataDir: o.dataDir, binDir });
  const proc = spawnLogged({ name: 'postgres', logFile: o.logFile, ...postgresCommand({ ...o, binDir }) });
  proc.stop = (timeoutMs) => stopPostgres(proc, timeoutMs);
  try {
    await waitForPostgres({ port: o.port, binDir, process: proc, timeoutMs: o.timeoutMs ?? 60_000 });
    await preparePostgresDatabase({ port: o.port, binDir });
  } catch (err) {
    await stopPostgres(proc);
    throw err;
  }
  return {
    port: o.port,
    url: postgresUrl(o.port),
    process: proc,
    stop: async () => {
      await stopPostgres(proc);
    },
  };
}
