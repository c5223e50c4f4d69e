/**
 * The validators of the open selection's decisions: pure functions (view, args) → void that throw a
 * typed, non-retryable ApplicationFailure (message in Bahasa Indonesia, with the field at fault).
 * They run as Update validators, so a refused decision never enters the history; they read only
 * the view below, so they are table-tested without Temporal (guards.test.ts).
 */
import { ApplicationFailure } from '@temporalio/workflow';
import {
  addMonths,
  checkAppointeeChoice,
  isIncumbentLocked,
  isLocalDate,
  isValidScore,
  roleMayTake,
  stageAllows,
  startOfLocalDay,
  type SelectionDecisionName,
  type AgencyTimeZone,
  validatePanselComposition,
  type Actor,
  type ApplicationStatus,
  type LocalDate,
  type SelectionRules,
} from '@seleksi/domain';
import type {
  AnswerObjectionArgs,
  ApplicationState,
  ChooseAppointeeArgs,
  CompleteStageArgs,
  DecideVacancyArgs,
  DecisionArgs,
  DeclareConflictArgs,
  FileObjectionArgs,
  OpenSelectionFailureType,
  OpenSelectionInput,
  OpenSelectionState,
  OverrideScreeningArgs,
  OverseerDecisionArgs,
  PanselMemberPlan,
  RecordAssessmentArgs,
  RecordElectionPermissionArgs,
  RecordInaugurationArgs,
  RecordPresidentialDecisionArgs,
  RecordTrackRecordArgs,
  ScheduleStageArgs,
  SetPanselArgs,
  SubmitApplicationArgs,
  SubmitApplicationsArgs,
  SubmitInterviewScoreArgs,
  VacancyState,
  WithdrawApplicationArgs,
} from './definitions';
import { MAX_APPLICATIONS_PER_BATCH } from './definitions';
import { electionPermissionProblem } from '../election/guard';

/** What a guard may read: the state, the run's flags and the (possibly simulated) clock. */
export interface GuardView {
  input: Pick<OpenSelectionInput, 'rules' | 'vacancies' | 'electionWindows'>;
  state: OpenSelectionState;
  /** Application id → its state (the same objects as state.applications). */
  applications: ReadonlyMap<string, ApplicationState>;
  /** Candidate id → the ids of their applications in this round. */
  byCandidate: ReadonlyMap<string, readonly string[]>;
  planSubmitted: boolean;
  screeningPublished: boolean;
  completedStage: string | null;
  overseerVerdictPending: boolean;
  objectionRound: number;
  /** Vacancy id → when its registration closed (workflow clock, ms), once it has. */
  closedAt: Readonly<Record<string, number>>;
  /** How long after a close (workflow clock, ms) applications received before it are still taken. */
  lateReceiptMs: number;
  now: number;
  today: LocalDate;
  /** The agency's time zone (local dates and times of schedules). */
  timeZone: AgencyTimeZone;
  /** The workflow clock's instant for a real instant (training mode compresses time). */
  toClock(realMs: number): number;
}

export function fail(type: OpenSelectionFailureType, message: string, field?: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ field }] });
}

export function requireText(value: string | null | undefined, field: string, what: string, min = 5): void {
  if (!value || value.trim().length < min)
    fail('VALIDATION_FAILED', `${what} wajib diisi (minimal ${min} karakter)`, field);
}

export function isClosedStatus(status: ApplicationStatus): boolean {
  return ['NOT_ELIGIBLE', 'NOT_SHORTLISTED', 'APPOINTED', 'NOT_APPOINTED', 'WITHDRAWN', 'CANCELLED'].includes(status);
}

export function inSelection(v: VacancyState | undefined): boolean {
  return !!v && (v.status === 'IN_SELECTION' || v.status === 'SHORTLISTED');
}

export function vacancyOf(view: Pick<GuardView, 'state'>, id: string): VacancyState | undefined {
  return view.state.vacancies.find((v) => v.id === id);
}

/** Still competing: vacancy in selection, not withdrawn, eligible, not eliminated. */
export function isCompeting(view: Pick<GuardView, 'state'>, a: ApplicationState): boolean {
  return !a.withdrawn && a.eligible === true && !a.trackRecord?.eliminated && inSelection(vacancyOf(view, a.vacancyId));
}

