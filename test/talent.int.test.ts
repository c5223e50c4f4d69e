/**
 * The talent route driven through GraphQL on the real Temporal dev server and FerretDB, as each real
 * user: the agency's Pansel secretary, the PPK, the overseer, an administrator and ASN candidates.
 *
 * Agency TALPROV (merit 300 = Baik, approved talent system, one target post) has 40 employees whose
 * SKP and assessment results put them in known boxes:
 *   box 9: tal-00 and tal-06 (tal-06 has rank III/b, so the eligibility rules exclude it),
 *   box 8: tal-01, tal-02 · box 7: tal-03..05 · box 5: tal-07..16 · box 1: tal-17..26 ·
 *   box 2: tal-27..34 · unmapped (no assessment): tal-35..39.
 * Agency TALLAIN has merit 200 (Kurang) and no map: its filling falls back to an open selection at
 * the gate. The workflow invites the pool only when it got as far as ranking successors, so that
 * fallback invites nobody; invitations are checked on a TALPROV filling the committee declines.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, EMPLOYEE_BUCKETS, localDateOf, type ProfileDto, type SkpPredicate } from '@seleksi/domain';
import { SLOTS_PER_BATCH, talentFillingWorkflowId, WaitingForKey } from '@seleksi/workflows';
import { pagesOf, pdfsigOf } from '../services/document/src/pdf/test-poppler';
import { DEV_TRUST_ANCHORS } from '../services/document/src/signing';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';
import { TalentDriver, type EntryPage, type TalentFilling, type TalentMapEntry } from './support/talent-driver';

const AGENCY = testAgency('TALPROV');
const OTHER = testAgency('TALLAIN');
const PASSWORD = 'rahasia-uji-123';

const SECRETARY = 'tal-sec';
const OTHER_SECRETARY = 'tal-sec-lain';
const PPK = 'tal-ppk';
const OTHER_PPK = 'tal-ppk-lain';
const OVERSEER = 'tal-overseer';
const ADMIN = 'tal-admin';
const MEMBER = 'tal-member';

const emp = (i: number) => `tal-${String(i).padStart(2, '0')}`;
const cand = (i: number) => `tal-cand-${i}`;
const OTHER_EMP = 'tlb-00';
const OTHER_CAND = 'tlb-cand-0';

const today = () => localDateOf(new Date(), AGENCY.timeZone);
const YEAR = Number(today().slice(0, 4));
const PERIOD = String(YEAR);

const user = testUser;

const USERS: TestUser[] = [
  user(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  user(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER.code),
  user(PPK, 'PPK', AGENCY.code),
  user(OTHER_PPK, 'PPK', OTHER.code),
  user(OVERSEER, 'OVERSEER', null),
  user(ADMIN, 'ADMIN', null),
  user(MEMBER, 'PANSEL_MEMBER', null),
  user(cand(0), 'CANDIDATE', AGENCY.code, emp(0)),
  user(cand(1), 'CANDIDATE', AGENCY.code, emp(1)),
  user(cand(35), 'CANDIDATE', AGENCY.code, emp(35)),
  user(OTHER_CAND, 'CANDIDATE', OTHER.code, OTHER_EMP),
];

interface Plan {
  /** SKP predicate of the two years before the map (and of this year). */
  skp: SkpPredicate;
  /** Managerial and socio-cultural assessment scores; null = never assessed (unmapped). */
  assessment: [number, number] | null;
  overrides?: Partial<ProfileDto>;
}

/**
 * Default scoring (50/50; SKP Sangat Baik 100, Baik 80, Butuh Perbaikan 60; potential = 40 %
 * managerial + 30 % socio-cultural + 30 % track record (80 when none is recorded)).
 */
