/**
 * FROZEN: the open-selection workflow as it ran before the stage-module layout (one run for the whole
 * round, per-applicant activity chains). Rounds started before that change replay and finish on this
 * code: `openSelectionWorkflow` branches here when its history has no 'stage-run-v2' marker. Never
 * change what it does; delete it once `temporal workflow list --query "WorkflowType='openSelectionWorkflow'
 * AND ExecutionStatus='Running' AND StartTime < '2026-12-07'"` is empty and no stored history needs it.
 *
 * Shared helpers: the pure pieces it had word for word with the current modules (initial state, score
 * rows, ranking, outcome and verdict codes, Pansel checks) are imported from them. They are guarded by
 * the replay tests over stored v1 histories: a change to them that alters v1's commands fails
 * `replay.test.ts`. Replay compares commands, not activity inputs or state, so a change to what a
 * helper returns also changes what running v1 rounds store: keep such a change out of them.
 *
 * The open-selection process (seleksi terbuka), read top-down like the regulation (domain.md §1):
 * plan → overseer approves the plan → announcement and registration (extensions) → administrative
 * screening → objections → competency assessment → interview → track record → final ranking
 * (3 names per vacancy) → objections → report to the PPK → overseer recommendation (correction loop)
 * → choice of 1 of 3 → decree → inauguration → completion report.
 *
 * Every human decision is an Update whose validator refuses it with a typed failure, and whose
 * handler records who, when and why in the audit record. Stages are a loop over a `next` pointer so
 * the overseer or an upheld objection can send the process back to the stage at fault.
 */
// open-selection: full process
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { decisionRecorder } from '../../decision-recorder';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  applicationId,
  appointmentRoute,
  checkAppointeeChoice,
  electionWindowAt,
  endOfLocalDay,
  interviewScore,
  isIncumbentLocked,
  isLocalDate,
  isValidScore,
  localDateOf,
  needsCalibration,
  periodDeadline,
  startOfLocalDay,
  weightedTotal,
} from '@seleksi/domain';
import type {
  Actor,
  ApplicationStatus,
  DayKind,
  HolidayCalendar,
  LocalDate,
  ReasonCode,
  SelectionStage,
} from '@seleksi/domain';
import type { OpenSelectionActivities, StageDocumentKind, StageDocumentSpec } from '../activities';
import {
  answerObjectionUpdate,
  calendarAmendedSignal,
  chooseAppointeeUpdate,
  completeStageUpdate,
  declareConflictUpdate,
  decideVacancyUpdate,
  fileObjectionUpdate,
  getSelectionStateQuery,
  overrideScreeningUpdate,
  overseerDecisionUpdate,
  publishScreeningUpdate,
  recordAssessmentUpdate,
  recordElectionPermissionUpdate,
  recordInaugurationUpdate,
  recordPresidentialDecisionUpdate,
  recordTrackRecordUpdate,
  setPanselUpdate,
  submitApplicationUpdate,
  submitInterviewScoreUpdate,
  submitPlanUpdate,
  submittedApplicationState,
  withdrawApplicationUpdate,
  type ApplicationState,
  type CorrectableStage,
  type DeadlineState,
  type OpenSelectionFailureType,
  type OpenSelectionInput,
  type OpenSelectionState,
  type OverseerDecisionArgs,
  type OverseerSubject,
  type SetPanselArgs,
  type SubmitApplicationArgs,
  type VacancyPlan,
  type VacancyState,
} from '../definitions';
import { SelectionStageKey, StageDeadlineKey } from '../../search-attributes';
import { assessmentRecord, interviewScoreRecord, trackRecordScoreRecord, vacancyOutcomeEffect } from '../decisions';
import { checkPanselMembers } from '../guards';
import { initialState } from '../run';
import { overseerVerdictCode } from '../stages/common';
import { rankVacancies, STAGE_ORDER } from '../stages/ranking';

const acts = proxyActivities<OpenSelectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

/** Decisions taken by a rule rather than a person (silence of the overseer, deadlines). */
const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'ADMIN', displayName: 'Sistem (aturan tenggat waktu)' };

type Next = 'PLAN' | 'ANNOUNCE' | CorrectableStage | 'REPORT' | 'APPOINTMENT_CHOICE' | 'DECREE' | 'DONE';

interface DeadlineSpec {
  label: DeadlineState['label'];
  /** PERIOD: `days` counted from `from` as day 1; AFTER: the `days`-th day after `from`. */
  mode: 'PERIOD' | 'AFTER';
  from: LocalDate;
  days: number;
  kind: DayKind;
}

function fail(type: OpenSelectionFailureType, message: string, field?: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ field }] });
}

function requireText(value: string | null | undefined, field: string, what: string, min = 5): void {
  if (!value || value.trim().length < min)
    fail('VALIDATION_FAILED', `${what} wajib diisi (minimal ${min} karakter)`, field);
}

/** Years the calendar lacks get weekends only, so a running deadline never fails; an amendment corrects it. */
function withFallbackYears(calendar: HolidayCalendar, fromYear: number): HolidayCalendar {
  const out: HolidayCalendar = { ...calendar };
  for (let y = fromYear - 1; y <= fromYear + 3; y++) {
    out[y] ??= { year: y, holidays: [], cutiBersama: [], source: 'Belum tersedia (hanya Sabtu dan Minggu)' };
  }
  return out;
}

