/**
 * Pilkada windows from data, driven through GraphQL on the real Temporal dev server and FerretDB: the
 * national administrator enters the region's schedule; an appointment inside a window waits for the Home
 * Affairs Minister's written permission on the open selection (training mode) and on the talent route,
 * then proceeds once it is recorded, and the agency's duty to report within 7 working days opens; outside
 * a window nothing waits.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  electionRegionId,
  localDateOf,
  type ProfileDto,
} from '@seleksi/domain';
import { startStack, type Stack } from './support/stack';
import { saveHistory } from './support/histories';
import { eligibleProfile, RECENT_SKP_YEARS, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';
import { TalentDriver } from './support/talent-driver';

const AGENCY = testAgency('ELPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('el');
const MEMBERS = PANSEL.map((m) => m.userId);
const SECRETARY = 'el-sec';
const PPK = 'el-ppk';
const OVERSEER = 'el-overseer';
const ADMIN = 'el-admin';
const AGENCY_ADMIN = 'el-agency-admin';
const REASON = 'Pertimbangan sesuai ketentuan';
const cand = (n: number) => `el-cand-${n}`;
const asn = (n: number) => `el-asn-${n}`;
const emp = (n: number) => `el-emp-${n}`;

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  testUser(AGENCY_ADMIN, 'AGENCY_ADMIN', AGENCY.code),
  ...MEMBERS.map((id) => testUser(id, 'PANSEL_MEMBER', null)),
  ...[1, 2, 3].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

const today = () => localDateOf(new Date(), AGENCY.timeZone);
const YEAR = Number(today().slice(0, 4));
const REGION_ID = 'PROVINSI:uji-elprov';

let stack: Stack;
let d: SelectionDriver;
let t: TalentDriver;

/** Three employees in boxes 9, 8 and 8 for the talent route. */
function employee(i: number): ProfileDto {
  return eligibleProfile(emp(i), AGENCY.code, 60 + i, {
    skp: [YEAR - 2, YEAR - 1, YEAR].map((year) => ({ year, predicate: i === 0 ? 'SANGAT_BAIK' : 'BAIK' })),
  });
}

function candidate(n: number): ProfileDto {
  const p = eligibleProfile(asn(n), AGENCY.code, 70 + n);
  return {
    ...p,
    careers: p.careers.map((c) => ({ ...c, fields: ['Pendidikan'] })),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  };
}

const SET_REGION = `mutation($i: ElectionRegionInput!) { setElectionRegion(input: $i) {
  id kind name revision schedules { label candidatePairsDeterminedOn currentTermEndsOn newHeadInauguratedOn }
  changes { byUserId reason revision } } }`;
const WINDOWS = `query($a: ID!) { agencyElectionWindows(agencyCode: $a) { regionId monthsBefore monthsAfter
  windows { from to label } } }`;

type SetRegion = {
  setElectionRegion: {
    id: string;
    revision: number;
    changes: { byUserId: string; reason: string; revision: number }[];
  };
};