export function memberOf(view: Pick<GuardView, 'state'>, actor: Actor): PanselMemberPlan | undefined {
  return view.state.pansel.find((m) => m.userId === actor.userId);
}

export function recusedFor(view: Pick<GuardView, 'state'>, memberId: string, candidateId: string): boolean {
  return (view.state.conflicts[memberId] ?? []).includes(candidateId);
}

export function expectedInterviewers(view: Pick<GuardView, 'state'>, a: ApplicationState): PanselMemberPlan[] {
  return view.state.pansel.filter((m) => !recusedFor(view, m.id, a.candidateId));
}

/** Roles and stages come from the decisions' declarations (SELECTION_DECISIONS in @seleksi/domain). */
function secretaryOnly(decision: SelectionDecisionName, actor: Actor): void {
  if (!roleMayTake(decision, actor.role))
    fail('FORBIDDEN', 'Hanya sekretariat panitia seleksi yang dapat melakukan ini', 'actor');
}

/** Refused outside the stages the decision is declared for. */
function inDeclaredStage(view: GuardView, decision: SelectionDecisionName): boolean {
  return stageAllows(decision, view.state.stage);
}

function existingApp(view: GuardView, id: string): ApplicationState {
  const a = view.applications.get(id);
  if (!a) fail('NOT_FOUND', 'Lamaran tidak ditemukan pada seleksi ini', 'applicationId');
  return a;
}

function competingApp(view: GuardView, id: string): ApplicationState {
  const a = existingApp(view, id);
  if (!isCompeting(view, a)) fail('WRONG_STAGE', 'Lamaran ini tidak sedang dinilai', 'applicationId');
  return a;
}

function memberActing(
  view: GuardView,
  decision: SelectionDecisionName,
  actor: Actor,
  memberId: string,
): PanselMemberPlan {
  const m = memberOf(view, actor);
  if (!roleMayTake(decision, actor.role) || !m || m.id !== memberId) {
    fail('NOT_A_MEMBER', 'Anda bukan anggota panitia seleksi ini', 'memberId');
  }
  return m;
}

/**
 * An application is taken when the gateway received it while the vacancy's registration was open:
 * by its receipt time, so one that waited in a queue past the close is still in time, for as long
 * as late receipts are accepted after the close.
 */
export function submitApplication(view: GuardView, args: SubmitApplicationArgs): void {
  if (args.actor.role !== 'CANDIDATE') fail('FORBIDDEN', 'Hanya peserta yang dapat mendaftar', 'actor');
  const v = vacancyOf(view, args.vacancyId);
  if (!v) fail('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan pada seleksi ini', 'vacancyId');
  const { stage } = view.state;
  if (stage === 'PLANNED' || stage === 'PLAN_APPROVAL') fail('WRONG_STAGE', 'Pendaftaran belum dibuka', 'vacancyId');
  const received = receivedOnClock(view, args.receivedAt);
  const open =
    (stage === 'REGISTRATION_OPEN' && v.status === 'OPEN') ||
    (stage === 'REGISTRATION_EXTENDED' && v.status === 'EXTENDED');
  const deadline = view.state.deadline?.label === 'REGISTRATION' ? Date.parse(view.state.deadline.at) : null;
  const inTimeWhileOpen = open && deadline !== null && received <= deadline;
  const closedAt = view.closedAt[v.id];
  const inTimeAfterClose =
    ['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED', 'REGISTRATION_CLOSED'].includes(stage) &&
    closedAt !== undefined &&
    view.now <= closedAt + view.lateReceiptMs &&
    received <= closedAt &&
    !open;
  if (!inTimeWhileOpen && !inTimeAfterClose) {
    fail('REGISTRATION_CLOSED', 'Pendaftaran untuk lowongan ini sudah ditutup', 'vacancyId');
  }
  const mine = view.byCandidate.get(args.candidateId) ?? [];
  if (mine.some((id) => view.applications.get(id)?.vacancyId === args.vacancyId)) {
    fail('DUPLICATE_APPLICATION', 'Anda sudah melamar lowongan ini', 'vacancyId');
  }
  if (mine.length >= view.input.rules.vacanciesPerCandidate) {
    fail(
      'APPLICATION_LIMIT_REACHED',
      `Setiap peserta hanya dapat melamar ${view.input.rules.vacanciesPerCandidate} lowongan pada seleksi ini`,
      'vacancyId',
    );
  }
}

