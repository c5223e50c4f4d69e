/**
 * IP ASN through the real gateway, worker (the IP ASN workflow) and candidate service on FerretDB: profiles
 * imported with development hours and sanctions, a period computed, the agency's distribution and average
 * and an employee's four dimensions read back; who may read and compute what.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Account, AccountRepository } from '@seleksi/gateway';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency } from './support/fixtures';
import { IMPORT_HEADER, importCsv, importNip, importRow, previewImport } from './support/import-driver';

const AGENCY = testAgency(`IPA${Date.now().toString(36).toUpperCase()}`);
const OTHER = testAgency(`IPB${Date.now().toString(36).toUpperCase()}`);
const PASSWORD = 'IpAsn#Rahasia2026';
const SALT = (Date.now() % 997) + 1;

/**
 * Employees by `importRow` index, with what the IP ASN needs (period 2025) and their expected total.
 * importRow: S2 when i % 4 = 0, else S1; SKP 2025 Baik (i % 3 = 0), Butuh Perbaikan (1), Sangat Baik (2).
 * Weights 25 / 40 / 30 / 5; qualification S2 80, S1 60; competency 40 (leadership) + 60 × min(1, JP/20);
 * performance SB 100, B 80, BP 60; discipline none 100, ringan 60, berat 0.
 */
const EMPLOYEES: { i: number; training: string; jp: string; sanctions: string; flag?: string; total: number }[] = [
  { i: 0, training: 'PIM III', jp: '20', sanctions: '', total: 89 }, // 20 + 40 + 24 + 5
  { i: 1, training: '', jp: '10', sanctions: '', total: 50 }, // 15 + 12 + 18 + 5
  { i: 2, training: 'PKA', jp: '40', sanctions: 'RINGAN | 2025-02-03', total: 88 }, // 15 + 40 + 30 + 3
  { i: 3, training: 'PKP', jp: '20', sanctions: 'BERAT | 2025-06-01', flag: 'Ya', total: 79 }, // 15 + 40 + 24 + 0
  { i: 4, training: 'PIM IV', jp: '20', sanctions: '', total: 83 }, // 20 + 40 + 18 + 5
  { i: 5, training: 'PKN', jp: '20', sanctions: '', total: 90 }, // 15 + 40 + 30 + 5: the top of Tinggi
  { i: 6, training: '', jp: '', sanctions: '', total: 44 }, // 15 + 0 + 24 + 5, no hours imported
  { i: 8, training: 'PIM IV', jp: '20', sanctions: '', total: 95 }, // 20 + 40 + 30 + 5
];
const HEADER = [...IMPORT_HEADER, 'DIKLAT', 'JP_2025', 'RIWAYAT_HUKDIS'];
const rows = () =>
  EMPLOYEES.map((e) => {
    const r = importRow(e.i, { salt: SALT });
    if (e.flag) r[IMPORT_HEADER.indexOf('HUKUMAN_DISIPLIN')] = e.flag;
    return [...r, e.training, e.jp, e.sanctions];
  });

let stack: Stack;
const tokens: Record<'secretary' | 'ppk' | 'otherSecretary' | 'overseer', string> = {
  secretary: '',
  ppk: '',
  otherSecretary: '',
  overseer: '',
};

async function account(id: string, role: Account['role'], agencyCode: string | null): Promise<string> {
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id,
    email: `${id}@ipasn.test`,
    displayName: `Pengguna ${id}`,
    password: PASSWORD,
    role,
    agencyCode,
    candidateId: null,
  });
  return stack.signIn(`${id}@ipasn.test`, PASSWORD);
}

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'ipasn' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER);
  tokens.secretary = await account(`ipa-sec-${SALT}`, 'PANSEL_SECRETARY', AGENCY.code);
  tokens.ppk = await account(`ipa-ppk-${SALT}`, 'PPK', AGENCY.code);
  tokens.otherSecretary = await account(`ipb-sec-${SALT}`, 'PANSEL_SECRETARY', OTHER.code);
  tokens.overseer = await account(`ipa-ovs-${SALT}`, 'OVERSEER', null);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

const SUMMARY = `agencyCode period employees average category categoryLabel
  distribution { category label count } weights { dimension weight } computedAt`;
const EMPLOYEE = `employeeId name period total category categoryLabel
  dimensions { dimension label score weight weighted } gaps`;

