/**
 * A selection's applicants list through the real gateway (real Temporal dev server, real FerretDB): searched
 * by a name prefix and by NIP digits, sorted by name both ways, paged with the connection's cursors and a
 * total; a sort field off the whitelist and an over-long search are typed errors (code, field, Bahasa
 * Indonesia message); the export of the same list holds the same rows in the same order.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { localDateOf, type ProfileDto } from '@seleksi/domain';
import { startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';

const AGENCY = testAgency('ALPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('al');
const SECRETARY = 'al-sec';
const OVERSEER = 'al-overseer';
const cand = (n: number) => `al-cand-${n}`;
const asn = (n: number) => `al-asn-${n}`;

// Seven names, two of them starting "Sri"; stored out of alphabetical order.
const NAMES = [
  'Sri Wahyuni',
  'Ahmad Fauzi',
  'Sri Rahayu',
  'Bambang Susilo',
  'Dewi Lestari',
  'Citra Kirana',
  'Eko Prasetyo',
];
const N = NAMES.length;

// Built once: each call of eligibleProfile gives a new NIP.
const PROFILES: ProfileDto[] = NAMES.map((name, i) => eligibleProfile(asn(i + 1), AGENCY.code, 41 + i, { name }));
const profile = (n: number): ProfileDto => PROFILES[n - 1]!;

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...NAMES.map((_, i) => testUser(cand(i + 1), 'CANDIDATE', AGENCY.code, asn(i + 1))),
];

const LIST = `query($id: ID!, $first: Int, $after: String, $search: String, $sort: String, $desc: Boolean) {
  selection(id: $id) { applications(first: $first, after: $after, search: $search, sort: $sort, desc: $desc) {
    totalCount edges { cursor node { id candidateName } } pageInfo { hasNextPage endCursor } } } }`;

interface ListData {
  selection: {
    applications: {
      totalCount: number | null;
      edges: { cursor: string; node: { id: string; candidateName: string | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'alist' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  for (let n = 1; n <= N; n++) await stack.clients.candidate.upsertProfile(profile(n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

describe("a selection's applicants: search, sort and paging on the gateway", () => {
  it(
    'searches by name and NIP, sorts both ways, pages with cursors, exports the same list',
    { timeout: 300_000 },
    async () => {
      const { selectionId: id, vacancyId } = await d.openTrainingRound(
        { secretary: SECRETARY, overseer: OVERSEER },
        PANSEL,
        {
          title: 'Seleksi Terbuka JPT Pratama Uji Daftar Pelamar',
          announcementDate: localDateOf(new Date(), AGENCY.timeZone),
          vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
          // Registration stays open for the whole test.
          secondsPerDay: 120,
          rules: {
            registrationDays: 10,
            extensionDays: 1,
            extensionMaxTimes: 1,
            objectionWorkingDays: 1,
            overseerEra: 'KASN',
            overseerDecisionWorkingDays: 30,
          },
        },
      );
      await d.applyAll(NAMES.map((_, i) => [cand(i + 1), vacancyId] as [string, string]));
      const list = async (vars: Record<string, unknown>) =>
        must(await d.gql<ListData>(SECRETARY, LIST, { id, ...vars })).selection.applications;
      const names = (c: ListData['selection']['applications']) => c.edges.map((e) => e.node.candidateName);

      // Sorted by name, three a page: the cursors walk the whole list once, in order.
      const sorted = [...NAMES].sort((a, b) => a.localeCompare(b));
      const seen: (string | null)[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await list({ first: 3, after, sort: 'NAME' });
        expect(page.totalCount).toBe(N);
        seen.push(...names(page));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(sorted);

      // Descending; a page's last edge cursor is the next page's `after`.
      const desc = await list({ first: 4, sort: 'name', desc: true });
      expect(names(desc)).toEqual([...sorted].reverse().slice(0, 4));
      const rest = await list({ first: 4, sort: 'NAME', desc: true, after: desc.edges.at(-1)!.cursor });
      expect(names(rest)).toEqual([...sorted].reverse().slice(4));
      expect(rest.pageInfo.hasNextPage).toBe(false);

      // A name prefix, case and spaces aside; digits are a NIP prefix.
      const sri = await list({ first: 10, search: '  sRI ', sort: 'NAME' });
      expect(names(sri)).toEqual(['Sri Rahayu', 'Sri Wahyuni']);
      expect(sri.totalCount).toBe(2);
      expect(names(await list({ first: 10, search: 'Sri W' }))).toEqual(['Sri Wahyuni']);
      expect((await list({ first: 10, search: 'Zaenal' })).edges).toEqual([]);
      const nip = profile(4).nip;
      expect(names(await list({ first: 10, search: nip }))).toEqual(['Bambang Susilo']);
      expect(names(await list({ first: 10, search: nip.slice(0, 17) }))).toContain('Bambang Susilo');

      // Sorted by time of application (each applied in its own request): every row, once.
      const byTime = await list({ first: 10, sort: 'SUBMITTED_AT' });
      expect(new Set(byTime.edges.map((e) => e.node.id)).size).toBe(N);

      // Typed refusals.
      const badSort = await d.gql(SECRETARY, LIST, { id, first: 10, sort: 'nip; drop' });
      expectError(badSort, 'VALIDATION_FAILED', 'sort');
      expect(badSort.errors?.[0]?.message).toMatch(/Kolom pengurutan tidak dikenal; pilih NAME/);
      expectError(
        await d.gql(SECRETARY, LIST, { id, first: 10, search: 'x'.repeat(101) }),
        'VALIDATION_FAILED',
        'search',
      );
      expectError(
        await d.gql(SECRETARY, LIST, { id, first: 10, sort: 'NAME', after: 'bukan-kursor' }),
        'VALIDATION_FAILED',
        'after',
      );

      // The export of the same list: the same rows in the same order.
      const base = `${stack.gateway.url}/export/selections/${encodeURIComponent(id)}/applicants`;
      const get = (q: string) => fetch(`${base}${q}`, { headers: { authorization: `Bearer ${d.token(SECRETARY)}` } });
      const res = await get('.csv?search=sri&sort=NAME&desc=true');
      expect(res.status).toBe(200);
      const rows = parse(Buffer.from(await res.arrayBuffer()), { bom: true }) as string[][];
      expect(rows.slice(1).map((r) => r[2])).toEqual(['Sri Wahyuni', 'Sri Rahayu']);
      const refused = await get('.csv?sort=RANK');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'sort',
      });
    },
  );
});