/**
 * A batch of applications is taken as a whole (each item is judged by `submitApplication` in the
 * handler, against the state the items before it leave): only its size is checked here.
 */
export function submitApplications(_view: GuardView, args: SubmitApplicationsArgs): void {
  if (!Array.isArray(args.items) || args.items.length === 0 || args.items.length > MAX_APPLICATIONS_PER_BATCH) {
    fail('VALIDATION_FAILED', `Satu kiriman berisi 1–${MAX_APPLICATIONS_PER_BATCH} lamaran`, 'items');
  }
}

/** The receipt time on the workflow clock; a receipt from the future (clock skew) counts as now. */
export function receivedOnClock(view: GuardView, receivedAt: string | undefined): number {
  const real = receivedAt ? Date.parse(receivedAt) : NaN;
  if (!Number.isFinite(real)) return view.now;
  return Math.min(view.toClock(real), view.now);
}

export function setPansel(view: GuardView, args: SetPanselArgs): void {
  secretaryOnly('setPansel', args.actor);
  if (!inDeclaredStage(view, 'setPansel'))
    fail('WRONG_STAGE', 'Panitia seleksi hanya dapat diubah pada tahap perencanaan');
  checkPanselMembers(args.members, view.input.rules.pansel);
}

/** A Pansel as the pinned rules want it (composition), one account per member and exactly one chair. */
export function checkPanselMembers(members: SetPanselArgs['members'], rules: SelectionRules['pansel']): void {
  const problems = validatePanselComposition(
    members.map((m) => ({
      id: m.id,
      internal: m.internal,
      partyMember: m.partyMember,
      bknOfficial: m.bknOfficial ?? false,
    })),
    rules,
  );
  if (problems.length > 0) fail('INVALID_PANSEL', problems.map((p) => p.message).join('; '), 'members');
  const userIds = new Set(members.map((m) => m.userId));
  if (userIds.size !== members.length) fail('INVALID_PANSEL', 'Satu akun hanya untuk satu anggota', 'members');
  if (members.filter((m) => m.role === 'CHAIR').length !== 1) {
    fail('INVALID_PANSEL', 'Panitia seleksi harus memiliki tepat satu ketua', 'members');
  }
}

export function submitPlan(view: GuardView, args: DecisionArgs): void {
  secretaryOnly('submitPlan', args.actor);
  if (!inDeclaredStage(view, 'submitPlan') || view.planSubmitted) fail('WRONG_STAGE', 'Rencana seleksi sudah diajukan');
  if (view.state.pansel.length === 0) fail('INCOMPLETE', 'Tetapkan panitia seleksi terlebih dahulu', 'pansel');
}

export function overseerDecision(view: GuardView, args: OverseerDecisionArgs): void {
  if (!roleMayTake('overseerDecision', args.actor.role)) {
    fail('FORBIDDEN', 'Hanya lembaga pengawas yang dapat memutuskan', 'actor');
  }
  const stage = args.subject === 'PLAN' ? 'PLAN_APPROVAL' : 'OVERSEER_RECOMMENDATION';
  if (view.state.stage !== stage || view.state.overseer?.subject !== args.subject || view.overseerVerdictPending) {
    fail('WRONG_STAGE', 'Tidak ada permintaan yang menunggu keputusan lembaga pengawas untuk hal ini', 'subject');
  }
  requireText(args.reason, 'reason', 'Alasan/pertimbangan');
  if (args.verdict === 'REQUEST_CORRECTION' && args.subject === 'RESULT' && !args.stageAtFault) {
    fail('VALIDATION_FAILED', 'Sebutkan tahapan yang perlu diperbaiki', 'stageAtFault');
  }
}

export function decideVacancy(view: GuardView, args: DecideVacancyArgs): void {
  secretaryOnly('decideVacancy', args.actor);
  const v = vacancyOf(view, args.vacancyId);
  if (!v) fail('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan pada seleksi ini', 'vacancyId');
  if (!v.pendingDecision) fail('WRONG_STAGE', 'Lowongan ini tidak sedang menunggu keputusan panitia', 'vacancyId');
  requireText(args.reason, 'reason', 'Alasan keputusan');
}

