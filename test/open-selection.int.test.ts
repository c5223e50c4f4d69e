/**
 * The open selection driven through GraphQL on the real Temporal dev server and the real FerretDB,
 * in training mode (a day lasts SECONDS_PER_DAY seconds), as each real user: the Pansel secretary,
 * five Pansel members, the overseer, the PPK and ten ASN candidates. Each test runs its own selection.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, localDateOf, type ProfileDto } from '@seleksi/domain';
import { pdfsigOf } from '../services/document/src/pdf/test-poppler';
import { DEV_TRUST_ANCHORS } from '../services/document/src/signing';
import { eventually, startStack, type Stack } from './support/stack';
import { runsOf, saveHistory } from './support/histories';
import { eligibleProfile, testAgency, testPansel, RECENT_SKP_YEARS } from './support/fixtures';
import {
  expectError,
  must,
  SelectionDriver,
  type SelectionProcess,
  type TestUser,
  testUser,
} from './support/selection-driver';

const AGENCY = testAgency('OSPROV');
const OTHER_AGENCY = testAgency('OSLAIN');
const PASSWORD = 'rahasia-uji-123';
const SECONDS_PER_DAY = 2;

const PANSEL = testPansel('os');
const MEMBERS = PANSEL.map((m) => m.userId);
const [M1, M2, M3] = MEMBERS as [string, string, string, string, string];

const SECRETARY = 'os-sec';
const OTHER_SECRETARY = 'os-sec-lain';
const PPK = 'os-ppk';
const OTHER_PPK = 'os-ppk-lain';
const OVERSEER = 'os-overseer';
const ADMIN = 'os-admin';
const OUTSIDER = 'os-user-m9';

const FIELDS = ['Pendidikan', 'Perencanaan Pembangunan'];
const cand = (n: number) => `os-cand-${n}`;
const asn = (n: number) => `os-asn-${n}`;

/** Ten ASN candidates: eligible for JPT Pratama, except #5 (no LHKPN) and #10 (rank III/d). */
function profile(n: number): ProfileDto {
  const p = eligibleProfile(asn(n), AGENCY.code, 20 + n, {
    ...(n === 5 ? { lhkpnFiled: false } : {}),
    ...(n === 10 ? { rank: 'III/d' } : {}),
  });
  return {
    ...p,
    careers: p.careers.map((c) => ({ ...c, fields: FIELDS })),
    // SKP of the last two years whatever the (simulated) screening year.
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  };
}

const user = testUser;

