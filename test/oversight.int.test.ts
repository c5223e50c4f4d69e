/**
 * The oversight view through the real gateway (issue 16), on the candidate service's real read models
 * (FerretDB): rounds of two agencies in several stages and the decisions recorded on them go in through
 * the services' own write routes (as the worker writes them), then the overseer sees every agency's
 * counts, what waits on whom (overdue first, the overseer's silence approaching) and the integrity
 * signals with their counts; an agency's secretary sees their own only; a candidate is refused; the
 * lists download as CSV and XLSX with the same scope. One round driven by its workflow shows a real
 * screening override arriving as a signal.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  addToIpAsnTally,
  DEFAULT_IP_ASN_SETTINGS,
  emptyIpAsnTally,
  ipAsnCategory,
  localDateOf,
  selectionWorkflowId,
  type AuditRecordDto,
  type SelectionStage,
  type ReasonCode,
} from '@seleksi/domain';
import { graphqlClient, startAnotherGateway, startStack, type Stack } from './support/stack';
import { eligibleProfile, RECENT_SKP_YEARS, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const A = testAgency('OVA');
const B = { ...testAgency('OVB'), name: 'Pemerintah Kabupaten Uji OVB', timeZone: 'WIB' as const };
const PASSWORD = 'rahasia-uji-123';
const OVERSEER = 'ov-overseer';
const SEC_A = 'ov-sec-a';
const PPK_B = 'ov-ppk-b';
const CANDIDATE = 'ov-cand-1';
const CANDIDATES = [1, 2, 3].map((n) => `ov-cand-${n}`);
const PANSEL = testPansel('ov');

const DAY = 86_400_000;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

let stack: Stack;
let d: SelectionDriver;

/** A round of `agency` in `stage`, its stage due at `dueAt` (as the workflow's stage event says). */
async function round(agencyCode: string, id: string, stage: SelectionStage, dueAt: number | null): Promise<void> {
  const c = stack.clients.candidate;
  await c.upsertSelection({
    id,
    agencyCode,
    title: `Seleksi Terbuka ${id}`,
    workflowId: selectionWorkflowId(agencyCode, id),
    stage: 'PLANNED',
    timeZone: 'WITA',
    announcementDate: localDateOf(new Date(now), 'WITA'),
    registrationClosesAt: iso(now + 10 * DAY),
    vacancies: [{ id: `${id}-V1`, level: 'PRATAMA', position: 'Kepala Dinas', unit: 'Dinas', status: 'OPEN' }],
    announcementDocumentId: null,
    createdBy: { userId: SEC_A, role: 'PANSEL_SECRETARY' },
    createdAt: iso(now - 30 * DAY),
  });
  await c.recordStageEvent(id, {
    eventId: `${id}:1:${stage}`,
    stage,
    at: iso(now - 2 * DAY),
    reasonCode: 'SELECTION_PLANNED' satisfies ReasonCode,
    expectedNextAt: dueAt === null ? null : iso(dueAt),
  });
}

let seq = 0;
/** A decision as the workflows record it. */
async function decision(
  agencyCode: string,
  selectionId: string,
  kind: string,
  over: Partial<AuditRecordDto> = {},
  workflowId = selectionWorkflowId(agencyCode, selectionId),
): Promise<void> {
  seq += 1;
  await stack.clients.candidate.recordAudit({
    decisionId: `ov-dec-${seq}`,
    selectionId,
    workflowId,
    kind,
    by: { userId: 'ov-actor', role: 'PPK', displayName: 'Bupati Uji' },
    at: iso(now - DAY + seq * 1000),
    reason: null,
    subjectId: `${selectionId}-V1`,
    payload: {},
    ...over,
  });
}

interface Oversight {
  oversight: {
    agencyCode: string | null;
    openRounds: number;
    overdueCount: number;
    silenceApproachingCount: number;
    stageCounts: { agencyCode: string; stage: string; count: number }[];
    waiting: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { selectionId: string; waitingOn: string; overdue: boolean; silenceApproaching: boolean } }[];
    };
    agencies: {
      totalCount: number;
      edges: {
        node: {
          agencyCode: string;
          openRounds: number;
          overdue: number;
          ipAsnAverage: number | null;
          ipAsnCategoryName: string | null;
          ipAsnPeriod: number | null;
        };
      }[];
    };
    signals: { signal: string; total: number; counts: { agencyCode: string; period: string; count: number }[] }[];
  };
}