export function overrideScreening(view: GuardView, args: OverrideScreeningArgs): void {
  secretaryOnly('overrideScreening', args.actor);
  const a = existingApp(view, args.applicationId);
  const { stage } = view.state;
  const open =
    (stage === 'ADMINISTRATIVE_SCREENING' && !view.screeningPublished && a.eligible !== null) ||
    (stage === 'ADMINISTRATIVE_OBJECTIONS' && a.screeningReopened);
  if (!open) fail('WRONG_STAGE', 'Hasil administrasi lamaran ini tidak dapat diubah pada tahap ini', 'applicationId');
  if (a.withdrawn) fail('WRONG_STAGE', 'Lamaran sudah ditarik', 'applicationId');
  requireText(args.reason, 'reason', 'Alasan perubahan hasil administrasi', 10);
}

export function publishScreening(view: GuardView, args: DecisionArgs): void {
  secretaryOnly('publishScreening', args.actor);
  if (!inDeclaredStage(view, 'publishScreening') || view.screeningPublished) {
    fail('WRONG_STAGE', 'Hasil seleksi administrasi tidak dapat diumumkan pada tahap ini');
  }
  const pending = view.state.applications.filter(
    (a) => !a.withdrawn && a.eligible === null && inSelection(vacancyOf(view, a.vacancyId)),
  );
  if (pending.length > 0) fail('INCOMPLETE', `${pending.length} lamaran belum selesai diperiksa`);
}

export function objectionPhase(view: Pick<GuardView, 'state'>): 'ADMINISTRATIVE' | 'FINAL' {
  return view.state.stage === 'ADMINISTRATIVE_OBJECTIONS' ? 'ADMINISTRATIVE' : 'FINAL';
}

