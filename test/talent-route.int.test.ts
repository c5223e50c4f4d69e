/**
 * The talent route's appointment routing and its read model, through GraphQL on the real Temporal dev
 * server and FerretDB: a JPT Madya post filled from the pool goes to the President on the PPK's proposal
 * (the secretariat records the Keppres), a provincial Sekda through the Home Affairs Minister; and the
 * lists and inboxes of the committee's secretariat, the overseer and the PPK, read from the read model the
 * workflow writes at each step, role-scoped and paged.
 *
 * Agency TRPROV (merit Baik, approved system) has eight employees: tr-00 (box 9), tr-01 and tr-02 (box 8)
 * qualify for JPT Madya (rank IV/c, a JPT Pratama post since 2018); tr-03..07 are in box 1. Agency TRLAIN
 * is Kurang: its filling falls back to an open selection at the gate. RECORD_HISTORIES=1 stores the Madya
 * filling's history for the replay test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, localDateOf, type ProfileDto } from '@seleksi/domain';
import { pagesOf } from '../services/document/src/pdf/test-poppler';
import { eventually, startStack, type Stack } from './support/stack';
import { saveHistory } from './support/histories';
import { eligibleProfile, testAgency } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';
import { TalentDriver, type SummaryPage, type TalentFillingSummary } from './support/talent-driver';

const AGENCY = testAgency('TRPROV');
const OTHER = testAgency('TRLAIN');
const PASSWORD = 'rahasia-uji-123';

const SECRETARY = 'tr-sec';
const OTHER_SECRETARY = 'tr-sec-lain';
const PPK = 'tr-ppk';
const OTHER_PPK = 'tr-ppk-lain';
const OVERSEER = 'tr-overseer';
const ADMIN = 'tr-admin';
const CANDIDATE = 'tr-cand-0';

const emp = (i: number) => `tr-${String(i).padStart(2, '0')}`;
const today = () => localDateOf(new Date(), AGENCY.timeZone);
const YEAR = Number(today().slice(0, 4));
const PERIOD = String(YEAR);
const inFuture = (days: number) => addCalendarDays(today(), days);
const REASON = 'Usulan sesuai hasil pemetaan talenta';
const JUSTIFICATION = 'Kompetensi teknis paling sesuai dengan kebutuhan jabatan';

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OTHER_PPK, 'PPK', OTHER.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  testUser(CANDIDATE, 'CANDIDATE', AGENCY.code, emp(0)),
];

/** Madya: rank IV/c and a JPT Pratama post for 2+ years after 7+ years of related experience. */
function profile(i: number): ProfileDto {
  const madya = i <= 2;
  const skp = i === 0 ? 'SANGAT_BAIK' : i <= 2 ? 'BAIK' : 'BUTUH_PERBAIKAN';
  return eligibleProfile(emp(i), AGENCY.code, i, {
    skp: [YEAR - 2, YEAR - 1, YEAR].map((year) => ({ year, predicate: skp })),
    ...(madya
      ? {
          rank: 'IV/c',
          careers: [
            {
              position: 'Kepala Bidang',
              positionKind: 'ADMINISTRATOR',
              unit: 'Dinas Uji',
              agencyCode: AGENCY.code,
              from: '2010-01-04',
              to: '2017-12-31',
            },
            {
              position: 'Kepala Dinas',
              positionKind: 'JPT_PRATAMA',
              unit: 'Dinas Uji',
              agencyCode: AGENCY.code,
              from: '2018-01-02',
              to: null,
            },
          ],
        }
      : {}),
  });
}
/** Managerial and socio-cultural scores: P3 for the three Madya talents (box 9, 8, 8), P1 for the rest. */
const assessment = (i: number): [number, number] => (i === 0 ? [96, 94] : i <= 2 ? [95 - i, 92] : [50, 50]);

