/**
 * The nine-box grid through GraphQL on the real Temporal dev server and FerretDB: an agency mapped for
 * last year and this year, read as the 3×3 grid with shares and the change per box, a box's people paged
 * with NIP and position, the employees who could not be mapped with the reason each, and the agency scope.
 *
 * Agency GRIDPROV, 25 employees (default scoring: two SKP years before the map's year):
 *   grd-00..04: box 9 both years · grd-12..24: box 5 both years ·
 *   grd-05..07: SKP from two years ago only → unmapped last year, box 5 this year ·
 *   grd-10..11: no SKP of last year → box 5 last year, unmapped this year ·
 *   grd-08..09: never assessed → unmapped both years.
 * So this year: box 5 = 16 (15 last year, +1), box 9 = 5 (0), unmapped 4 (5 last year).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf, type ProfileDto, type SkpPredicate } from '@seleksi/domain';
import { startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';
import { TalentDriver } from './support/talent-driver';

const AGENCY = testAgency('GRIDPROV');
const OTHER = testAgency('GRIDLAIN');
const PASSWORD = 'rahasia-uji-123';
const SECRETARY = 'grd-sec';
const OTHER_SECRETARY = 'grd-sec-lain';
const PPK = 'grd-ppk';
const OVERSEER = 'grd-overseer';

const YEAR = Number(localDateOf(new Date(), AGENCY.timeZone).slice(0, 4));
const NOW = String(YEAR);
const BEFORE = String(YEAR - 1);

const emp = (i: number) => `grd-${String(i).padStart(2, '0')}`;

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
];

function skpYears(i: number): number[] {
  if (i >= 5 && i <= 7) return [YEAR - 2, YEAR - 1];
  if (i === 10 || i === 11) return [YEAR - 3, YEAR - 2];
  return [YEAR - 3, YEAR - 2, YEAR - 1];
}

function profile(i: number): ProfileDto {
  const predicate: SkpPredicate = i <= 4 ? 'SANGAT_BAIK' : 'BAIK';
  return eligibleProfile(emp(i), AGENCY.code, i, {
    skp: skpYears(i).map((year) => ({ year, predicate })),
  });
}

interface Cell {
  box: number;
  name: string;
  potential: number;
  performance: number;
  inPool: boolean;
  count: number;
  share: number;
  previousCount: number | null;
  change: number | null;
}
interface GridMap {
  period: string;
  total: number;
  mapped: number;
  unmapped: number;
  previousPeriod: string | null;
  grid: { potential: number; potentialName: string; cells: Cell[] }[];
}
interface EntryPage {
  edges: { node: Person }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
interface Person {
  employeeId: string;
  employeeName: string | null;
  nip: string | null;
  position: string | null;
  box: number | null;
  performanceScore: number | null;
  potentialScore: number | null;
  missing: string[];
}

const GRID = `query($a: String!, $p: String) { talentMap(agencyCode: $a, period: $p) {
  period total mapped unmapped previousPeriod
  grid { potential potentialName cells { box name potential performance inPool count share previousCount change } } } }`;
const PEOPLE = `query($a: String!, $p: String!, $b: Int, $u: Boolean, $f: Int, $after: String) {
  talentMap(agencyCode: $a, period: $p) { entries(box: $b, unmapped: $u, first: $f, after: $after) {
    edges { node { employeeId employeeName nip position box performanceScore potentialScore missing } }
    pageInfo { hasNextPage endCursor } } } }`;

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'grid' });
  const { candidate, assessment } = stack.clients;
  await candidate.upsertAgency(AGENCY);
  await candidate.upsertAgency(OTHER);
  await candidate.upsertProfiles(Array.from({ length: 25 }, (_, i) => profile(i)));
  for (let i = 0; i < 25; i++) {
    if (i === 8 || i === 9) continue;
    await assessment.upsertAssessmentResult({
      id: `ac-${emp(i)}`,
      candidateId: emp(i),
      provider: 'UPT Penilaian Kompetensi Uji',
      assessedAt: `${YEAR - 1}-01-15`,
      managerial: i <= 4 ? 96 : 75,
      socioCultural: i <= 4 ? 94 : 75,
      validUntil: `${YEAR + 2}-01-15`,
    });
  }
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  const t = new TalentDriver(d);
  // Last year first (its reference date the year's last day), then this year.
  must(await t.startMapping(SECRETARY, AGENCY.code, BEFORE, { asOf: `${YEAR - 1}-12-31` }));
  await t.waitForMapping(SECRETARY, AGENCY.code, BEFORE, 240_000);
  must(await t.startMapping(SECRETARY, AGENCY.code, NOW));
  await t.waitForMapping(SECRETARY, AGENCY.code, NOW, 240_000);
}, 600_000);

afterAll(async () => {
  await stack?.close();
});

async function people(as: string, period: string, opts: { box?: number; unmapped?: boolean }, first: number) {
  const all: Person[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 30; pages++) {
    const r: EntryPage = must(
      await d.gql<{
        talentMap: { entries: { edges: { node: Person }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      }>(as, PEOPLE, { a: AGENCY.code, p: period, b: opts.box ?? null, u: opts.unmapped ?? null, f: first, after }),
    ).talentMap.entries;
    expect(r.edges.length).toBeLessThanOrEqual(first);
    all.push(...r.edges.map((e) => e.node));
    if (!r.pageInfo.hasNextPage) return { all, pages: pages + 1 };
    after = r.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('the nine-box grid', () => {
  it('is 3×3 in the agency numbering, with shares of the mapped and the change since last year', async () => {
    const map = must(await d.gql<{ talentMap: GridMap }>(PPK, GRID, { a: AGENCY.code, p: NOW })).talentMap;
    expect(map).toMatchObject({ period: NOW, total: 25, mapped: 21, unmapped: 4, previousPeriod: BEFORE });
    expect(map.grid.map((r) => r.potential)).toEqual([3, 2, 1]);
    expect(map.grid.map((r) => r.cells.map((c) => c.box))).toEqual([
      [6, 8, 9],
      [3, 5, 7],
      [1, 2, 4],
    ]);
    expect(map.grid.every((r) => r.cells.map((c) => c.performance).join() === '1,2,3')).toBe(true);
    const cells = Object.fromEntries(map.grid.flatMap((r) => r.cells).map((c) => [c.box, c]));
    expect(cells[9]).toMatchObject({ count: 5, previousCount: 5, change: 0, inPool: true });
    expect(cells[5]).toMatchObject({ count: 16, previousCount: 15, change: 1, inPool: false });
    expect(cells[5]!.name).toBe('Kinerja sesuai ekspektasi dan potensial menengah');
    expect(cells[5]!.share).toBeCloseTo(16 / 21);
    expect(cells[1]).toMatchObject({ count: 0, share: 0, previousCount: 0, change: 0 });

    // The first period has nothing to compare with.
    const before = must(await d.gql<{ talentMap: GridMap }>(SECRETARY, GRID, { a: AGENCY.code, p: BEFORE })).talentMap;
    expect(before).toMatchObject({ total: 25, mapped: 20, unmapped: 5, previousPeriod: null });
    expect(before.grid.flatMap((r) => r.cells).every((c) => c.previousCount === null && c.change === null)).toBe(true);
  });

  it("pages a box's people on the server with NIP, position and scores", async () => {
    const { all, pages } = await people(SECRETARY, NOW, { box: 5 }, 5);
    expect(pages).toBe(4);
    expect(all).toHaveLength(16);
    expect(new Set(all.map((p) => p.employeeId)).size).toBe(16);
    expect(all.every((p) => p.box === 5 && /^\d{18}$/.test(p.nip ?? ''))).toBe(true);
    expect(all.every((p) => p.position === 'Kepala Bidang' && p.employeeName?.startsWith('Peserta Uji'))).toBe(true);
    expect(all.every((p) => p.performanceScore === 80 && p.potentialScore !== null)).toBe(true);
    expect(all.map((p) => p.employeeId)).toEqual(expect.arrayContaining([emp(5), emp(6), emp(7)]));
  });

  it('lists the employees who could not be mapped with the reason each', async () => {
    const { all } = await people(OVERSEER, NOW, { unmapped: true }, 3);
    const reasons = Object.fromEntries(all.map((p) => [p.employeeId, p.missing]));
    expect(Object.keys(reasons).sort()).toEqual([8, 9, 10, 11].map(emp));
    expect(reasons[emp(8)]).toContain('Belum ada hasil asesmen');
    expect(reasons[emp(10)]).toEqual([`SKP tahun ${YEAR - 1} belum ada`]);
    expect(all.every((p) => p.box === null && p.nip !== null)).toBe(true);
    const last = await people(SECRETARY, BEFORE, { unmapped: true }, 10);
    expect(last.all.find((p) => p.employeeId === emp(5))?.missing).toEqual([`SKP tahun ${YEAR - 3} belum ada`]);
  });

  it("refuses another agency's staff, and names only the agencies one may read", async () => {
    expectError(await d.gql(OTHER_SECRETARY, GRID, { a: AGENCY.code, p: NOW }), 'FORBIDDEN', 'agencyCode');
    expectError(
      await d.gql(OTHER_SECRETARY, PEOPLE, { a: AGENCY.code, p: NOW, b: 5, f: 5 }),
      'FORBIDDEN',
      'agencyCode',
    );
    expectError(await d.gql(null, PEOPLE, { a: AGENCY.code, p: NOW, b: 5, f: 5 }), 'UNAUTHENTICATED');
    const q = '{ talentAgencies { code name } }';
    expect(must(await d.gql<{ talentAgencies: unknown[] }>(OTHER_SECRETARY, q)).talentAgencies).toEqual([
      { code: OTHER.code, name: OTHER.name },
    ]);
    const seen = must(await d.gql<{ talentAgencies: { code: string }[] }>(OVERSEER, q)).talentAgencies;
    expect(seen.map((a) => a.code)).toEqual(expect.arrayContaining([AGENCY.code, OTHER.code]));
  });
});