const USERS: TestUser[] = [
  user(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  user(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER_AGENCY.code),
  user(PPK, 'PPK', AGENCY.code),
  user(OTHER_PPK, 'PPK', OTHER_AGENCY.code),
  user(OVERSEER, 'OVERSEER', null),
  user(ADMIN, 'ADMIN', null),
  ...MEMBERS.map((id) => user(id, 'PANSEL_MEMBER', null)),
  user(OUTSIDER, 'PANSEL_MEMBER', null),
  ...Array.from({ length: 10 }, (_, i) => user(cand(i + 1), 'CANDIDATE', AGENCY.code, asn(i + 1))),
];

const today = () => localDateOf(new Date(), AGENCY.timeZone);

/** Short periods so a whole round runs in well under a minute of simulated days. */
function selectionInput(title: string, vacancies: Record<string, unknown>[], rules: Record<string, unknown> = {}) {
  return {
    title,
    announcementDate: today(),
    vacancies,
    simulationSecondsPerDay: SECONDS_PER_DAY,
    rules: {
      registrationDays: 3,
      extensionDays: 1,
      extensionMaxTimes: 1,
      objectionWorkingDays: 1,
      // KASN era: no approval by silence, and a long deadline, so the test decides every verdict.
      overseerEra: 'KASN',
      overseerDecisionWorkingDays: 30,
      ...rules,
    },
  };
}

const vacancy = (position: string, field: string) => ({
  level: 'PRATAMA',
  position,
  unit: position.replace(/^Kepala /, ''),
  field,
});

let stack: Stack;
let d: SelectionDriver;
const who = { secretary: SECRETARY, overseer: OVERSEER };

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'opensel',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER_AGENCY);
  for (let n = 1; n <= 10; n++) await stack.clients.candidate.upsertProfile(profile(n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

async function createSelection(input: Record<string, unknown>) {
  return must(await d.createSelection(SECRETARY, input)).createSelection;
}

function appOf(p: SelectionProcess, candidateId: string, vacancyId?: string) {
  const a = p.applications.find((x) => x.candidateId === candidateId && (!vacancyId || x.vacancyId === vacancyId));
  if (!a) throw new Error(`no application of ${candidateId}`);
  return a;
}

describe('a complete round', () => {
  it(
    'runs two Pratama vacancies from the Pansel to the inauguration, with every document',
    { timeout: 300_000 },
    async () => {
      const created = await createSelection(
        selectionInput('Seleksi Terbuka JPT Pratama Provinsi Uji Tahun 2026', [
          vacancy('Kepala Dinas Pendidikan', 'Pendidikan'),
          vacancy('Kepala Badan Perencanaan Pembangunan Daerah', 'Perencanaan Pembangunan'),
        ]),
      );
      expect(created.simulation).toBe(true);
      const id = created.id;
      const [v1, v2] = created.vacancies.map((v) => v.id) as [string, string];

      await d.openRegistration(id, who, PANSEL);

      // Registration: five candidates per vacancy.
      const ids = await d.applyAll([
        ...[1, 2, 3, 4, 5].map((n) => [cand(n), v1] as [string, string]),
        ...[6, 7, 8, 9, 10].map((n) => [cand(n), v2] as [string, string]),
      ]);
      const app = (n: number) => ids[n - 1]!;

      // Administrative screening: the engine's MS/TMS with a reason per failed requirement.
      let p = await d.waitFor(
        SECRETARY,
        id,
        (x) => x.stage === 'ADMINISTRATIVE_SCREENING' && x.applications.every((a) => a.eligible !== null),
      );
      expect(p.vacancies.map((v) => v.status)).toEqual(['IN_SELECTION', 'IN_SELECTION']);
      for (const n of [1, 2, 3, 4, 6, 7, 8, 9]) expect(appOf(p, asn(n)).eligible, `candidate ${n}`).toBe(true);
      expect(appOf(p, asn(5)).eligible).toBe(false);
      expect(appOf(p, asn(5)).failedRequirements.join(' ')).toMatch(/LHKPN/);
      expect(appOf(p, asn(10)).eligible).toBe(false);
      expect(appOf(p, asn(10)).failedRequirements.join(' ')).toMatch(/Pangkat/);
      expect(appOf(p, asn(1)).candidateName).toMatch(/^Peserta Uji/);

      // Objections only in their window; overrides need a reason and the secretary's role.
      expectError(
        await d.fileObjection(cand(5), id, app(5), 'Saya sudah menyampaikan LHKPN tahun 2025 melalui e-LHKPN'),
        'OBJECTION_WINDOW_CLOSED',
        'applicationId',
      );
      expectError(await d.overrideScreening(SECRETARY, id, app(10), true, '   '), 'VALIDATION_FAILED', 'reason');
      expectError(await d.overrideScreening(PPK, id, app(10), true, 'Alasan apa pun dari PPK'), 'FORBIDDEN');
      const override = must(
        await d.overrideScreening(
          SECRETARY,
          id,
          app(10),
          true,
          'SK kenaikan pangkat IV/a TMT 1 Oktober 2026 telah diverifikasi; data kepegawaian belum diperbarui',
        ),
      ).overrideScreening;
      expect(override).toMatchObject({ kind: 'SCREENING_OVERRIDDEN', subjectId: app(10), by: { userId: SECRETARY } });
      must(await d.publishScreening(SECRETARY, id));

      // Competency assessment (after the objection window closes).
      p = await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT');
      expect(p.documents.map((x) => x.kind)).toEqual(
        expect.arrayContaining(['ADMINISTRATIVE_RESULT_MINUTES', 'ADMINISTRATIVE_RESULT_ANNOUNCEMENT']),
      );
      expectError(
        await d.fileObjection(cand(5), id, app(5), 'Sanggahan yang terlambat setelah masa sanggah'),
        'OBJECTION_WINDOW_CLOSED',
      );
      const base = new Map<string, number>([
        [app(1), 90],
        [app(2), 86],
        [app(3), 82],
        [app(4), 78],
        [app(6), 91],
        [app(7), 87],
        [app(8), 83],
        [app(9), 79],
        [app(10), 75],
      ]);
      const assessed = today();
      expectError(
        await d.recordAssessment(SECRETARY, id, app(1), {
          managerial: 100.5,
          socioCultural: 80,
          paper: 80,
          presentation: 80,
          assessedAt: assessed,
        }),
        'VALIDATION_FAILED',
        'managerial',
      );
      expectError(
        await d.recordAssessment(SECRETARY, id, app(5), {
          managerial: 80,
          socioCultural: 80,
          paper: 80,
          presentation: 80,
          assessedAt: assessed,
        }),
        'WRONG_STAGE',
        'applicationId',
      );
      const [last, ...firsts] = [...base.entries()].reverse();
      await d.assessAll(SECRETARY, id, new Map(firsts), assessed);
      expectError(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'), 'INCOMPLETE', 'stage');
      await d.assessAll(SECRETARY, id, new Map([last!]), assessed);
      must(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'));

      // Interview: a member declares a conflict and is recused; scores are blind until one's own.
      await d.waitForStage(SECRETARY, id, 'INTERVIEW');
      must(await d.declareConflict(M2, id, asn(1), true, 'Peserta adalah saudara ipar saya'));
      expectError(await d.submitInterviewScore(M2, id, app(1), 85), 'RECUSED', 'applicationId');
      expectError(await d.declareConflict(OUTSIDER, id, asn(2), true, 'Bukan anggota panitia'), 'NOT_A_MEMBER');
      expectError(await d.submitInterviewScore(M1, id, app(6), 101), 'VALIDATION_FAILED', 'score');
      expectError(await d.submitInterviewScore(M1, id, app(6), 80.555), 'VALIDATION_FAILED', 'score');
      must(await d.submitInterviewScore(M1, id, app(6), 89));
      expectError(await d.submitInterviewScore(M1, id, app(6), 90), 'ALREADY_DECIDED', 'applicationId');
      const before = must(await d.process(M3, id)).selectionProcess;
      expect(before.myMemberId).toBe('os-m3');
      expect(appOf(before, asn(6)).interviewScoreCount).toBe(1);
      expect(appOf(before, asn(6)).interviewScores).toBeNull();
      must(await d.submitInterviewScore(M3, id, app(6), 91));
      const after = must(await d.process(M3, id)).selectionProcess;
      expect(appOf(after, asn(6)).interviewScores?.map((s) => s.memberId)).toEqual(['os-m1', 'os-m3']);
      expect(after.recusals).toEqual([]);
      const staff = must(await d.process(SECRETARY, id)).selectionProcess;
      expect(staff.recusals).toEqual([{ memberId: 'os-m2', candidateId: asn(1) }]);
      expect(appOf(staff, asn(6)).interviewScores).toHaveLength(2);

      await d.interviewAll(id, MEMBERS, base, {
        skip: (m, a) => (m === M2 && a === app(1)) || (a === app(6) && (m === M1 || m === M3)),
      });
      must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));

      // Track record: one candidate is eliminated, with a reason.
      await d.waitForStage(SECRETARY, id, 'TRACK_RECORD');
      await d.trackRecordAll(SECRETARY, id, new Map([...base].filter(([a]) => a !== app(9))));
      expectError(
        await d.recordTrackRecord(SECRETARY, id, app(9), {
          score: 40,
          findings: 'Terdapat pengaduan masyarakat',
          eliminate: true,
        }),
        'VALIDATION_FAILED',
        'reason',
      );
      must(
        await d.recordTrackRecord(SECRETARY, id, app(9), {
          score: 40,
          findings: 'Terdapat pengaduan masyarakat yang terverifikasi',
          eliminate: true,
          reason: 'Terbukti melakukan pelanggaran integritas pada jabatan sebelumnya',
        }),
      );
      must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));

      // Final ranking: exactly 3 names per vacancy, in score order; then the final objection window.
      p = await d.waitForStage(SECRETARY, id, 'FINAL_OBJECTIONS');
      const [r1, r2] = p.vacancies as [SelectionProcess['vacancies'][0], SelectionProcess['vacancies'][0]];
      expect(r1.shortlist).toEqual([app(1), app(2), app(3)]);
      expect(r2.shortlist).toEqual([app(6), app(7), app(8)]);
      expect(r1.status).toBe('SHORTLISTED');
      expect(r1.ranking.filter((r) => r.rank !== null).map((r) => [r.applicationId, r.rank])).toEqual([
        [app(1), 1],
        [app(2), 2],
        [app(3), 3],
        [app(4), 4],
      ]);
      expect(r2.ranking.find((r) => r.applicationId === app(9))).toMatchObject({
        qualified: false,
        shortlisted: false,
      });
      expect(p.documents.map((x) => x.kind)).toEqual(
        expect.arrayContaining(['SCORE_SHEET', 'FINAL_RESULT_MINUTES', 'FINAL_RESULT_ANNOUNCEMENT']),
      );

      // A final objection, rejected by the Pansel.
      must(
        await d.fileObjection(
          cand(4),
          id,
          app(4),
          'Mohon peninjauan ulang nilai wawancara saya yang dirasa terlalu rendah',
        ),
      );
      p = must(await d.process(SECRETARY, id)).selectionProcess;
      const objection = p.objections.find((o) => o.applicationId === app(4))!;
      expect(objection).toMatchObject({ phase: 'FINAL', upheld: null });
      must(
        await d.answerObjection(
          SECRETARY,
          id,
          objection.objectionId,
          false,
          'Nilai telah diperiksa ulang dan sesuai berita acara',
        ),
      );

      // A candidate sees only their own application: no other candidate, no scores of others, no decisions.
      const mine = must(await d.process(cand(4), id)).selectionProcess;
      expect(mine.applications.map((a) => a.applicationId)).toEqual([app(4)]);
      expect(mine.applications[0]!.interviewScores).toBeNull();
      expect(mine.decisions).toBeNull();
      expect(mine.vacancies[0]!.shortlist).toEqual([]);
      expect(mine.vacancies[0]!.ranking.map((r) => r.applicationId)).toEqual([app(4)]);
      const json = JSON.stringify(mine);
      for (const n of [1, 2, 3, 5, 6]) expect(json).not.toContain(asn(n));
      expect(
        mine.documents.every((x) => !['SCORE_SHEET', 'REPORT_TO_PPK', 'FINAL_RESULT_MINUTES'].includes(x.kind)),
      ).toBe(true);
      expect(mine.documents.map((x) => x.kind)).toContain('FINAL_RESULT_ANNOUNCEMENT');

      // The overseer's recommendation on the result, then the PPK's choice of 1 of 3.
      await d.waitForStage(SECRETARY, id, 'OVERSEER_RECOMMENDATION');
      must(
        await d.overseerDecision(OVERSEER, id, {
          subject: 'RESULT',
          verdict: 'APPROVE',
          reason: 'Proses seleksi telah sesuai dengan sistem merit',
          reference: 'R-77/KASN/12/2026',
        }),
      );
      await d.waitForStage(SECRETARY, id, 'APPOINTMENT_CHOICE');
      expectError(await d.chooseAppointee(OTHER_PPK, id, v1, app(1)), 'FORBIDDEN', 'selectionId');
      expectError(await d.chooseAppointee(PPK, id, v1, app(2)), 'JUSTIFICATION_REQUIRED', 'justification');
      expectError(
        await d.chooseAppointee(PPK, id, v1, app(4), 'Peserta peringkat keempat dipilih karena alasan tertentu'),
        'NOT_IN_SHORTLIST',
        'applicationId',
      );
      const justification = 'Pengalaman memimpin transformasi pendidikan vokasi paling relevan dengan program daerah';
      const chosen = must(await d.chooseAppointee(PPK, id, v1, app(2), justification)).chooseAppointee;
      expect(chosen).toMatchObject({
        kind: 'APPOINTEE_CHOSEN',
        reason: justification,
        subjectId: v1,
        by: { userId: PPK },
      });
      must(await d.chooseAppointee(PPK, id, v2, app(6)));

      // Decree, inauguration, completion.
      await d.waitForStage(SECRETARY, id, 'INAUGURATION');
      const inaugurated = addCalendarDays(today(), 60);
      for (const v of [v1, v2])
        must(await d.recordInauguration(SECRETARY, id, v, inaugurated, 'Pendopo Lamin Etam, Samarinda'));
      p = await d.waitForStage(SECRETARY, id, 'COMPLETED');
      const handle = stack.client.workflow.getHandle(`selection:${AGENCY.code}:${id}`);
      // v3: applications batched into submitApplications; v4: stage documents' rows staged in parts;
      // v5: the ranking's statuses and documents as separate steps with a hand-over between them
      await saveHistory(handle, 'complete-round-v5');
      // The stack continues a run as new at 150 events: the round ran as a chain of bounded runs,
      // each stage resuming where it waited.
      await expect.poll(async () => (await runsOf(handle)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
      const runs = await runsOf(handle);
      expect(Math.max(...runs.map((r) => r.events))).toBeLessThan(400);
      // What the runs hand on is whole: every vacancy still counts each of its applications once.
      for (const v of p.vacancies) {
        expect(v.applicants).toBe(p.applications.filter((a) => a.vacancyId === v.id).length);
      }
      expect(p.vacancies.map((v) => [v.status, v.appointedApplicationId])).toEqual([
        ['FILLED', app(2)],
        ['FILLED', app(6)],
      ]);
      expect(p.vacancies[0]!.decreeNumber).toBeTruthy();
      const kinds = p.documents.map((x) => x.kind);
      for (const kind of [
        'PANSEL_DECREE',
        'LETTER_TO_OVERSEER',
        'VACANCY_ANNOUNCEMENT',
        'ADMINISTRATIVE_RESULT_MINUTES',
        'ADMINISTRATIVE_RESULT_ANNOUNCEMENT',
        'SCORE_SHEET',
        'FINAL_RESULT_MINUTES',
        'FINAL_RESULT_ANNOUNCEMENT',
        'REPORT_TO_PPK',
        'OVERSEER_RECOMMENDATION',
        'APPOINTMENT_DECREE',
        'INAUGURATION_MINUTES',
        'COMPLETION_REPORT',
      ]) {
        expect(kinds, kind).toContain(kind);
      }
      expect(kinds.filter((k) => k === 'APPOINTMENT_DECREE')).toHaveLength(2);
      expect(kinds.filter((k) => k === 'INAUGURATION_MINUTES')).toHaveLength(2);

      // The public final announcement downloads as a PDF.
      const announcement = p.documents.find((x) => x.kind === 'FINAL_RESULT_ANNOUNCEMENT')!;
      const pdf = await fetch(announcement.downloadUrl.replace(/^https?:\/\/[^/]+/, stack.gateway.url));
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      await checkDocuments(id, p.documents);

      // The read model follows: appointed, not appointed.
      const statusOf = async (as: string, applicationId: string) =>
        must(
          await d.gql<{ application: { status: string } }>(as, 'query($id: ID!) { application(id: $id) { status } }', {
            id: applicationId,
          }),
        ).application.status;
      expect(await eventually(async () => (await statusOf(cand(2), app(2))) === 'APPOINTED')).toBe(true);
      expect(await statusOf(cand(1), app(1))).toBe('NOT_APPOINTED');
      expect(await statusOf(cand(9), app(9))).toBe('NOT_SHORTLISTED');

      // The audit record, page by page, for the secretariat and the overseer only.
      const AUDIT = `query($id: ID!, $first: Int, $after: String) { selectionAudit(selectionId: $id, first: $first, after: $after) {
      edges { cursor node { decisionId kind by { userId role } reason subjectId payload } } pageInfo { hasNextPage endCursor } } }`;
      type Audit = {
        selectionAudit: {
          edges: { node: { decisionId: string; kind: string; by: { userId: string }; payload: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const all = await eventually(async () => {
        const r = must(await d.gql<Audit>(SECRETARY, AUDIT, { id, first: 500 })).selectionAudit;
        return r.edges.some((e) => e.node.kind === 'INAUGURATION_RECORDED') ? r : null;
      });
      const auditKinds = new Set(all.edges.map((e) => e.node.kind));
      for (const kind of [
        'PANSEL_SET',
        'PLAN_SUBMITTED',
        'OVERSEER_DECIDED',
        'APPLICATION_SUBMITTED',
        'SCREENING_OVERRIDDEN',
        'SCREENING_PUBLISHED',
        'ASSESSMENT_RECORDED',
        'CONFLICT_DECLARED',
        'INTERVIEW_SCORED',
        'TRACK_RECORD_RECORDED',
        'STAGE_COMPLETED',
        'OBJECTION_FILED',
        'OBJECTION_ANSWERED',
        'APPOINTEE_CHOSEN',
        'INAUGURATION_RECORDED',
      ]) {
        expect(auditKinds, kind).toContain(kind);
      }
      const page1 = must(await d.gql<Audit>(OVERSEER, AUDIT, { id, first: 5 })).selectionAudit;
      expect(page1.edges).toHaveLength(5);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = must(
        await d.gql<Audit>(OVERSEER, AUDIT, { id, first: 5, after: page1.pageInfo.endCursor }),
      ).selectionAudit;
      expect(page2.edges.map((e) => e.node.decisionId)).toEqual(all.edges.slice(5, 10).map((e) => e.node.decisionId));
      expectError(await d.gql(cand(1), AUDIT, { id, first: 5 }), 'FORBIDDEN');
      expectError(await d.gql(OTHER_SECRETARY, AUDIT, { id, first: 5 }), 'FORBIDDEN', 'selectionId');
    },
  );
});

/**
 * Documents of a finished round, as each person reaches them: restricted ones only for the people of
 * the selection, public verification by code and by file (GraphQL multipart and the QR's page), and a
 * correction by the secretary.
 */
async function checkDocuments(id: string, docs: SelectionProcess['documents']): Promise<void> {
  const report = docs.find((x) => x.kind === 'REPORT_TO_PPK')!;
  const download = (as: string | null, url: string) =>
    fetch(url.replace(/^https?:\/\/[^/]+/, stack.gateway.url), {
      headers: as ? { authorization: `Bearer ${d.token(as)}` } : {},
    });
  const allowed: [string | null, number][] = [
    [null, 401],
    [cand(2), 403],
    [OUTSIDER, 403],
    [OTHER_SECRETARY, 403],
    [OTHER_PPK, 403],
    [M1, 200],
    [SECRETARY, 200],
    [PPK, 200],
    [OVERSEER, 200],
    [ADMIN, 200],
  ];
  for (const [as, status] of allowed) {
    expect((await download(as, report.downloadUrl)).status, `${as ?? 'anonymous'} downloads the report`).toBe(status);
  }
  const DOC = `query($id: ID!) { document(id: $id) { id number visibility selectionTitle issuedBy { agencyName signatoryName } } }`;
  expect(
    must(await d.gql<{ document: { selectionTitle: string } }>(M1, DOC, { id: report.id })).document.selectionTitle,
  ).toBeTruthy();
  expectError(await d.gql(cand(2), DOC, { id: report.id }), 'FORBIDDEN', 'id');
  expectError(await d.gql(null, DOC, { id: report.id }), 'UNAUTHENTICATED', 'id');
  const LIST = `query($id: ID!) { selectionDocuments(selectionId: $id, first: 100) { edges { node { kind visibility } } } }`;
  type DocList = { selectionDocuments: { edges: { node: { kind: string; visibility: string } }[] } };
  const publicList = must(await d.gql<DocList>(null, LIST, { id })).selectionDocuments.edges.map((e) => e.node);
  expect(publicList.length).toBeGreaterThan(0);
  expect(publicList.every((x) => x.visibility === 'PUBLIC')).toBe(true);
  const staffList = must(await d.gql<DocList>(OVERSEER, LIST, { id })).selectionDocuments.edges.map((e) => e.node);
  expect(staffList.map((x) => x.kind)).toContain('REPORT_TO_PPK');

  // Every document the round issued: a third-party validator (poppler's pdfsig) accepts its signature with the
  // development CA trusted, and it prints a link of the round's decision chain that is still in the chain.
  const SIGNED = `query($id: ID!) { selectionDocuments(selectionId: $id, first: 100) {
    edges { node { kind downloadUrl verificationCode auditChainHead { seq hash } } } } }`;
  type Signed = {
    selectionDocuments: {
      edges: {
        node: { kind: string; downloadUrl: string; verificationCode: string; auditChainHead: { seq: number } | null };
      }[];
    };
  };
  const issued = must(await d.gql<Signed>(OVERSEER, SIGNED, { id })).selectionDocuments.edges.map((e) => e.node);
  expect(issued.length).toBeGreaterThanOrEqual(docs.length);
  for (const doc of issued) {
    const pdf = Buffer.from(await (await download(OVERSEER, doc.downloadUrl)).arrayBuffer());
    const report = pdfsigOf(pdf, DEV_TRUST_ANCHORS);
    expect(report, `${doc.kind}: ${report}`).toContain('Signature Validation: Signature is Valid.');
    expect(report, doc.kind).toContain('Certificate Validation: Certificate is Trusted.');
    expect(doc.auditChainHead?.seq, doc.kind).toBeGreaterThanOrEqual(1);
  }
  const lastIssued = issued.at(-1)!;
  const chainCheck = must(
    await d.gql<{ verifyDocument: { auditChain: { printedHeadFound: boolean } | null } }>(
      null,
      'query($c: String) { verifyDocument(code: $c) { auditChain { printedHeadFound } } }',
      { c: lastIssued.verificationCode },
    ),
  ).verifyDocument;
  expect(chainCheck.auditChain).toEqual({ printedHeadFound: true });

  // Public verification through GraphQL: by code, by file (multipart upload), and a changed byte.
  const announcement = docs.find((x) => x.kind === 'FINAL_RESULT_ANNOUNCEMENT')!;
  const bytes = Buffer.from(await (await download(null, announcement.downloadUrl)).arrayBuffer());
  const VERIFY = `query($code: String, $file: File) { verifyDocument(code: $code, file: $file) {
    status message fileSha256 document { id number title date version selectionTitle verificationUrl issuedBy { agencyName signatoryName signatoryTitle } }
    latest { id number } signature { status message signer issuer validFrom validTo signedAt } } }`;
  type Verification = {
    verifyDocument: {
      status: string;
      message: string;
      fileSha256: string | null;
      document: {
        id: string;
        number: string;
        selectionTitle: string | null;
        verificationUrl: string;
        issuedBy: { agencyName: string };
      } | null;
      latest: { id: string; number: string } | null;
      signature: {
        status: string;
        message: string;
        signer: string | null;
        issuer: string | null;
        validFrom: string | null;
        validTo: string | null;
        signedAt: string | null;
      } | null;
    };
  };
  const code = must(
    await d.gql<{ document: { verificationCode: string } }>(
      null,
      'query($id: ID!) { document(id: $id) { verificationCode } }',
      { id: announcement.id },
    ),
  ).document.verificationCode;
  const byCode = must(await d.gql<Verification>(null, VERIFY, { code: code.toLowerCase() })).verifyDocument;
  expect(byCode).toMatchObject({ status: 'VALID', document: { id: announcement.id, number: announcement.number } });
  expect(byCode.message).toBe('Dokumen asli dan masih berlaku.');
  expect(byCode.document!.issuedBy.agencyName).toBe(AGENCY.name);
  expect(byCode.document!.selectionTitle).toBeTruthy();
  expect(byCode.document!.verificationUrl).toMatch(new RegExp(`/verifikasi/${code}$`));
  // The PAdES signature: who signed, under which authority, valid when.
  expect(byCode.signature).toMatchObject({
    status: 'VALID',
    signer: 'Pejabat Penandatangan Pengembangan',
    issuer: expect.stringContaining('Seleksi JPT Development CA'),
  });
  expect(byCode.signature!.message).toMatch(/^Sah/);
  expect(Date.parse(byCode.signature!.validFrom!)).toBeLessThanOrEqual(Date.parse(byCode.signature!.signedAt!));
  expect(Date.parse(byCode.signature!.signedAt!)).toBeLessThanOrEqual(Date.parse(byCode.signature!.validTo!));

  const upload = async (file: Buffer, withCode: string | null) => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: VERIFY, variables: { code: withCode, file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'dokumen.pdf');
    const res = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', body: form });
    return (await res.json()) as { data?: Verification; errors?: { extensions?: { code?: string; field?: string } }[] };
  };
  expect((await upload(bytes, null)).data?.verifyDocument).toMatchObject({
    status: 'VALID',
    document: { id: announcement.id },
  });
  expect((await upload(bytes, code)).data?.verifyDocument.status).toBe('VALID');
  const changed = Buffer.from(bytes);
  changed[changed.length - 200] = changed[changed.length - 200]! ^ 0x20;
  const mismatch = (await upload(changed, null)).data?.verifyDocument;
  expect(mismatch).toMatchObject({ status: 'FILE_MISMATCH', document: null });
  expect(mismatch?.message).toMatch(/tidak cocok/);
  expect((await upload(changed, code)).data?.verifyDocument).toMatchObject({
    status: 'FILE_MISMATCH',
    document: { id: announcement.id },
  });
  expect((await upload(Buffer.from('bukan pdf'), null)).errors?.[0]?.extensions).toMatchObject({
    code: 'VALIDATION_FAILED',
    field: 'file',
  });
  expectError(await d.gql(null, VERIFY, {}), 'VALIDATION_FAILED', 'code');

  // The page the QR points to answers in Bahasa Indonesia, without JavaScript.
  const pageHtml = await (await fetch(`${stack.gateway.url}/verifikasi/${code}`)).text();
  expect(pageHtml).toContain('Dokumen sah');
  expect(pageHtml).toContain(announcement.number);
  expect(pageHtml).toContain('Tanda tangan elektronik');
  expect(pageHtml).toContain('Pejabat Penandatangan Pengembangan');
  expect(pageHtml).toContain('Masa berlaku sertifikat');
  const form = new FormData();
  form.set('code', code);
  form.set('file', new Blob([new Uint8Array(changed)], { type: 'application/pdf' }), 'ubah.pdf');
  const posted = await fetch(`${stack.gateway.url}/verifikasi`, { method: 'POST', body: form });
  expect(posted.status).toBe(200);
  expect(await posted.text()).toContain('Tidak sah');

  // A correction by the secretary: new version and number; the old code now says SUPERSEDED.
  const CORRECT = `mutation($input: CorrectDocumentInput!) { correctDocument(input: $input) { id number version correctionReason supersedes { id } } }`;
  const CONTENT = `query($id: ID!) { document(id: $id) { content { title paragraphs tables { headers rows { cells } } } } }`;
  const content = must(
    await d.gql<{ document: { content: { paragraphs: string[] } | null } }>(SECRETARY, CONTENT, {
      id: announcement.id,
    }),
  ).document.content!;
  expect(content.paragraphs.length).toBeGreaterThan(0);
  expect(
    must(await d.gql<{ document: { content: null } }>(OVERSEER, CONTENT, { id: announcement.id })).document.content,
  ).toBeNull();
  const paragraphs = [...content.paragraphs, 'Pengumuman ini memperbaiki penulisan gelar salah satu peserta.'];
  const input = { documentId: announcement.id, reason: 'Penulisan gelar peserta keliru', paragraphs };
  expectError(await d.gql(OTHER_SECRETARY, CORRECT, { input }), 'FORBIDDEN', 'input.documentId');
  expectError(await d.gql(M1, CORRECT, { input }), 'FORBIDDEN');
  expectError(
    await d.gql(SECRETARY, CORRECT, { input: { ...input, reason: 'x' } }),
    'VALIDATION_FAILED',
    'input.reason',
  );
  expectError(
    await d.gql(SECRETARY, CORRECT, { input: { ...input, requirements: ['x'] } }),
    'VALIDATION_FAILED',
    'input.requirements',
  );
  const fixed = must(
    await d.gql<{ correctDocument: { id: string; number: string; version: number; supersedes: { id: string } } }>(
      SECRETARY,
      CORRECT,
      { input },
    ),
  ).correctDocument;
  expect(fixed).toMatchObject({
    version: 2,
    supersedes: { id: announcement.id },
    correctionReason: 'Penulisan gelar peserta keliru',
  });
  expect(fixed.number).not.toBe(announcement.number);
  // The same submission twice gives the same correction (a double click issues nothing new).
  expect(must(await d.gql<{ correctDocument: { id: string } }>(SECRETARY, CORRECT, { input })).correctDocument.id).toBe(
    fixed.id,
  );
  expectError(
    await d.gql(SECRETARY, CORRECT, { input: { ...input, reason: 'Perbaikan kedua atas versi lama' } }),
    'CONFLICT',
    'input.documentId',
  );
  const superseded = must(await d.gql<Verification>(null, VERIFY, { code })).verifyDocument;
  expect(superseded).toMatchObject({ status: 'SUPERSEDED', latest: { id: fixed.id, number: fixed.number } });
  expect(superseded.message).toContain(fixed.number);
  expect((await upload(bytes, null)).data?.verifyDocument.status).toBe('SUPERSEDED');
}

describe('exceptions along the way', () => {
  it(
    'extends an undersubscribed vacancy, then cancels it; an upheld objection reopens screening; a candidate withdraws',
    { timeout: 240_000 },
    async () => {
      const created = await createSelection(
        selectionInput(
          'Seleksi Terbuka JPT Pratama dengan Perpanjangan',
          [
            vacancy('Kepala Dinas Pendidikan', 'Pendidikan'),
            vacancy('Kepala Dinas Perencanaan', 'Perencanaan Pembangunan'),
          ],
          // Two working days to object: the test files, answers and checks within the window.
          { minApplicantsPerVacancy: 3, objectionWorkingDays: 2 },
        ),
      );
      const id = created.id;
      const [v1, v2] = created.vacancies.map((v) => v.id) as [string, string];
      await d.openRegistration(id, who, PANSEL);
      const ids = await d.applyAll([
        [cand(1), v1],
        [cand(2), v1],
        [cand(3), v1],
        [cand(10), v1],
        [cand(4), v2],
      ]);
      const [a1, a2, a3, a10, a4] = ids as [string, string, string, string, string];

      // Too few applicants for V2: its registration is extended once; V1 no longer accepts.
      let p = await d.waitForStage(SECRETARY, id, 'REGISTRATION_EXTENDED');
      expect(p.vacancies.map((v) => [v.status, v.extensions])).toEqual([
        ['IN_SELECTION', 0],
        ['EXTENDED', 1],
      ]);
      expect(p.documents.map((x) => x.kind)).toContain('EXTENSION_NOTICE');
      expectError(await d.apply(cand(5), v1), 'REGISTRATION_CLOSED', 'vacancyId');

      // Still too few: the Pansel decides.
      p = await d.waitFor(SECRETARY, id, (x) => x.vacancies[1]?.pendingDecision === 'TOO_FEW_APPLICANTS');
      expect(p.stage).toBe('REGISTRATION_CLOSED');
      expectError(await d.decideVacancy(SECRETARY, id, v2, 'CANCEL', ''), 'VALIDATION_FAILED', 'reason');
      expectError(
        await d.decideVacancy(SECRETARY, id, v1, 'CANCEL', 'Tidak ada alasan membatalkan'),
        'WRONG_STAGE',
        'vacancyId',
      );
      expectError(
        await d.decideVacancy(OTHER_SECRETARY, id, v2, 'CANCEL', 'Instansi lain'),
        'FORBIDDEN',
        'selectionId',
      );
      const cancelled = must(
        await d.decideVacancy(SECRETARY, id, v2, 'CANCEL', 'Pelamar tetap kurang dari 3 orang setelah perpanjangan'),
      ).decideVacancy;
      expect(cancelled).toMatchObject({ kind: 'VACANCY_DECIDED', subjectId: v2 });

      p = await d.waitFor(
        SECRETARY,
        id,
        (x) =>
          x.stage === 'ADMINISTRATIVE_SCREENING' &&
          x.applications.filter((a) => a.vacancyId === v1).every((a) => a.eligible !== null),
      );
      expect(p.vacancies[1]).toMatchObject({ status: 'CANCELLED', outcome: 'CANCEL' });
      expect(appOf(p, asn(4)).status).toBe('CANCELLED');
      expect(p.documents.map((x) => x.kind)).toContain('VACANCY_CANCELLATION');
      expect(appOf(p, asn(10)).eligible).toBe(false);

      // Candidate 10 objects; the Pansel upholds it and reopens the screening of that application.
      must(await d.publishScreening(SECRETARY, id));
      await d.waitForStage(SECRETARY, id, 'ADMINISTRATIVE_OBJECTIONS');
      expectError(
        await d.fileObjection(cand(1), id, a10, 'Sanggahan atas lamaran orang lain'),
        'FORBIDDEN',
        'applicationId',
      );
      expectError(await d.fileObjection(cand(10), id, a10, ''), 'VALIDATION_FAILED', 'text');
      must(await d.fileObjection(cand(10), id, a10, 'Pangkat saya IV/a sejak 1 Oktober 2026; SK terlampir'));
      expectError(await d.fileObjection(cand(10), id, a10, 'Sanggahan kedua pada masa yang sama'), 'ALREADY_DECIDED');
      p = must(await d.process(SECRETARY, id)).selectionProcess;
      const objection = p.objections[0]!;
      expect(objection).toMatchObject({ applicationId: a10, phase: 'ADMINISTRATIVE', upheld: null });
      must(
        await d.answerObjection(
          SECRETARY,
          id,
          objection.objectionId,
          true,
          'SK kenaikan pangkat diverifikasi; diterima',
        ),
      );
      expect(appOf(must(await d.process(SECRETARY, id)).selectionProcess, asn(10)).screeningReopened).toBe(true);
      must(await d.overrideScreening(SECRETARY, id, a10, true, 'Sanggahan diterima: pangkat IV/a memenuhi syarat'));

      p = await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT');
      expect(appOf(p, asn(10))).toMatchObject({ eligible: true, screeningReopened: false });
      expect(p.documents.filter((x) => x.kind === 'ADMINISTRATIVE_RESULT_MINUTES')).toHaveLength(2);
      const seen = must(await d.process(cand(10), id)).selectionProcess;
      expect(seen.objections).toEqual([
        expect.objectContaining({ upheld: true, answer: 'SK kenaikan pangkat diverifikasi; diterima' }),
      ]);
      expect(seen.applications.map((a) => [a.applicationId, a.eligible])).toEqual([[a10, true]]);

      // A candidate withdraws; only their own application, once, with a reason.
      expectError(await d.withdrawApplication(cand(3), a3, ' '), 'VALIDATION_FAILED', 'reason');
      expectError(await d.withdrawApplication(cand(1), a2, 'Menarik lamaran orang lain'), 'FORBIDDEN', 'applicationId');
      const withdrawn = must(
        await d.withdrawApplication(cand(3), a3, 'Mendapat penugasan lain dari pimpinan'),
      ).withdrawApplication;
      expect(withdrawn).toMatchObject({ kind: 'APPLICATION_WITHDRAWN', subjectId: a3, by: { userId: cand(3) } });
      expectError(await d.withdrawApplication(cand(3), a3, 'Menarik lagi'), 'ALREADY_DECIDED', 'applicationId');
      p = must(await d.process(SECRETARY, id)).selectionProcess;
      expect(appOf(p, asn(3))).toMatchObject({ withdrawn: true, status: 'WITHDRAWN' });
      expectError(
        await d.recordAssessment(SECRETARY, id, a3, {
          managerial: 80,
          socioCultural: 80,
          paper: 80,
          presentation: 80,
          assessedAt: today(),
        }),
        'WRONG_STAGE',
        'applicationId',
      );
      expect(a1 && a2 && a4).toBeTruthy();
    },
  );

  it('an overseer correction sends the result back to the interview', { timeout: 240_000 }, async () => {
    const created = await createSelection(
      selectionInput('Seleksi Terbuka JPT Pratama dengan Koreksi', [vacancy('Kepala Dinas Pendidikan', 'Pendidikan')], {
        minApplicantsPerVacancy: 3,
      }),
    );
    const id = created.id;
    const [v1] = created.vacancies.map((v) => v.id) as [string];
    await d.openRegistration(id, who, PANSEL);
    const ids = await d.applyAll([6, 7, 8].map((n) => [cand(n), v1] as [string, string]));
    const scores = new Map(ids.map((a, i) => [a, 90 - 4 * i]));

    await d.waitFor(
      SECRETARY,
      id,
      (x) => x.stage === 'ADMINISTRATIVE_SCREENING' && x.applications.every((a) => a.eligible !== null),
    );
    must(await d.publishScreening(SECRETARY, id));
    await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT');
    await d.assessAll(SECRETARY, id, scores, today());
    must(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'));
    await d.waitForStage(SECRETARY, id, 'INTERVIEW');
    await d.interviewAll(id, MEMBERS, scores);
    must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));
    await d.waitForStage(SECRETARY, id, 'TRACK_RECORD');
    await d.trackRecordAll(SECRETARY, id, scores);
    must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));
    await d.waitForStage(SECRETARY, id, 'OVERSEER_RECOMMENDATION');

    expectError(
      await d.overseerDecision(OVERSEER, id, {
        subject: 'RESULT',
        verdict: 'REQUEST_CORRECTION',
        reason: 'Perlu perbaikan',
      }),
      'VALIDATION_FAILED',
      'stageAtFault',
    );
    expectError(
      await d.overseerDecision(SECRETARY, id, { subject: 'RESULT', verdict: 'APPROVE', reason: 'Bukan pengawas' }),
      'FORBIDDEN',
    );
    expectError(
      await d.overseerDecision(OVERSEER, id, { subject: 'PLAN', verdict: 'APPROVE', reason: 'Subjek yang salah' }),
      'WRONG_STAGE',
      'subject',
    );
    must(
      await d.overseerDecision(OVERSEER, id, {
        subject: 'RESULT',
        verdict: 'REQUEST_CORRECTION',
        stageAtFault: 'INTERVIEW',
        reason: 'Berita acara wawancara tidak memuat pertanyaan kompetensi teknis',
      }),
    );

    // Every member scores again, with a reason; then the stages after it run again.
    let p = await d.waitFor(
      SECRETARY,
      id,
      (x) => x.stage === 'INTERVIEW' && x.applications.every((a) => a.calibrationRequested),
    );
    expect(p.vacancies[0]).toMatchObject({ status: 'IN_SELECTION', shortlist: [] });
    expectError(await d.submitInterviewScore(M1, id, ids[0]!, 88), 'VALIDATION_FAILED', 'reason');
    await d.interviewAll(id, MEMBERS, scores, { reason: 'Penilaian ulang atas permintaan lembaga pengawas' });
    must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));
    await d.waitForStage(SECRETARY, id, 'TRACK_RECORD');
    must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));
    p = await d.waitFor(SECRETARY, id, (x) => x.stage === 'OVERSEER_RECOMMENDATION' && x.overseer?.round === 3);
    expect(p.vacancies[0]!.shortlist).toEqual(ids);
    must(
      await d.overseerDecision(OVERSEER, id, {
        subject: 'RESULT',
        verdict: 'APPROVE',
        reason: 'Perbaikan telah dilaksanakan sesuai rekomendasi',
      }),
    );
    p = await d.waitForStage(SECRETARY, id, 'APPOINTMENT_CHOICE');
    const verdicts = p.decisions!.filter((x) => x.kind === 'OVERSEER_DECIDED');
    expect(verdicts).toHaveLength(3);
    expect(p.documents.filter((x) => x.kind === 'OVERSEER_RECOMMENDATION')).toHaveLength(2);
    expect(p.documents.filter((x) => x.kind === 'FINAL_RESULT_MINUTES')).toHaveLength(2);
    await saveHistory(stack.client.workflow.getHandle(`selection:${AGENCY.code}:${id}`), 'overseer-correction-v2');
  });
});

