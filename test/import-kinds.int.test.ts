/**
 * The import pipeline's other kinds through the real gateway, import workflow (continuing as new after
 * every chunk) and services on FerretDB: competency assessment results (by NIP, refused for an employee
 * the agency has not loaded) and the agency's target posts (into its talent settings). For each: preview
 * with refused rows and nothing written, commit, the same file again unchanged, a changed row keeping its
 * previous version (who, when, which file).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultTalentSettings, type ProfileDto } from '@seleksi/domain';
import type { Account, AccountRepository } from '@seleksi/gateway';
import { toCsv, writeXlsx } from '@seleksi/gateway';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency } from './support/fixtures';
import {
  importCsv,
  importNip,
  importRow,
  previewImport,
  PROFILE_IMPORT_FIELDS,
  type ProfileImportView,
} from './support/import-driver';

const AGENCY = testAgency(`IMK${Date.now().toString(36).toUpperCase()}`);
const OTHER = testAgency(`IML${Date.now().toString(36).toUpperCase()}`);
const PASSWORD = 'Impor#Rahasia2026';
const SALT = (Date.now() % 997) + 1;
/** Employees of the agency, loaded by a profile import first. */
const N = 6;

let stack: Stack;
let token: string;
const profiles: ProfileDto[] = [];

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

type Kind = 'PROFILES' | 'ASSESSMENT_RESULTS' | 'TARGET_POSTS';

async function preview(kind: Kind, bytes: Uint8Array, name: string): Promise<ProfileImportView & { kind: Kind }> {
  const r = await previewImport(stack.gateway.url, token, AGENCY.code, bytes, name, kind);
  if (!r.data) throw new Error(`preview refused: ${JSON.stringify(r.errors)}`);
  return r.data.previewProfileImport as ProfileImportView & { kind: Kind };
}

/** Confirms, sent again while IMPORT_RUNNING (the agency's previous import's workflow may still be closing). */
async function confirm(id: string) {
  return eventually(async () => {
    const r = await stack.gql<{ confirmProfileImport: { status: string } }>(
      'mutation($i: ID!) { confirmProfileImport(importId: $i) { status } }',
      { i: id },
      token,
    );
    return r.errors?.[0]?.extensions?.code === 'IMPORT_RUNNING' ? null : r;
  }, 60_000);
}

async function completed(id: string): Promise<ProfileImportView> {
  return eventually(async () => {
    const q = await stack.gql<{ profileImport: ProfileImportView }>(
      `query($i: ID!) { profileImport(id: $i) { ${PROFILE_IMPORT_FIELDS} } }`,
      { i: id },
      token,
    );
    const imp = q.data?.profileImport;
    return imp?.status === 'COMPLETED' ? imp : null;
  }, 180_000);
}

async function commit(id: string): Promise<ProfileImportView> {
  const r = await confirm(id);
  expect(r.errors).toBeUndefined();
  return completed(id);
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'import-kinds',
    gateway: { IMPORT_CHUNKS_PER_RUN: '1' },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER);
  token = await account(`imk-${SALT}`, 'PANSEL_SECRETARY', AGENCY.code);
  // The agency's employees, loaded through the profile import (the first kind of the pipeline).
  const p = await preview(
    'PROFILES',
    importCsv(Array.from({ length: N }, (_, i) => importRow(i, { salt: SALT }))),
    'pegawai.csv',
  );
  expect(p.counts.new).toBe(N);
  await commit(p.id);
  for (let i = 0; i < N; i++) profiles.push((await stack.clients.candidate.getProfileByNip(importNip(i, SALT)))!);
  // An employee of another agency.
  await stack.clients.candidate.upsertProfiles([
    {
      id: `imk-other-${SALT}`,
      nip: importNip(90, SALT),
      name: 'Pegawai Instansi Lain',
      rank: 'III/d',
      agencyCode: OTHER.code,
      education: 'S1',
      careers: [],
      skp: [],
      lhkpnFiled: true,
      disciplinarySanction: false,
    },
  ]);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