export function fileObjection(view: GuardView, args: FileObjectionArgs): void {
  if (!roleMayTake('fileObjection', args.actor.role)) {
    fail('FORBIDDEN', 'Hanya peserta yang dapat mengajukan sanggahan', 'actor');
  }
  const a = existingApp(view, args.applicationId);
  if (a.candidateId !== args.candidateId) fail('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
  const { deadline } = view.state;
  if (!inDeclaredStage(view, 'fileObjection')) {
    fail('OBJECTION_WINDOW_CLOSED', 'Tidak ada masa sanggah yang sedang berlangsung', 'applicationId');
  }
  if (!deadline || view.now > Date.parse(deadline.at)) {
    fail('OBJECTION_WINDOW_CLOSED', 'Masa sanggah sudah berakhir', 'applicationId');
  }
  const id = `${args.applicationId}:${objectionPhase(view)}:${view.objectionRound}`;
  if (view.state.objections.some((o) => o.objectionId === id)) {
    fail('ALREADY_DECIDED', 'Anda sudah mengajukan sanggahan pada masa sanggah ini', 'applicationId');
  }
  requireText(args.text, 'text', 'Isi sanggahan', 10);
}

export function answerObjection(view: GuardView, args: AnswerObjectionArgs): void {
  secretaryOnly('answerObjection', args.actor);
  const o = view.state.objections.find((x) => x.objectionId === args.objectionId);
  if (!o) fail('NOT_FOUND', 'Sanggahan tidak ditemukan', 'objectionId');
  if (o.upheld !== null) fail('ALREADY_DECIDED', 'Sanggahan ini sudah dijawab', 'objectionId');
  requireText(args.answer, 'answer', 'Jawaban sanggahan', 10);
}

export function declareConflict(view: GuardView, args: DeclareConflictArgs): void {
  memberActing(view, 'declareConflict', args.actor, args.memberId);
  if (!inDeclaredStage(view, 'declareConflict')) {
    fail('WRONG_STAGE', 'Konflik kepentingan dinyatakan sebelum penilaian akhir', 'candidateId');
  }
  requireText(args.reason, 'reason', 'Keterangan konflik kepentingan');
}

export function recordAssessment(view: GuardView, args: RecordAssessmentArgs): void {
  secretaryOnly('recordAssessment', args.actor);
  if (!inDeclaredStage(view, 'recordAssessment')) fail('WRONG_STAGE', 'Bukan tahap uji kompetensi');
  competingApp(view, args.applicationId);
  for (const f of ['managerial', 'socioCultural', 'paper', 'presentation'] as const) {
    if (!isValidScore(args[f])) fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', f);
  }
  if (!isLocalDate(args.assessedAt) || args.assessedAt > view.today) {
    fail('VALIDATION_FAILED', 'Tanggal asesmen tidak valid', 'assessedAt');
  }
  const months = view.input.rules.scoring.assessmentValidityMonths;
  if (addMonths(args.assessedAt, months) < view.today) {
    fail('VALIDATION_FAILED', `Hasil asesmen sudah melewati masa berlaku ${months} bulan`, 'assessedAt');
  }
}

export function submitInterviewScore(view: GuardView, args: SubmitInterviewScoreArgs): void {
  const m = memberActing(view, 'submitInterviewScore', args.actor, args.memberId);
  if (!inDeclaredStage(view, 'submitInterviewScore')) fail('WRONG_STAGE', 'Bukan tahap wawancara');
  const a = competingApp(view, args.applicationId);
  if (recusedFor(view, m.id, a.candidateId)) {
    fail(
      'RECUSED',
      'Anda menyatakan konflik kepentingan dengan peserta ini dan tidak dapat menilainya',
      'applicationId',
    );
  }
  if (!isValidScore(args.score)) fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', 'score');
  const mine = a.interview[m.id];
  if (mine && mine.round >= a.calibrationRound) {
    fail('ALREADY_DECIDED', 'Anda sudah memberi nilai untuk peserta ini', 'applicationId');
  }
  if (a.calibrationRound > 0) requireText(args.reason, 'reason', 'Alasan penilaian ulang (kalibrasi)', 10);
}

export function recordTrackRecord(view: GuardView, args: RecordTrackRecordArgs): void {
  secretaryOnly('recordTrackRecord', args.actor);
  if (!inDeclaredStage(view, 'recordTrackRecord')) fail('WRONG_STAGE', 'Bukan tahap penelusuran rekam jejak');
  const a = existingApp(view, args.applicationId);
  if (a.withdrawn || a.eligible !== true || !inSelection(vacancyOf(view, a.vacancyId))) {
    fail('WRONG_STAGE', 'Lamaran ini tidak sedang dinilai', 'applicationId');
  }
  if (!isValidScore(args.score)) fail('VALIDATION_FAILED', 'Nilai harus 0–100 dengan paling banyak 2 desimal', 'score');
  requireText(args.findings, 'findings', 'Temuan rekam jejak');
  if (args.eliminate) requireText(args.reason, 'reason', 'Alasan menggugurkan peserta', 10);
}

/** What is still missing before a scored stage can be closed (at most `limit` items named). */
export function incompleteFor(view: GuardView, stage: string, limit = 5): { count: number; named: string[] } {
  const named: string[] = [];
  let count = 0;
  const note = (text: string): void => {
    count += 1;
    if (named.length < limit) named.push(text);
  };
  for (const a of view.state.applications) {
    if (stage === 'TRACK_RECORD') {
      if (!a.withdrawn && a.eligible === true && inSelection(vacancyOf(view, a.vacancyId)) && !a.trackRecord) {
        note(`rekam jejak ${a.applicationId}`);
      }
      continue;
    }
    if (!isCompeting(view, a)) continue;
    if (stage === 'COMPETENCY_ASSESSMENT' && !a.assessment) note(`nilai uji kompetensi ${a.applicationId}`);
    if (stage === 'INTERVIEW') {
      const missing = expectedInterviewers(view, a).filter((m) => {
        const s = a.interview[m.id];
        return !s || s.round < a.calibrationRound;
      });
      if (missing.length > 0 || a.calibrationRequested) {
        note(`wawancara ${a.applicationId} (${missing.map((m) => m.name).join(', ') || 'kalibrasi'})`);
      }
    }
  }
  return { count, named };
}

export function completeStage(view: GuardView, args: CompleteStageArgs): void {
  secretaryOnly('completeStage', args.actor);
  if (view.state.stage !== args.stage || view.completedStage === args.stage) {
    fail('WRONG_STAGE', 'Tahap ini tidak sedang berlangsung', 'stage');
  }
  const missing = incompleteFor(view, args.stage);
  if (missing.count > 0) {
    const more = missing.count > missing.named.length ? ` dan ${missing.count - missing.named.length} lainnya` : '';
    fail('INCOMPLETE', `Belum lengkap: ${missing.named.join('; ')}${more}`, 'stage');
  }
}

/** Stages during which each in-person stage may be (re)scheduled. */
const SCHEDULABLE_DURING: Record<ScheduleStageArgs['stage'], readonly string[]> = {
  COMPETENCY_ASSESSMENT: ['COMPETENCY_ASSESSMENT'],
  INTERVIEW: ['COMPETENCY_ASSESSMENT', 'INTERVIEW'],
};

export const SCHEDULE_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function scheduleStage(view: GuardView, args: ScheduleStageArgs): void {
  secretaryOnly('scheduleStage', args.actor);
  const during = SCHEDULABLE_DURING[args.stage];
  if (!during) fail('VALIDATION_FAILED', 'Tahap ini tidak dijadwalkan', 'stage');
  if (!during.includes(view.state.stage) || view.completedStage === args.stage) {
    fail('WRONG_STAGE', 'Jadwal tahap ini tidak dapat diatur sekarang', 'stage');
  }
  if (!isLocalDate(args.date)) fail('VALIDATION_FAILED', 'Tanggal tidak valid', 'date');
  if (args.date < view.today) fail('VALIDATION_FAILED', 'Tanggal tidak boleh sebelum hari ini', 'date');
  if (typeof args.time !== 'string' || !SCHEDULE_TIME.test(args.time)) {
    fail('VALIDATION_FAILED', 'Jam tidak valid (format JJ:MM)', 'time');
  }
  requireText(args.place, 'place', 'Lokasi', 3);
  if (args.place.length > 300 || /[\r\n]/.test(args.place)) {
    fail('VALIDATION_FAILED', 'Lokasi ditulis dalam satu baris, paling banyak 300 karakter', 'place');
  }
  if (args.notes != null && (typeof args.notes !== 'string' || args.notes.length > 1000)) {
    fail('VALIDATION_FAILED', 'Catatan paling banyak 1000 karakter', 'notes');
  }
  if (!view.state.applications.some((a) => isCompeting(view, a))) {
    fail('INCOMPLETE', 'Tidak ada peserta yang dapat diundang', 'stage');
  }
  const current = view.state.schedules?.[args.stage];
  if (
    current &&
    current.place === args.place.trim() &&
    (current.notes ?? null) === (args.notes?.trim() || null) &&
    current.startsAt === scheduleInstant(args.date, args.time, view.timeZone)
  ) {
    fail('ALREADY_DECIDED', 'Jadwal ini sama dengan jadwal yang berlaku', 'date');
  }
}

/** The instant of a local date and "HH:mm" at the agency. */
export function scheduleInstant(date: LocalDate, time: string, tz: AgencyTimeZone): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(startOfLocalDay(date, tz).getTime() + (h * 60 + m) * 60_000).toISOString();
}

