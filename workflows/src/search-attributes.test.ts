/**
 * Search attributes are stored and indexed in clear text (codecs never see them) and shown to anyone with the
 * Temporal UI: only ids, stages, agency codes and dates may be one. A new attribute must be added to the
 * allow-list below, on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as declared from './search-attributes';
import { SEARCH_ATTRIBUTES } from './search-attributes';

const ALLOWED: Record<string, string> = {
  AgencyCode: 'Keyword',
  SelectionId: 'Keyword',
  SelectionStage: 'Keyword',
  StageDeadline: 'Datetime',
  WaitingFor: 'Keyword',
  WaitingSince: 'Datetime',
};
const PERSONAL = /name|nama|nip|nik|email|surel|phone|telp|birth|lahir|score|nilai|reason|alasan|address|alamat/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'histories' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('search attributes carry no personal data', () => {
  it('declares exactly the allow-listed attributes', () => {
    expect(Object.fromEntries(SEARCH_ATTRIBUTES.map((a) => [a.name, a.type]))).toEqual(ALLOWED);
    for (const a of SEARCH_ATTRIBUTES) expect(a.name).not.toMatch(PERSONAL);
    // Every key the module exports (defined but not listed would still be settable by workflow code).
    const keys = (Object.values(declared) as unknown[]).flatMap((v) =>
      typeof v === 'object' && v !== null && 'name' in v && 'type' in v ? [String(v.name)] : [],
    );
    expect(keys.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('every search attribute of the code is one of the declared keys', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = ['workflows/src', 'gateway/src', 'services', 'infra/dev/src'].flatMap((d) =>
      sources(path.join(root, d)),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      // Keys are defined in search-attributes.ts only; the untyped `searchAttributes: {...}` map is not used.
      if (!file.endsWith(path.join('workflows', 'src', 'search-attributes.ts')))
        expect(code, file).not.toMatch(/defineSearchAttributeKey\(/);
      expect(code, file).not.toMatch(/\bsearchAttributes:\s*\{/);
      expect(code, file).not.toMatch(/upsertSearchAttributes\(\s*\{/);
    }
  });
});
