/**
 * Which PostgreSQL `npm run backup` backs up when no `--port` is given: the one running on the data directory of
 * `npm start` (<SELEKSI_DATA_DIR>/postgres, port POSTGRES_PORT) or of `npm run start:cluster`
 * (<SELEKSI_CLUSTER_DATA_DIR>/postgres, port CLUSTER_BASE_PORT+1, topology.ts). The two listen on different ports,
 * so taking POSTGRES_PORT alone would back up nothing, or the other installation, while the cluster runs. A running
 * server is found by its postmaster.pid (pid alive; the port it listens on is its fourth line).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DevConfig } from '../config';
import { repoRoot } from '../processes';
import { buildTopology, type ClusterConfig } from './topology';

export interface PostgresInstallation {
  /** How the user starts it: `npm start`, `npm run start:cluster`. */
  startedBy: string;
  /** The PostgreSQL data directory. */
  dataDir: string;
  /** The port its configuration gives it. */
  port: number;
}

/** The installations of this checkout: `npm start`'s and the cluster rehearsal's. */
export function postgresInstallations(config: DevConfig, cluster: ClusterConfig): PostgresInstallation[] {
  return [
    {
      startedBy: 'npm start',
      dataDir: join(resolve(repoRoot, config.SELEKSI_DATA_DIR), 'postgres'),
      port: config.POSTGRES_PORT,
    },
    {
      startedBy: 'npm run start:cluster',
      dataDir: join(resolve(repoRoot, cluster.SELEKSI_CLUSTER_DATA_DIR), 'postgres'),
      port: buildTopology(cluster).postgres.port,
    },
  ];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server running on `dataDir` (its postmaster.pid names a live process), or null. */
export function runningPostgres(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return pidAlive(pid) ? { pid, port } : null;
}

/**
 * The one running installation's port. Throws, naming the `--port` to pass, when none runs or more than one does.
 */
export function backupSource(
  installations: readonly PostgresInstallation[],
  running: (dataDir: string) => { port: number } | null = runningPostgres,
): { port: number; startedBy: string } {
  const up = installations.flatMap((i) => {
    const r = running(i.dataDir);
    return r ? [{ port: r.port, startedBy: i.startedBy }] : [];
  });
  if (up.length === 1) return up[0]!;
  const each = installations.map((i) => `\`${i.startedBy}\`: --port ${i.port} (${i.dataDir})`).join('; ');
  if (up.length === 0) {
    throw new Error(
      `Tidak ada PostgreSQL yang berjalan untuk dicadangkan / no running PostgreSQL to back up. ` +
        `Start the system first, or name the server with --port P (${each}).`,
    );
  }
  throw new Error(
    `Lebih dari satu PostgreSQL berjalan / more than one PostgreSQL runs: ` +
      `${up.map((u) => `\`${u.startedBy}\` on port ${u.port}`).join(', ')}; choose one with --port P.`,
  );
}