describe('import of competency assessment results', () => {
  const HEADER = [
    'NIP',
    'NAMA',
    'TGL_ASESMEN',
    'LEMBAGA_PENYELENGGARA',
    'NILAI_MANAJERIAL',
    'NILAI_SOSIAL_KULTURAL',
    'POTENSIAL',
  ];
  const LEVELS = ['Tinggi', 'Menengah', 'Rendah'];
  /** Employee i's result; the CPNS start of these NIPs is 25 years after birth, so 2025 is after it. */
  const result = (i: number, managerial = `${70 + (i % 10)},5`) => [
    importNip(i, SALT),
    `Pegawai Impor ${i}`,
    '14-08-2025',
    'UPT Penilaian Kompetensi',
    managerial,
    String(75 + (i % 10)),
    LEVELS[i % 3]!,
  ];
  const file = (rows: string[][]) => new TextEncoder().encode(toCsv([HEADER, ...rows]));
  const good = () => Array.from({ length: N }, (_, i) => result(i));
  const bad = () => [
    result(50), // no profile in the agency
    result(90), // another agency's employee
    [...result(1).slice(0, 4), '120', ...result(1).slice(5)], // same NIP, but refused for the score first
  ];
  let firstId: string;

  it(
    'previews with refused rows by line and column in Bahasa Indonesia, writing nothing',
    { timeout: 120_000 },
    async () => {
      const badRows = bad();
      badRows[2]![2] = '15-08-2025';
      const p = await preview('ASSESSMENT_RESULTS', file([...good(), ...badRows]), 'asesmen-2025.csv');
      expect(p).toMatchObject({ kind: 'ASSESSMENT_RESULTS', status: 'PREVIEWED', rows: N + 3 });
      expect(p.counts).toEqual({ new: N, changed: 0, unchanged: 0, refused: 3 });
      expect(p.errors).toEqual([
        { line: N + 2, column: 'NIP', message: 'NIP belum ada di profil ASN instansi ini; impor profilnya dahulu' },
        { line: N + 3, column: 'NIP', message: expect.stringContaining('instansi lain') },
        { line: N + 4, column: 'NILAI_MANAJERIAL', message: expect.stringContaining('0 sampai 100') },
      ]);
      expect(await stack.clients.assessment.listAssessmentResults({ candidateId: profiles[0]!.id })).toEqual([]);
      firstId = p.id;
    },
  );

  it('commits on confirmation; talent mapping reads the results by profile', { timeout: 180_000 }, async () => {
    const done = await commit(firstId);
    // The file's refused rows were never staged: the commit counts the staged ones.
    expect(done.committed).toEqual({ new: N, changed: 0, unchanged: 0, refused: 0 });
    // The read talent mapping makes: results of a page of employees by their profile ids.
    const read = await stack.clients.assessment.listAssessmentResultsFor(profiles.map((p) => p.id));
    expect(read).toHaveLength(N);
    expect(read[1]).toMatchObject({
      candidateId: profiles[1]!.id,
      provider: 'UPT Penilaian Kompetensi',
      assessedAt: '2025-08-14',
      managerial: 71.5,
      socioCultural: 76,
      validUntil: '2027-08-14',
      potentialLevel: 2,
    });
  });

  it('the same file again changes nothing', { timeout: 180_000 }, async () => {
    const before = await stack.clients.assessment.listAssessmentResultsFor(profiles.map((p) => p.id));
    const p = await preview('ASSESSMENT_RESULTS', file([...good(), ...bad()]), 'asesmen-2025.csv');
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: N, refused: 3 });
    expect((await commit(p.id)).committed).toEqual({ new: 0, changed: 0, unchanged: N, refused: 0 });
    expect(await stack.clients.assessment.listAssessmentResultsFor(profiles.map((p) => p.id))).toEqual(before);
    expect(await stack.clients.assessment.listImportVersions(before[0]!.id)).toEqual([]);
  });

  it('a changed row (XLSX) keeps the previous version: who, when, which file', { timeout: 180_000 }, async () => {
    const [before] = await stack.clients.assessment.listAssessmentResults({ candidateId: profiles[2]!.id });
    const rows = good();
    rows[2] = result(2, '88');
    const p = await preview('ASSESSMENT_RESULTS', new Uint8Array(await writeXlsx(HEADER, rows)), 'asesmen-revisi.xlsx');
    expect(p.counts).toEqual({ new: 0, changed: 1, unchanged: N - 1, refused: 0 });
    expect((await commit(p.id)).committed).toEqual({ new: 0, changed: 1, unchanged: N - 1, refused: 0 });
    const [after] = await stack.clients.assessment.listAssessmentResults({ candidateId: profiles[2]!.id });
    expect(after).toEqual({ ...before, managerial: 88 });
    const versions = await stack.clients.assessment.listImportVersions(before!.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      kind: 'ASSESSMENT_RESULTS',
      previous: { managerial: 72.5, provider: 'UPT Penilaian Kompetensi' },
      previousSource: { importId: firstId, fileName: 'asesmen-2025.csv', byName: `Operator imk-${SALT}` },
      replacedBy: { importId: p.id, fileName: 'asesmen-revisi.xlsx', byName: `Operator imk-${SALT}` },
    });
    expect(Date.parse(versions[0]!.replacedBy.at)).toBeGreaterThan(Date.parse(versions[0]!.previousSource!.at));
  });

  it('refuses a file without a required column with a typed error, staging nothing', { timeout: 60_000 }, async () => {
    const before = (await stack.clients.candidate.listProfileImports(AGENCY.code, 100)).length;
    const header = HEADER.filter((h) => h !== 'NILAI_SOSIAL_KULTURAL');
    const rows = good().map((r) => r.filter((_c, i) => HEADER[i] !== 'NILAI_SOSIAL_KULTURAL'));
    const r = await previewImport(
      stack.gateway.url,
      token,
      AGENCY.code,
      new TextEncoder().encode(toCsv([header, ...rows])),
      'asesmen.csv',
      'ASSESSMENT_RESULTS',
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'MISSING_COLUMN', field: 'file' });
    expect(r.errors?.[0]?.message).toContain('NILAI_SOSIAL_KULTURAL');
    expect((await stack.clients.candidate.listProfileImports(AGENCY.code, 100)).length).toBe(before);
  });

  it('lists the imports of a kind', { timeout: 60_000 }, async () => {
    const r = await stack.gql<{ profileImports: { edges: { node: { kind: Kind; fileName: string } }[] } }>(
      'query($a: String!) { profileImports(agencyCode: $a, kind: ASSESSMENT_RESULTS) { edges { node { kind fileName } } } }',
      { a: AGENCY.code },
      token,
    );
    expect(r.data?.profileImports.edges.map((e) => e.node)).toEqual([
      { kind: 'ASSESSMENT_RESULTS', fileName: 'asesmen-revisi.xlsx' },
      { kind: 'ASSESSMENT_RESULTS', fileName: 'asesmen-2025.csv' },
      { kind: 'ASSESSMENT_RESULTS', fileName: 'asesmen-2025.csv' },
    ]);
  });
});

