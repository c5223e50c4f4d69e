import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../scripts/print-schema';

describe('schema.graphql', () => {
  it('is committed and matches the Pothos schema (run `pnpm --filter @seleksi/gateway schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('exposes the foundation operations', () => {
    const sdl = printedSchema();
    for (const op of [
      'signIn(',
      'signOut',
      'createSelection(',
      'applyToVacancy(',
      'myApplications',
      'verifyDocument(',
    ]) {
      expect(sdl).toContain(op);
    }
  });
});
