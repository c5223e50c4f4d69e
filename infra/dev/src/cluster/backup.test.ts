import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPostgres, BACKUP_METADATA, missingDatabases, restorePostgres } from './backup';

describe('backup and restore guards', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'seleksi-backup-unit-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses to back up into a directory that holds anything', async () => {
    mkdirSync(join(tmp, 'old'));
    writeFileSync(join(tmp, 'old', 'base.tar.gz'), 'x');
    await expect(backupPostgres({ port: 1, dir: join(tmp, 'old') })).rejects.toThrow(/not empty/);
  });

  it('refuses a directory that is not a backup, an incomplete one, and a data directory that is not fresh', async () => {
    await expect(restorePostgres({ backupDir: tmp, dataDir: join(tmp, 'pg') })).rejects.toThrow(/not a backup/);
    const meta = { databases: [{ name: 'ferretdb', bytes: 1 }] };
    writeFileSync(join(tmp, BACKUP_METADATA), JSON.stringify(meta));
    await expect(restorePostgres({ backupDir: tmp, dataDir: join(tmp, 'pg') })).rejects.toThrow(/incomplete/);
    for (const f of ['base.tar.gz', 'pg_wal.tar.gz', 'backup_manifest']) writeFileSync(join(tmp, f), 'x');
    mkdirSync(join(tmp, 'live'));
    writeFileSync(join(tmp, 'live', 'PG_VERSION'), '15\n');
    await expect(restorePostgres({ backupDir: tmp, dataDir: join(tmp, 'live') })).rejects.toThrow(/not empty/);
  });

  it('names the databases a backup lacks', () => {
    expect(missingDatabases({ databases: [{ name: 'ferretdb', bytes: 1 }] })).toEqual([
      'temporal',
      'temporal_visibility',
    ]);
    expect(
      missingDatabases({
        databases: ['temporal', 'temporal_visibility', 'ferretdb', 'postgres'].map((name) => ({ name, bytes: 0 })),
      }),
    ).toEqual([]);
  });
});