describe('import of target posts', () => {
  const HEADER = ['KODE_JABATAN', 'NAMA_JABATAN', 'ESELON', 'UNOR_NAMA', 'BIDANG'];
  const posts = () => [
    ['ASISTEN-1', 'Asisten Pemerintahan dan Kesra', 'II.a', 'Sekretariat Daerah', 'Pemerintahan'],
    ['KADIS-PU', 'Kepala Dinas Pekerjaan Umum', 'JPT Pratama', 'Dinas PU', ''],
    ['SEKDA', 'Sekretaris Daerah', 'I.b', 'Sekretariat Daerah', ''],
  ];
  const file = (rows: string[][]) => new TextEncoder().encode(toCsv([HEADER, ...rows]));
  let firstId: string;

  it('previews with refused rows, writing nothing', { timeout: 120_000 }, async () => {
    // The agency's settings as they were: the import must keep everything but its posts.
    await stack.clients.assessment.putTalentSettings({
      ...defaultTalentSettings(AGENCY.code),
      gate: { minMeritCategory: 'SANGAT_BAIK', maxMapAgeMonths: 6 },
      targetPosts: [{ id: 'LAMA', title: 'Jabatan Lama', level: 'PRATAMA', unit: 'Biro Umum', field: null }],
    });
    const p = await preview(
      'TARGET_POSTS',
      file([...posts(), ['GUB', 'Gubernur', 'I.a', 'Pemprov', ''], ['X Y', 'Jabatan', 'III.a', 'Biro', '']]),
      'jabatan-target.csv',
    );
    expect(p.counts).toEqual({ new: 3, changed: 0, unchanged: 0, refused: 2 });
    expect(p.errors).toEqual([
      {
        line: 5,
        column: 'ESELON',
        message: expect.stringContaining('Eselon I.a dapat setara JPT Utama atau JPT Madya'),
      },
      { line: 6, column: 'KODE_JABATAN', message: expect.stringContaining('Kode jabatan hanya') },
      { line: 6, column: 'ESELON', message: 'Jenjang tidak dikenal: "III.a" (JPT Utama, JPT Madya, JPT Pratama)' },
    ]);
    expect((await stack.clients.assessment.getTalentSettings(AGENCY.code))?.targetPosts.map((t) => t.id)).toEqual([
      'LAMA',
    ]);
    firstId = p.id;
  });

  it('commits into the talent settings, keeping the rest of them', { timeout: 180_000 }, async () => {
    expect((await commit(firstId)).committed).toEqual({ new: 3, changed: 0, unchanged: 0, refused: 0 });
    const s = await stack.clients.assessment.getTalentSettings(AGENCY.code);
    expect(s).toMatchObject({ gate: { minMeritCategory: 'SANGAT_BAIK', maxMapAgeMonths: 6 } });
    expect(s!.targetPosts.map((t) => [t.id, t.level, t.field ?? null])).toEqual([
      ['LAMA', 'PRATAMA', null],
      ['ASISTEN-1', 'PRATAMA', 'Pemerintahan'],
      ['KADIS-PU', 'PRATAMA', null],
      ['SEKDA', 'MADYA', null],
    ]);
  });

  it('the same file again changes nothing', { timeout: 180_000 }, async () => {
    const before = await stack.clients.assessment.getTalentSettings(AGENCY.code);
    const p = await preview('TARGET_POSTS', file(posts()), 'jabatan-target.csv');
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: 3, refused: 0 });
    expect((await commit(p.id)).committed).toEqual({ new: 0, changed: 0, unchanged: 3, refused: 0 });
    expect(await stack.clients.assessment.getTalentSettings(AGENCY.code)).toEqual(before);
  });

  it('a changed row keeps the previous version: who, when, which file', { timeout: 180_000 }, async () => {
    const rows = posts();
    rows[1]![1] = 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang';
    const p = await preview('TARGET_POSTS', file(rows), 'jabatan-target-revisi.csv');
    expect(p.counts).toEqual({ new: 0, changed: 1, unchanged: 2, refused: 0 });
    expect((await commit(p.id)).committed).toEqual({ new: 0, changed: 1, unchanged: 2, refused: 0 });
    const s = await stack.clients.assessment.getTalentSettings(AGENCY.code);
    expect(s!.targetPosts.find((t) => t.id === 'KADIS-PU')?.title).toBe(
      'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    );
    const versions = await stack.clients.assessment.listImportVersions(`${AGENCY.code}:KADIS-PU`);
    expect(versions).toEqual([
      {
        kind: 'TARGET_POSTS',
        subjectId: `${AGENCY.code}:KADIS-PU`,
        previous: {
          id: 'KADIS-PU',
          title: 'Kepala Dinas Pekerjaan Umum',
          level: 'PRATAMA',
          unit: 'Dinas PU',
          field: null,
        },
        previousSource: expect.objectContaining({ importId: firstId, fileName: 'jabatan-target.csv' }),
        replacedBy: expect.objectContaining({
          importId: p.id,
          fileName: 'jabatan-target-revisi.csv',
          byName: `Operator imk-${SALT}`,
        }),
      },
    ]);
  });

  it('serves a template per kind', { timeout: 60_000 }, async () => {
    for (const [name, first] of [
      ['hasil-asesmen.csv', 'NIP,NAMA,TANGGAL_ASESMEN'],
      ['jabatan-target.csv', 'KODE_JABATAN,NAMA_JABATAN,JENJANG'],
    ] as const) {
      const res = await fetch(`${stack.gateway.url}/imports/templates/${name}`);
      expect(res.status).toBe(200);
      expect((await res.text()).replace(/^\uFEFF/, '')).toMatch(new RegExp(`^${first}`));
    }
    const xlsx = await fetch(`${stack.gateway.url}/imports/templates/hasil-asesmen.xlsx`);
    expect(xlsx.headers.get('content-disposition')).toContain('templat-hasil-asesmen.xlsx');
    expect((await fetch(`${stack.gateway.url}/imports/templates/lain.csv`)).status).toBe(404);
  });
});