const VIEW = `query($a: String, $first: Int, $after: String, $t: Int) {
  oversight(agencyCode: $a) {
    agencyCode openRounds overdueCount silenceApproachingCount
    stageCounts { agencyCode stage count }
    waiting(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { selectionId waitingOn overdue silenceApproaching } }
    }
    agencies { totalCount edges { node { agencyCode openRounds overdue ipAsnAverage ipAsnCategoryName ipAsnPeriod } } }
    signals(panselThreshold: $t) { signal total counts { agencyCode period count } }
  }
}`;

const total = (o: Oversight['oversight'], signal: string) => o.signals.find((s) => s.signal === signal)!.total;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'oversight',
  });
  await stack.clients.candidate.upsertAgency(A);
  await stack.clients.candidate.upsertAgency(B);
  d = await SelectionDriver.signIn(
    stack,
    [
      testUser(OVERSEER, 'OVERSEER', null),
      testUser(SEC_A, 'PANSEL_SECRETARY', A.code),
      testUser(PPK_B, 'PPK', B.code),
      ...CANDIDATES.map((id, i) => testUser(id, 'CANDIDATE', A.code, `ov-asn-${i + 1}`)),
      ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
    ],
    PASSWORD,
  );

  // Agency A: a plan waiting on the overseer whose silence acts tomorrow, a choice overdue at the PPK,
  // a running registration (waits on nobody). Agency B: an interview without a deadline, a finished round.
  await round(A.code, 'OVA-1', 'PLAN_APPROVAL', now + DAY);
  await round(A.code, 'OVA-2', 'APPOINTMENT_CHOICE', now - DAY);
  await round(A.code, 'OVA-3', 'REGISTRATION_OPEN', now + 5 * DAY);
  await round(B.code, 'OVB-1', 'INTERVIEW', null);
  await round(B.code, 'OVB-2', 'COMPLETED', null);

  await decision(A.code, 'OVA-2', 'APPOINTEE_CHOSEN', {
    reason: 'Rekam jejak lapangan lebih sesuai',
    payload: { applicationId: 'x', rank: 2, route: 'PPK' },
  });
  await decision(B.code, 'OVB-2', 'APPOINTEE_CHOSEN', { payload: { applicationId: 'y', rank: 1, route: 'PPK' } });
  await decision(A.code, 'OVA-1', 'OBJECTION_ANSWERED', { payload: { upheld: true, reopenStage: 'TRACK_RECORD' } });
  await decision(B.code, 'OVB-1', 'OBJECTION_ANSWERED', { payload: { upheld: false, reopenStage: null } });
  await decision(B.code, 'OVB-1', 'OVERSEER_SILENCE', {
    by: { userId: 'system', role: 'ADMIN', displayName: 'Sistem (aturan tenggat waktu)' },
    payload: { subject: 'PLAN' },
  });
  const members = (ids: string[]) => ({ members: ids.map((id) => ({ id, internal: true, role: 'MEMBER' })) });
  for (const id of ['OVA-1', 'OVA-2', 'OVA-3'])
    await decision(A.code, id, 'PANSEL_SET', { payload: members(['m-shared']) });
  await decision(B.code, 'OVB-1', 'PANSEL_SET', { payload: members(['m-shared']) });
  await decision(
    A.code,
    'TAL-OVA-2026-0000ABCD',
    'FALLBACK_STARTED',
    { reason: 'Tidak ada talenta yang memenuhi syarat', payload: { selectionId: 'OVA-9', invited: 0 } },
    'talent-filling:OVA:TAL-OVA-2026-0000ABCD',
  );
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

