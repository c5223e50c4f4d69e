/**
 * Every deadline of the open selection on Temporal's time-skipping test server (real services on
 * the real FerretDB): overseer silence (BKN: approval; KASN: escalation), a calendar amendment
 * moving a running working-day deadline, the 15-day registration, two 7-day extensions, and the
 * objection window.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  addCalendarDays,
  addWorkingDays,
  buildSelectionRules,
  localDateOf,
  periodDeadline,
  type Actor,
  type DateWindow,
  type HolidayCalendar,
  type HolidayYear,
  type JptLevel,
  type SelectionRules,
} from '@seleksi/domain';
import {
  calendarAmendedSignal,
  decideVacancyUpdate,
  fileObjectionUpdate,
  getSelectionStateQuery,
  overseerDecisionUpdate,
  publishScreeningUpdate,
  SEARCH_ATTRIBUTES,
  setPanselUpdate,
  seleksiDataConverter,
  startOpenSelection,
  submitApplicationUpdate,
  submitPlanUpdate,
  answerObjectionUpdate,
  chooseAppointeeUpdate,
  completeStageUpdate,
  recordAssessmentUpdate,
  recordElectionPermissionUpdate,
  recordInaugurationUpdate,
  recordPresidentialDecisionUpdate,
  recordTrackRecordUpdate,
  submitInterviewScoreUpdate,
  type OpenSelectionHandle,
  type OpenSelectionState,
} from '@seleksi/workflows';
import { createSeleksiWorker } from '@seleksi/workflows/worker';
import { eventually, startServices, workflowBundle, type ServicesStack } from './support/stack';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { saveHistory } from './support/histories';

const AGENCY = testAgency('TSPROV');
const SECRETARY: Actor = { userId: 'ts-sec', role: 'PANSEL_SECRETARY' };
const OVERSEER: Actor = { userId: 'ts-overseer', role: 'OVERSEER' };

/** temporal.api.enums.v1.IndexedValueType numbers for the types we use. */
const INDEXED_VALUE_TYPE: Record<string, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

let env: TestWorkflowEnvironment;
let services: ServicesStack;
let worker: Worker;
let running: Promise<void>;
const taskQueue = 'open-selection-deadlines';
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  const path = inject('temporalTestServerPath');
  // The project's own binary when installed; otherwise the SDK's download (for machines with internet).
  env = await TestWorkflowEnvironment.createTimeSkipping({
    ...(path && existsSync(path) ? { server: { executable: { type: 'existing-path', path } } } : {}),
    client: { dataConverter: seleksiDataConverter() },
  });
  // The Java test server accepts search attributes only once registered.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((a) => [a.name, INDEXED_VALUE_TYPE[a.type]!])),
  });
  services = await startServices(inject('mongoUri'), `ts_${Date.now().toString(36)}`);
  await services.clients.candidate.upsertAgency(AGENCY);
  // The clock starts at today's date and the tests skip it months ahead: give every year it can
  // reach a calendar, as an administrator would, so the tests' own working-day arithmetic (below)
  // uses the same calendar as the workflow whatever the date the suite runs on.
  const startYear = Number(localDateOf(await env.currentTimeMs(), AGENCY.timeZone).slice(0, 4));
  const known = await services.clients.candidate.getHolidayCalendar();
  for (const year of [startYear, startYear + 1, startYear + 2]) {
    if (!known[year]) await services.clients.candidate.putHolidayYear(testHolidayYear(year));
  }
  worker = await createSeleksiWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    ports: services.clients,
    workflowBundle: await workflowBundle(),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await services?.close();
  await env?.teardown();
});