describe('one import per agency at a time, whatever the kinds', () => {
  it(
    'refuses to commit target posts while profiles of the agency are committed, and takes them afterwards',
    { timeout: 300_000 },
    async () => {
      const big = await preview(
        'PROFILES',
        importCsv(Array.from({ length: 3000 }, (_, k) => importRow(10_000 + k, { salt: SALT }))),
        'pegawai-besar.csv',
      );
      const header = ['KODE_JABATAN', 'NAMA_JABATAN', 'JENJANG', 'UNIT_KERJA'];
      const posts = await preview(
        'TARGET_POSTS',
        new TextEncoder().encode(toCsv([header, ['KARO-HUKUM', 'Kepala Biro Hukum', 'JPT Pratama', 'Setda']])),
        'jabatan-tambahan.csv',
      );
      expect((await confirm(big.id)).errors).toBeUndefined();
      const refused = await stack.gql(
        'mutation($i: ID!) { confirmProfileImport(importId: $i) { status } }',
        { i: posts.id },
        token,
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'IMPORT_RUNNING', field: 'importId' });
      expect((await completed(big.id)).committed).toMatchObject({ new: 3000 });
      // Left as previewed, it goes through once the profiles are in.
      expect((await commit(posts.id)).committed).toEqual({ new: 1, changed: 0, unchanged: 0, refused: 0 });
    },
  );
});