describe('refusals', () => {
  let id: string;

  it('createSelection refuses bad rules, locked incumbents, bad windows and bad training speeds', async () => {
    const input = selectionInput('Seleksi Terbuka JPT Pratama Uji Penolakan', [
      vacancy('Kepala Dinas Pendidikan', 'Pendidikan'),
    ]);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'weights not summing to 100',
        {
          ...input,
          rules: {
            ...input.rules,
            weights: { assessment: 40, paper: 10, presentation: 10, interview: 20, trackRecord: 10 },
          },
        },
        'INVALID_RULES',
        'input.rules.scoring.weights',
      ],
      [
        'a pass mark above 100',
        { ...input, rules: { ...input.rules, passMark: 101 } },
        'INVALID_RULES',
        'input.rules.scoring.passMark',
      ],
      [
        'an unknown minimum rank',
        { ...input, rules: { ...input.rules, minRank: { pratama: 'V/z' } } },
        'INVALID_RULES',
        'input.rules.eligibility.minRank.PRATAMA',
      ],
      [
        'zero seconds per day',
        { ...input, simulationSecondsPerDay: 0 },
        'VALIDATION_FAILED',
        'input.simulationSecondsPerDay',
      ],
      [
        'a day of two hours',
        { ...input, simulationSecondsPerDay: 7200 },
        'VALIDATION_FAILED',
        'input.simulationSecondsPerDay',
      ],
      [
        'an incumbent inaugurated a year ago',
        {
          ...input,
          vacancies: [
            vacancy('Kepala Dinas Pendidikan', 'Pendidikan'),
            {
              ...vacancy('Kepala Dinas Kesehatan', 'Kesehatan'),
              incumbentInauguratedOn: addCalendarDays(today(), -365),
            },
          ],
        },
        'INCUMBENT_LOCKED',
        'input.vacancies.1.incumbentInauguratedOn',
      ],
      [
        'an inauguration before the announcement',
        { ...input, plannedInaugurationDate: addCalendarDays(today(), -1) },
        'VALIDATION_FAILED',
        'input.plannedInaugurationDate',
      ],
    ];
    for (const [name, bad, code, field] of cases) {
      const r = await d.createSelection(SECRETARY, bad);
      expect(r.data, name).toBeNull();
      expect(r.errors?.[0]?.extensions, name).toMatchObject({ code, field });
    }

    // An incumbent who will have served 2 years by the planned inauguration may be replaced.
    const ok = must(
      await d.createSelection(SECRETARY, {
        ...input,
        plannedInaugurationDate: addCalendarDays(today(), 90),
        ppkTitle: 'Gubernur Kalimantan Timur',
        vacancies: [
          {
            ...vacancy('Kepala Dinas Pendidikan', 'Pendidikan'),
            incumbentInauguratedOn: addCalendarDays(today(), -700),
          },
        ],
      }),
    ).createSelection;
    expect(ok).toMatchObject({ stage: 'PLANNED', simulation: true });
    id = ok.id;
    await d.waitForReadModel(SECRETARY, id);
    const read = must(
      await d.gql<{ selection: { simulation: boolean } }>(
        SECRETARY,
        'query($id: ID!) { selection(id: $id) { simulation } }',
        { id },
      ),
    );
    expect(read.selection.simulation).toBe(true);
  });

  it('decisions are refused to the wrong role, the wrong agency, the wrong stage and bad input', async () => {
    expectError(await d.setPansel(cand(1), id, PANSEL), 'FORBIDDEN');
    expectError(await d.setPansel(OTHER_SECRETARY, id, PANSEL), 'FORBIDDEN', 'selectionId');
    expectError(await d.setPansel(SECRETARY, id, PANSEL.slice(0, 4)), 'INVALID_PANSEL', 'members');
    expectError(
      await d.setPansel(
        SECRETARY,
        id,
        PANSEL.map((m, i) => (i === 0 ? { ...m, userId: cand(1) } : m)),
      ),
      'VALIDATION_FAILED',
      'members.0.userId',
    );
    expectError(
      await d.setPansel(
        SECRETARY,
        id,
        PANSEL.map((m, i) => (i === 0 ? { ...m, name: '' } : m)),
      ),
      'VALIDATION_FAILED',
      'members.0.name',
    );
    expectError(await d.submitPlan(SECRETARY, id), 'INCOMPLETE', 'pansel');
    expectError(await d.publishScreening(SECRETARY, id), 'WRONG_STAGE');
    expectError(await d.submitPlan(SECRETARY, 'JPT-2026-TIDAKADA'), 'NOT_FOUND', 'selectionId');
    expectError(
      await d.gql(null, 'mutation($s: ID!) { submitPlan(selectionId: $s) { decisionId } }', { s: id }),
      'UNAUTHENTICATED',
    );

    must(await d.setPansel(SECRETARY, id, PANSEL));
    expectError(await d.declareConflict(OUTSIDER, id, asn(1), true, 'Bukan anggota'), 'NOT_A_MEMBER');
    expectError(await d.submitInterviewScore(M1, id, `${id}-V1.${asn(1)}`, 80), 'WRONG_STAGE');
    expectError(
      await d.overseerDecision(OVERSEER, id, { subject: 'PLAN', verdict: 'APPROVE', reason: 'Belum diajukan' }),
      'WRONG_STAGE',
      'subject',
    );
    must(await d.submitPlan(SECRETARY, id));
    await d.waitForStage(SECRETARY, id, 'PLAN_APPROVAL');
    expectError(
      await d.overseerDecision(OVERSEER, id, { subject: 'PLAN', verdict: 'APPROVE', reason: '  ' }),
      'VALIDATION_FAILED',
      'reason',
    );
    expectError(await d.chooseAppointee(PPK, id, `${id}-V1`, `${id}-V1.${asn(1)}`), 'WRONG_STAGE');

    // Who may see the process.
    expectError(await d.process(OTHER_SECRETARY, id), 'FORBIDDEN', 'selectionId');
    expectError(await d.process(cand(1), id), 'FORBIDDEN', 'selectionId');
    expectError(await d.process(OUTSIDER, id), 'FORBIDDEN', 'selectionId');
    expect(must(await d.process(M1, id)).selectionProcess.myMemberId).toBe('os-m1');
    expect(must(await d.process(OVERSEER, id)).selectionProcess.pansel).toHaveLength(5);
    expect(must(await d.process(PPK, id)).selectionProcess.decisions?.map((x) => x.kind)).toEqual([
      'PANSEL_SET',
      'PLAN_SUBMITTED',
    ]);
  });

  it('an administrator amends the holiday calendar and running selections recompute their deadlines', async () => {
    const AMEND = `mutation($y: Int!, $h: [DayOffInput!]!, $c: [DayOffInput!]!, $s: String!, $r: String!) {
      amendHolidayCalendar(year: $y, holidays: $h, cutiBersama: $c, source: $s, reason: $r) {
        year { year revision holidays { date name } cutiBersama { date } source } runningSelectionsNotified } }`;
    const year2027 = {
      y: 2027,
      h: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
        { date: '2027-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia' },
      ],
      c: [{ date: '2027-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus' }],
      s: 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027',
      r: 'Penetapan kalender tahun 2027',
    };
    expectError(await d.gql(SECRETARY, AMEND, year2027), 'FORBIDDEN');
    expectError(
      await d.gql(ADMIN, AMEND, { ...year2027, h: [{ date: '2026-12-31', name: 'Salah tahun' }] }),
      'VALIDATION_FAILED',
      'holidays.0.date',
    );
    expectError(await d.gql(ADMIN, AMEND, { ...year2027, r: '' }), 'VALIDATION_FAILED', 'reason');

    const r = must(
      await d.gql<{
        amendHolidayCalendar: {
          year: { year: number; revision: number; holidays: { date: string }[] };
          runningSelectionsNotified: number;
        };
      }>(ADMIN, AMEND, year2027),
    ).amendHolidayCalendar;
    expect(r.year).toMatchObject({ year: 2027, holidays: [{ date: '2027-01-01' }, { date: '2027-08-17' }] });
    expect(r.year.revision).toBeGreaterThanOrEqual(1);
    expect(r.runningSelectionsNotified).toBeGreaterThanOrEqual(1);

    const read = must(
      await d.gql<{ holidayCalendar: { cutiBersama: { date: string }[] } | null }>(
        cand(1),
        'query { holidayCalendar(year: 2027) { cutiBersama { date } } }',
      ),
    );
    expect(read.holidayCalendar?.cutiBersama).toEqual([{ date: '2027-12-24' }]);
    const between = must(
      await d.gql<{ workingDaysBetween: number }>(
        cand(1),
        'query { workingDaysBetween(from: "2027-08-13", to: "2027-08-20") }',
      ),
    );
    // 16, 18, 19, 20 August (17 August is a holiday; 14–15 a weekend).
    expect(between.workingDaysBetween).toBe(4);
    expectError(await d.gql(null, 'query { holidayCalendar(year: 2027) { year } }'), 'UNAUTHENTICATED');

    // The running selection of the previous test took the amendment.
    const p = await d.waitFor(SECRETARY, id, (x) => x.calendarRevision >= 1);
    expect(p.decisions?.some((x) => x.kind === 'CALENDAR_AMENDED' && x.by.userId === ADMIN)).toBe(true);
  });
});