let stack: Stack;
let d: SelectionDriver;
let t: TalentDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'troute',
  });
  const { candidate, assessment: scores } = stack.clients;
  await candidate.upsertAgency(AGENCY);
  await candidate.upsertAgency(OTHER);
  await candidate.upsertProfiles(Array.from({ length: 8 }, (_, i) => profile(i)));
  for (let i = 0; i < 8; i++) {
    const [managerial, socioCultural] = assessment(i);
    await scores.upsertAssessmentResult({
      id: `ac-${emp(i)}`,
      candidateId: emp(i),
      provider: 'UPT Penilaian Kompetensi Uji',
      assessedAt: `${YEAR}-01-15`,
      managerial,
      socioCultural,
      validUntil: `${YEAR + 2}-01-15`,
    });
  }
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  t = new TalentDriver(d);
  must(
    await t.updateSettings(SECRETARY, AGENCY.code, {
      targetPosts: [{ id: 'ASISTEN1', title: 'Asisten Pemerintahan', level: 'MADYA', unit: 'Sekretariat Daerah' }],
    }),
  );
  await t.openGate(SECRETARY, OVERSEER, AGENCY.code, {
    period: PERIOD,
    score: 3,
    approvedOn: `${YEAR}-01-10`,
    reference: `B-11/BKN/01/${YEAR}`,
  });
  await t.openGate(OTHER_SECRETARY, OVERSEER, OTHER.code, {
    period: PERIOD,
    score: 2,
    approvedOn: `${YEAR}-01-10`,
    reference: `B-12/BKN/01/${YEAR}`,
  });
  must(await t.startMapping(SECRETARY, AGENCY.code, PERIOD));
  await t.waitForMapping(SECRETARY, AGENCY.code, PERIOD);
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

const madyaPost = (position: string, regionalSecretary = false) => ({
  position,
  unit: 'Sekretariat Daerah',
  level: 'MADYA',
  regionalSecretary,
});

/** The inbox item of a filling once the read model shows it waiting (the workflow writes it beside its flow). */
function waitingIn(as: string, fillingId: string, stage: string): Promise<TalentFillingSummary> {
  return eventually(
    async () => (await t.wholeInbox(as)).find((f) => f.fillingId === fillingId && f.stage === stage) ?? null,
    60_000,
  );
}

async function inboxIds(as: string, opts: { agencyCode?: string; waitingOn?: string } = {}): Promise<string[]> {
  return (await t.wholeInbox(as, opts)).map((f) => f.fillingId);
}