function choiceGuards(
  view: GuardView,
  v: VacancyState,
  chosen: string,
  justification: string | null | undefined,
): void {
  const problems = checkAppointeeChoice({ shortlist: v.shortlist, chosen, justification });
  const p = problems[0];
  if (p) fail(p.code === 'NOT_IN_SHORTLIST' ? 'NOT_IN_SHORTLIST' : 'JUSTIFICATION_REQUIRED', p.message, p.field);
  if (view.applications.get(chosen)?.withdrawn) {
    fail('NOT_IN_SHORTLIST', 'Peserta ini sudah menarik lamarannya', 'applicationId');
  }
  // The region's windows (resolved when the step opened) and an older round's hand-typed ones.
  const windows = [...(view.state.electionWindows ?? []), ...(view.input.electionWindows ?? [])];
  const election = electionPermissionProblem(view.today, windows, view.state.electionPermission);
  if (election) fail('ELECTION_PERMISSION_REQUIRED', election.message, election.field);
  const incumbent = view.input.vacancies.find((x) => x.id === v.id)?.incumbentInauguratedOn;
  if (incumbent && isIncumbentLocked(incumbent, view.today)) {
    fail('INCUMBENT_LOCKED', 'Pejabat yang sedang menjabat belum 2 tahun sejak dilantik', 'vacancyId');
  }
}