/** The region's schedule as the administrator enters it: determination `determinedInDays` from today. */
async function setSchedule(determinedInDays: number, expectedRevision: number | null) {
  return d.gql<{ setElectionRegion: { id: string; revision: number; changes: { reason: string }[] } }>(
    ADMIN,
    SET_REGION,
    {
      i: {
        kind: 'PROVINSI',
        name: 'Uji ELPROV',
        schedules: [
          {
            label: 'Pilkada serentak (uji)',
            candidatePairsDeterminedOn: addCalendarDays(today(), determinedInDays),
            currentTermEndsOn: addCalendarDays(today(), determinedInDays + 150),
            newHeadInauguratedOn: null,
          },
        ],
        expectedRevision,
        reason: 'Jadwal pilkada dari keputusan KPU provinsi',
      },
    },
  );
}

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'elect' });
  const { candidate: c, assessment } = stack.clients;
  await c.upsertAgency(AGENCY);
  for (const n of [1, 2, 3]) await c.upsertProfile(candidate(n));
  await c.upsertProfiles([0, 1, 2].map(employee));
  for (const [i, a] of [
    [0, [96, 94]],
    [1, [95, 92]],
    [2, [92, 90]],
  ] as const) {
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
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('the region schedule', () => {
  it('a save whose audit was lost is recorded by its retry, once', async () => {
    const schedules = [
      {
        label: 'Pilkada serentak (uji ulang)',
        candidatePairsDeterminedOn: addCalendarDays(today(), 900),
        currentTermEndsOn: addCalendarDays(today(), 1000),
        newHeadInauguratedOn: null,
      },
    ];
    const input = { kind: 'KOTA', name: 'Uji Ulang', schedules, reason: 'Jadwal dari keputusan KPU kota' };
    // Another administrator's write went through and their request timed out before its audit: the store has
    // revision 1 (with its author and reason), no record.
    const id = electionRegionId('KOTA', 'Uji Ulang');
    const first = { userId: 'admin-pertama', role: 'ADMIN' as const };
    const firstReason = 'Jadwal dari keputusan KPU kota (simpanan pertama)';
    const stored = await stack.clients.candidate.putElectionRegion(id, {
      kind: 'KOTA',
      name: 'Uji Ulang',
      schedules,
      by: first,
      reason: firstReason,
    });
    // The same content is sent again (same key, then another key): one record of revision 1, credited to the
    // administrator who saved it, at the time and with the reason of that save — not to whoever sent it again.
    const retried = must(await d.withIdempotencyKey('retry-el-1').gql<SetRegion>(ADMIN, SET_REGION, { i: input }));
    expect(retried.setElectionRegion).toMatchObject({
      revision: 1,
      changes: [{ byUserId: first.userId, reason: firstReason, revision: 1 }],
    });
    const [recovered] = await stack.clients.candidate.listAllAuditRecords({ selectionId: `election-region:${id}` });
    expect(recovered).toMatchObject({ by: first, reason: firstReason });
    expect(new Date(recovered!.at).toISOString()).toBe(stored.region.updatedAt);
    must(await d.withIdempotencyKey('retry-el-1').gql(ADMIN, SET_REGION, { i: input }));
    const again = must(await d.withIdempotencyKey('retry-el-2').gql<SetRegion>(ADMIN, SET_REGION, { i: input }));
    expect(again.setElectionRegion.changes).toHaveLength(1);
    // A change after it is recorded with the recovered revision as its 'before'.
    const next = { ...input, schedules: [{ ...schedules[0]!, label: 'Pilkada serentak (uji ulang, ubah)' }] };
    const changed = must(await d.gql<SetRegion>(ADMIN, SET_REGION, { i: next })).setElectionRegion;
    expect(changed.changes.map((c) => c.revision)).toEqual([1, 2]);
    const chain = await stack.clients.candidate.listAllAuditRecords({ selectionId: `election-region:${id}` });
    expect(chain.map((r) => (r.payload.before as { label: string }[] | null)?.[0]?.label ?? null)).toEqual([
      null,
      'Pilkada serentak (uji ulang)',
    ]);
  });

  it('a region saved before authors were kept: its recovered entry is the sender’s, at the time of sending', async () => {
    const schedules = [
      {
        label: 'Pilkada serentak (data lama)',
        candidatePairsDeterminedOn: addCalendarDays(today(), 900),
        currentTermEndsOn: addCalendarDays(today(), 1000),
        newHeadInauguratedOn: null,
      },
    ];
    const id = electionRegionId('KOTA', 'Data Lama');
    // As a gateway of the previous release saved it: no author, no reason.
    const stored = await stack.clients.candidate.putElectionRegion(id, { kind: 'KOTA', name: 'Data Lama', schedules });
    expect(stored.region.updatedBy).toBeNull();
    const input = { kind: 'KOTA', name: 'Data Lama', schedules, reason: 'Pencatatan ulang jadwal lama' };
    const sentAt = Date.now();
    must(await d.gql<SetRegion>(ADMIN, SET_REGION, { i: input }));
    const [entry] = await stack.clients.candidate.listAllAuditRecords({ selectionId: `election-region:${id}` });
    expect(entry).toMatchObject({ by: { userId: ADMIN }, reason: input.reason });
    expect(new Date(entry!.at).getTime()).toBeGreaterThanOrEqual(sentAt - 1000);
  });

  it('is the national administrator’s, typed-checked, audited and idempotent', async () => {
    expectError(
      await d.gql(AGENCY_ADMIN, SET_REGION, { i: { kind: 'PROVINSI', name: 'X', schedules: [], reason: 'x' } }),
      'FORBIDDEN',
    );
    const bad = await d.gql(ADMIN, SET_REGION, {
      i: {
        kind: 'PROVINSI',
        name: 'Uji ELPROV',
        schedules: [{ label: 'Salah', candidatePairsDeterminedOn: '2029-09-20', currentTermEndsOn: '2029-01-01' }],
        reason: REASON,
      },
    });
    expectError(bad, 'VALIDATION_FAILED', 'input.schedules.0.currentTermEndsOn');
    // A schedule far ahead: no window today.
    const first = must(await setSchedule(1000, null)).setElectionRegion;
    expect(first).toMatchObject({ id: REGION_ID, revision: 1 });
    // The same again changes nothing; a stale revision is refused.
    expect(must(await setSchedule(1000, 1)).setElectionRegion.revision).toBe(1);
    expect(must(await setSchedule(1000, null)).setElectionRegion.changes).toHaveLength(1);
    expectError(await setSchedule(999, 0), 'CONFLICT', 'expectedRevision');
    const w = must(
      await d.gql<{ agencyElectionWindows: { regionId: string; monthsBefore: number; windows: unknown[] } }>(
        SECRETARY,
        WINDOWS,
        { a: AGENCY.code },
      ),
    ).agencyElectionWindows;
    expect(w).toMatchObject({ regionId: REGION_ID, monthsBefore: 6, monthsAfter: 6 });
    expect(w.windows).toEqual([
      {
        from: addMonths(addCalendarDays(today(), 1000), -6),
        to: addCalendarDays(today(), 1150),
        label: expect.stringContaining('Pilkada serentak (uji)'),
      },
    ]);
  });
});

const FILLING_ELECTION = `query($f: ID!) { talentFilling(fillingId: $f) { stage
  election { windows { from to } permission { letterNumber scope recordedBy } reportDutyId } } }`;
const DUTIES = `query($a: ID) { electionReportDuties(agencyCode: $a) { id subjectId route position actedOn dueOn
  permission { letterNumber scope } report { letterNumber date recordedBy } } }`;

async function fillingToPpkDecision(): Promise<string> {
  const started = must(
    await t.startFilling(SECRETARY, {
      post: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', level: 'PRATAMA' },
      plannedInaugurationDate: addCalendarDays(today(), 60),
    }),
  ).startTalentPoolFilling;
  const id = started.fillingId;
  await t.waitForFilling(SECRETARY, id, 'CONFIRMATION');
  must(await t.confirmProposal(SECRETARY, id, true, REASON));
  await t.waitForFilling(SECRETARY, id, 'OVERSEER_APPROVAL');
  must(await t.overseerDecision(OVERSEER, id, 'APPROVE', REASON, 'B-1/BKN/2026'));
  await t.waitForFilling(PPK, id, 'PPK_DECISION');
  return id;
}

describe('the talent route', () => {
  beforeAll(async () => {
    must(
      await t.updateSettings(SECRETARY, AGENCY.code, {
        targetPosts: [
          { id: 'KADISDIK', title: 'Kepala Dinas Pendidikan', level: 'PRATAMA', unit: 'Dinas Pendidikan', field: null },
        ],
      }),
    );
    await t.openGate(SECRETARY, OVERSEER, AGENCY.code, {
      period: String(YEAR),
      score: 3,
      approvedOn: `${YEAR}-01-10`,
      reference: `B-9/BKN/01/${YEAR}`,
    });
    must(await t.startMapping(SECRETARY, AGENCY.code, String(YEAR)));
    await t.waitForMapping(SECRETARY, AGENCY.code, String(YEAR));
  }, 180_000);

  it('outside a window the PPK decides at once', { timeout: 180_000 }, async () => {
    const id = await fillingToPpkDecision();
    must(await t.decideSuccessor(PPK, id, emp(0)));
    await t.waitForFilling(SECRETARY, id, 'INAUGURATION');
    const f = must(
      await d.gql<{ talentFilling: { election: { windows: unknown[]; reportDutyId: string | null } } }>(
        SECRETARY,
        FILLING_ELECTION,
        { f: id },
      ),
    ).talentFilling;
    expect(f.election.windows).toHaveLength(1);
    expect(f.election.reportDutyId).toBeNull();
  });

  it(
    'inside a window the decision waits for the Minister’s permission, then the duty to report opens',
    { timeout: 180_000 },
    async () => {
      // Determination in 30 days: the window opened five months ago.
      must(await setSchedule(30, null));
      const id = await fillingToPpkDecision();
      expectError(await t.decideSuccessor(PPK, id, emp(0)), 'ELECTION_PERMISSION_REQUIRED', 'employeeId');
      let f = must(
        await d.gql<{ talentFilling: { stage: string } }>(SECRETARY, FILLING_ELECTION, { f: id }),
      ).talentFilling;
      expect(f.stage).toBe('PPK_DECISION');

      const permit = (as: string, scope: string) =>
        d.gql(
          as,
          `mutation($f: ID!, $n: String!, $dt: LocalDate!, $s: String!, $r: String!) {
          recordTalentElectionPermission(fillingId: $f, letterNumber: $n, letterDate: $dt, scope: $s, reason: $r) { kind by { userId } } }`,
          { f: id, n: '100.2.2.6/77/OTDA', dt: today(), s: scope, r: 'Surat izin Menteri Dalam Negeri diterima' },
        );
      expectError(await permit(PPK, 'Kepala Dinas Pendidikan'), 'FORBIDDEN');
      expectError(await permit(SECRETARY, ''), 'VALIDATION_FAILED', 'scope');
      expect(must(await permit(SECRETARY, 'Kepala Dinas Pendidikan'))).toMatchObject({
        recordTalentElectionPermission: { kind: 'ELECTION_PERMISSION_RECORDED', by: { userId: SECRETARY } },
      });
      must(await t.decideSuccessor(PPK, id, emp(0)));
      await t.waitForFilling(SECRETARY, id, 'INAUGURATION');
      f = must(await d.gql<{ talentFilling: { stage: string } }>(SECRETARY, FILLING_ELECTION, { f: id })).talentFilling;
      expect(f).toMatchObject({
        election: {
          permission: { letterNumber: '100.2.2.6/77/OTDA', scope: 'Kepala Dinas Pendidikan', recordedBy: SECRETARY },
          reportDutyId: `${id}:ELECTION_REPORT`,
        },
      });
      await saveHistory(
        stack.client.workflow.getHandle(`talent-filling:${AGENCY.code}:${id}`),
        'election-window-talent',
      );
      const duties = must(
        await d.gql<{ electionReportDuties: { id: string; dueOn: string; actedOn: string }[] }>(AGENCY_ADMIN, DUTIES, {
          a: AGENCY.code,
        }),
      ).electionReportDuties;
      const duty = duties.find((x) => x.id === `${id}:ELECTION_REPORT`)!;
      expect(duty).toMatchObject({
        route: 'TALENT_POOL',
        subjectId: id,
        actedOn: today(),
        position: 'Kepala Dinas Pendidikan',
      });
      expect(duty.dueOn).toBe(addWorkingDays(today(), 7, await stack.clients.candidate.getAgencyCalendar(AGENCY.code)));
      // The agency's administrator and secretariat are told (the outbox holds the notices).
      const notices = await stack.clients.candidate.listNotices({ limit: 500 });
      expect(
        notices.filter((n) => n.kind === 'ELECTION_REPORT_DUE' && n.id.includes(duty.id)).map((n) => n.recipient),
      ).toHaveLength(2);

      // The report went into the store and the request timed out before its audit (simulated by writing it
      // directly): the retry below records the audit, once.
      await stack.clients.candidate.recordElectionReport(duty.id, {
        letterNumber: '800/12/BKD',
        date: today(),
        recordedBy: AGENCY_ADMIN,
        recordedAt: new Date().toISOString(),
      });
      const report = `mutation($i: ID!, $n: String!, $dt: LocalDate!) {
      recordElectionReport(dutyId: $i, letterNumber: $n, date: $dt, reason: "Laporan dikirim") { report { letterNumber recordedBy } } }`;
      expect(must(await d.gql(AGENCY_ADMIN, report, { i: duty.id, n: '800/12/BKD', dt: today() }))).toMatchObject({
        recordElectionReport: { report: { letterNumber: '800/12/BKD', recordedBy: AGENCY_ADMIN } },
      });
      // The same report again is answered, another one refused.
      must(await d.gql(AGENCY_ADMIN, report, { i: duty.id, n: '800/12/BKD', dt: today() }));
      const reportAudit = await stack.clients.candidate.listAllAuditRecords({
        selectionId: `election-report:${duty.id}`,
      });
      expect(reportAudit.map((r) => [r.kind, r.by.userId, r.payload.letterNumber])).toEqual([
        ['ELECTION_REPORT_RECORDED', AGENCY_ADMIN, '800/12/BKD'],
      ]);
      expectError(
        await d.gql(AGENCY_ADMIN, report, { i: duty.id, n: '800/13/BKD', dt: today() }),
        'ALREADY_DECIDED',
        'dutyId',
      );
    },
  );
});

describe('the open selection', () => {
  it('inside a window the PPK’s choice waits for the Minister’s permission', { timeout: 300_000 }, async () => {
    // The round runs in training mode (2 s a day): the window reaches far past its simulated days.
    must(await setSchedule(30, null));
    const created = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Terbuka JPT Pratama dalam Masa Pilkada',
        announcementDate: today(),
        vacancies: [
          { level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan', field: 'Pendidikan' },
        ],
        simulationSecondsPerDay: 2,
        rules: {
          // 12 s of registration: the applications get in even on a busy machine.
          registrationDays: 6,
          extensionDays: 1,
          extensionMaxTimes: 1,
          objectionWorkingDays: 1,
          minApplicantsPerVacancy: 3,
          overseerEra: 'KASN',
          overseerDecisionWorkingDays: 30,
        },
      }),
    ).createSelection;
    const id = created.id;
    const v1 = created.vacancies[0]!.id;
    await d.openRegistration(id, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
    const ids = await d.applyAll([1, 2, 3].map((n) => [cand(n), v1] as [string, string]));
    const scores = new Map(ids.map((a, i) => [a, 90 - 4 * i]));
    await d.waitFor(
      SECRETARY,
      id,
      (x) => x.stage === 'ADMINISTRATIVE_SCREENING' && x.applications.every((a) => a.eligible !== null),
      120_000,
    );
    must(await d.publishScreening(SECRETARY, id));
    await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT', 120_000);
    await d.assessAll(SECRETARY, id, scores, today());
    must(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'));
    await d.waitForStage(SECRETARY, id, 'INTERVIEW', 120_000);
    await d.interviewAll(id, MEMBERS, scores);
    must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));
    await d.waitForStage(SECRETARY, id, 'TRACK_RECORD', 120_000);
    await d.trackRecordAll(SECRETARY, id, scores);
    must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));
    await d.waitForStage(SECRETARY, id, 'OVERSEER_RECOMMENDATION', 120_000);
    must(await d.overseerDecision(OVERSEER, id, { subject: 'RESULT', verdict: 'APPROVE', reason: REASON }));
    await d.waitForStage(SECRETARY, id, 'APPOINTMENT_CHOICE', 120_000);

    const PROCESS = `query($id: ID!) { selectionProcess(selectionId: $id) { stage electionWindows { from to }
      electionPermission { letterNumber scope recordedBy } electionReportDutyId } }`;
    const proc = async () =>
      must(
        await d.gql<{
          selectionProcess: { stage: string; electionWindows: unknown[] | null; electionReportDutyId: string | null };
        }>(SECRETARY, PROCESS, { id }),
      ).selectionProcess;
    // The windows are resolved as the step opens; the choice waits.
    await expect.poll(async () => (await proc()).electionWindows, { timeout: 60_000 }).toHaveLength(1);
    expectError(await d.chooseAppointee(PPK, id, v1, ids[0]!), 'ELECTION_PERMISSION_REQUIRED', 'vacancyId');
    const permit = (scope: string) =>
      d.gql(
        SECRETARY,
        `mutation($s: ID!, $n: String!, $dt: LocalDate!, $sc: String!) {
          recordElectionPermission(selectionId: $s, letterNumber: $n, letterDate: $dt, scope: $sc, reason: "Izin diterima") { kind } }`,
        { s: id, n: '100.2.2.6/88/OTDA', dt: today(), sc: scope },
      );
    expectError(await permit(''), 'VALIDATION_FAILED', 'scope');
    must(await permit('Kepala Dinas Kesehatan'));
    must(await d.chooseAppointee(PPK, id, v1, ids[0]!));
    await d.waitForStage(SECRETARY, id, 'INAUGURATION', 120_000);
    const p = await proc();
    expect(p).toMatchObject({
      electionPermission: { letterNumber: '100.2.2.6/88/OTDA', scope: 'Kepala Dinas Kesehatan', recordedBy: SECRETARY },
      electionReportDutyId: `${id}:ELECTION_REPORT`,
    });
    // A history of the new shape (windows resolved from data, the permission, the duty) for the replay test.
    await saveHistory(stack.client.workflow.getHandle(`selection:${AGENCY.code}:${id}`), 'election-window-round');
    const duty = await stack.clients.candidate.getElectionReportDuty(`${id}:ELECTION_REPORT`);
    expect(duty).toMatchObject({
      route: 'OPEN_SELECTION',
      agencyCode: AGENCY.code,
      position: 'Kepala Dinas Kesehatan',
      report: null,
    });
  });
});