describe('a JPT Madya post filled from the talent pool', () => {
  it(
    'goes to the President on the PPK proposal; the secretariat records the Keppres, then the decree and inauguration',
    { timeout: 240_000 },
    async () => {
      const started = must(
        await t.startFilling(SECRETARY, {
          post: madyaPost('Asisten Pemerintahan'),
          plannedInaugurationDate: inFuture(60),
        }),
      ).startTalentPoolFilling;
      const id = started.fillingId;
      expect(started.route).toBe('PRESIDENT');

      let f = await t.waitForFilling(SECRETARY, id, 'CONFIRMATION');
      const included = f.successors.filter((s) => !s.excluded).map((s) => s.employeeId);
      expect(included).toEqual([emp(0), emp(1), emp(2)]);
      const [first, second] = included as [string, string];

      // The committee's secretariat has it waiting; the overseer and the PPK do not.
      const item = await waitingIn(SECRETARY, id, 'CONFIRMATION');
      expect(item).toMatchObject({ waitingOn: 'PANSEL_SECRETARY', route: 'PRESIDENT', level: 'MADYA', deadline: null });
      expect(item.waitingSince).not.toBeNull();
      expect(await inboxIds(OVERSEER)).not.toContain(id);
      expect(await inboxIds(PPK)).not.toContain(id);
      // The overseer's oversight view counts it in its stage, from the read model (the decisions on record would
      // only say its gate was checked).
      const stages = must(
        await d.gql<{ oversight: { talentFillingStages: { agencyCode: string; stage: string; count: number }[] } }>(
          OVERSEER,
          'query($a: String) { oversight(agencyCode: $a) { talentFillingStages { agencyCode stage count } } }',
          { a: AGENCY.code },
        ),
      ).oversight.talentFillingStages;
      expect(stages).toContainEqual({ agencyCode: AGENCY.code, stage: 'CONFIRMATION', count: 1 });
      must(await t.confirmProposal(SECRETARY, id, true, REASON));

      // The overseer's inbox, with its deadline (5 working days; silence approves).
      const atOverseer = await waitingIn(OVERSEER, id, 'OVERSEER_APPROVAL');
      expect(atOverseer).toMatchObject({ waitingOn: 'OVERSEER', overdue: false });
      expect(Date.parse(atOverseer.deadline!)).toBeGreaterThan(Date.now());
      expect(await inboxIds(SECRETARY)).not.toContain(id);
      must(await t.overseerDecision(OVERSEER, id, 'APPROVE', 'Usulan suksesor disetujui', 'B-90/BKN/2026'));

      // The PPK's inbox: its own agency's only.
      expect(await waitingIn(PPK, id, 'PPK_DECISION')).toMatchObject({ waitingOn: 'PPK' });
      expect(await inboxIds(OTHER_PPK)).not.toContain(id);
      expectError(await t.inbox(OTHER_PPK, { agencyCode: AGENCY.code }), 'FORBIDDEN', 'agencyCode');
      expect(must(await t.decideSuccessor(PPK, id, first)).decideSuccessor).toMatchObject({
        kind: 'SUCCESSOR_DECIDED',
      });

      // A proposal: nobody is appointed and no decree is issued until the President decides.
      f = await t.waitForFilling(SECRETARY, id, 'PRESIDENTIAL_DECISION');
      expect(f).toMatchObject({
        proposedEmployeeId: first,
        appointedEmployeeId: null,
        decree: null,
        presidentialDecree: null,
      });
      expect(await waitingIn(SECRETARY, id, 'PRESIDENTIAL_DECISION')).toMatchObject({ waitingOn: 'PANSEL_SECRETARY' });
      expect(await inboxIds(PPK)).not.toContain(id);

      const keppres = { decreeNumber: `45/TPA Tahun ${YEAR}`, decreeDate: today() };
      expectError(await t.recordPresidentialDecision(PPK, id, { employeeId: first, ...keppres }), 'FORBIDDEN');
      expectError(
        await t.recordPresidentialDecision(OTHER_SECRETARY, id, { employeeId: first, ...keppres }),
        'FORBIDDEN',
        'fillingId',
      );
      expectError(
        await t.recordPresidentialDecision(SECRETARY, id, { employeeId: first, ...keppres, decreeNumber: ' ' }),
        'VALIDATION_FAILED',
        'decreeNumber',
      );
      expectError(
        await t.recordPresidentialDecision(SECRETARY, id, { employeeId: second, ...keppres }),
        'JUSTIFICATION_REQUIRED',
        'justification',
      );
      expectError(
        await t.recordPresidentialDecision(SECRETARY, id, {
          employeeId: emp(5),
          ...keppres,
          justification: JUSTIFICATION,
        }),
        'NOT_IN_SHORTLIST',
        'employeeId',
      );
      expect(
        must(await t.recordPresidentialDecision(SECRETARY, id, { employeeId: first, ...keppres }))
          .recordTalentPresidentialDecision,
      ).toMatchObject({ kind: 'PRESIDENTIAL_DECISION_RECORDED', by: { userId: SECRETARY, role: 'PANSEL_SECRETARY' } });
      expectError(await t.recordPresidentialDecision(SECRETARY, id, { employeeId: first, ...keppres }), 'WRONG_STAGE');

      f = await t.waitForFilling(SECRETARY, id, 'INAUGURATION');
      expect(f).toMatchObject({
        appointedEmployeeId: first,
        presidentialDecree: { number: keppres.decreeNumber, date: keppres.decreeDate },
        decree: { kind: 'APPOINTMENT_DECREE' },
      });
      // The decree cites the President's decree.
      const pdf = Buffer.from(
        await (
          await fetch(f.decree!.downloadUrl.replace(/^https?:\/\/[^/]+/, stack.gateway.url), {
            headers: { authorization: `Bearer ${d.token(SECRETARY)}` },
          })
        ).arrayBuffer(),
      );
      // (Compared without spaces: the PDF may break the line inside the number.)
      expect(pagesOf(pdf).join('').replace(/\s+/g, '')).toContain(
        `KeputusanPresidenNomor${keppres.decreeNumber}`.replace(/\s+/g, ''),
      );

      must(await t.recordInauguration(SECRETARY, id, inFuture(60), 'Istana Negara'));
      f = await t.waitForFilling(OVERSEER, id, 'COMPLETED');
      expect(f.decisions.map((x) => x.kind)).toEqual(
        expect.arrayContaining(['SUCCESSOR_DECIDED', 'PRESIDENTIAL_DECISION_RECORDED', 'INAUGURATION_RECORDED']),
      );
      const audit = await stack.clients.candidate.listAllAuditRecords({ selectionId: id });
      expect(audit.find((r) => r.kind === 'PRESIDENTIAL_DECISION_RECORDED')?.payload).toMatchObject({
        employeeId: first,
        decreeNumber: keppres.decreeNumber,
        route: 'PRESIDENT',
      });

      // The list shows it finished, waiting on nobody.
      const row = await eventually(async () => {
        const page = must(await t.fillings(SECRETARY, { stage: 'COMPLETED' })).talentFillings;
        return page.edges.map((e) => e.node).find((x) => x.fillingId === id) ?? null;
      }, 60_000);
      expect(row).toMatchObject({ waitingOn: null, deadline: null, appointedEmployeeId: first, route: 'PRESIDENT' });
      await saveHistory(
        stack.client.workflow.getHandle(`talent-filling:${AGENCY.code}:${id}`),
        'talent-madya-president',
      );
    },
  );

  it('a provincial Sekda goes to the President through the Home Affairs Minister', { timeout: 120_000 }, async () => {
    const id = must(
      await t.startFilling(SECRETARY, {
        post: madyaPost('Sekretaris Daerah', true),
        plannedInaugurationDate: inFuture(60),
      }),
    ).startTalentPoolFilling.fillingId;
    expect((await t.waitForFilling(SECRETARY, id, 'CONFIRMATION')).route).toBe('PRESIDENT_VIA_HOME_AFFAIRS');
    expect(await waitingIn(SECRETARY, id, 'CONFIRMATION')).toMatchObject({ route: 'PRESIDENT_VIA_HOME_AFFAIRS' });
    // A Pratama post stays with the PPK.
    const pratama = must(
      await t.startFilling(SECRETARY, {
        post: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', level: 'PRATAMA' },
        plannedInaugurationDate: inFuture(60),
      }),
    ).startTalentPoolFilling;
    expect(pratama.route).toBe('PPK');
  });
});

