/**
 * Import of ASN profiles through the real gateway, the profile-import workflow (continuing as new after
 * every chunk here) and the candidate service on FerretDB: upload → preview (nothing written) →
 * confirm → profiles stored; the same file again changes nothing; a changed row keeps its previous
 * version; bad files are typed errors that stage nothing; a second import of the agency is refused
 * while one is committed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Account, AccountRepository } from '@seleksi/gateway';
import { writeXlsx } from '@seleksi/gateway';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency } from './support/fixtures';
import {
  IMPORT_HEADER,
  importCsv,
  importNip,
  importRow,
  previewImport,
  PROFILE_IMPORT_FIELDS,
  type ProfileImportView,
} from './support/import-driver';

const AGENCY = testAgency(`IMP${Date.now().toString(36).toUpperCase()}`);
const OTHER = testAgency(`IMQ${Date.now().toString(36).toUpperCase()}`);
const PASSWORD = 'Impor#Rahasia2026';
/** Rows of the first file: every NIP of this suite is salted so that reruns on one store never collide. */
const SALT = Date.now() % 1000;
const N = 30;

let stack: Stack;
let token: string;
let otherToken: string;

async function account(id: string, role: Account['role'], agencyCode: string): Promise<string> {
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id,
    email: `${id}@impor.test`,
    displayName: `Operator ${id}`,
    password: PASSWORD,
    role,
    agencyCode,
    candidateId: null,
  });
  return stack.signIn(`${id}@impor.test`, PASSWORD);
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'import',
    // Small limits so that the bad-input cases stay small; one chunk per run shows continue-as-new.
    gateway: { IMPORT_MAX_REFUSED_ROWS: '40', IMPORT_MAX_BYTES: '1000000', IMPORT_CHUNKS_PER_RUN: '1' },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER);
  token = await account(`imp-${SALT}`, 'PANSEL_SECRETARY', AGENCY.code);
  otherToken = await account(`imq-${SALT}`, 'PANSEL_SECRETARY', OTHER.code);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

const rows = (n: number, from = 0, opts: { rank?: (i: number) => string | undefined } = {}) =>
  Array.from({ length: n }, (_, k) => importRow(from + k, { salt: SALT, rank: opts.rank?.(from + k) }));

async function preview(bytes: Uint8Array, name: string, t = token, agency = AGENCY.code): Promise<ProfileImportView> {
  const r = await previewImport(stack.gateway.url, t, agency, bytes, name);
  if (!r.data) throw new Error(`preview refused: ${JSON.stringify(r.errors)}`);
  return r.data.previewProfileImport;
}

/**
 * `confirmProfileImport`; unless `once`, sent again while IMPORT_RUNNING: an import's record says completed a
 * moment before its workflow closes, and the agency's next import is refused until then.
 */
async function confirm(id: string, once = false) {
  const send = () =>
    stack.gql<{ confirmProfileImport: { status: string } }>(
      'mutation($i: ID!) { confirmProfileImport(importId: $i) { status } }',
      { i: id },
      token,
    );
  if (once) return send();
  return eventually(async () => {
    const r = await send();
    return r.errors?.[0]?.extensions?.code === 'IMPORT_RUNNING' ? null : r;
  }, 60_000);
}

async function completed(id: string): Promise<ProfileImportView> {
  return eventually(async () => {
    const r = await stack.gql<{ profileImport: ProfileImportView }>(
      `query($i: ID!) { profileImport(id: $i) { ${PROFILE_IMPORT_FIELDS} } }`,
      { i: id },
      token,
    );
    const imp = r.data?.profileImport;
    return imp?.status === 'COMPLETED' ? imp : null;
  }, 120_000);
}

async function importsOfAgency(): Promise<number> {
  return (await stack.clients.candidate.listProfileImports(AGENCY.code, 100)).length;
}