export async function legacyOpenSelectionWorkflow(input: OpenSelectionInput): Promise<OpenSelectionState> {
  const workflowId = workflowInfo().workflowId;
  const record = decisionRecorder({
    decisions: () => state.decisions,
    subjectOfRecord: input.selectionId,
    workflowId,
    recordAudit: (dto) => acts.recordAudit(dto),
  });
  const tz = input.agency.timeZone;
  const rules = input.rules;

  // Clock: real time, or compressed time in training mode (every day lasts secondsPerDay seconds).
  const speed = input.simulation ? 86_400 / input.simulation.secondsPerDay : 1;
  const realStart = workflowInfo().startTime.getTime();
  const now = (): number => (speed === 1 ? Date.now() : realStart + (Date.now() - realStart) * speed);
  const nowIso = (): string => new Date(now()).toISOString();
  const today = (): LocalDate => localDateOf(now(), tz);
  const startYear = Number(localDateOf(realStart, tz).slice(0, 4));
  let calendar = withFallbackYears(input.calendar, startYear);

  const state: OpenSelectionState = initialState(input);

  // Flags the main flow waits on, set by Update handlers.
  let planSubmitted = false;
  let screeningPublished = false;
  /**
   * Screening results not yet announced: candidates learn MS/TMS when the Pansel publishes the result
   * (with its BA and announcement), not when the engine or an override decides. Application id → the
   * override's reason (null: the engine's result).
   */
  const unannouncedScreening = new Map<string, { overrideReason: string | null }>();
  const SCREENING_ON_PUBLICATION = 'screening-status-on-publication';
  let completedStage: string | null = null;
  let overseerVerdict: OverseerDecisionArgs | null = null;
  let reRankRequested = false;
  let deadlineSpec: DeadlineSpec | null = null;
  let eventSeq = 0;
  let objectionRound = 0;
  let screeningRevision = 0;
  let rankingRevision = 0;
  let lastIssuedScreeningRevision = 0;
  /** Final objections whose reopening was already acted on. */
  const reopenHandled = new Set<string>();
  /** Interview round each application restarted from after a correction. */
  const interviewBaseRound = new Map<string, number>();

  const plan = (vacancyId: string): VacancyPlan | undefined => input.vacancies.find((v) => v.id === vacancyId);
  const vacancy = (vacancyId: string): VacancyState | undefined => state.vacancies.find((v) => v.id === vacancyId);
  const app = (id: string): ApplicationState | undefined => state.applications.find((a) => a.applicationId === id);
  const inSelection = (v: VacancyState): boolean => ['IN_SELECTION', 'SHORTLISTED'].includes(v.status);
  /** Applications still competing: vacancy in selection, not withdrawn, eligible, not eliminated. */
  const competing = (): ApplicationState[] =>
    state.applications.filter(
      (a) => !a.withdrawn && a.eligible === true && !a.trackRecord?.eliminated && inSelection(vacancy(a.vacancyId)!),
    );
  const member = (actor: Actor) => state.pansel.find((m) => m.userId === actor.userId);
  const recusedFor = (memberId: string, candidateId: string): boolean =>
    (state.conflicts[memberId] ?? []).includes(candidateId);
  const expectedInterviewers = (a: ApplicationState) => state.pansel.filter((m) => !recusedFor(m.id, a.candidateId));

  // -------------------------------------------------------------------------------------------
  // Queries, signals and decision handlers (registered before the first await)

  setHandler(getSelectionStateQuery, () => state);

  setHandler(calendarAmendedSignal, async (amendment) => {
    calendar = withFallbackYears(amendment.calendar, startYear);
    state.calendarRevision += 1;
    refreshDeadline();
    await record('CALENDAR_AMENDED', amendment.by, amendment.reason, null, {
      revision: state.calendarRevision,
      deadline: state.deadline,
    });
  });

  setHandler(
    submitApplicationUpdate,
    async (args) => {
      const id = applicationId(args.vacancyId, args.candidateId);
      const submittedAt = nowIso();
      const a = submittedApplicationState({
        applicationId: id,
        candidateId: args.candidateId,
        vacancyId: args.vacancyId,
        submittedAt,
        homePpkPermission: args.homePpkPermission ?? false,
      });
      state.applications.push(a); // reserved before the activity, so a concurrent duplicate is refused
      state.applicationsPerVacancy[args.vacancyId] = (state.applicationsPerVacancy[args.vacancyId] ?? 0) + 1;
      try {
        const stored = await acts.storeApplication({
          id,
          selectionId: input.selectionId,
          vacancyId: args.vacancyId,
          candidateId: args.candidateId,
          submittedAt,
          homePpkPermission: a.homePpkPermission,
        });
        const decision = await record('APPLICATION_SUBMITTED', args.actor, null, id, { vacancyId: args.vacancyId });
        return {
          applicationId: stored.id,
          vacancyId: stored.vacancyId,
          status: stored.status,
          submittedAt: stored.submittedAt,
          decision,
        };
      } catch (err) {
        state.applications = state.applications.filter((x) => x !== a);
        state.applicationsPerVacancy[args.vacancyId] = (state.applicationsPerVacancy[args.vacancyId] ?? 1) - 1;
        throw err;
      }
    },
    { validator: validateApplication, description: 'A candidate applies to one vacancy during registration' },
  );

  setHandler(
    setPanselUpdate,
    async (args) => {
      state.pansel = args.members.map((m) => ({ ...m }));
      return record('PANSEL_SET', args.actor, null, null, {
        members: args.members.map((m) => ({ id: m.id, internal: m.internal, role: m.role })),
        decreeReference: args.decreeReference ?? null,
      });
    },
    {
      validator: (args: SetPanselArgs) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'PLANNED') fail('WRONG_STAGE', 'Panitia seleksi hanya dapat diubah pada tahap perencanaan');
        checkPanselMembers(args.members, rules.pansel);
      },
    },
  );

  setHandler(
    submitPlanUpdate,
    async (args) => {
      planSubmitted = true;
      return record('PLAN_SUBMITTED', args.actor, null, null, { rulesVersion: rules.version });
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'PLANNED' || planSubmitted) fail('WRONG_STAGE', 'Rencana seleksi sudah diajukan');
        if (state.pansel.length === 0) fail('INCOMPLETE', 'Tetapkan panitia seleksi terlebih dahulu', 'pansel');
      },
    },
  );

  setHandler(
    overseerDecisionUpdate,
    async (args) => {
      overseerVerdict = args;
      return record('OVERSEER_DECIDED', args.actor, args.reason, null, {
        subject: args.subject,
        verdict: args.verdict,
        stageAtFault: args.stageAtFault ?? null,
        reference: args.reference ?? null,
      });
    },
    {
      validator: (args) => {
        if (args.actor.role !== 'OVERSEER') fail('FORBIDDEN', 'Hanya lembaga pengawas yang dapat memutuskan', 'actor');
        const stage = args.subject === 'PLAN' ? 'PLAN_APPROVAL' : 'OVERSEER_RECOMMENDATION';
        if (state.stage !== stage || state.overseer?.subject !== args.subject || overseerVerdict) {
          fail('WRONG_STAGE', 'Tidak ada permintaan yang menunggu keputusan lembaga pengawas untuk hal ini', 'subject');
        }
        requireText(args.reason, 'reason', 'Alasan/pertimbangan');
        if (args.verdict === 'REQUEST_CORRECTION' && args.subject === 'RESULT' && !args.stageAtFault) {
          fail('VALIDATION_FAILED', 'Sebutkan tahapan yang perlu diperbaiki', 'stageAtFault');
        }
      },
    },
  );

  setHandler(
    decideVacancyUpdate,
    async (args) => {
      const v = vacancy(args.vacancyId)!;
      const { reasonCode, status } = vacancyOutcomeEffect(args.outcome);
      const why = v.pendingDecision;
      v.outcome = args.outcome;
      v.pendingDecision = null;
      v.status = status;
      const decision = await record('VACANCY_DECIDED', args.actor, args.reason, v.id, { outcome: args.outcome, why });
      for (const a of state.applications.filter((x) => x.vacancyId === v.id && !x.withdrawn)) {
        if (!isClosed(a.status)) await setStatus(a, 'CANCELLED', reasonCode, args.reason);
      }
      await issue('VACANCY_CANCELLATION', `VACANCY_CANCELLATION:${v.id}`, {
        vacancyIds: [v.id],
        extra: { outcome: args.outcome, reason: args.reason, why: why ?? '' },
      });
      await project();
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        const v = vacancy(args.vacancyId);
        if (!v) fail('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan pada seleksi ini', 'vacancyId');
        if (!v.pendingDecision)
          fail('WRONG_STAGE', 'Lowongan ini tidak sedang menunggu keputusan panitia', 'vacancyId');
        requireText(args.reason, 'reason', 'Alasan keputusan');
      },
    },
  );

  setHandler(
    overrideScreeningUpdate,
    async (args) => {
      const a = app(args.applicationId)!;
      a.eligible = args.eligible;
      a.screeningReopened = false;
      if (state.stage === 'ADMINISTRATIVE_OBJECTIONS') screeningRevision += 1;
      const at = nowIso();
      const decision = await record('SCREENING_OVERRIDDEN', args.actor, args.reason, a.applicationId, {
        eligible: args.eligible,
      });
      await acts.storeScreeningOverride(a.applicationId, {
        eligible: args.eligible,
        reason: args.reason,
        actor: args.actor,
        at,
      });
      if (!screeningPublished && state.stage === 'ADMINISTRATIVE_SCREENING' && patched(SCREENING_ON_PUBLICATION)) {
        unannouncedScreening.set(a.applicationId, { overrideReason: args.reason });
      } else {
        await setStatus(a, args.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE', 'SCREENING_OVERRIDDEN', args.reason);
      }
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        const a = existingApp(args.applicationId);
        const open =
          (state.stage === 'ADMINISTRATIVE_SCREENING' && !screeningPublished && a.eligible !== null) ||
          (state.stage === 'ADMINISTRATIVE_OBJECTIONS' && a.screeningReopened);
        if (!open)
          fail('WRONG_STAGE', 'Hasil administrasi lamaran ini tidak dapat diubah pada tahap ini', 'applicationId');
        if (a.withdrawn) fail('WRONG_STAGE', 'Lamaran sudah ditarik', 'applicationId');
        requireText(args.reason, 'reason', 'Alasan perubahan hasil administrasi', 10);
      },
    },
  );

  setHandler(
    publishScreeningUpdate,
    async (args) => {
      screeningPublished = true;
      return record('SCREENING_PUBLISHED', args.actor, null, null, {
        eligible: state.applications.filter((a) => a.eligible === true).length,
        notEligible: state.applications.filter((a) => a.eligible === false).length,
      });
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'ADMINISTRATIVE_SCREENING' || screeningPublished) {
          fail('WRONG_STAGE', 'Hasil seleksi administrasi tidak dapat diumumkan pada tahap ini');
        }
        const pending = state.applications.filter(
          (a) => !a.withdrawn && a.eligible === null && inSelection(vacancy(a.vacancyId)!),
        );
        if (pending.length > 0) fail('INCOMPLETE', `${pending.length} lamaran belum selesai diperiksa`);
      },
    },
  );

  setHandler(
    fileObjectionUpdate,
    async (args) => {
      const phase = state.stage === 'ADMINISTRATIVE_OBJECTIONS' ? 'ADMINISTRATIVE' : 'FINAL';
      const objectionId = `${args.applicationId}:${phase}:${objectionRound}`;
      state.objections.push({
        objectionId,
        applicationId: args.applicationId,
        phase,
        filedAt: nowIso(),
        upheld: null,
        answeredAt: null,
        reopenStage: null,
      });
      const decision = await record('OBJECTION_FILED', args.actor, args.text, objectionId, {
        applicationId: args.applicationId,
        phase,
      });
      await timeline(app(args.applicationId)!, 'OBJECTION_FILED', null);
      return decision;
    },
    {
      validator: (args) => {
        if (args.actor.role !== 'CANDIDATE')
          fail('FORBIDDEN', 'Hanya peserta yang dapat mengajukan sanggahan', 'actor');
        const a = existingApp(args.applicationId);
        if (a.candidateId !== args.candidateId) fail('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
        if (state.stage !== 'ADMINISTRATIVE_OBJECTIONS' && state.stage !== 'FINAL_OBJECTIONS') {
          fail('OBJECTION_WINDOW_CLOSED', 'Tidak ada masa sanggah yang sedang berlangsung', 'applicationId');
        }
        if (!state.deadline || now() > new Date(state.deadline.at).getTime()) {
          fail('OBJECTION_WINDOW_CLOSED', 'Masa sanggah sudah berakhir', 'applicationId');
        }
        const phase = state.stage === 'ADMINISTRATIVE_OBJECTIONS' ? 'ADMINISTRATIVE' : 'FINAL';
        if (state.objections.some((o) => o.objectionId === `${args.applicationId}:${phase}:${objectionRound}`)) {
          fail('ALREADY_DECIDED', 'Anda sudah mengajukan sanggahan pada masa sanggah ini', 'applicationId');
        }
        requireText(args.text, 'text', 'Isi sanggahan', 10);
      },
    },
  );

  setHandler(
    answerObjectionUpdate,
    async (args) => {
      const o = state.objections.find((x) => x.objectionId === args.objectionId)!;
      const a = app(o.applicationId)!;
      o.upheld = args.upheld;
      o.answeredAt = nowIso();
      if (args.upheld && o.phase === 'ADMINISTRATIVE') a.screeningReopened = true;
      if (args.upheld && o.phase === 'FINAL') o.reopenStage = args.reopenStage ?? 'TRACK_RECORD';
      const decision = await record('OBJECTION_ANSWERED', args.actor, args.answer, o.objectionId, {
        upheld: args.upheld,
        reopenStage: o.reopenStage,
      });
      await timeline(a, args.upheld ? 'OBJECTION_UPHELD' : 'OBJECTION_REJECTED', args.answer);
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        const o = state.objections.find((x) => x.objectionId === args.objectionId);
        if (!o) fail('NOT_FOUND', 'Sanggahan tidak ditemukan', 'objectionId');
        if (o.upheld !== null) fail('ALREADY_DECIDED', 'Sanggahan ini sudah dijawab', 'objectionId');
        requireText(args.answer, 'answer', 'Jawaban sanggahan', 10);
      },
    },
  );

  setHandler(
    declareConflictUpdate,
    async (args) => {
      const list = new Set(state.conflicts[args.memberId] ?? []);
      if (args.hasConflict) list.add(args.candidateId);
      else list.delete(args.candidateId);
      state.conflicts[args.memberId] = [...list];
      if (args.hasConflict) {
        // A recused member's earlier scores for that candidate no longer count.
        for (const a of state.applications.filter((x) => x.candidateId === args.candidateId)) {
          delete a.interview[args.memberId];
          if (checkCalibration(a)) await timeline(a, 'INTERVIEW_CALIBRATION_REQUESTED', null);
        }
      }
      const at = nowIso();
      const decision = await record('CONFLICT_DECLARED', args.actor, args.reason, args.candidateId, {
        memberId: args.memberId,
        hasConflict: args.hasConflict,
      });
      await acts.storeConflict({
        id: `${input.selectionId}:${args.memberId}:${args.candidateId}`,
        selectionId: input.selectionId,
        memberId: args.memberId,
        candidateId: args.candidateId,
        hasConflict: args.hasConflict,
        reason: args.reason,
        declaredBy: args.actor,
        declaredAt: at,
      });
      return decision;
    },
    {
      validator: (args) => {
        const m = member(args.actor);
        if (args.actor.role !== 'PANSEL_MEMBER' || !m || m.id !== args.memberId) {
          fail('NOT_A_MEMBER', 'Anda bukan anggota panitia seleksi ini', 'memberId');
        }
        const finished = ['FINAL_RANKING', 'FINAL_OBJECTIONS', 'REPORTED_TO_PPK', 'OVERSEER_RECOMMENDATION'];
        if (
          finished.includes(state.stage) ||
          ['APPOINTMENT_CHOICE', 'DECREE', 'INAUGURATION', 'COMPLETED', 'CANCELLED'].includes(state.stage)
        ) {
          fail('WRONG_STAGE', 'Konflik kepentingan dinyatakan sebelum penilaian akhir', 'candidateId');
        }
        requireText(args.reason, 'reason', 'Keterangan konflik kepentingan');
      },
    },
  );

  setHandler(
    recordAssessmentUpdate,
    async (args) => {
      const a = app(args.applicationId)!;
      const { assessment, scores } = assessmentRecord(input.selectionId, a, args, nowIso());
      a.assessment = assessment;
      const decision = await record('ASSESSMENT_RECORDED', args.actor, null, a.applicationId, {
        ...a.assessment,
        assessedAt: args.assessedAt,
        reusedResultId: args.reusedResultId ?? null,
      });
      await acts.storeScores(scores);
      await timeline(a, 'ASSESSMENT_RECORDED', null);
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'COMPETENCY_ASSESSMENT') fail('WRONG_STAGE', 'Bukan tahap uji kompetensi');
        competingApp(args.applicationId);
        for (const f of ['managerial', 'socioCultural', 'paper', 'presentation'] as const) {
          if (!isValidScore(args[f])) fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', f);
        }
        if (!isLocalDate(args.assessedAt) || args.assessedAt > today()) {
          fail('VALIDATION_FAILED', 'Tanggal asesmen tidak valid', 'assessedAt');
        }
        if (addMonths(args.assessedAt, rules.scoring.assessmentValidityMonths) < today()) {
          fail(
            'VALIDATION_FAILED',
            `Hasil asesmen sudah melewati masa berlaku ${rules.scoring.assessmentValidityMonths} bulan`,
            'assessedAt',
          );
        }
      },
    },
  );

  setHandler(
    submitInterviewScoreUpdate,
    async (args) => {
      const a = app(args.applicationId)!;
      const round = a.calibrationRound;
      a.interview[args.memberId] = { value: args.score, at: nowIso(), by: args.memberId, round };
      const calibrate = checkCalibration(a);
      const decision = await record('INTERVIEW_SCORED', args.actor, args.reason ?? null, a.applicationId, {
        memberId: args.memberId,
        round,
        score: args.score,
      });
      await acts.storeScores([interviewScoreRecord(input.selectionId, a, args, round, decision.at)]);
      if (calibrate) await timeline(a, 'INTERVIEW_CALIBRATION_REQUESTED', null);
      return decision;
    },
    {
      validator: (args) => {
        const m = member(args.actor);
        if (args.actor.role !== 'PANSEL_MEMBER' || !m || m.id !== args.memberId) {
          fail('NOT_A_MEMBER', 'Anda bukan anggota panitia seleksi ini', 'memberId');
        }
        if (state.stage !== 'INTERVIEW') fail('WRONG_STAGE', 'Bukan tahap wawancara');
        const a = competingApp(args.applicationId);
        if (recusedFor(m.id, a.candidateId)) {
          fail(
            'RECUSED',
            'Anda menyatakan konflik kepentingan dengan peserta ini dan tidak dapat menilainya',
            'applicationId',
          );
        }
        if (!isValidScore(args.score))
          fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', 'score');
        const mine = a.interview[m.id];
        if (mine && mine.round >= a.calibrationRound) {
          fail('ALREADY_DECIDED', 'Anda sudah memberi nilai untuk peserta ini', 'applicationId');
        }
        if (a.calibrationRound > 0) requireText(args.reason, 'reason', 'Alasan penilaian ulang (kalibrasi)', 10);
      },
    },
  );

  setHandler(
    recordTrackRecordUpdate,
    async (args) => {
      const a = app(args.applicationId)!;
      a.trackRecord = { score: args.score, eliminated: args.eliminate };
      const decision = await record('TRACK_RECORD_RECORDED', args.actor, args.reason ?? null, a.applicationId, {
        score: args.score,
        eliminate: args.eliminate,
      });
      await acts.storeScores([trackRecordScoreRecord(input.selectionId, a, args, decision.at)]);
      if (args.eliminate) await setStatus(a, 'NOT_SHORTLISTED', 'TRACK_RECORD_ELIMINATED', args.reason ?? null);
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'TRACK_RECORD') fail('WRONG_STAGE', 'Bukan tahap penelusuran rekam jejak');
        const a = existingApp(args.applicationId);
        if (a.withdrawn || a.eligible !== true || !inSelection(vacancy(a.vacancyId)!)) {
          fail('WRONG_STAGE', 'Lamaran ini tidak sedang dinilai', 'applicationId');
        }
        if (!isValidScore(args.score))
          fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', 'score');
        requireText(args.findings, 'findings', 'Temuan rekam jejak');
        if (args.eliminate) requireText(args.reason, 'reason', 'Alasan menggugurkan peserta', 10);
      },
    },
  );

  setHandler(
    completeStageUpdate,
    async (args) => {
      completedStage = args.stage;
      return record('STAGE_COMPLETED', args.actor, null, null, { stage: args.stage });
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== args.stage || completedStage === args.stage) {
          fail('WRONG_STAGE', 'Tahap ini tidak sedang berlangsung', 'stage');
        }
        const missing = incompleteFor(args.stage);
        if (missing.length > 0) fail('INCOMPLETE', `Belum lengkap: ${missing.slice(0, 5).join('; ')}`, 'stage');
      },
    },
  );

  setHandler(
    chooseAppointeeUpdate,
    async (args) => {
      const v = vacancy(args.vacancyId)!;
      const p = plan(v.id)!;
      const route = appointmentRoute(p.level, {
        agencyKind: input.agency.kind,
        isRegionalSecretary: p.regionalSecretary ?? false,
      });
      v.proposedApplicationId = args.applicationId;
      if (route === 'PPK') {
        v.appointedApplicationId = args.applicationId;
        v.status = 'APPOINTEE_CHOSEN';
      }
      const decision = await record('APPOINTEE_CHOSEN', args.actor, args.justification ?? null, v.id, {
        applicationId: args.applicationId,
        rank: v.shortlist.indexOf(args.applicationId) + 1,
        route,
      });
      await timeline(app(args.applicationId)!, route === 'PPK' ? 'APPOINTEE_CHOSEN' : 'PROPOSED_TO_PRESIDENT', null);
      return decision;
    },
    {
      validator: (args) => {
        if (args.actor.role !== 'PPK')
          fail('FORBIDDEN', 'Hanya Pejabat Pembina Kepegawaian yang dapat memilih', 'actor');
        if (state.stage !== 'APPOINTMENT_CHOICE') fail('WRONG_STAGE', 'Bukan tahap pemilihan 1 dari 3 nama');
        const v = vacancy(args.vacancyId);
        if (!v || v.status !== 'SHORTLISTED') fail('UNKNOWN_VACANCY', 'Lowongan tidak menunggu pemilihan', 'vacancyId');
        if (v.proposedApplicationId) fail('ALREADY_DECIDED', 'Pilihan untuk lowongan ini sudah dicatat', 'vacancyId');
        choiceGuards(v, args.applicationId, args.justification);
      },
    },
  );

  setHandler(
    recordPresidentialDecisionUpdate,
    async (args) => {
      const v = vacancy(args.vacancyId)!;
      v.appointedApplicationId = args.applicationId;
      v.decreeNumber = args.decreeNumber;
      v.status = 'APPOINTEE_CHOSEN';
      const decision = await record('PRESIDENTIAL_DECISION_RECORDED', args.actor, args.justification ?? null, v.id, {
        applicationId: args.applicationId,
        decreeNumber: args.decreeNumber,
        decreeDate: args.decreeDate,
      });
      await timeline(app(args.applicationId)!, 'APPOINTEE_CHOSEN', null);
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'APPOINTMENT_CHOICE') fail('WRONG_STAGE', 'Bukan tahap pemilihan 1 dari 3 nama');
        const v = vacancy(args.vacancyId);
        if (!v || v.status !== 'SHORTLISTED') fail('UNKNOWN_VACANCY', 'Lowongan tidak menunggu keputusan', 'vacancyId');
        const p = plan(v.id)!;
        if (p.level === 'PRATAMA') fail('WRONG_STAGE', 'JPT Pratama ditetapkan oleh PPK, bukan Presiden', 'vacancyId');
        if (!v.proposedApplicationId) fail('INCOMPLETE', 'PPK belum menyampaikan usulan kepada Presiden', 'vacancyId');
        requireText(args.decreeNumber, 'decreeNumber', 'Nomor Keputusan Presiden', 3);
        if (!isLocalDate(args.decreeDate)) fail('VALIDATION_FAILED', 'Tanggal keputusan tidak valid', 'decreeDate');
        choiceGuards(v, args.applicationId, args.justification);
      },
    },
  );

  setHandler(
    recordElectionPermissionUpdate,
    async (args) => {
      state.electionPermission = { letterNumber: args.letterNumber, letterDate: args.letterDate };
      return record('ELECTION_PERMISSION_RECORDED', args.actor, args.reason, null, { ...state.electionPermission });
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        requireText(args.letterNumber, 'letterNumber', 'Nomor surat izin Menteri Dalam Negeri', 3);
        if (!isLocalDate(args.letterDate)) fail('VALIDATION_FAILED', 'Tanggal surat tidak valid', 'letterDate');
        requireText(args.reason, 'reason', 'Keterangan');
      },
    },
  );

  setHandler(
    recordInaugurationUpdate,
    async (args) => {
      const v = vacancy(args.vacancyId)!;
      v.inaugurationDate = args.date;
      v.status = 'FILLED';
      const decision = await record('INAUGURATION_RECORDED', args.actor, null, v.id, {
        date: args.date,
        place: args.place,
      });
      await issue('INAUGURATION_MINUTES', `INAUGURATION_MINUTES:${v.id}`, {
        vacancyIds: [v.id],
        applicationIds: [v.appointedApplicationId!],
        extra: { date: args.date, place: args.place },
      });
      await timeline(app(v.appointedApplicationId!)!, 'INAUGURATED', `${args.date}, ${args.place}`);
      return decision;
    },
    {
      validator: (args) => {
        secretaryOnly(args.actor);
        if (state.stage !== 'INAUGURATION') fail('WRONG_STAGE', 'Bukan tahap pelantikan');
        const v = vacancy(args.vacancyId);
        if (!v || v.status !== 'DECREED')
          fail('UNKNOWN_VACANCY', 'Lowongan ini tidak menunggu pelantikan', 'vacancyId');
        if (!isLocalDate(args.date)) fail('VALIDATION_FAILED', 'Tanggal pelantikan tidak valid', 'date');
        requireText(args.place, 'place', 'Tempat pelantikan', 3);
      },
    },
  );

  setHandler(
    withdrawApplicationUpdate,
    async (args) => {
      const a = app(args.applicationId)!;
      a.withdrawn = true;
      const v = vacancy(a.vacancyId)!;
      if (v.shortlist.includes(a.applicationId)) reRankRequested = true;
      if (v.proposedApplicationId === a.applicationId) {
        v.proposedApplicationId = null;
        v.appointedApplicationId = null;
      }
      const decision = await record('APPLICATION_WITHDRAWN', args.actor, args.reason, a.applicationId, {});
      await setStatus(a, 'WITHDRAWN', 'APPLICATION_WITHDRAWN', args.reason);
      return decision;
    },
    {
      validator: (args) => {
        if (args.actor.role !== 'CANDIDATE') fail('FORBIDDEN', 'Hanya peserta yang dapat menarik lamarannya', 'actor');
        const a = existingApp(args.applicationId);
        if (a.candidateId !== args.candidateId) fail('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
        if (a.withdrawn) fail('ALREADY_DECIDED', 'Lamaran sudah ditarik', 'applicationId');
        if (isClosed(a.status)) fail('WRONG_STAGE', 'Lamaran ini sudah selesai diproses', 'applicationId');
        if (['DECREE', 'INAUGURATION', 'COMPLETED', 'CANCELLED'].includes(state.stage)) {
          fail('WRONG_STAGE', 'Lamaran tidak dapat ditarik setelah keputusan pengangkatan', 'applicationId');
        }
        requireText(args.reason, 'reason', 'Alasan penarikan');
      },
    },
  );

  // -------------------------------------------------------------------------------------------
  // The process

  await project();
  await recordStage('PLANNED', 'SELECTION_PLANNED', null);

  let next: Next = 'PLAN';
  while (next !== 'DONE') {
    switch (next) {
      case 'PLAN':
        next = await planAndApproval();
        break;
      case 'ANNOUNCE':
        next = await announcementAndRegistration();
        break;
      case 'ADMINISTRATIVE_SCREENING':
        next = await administrativeScreening();
        break;
      case 'COMPETENCY_ASSESSMENT':
        next = await scoredStage('COMPETENCY_ASSESSMENT', 'ASSESSMENT_STARTED', 'INTERVIEW');
        break;
      case 'INTERVIEW':
        next = await scoredStage('INTERVIEW', 'INTERVIEW_STARTED', 'TRACK_RECORD');
        break;
      case 'TRACK_RECORD':
        next = await scoredStage('TRACK_RECORD', 'TRACK_RECORD_STARTED', 'FINAL_RANKING');
        break;
      case 'FINAL_RANKING':
        next = await finalRanking();
        break;
      case 'REPORT':
        next = await reportAndRecommendation();
        break;
      case 'APPOINTMENT_CHOICE':
        next = await appointmentChoice();
        break;
      case 'DECREE':
        next = await decreeAndInauguration();
        break;
    }
  }
  await condition(allHandlersFinished);
  return state;

  // -------------------------------------------------------------------------------------------
  // Stages

  async function planAndApproval(): Promise<Next> {
    for (;;) {
      await condition(() => planSubmitted);
      requestOverseer('PLAN', 'PLAN_APPROVAL');
      await issue('PANSEL_DECREE', `PANSEL_DECREE:${state.decisions.length}`, {});
      await issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:PLAN:${state.decisions.length}`, {
        extra: { subject: 'PLAN' },
      });
      const verdict = await awaitOverseer('PLAN', 'PLAN_APPROVAL');
      if (verdict.verdict === 'APPROVE') return 'ANNOUNCE';
      if (verdict.verdict === 'REJECT') return cancelSelection(verdict.reason);
      planSubmitted = false;
      await enterStage('PLANNED', 'PLAN_CORRECTION_REQUESTED');
    }
  }

  async function announcementAndRegistration(): Promise<Next> {
    // Registration opens on the announcement date, or on approval day if the overseer decided later.
    const opensAt = startOfLocalDay(input.announcementDate, tz).getTime();
    if (opensAt > now())
      await waitUntil(
        () => false,
        () => opensAt,
      );
    setDeadline({
      label: 'REGISTRATION',
      mode: 'PERIOD',
      from: today(),
      days: rules.registrationDays,
      kind: rules.registrationDayKind,
    });
    state.registrationClosesAt = state.deadline!.at;
    state.announcementDocument = await acts.issueVacancyAnnouncement({
      ...input,
      registrationClosesAt: state.registrationClosesAt,
    });
    state.documents.push({
      kind: 'VACANCY_ANNOUNCEMENT',
      id: state.announcementDocument.id,
      number: state.announcementDocument.number,
    });
    await enterStage('REGISTRATION_OPEN', 'REGISTRATION_OPENED');

    for (;;) {
      await waitUntil(() => false, deadlineAt);
      const open = state.vacancies.filter((v) => v.status === 'OPEN' || v.status === 'EXTENDED');
      const under = open.filter((v) => countApplicants(v.id) < rules.minApplicantsPerVacancy);
      const extendable = under.filter((v) => v.extensions < rules.extension.maxTimes);
      for (const v of open) if (!extendable.includes(v)) v.status = 'IN_SELECTION';
      if (extendable.length === 0) break;
      for (const v of extendable) {
        v.extensions += 1;
        v.status = 'EXTENDED';
      }
      const lastDay = state.deadline!.lastDay;
      setDeadline({
        label: 'REGISTRATION',
        mode: 'PERIOD',
        from: addCalendarDays(lastDay, 1),
        days: rules.extension.days,
        kind: rules.extension.dayKind,
      });
      state.registrationClosesAt = state.deadline!.at;
      const round = Math.max(...extendable.map((v) => v.extensions));
      await issue('EXTENSION_NOTICE', `EXTENSION_NOTICE:${round}`, {
        vacancyIds: extendable.map((v) => v.id),
        extra: { round, closesOn: state.deadline!.lastDay },
      });
      await issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:EXTENSION:${round}`, {
        vacancyIds: extendable.map((v) => v.id),
        extra: { subject: 'EXTENSION', round, closesOn: state.deadline!.lastDay },
      });
      await enterStage('REGISTRATION_EXTENDED', 'REGISTRATION_EXTENDED');
    }

    // Refuse new applications first, then let accepted ones finish storing.
    state.stage = 'REGISTRATION_CLOSED';
    await condition(allHandlersFinished);
    clearDeadline();
    await enterStage('REGISTRATION_CLOSED', 'REGISTRATION_CLOSED', 'AWAITING_SCREENING');
    for (const v of state.vacancies) {
      if (v.status === 'IN_SELECTION' && countApplicants(v.id) < rules.minApplicantsPerVacancy) {
        v.status = 'AWAITING_DECISION';
        v.pendingDecision = 'TOO_FEW_APPLICANTS';
      }
    }
    if (!(await awaitVacancyDecisions())) return cancelSelection('Tidak ada lowongan yang dapat dilanjutkan');
    return 'ADMINISTRATIVE_SCREENING';
  }

  async function administrativeScreening(): Promise<Next> {
    screeningPublished = false;
    await enterStage('ADMINISTRATIVE_SCREENING', 'SCREENING_STARTED');
    const toScreen = state.applications.filter(
      (a) => !a.withdrawn && a.eligible === null && inSelection(vacancy(a.vacancyId)!),
    );
    if (toScreen.length > 0) {
      const results = await acts.screenApplications({
        selectionId: input.selectionId,
        agency: input.agency,
        scope: rules.scope,
        eligibility: rules.eligibility,
        plannedInaugurationDate: input.plannedInaugurationDate,
        asOf: today(),
        at: nowIso(),
        applications: toScreen.map((a) => ({
          applicationId: a.applicationId,
          candidateId: a.candidateId,
          homePpkPermission: a.homePpkPermission,
          vacancy: { level: plan(a.vacancyId)!.level, field: plan(a.vacancyId)!.field ?? null },
        })),
      });
      for (const r of results) {
        const a = app(r.applicationId)!;
        if (a.withdrawn) continue;
        a.eligible = r.eligible;
        a.failedRequirements = r.failedRequirements;
        if (patched(SCREENING_ON_PUBLICATION)) {
          unannouncedScreening.set(a.applicationId, { overrideReason: null });
        } else {
          await setStatus(
            a,
            r.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
            r.eligible ? 'SCREENING_ELIGIBLE' : 'SCREENING_NOT_ELIGIBLE',
            r.eligible ? null : r.failedRequirements.join('; '),
          );
        }
      }
    }
    await condition(() => screeningPublished);
    // Now the candidates learn their result, each with its reasons (or the override's).
    for (const [applicationId, { overrideReason }] of unannouncedScreening) {
      const a = app(applicationId)!;
      if (a.withdrawn || a.eligible === null) continue;
      const reasonCode =
        overrideReason !== null ? 'SCREENING_OVERRIDDEN' : a.eligible ? 'SCREENING_ELIGIBLE' : 'SCREENING_NOT_ELIGIBLE';
      const note = overrideReason ?? (a.eligible ? null : a.failedRequirements.join('; '));
      await setStatus(a, a.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE', reasonCode, note);
    }
    unannouncedScreening.clear();
    screeningRevision += 1;
    await issueScreeningResult();

    await objectionWindow('ADMINISTRATIVE_OBJECTIONS');
    await condition(
      () => state.objections.every((o) => o.upheld !== null) && !state.applications.some((a) => a.screeningReopened),
    );
    if (screeningRevision > lastIssuedScreeningRevision) await issueScreeningResult();

    for (const v of state.vacancies.filter(inSelection)) {
      const eligible = state.applications.filter((a) => a.vacancyId === v.id && !a.withdrawn && a.eligible === true);
      if (eligible.length < rules.shortlistSize) {
        v.status = 'AWAITING_DECISION';
        v.pendingDecision = 'TOO_FEW_QUALIFIED';
      }
    }
    if (!(await awaitVacancyDecisions())) return cancelSelection('Tidak ada lowongan dengan peserta yang cukup');
    return 'COMPETENCY_ASSESSMENT';
  }

  async function scoredStage(
    stage: 'COMPETENCY_ASSESSMENT' | 'INTERVIEW' | 'TRACK_RECORD',
    reasonCode: ReasonCode,
    then: Next,
  ): Promise<Next> {
    completedStage = null;
    if (stage === 'INTERVIEW' && rankingRevision > 0) {
      // Re-entered by a correction: every member scores again, with a reason kept in the audit.
      for (const a of competing()) {
        a.calibrationRound += 1;
        a.calibrationRequested = true;
        interviewBaseRound.set(a.applicationId, a.calibrationRound);
      }
    }
    await enterStage(stage, reasonCode);
    await condition(() => completedStage === stage);
    if (stage === 'INTERVIEW') {
      for (const a of competing()) await timeline(a, 'INTERVIEW_COMPLETED', null);
    }
    return then;
  }

  async function finalRanking(): Promise<Next> {
    reRankRequested = false;
    rankingRevision += 1;
    await enterStage('FINAL_RANKING', 'FINAL_RANKING_STARTED');
    rankVacancies(state, rules, totalOf, interviewOf);
    if (!(await awaitVacancyDecisions())) return cancelSelection('Tidak ada lowongan dengan 3 nama yang memenuhi');
    for (const v of state.vacancies.filter((x) => x.status === 'SHORTLISTED')) {
      for (const a of state.applications.filter((x) => x.vacancyId === v.id && !x.withdrawn && x.eligible === true)) {
        if (a.trackRecord?.eliminated) continue;
        const listed = v.shortlist.includes(a.applicationId);
        await setStatus(
          a,
          listed ? 'SHORTLISTED' : 'NOT_SHORTLISTED',
          listed ? 'SHORTLISTED' : 'NOT_SHORTLISTED',
          null,
        );
      }
    }
    const shortlisted = state.vacancies.filter((x) => x.status === 'SHORTLISTED').map((v) => v.id);
    await issue('SCORE_SHEET', `SCORE_SHEET:${rankingRevision}`, { vacancyIds: shortlisted, withScores: true });
    await issue('FINAL_RESULT_MINUTES', `FINAL_RESULT_MINUTES:${rankingRevision}`, {
      vacancyIds: shortlisted,
      withScores: true,
    });
    await issue('FINAL_RESULT_ANNOUNCEMENT', `FINAL_RESULT_ANNOUNCEMENT:${rankingRevision}`, {
      vacancyIds: shortlisted,
    });

    await objectionWindow('FINAL_OBJECTIONS');
    await condition(() => state.objections.every((o) => o.upheld !== null));
    const reopen = state.objections
      .filter((o) => o.phase === 'FINAL' && o.upheld && o.reopenStage && !reopenHandled.has(o.objectionId))
      .sort((x, y) => STAGE_ORDER[x.reopenStage!] - STAGE_ORDER[y.reopenStage!]);
    for (const o of reopen) reopenHandled.add(o.objectionId);
    if (reopen.length > 0) {
      await reopenForCorrection('OBJECTION_UPHELD');
      return reopen[0]!.reopenStage!;
    }
    if (reRankRequested) return 'FINAL_RANKING';
    return 'REPORT';
  }

  async function reportAndRecommendation(): Promise<Next> {
    const shortlisted = state.vacancies.filter((x) => x.status === 'SHORTLISTED').map((v) => v.id);
    await issue('REPORT_TO_PPK', `REPORT_TO_PPK:${rankingRevision}`, { vacancyIds: shortlisted, withScores: true });
    await enterStage('REPORTED_TO_PPK', 'REPORTED_TO_PPK');
    requestOverseer('RESULT', 'OVERSEER_RECOMMENDATION');
    await issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:RESULT:${rankingRevision}`, {
      vacancyIds: shortlisted,
      extra: { subject: 'RESULT' },
    });
    const verdict = await awaitOverseer('RESULT', 'OVERSEER_RECOMMENDATION');
    if (reRankRequested) return 'FINAL_RANKING';
    await issue('OVERSEER_RECOMMENDATION', `OVERSEER_RECOMMENDATION:${state.overseer?.round ?? 0}`, {
      vacancyIds: shortlisted,
      extra: { verdict: verdict.verdict, reason: verdict.reason, reference: verdict.reference ?? '' },
    });
    if (verdict.verdict === 'APPROVE') return 'APPOINTMENT_CHOICE';
    if (verdict.verdict === 'REJECT') return cancelSelection(verdict.reason);
    await reopenForCorrection('OVERSEER_CORRECTION_REQUESTED');
    return verdict.stageAtFault ?? 'FINAL_RANKING';
  }

  async function appointmentChoice(): Promise<Next> {
    await enterStage('APPOINTMENT_CHOICE', 'APPOINTMENT_CHOICE_STARTED');
    await condition(
      () =>
        reRankRequested ||
        state.vacancies
          .filter((v) => v.status === 'SHORTLISTED' || v.status === 'APPOINTEE_CHOSEN')
          .every((v) => v.appointedApplicationId !== null),
    );
    if (reRankRequested) return 'FINAL_RANKING';
    return 'DECREE';
  }

  async function decreeAndInauguration(): Promise<Next> {
    await enterStage('DECREE', 'APPOINTEE_CHOSEN');
    for (const v of state.vacancies.filter((x) => x.status === 'APPOINTEE_CHOSEN')) {
      const doc = await issue('APPOINTMENT_DECREE', `APPOINTMENT_DECREE:${v.id}`, {
        vacancyIds: [v.id],
        applicationIds: [v.appointedApplicationId!],
        extra: { presidentialDecree: v.decreeNumber ?? '' },
      });
      v.decreeNumber ??= doc.number;
      v.status = 'DECREED';
      for (const id of v.shortlist) {
        const a = app(id)!;
        if (a.withdrawn) continue;
        if (id === v.appointedApplicationId) await setStatus(a, 'APPOINTED', 'DECREE_ISSUED', v.decreeNumber);
        else await setStatus(a, 'NOT_APPOINTED', 'NOT_APPOINTED', null);
      }
    }
    await enterStage('INAUGURATION', 'DECREE_ISSUED');
    await condition(() => state.vacancies.every((v) => v.status !== 'DECREED'));
    await issue('COMPLETION_REPORT', 'COMPLETION_REPORT', {
      vacancyIds: state.vacancies.map((v) => v.id),
      applicationIds: state.vacancies.flatMap((v) => (v.appointedApplicationId ? [v.appointedApplicationId] : [])),
    });
    await enterStage('COMPLETED', 'SELECTION_COMPLETED');
    return 'DONE';
  }

  async function cancelSelection(reason: string): Promise<Next> {
    clearDeadline();
    for (const v of state.vacancies) {
      if (!['CANCELLED', 'SWITCHED_ROUTE', 'REANNOUNCE', 'FILLED'].includes(v.status)) v.status = 'CANCELLED';
    }
    for (const a of state.applications.filter((x) => !x.withdrawn && !isClosed(x.status))) {
      await setStatus(a, 'CANCELLED', 'SELECTION_CANCELLED', reason);
    }
    await enterStage('CANCELLED', 'SELECTION_CANCELLED');
    return 'DONE';
  }

  // -------------------------------------------------------------------------------------------
  // Step helpers

  /** Waits for the overseer; on silence, approves or escalates as the pinned overseer rules say. */
  /**
   * Opens a request to the overseer synchronously (no await), so a decision sent right after the
   * step that triggered it is accepted rather than refused as early.
   */
  function requestOverseer(subject: OverseerSubject, stage: SelectionStage): void {
    overseerVerdict = null;
    state.stage = stage;
    state.overseer = { subject, round: (state.overseer?.round ?? 0) + 1, requestedAt: nowIso(), escalations: 0 };
    setDeadline({
      label: 'OVERSEER',
      mode: 'AFTER',
      from: today(),
      days: rules.overseer.decisionWorkingDays,
      kind: 'WORKING',
    });
  }

  async function awaitOverseer(subject: OverseerSubject, stage: SelectionStage): Promise<OverseerDecisionArgs> {
    const o = rules.overseer;
    const request = state.overseer!;
    await enterStage(stage, subject === 'PLAN' ? 'PLAN_SUBMITTED' : 'OVERSEER_REVIEW_STARTED');
    for (;;) {
      const decided = await waitUntil(
        () => overseerVerdict !== null || (subject === 'RESULT' && reRankRequested),
        deadlineAt,
      );
      if (decided) break;
      if (o.silenceMeansApproval) {
        const reason = `Tidak ada keputusan dalam ${o.decisionWorkingDays} hari kerja; dianggap disetujui`;
        await record('OVERSEER_SILENCE', SYSTEM_ACTOR, reason, null, { subject });
        overseerVerdict = { actor: SYSTEM_ACTOR, subject, verdict: 'APPROVE', reason };
        await recordStage(stage, 'OVERSEER_APPROVED_BY_SILENCE', null);
        break;
      }
      request.escalations += 1;
      await record('OVERSEER_ESCALATED', SYSTEM_ACTOR, 'Batas waktu keputusan lembaga pengawas terlampaui', null, {
        subject,
        escalations: request.escalations,
      });
      await issue(
        'LETTER_TO_OVERSEER',
        `LETTER_TO_OVERSEER:${subject}:ESCALATION:${request.round}:${request.escalations}`,
        {
          extra: { subject, escalation: request.escalations },
        },
      );
      setDeadline({ label: 'OVERSEER', mode: 'AFTER', from: today(), days: o.escalationWorkingDays, kind: 'WORKING' });
      await recordStage(stage, 'OVERSEER_ESCALATED', state.deadline?.at ?? null);
    }
    clearDeadline();
    const verdict = overseerVerdict ?? { actor: SYSTEM_ACTOR, subject, verdict: 'APPROVE' as const, reason: '' };
    if (overseerVerdict && overseerVerdict.actor !== SYSTEM_ACTOR) {
      await recordStage(stage, overseerVerdictCode(verdict.verdict, subject), null);
    }
    return verdict;
  }

  async function objectionWindow(stage: 'ADMINISTRATIVE_OBJECTIONS' | 'FINAL_OBJECTIONS'): Promise<void> {
    objectionRound += 1;
    setDeadline({
      label: 'OBJECTIONS',
      mode: 'AFTER',
      from: today(),
      days: rules.objections.workingDays,
      kind: 'WORKING',
    });
    await enterStage(
      stage,
      stage === 'ADMINISTRATIVE_OBJECTIONS' ? 'SCREENING_RESULT_PUBLISHED' : 'FINAL_RESULT_PUBLISHED',
    );
    await waitUntil(() => false, deadlineAt);
    clearDeadline();
    await recordStage(stage, 'OBJECTION_WINDOW_CLOSED', null);
  }

  /** True when at least one vacancy remains in selection after the Pansel's decisions. */
  async function awaitVacancyDecisions(): Promise<boolean> {
    if (state.vacancies.some((v) => v.pendingDecision)) {
      await project();
      await condition(() => state.vacancies.every((v) => v.pendingDecision === null));
    }
    return state.vacancies.some(inSelection);
  }

  /** Back to an earlier stage: shortlists are void and every still-competing application is in assessment again. */
  async function reopenForCorrection(reasonCode: ReasonCode): Promise<void> {
    for (const v of state.vacancies.filter((x) => x.status === 'SHORTLISTED')) {
      v.status = 'IN_SELECTION';
      v.shortlist = [];
      v.proposedApplicationId = null;
      v.appointedApplicationId = null;
    }
    for (const a of state.applications.filter(
      (x) => !x.withdrawn && x.eligible === true && !x.trackRecord?.eliminated,
    )) {
      if (inSelection(vacancy(a.vacancyId)!)) await setStatus(a, 'IN_ASSESSMENT', reasonCode, null);
    }
  }

  async function issueScreeningResult(): Promise<void> {
    lastIssuedScreeningRevision = screeningRevision;
    const ids = state.vacancies.filter(inSelection).map((v) => v.id);
    await issue('ADMINISTRATIVE_RESULT_MINUTES', `ADMINISTRATIVE_RESULT_MINUTES:${screeningRevision}`, {
      vacancyIds: ids,
      withScreening: true,
    });
    await issue('ADMINISTRATIVE_RESULT_ANNOUNCEMENT', `ADMINISTRATIVE_RESULT_ANNOUNCEMENT:${screeningRevision}`, {
      vacancyIds: ids,
      withScreening: true,
    });
  }

  function countApplicants(vacancyId: string): number {
    return state.applications.filter((a) => a.vacancyId === vacancyId && !a.withdrawn).length;
  }

  function interviewOf(a: ApplicationState): number | null {
    const values = Object.values(a.interview).map((s) => s.value);
    return values.length > 0 ? interviewScore(values) : null;
  }

  function totalOf(a: ApplicationState): number | null {
    return weightedTotal(
      {
        assessment: a.assessment?.score ?? null,
        paper: a.assessment?.paper ?? null,
        presentation: a.assessment?.presentation ?? null,
        interview: interviewOf(a),
        trackRecord: a.trackRecord?.score ?? null,
      },
      rules.scoring.weights,
    );
  }

  /**
   * Raises a calibration round (true) when every expected member has scored the current round and
   * the scores are further apart than the pinned threshold.
   */
  function checkCalibration(a: ApplicationState): boolean {
    const current = expectedInterviewers(a).map((m) => a.interview[m.id]);
    if (!current.every((s) => s !== undefined && s.round >= a.calibrationRound)) return false;
    a.calibrationRequested = false;
    const values = current.map((s) => s!.value);
    if (a.calibrationRound < calibrationLimit(a) && needsCalibration(values, rules.interview.calibrationThreshold)) {
      a.calibrationRound += 1;
      a.calibrationRequested = true;
      return true;
    }
    return false;
  }

  /** Calibration rounds allowed on top of the rounds forced by corrections. */
  function calibrationLimit(a: ApplicationState): number {
    return (interviewBaseRound.get(a.applicationId) ?? 0) + rules.interview.maxCalibrationRounds;
  }

  function incompleteFor(stage: string): string[] {
    const list = competing();
    if (stage === 'COMPETENCY_ASSESSMENT') {
      return list.filter((a) => !a.assessment).map((a) => `nilai uji kompetensi ${a.applicationId}`);
    }
    if (stage === 'INTERVIEW') {
      return list.flatMap((a) => {
        const missing = expectedInterviewers(a).filter((m) => {
          const s = a.interview[m.id];
          return !s || s.round < a.calibrationRound;
        });
        return missing.length > 0 || a.calibrationRequested
          ? [`wawancara ${a.applicationId} (${missing.map((m) => m.name).join(', ') || 'kalibrasi'})`]
          : [];
      });
    }
    if (stage === 'TRACK_RECORD') {
      return state.applications
        .filter((a) => !a.withdrawn && a.eligible === true && inSelection(vacancy(a.vacancyId)!) && !a.trackRecord)
        .map((a) => `rekam jejak ${a.applicationId}`);
    }
    return [];
  }

  function choiceGuards(v: VacancyState, chosen: string, justification: string | null | undefined): void {
    const problems = checkAppointeeChoice({ shortlist: v.shortlist, chosen, justification });
    const p = problems[0];
    if (p) fail(p.code === 'NOT_IN_SHORTLIST' ? 'NOT_IN_SHORTLIST' : 'JUSTIFICATION_REQUIRED', p.message, p.field);
    if (app(chosen)?.withdrawn) fail('NOT_IN_SHORTLIST', 'Peserta ini sudah menarik lamarannya', 'applicationId');
    const window = electionWindowAt(today(), input.electionWindows ?? []);
    if (window && !state.electionPermission) {
      fail(
        'ELECTION_PERMISSION_REQUIRED',
        `Dalam masa ${window.label ?? 'pilkada'} (${window.from} s.d. ${window.to}) pengangkatan memerlukan izin tertulis Menteri Dalam Negeri`,
        'vacancyId',
      );
    }
    const incumbent = plan(v.id)?.incumbentInauguratedOn;
    if (incumbent && isIncumbentLocked(incumbent, today())) {
      fail('INCUMBENT_LOCKED', 'Pejabat yang sedang menjabat belum 2 tahun sejak dilantik', 'vacancyId');
    }
  }

  function validateApplication(args: SubmitApplicationArgs): void {
    if (args.actor.role !== 'CANDIDATE') fail('FORBIDDEN', 'Hanya peserta yang dapat mendaftar', 'actor');
    const v = vacancy(args.vacancyId);
    if (!v) fail('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan pada seleksi ini', 'vacancyId');
    if (state.stage === 'PLANNED' || state.stage === 'PLAN_APPROVAL') {
      fail('WRONG_STAGE', 'Pendaftaran belum dibuka', 'vacancyId');
    }
    const accepting =
      (state.stage === 'REGISTRATION_OPEN' && v.status === 'OPEN') ||
      (state.stage === 'REGISTRATION_EXTENDED' && v.status === 'EXTENDED');
    if (!accepting || now() > deadlineAt()!) {
      fail('REGISTRATION_CLOSED', 'Pendaftaran untuk lowongan ini sudah ditutup', 'vacancyId');
    }
    const mine = state.applications.filter((a) => a.candidateId === args.candidateId);
    if (mine.some((a) => a.vacancyId === args.vacancyId)) {
      fail('DUPLICATE_APPLICATION', 'Anda sudah melamar lowongan ini', 'vacancyId');
    }
    if (mine.length >= rules.vacanciesPerCandidate) {
      fail(
        'APPLICATION_LIMIT_REACHED',
        `Setiap peserta hanya dapat melamar ${rules.vacanciesPerCandidate} lowongan pada seleksi ini`,
        'vacancyId',
      );
    }
  }

  function secretaryOnly(actor: Actor): void {
    if (actor.role !== 'PANSEL_SECRETARY')
      fail('FORBIDDEN', 'Hanya sekretariat panitia seleksi yang dapat melakukan ini', 'actor');
  }

  function existingApp(id: string): ApplicationState {
    const a = app(id);
    if (!a) fail('NOT_FOUND', 'Lamaran tidak ditemukan pada seleksi ini', 'applicationId');
    return a;
  }

  function competingApp(id: string): ApplicationState {
    const a = existingApp(id);
    if (!competing().includes(a)) fail('WRONG_STAGE', 'Lamaran ini tidak sedang dinilai', 'applicationId');
    return a;
  }

  function isClosed(status: ApplicationStatus): boolean {
    return ['NOT_ELIGIBLE', 'NOT_SHORTLISTED', 'APPOINTED', 'NOT_APPOINTED', 'WITHDRAWN', 'CANCELLED'].includes(status);
  }

  // -------------------------------------------------------------------------------------------
  // Deadlines and the clock

  function computeDeadline(spec: DeadlineSpec): { at: number; lastDay: LocalDate } {
    if (spec.mode === 'PERIOD') {
      const d = periodDeadline(spec.from, spec.days, spec.kind, tz, calendar);
      return { at: d.closesAt.getTime(), lastDay: d.lastDay };
    }
    const lastDay =
      spec.kind === 'WORKING' ? addWorkingDays(spec.from, spec.days, calendar) : addCalendarDays(spec.from, spec.days);
    return { at: endOfLocalDay(lastDay, tz).getTime(), lastDay };
  }

  function setDeadline(spec: DeadlineSpec): void {
    deadlineSpec = spec;
    refreshDeadline();
  }

  function clearDeadline(): void {
    deadlineSpec = null;
    refreshDeadline();
  }

  /** Recomputes the running deadline from its spec (after a calendar amendment too) and publishes it. */
  function refreshDeadline(): void {
    if (!deadlineSpec) {
      state.deadline = null;
    } else {
      const d = computeDeadline(deadlineSpec);
      state.deadline = { label: deadlineSpec.label, at: new Date(d.at).toISOString(), lastDay: d.lastDay };
      if (deadlineSpec.label === 'REGISTRATION') state.registrationClosesAt = state.deadline.at;
    }
    upsertSearchAttributes([{ key: StageDeadlineKey, value: state.deadline ? realInstant(state.deadline.at) : null }]);
  }

  function deadlineAt(): number | null {
    return state.deadline ? new Date(state.deadline.at).getTime() : null;
  }

  /** The real instant a (possibly simulated) instant falls on, for operators in the Temporal UI. */
  function realInstant(iso: string): Date {
    return new Date(realStart + (new Date(iso).getTime() - realStart) / speed);
  }

  /**
   * Waits until `cond` holds (true) or the deadline passes (false). Re-evaluates the deadline when
   * the calendar is amended, so a running timer follows the new holidays.
   */
  async function waitUntil(cond: () => boolean, deadline: () => number | null): Promise<boolean> {
    for (;;) {
      if (cond()) return true;
      const revision = state.calendarRevision;
      const d = deadline();
      if (d === null) {
        await condition(() => cond() || state.calendarRevision !== revision);
        continue;
      }
      const remaining = Math.ceil((d - now()) / speed);
      if (remaining <= 0) return false;
      await condition(() => cond() || state.calendarRevision !== revision, remaining);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Recording: audit, read model, documents

  async function setStatus(
    a: ApplicationState,
    status: ApplicationStatus,
    reasonCode: ReasonCode,
    note: string | null,
  ): Promise<void> {
    a.status = status;
    await timeline(a, reasonCode, note);
  }

  async function timeline(a: ApplicationState, reasonCode: ReasonCode, note: string | null): Promise<void> {
    eventSeq += 1;
    await acts.recordApplicationEvent(a.applicationId, {
      eventId: `${workflowId}:${a.applicationId}:${eventSeq}`,
      at: nowIso(),
      status: a.status,
      reasonCode,
      note,
      expectedNextAt: state.deadline?.at ?? null,
    });
  }

  async function enterStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    applicationStatus?: ApplicationStatus,
  ): Promise<void> {
    state.stage = stage;
    upsertSearchAttributes([{ key: SelectionStageKey, value: stage }]);
    await project();
    await recordStage(stage, reasonCode, state.deadline?.at ?? null, applicationStatus);
  }

  async function recordStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    expectedNextAt: string | null,
    applicationStatus?: ApplicationStatus,
  ): Promise<void> {
    eventSeq += 1;
    // Deterministic event id: a retried activity or a replay records the same event once.
    await acts.recordSelectionStage(input.selectionId, {
      eventId: `${workflowId}:${eventSeq}:${stage}`,
      stage,
      at: nowIso(),
      reasonCode,
      expectedNextAt,
      applicationStatus,
    });
  }

  async function project(): Promise<void> {
    await acts.projectSelection(input, {
      stage: state.stage,
      registrationClosesAt: state.registrationClosesAt,
      announcementDocumentId: state.announcementDocument?.id ?? null,
      vacancies: state.vacancies,
    });
  }

  async function issue(
    kind: StageDocumentKind,
    key: string,
    spec: Partial<Pick<StageDocumentSpec, 'vacancyIds' | 'applicationIds' | 'withScores' | 'withScreening' | 'extra'>>,
  ) {
    // Only what the document prints travels in the activity input: histories stay small on big rounds.
    const vacancyIds = spec.vacancyIds ?? state.vacancies.map((v) => v.id);
    const printed = state.applications.filter(
      (a) =>
        vacancyIds.includes(a.vacancyId) && (!spec.applicationIds || spec.applicationIds.includes(a.applicationId)),
    );
    const doc = await acts.issueStageDocument({
      kind,
      key: `${workflowId}:${key}`,
      date: today(),
      input: { ...input, calendar: {}, requirements: [] },
      state: {
        pansel: kind === 'PANSEL_DECREE' ? state.pansel : [],
        vacancies: state.vacancies.filter((v) => vacancyIds.includes(v.id)),
        applications: printed.map((a) => ({
          ...a,
          interview: {},
          total: totalOf(a),
          interviewScore: interviewOf(a),
        })),
      },
      vacancyIds,
      applicationIds: spec.applicationIds ?? null,
      withScores: spec.withScores ?? false,
      withScreening: spec.withScreening ?? false,
      extra: spec.extra ?? {},
    });
    state.documents.push({ kind, id: doc.id, number: doc.number });
    return doc;
  }
}