describe('lists and inboxes of talent fillings', () => {
  it(
    'are scoped to the caller: an agency its own, the overseer every agency, candidates nothing',
    { timeout: 120_000 },
    async () => {
      const other = must(
        await t.startFilling(OTHER_SECRETARY, {
          post: { position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan', level: 'PRATAMA' },
          plannedInaugurationDate: inFuture(60),
        }),
      ).startTalentPoolFilling.fillingId;
      // TRLAIN's gate is closed: the filling falls back at once and waits on nobody.
      await t.waitForFilling(OTHER_SECRETARY, other, 'FALLBACK_OPEN_SELECTION');
      const otherRow = await eventually(async () => {
        const page = must(await t.fillings(OVERSEER, { agencyCode: OTHER.code })).talentFillings;
        return (
          page.edges.map((e) => e.node).find((x) => x.fillingId === other && x.stage === 'FALLBACK_OPEN_SELECTION') ??
          null
        );
      }, 60_000);
      expect(otherRow).toMatchObject({ agencyCode: OTHER.code, waitingOn: null });
      expect(otherRow.fallbackSelectionId).toBe(`${other}-OS`);

      // Each agency's staff see their own agency's fillings only.
      const listOf = async (as: string) =>
        must(await t.fillings(as, { first: 100 })).talentFillings.edges.map((e) => e.node);
      const mine = await listOf(SECRETARY);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((x) => x.agencyCode === AGENCY.code)).toBe(true);
      expect((await listOf(OTHER_PPK)).map((x) => x.fillingId)).toEqual([other]);
      expectError(await t.fillings(SECRETARY, { agencyCode: OTHER.code }), 'FORBIDDEN', 'agencyCode');
      const all = await listOf(OVERSEER);
      expect(new Set(all.map((x) => x.agencyCode))).toEqual(new Set([AGENCY.code, OTHER.code]));

      // Newest first, paged one at a time, each filling once.
      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: SummaryPage = must(await t.fillings(OVERSEER, { first: 1, after })).talentFillings;
        expect(page.edges.length).toBeLessThanOrEqual(1);
        paged.push(...page.edges.map((e) => e.node.fillingId));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all.map((x) => x.fillingId));
      // Every edge's cursor is opaque and pages on from its edge; a raw id or another list's cursor is refused.
      const firstTwo = must(
        await t.d.gql<{ talentFillings: { edges: { cursor: string; node: { fillingId: string } }[] } }>(
          OVERSEER,
          'query { talentFillings(first: 2) { edges { cursor node { fillingId } } } }',
        ),
      ).talentFillings.edges;
      expect(firstTwo[0]!.cursor).not.toContain(firstTwo[0]!.node.fillingId);
      const fromFirst = must(await t.fillings(OVERSEER, { first: 1, after: firstTwo[0]!.cursor })).talentFillings;
      expect(fromFirst.edges.map((e) => e.node.fillingId)).toEqual([firstTwo[1]!.node.fillingId]);
      expectError(await t.fillings(OVERSEER, { first: 1, after: all[0]!.fillingId }), 'VALIDATION_FAILED', 'after');
      expectError(await t.inbox(SECRETARY, { after: firstTwo[0]!.cursor }), 'VALIDATION_FAILED', 'after');

      // Inboxes: one's own role only; an administrator names the role.
      expectError(await t.inbox(PPK, { waitingOn: 'OVERSEER' }), 'FORBIDDEN', 'waitingOn');
      expectError(await t.inbox(ADMIN), 'VALIDATION_FAILED', 'waitingOn');
      const secretaryWaits = await inboxIds(SECRETARY);
      expect(secretaryWaits.length).toBeGreaterThan(0);
      expect(await inboxIds(ADMIN, { waitingOn: 'PANSEL_SECRETARY', agencyCode: AGENCY.code })).toEqual(secretaryWaits);
      // Paged oldest wait first: the same items one at a time.
      const onePerPage = await t.wholeInbox(SECRETARY, { first: 1 });
      expect(onePerPage.map((x) => x.fillingId)).toEqual(secretaryWaits);
      const since = onePerPage.map((x) => Date.parse(x.waitingSince!));
      expect(since).toEqual([...since].sort((a, b) => a - b));
      expect(await inboxIds(OTHER_SECRETARY)).toEqual([]);

      // Candidates see nothing.
      expectError(await t.fillings(CANDIDATE), 'FORBIDDEN');
      expectError(await t.inbox(CANDIDATE), 'FORBIDDEN');
    },
  );
});