describe('profile import', () => {
  let firstImportId: string;

  it('previews a CSV with per-row errors in Bahasa Indonesia and writes no profile', { timeout: 120_000 }, async () => {
    const bad = [
      importRow(900, { salt: SALT, rank: 'V/z' }),
      [...importRow(901, { salt: SALT }).slice(0, 8), '2099-01-01', ...importRow(901, { salt: SALT }).slice(9)],
    ];
    const p = await preview(importCsv([...rows(N), ...bad]), 'pegawai-2026.csv');
    expect(p).toMatchObject({
      status: 'PREVIEWED',
      rows: N + 2,
      fileName: 'pegawai-2026.csv',
      counts: { new: N, changed: 0, unchanged: 0, refused: 2 },
      committed: null,
    });
    expect(p.errors).toEqual([
      { line: N + 2, column: 'GOLONGAN', message: 'Golongan tidak dikenal: "V/z" (contoh: III/d, IV/b)' },
      { line: N + 3, column: 'TMT_JABATAN', message: expect.stringContaining('tidak boleh setelah hari ini') },
    ]);
    // Nothing is written before the confirmation.
    expect(await stack.clients.candidate.getProfileByNip(importNip(0, SALT))).toBeNull();
    firstImportId = p.id;
  });

  it('commits on confirmation, in chunks, and stores the profiles', { timeout: 180_000 }, async () => {
    const r = await confirm(firstImportId);
    expect(r.errors).toBeUndefined();
    expect(r.data?.confirmProfileImport.status).toBe('COMMITTING');
    const done = await completed(firstImportId);
    expect(done.committed).toEqual({ new: N, changed: 0, unchanged: 0, refused: 0 });
    expect(done.percent).toBe(100);
    const stored = await stack.clients.candidate.getProfileByNip(importNip(3, SALT));
    expect(stored).toMatchObject({
      name: 'Pegawai Impor 3',
      rank: 'IV/a',
      agencyCode: AGENCY.code,
      education: 'S1',
      lhkpnFiled: true,
      disciplinarySanction: false,
      skp: [
        { year: 2024, predicate: 'SANGAT_BAIK' },
        { year: 2025, predicate: 'BAIK' },
      ],
    });
    expect(stored!.careers.map((c) => c.positionKind)).toEqual(['PENGAWAS', 'ADMINISTRATOR']);
    // A second confirmation of the same import is refused.
    expect((await confirm(firstImportId)).errors?.[0]?.extensions?.code).toBe('ALREADY_DECIDED');
  });

  it('re-importing the same file changes nothing', { timeout: 180_000 }, async () => {
    const before = await stack.clients.candidate.getProfileByNip(importNip(5, SALT));
    const p = await preview(importCsv(rows(N)), 'pegawai-2026.csv');
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: N, refused: 0 });
    await confirm(p.id);
    const done = await completed(p.id);
    expect(done.committed).toEqual({ new: 0, changed: 0, unchanged: N, refused: 0 });
    expect(await stack.clients.candidate.getProfileByNip(importNip(5, SALT))).toEqual(before);
    expect(await stack.clients.candidate.listProfileVersions(before!.id)).toEqual([]);
  });

  it(
    'a changed row (XLSX this time) keeps the previous version: who, when, which file',
    { timeout: 180_000 },
    async () => {
      const before = await stack.clients.candidate.getProfileByNip(importNip(4, SALT));
      expect(before?.rank).toBe('III/d');
      const xlsx = await writeXlsx(IMPORT_HEADER, rows(N, 0, { rank: (i) => (i === 4 ? 'IV/b' : undefined) }));
      const p = await preview(new Uint8Array(xlsx), 'pegawai-revisi.xlsx');
      expect(p.counts).toEqual({ new: 0, changed: 1, unchanged: N - 1, refused: 0 });
      await confirm(p.id);
      expect((await completed(p.id)).committed).toEqual({ new: 0, changed: 1, unchanged: N - 1, refused: 0 });
      const after = await stack.clients.candidate.getProfileByNip(importNip(4, SALT));
      expect(after).toEqual({ ...before, rank: 'IV/b' });
      const versions = await stack.clients.candidate.listProfileVersions(before!.id);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({
        profileId: before!.id,
        previous: before,
        previousSource: {
          kind: 'IMPORT',
          id: firstImportId,
          fileName: 'pegawai-2026.csv',
          byName: `Operator imp-${SALT}`,
        },
        replacedBy: { kind: 'IMPORT', id: p.id, fileName: 'pegawai-revisi.xlsx', byName: `Operator imp-${SALT}` },
      });
      expect(Date.parse(versions[0]!.replacedBy.at)).toBeGreaterThan(Date.parse(versions[0]!.previousSource!.at));
    },
  );

  it(
    "commits by NIP when another writer stored a new row's NIP between preview and confirmation",
    { timeout: 120_000 },
    async () => {
      const p = await preview(importCsv(rows(3, 30_000)), 'susulan.csv');
      expect(p.counts).toEqual({ new: 3, changed: 0, unchanged: 0, refused: 0 });
      // Another writer (the candidate service's own bulk route) stores row 30,001 meanwhile, with another name.
      const meanwhile = await stack.clients.candidate.upsertProfiles([
        {
          id: `other-writer-${SALT}`,
          nip: importNip(30_001, SALT),
          name: 'Ditulis Proses Lain',
          rank: 'III/a',
          agencyCode: AGENCY.code,
          education: 'S1',
          careers: [],
          skp: [],
          lhkpnFiled: false,
          disciplinarySanction: false,
        },
      ]);
      expect(meanwhile.upserted).toBe(1);
      await confirm(p.id);
      expect((await completed(p.id)).committed).toEqual({ new: 2, changed: 1, unchanged: 0, refused: 0 });
      const stored = await stack.clients.candidate.getProfileByNip(importNip(30_001, SALT));
      expect(stored).toMatchObject({ id: `other-writer-${SALT}`, name: 'Pegawai Impor 30001' });
      const versions = await stack.clients.candidate.listProfileVersions(`other-writer-${SALT}`);
      expect(versions.map((v) => [v.previous.name, v.previousSource, v.replacedBy.fileName])).toEqual([
        ['Ditulis Proses Lain', null, 'susulan.csv'],
      ]);
    },
  );

  it('refuses a NIP of another agency in the preview', { timeout: 60_000 }, async () => {
    const p = await preview(importCsv(rows(2)), 'salah-instansi.csv', otherToken, OTHER.code);
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: 0, refused: 2 });
    expect(p.errors[0]).toMatchObject({ line: 2, column: 'NIP', message: expect.stringContaining('instansi lain') });
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
    ['a PDF named .csv', () => new TextEncoder().encode('%PDF-1.7\n\0\0\0 not a sheet'), 'INVALID_FILE'],
    ['a file over the size limit', () => importCsv(rows(8000, 40_000)), 'FILE_TOO_LARGE'],
    [
      'a missing required column',
      () =>
        importCsv(
          rows(3).map((r) => r.slice(1)),
          IMPORT_HEADER.slice(1),
        ),
      'MISSING_COLUMN',
    ],
    [
      'a formula',
      async () => {
        const r = rows(2);
        r[1]![1] = '=CONCAT("a","b")';
        return importCsv(r);
      },
      'FORMULA_NOT_ALLOWED',
    ],
    ['too many bad rows', () => importCsv(rows(60, 3000, { rank: () => 'X/x' })), 'TOO_MANY_ROW_ERRORS'],
  ])('refuses %s with a typed error and stages nothing', { timeout: 60_000 }, async (_label, file, code) => {
    const before = await importsOfAgency();
    const r = await previewImport(stack.gateway.url, token, AGENCY.code, await file(), 'berkas.csv');
    expect(r.data?.previewProfileImport ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code, field: 'file' });
    expect(r.errors?.[0]?.message).toMatch(/[a-z]/);
    expect(await importsOfAgency()).toBe(before);
  });

  it(
    'refuses a second import of the agency while one is committed, and takes it afterwards',
    { timeout: 240_000 },
    async () => {
      const a = await preview(importCsv(rows(3000, 10_000)), 'besar.csv');
      // B also holds one of A's rows with another rank: new at its preview, changed once A is committed.
      const b = await preview(
        importCsv([...rows(5, 20_000), importRow(10_000, { salt: SALT, rank: 'IV/c' })]),
        'kecil.csv',
      );
      expect(b.counts).toEqual({ new: 6, changed: 0, unchanged: 0, refused: 0 });
      expect(a.chunkCount).toBe(3);
      expect((await confirm(a.id)).errors).toBeUndefined();
      const refused = await confirm(b.id, true);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'IMPORT_RUNNING' });
      expect(refused.errors?.[0]?.message).toContain('sedang diproses');
      expect((await completed(a.id)).committed).toEqual({ new: 3000, changed: 0, unchanged: 0, refused: 0 });
      // The refused one was left as previewed and goes through once the first is done.
      expect((await confirm(b.id)).errors).toBeUndefined();
      // Committed against the profiles as they are now (A's), not as staged before A.
      expect((await completed(b.id)).committed).toEqual({ new: 5, changed: 1, unchanged: 0, refused: 0 });
      const changed = await stack.clients.candidate.getProfileByNip(importNip(10_000, SALT));
      expect(changed?.rank).toBe('IV/c');
      const versions = await stack.clients.candidate.listProfileVersions(changed!.id);
      expect(versions.map((v) => [v.previous.rank, v.previousSource?.fileName, v.replacedBy.fileName])).toEqual([
        ['III/d', 'besar.csv', 'kecil.csv'],
      ]);
    },
  );
});