export function chooseAppointee(view: GuardView, args: ChooseAppointeeArgs): void {
  if (!roleMayTake('chooseAppointee', args.actor.role)) {
    fail('FORBIDDEN', 'Hanya Pejabat Pembina Kepegawaian yang dapat memilih', 'actor');
  }
  if (!inDeclaredStage(view, 'chooseAppointee')) fail('WRONG_STAGE', 'Bukan tahap pemilihan 1 dari 3 nama');
  const v = vacancyOf(view, args.vacancyId);
  if (!v || v.status !== 'SHORTLISTED') fail('UNKNOWN_VACANCY', 'Lowongan tidak menunggu pemilihan', 'vacancyId');
  if (v.proposedApplicationId) fail('ALREADY_DECIDED', 'Pilihan untuk lowongan ini sudah dicatat', 'vacancyId');
  choiceGuards(view, v, args.applicationId, args.justification);
}

export function recordPresidentialDecision(view: GuardView, args: RecordPresidentialDecisionArgs): void {
  secretaryOnly('recordPresidentialDecision', args.actor);
  if (!inDeclaredStage(view, 'recordPresidentialDecision')) fail('WRONG_STAGE', 'Bukan tahap pemilihan 1 dari 3 nama');
  const v = vacancyOf(view, args.vacancyId);
  if (!v || v.status !== 'SHORTLISTED') fail('UNKNOWN_VACANCY', 'Lowongan tidak menunggu keputusan', 'vacancyId');
  const p = view.input.vacancies.find((x) => x.id === v.id)!;
  if (p.level === 'PRATAMA') fail('WRONG_STAGE', 'JPT Pratama ditetapkan oleh PPK, bukan Presiden', 'vacancyId');
  if (!v.proposedApplicationId) fail('INCOMPLETE', 'PPK belum menyampaikan usulan kepada Presiden', 'vacancyId');
  requireText(args.decreeNumber, 'decreeNumber', 'Nomor Keputusan Presiden', 3);
  if (!isLocalDate(args.decreeDate)) fail('VALIDATION_FAILED', 'Tanggal keputusan tidak valid', 'decreeDate');
  choiceGuards(view, v, args.applicationId, args.justification);
}

export function recordElectionPermission(_view: GuardView, args: RecordElectionPermissionArgs): void {
  secretaryOnly('recordElectionPermission', args.actor);
  requireText(args.letterNumber, 'letterNumber', 'Nomor surat izin Menteri Dalam Negeri', 3);
  if (!isLocalDate(args.letterDate)) fail('VALIDATION_FAILED', 'Tanggal surat tidak valid', 'letterDate');
  if (args.scope != null) requireText(args.scope, 'scope', 'Lingkup izin', 3);
  requireText(args.reason, 'reason', 'Keterangan');
}

export function recordInauguration(view: GuardView, args: RecordInaugurationArgs): void {
  secretaryOnly('recordInauguration', args.actor);
  if (!inDeclaredStage(view, 'recordInauguration')) fail('WRONG_STAGE', 'Bukan tahap pelantikan');
  const v = vacancyOf(view, args.vacancyId);
  if (!v || v.status !== 'DECREED') fail('UNKNOWN_VACANCY', 'Lowongan ini tidak menunggu pelantikan', 'vacancyId');
  if (!isLocalDate(args.date)) fail('VALIDATION_FAILED', 'Tanggal pelantikan tidak valid', 'date');
  requireText(args.place, 'place', 'Tempat pelantikan', 3);
}

export function withdrawApplication(view: GuardView, args: WithdrawApplicationArgs): void {
  if (!roleMayTake('withdrawApplication', args.actor.role)) {
    fail('FORBIDDEN', 'Hanya peserta yang dapat menarik lamarannya', 'actor');
  }
  const a = existingApp(view, args.applicationId);
  if (a.candidateId !== args.candidateId) fail('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
  if (a.withdrawn) fail('ALREADY_DECIDED', 'Lamaran sudah ditarik', 'applicationId');
  if (isClosedStatus(a.status)) fail('WRONG_STAGE', 'Lamaran ini sudah selesai diproses', 'applicationId');
  if (!inDeclaredStage(view, 'withdrawApplication')) {
    fail('WRONG_STAGE', 'Lamaran tidak dapat ditarik setelah keputusan pengangkatan', 'applicationId');
  }
  requireText(args.reason, 'reason', 'Alasan penarikan');
}
