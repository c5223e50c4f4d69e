import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { backupSource, postgresInstallations, runningPostgres, type PostgresInstallation } from './backup-source';
import { loadClusterConfig } from './topology';

describe('which PostgreSQL `npm run backup` backs up by default', () => {
  let tmp = '';
  let installs: PostgresInstallation[] = [];
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'seleksi-backup-source-'));
    installs = postgresInstallations(
      loadConfig({ SELEKSI_DATA_DIR: join(tmp, 'start') }),
      loadClusterConfig({ SELEKSI_CLUSTER_DATA_DIR: join(tmp, 'cluster'), CLUSTER_BASE_PORT: '9100' }),
    );
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** A postmaster.pid as PostgreSQL writes it: pid, data dir, start time, port, … */
  const pidFile = (dataDir: string, pid: number, port: number) => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n1765080000\n${port}\n/tmp\n*\n 0 0\nready\n`);
  };

  it('knows both installations and their configured ports', () => {
    expect(installs.map((i) => [i.startedBy, i.dataDir, i.port])).toEqual([
      ['npm start', join(tmp, 'start', 'postgres'), 27019],
      ['npm run start:cluster', join(tmp, 'cluster', 'postgres'), 9101],
    ]);
  });

  it('takes the cluster’s server while only `npm run start:cluster` runs, at the port its postmaster.pid says', () => {
    pidFile(installs[1]!.dataDir, process.pid, 9201);
    expect(backupSource(installs)).toEqual({ port: 9201, startedBy: 'npm run start:cluster' });
  });

  it('takes `npm start`’s server while only it runs; a stale pid file of the other does not count', () => {
    pidFile(installs[0]!.dataDir, process.pid, 27019);
    pidFile(installs[1]!.dataDir, 2 ** 22 + 7, 9101); // above Linux's pid_max: no such process
    expect(runningPostgres(installs[1]!.dataDir)).toBeNull();
    expect(backupSource(installs)).toEqual({ port: 27019, startedBy: 'npm start' });
  });

  it('asks for --port, naming each installation’s, when none runs or both do', () => {
    expect(() => backupSource(installs)).toThrow(/no running PostgreSQL.*--port 27019.*--port 9101/);
    pidFile(installs[0]!.dataDir, process.pid, 27019);
    pidFile(installs[1]!.dataDir, process.pid, 9101);
    expect(() => backupSource(installs)).toThrow(
      /more than one PostgreSQL runs: `npm start` on port 27019, `npm run start:cluster` on port 9101/,
    );
  });
});