describe('the oversight view', () => {
  it('the overseer sees every agency: counts by stage, what waits on whom, and the signals', async () => {
    // Two computed IP ASN years of OVA, as the IP ASN workflow stores them.
    for (const [period, totals] of [
      [2024, [70]],
      [2025, [92, 80]],
    ] as const) {
      const tally = emptyIpAsnTally();
      for (const total of totals) addToIpAsnTally(tally, { total, category: ipAsnCategory(total) });
      await stack.clients.candidate.putIpAsnSummary('OVA', period, {
        tally,
        settings: DEFAULT_IP_ASN_SETTINGS,
        computedAt: new Date().toISOString(),
      });
    }
    const o = must(await d.gql<Oversight>(OVERSEER, VIEW, { first: 2 })).oversight;
    expect(o.agencyCode).toBeNull();
    expect(o.openRounds).toBe(4);
    expect(o.stageCounts).toEqual([
      { agencyCode: 'OVA', stage: 'PLAN_APPROVAL', count: 1 },
      { agencyCode: 'OVA', stage: 'REGISTRATION_OPEN', count: 1 },
      { agencyCode: 'OVA', stage: 'APPOINTMENT_CHOICE', count: 1 },
      { agencyCode: 'OVB', stage: 'INTERVIEW', count: 1 },
    ]);
    expect([o.overdueCount, o.silenceApproachingCount]).toEqual([1, 1]);

    // Soonest deadline first, two to a page.
    expect(o.waiting.totalCount).toBe(3);
    expect(o.waiting.edges.map((e) => e.node)).toEqual([
      { selectionId: 'OVA-2', waitingOn: 'PPK', overdue: true, silenceApproaching: false },
      { selectionId: 'OVA-1', waitingOn: 'OVERSEER', overdue: false, silenceApproaching: true },
    ]);
    expect(o.waiting.pageInfo.hasNextPage).toBe(true);
    const next = must(await d.gql<Oversight>(OVERSEER, VIEW, { first: 2, after: o.waiting.pageInfo.endCursor }))
      .oversight.waiting;
    expect(next.edges.map((e) => e.node.selectionId)).toEqual(['OVB-1']);
    expect(next.pageInfo.hasNextPage).toBe(false);

    const rows = o.agencies.edges.map((e) => e.node);
    // OVA's latest computed IP ASN year (2025: two employees at 92.00 and 80.00 → 86.00, Tinggi); OVB has none.
    expect(rows.slice(0, 2)).toEqual([
      {
        agencyCode: 'OVA',
        openRounds: 3,
        overdue: 1,
        ipAsnAverage: 86,
        ipAsnCategoryName: 'Tinggi',
        ipAsnPeriod: 2025,
      },
      { agencyCode: 'OVB', openRounds: 1, overdue: 0, ipAsnAverage: null, ipAsnCategoryName: null, ipAsnPeriod: null },
    ]);

    const period = iso(now - DAY).slice(0, 7);
    expect(o.signals.find((s) => s.signal === 'RANK_ONE_NOT_CHOSEN')!.counts).toEqual([
      { agencyCode: 'OVA', period, count: 1 },
    ]);
    expect(total(o, 'OBJECTION_UPHELD')).toBe(1);
    expect(total(o, 'STAGE_REOPENED')).toBe(1);
    expect(o.signals.find((s) => s.signal === 'DEADLINE_MISSED')!.counts).toEqual([
      { agencyCode: 'OVB', period, count: 1 },
    ]);
    expect(total(o, 'PANSEL_MEMBER_MANY_ROUNDS')).toBe(1);
    expect(total(o, 'TALENT_FALLBACK')).toBe(1);
    // The threshold is the caller's: at 4 rounds the member is no longer listed.
    expect(total(must(await d.gql<Oversight>(OVERSEER, VIEW, { t: 4 })).oversight, 'PANSEL_MEMBER_MANY_ROUNDS')).toBe(
      0,
    );

    // The period is applied in the store's read (before its cap); nothing was cut, and the answer says so.
    const day = localDateOf(new Date(now - DAY), 'WIB');
    const PERIOD = `query($from: LocalDate, $to: LocalDate) { oversight { truncated
      signals(from: $from, to: $to) { signal total truncated } } }`;
    type Period = {
      oversight: { truncated: boolean; signals: { signal: string; total: number; truncated: boolean }[] };
    };
    const inDay = must(await d.gql<Period>(OVERSEER, PERIOD, { from: day, to: day })).oversight;
    expect(inDay.truncated).toBe(false);
    expect(inDay.signals.every((s) => !s.truncated)).toBe(true);
    expect(inDay.signals.find((s) => s.signal === 'RANK_ONE_NOT_CHOSEN')!.total).toBe(1);
    const later = must(
      await d.gql<Period>(OVERSEER, PERIOD, { from: localDateOf(new Date(now + DAY), 'WIB'), to: null }),
    ).oversight;
    expect(later.signals.find((s) => s.signal === 'RANK_ONE_NOT_CHOSEN')!.total).toBe(0);

    const rank = must(
      await d.gql<{
        oversight: {
          signal: { totalCount: number; edges: { node: { selectionId: string; reason: string; detail: string } }[] };
        };
      }>(
        OVERSEER,
        '{ oversight { signal(signal: RANK_ONE_NOT_CHOSEN) { totalCount edges { node { selectionId reason detail } } } } }',
      ),
    ).oversight.signal;
    expect(rank.totalCount).toBe(1);
    expect(rank.edges[0]!.node).toMatchObject({ selectionId: 'OVA-2', reason: 'Rekam jejak lapangan lebih sesuai' });
    expect(rank.edges[0]!.node.detail).toMatch(/peringkat 2/);
  });

  it('a list cut by its read cap says so, on the page and in its downloads', { timeout: 120_000 }, async () => {
    // A gateway reading at most one record per kind: of the two APPOINTEE_CHOSEN records only the newest
    // (OVB-2, rank 1 chosen) comes back, so rank 1 not chosen shows nothing, and says it is incomplete.
    const capped = await startAnotherGateway(stack, { OVERSIGHT_RECORDS_CAP: '1' }, 'gateway-capped');
    try {
      const SIGNAL = '{ oversight { signal(signal: RANK_ONE_NOT_CHOSEN) { totalCount truncated } } }';
      type Signal = { oversight: { signal: { totalCount: number; truncated: boolean } } };
      const cut = must(await graphqlClient(capped.url)<Signal>(SIGNAL, {}, d.token(OVERSEER))).oversight.signal;
      expect(cut).toEqual({ totalCount: 0, truncated: true });
      const whole = must(await d.gql<Signal>(OVERSEER, SIGNAL)).oversight.signal;
      expect(whole).toEqual({ totalCount: 1, truncated: false });

      const download = (url: string) =>
        fetch(`${url}/export/oversight/signals/RANK_ONE_NOT_CHOSEN.csv`, {
          headers: { authorization: `Bearer ${d.token(OVERSEER)}` },
        });
      const cutCsv = await download(capped.url);
      expect(cutCsv.headers.get('x-export-incomplete')).toBe('true');
      const cutRows = parse(Buffer.from(await cutCsv.arrayBuffer()), {
        bom: true,
        relax_column_count: true,
      }) as string[][];
      expect(cutRows.slice(1)).toEqual([[expect.stringMatching(/^Data tidak lengkap/)]]);
      const wholeCsv = await download(stack.gateway.url);
      expect(wholeCsv.headers.get('x-export-incomplete')).toBeNull();
      const wholeRows = parse(Buffer.from(await wholeCsv.arrayBuffer()), { bom: true }) as string[][];
      expect(wholeRows.slice(1).map((r) => r[4])).toEqual(['OVA-2']);
    } finally {
      await capped.close();
    }
  });

  it("an agency's staff see their own agency only; a candidate is refused", async () => {
    const own = must(await d.gql<Oversight>(SEC_A, VIEW)).oversight;
    expect(own.agencyCode).toBe('OVA');
    expect(own.openRounds).toBe(3);
    expect(own.agencies.edges.map((e) => e.node.agencyCode)).toEqual(['OVA']);
    expect(own.waiting.edges.map((e) => e.node.selectionId)).toEqual(['OVA-2', 'OVA-1']);
    expect(total(own, 'DEADLINE_MISSED')).toBe(0);
    expect(total(own, 'RANK_ONE_NOT_CHOSEN')).toBe(1);

    const b = must(await d.gql<Oversight>(PPK_B, VIEW)).oversight;
    expect([b.agencyCode, b.openRounds, total(b, 'DEADLINE_MISSED'), total(b, 'RANK_ONE_NOT_CHOSEN')]).toEqual([
      'OVB',
      1,
      1,
      0,
    ]);

    expectError(await d.gql(SEC_A, VIEW, { a: 'OVB' }), 'FORBIDDEN', 'agencyCode');
    expectError(await d.gql(CANDIDATE, VIEW), 'FORBIDDEN');
    expectError(await d.gql(PANSEL[0]!.userId, VIEW), 'FORBIDDEN');
    expectError(await d.gql(null, VIEW), 'UNAUTHENTICATED');
  });

  it('the lists download as CSV and XLSX with the same scope', async () => {
    const get = (path: string, as: string) =>
      fetch(`${stack.gateway.url}${path}`, { headers: { authorization: `Bearer ${d.token(as)}` } });

    const csv = await get('/export/oversight/signals/RANK_ONE_NOT_CHOSEN.csv', OVERSEER);
    expect(csv.status).toBe(200);
    const rows = parse(Buffer.from(await csv.arrayBuffer()), { bom: true }) as string[][];
    expect(rows[0]).toContain('Alasan');
    expect(rows.slice(1).map((r) => [r[1], r[4], r[9]])).toEqual([
      ['OVA', 'OVA-2', 'Rekam jejak lapangan lebih sesuai'],
    ]);

    const xlsx = await get('/export/oversight/waiting.xlsx', SEC_A);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const ids: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push((row.values as unknown[])[3]));
    expect(ids).toEqual(['OVA-2', 'OVA-1']);

    const refused = await get('/export/oversight/waiting.csv', CANDIDATE);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await get('/export/oversight/signals/NO_SUCH.csv', OVERSEER)).status).toBe(404);
    expect((await get('/export/oversight/waiting.csv?agencyCode=OVB', SEC_A)).status).toBe(403);
  });

  it(
    'a screening override taken in a running round arrives as a signal of its agency',
    { timeout: 300_000 },
    async () => {
      for (let n = 1; n <= 3; n++) {
        await stack.clients.candidate.upsertProfile({
          ...eligibleProfile(`ov-asn-${n}`, A.code, 40 + n),
          skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
        });
      }
      const { selectionId, vacancyId } = await d.openTrainingRound({ secretary: SEC_A, overseer: OVERSEER }, PANSEL, {
        title: 'Seleksi Terbuka JPT Pratama Uji Pengawasan',
        announcementDate: localDateOf(new Date(), A.timeZone),
        vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
        secondsPerDay: 2,
        // 12 s of registration: three applications get in even on a busy machine.
        rules: { registrationDays: 6, extensionDays: 1, extensionMaxTimes: 1, minApplicantsPerVacancy: 3 },
      });
      // The overseer's review recorded its silence deadline on the stage (what "silence approaching" reads).
      const history = (await stack.clients.candidate.getSelection(selectionId))!.stageHistory;
      expect(history.find((e) => e.reasonCode === 'PLAN_SUBMITTED')?.expectedNextAt).toMatch(/^\d{4}-/);
      const [applicationId] = await d.applyAll(CANDIDATES.map((c) => [c, vacancyId] as [string, string]));
      await d.waitFor(
        SEC_A,
        selectionId,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
      );
      must(
        await d.overrideScreening(SEC_A, selectionId, applicationId!, false, 'Dokumen LHKPN tidak dapat diverifikasi'),
      );
      const overrides = must(
        await d.gql<{
          oversight: { signal: { edges: { node: { agencyCode: string; selectionId: string; subjectId: string } }[] } };
        }>(
          OVERSEER,
          '{ oversight { signal(signal: SCREENING_OVERRIDE) { edges { node { agencyCode selectionId subjectId } } } } }',
        ),
      ).oversight.signal.edges.map((e) => e.node);
      expect(overrides).toEqual([{ agencyCode: 'OVA', selectionId, subjectId: applicationId }]);
    },
  );
});
