import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companionIndexSql, FERRETDB_SQL_FILE } from './postgres';

describe('companionIndexSql', () => {
  it('takes the part of the deployment script after \\connect ferretdb, whatever the line endings', () => {
    const lf = companionIndexSql();
    expect(lf).toMatch(/CREATE/i);
    expect(lf).not.toMatch(/\\connect/);
    expect(readFileSync(FERRETDB_SQL_FILE, 'utf8').endsWith(lf)).toBe(true);

    // A Windows checkout (core.autocrlf) has the same script with CRLF endings.
    const dir = mkdtempSync(join(tmpdir(), 'ferretdb-sql-'));
    const crlf = join(dir, 'ferretdb.sql');
    writeFileSync(crlf, readFileSync(FERRETDB_SQL_FILE, 'utf8').replace(/\n/g, '\r\n'));
    expect(companionIndexSql(crlf).replace(/\r\n/g, '\n')).toBe(lf);
  });

  it('refuses a script without the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferretdb-sql-'));
    const file = join(dir, 'other.sql');
    writeFileSync(file, 'SELECT 1;\n');
    expect(() => companionIndexSql(file)).toThrow(/no "\\connect ferretdb" line/);
  });
});