function plan(i: number): Plan {
  if (i === 0) return { skp: 'SANGAT_BAIK', assessment: [96, 94] }; // K3 P3 → 9
  if (i === 1) return { skp: 'BAIK', assessment: [95, 92] }; // K2 P3 → 8
  if (i === 2) return { skp: 'BAIK', assessment: [92, 90] }; // K2 P3 → 8
  if (i <= 5) return { skp: 'SANGAT_BAIK', assessment: [80 - i, 78] }; // K3 P2 → 7
  if (i === 6) return { skp: 'SANGAT_BAIK', assessment: [97, 95], overrides: { rank: 'III/b' } }; // 9, not eligible
  if (i <= 16) return { skp: 'BAIK', assessment: [75, 75] }; // K2 P2 → 5
  if (i <= 26) return { skp: 'BUTUH_PERBAIKAN', assessment: [50, 50] }; // K1 P1 → 1
  if (i <= 34) return { skp: 'BAIK', assessment: [50, 50] }; // K2 P1 → 2
  return { skp: 'BAIK', assessment: null };
}

const EXPECTED_COUNTS: Record<number, number> = { 1: 10, 2: 8, 3: 0, 4: 0, 5: 10, 6: 0, 7: 3, 8: 2, 9: 2 };

function profile(i: number): ProfileDto {
  const p = plan(i);
  return eligibleProfile(emp(i), AGENCY.code, i, {
    skp: [YEAR - 2, YEAR - 1, YEAR].map((year) => ({ year, predicate: p.skp })),
    ...p.overrides,
  });
}

const post = (position: string) => ({ position, unit: position.replace(/^Kepala /, ''), level: 'PRATAMA' });
const inFuture = (days: number) => addCalendarDays(today(), days);

let stack: Stack;
let d: SelectionDriver;
let t: TalentDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'talent',
  });
  const { candidate, assessment } = stack.clients;
  await candidate.upsertAgency(AGENCY);
  await candidate.upsertAgency(OTHER);
  await candidate.upsertProfiles(Array.from({ length: 40 }, (_, i) => profile(i)));
  await candidate.upsertProfile(eligibleProfile(OTHER_EMP, OTHER.code, 3));
  for (let i = 0; i < 40; i++) {
    const a = plan(i).assessment;
    if (!a) continue;
    await assessment.upsertAssessmentResult({
      id: `ac-${emp(i)}`,
      candidateId: emp(i),
      provider: 'UPT Penilaian Kompetensi Uji',
      assessedAt: `${YEAR}-01-15`,
      managerial: a[0],
      socioCultural: a[1],
      validUntil: `${YEAR + 2}-01-15`,
    });
  }
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  t = new TalentDriver(d);

  // Talent settings through GraphQL: the agency's secretary for TALPROV.
  const settings = must(
    await t.updateSettings(SECRETARY, AGENCY.code, {
      targetPosts: [
        { id: 'KADISDIK', title: 'Kepala Dinas Pendidikan', level: 'PRATAMA', unit: 'Dinas Pendidikan', field: null },
      ],
    }),
  ).updateTalentSettings;
  expect(settings).toMatchObject({ configured: true, meritCategory: null, talentSystemApproval: null });
  // The gate as only the overseer opens it: TALPROV validated Baik (3 on every aspect = 300) and
  // approved; TALLAIN validated Kurang (2 = 200) and approved.
  await t.openGate(SECRETARY, OVERSEER, AGENCY.code, {
    period: PERIOD,
    score: 3,
    approvedOn: `${YEAR}-01-10`,
    reference: `B-123/BKN/01/${YEAR}`,
  });
  await t.openGate(OTHER_SECRETARY, OVERSEER, OTHER.code, {
    period: PERIOD,
    score: 2,
    approvedOn: `${YEAR}-01-10`,
    reference: `B-456/BKN/01/${YEAR}`,
  });
  expect(must(await t.settings(SECRETARY, AGENCY.code)).talentSettings).toMatchObject({
    meritIndexScore: 300,
    meritCategory: 'BAIK',
    meritCategoryName: 'Baik',
    talentSystemApproval: { approvedOn: `${YEAR}-01-10`, reference: `B-123/BKN/01/${YEAR}` },
  });
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