interface Summary {
  agencyCode: string;
  period: string;
  employees: number;
  average: number | null;
  category: string | null;
  categoryLabel: string | null;
  distribution: { category: string; label: string; count: number }[];
  weights: { dimension: string; weight: number }[];
  computedAt: string;
}

const summaryOf = (token: string, agencyCode = AGENCY.code) =>
  stack.gql<{ ipAsnSummary: Summary | null }>(
    `query($a: String!) { ipAsnSummary(agencyCode: $a, period: "2025") { ${SUMMARY} } }`,
    { a: agencyCode },
    token,
  );

const employeeByNip = (token: string, i: number) =>
  stack.gql<{ employeeIpAsn: Record<string, unknown> | null }>(
    `query($n: String!) { employeeIpAsn(nip: $n, period: "2025") { ${EMPLOYEE} } }`,
    { n: importNip(i, SALT) },
    token,
  );

const compute = (token: string, agencyCode = AGENCY.code, period = '2025') =>
  stack.gql<{ computeIpAsn: { status: string; period: string } }>(
    'mutation($a: String!, $p: String!) { computeIpAsn(agencyCode: $a, period: $p) { status period } }',
    { a: agencyCode, p: period },
    token,
  );

describe('IP ASN', () => {
  it('imports profiles with development hours and a dated sanction history', { timeout: 180_000 }, async () => {
    const r = await previewImport(
      stack.gateway.url,
      tokens.secretary,
      AGENCY.code,
      importCsv(rows(), HEADER),
      'ipasn.csv',
    );
    const p = r.data?.previewProfileImport;
    expect(p?.errors).toEqual([]);
    expect(p?.counts).toEqual({ new: EMPLOYEES.length, changed: 0, unchanged: 0, refused: 0 });
    const confirm = await eventually(async () => {
      const c = await stack.gql<{ confirmProfileImport: { status: string } }>(
        'mutation($i: ID!) { confirmProfileImport(importId: $i) { status } }',
        { i: p!.id },
        tokens.secretary,
      );
      return c.errors?.[0]?.extensions?.code === 'IMPORT_RUNNING' ? null : c;
    }, 60_000);
    expect(confirm.errors).toBeUndefined();
    const stored = await eventually(async () => {
      const s = await stack.clients.candidate.getProfileByNip(importNip(3, SALT));
      return s?.sanctions ? s : null;
    }, 120_000);
    expect(stored).toMatchObject({
      disciplinarySanction: true,
      trainings: ['PKP'],
      developmentHours: [{ year: 2025, hours: 20 }],
      sanctions: [{ level: 'BERAT', since: '2025-06-01' }],
    });
    // Every row stored before the period is computed.
    await eventually(async () => (await stack.clients.candidate.getProfileByNip(importNip(8, SALT))) ?? null, 120_000);
  });

  it(
    'refuses to compute for another agency, or a year not yet begun, with typed errors',
    { timeout: 60_000 },
    async () => {
      expect((await compute(tokens.otherSecretary)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await compute(tokens.ppk)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await compute(tokens.secretary, AGENCY.code, '2999')).errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'period',
      });
      expect((await compute(tokens.secretary, AGENCY.code, '25')).errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'period',
      });
      expect((await summaryOf(tokens.secretary)).data?.ipAsnSummary).toBeNull();
    },
  );

  it('computes the period: the distribution by category and the average', { timeout: 240_000 }, async () => {
    const r = await compute(tokens.secretary);
    expect(r.errors).toBeUndefined();
    expect(r.data?.computeIpAsn.period).toBe('2025');
    const summary = await eventually(async () => (await summaryOf(tokens.secretary)).data?.ipAsnSummary, 180_000);
    const sum = EMPLOYEES.reduce((a, e) => a + e.total, 0);
    expect(summary).toMatchObject({
      agencyCode: AGENCY.code,
      period: '2025',
      employees: 8,
      average: sum / 8, // 77.25
      category: 'SEDANG',
      categoryLabel: 'Sedang',
      weights: [
        { dimension: 'QUALIFICATION', weight: 25 },
        { dimension: 'COMPETENCY', weight: 40 },
        { dimension: 'PERFORMANCE', weight: 30 },
        { dimension: 'DISCIPLINE', weight: 5 },
      ],
    });
    expect(summary.distribution).toEqual([
      { category: 'SANGAT_TINGGI', label: 'Sangat Tinggi', count: 1 },
      { category: 'TINGGI', label: 'Tinggi', count: 4 },
      { category: 'SEDANG', label: 'Sedang', count: 1 },
      { category: 'RENDAH', label: 'Rendah', count: 0 },
      { category: 'SANGAT_RENDAH', label: 'Sangat Rendah', count: 2 },
    ]);
    // The summary is written a moment before the run says completed.
    const run = await eventually(async () => {
      const r = await stack.gql<{ ipAsnRun: { status: string; percent: number } }>(
        'query($a: String!) { ipAsnRun(agencyCode: $a, period: "2025") { status percent } }',
        { a: AGENCY.code },
        tokens.ppk,
      );
      return r.data?.ipAsnRun?.status === 'COMPLETED' ? r.data.ipAsnRun : null;
    }, 60_000);
    expect(run).toEqual({ status: 'COMPLETED', percent: 100 });
  });

  it("reads an employee's index with its four dimensions", { timeout: 60_000 }, async () => {
    for (const e of EMPLOYEES) {
      const r = await employeeByNip(tokens.secretary, e.i);
      expect(r.data?.employeeIpAsn?.total, `employee ${e.i}`).toBe(e.total);
    }
    const r = await employeeByNip(tokens.ppk, 3);
    expect(r.data?.employeeIpAsn).toMatchObject({
      name: `Pegawai Impor 3`,
      period: '2025',
      total: 79,
      category: 'SEDANG',
      categoryLabel: 'Sedang',
      gaps: [],
      dimensions: [
        { dimension: 'QUALIFICATION', label: 'Kualifikasi', score: 60, weight: 25, weighted: 15 },
        { dimension: 'COMPETENCY', label: 'Kompetensi', score: 100, weight: 40, weighted: 40 },
        { dimension: 'PERFORMANCE', label: 'Kinerja', score: 80, weight: 30, weighted: 24 },
        { dimension: 'DISCIPLINE', label: 'Disiplin', score: 0, weight: 5, weighted: 0 },
      ],
    });
    const gap = await employeeByNip(tokens.secretary, 6);
    expect(gap.data?.employeeIpAsn?.gaps).toEqual([expect.stringContaining('JP pengembangan kompetensi')]);
  });

  it("scopes reads: the agency's staff see their own agency, the overseer all", { timeout: 60_000 }, async () => {
    // Another agency's secretary: refused the summary, and learns nothing of the NIP.
    expect((await summaryOf(tokens.otherSecretary)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await employeeByNip(tokens.otherSecretary, 3)).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'nip',
    });
    const id = (await employeeByNip(tokens.secretary, 3)).data!.employeeIpAsn!.employeeId as string;
    const byId = await stack.gql(
      'query($e: ID!) { employeeIpAsn(employeeId: $e, period: "2025") { total } }',
      { e: id },
      tokens.otherSecretary,
    );
    expect(byId.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const list = 'query { ipAsnSummaries(period: "2025") { agencyCode average category } }';
    const overseer = await stack.gql<{ ipAsnSummaries: { agencyCode: string }[] }>(list, {}, tokens.overseer);
    expect(overseer.data?.ipAsnSummaries).toContainEqual({
      agencyCode: AGENCY.code,
      average: 77.25,
      category: 'SEDANG',
    });
    const other = await stack.gql<{ ipAsnSummaries: { agencyCode: string }[] }>(list, {}, tokens.otherSecretary);
    expect(other.data?.ipAsnSummaries).toEqual([]);
    expect((await summaryOf(tokens.overseer)).data?.ipAsnSummary?.average).toBe(77.25);
    // Neither argument, or both: a typed error.
    const neither = await stack.gql('{ employeeIpAsn(period: "2025") { total } }', {}, tokens.secretary);
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('a second computation replaces the period with the same result', { timeout: 240_000 }, async () => {
    const before = (await summaryOf(tokens.secretary)).data!.ipAsnSummary!;
    expect((await compute(tokens.secretary)).errors).toBeUndefined();
    const after = await eventually(async () => {
      const s = (await summaryOf(tokens.secretary)).data?.ipAsnSummary;
      return s && s.computedAt !== before.computedAt ? s : null;
    }, 180_000);
    expect({ ...after, computedAt: null }).toEqual({ ...before, computedAt: null });
  });
});