let seq = 0;
async function start(
  rules: SelectionRules,
  vacancies = 1,
  opts: { level?: JptLevel; regionalSecretary?: boolean; electionWindows?: DateWindow[] } = {},
): Promise<{ handle: OpenSelectionHandle; id: string; today: string }> {
  const nowMs = await env.currentTimeMs();
  const today = localDateOf(nowMs, AGENCY.timeZone);
  const selectionId = `JPT-TS-${nowMs.toString(36)}-${++seq}`;
  const calendar: HolidayCalendar = await services.clients.candidate.getHolidayCalendar();
  const handle = await startOpenSelection(
    env.client,
    {
      selectionId,
      agency: AGENCY,
      title: 'Seleksi uji tenggat waktu',
      announcementDate: today,
      registrationClosesAt: periodDeadline(
        today,
        rules.registrationDays,
        'CALENDAR',
        'WITA',
        calendar,
      ).closesAt.toISOString(),
      plannedInaugurationDate: today,
      vacancies: Array.from({ length: vacancies }, (_, i) => ({
        id: `${selectionId}-V${i + 1}`,
        level: opts.level ?? 'PRATAMA',
        position: opts.regionalSecretary ? 'Sekretaris Daerah' : `Kepala Dinas Uji ${i + 1}`,
        unit: opts.regionalSecretary ? 'Sekretariat Daerah' : `Dinas Uji ${i + 1}`,
        regionalSecretary: opts.regionalSecretary ?? false,
      })),
      rules,
      calendar,
      electionWindows: opts.electionWindows ?? [],
      requirements: ['Berstatus Pegawai Negeri Sipil;'],
      signatory: { name: 'Ketua Pansel Uji', title: 'Ketua Panitia Seleksi' },
      ppkTitle: 'Gubernur Provinsi Uji',
      createdBy: SECRETARY,
      createdAt: new Date(nowMs).toISOString(),
    },
    taskQueue,
  );
  await handle.executeUpdate(setPanselUpdate, { args: [{ actor: SECRETARY, members: testPansel(selectionId) }] });
  await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: SECRETARY }] });
  return { handle, id: selectionId, today };
}

async function stateOf(handle: OpenSelectionHandle): Promise<OpenSelectionState> {
  return handle.query(getSelectionStateQuery);
}

/** A year the shipped calendar lacks: its fixed-date national holidays (moving ones are not known ahead). */
function testHolidayYear(year: number): HolidayYear {
  const day = (md: string, name: string) => ({ date: `${year}-${md}`, name });
  return {
    year,
    holidays: [
      day('01-01', 'Tahun Baru Masehi'),
      day('05-01', 'Hari Buruh Internasional'),
      day('06-01', 'Hari Lahir Pancasila'),
      day('08-17', 'Hari Kemerdekaan Republik Indonesia'),
      day('12-25', 'Kelahiran Yesus Kristus'),
    ],
    cutiBersama: [],
    source: 'Kalender uji (tanggal tetap saja)',
  };
}

/**
 * Skips the clock an hour past the running deadline the workflow published (waiting until it has
 * published one still ahead), so a test never assumes how many calendar days N working days take:
 * that depends on the date the suite runs and on how far earlier tests moved the shared clock.
 */
async function passDeadline(handle: OpenSelectionHandle, label: string): Promise<OpenSelectionState> {
  const nowMs = await env.currentTimeMs();
  const s = await eventually(async () => {
    const st = await stateOf(handle);
    return st.deadline?.label === label && new Date(st.deadline.at).getTime() > nowMs ? st : null;
  });
  await env.sleep(new Date(s.deadline!.at).getTime() - nowMs + HOUR_MS);
  return s;
}

async function stageIs(handle: OpenSelectionHandle, stage: string): Promise<OpenSelectionState> {
  return eventually(async () => {
    const s = await stateOf(handle);
    return s.stage === stage ? s : null;
  });
}