/** Every entry of a box (or the unmapped ones), page by page. */
async function drillDown(opts: { box?: number; unmapped?: boolean }, first: number): Promise<TalentMapEntry[]> {
  const all: TalentMapEntry[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: EntryPage = must(await t.entries(SECRETARY, AGENCY.code, PERIOD, { ...opts, first, after })).talentMap!
      .entries;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('talent mapping', () => {
  it(
    'maps every employee in batches, counts and drills down each box, keeps a history and publishes the KRS',
    { timeout: 180_000 },
    async () => {
      expect(must(await t.progress(SECRETARY, AGENCY.code, PERIOD)).talentMappingProgress).toBeNull();
      const started = must(await t.startMapping(SECRETARY, AGENCY.code, PERIOD, { batchSize: 10 })).startTalentMapping;
      expect(started).toMatchObject({ agencyCode: AGENCY.code, period: PERIOD });
      expect(['STARTING', 'MAPPING', 'DERIVING_KRS', 'COMPLETED']).toContain(started.status);

      const done = await t.waitForMapping(PPK, AGENCY.code, PERIOD);
      // One batch per SLOTS_PER_BATCH slots, whatever the agency's size; pages of 10 within them.
      expect(done).toMatchObject({
        total: 40,
        processed: 40,
        batchesDone: EMPLOYEE_BUCKETS / SLOTS_PER_BATCH,
        unmapped: 5,
        successionGroups: 1,
      });
      expect(done.percent).toBe(100);
      expect(done.finishedAt).not.toBeNull();
      expect(Object.fromEntries(done.byBox.map((b) => [b.box, b.count]))).toEqual(EXPECTED_COUNTS);

      // Counts per box (with the box names of the agency numbering) sum to the total.
      const map = must(await t.map(OVERSEER, AGENCY.code, PERIOD)).talentMap!;
      expect(map).toMatchObject({ total: 40, unmapped: 5, numbering: 'PERMENPANRB_3_2020', poolCount: 7 });
      expect(map.boxes.map((b) => b.box)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(map.boxes.reduce((n, b) => n + b.count, 0) + map.unmapped).toBe(map.total);
      expect(Object.fromEntries(map.boxes.map((b) => [b.box, b.count]))).toEqual(EXPECTED_COUNTS);
      expect(map.boxes.find((b) => b.box === 9)).toMatchObject({
        inPool: true,
        name: 'Kinerja di atas ekspektasi dan potensial tinggi',
      });
      expect(map.boxes.filter((b) => b.inPool).map((b) => b.box)).toEqual([7, 8, 9]);
      // The latest map when no period is given.
      expect(must(await t.map(SECRETARY, AGENCY.code)).talentMap?.period).toBe(PERIOD);
      expect(must(await t.periods(ADMIN, AGENCY.code)).talentMapPeriods).toEqual([
        expect.objectContaining({ period: PERIOD, total: 40 }),
      ]);

      // Drill-down: every entry of a box exactly once, best score first, with the employee's name.
      for (const [box, first] of [
        [1, 3],
        [2, 5],
        [5, 4],
        [7, 2],
        [9, 1],
      ] as const) {
        const entries = await drillDown({ box }, first);
        expect(entries.length, `box ${box}`).toBe(EXPECTED_COUNTS[box]);
        expect(new Set(entries.map((e) => e.employeeId)).size).toBe(entries.length);
        expect(
          entries.every((e) => e.box === box && e.period === PERIOD && e.employeeName?.startsWith('Peserta Uji')),
        ).toBe(true);
        const scores = entries.map((e) => e.score!);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
      const unmapped = await drillDown({ unmapped: true }, 2);
      expect(unmapped.map((e) => e.employeeId).sort()).toEqual([35, 36, 37, 38, 39].map(emp));
      expect(unmapped.every((e) => e.box === null && e.boxName === null && e.missing.length > 0)).toBe(true);
      const everyone = await drillDown({}, 7);
      expect(new Set(everyone.map((e) => e.employeeId)).size).toBe(40);

      // A person's boxes per period: the staff and the person themself.
      const history = must(await t.history(ADMIN, emp(0))).talentHistory;
      expect(history).toEqual([
        expect.objectContaining({
          employeeId: emp(0),
          period: PERIOD,
          box: 9,
          inPool: true,
          performance: 3,
          potential: 3,
          performanceScore: 100,
          potentialScore: 90.6,
          score: 95.3,
          missing: [],
        }),
      ]);
      expect(must(await t.history(cand(0), emp(0))).talentHistory).toHaveLength(1);
      expect(must(await t.history(SECRETARY, emp(1))).talentHistory[0]).toMatchObject({ box: 8 });

      // The KRS of the target post: at most 3 members, box 9 before 8 before 7, the ineligible left out.
      const groups = must(await t.successionGroups(cand(1), AGENCY.code, YEAR)).successionGroups;
      expect(groups).toHaveLength(1);
      const krs = groups[0]!;
      expect(krs).toMatchObject({ postId: 'KADISDIK', year: YEAR, level: 'PRATAMA', derivedFrom: PERIOD });
      expect(krs.publishedAt).not.toBeNull();
      expect(krs.members.length).toBeLessThanOrEqual(3);
      expect(krs.members.map((m) => [m.employeeId, m.order, m.box])).toEqual([
        [emp(0), 1, 9],
        [emp(1), 2, 8],
        [emp(2), 3, 8],
      ]);
      expect(krs.members.every((m) => m.name?.startsWith('Peserta Uji'))).toBe(true);
      expect(krs.document).toMatchObject({ kind: 'SUCCESSION_GROUP_DECISION', visibility: 'PUBLIC' });
      expect(krs.downloadUrl).toMatch(new RegExp(`/documents/${encodeURIComponent(krs.document!.id)}\\.pdf$`));
    },
  );
});

const REASON = 'Usulan sesuai hasil pemetaan talenta dan kelompok rencana suksesi';
const JUSTIFICATION = 'Suksesor kedua lebih sesuai dengan kebutuhan program prioritas dinas tahun depan';

describe('filling a post from the talent pool', () => {
  it(
    'proposes the successors in order and appoints the second one with a justification',
    { timeout: 180_000 },
    async () => {
      const started = must(
        await t.startFilling(SECRETARY, {
          post: post('Kepala Dinas Pendidikan'),
          plannedInaugurationDate: inFuture(60),
        }),
      ).startTalentPoolFilling;
      const id = started.fillingId;
      expect(id).toMatch(new RegExp(`^TAL-${AGENCY.code}-\\d{4}-[0-9A-F]{8}$`));
      expect(started.postId).toBe(`${id}-P1`);

      let f: TalentFilling = await t.waitForFilling(SECRETARY, id, 'CONFIRMATION');
      expect(f.gate).toMatchObject({ open: true, meritCategory: 'BAIK', reasons: [], period: PERIOD });
      const included = f.successors.filter((s) => !s.excluded);
      expect(included.map((s) => s.order)).toEqual(included.map((_s, i) => i + 1));
      expect(included.map((s) => s.employeeId)).toEqual([emp(0), emp(1), emp(2), emp(3), emp(4), emp(5)]);
      expect(included.map((s) => s.box)).toEqual([9, 8, 8, 7, 7, 7]);
      expect(included.every((s) => s.name?.startsWith('Peserta Uji') && s.boxName)).toBe(true);
      const excluded = f.successors.find((s) => s.employeeId === emp(6));
      expect(excluded).toMatchObject({ excluded: true, order: null, box: 9 });
      expect(excluded!.reasons.join(' ')).toMatch(/[Pp]angkat/);
      const second = included[1]!.employeeId;

      // Only the committee's secretary confirms; nothing is decided out of turn.
      expectError(await t.confirmProposal(PPK, id, true, REASON), 'FORBIDDEN');
      expectError(await t.confirmProposal(OTHER_SECRETARY, id, true, REASON), 'FORBIDDEN', 'fillingId');
      expectError(await t.overseerDecision(OVERSEER, id, 'APPROVE', REASON), 'WRONG_STAGE');
      expectError(await t.confirmProposal(SECRETARY, id, true, '  '), 'VALIDATION_FAILED', 'reason');
      expect(must(await t.confirmProposal(SECRETARY, id, true, REASON)).confirmProposal).toMatchObject({
        kind: 'PROPOSAL_CONFIRMED',
        by: { userId: SECRETARY, role: 'PANSEL_SECRETARY' },
        reason: REASON,
      });

      await t.waitForFilling(SECRETARY, id, 'OVERSEER_APPROVAL');
      // Operators find it waiting on the overseer (WaitingFor), under a summary naming the agency and post.
      const handle = stack.client.workflow.getHandle(talentFillingWorkflowId(AGENCY.code, id));
      const waitingFor = async () => (await handle.describe()).typedSearchAttributes.get(WaitingForKey);
      expect(await eventually(async () => (await waitingFor()) === 'OVERSEER')).toBe(true);
      expect(await (await handle.describe()).staticSummary()).toContain(
        `${AGENCY.code} ${id}: Kepala Dinas Pendidikan`,
      );
      expectError(await t.overseerDecision(SECRETARY, id, 'APPROVE', REASON), 'FORBIDDEN');
      expect(
        must(await t.overseerDecision(OVERSEER, id, 'APPROVE', 'Usulan suksesor disetujui', 'B-77/BKN/2026'))
          .talentOverseerDecision,
      ).toMatchObject({ kind: 'OVERSEER_DECIDED', by: { userId: OVERSEER } });

      // The PPK: another agency's PPK may not; not the first successor → a justification is needed.
      await t.waitForFilling(PPK, id, 'PPK_DECISION');
      expect(await eventually(async () => (await waitingFor()) === 'PPK')).toBe(true);
      expectError(await t.decideSuccessor(OTHER_PPK, id, second, JUSTIFICATION), 'FORBIDDEN', 'fillingId');
      expectError(await t.decideSuccessor(PPK, id, emp(6), JUSTIFICATION), 'NOT_IN_SHORTLIST', 'employeeId');
      expectError(await t.decideSuccessor(PPK, id, second), 'JUSTIFICATION_REQUIRED', 'justification');
      expectError(
        await t.decideSuccessor(PPK, id, second, 'terlalu singkat'),
        'JUSTIFICATION_REQUIRED',
        'justification',
      );
      expect(must(await t.decideSuccessor(PPK, id, second, JUSTIFICATION)).decideSuccessor).toMatchObject({
        kind: 'SUCCESSOR_DECIDED',
        by: { userId: PPK, role: 'PPK' },
        reason: JUSTIFICATION,
      });

      f = await t.waitForFilling(SECRETARY, id, 'INAUGURATION');
      expect(f.decree).toMatchObject({ kind: 'APPOINTMENT_DECREE' });
      expect(f).toMatchObject({ appointedEmployeeId: second, confirmed: true, overseerVerdict: 'APPROVE' });
      expect(f.appointedName).toMatch(/^Peserta Uji/);

      expectError(await t.recordInauguration(SECRETARY, id, inFuture(60), ''), 'VALIDATION_FAILED', 'place');
      expect(
        must(await t.recordInauguration(SECRETARY, id, inFuture(60), 'Pendopo Kantor Gubernur'))
          .recordTalentInauguration,
      ).toMatchObject({ kind: 'INAUGURATION_RECORDED', by: { userId: SECRETARY } });

      f = await t.waitForFilling(OVERSEER, id, 'COMPLETED');
      expect(f.inaugurationDate).toBe(inFuture(60));
      expect(f.decree?.number).toBeTruthy();
      expect(f.decree?.downloadUrl).toMatch(/\/documents\/.+\.pdf$/);
      // The decree is signed (poppler's pdfsig accepts it) and prints a link of the filling's decision chain.
      const decree = Buffer.from(
        await (
          await fetch(f.decree!.downloadUrl.replace(/^https?:\/\/[^/]+/, stack.gateway.url), {
            headers: { authorization: `Bearer ${d.token(OVERSEER)}` },
          })
        ).arrayBuffer(),
      );
      expect(pdfsigOf(decree, DEV_TRUST_ANCHORS)).toContain('Signature Validation: Signature is Valid.');
      expect(pagesOf(decree).join('\n')).toMatch(/Rantai catatan keputusan: tautan ke-\d+, [0-9a-f]{64}/);
      expect(f.decisions.map((x) => x.kind)).toEqual(
        expect.arrayContaining([
          'GATE_CHECKED',
          'PROPOSAL_CONFIRMED',
          'OVERSEER_DECIDED',
          'SUCCESSOR_DECIDED',
          'INAUGURATION_RECORDED',
        ]),
      );
      // Every decision reached the audit record.
      const audit = await stack.clients.candidate.listAllAuditRecords({ selectionId: id });
      expect(audit.map((r) => r.kind)).toEqual(expect.arrayContaining(f.decisions.map((x) => x.kind)));
      // The gate's record names the overseer's validation and approval it relied on, as the gate log holds them.
      const gateLog = await stack.clients.assessment.getTalentGateState(AGENCY.code);
      expect(audit.find((r) => r.kind === 'GATE_CHECKED')?.payload).toMatchObject({
        open: true,
        validationDecisionId: gateLog.validated!.decisionId,
        approvalDecisionId: gateLog.approval!.decisionId,
      });
      // …as one whole hash chain, verified for the agency's staff and refused to another agency.
      const verifyQuery = 'query($s: ID!) { verifyAudit(selectionId: $s) { ok length head { seq } } }';
      expect(must(await d.gql<{ verifyAudit: unknown }>(PPK, verifyQuery, { s: id })).verifyAudit).toEqual({
        ok: true,
        length: audit.length,
        head: { seq: audit.length },
      });
      expectError(await d.gql(OTHER_SECRETARY, verifyQuery, { s: id }), 'FORBIDDEN', 'selectionId');
      // A finished filling takes no more decisions.
      expectError(await t.recordInauguration(SECRETARY, id, inFuture(61), 'Pendopo Kantor Gubernur'), 'WRONG_STAGE');
    },
  );
});

describe('falling back to an open selection', () => {
  it(
    'fails the gate of an agency rated Kurang and starts an open selection that invites nobody',
    {
      timeout: 120_000,
    },
    async () => {
      const started = must(
        await t.startFilling(OTHER_SECRETARY, {
          post: post('Kepala Badan Pendapatan Daerah'),
          plannedInaugurationDate: inFuture(90),
        }),
      ).startTalentPoolFilling;
      const f = await t.waitForFilling(OTHER_SECRETARY, started.fillingId, 'FALLBACK_OPEN_SELECTION');
      expect(f.gate).toMatchObject({ open: false, meritCategory: 'KURANG', meritCategoryName: 'Kurang', period: null });
      expect(f.gate!.reasons.join(' ')).toMatch(/Kurang/);
      expect(f.fallback!.reason).toMatch(/Kurang/);
      expect(f.fallback!.invitedCount).toBe(0);
      expect(f.successors).toEqual([]);
      expect(f.decisions.map((x) => x.kind)).toEqual(['GATE_CHECKED', 'FALLBACK_STARTED']);

      const selectionId = f.fallback!.selectionId;
      const selection = await eventually(async () => {
        const r = await d.gql<{ selection: { id: string; stage: string; agencyCode: string } | null }>(
          OTHER_SECRETARY,
          'query($id: ID!) { selection(id: $id) { id stage agencyCode } }',
          { id: selectionId },
        );
        return r.data?.selection ?? null;
      });
      expect(selection).toMatchObject({ id: selectionId, stage: 'PLANNED', agencyCode: OTHER.code });
      expect(must(await t.myInvitations(OTHER_CAND)).myInvitations).toEqual([]);
    },
  );

  it('invites the ranked successors when the committee declines the proposal', { timeout: 120_000 }, async () => {
    const started = must(
      await t.startFilling(SECRETARY, {
        post: post('Kepala Badan Perencanaan Pembangunan Daerah'),
        plannedInaugurationDate: inFuture(90),
      }),
    ).startTalentPoolFilling;
    const id = started.fillingId;
    await t.waitForFilling(SECRETARY, id, 'CONFIRMATION');
    must(await t.confirmProposal(SECRETARY, id, false, 'Tim memutuskan pengisian melalui seleksi terbuka'));
    const f = await t.waitForFilling(SECRETARY, id, 'FALLBACK_OPEN_SELECTION');
    expect(f.fallback!.reason).toMatch(/tidak mengonfirmasi/);
    expect(f.fallback!.invited.map((x) => x.employeeId)).toEqual([emp(0), emp(1), emp(2), emp(3), emp(4)]);
    expect(f.fallback!.invitedCount).toBe(5);

    const selectionId = f.fallback!.selectionId;
    const mine = await eventually(async () => {
      const list = must(await t.myInvitations(cand(0))).myInvitations;
      return list.find((i) => i.selectionId === selectionId) ?? null;
    });
    expect(mine).toMatchObject({ selectionId, vacancyId: `${selectionId}-V1` });
    expect(mine.reason).toMatch(/tidak mengonfirmasi/);
    expect(must(await t.myInvitations(cand(35))).myInvitations).toEqual([]);
    await eventually(async () => {
      const r = await d.gql<{ selection: { stage: string } | null }>(
        SECRETARY,
        'query($id: ID!) { selection(id: $id) { stage } }',
        { id: selectionId },
      );
      return r.data?.selection?.stage === 'PLANNED';
    });
  });
});

describe('refusals', () => {
  it('answers wrong roles and bad input with typed errors naming the field', async () => {
    // Settings.
    expectError(await t.updateSettings(PPK, AGENCY.code, { meritIndexScore: 310 }), 'FORBIDDEN');
    expectError(
      await t.updateSettings(OTHER_SECRETARY, AGENCY.code, { meritIndexScore: 310 }),
      'FORBIDDEN',
      'agencyCode',
    );
    // The merit index and the approval are the overseer's: refused whatever the value.
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { meritIndexScore: 400 }),
      'FORBIDDEN',
      'input.meritIndexScore',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, {
        talentSystemApproval: { approvedOn: `${YEAR}-01-10`, reference: 'B-1/BKN' },
      }),
      'FORBIDDEN',
      'input.talentSystemApproval',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { scoring: { performanceWeight: 60 } }),
      'INVALID_RULES',
      'input.scoring.performanceWeight',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, {
        scoring: { skpPoints: { sangatBaik: 80, baik: 90, butuhPerbaikan: 60, kurang: 40, sangatKurang: 20 } },
      }),
      'INVALID_RULES',
      'input.scoring.skpPoints.baik',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { retirement: { retirementAgeByLevel: { pratama: 80 } } }),
      'INVALID_RULES',
      'input.retirement.retirementAgeByLevel.pratama',
    );
    const dup = { id: 'KADISDIK', title: 'Kepala Dinas Pendidikan', level: 'PRATAMA', unit: 'Dinas Pendidikan' };
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { targetPosts: [dup, dup] }),
      'INVALID_RULES',
      'input.targetPosts.1.id',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { targetPosts: [{ ...dup, id: 'KA:DIS' }] }),
      'VALIDATION_FAILED',
      'input.targetPosts.0.id',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { numbering: 'LAINNYA' }),
      'VALIDATION_FAILED',
      'i.numbering',
    );
    // Nothing of the refused changes was stored.
    expect(must(await t.settings(PPK, AGENCY.code)).talentSettings).toMatchObject({
      meritIndexScore: 300,
      meritCategory: 'BAIK',
      scoring: { performanceWeight: 50 },
      targetPosts: [expect.objectContaining({ id: 'KADISDIK' })],
    });
    expectError(await t.settings(OTHER_PPK, AGENCY.code), 'FORBIDDEN', 'agencyCode');
    expectError(await t.settings(cand(0), AGENCY.code), 'FORBIDDEN');

    // Mapping.
    expectError(await t.startMapping(PPK, AGENCY.code, PERIOD), 'FORBIDDEN');
    expectError(await t.startMapping(OTHER_SECRETARY, AGENCY.code, PERIOD), 'FORBIDDEN', 'agencyCode');
    expectError(await t.startMapping(SECRETARY, AGENCY.code, `${YEAR}-Q5`), 'VALIDATION_FAILED', 'period');
    expectError(
      await t.startMapping(SECRETARY, AGENCY.code, PERIOD, { batchSize: 1 }),
      'VALIDATION_FAILED',
      'batchSize',
    );
    expectError(
      await t.startMapping(SECRETARY, AGENCY.code, PERIOD, { asOf: inFuture(3) }),
      'VALIDATION_FAILED',
      'asOf',
    );
    expectError(await t.startMapping(ADMIN, 'TIDAKADA', PERIOD), 'NOT_FOUND', 'agencyCode');
    expectError(await t.map(MEMBER, AGENCY.code, PERIOD), 'FORBIDDEN');
    expectError(await t.map(OTHER_SECRETARY, AGENCY.code, PERIOD), 'FORBIDDEN', 'agencyCode');
    expectError(
      await d.stack.gql('query { talentMapPeriods(agencyCode: "TALPROV") { edges { node { period } } } }'),
      'UNAUTHENTICATED',
    );
    expectError(await t.entries(SECRETARY, AGENCY.code, PERIOD, { box: 10 }), 'VALIDATION_FAILED', 'box');
    expectError(await t.history(cand(0), emp(1)), 'FORBIDDEN', 'employeeId');
    expectError(await t.history(MEMBER, emp(1)), 'FORBIDDEN');

    // Filling.
    const good = { post: post('Kepala Dinas Kesehatan'), plannedInaugurationDate: inFuture(60) };
    expectError(await t.startFilling(PPK, good), 'FORBIDDEN');
    expectError(await t.startFilling(ADMIN, good), 'FORBIDDEN');
    expectError(
      await t.startFilling(SECRETARY, { ...good, plannedInaugurationDate: addCalendarDays(today(), -1) }),
      'VALIDATION_FAILED',
      'input.plannedInaugurationDate',
    );
    expectError(
      await t.startFilling(SECRETARY, { ...good, post: { ...good.post, position: 'X' } }),
      'VALIDATION_FAILED',
      'input.post.position',
    );
    expectError(
      await t.startFilling(SECRETARY, {
        ...good,
        post: { ...good.post, incumbentInauguratedOn: addCalendarDays(today(), -100) },
      }),
      'INCUMBENT_LOCKED',
      'input.post.incumbentInauguratedOn',
    );
    expectError(await t.filling(SECRETARY, `TAL-${AGENCY.code}-${YEAR}-00000000`), 'NOT_FOUND', 'fillingId');
    expectError(await t.filling(SECRETARY, 'bukan-id'), 'NOT_FOUND', 'fillingId');
    expectError(await t.filling(OTHER_SECRETARY, `TAL-${AGENCY.code}-${YEAR}-00000000`), 'FORBIDDEN', 'fillingId');
    expectError(await t.filling(cand(0), `TAL-${AGENCY.code}-${YEAR}-00000000`), 'FORBIDDEN');
    expectError(
      await t.confirmProposal(SECRETARY, `TAL-${AGENCY.code}-${YEAR}-00000000`, true, REASON),
      'NOT_FOUND',
      'fillingId',
    );
    expectError(await t.myInvitations(SECRETARY), 'FORBIDDEN');
  });
});