describe('open-selection deadlines (time-skipping)', () => {
  it('BKN silence approves the plan after 5 working days; an amended calendar moves that deadline', async () => {
    const { handle, today } = await start(buildSelectionRules({ overseer: { era: 'BKN' } }));
    const planned = await stageIs(handle, 'PLAN_APPROVAL');
    expect(planned.deadline?.label).toBe('OVERSEER');
    const calendar = await services.clients.candidate.getHolidayCalendar();
    expect(planned.deadline?.lastDay).toBe(addWorkingDays(today, 5, calendar));

    // An administrator declares the next working day a holiday: the running deadline moves one working day.
    const nextWorkingDay = addWorkingDays(today, 1, calendar);
    const year = Number(nextWorkingDay.slice(0, 4));
    const base = calendar[year] ?? { year, holidays: [], cutiBersama: [], source: 'uji' };
    const amended: HolidayCalendar = {
      ...calendar,
      [year]: {
        ...base,
        cutiBersama: [...base.cutiBersama, { date: nextWorkingDay, name: 'Cuti bersama tambahan (uji)' }],
      },
    };
    await handle.signal(calendarAmendedSignal, {
      calendar: amended,
      by: { userId: 'admin', role: 'ADMIN' },
      reason: 'SKB perubahan (uji)',
    });
    const moved = await eventually(async () => {
      const s = await stateOf(handle);
      return s.calendarRevision === 1 ? s : null;
    });
    expect(moved.deadline?.lastDay).toBe(addWorkingDays(today, 5, amended));
    expect(moved.deadline?.lastDay).not.toBe(planned.deadline?.lastDay);

    await passDeadline(handle, 'OVERSEER');
    const open = await stageIs(handle, 'REGISTRATION_OPEN');
    expect(open.decisions.map((d) => d.kind)).toContain('OVERSEER_SILENCE');
    const audit = await services.clients.candidate.listAllAuditRecords({ selectionId: open.selectionId });
    expect(audit.find((r) => r.kind === 'OVERSEER_SILENCE')?.by.userId).toBe('system');
    expect(audit.find((r) => r.kind === 'CALENDAR_AMENDED')?.reason).toBe('SKB perubahan (uji)');
    await saveHistory(handle, 'bkn-silence-calendar-amendment-v2');
  });

  it('KASN silence escalates instead of approving; the overseer then approves', async () => {
    const { handle } = await start(buildSelectionRules({ overseer: { era: 'KASN' } }));
    await stageIs(handle, 'PLAN_APPROVAL');
    await passDeadline(handle, 'OVERSEER');
    const escalated = await eventually(async () => {
      const s = await stateOf(handle);
      return (s.overseer?.escalations ?? 0) >= 1 ? s : null;
    });
    expect(escalated.stage).toBe('PLAN_APPROVAL');
    expect(escalated.documents.filter((d) => d.kind === 'LETTER_TO_OVERSEER').length).toBeGreaterThanOrEqual(2);
    await handle.executeUpdate(overseerDecisionUpdate, {
      args: [{ actor: OVERSEER, subject: 'PLAN', verdict: 'APPROVE', reason: 'Rencana sesuai ketentuan' }],
    });
    await stageIs(handle, 'REGISTRATION_OPEN');
    await saveHistory(handle, 'kasn-escalation-v2');
  });

  it('15-day registration, two 7-day extensions, then the Pansel cancels the undersubscribed vacancy', async () => {
    const { handle, id } = await start(buildSelectionRules({ overseer: { era: 'BKN' } }));
    await stageIs(handle, 'PLAN_APPROVAL');
    await handle.executeUpdate(overseerDecisionUpdate, {
      args: [{ actor: OVERSEER, subject: 'PLAN', verdict: 'APPROVE', reason: 'Rencana sesuai ketentuan' }],
    });
    const open = await stageIs(handle, 'REGISTRATION_OPEN');
    const firstClose = open.deadline!.lastDay;

    await passDeadline(handle, 'REGISTRATION');
    const ext1 = await stageIs(handle, 'REGISTRATION_EXTENDED');
    expect(ext1.vacancies[0]!.extensions).toBe(1);
    expect(ext1.deadline!.lastDay > firstClose).toBe(true);
    expect(ext1.documents.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['EXTENSION_NOTICE', 'LETTER_TO_OVERSEER']),
    );

    await passDeadline(handle, 'REGISTRATION');
    await eventually(async () => ((await stateOf(handle)).vacancies[0]!.extensions === 2 ? true : null));
    await passDeadline(handle, 'REGISTRATION');
    const closed = await stageIs(handle, 'REGISTRATION_CLOSED');
    expect(closed.vacancies[0]).toMatchObject({ status: 'AWAITING_DECISION', pendingDecision: 'TOO_FEW_APPLICANTS' });

    await handle.executeUpdate(decideVacancyUpdate, {
      args: [
        {
          actor: SECRETARY,
          vacancyId: `${id}-V1`,
          outcome: 'CANCEL',
          reason: 'Pelamar tidak mencukupi setelah 2 kali perpanjangan',
        },
      ],
    });
    const cancelled = await stageIs(handle, 'CANCELLED');
    expect(cancelled.vacancies[0]).toMatchObject({ status: 'CANCELLED', outcome: 'CANCEL' });
    const readModel = await services.clients.candidate.getSelection(id);
    expect(readModel?.vacancies[0]?.status).toBe('CANCELLED');
    expect(readModel?.stageHistory.map((e) => e.stage)).toEqual(
      expect.arrayContaining([
        'PLANNED',
        'PLAN_APPROVAL',
        'REGISTRATION_OPEN',
        'REGISTRATION_EXTENDED',
        'REGISTRATION_CLOSED',
        'CANCELLED',
      ]),
    );
    await saveHistory(handle, 'extensions-then-cancelled-v2');
  });

  it('keeps the objection window open its working days, refuses late objections, and waits for answers', async () => {
    const { handle, id } = await start(buildSelectionRules({ overseer: { era: 'BKN' }, minApplicantsPerVacancy: 4 }));
    await stageIs(handle, 'PLAN_APPROVAL');
    await handle.executeUpdate(overseerDecisionUpdate, {
      args: [{ actor: OVERSEER, subject: 'PLAN', verdict: 'APPROVE', reason: 'Rencana sesuai ketentuan' }],
    });
    await stageIs(handle, 'REGISTRATION_OPEN');
    const candidates = [0, 1, 2, 3].map((i) => eligibleProfile(`${id}-c${i}`, AGENCY.code, i));
    for (const p of candidates) {
      await services.clients.candidate.upsertProfile(p);
      await handle.executeUpdate(submitApplicationUpdate, {
        args: [{ actor: { userId: `u-${p.id}`, role: 'CANDIDATE' }, candidateId: p.id, vacancyId: `${id}-V1` }],
      });
    }
    await passDeadline(handle, 'REGISTRATION');
    const screened = await eventually(async () => {
      const s = await stateOf(handle);
      return s.stage === 'ADMINISTRATIVE_SCREENING' && s.applications.every((a) => a.eligible !== null) ? s : null;
    });
    expect(screened.applications.map((a) => a.failedRequirements)).toEqual([[], [], [], []]);
    expect(screened.applications.map((a) => a.eligible)).toEqual([true, true, true, true]);
    await handle.executeUpdate(publishScreeningUpdate, { args: [{ actor: SECRETARY }] });
    const window = await stageIs(handle, 'ADMINISTRATIVE_OBJECTIONS');
    expect(window.deadline?.label).toBe('OBJECTIONS');

    const first = screened.applications[0]!;
    const objector = {
      actor: { userId: `u-${first.candidateId}`, role: 'CANDIDATE' as const },
      applicationId: first.applicationId,
      candidateId: first.candidateId,
    };
    await handle.executeUpdate(fileObjectionUpdate, {
      args: [{ ...objector, text: 'Nilai SKP saya tahun 2024 tercatat keliru' }],
    });

    await passDeadline(handle, 'OBJECTIONS');
    await eventually(async () => {
      const s = await services.clients.candidate.getSelection(id);
      return s?.stageHistory.some((e) => e.reasonCode === 'OBJECTION_WINDOW_CLOSED') ? true : null;
    });
    const late = handle.executeUpdate(fileObjectionUpdate, {
      args: [
        {
          ...objector,
          applicationId: screened.applications[1]!.applicationId,
          candidateId: screened.applications[1]!.candidateId,
          text: 'Sanggahan yang terlambat diajukan',
        },
      ],
    });
    await expect(late).rejects.toMatchObject({ cause: { type: 'OBJECTION_WINDOW_CLOSED' } });
    // The window is over but the process waits for the Pansel's answer.
    expect((await stateOf(handle)).stage).toBe('ADMINISTRATIVE_OBJECTIONS');
    await handle.executeUpdate(answerObjectionUpdate, {
      args: [
        {
          actor: SECRETARY,
          objectionId: `${first.applicationId}:ADMINISTRATIVE:1`,
          upheld: false,
          answer: 'Data SKP sesuai dokumen resmi',
        },
      ],
    });
    await stageIs(handle, 'COMPETENCY_ASSESSMENT');
    await saveHistory(handle, 'objection-window-v2');
  });

  it('a provincial Sekda (Madya) goes to the President through the Home Affairs Minister; the election window needs permission', async () => {
    const nowMs = await env.currentTimeMs();
    const start0 = localDateOf(nowMs, AGENCY.timeZone);
    const window: DateWindow = { from: start0, to: addCalendarDays(start0, 400), label: 'Pilkada serentak (uji)' };
    const { handle, id } = await start(
      buildSelectionRules({ overseer: { era: 'BKN' }, minApplicantsPerVacancy: 3 }),
      1,
      {
        level: 'MADYA',
        regionalSecretary: true,
        electionWindows: [window],
      },
    );
    const approve = (subject: 'PLAN' | 'RESULT') =>
      handle.executeUpdate(overseerDecisionUpdate, {
        args: [{ actor: OVERSEER, subject, verdict: 'APPROVE', reason: 'Sesuai ketentuan' }],
      });
    await stageIs(handle, 'PLAN_APPROVAL');
    await approve('PLAN');
    await stageIs(handle, 'REGISTRATION_OPEN');
    // Madya: a JPT Pratama for 2+ years, 7+ years of related experience, rank IV/c or higher.
    const candidates = [0, 1, 2, 3].map((i) =>
      eligibleProfile(`${id}-m${i}`, AGENCY.code, i, {
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
      }),
    );
    for (const p of candidates) {
      await services.clients.candidate.upsertProfile(p);
      await handle.executeUpdate(submitApplicationUpdate, {
        args: [{ actor: { userId: `u-${p.id}`, role: 'CANDIDATE' }, candidateId: p.id, vacancyId: `${id}-V1` }],
      });
    }
    await passDeadline(handle, 'REGISTRATION');
    const screened = await eventually(async () => {
      const st = await stateOf(handle);
      return st.stage === 'ADMINISTRATIVE_SCREENING' && st.applications.every((a) => a.eligible !== null) ? st : null;
    });
    expect(screened.applications.map((a) => a.failedRequirements)).toEqual([[], [], [], []]);
    await handle.executeUpdate(publishScreeningUpdate, { args: [{ actor: SECRETARY }] });
    await stageIs(handle, 'ADMINISTRATIVE_OBJECTIONS');
    await passDeadline(handle, 'OBJECTIONS');
    await stageIs(handle, 'COMPETENCY_ASSESSMENT');

    const apps = screened.applications.map((a) => a.applicationId);
    const assessedAt = localDateOf(await env.currentTimeMs(), AGENCY.timeZone);
    for (const [i, applicationId] of apps.entries()) {
      const score = 90 - i * 4;
      await handle.executeUpdate(recordAssessmentUpdate, {
        args: [
          {
            actor: SECRETARY,
            applicationId,
            managerial: score,
            socioCultural: score,
            paper: score,
            presentation: score,
            assessedAt,
          },
        ],
      });
    }
    await handle.executeUpdate(completeStageUpdate, { args: [{ actor: SECRETARY, stage: 'COMPETENCY_ASSESSMENT' }] });
    await stageIs(handle, 'INTERVIEW');
    for (const m of testPansel(id)) {
      for (const [i, applicationId] of apps.entries()) {
        await handle.executeUpdate(submitInterviewScoreUpdate, {
          args: [
            { actor: { userId: m.userId, role: 'PANSEL_MEMBER' }, memberId: m.id, applicationId, score: 88 - i * 4 },
          ],
        });
      }
    }
    await handle.executeUpdate(completeStageUpdate, { args: [{ actor: SECRETARY, stage: 'INTERVIEW' }] });
    await stageIs(handle, 'TRACK_RECORD');
    for (const applicationId of apps) {
      await handle.executeUpdate(recordTrackRecordUpdate, {
        args: [{ actor: SECRETARY, applicationId, score: 85, findings: 'Tidak ada temuan negatif', eliminate: false }],
      });
    }
    await handle.executeUpdate(completeStageUpdate, { args: [{ actor: SECRETARY, stage: 'TRACK_RECORD' }] });
    const ranked = await stageIs(handle, 'FINAL_OBJECTIONS');
    const shortlist = ranked.vacancies[0]!.shortlist;
    expect(shortlist).toEqual(apps.slice(0, 3));
    await passDeadline(handle, 'OBJECTIONS');
    await stageIs(handle, 'OVERSEER_RECOMMENDATION');
    await approve('RESULT');
    await stageIs(handle, 'APPOINTMENT_CHOICE');

    const ppk: Actor = { userId: 'ts-ppk', role: 'PPK' };
    const choose = (applicationId: string) =>
      handle.executeUpdate(chooseAppointeeUpdate, { args: [{ actor: ppk, vacancyId: `${id}-V1`, applicationId }] });
    await expect(choose(shortlist[0]!)).rejects.toMatchObject({ cause: { type: 'ELECTION_PERMISSION_REQUIRED' } });
    await handle.executeUpdate(recordElectionPermissionUpdate, {
      args: [
        {
          actor: SECRETARY,
          letterNumber: '100.2.2.6/1234/OTDA',
          letterDate: assessedAt,
          reason: 'Izin tertulis Menteri Dalam Negeri',
        },
      ],
    });
    const proposal = await choose(shortlist[0]!);
    expect(proposal.kind).toBe('APPOINTEE_CHOSEN');
    const proposed = await stateOf(handle);
    // The PPK only proposes a Madya post: the President decides.
    expect(proposed.vacancies[0]).toMatchObject({ proposedApplicationId: shortlist[0], appointedApplicationId: null });
    const timeline = await services.clients.candidate.getApplication(shortlist[0]!);
    expect(timeline?.timeline.map((e) => e.reasonCode)).toContain('PROPOSED_TO_PRESIDENT');

    const president = (justification?: string) =>
      handle.executeUpdate(recordPresidentialDecisionUpdate, {
        args: [
          {
            actor: SECRETARY,
            vacancyId: `${id}-V1`,
            applicationId: shortlist[1]!,
            decreeNumber: '45/TPA/2027',
            decreeDate: assessedAt,
            justification,
          },
        ],
      });
    await expect(president()).rejects.toMatchObject({ cause: { type: 'JUSTIFICATION_REQUIRED' } });
    await president('Presiden memilih peringkat kedua atas pertimbangan kebutuhan organisasi');
    const decreed = await stageIs(handle, 'INAUGURATION');
    expect(decreed.vacancies[0]).toMatchObject({
      status: 'DECREED',
      decreeNumber: '45/TPA/2027',
      appointedApplicationId: shortlist[1],
    });
    await handle.executeUpdate(recordInaugurationUpdate, {
      args: [{ actor: SECRETARY, vacancyId: `${id}-V1`, date: assessedAt, place: 'Istana Negara, Jakarta' }],
    });
    const done = await stageIs(handle, 'COMPLETED');
    expect(done.decisions.map((d) => d.kind)).toEqual(
      expect.arrayContaining([
        'ELECTION_PERMISSION_RECORDED',
        'PRESIDENTIAL_DECISION_RECORDED',
        'INAUGURATION_RECORDED',
      ]),
    );
    expect(done.documents.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['APPOINTMENT_DECREE', 'INAUGURATION_MINUTES', 'COMPLETION_REPORT']),
    );
    expect((await services.clients.candidate.getApplication(shortlist[1]!))?.status).toBe('APPOINTED');
    expect((await services.clients.candidate.getApplication(shortlist[0]!))?.status).toBe('NOT_APPOINTED');
    await saveHistory(handle, 'madya-president-route-v2');
  });
});
