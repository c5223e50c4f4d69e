/**
 * One run of an open selection: the state, the clock (real, or compressed in training mode), the
 * deadlines, the recording of decisions and statuses, and continue-as-new. Stages (stages/*.ts) and
 * decision handlers (decisions.ts) work through it; guards read its `view()`.
 *
 * Bounded history: every wait goes through `wait()`, which continues as new (after all handlers
 * finish) once the history nears its limit, carrying the state and the run's progress; the stage
 * then resumes at the same wait, skipping the steps it had done (`once()`). Per-applicant work goes
 * to batch activities, never a chain of one activity per applicant.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addCalendarDays,
  spansProvisionalYear,
  addWorkingDays,
  endOfLocalDay,
  interviewScore,
  localDateOf,
  needsCalibration,
  periodDeadline,
  weightedTotal,
  type Actor,
  type ApplicationStatus,
  type AuditRecordDto,
  type DocumentDto,
  type DayKind,
  type HolidayCalendar,
  type LocalDate,
  type ReasonCode,
  type SelectionStage,
} from '@seleksi/domain';
import type {
  ApplicationEvent,
  ApplicationSubmission,
  DecisionEffects,
  OpenSelectionActivities,
  StageDocumentKind,
  StageDocumentSpec,
} from './activities';
import { compactApplication, compactRanking, expandApplication, expandRanking } from './compact';
import { openVacancyState } from './definitions';
import { splitIntoParts } from './document-parts';
import type {
  ApplicationState,
  CorrectableStage,
  DeadlineState,
  DecisionKind,
  OpenSelectionCarry,
  OpenSelectionInput,
  OpenSelectionState,
  OpenSelectionSummary,
  OverseerDecisionArgs,
  RecordedDecision,
  RunProgress,
} from './definitions';
import { newDecision } from '../decision-recorder';
import { expectedInterviewers, type GuardView } from './guards';
import { SelectionStageKey, StageDeadlineKey } from '../search-attributes';
import { markStage, SELECTION_WAITING_FOR, timerSummary } from '../operator-view';

/** Single calls: one service round trip each. */
export const acts = proxyActivities<OpenSelectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

/**
 * The apply path's recording (one service call for a batch of applications): a local activity, run by
 * the worker inside the workflow task, so an application costs no activity task round trips through
 * the server. Idempotent like every recording, so a retry after a worker crash completes it.
 */
const localActs = proxyLocalActivities<OpenSelectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

/** Batch calls: bounded batches that heartbeat, so a stalled worker is noticed in a minute. */
export const batchActs = proxyActivities<OpenSelectionActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

/** Decisions taken by a rule rather than a person (silence of the overseer, deadlines). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'ADMIN', displayName: 'Sistem (aturan tenggat waktu)' };

/** Where the stage loop goes next. */
export type Next = 'PLAN' | 'ANNOUNCE' | CorrectableStage | 'REPORT' | 'APPOINTMENT_CHOICE' | 'DECREE' | 'DONE';

export interface DeadlineSpec {
  label: DeadlineState['label'];
  /** PERIOD: `days` counted from `from` as day 1; AFTER: the `days`-th day after `from`. */
  mode: 'PERIOD' | 'AFTER';
  from: LocalDate;
  days: number;
  kind: DayKind;
}

export interface StatusChange {
  a: ApplicationState;
  status?: ApplicationStatus;
  reasonCode: ReasonCode;
  note: string | null;
  /** The entry's expected next date when it is not the running deadline (an invitation's date). */
  expectedNextAt?: string;
}

/** Applications per batch activity call: small enough for payloads, large enough for few calls. */
const BATCH = 250;
/** Decisions kept in the workflow state (the audit record in the candidate service keeps them all). */
const DECISIONS_KEPT = 200;
const DEFAULT_CONTINUE_AS_NEW_EVENTS = 8_000;
/**
 * A run hands over at its next wait past 3 MB of history: the largest stage step of a round of thousands
 * (statuses and result documents) adds about 4–5 MB, so no run nears Temporal's 10 MB warning.
 */
const CONTINUE_AS_NEW_BYTES = 3 * 1024 * 1024;
/**
 * Temporal refuses Updates past 2,000 in one run (history.maxTotalUpdates), counting refused ones too
 * (HANDING_OVER while a run hands over, other validation refusals), which the workflow cannot count: a run
 * hands over after 1,000 taken, leaving 1,000 for refusals (8 clients resending every second for two
 * minutes). Runs started before this change keep 1,500 (bench:round 5000 20 reached 2,000 with it).
 */
const CONTINUE_AS_NEW_UPDATES = 1_000;
const CONTINUE_AS_NEW_UPDATES_V1 = 1_500;
const UPDATES_CAP_V2 = 'updates-cap-1000';
/**
 * Stage documents stage their rows in parts first (a claim check in the document service): the score
 * sheet of bench:round 5000 20 was 2.9 MB in one activity input, past Temporal's 2 MB payload limit, and
 * the round stopped at the final ranking. Runs that issued documents before keep the single input.
 */
const DOCUMENT_PARTS = 'document-parts';
/** Rows of each list per staged part: about 150 KB of payload. */
const DOCUMENT_PART_ROWS = 250;
/** Update outcomes kept for retries across continue-as-new (a retry comes within seconds). */
const ANSWERS_KEPT = 300;

/** Years the calendar lacks get weekends only, so a running deadline never fails; an amendment corrects it. */
function withFallbackYears(calendar: HolidayCalendar, fromYear: number): HolidayCalendar {
  const out: HolidayCalendar = { ...calendar };
  for (let y = fromYear - 1; y <= fromYear + 3; y++) {
    out[y] ??= {
      year: y,
      holidays: [],
      cutiBersama: [],
      source: 'Belum tersedia (hanya Sabtu dan Minggu)',
      provisional: true,
    };
  }
  return out;
}

/** A round as it opens: planned, every vacancy open, nothing applied or decided. */
export function initialState(input: OpenSelectionInput): OpenSelectionState {
  return {
    selectionId: input.selectionId,
    agencyCode: input.agency.code,
    stage: 'PLANNED',
    simulation: !!input.simulation,
    registrationClosesAt: input.registrationClosesAt,
    deadline: null,
    announcementDocument: null,
    documents: [],
    pansel: [],
    conflicts: {},
    vacancies: input.vacancies.map((v) => openVacancyState(v.id)),
    applications: [],
    applicationsPerVacancy: Object.fromEntries(input.vacancies.map((v) => [v.id, 0])),
    objections: [],
    overseer: null,
    electionPermission: null,
    decisions: [],
    calendarRevision: 0,
  };
}

export class SelectionRun {
  readonly state: OpenSelectionState;
  readonly p: RunProgress;
  readonly apps = new Map<string, ApplicationState>();
  readonly byCandidate = new Map<string, string[]>();
  readonly workflowId = workflowInfo().workflowId;
  readonly tz: OpenSelectionInput['agency']['timeZone'];
  private readonly speed: number;
  private readonly vacancyIds: string[];
  /** Updates this run has taken (Temporal caps them per run), and how many it takes before handing over. */
  private updatesThisRun = 0;
  private readonly maxUpdates = patched(UPDATES_CAP_V2) ? CONTINUE_AS_NEW_UPDATES : CONTINUE_AS_NEW_UPDATES_V1;

  constructor(
    readonly input: OpenSelectionInput,
    carry?: OpenSelectionCarry,
  ) {
    this.tz = input.agency.timeZone;
    this.speed = input.simulation ? 86_400 / input.simulation.secondsPerDay : 1;
    this.vacancyIds = input.vacancies.map((v) => v.id);
    if (carry) {
      // Re-added below, which counts them again per vacancy.
      this.state = { ...carry.state, applications: [], applicationsPerVacancy: {} };
      this.p = carry.run;
      for (const row of carry.applications) this.addApplication(expandApplication(row, this.compactIndex()));
      const rankings = carry.rankings;
      if (rankings) {
        const ids = this.state.applications.map((a) => a.applicationId);
        this.state.vacancies = this.state.vacancies.map((v) =>
          rankings[v.id] ? { ...v, ranking: expandRanking(rankings[v.id]!, ids) } : v,
        );
      }
    } else {
      const origin = workflowInfo().startTime.getTime();
      this.state = initialState(input);
      this.p = {
        origin,
        next: 'PLAN',
        steps: [],
        planSubmitted: false,
        screeningPublished: false,
        completedStage: null,
        overseerVerdict: null,
        reRankRequested: false,
        deadlineSpec: null,
        eventSeq: 0,
        objectionRound: 0,
        screeningRevision: 0,
        rankingRevision: 0,
        lastIssuedScreeningRevision: 0,
        reopenHandled: [],
        interviewBaseRound: {},
        unannounced: [],
        closedAt: {},
        answered: [],
        calendar: withFallbackYears(input.calendar, Number(localDateOf(origin, this.tz).slice(0, 4))),
        runs: 1,
      };
    }
  }

  get rules() {
    return this.input.rules;
  }

  get next(): Next {
    return this.p.next as Next;
  }

  get overseerVerdict(): OverseerDecisionArgs | null {
    return this.p.overseerVerdict as OverseerDecisionArgs | null;
  }

  // -------------------------------------------------------------------------------------------
  // Clock

  /** Workflow clock: real time, or compressed time in training mode (a day lasts secondsPerDay). */
  now(): number {
    return this.toClock(Date.now());
  }

  toClock(realMs: number): number {
    return this.speed === 1 ? realMs : this.p.origin + (realMs - this.p.origin) * this.speed;
  }

  /** The real instant a clock instant falls on, for operators in the Temporal UI. */
  toReal(clockMs: number): number {
    return this.p.origin + (clockMs - this.p.origin) / this.speed;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  today(): LocalDate {
    return localDateOf(this.now(), this.tz);
  }

  /** Real seconds → the same span on the workflow clock. */
  clockSpan(realSeconds: number): number {
    return realSeconds * 1000 * this.speed;
  }

  // -------------------------------------------------------------------------------------------
  // Applications

  addApplication(a: ApplicationState): void {
    this.state.applications.push(a);
    this.apps.set(a.applicationId, a);
    const mine = this.byCandidate.get(a.candidateId) ?? [];
    mine.push(a.applicationId);
    this.byCandidate.set(a.candidateId, mine);
    this.state.applicationsPerVacancy[a.vacancyId] = (this.state.applicationsPerVacancy[a.vacancyId] ?? 0) + 1;
  }

  removeApplication(a: ApplicationState): void {
    this.state.applications = this.state.applications.filter((x) => x !== a);
    this.apps.delete(a.applicationId);
    const mine = (this.byCandidate.get(a.candidateId) ?? []).filter((id) => id !== a.applicationId);
    if (mine.length > 0) this.byCandidate.set(a.candidateId, mine);
    else this.byCandidate.delete(a.candidateId);
    this.state.applicationsPerVacancy[a.vacancyId] = (this.state.applicationsPerVacancy[a.vacancyId] ?? 1) - 1;
  }

  summary(): OpenSelectionSummary {
    const { applications, ...rest } = this.state;
    return { ...rest, applicationCount: applications.length };
  }

  app(id: string): ApplicationState | undefined {
    return this.apps.get(id);
  }

  view(): GuardView {
    return {
      input: this.input,
      state: this.state,
      applications: this.apps,
      byCandidate: this.byCandidate,
      planSubmitted: this.p.planSubmitted,
      screeningPublished: this.p.screeningPublished,
      completedStage: this.p.completedStage,
      overseerVerdictPending: this.p.overseerVerdict !== null,
      objectionRound: this.p.objectionRound,
      closedAt: this.p.closedAt,
      lateReceiptMs: this.clockSpan(this.lateReceiptSeconds()),
      now: this.now(),
      today: this.today(),
      timeZone: this.tz,
      toClock: (ms) => this.toClock(ms),
    };
  }

  lateReceiptSeconds(): number {
    // Training mode too: a rush drills the same backlog, whatever the speed of its days.
    return this.input.lateReceiptGraceSeconds ?? 120;
  }

  interviewOf(a: ApplicationState): number | null {
    const values = Object.values(a.interview).map((s) => s.value);
    return values.length > 0 ? interviewScore(values) : null;
  }

  totalOf(a: ApplicationState): number | null {
    return weightedTotal(
      {
        assessment: a.assessment?.score ?? null,
        paper: a.assessment?.paper ?? null,
        presentation: a.assessment?.presentation ?? null,
        interview: this.interviewOf(a),
        trackRecord: a.trackRecord?.score ?? null,
      },
      this.rules.scoring.weights,
    );
  }

  /**
   * Raises a calibration round (true) when every expected member has scored the current round and
   * the scores are further apart than the pinned threshold.
   */
  checkCalibration(a: ApplicationState): boolean {
    const current = expectedInterviewers(this, a).map((m) => a.interview[m.id]);
    if (!current.every((s) => s !== undefined && s.round >= a.calibrationRound)) return false;
    a.calibrationRequested = false;
    const limit = (this.p.interviewBaseRound[a.applicationId] ?? 0) + this.rules.interview.maxCalibrationRounds;
    if (
      a.calibrationRound < limit &&
      needsCalibration(
        current.map((s) => s!.value),
        this.rules.interview.calibrationThreshold,
      )
    ) {
      a.calibrationRound += 1;
      a.calibrationRequested = true;
      return true;
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Retried decisions

  /**
   * True when this Update's id was answered already, in this run or an earlier one of the chain:
   * Temporal deduplicates Update ids within a run only, so the outcomes of the latest ones travel
   * with continue-as-new and a client retrying after a time-out gets the recorded decision back.
   */
  answeredBefore(): boolean {
    const id = currentUpdateInfo()?.id;
    return !!id && this.p.answered.some(([x]) => x === id);
  }

  async deduplicated<R>(effect: () => Promise<R>, byUpdateId = true): Promise<R> {
    const id = byUpdateId ? currentUpdateInfo()?.id : undefined;
    const earlier = id ? this.p.answered.find(([x]) => x === id) : undefined;
    if (earlier) return earlier[1] as R;
    this.updatesThisRun += 1;
    const result = await effect();
    if (id) this.remember(id, result);
    return result;
  }

  /** The earlier answer to a request id (an Update id, or an item of a batch), in this run or an earlier one. */
  answerOf(id: string): unknown {
    return this.p.answered.find(([x]) => x === id)?.[1];
  }

  remember(id: string, result: unknown): void {
    this.p.answered.push([id, result]);
    if (this.p.answered.length > ANSWERS_KEPT) this.p.answered.splice(0, this.p.answered.length - ANSWERS_KEPT);
  }

  /** Batch items being recorded, by request id: a resend that arrives meanwhile waits for the same outcome. */
  readonly pendingRequests = new Map<string, Promise<unknown>>();

  // -------------------------------------------------------------------------------------------
  // Deadlines and waiting

  private computeDeadline(spec: DeadlineSpec): { at: number; lastDay: LocalDate } {
    const calendar = this.p.calendar;
    if (spec.mode === 'PERIOD') {
      const d = periodDeadline(spec.from, spec.days, spec.kind, this.tz, calendar);
      return { at: d.closesAt.getTime(), lastDay: d.lastDay };
    }
    const lastDay =
      spec.kind === 'WORKING' ? addWorkingDays(spec.from, spec.days, calendar) : addCalendarDays(spec.from, spec.days);
    return { at: endOfLocalDay(lastDay, this.tz).getTime(), lastDay };
  }

  setDeadline(spec: DeadlineSpec): void {
    this.p.deadlineSpec = spec;
    this.refreshDeadline();
  }

  clearDeadline(): void {
    this.p.deadlineSpec = null;
    this.refreshDeadline();
  }

  /** Recomputes the running deadline from its spec (after a calendar amendment too) and publishes it. */
  refreshDeadline(): void {
    const spec = this.p.deadlineSpec as DeadlineSpec | null;
    if (!spec) {
      this.state.deadline = null;
    } else {
      const d = this.computeDeadline(spec);
      this.state.deadline = { label: spec.label, at: new Date(d.at).toISOString(), lastDay: d.lastDay };
      // Data only (no command): histories recorded before the flag replay unchanged.
      if (spansProvisionalYear(spec.from, d.lastDay, this.p.calendar)) this.state.deadline.provisional = true;
      if (spec.label === 'REGISTRATION') this.state.registrationClosesAt = this.state.deadline.at;
    }
    upsertSearchAttributes([
      {
        key: StageDeadlineKey,
        value: this.state.deadline ? new Date(this.toReal(Date.parse(this.state.deadline.at))) : null,
      },
    ]);
  }

  amendCalendar(calendar: HolidayCalendar): void {
    this.p.calendar = withFallbackYears(calendar, Number(localDateOf(this.p.origin, this.tz).slice(0, 4)));
    this.state.calendarRevision += 1;
    this.refreshDeadline();
  }

  deadlineAt = (): number | null => (this.state.deadline ? Date.parse(this.state.deadline.at) : null);

  /**
   * Waits until `cond` holds (true) or the deadline passes (false). Follows calendar amendments, and
   * continues as new when the history nears its limit (the stage resumes here in the next run).
   */
  async wait(cond: () => boolean, deadline: () => number | null = () => null): Promise<boolean> {
    for (;;) {
      if (cond()) return true;
      if (this.historyFull()) await this.continueAsNew();
      const revision = this.state.calendarRevision;
      const d = deadline();
      const woken = () => cond() || this.state.calendarRevision !== revision || this.historyFull();
      if (d === null) {
        await condition(woken);
        continue;
      }
      const remaining = Math.ceil((d - this.now()) / this.speed);
      if (remaining <= 0) return false;
      await condition(woken, remaining, { summary: timerSummary(this.state.stage, this.state.deadline?.label) });
    }
  }

  /** The Temporal UI's current details and WaitingFor/WaitingSince for the stage just entered (operator-view.ts). */
  markStage(): void {
    const stage = this.state.stage;
    const now = this.now();
    markStage({
      stage,
      role: SELECTION_WAITING_FOR[stage] ?? null,
      sinceMs: now,
      realMs: this.toReal(now),
      tz: this.tz,
      deadline: this.state.deadline?.at ?? null,
    });
  }

  /**
   * Between two steps of a stage: continues as new when the history is full, so that a stage made of
   * several large steps (the ranking's statuses and three result documents of thousands of rows) spreads
   * over runs instead of filling one (bench:round 5000 20: one run of 12.5 MB, past Temporal's 10 MB
   * warning). Never inside a step: the step would run again in the next run.
   */
  async handOverIfFull(): Promise<void> {
    if (this.historyFull()) await this.continueAsNew();
  }

  /** Runs a side-effecting step of the current stage once, also when the stage resumes in a new run. */
  async once(key: string, fn: () => Promise<void>): Promise<void> {
    if (this.p.steps.includes(key)) return;
    await fn();
    this.p.steps.push(key);
  }

  /** Moves the stage loop on; the steps done belong to the stage left. */
  goTo(next: Next): void {
    this.p.next = next;
    this.p.steps = [];
  }

  private compactIndex() {
    return { vacancyIds: this.vacancyIds, memberIds: this.state.pansel.map((m) => m.id) };
  }

  /**
   * True while the run hands over, or once it has taken its Updates: its validators then refuse new
   * decisions (HANDING_OVER) also while the stage loop is inside a long step (a fan-out to thousands of
   * applications) and cannot continue as new yet; decisions taken meanwhile reached Temporal's hard cap of
   * 2,000 per run in bench:round 5000 20. (Events past the threshold have no such cap: they wait for the
   * next wait.)
   */
  dueToHandOver(): boolean {
    return this.handingOver || this.updatesThisRun >= this.maxUpdates;
  }

  private historyFull(): boolean {
    const info = workflowInfo();
    const limit = this.input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_EVENTS;
    return (
      info.historyLength >= limit ||
      info.historySize >= CONTINUE_AS_NEW_BYTES ||
      info.continueAsNewSuggested ||
      this.updatesThisRun >= this.maxUpdates
    );
  }

  /**
   * True while the run waits for its last handlers before continuing as new: new decisions are
   * refused with HANDING_OVER (no history written), and the client sends them again to the next run;
   * otherwise a steady stream of decisions could keep the run from ever handing over.
   */
  handingOver = false;

  private async continueAsNew(): Promise<never> {
    this.handingOver = true;
    await condition(allHandlersFinished);
    const { applications, ...rest } = this.state;
    const index = this.compactIndex();
    const indexOf = new Map(applications.map((a, i) => [a.applicationId, i]));
    const carry: OpenSelectionCarry = {
      state: { ...rest, vacancies: rest.vacancies.map((v) => ({ ...v, ranking: [] })) },
      applications: applications.map((a) => compactApplication(a, index)),
      rankings: Object.fromEntries(rest.vacancies.map((v) => [v.id, compactRanking(v.ranking, indexOf)])),
      run: { ...this.p, runs: this.p.runs + 1 },
    };
    return continueAsNew<(input: OpenSelectionInput, carry?: OpenSelectionCarry) => Promise<OpenSelectionState>>(
      this.input,
      carry,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Recording: decisions, statuses, stages, read model, documents

  /** A decision as recorded (who, when, why), kept in the state (the latest ones) and sent to the audit record. */
  decision(
    kind: DecisionKind,
    by: Actor,
    reason: string | null,
    subjectId: string | null,
    payload: Record<string, unknown>,
  ): { decision: RecordedDecision; audit: AuditRecordDto } {
    const decision = newDecision(kind, by, reason, subjectId);
    this.state.decisions.push(decision);
    if (this.state.decisions.length > DECISIONS_KEPT)
      this.state.decisions.splice(0, this.state.decisions.length - DECISIONS_KEPT);
    return {
      decision,
      audit: { ...decision, selectionId: this.input.selectionId, workflowId: this.workflowId, payload },
    };
  }

  /** Writes a decision's audit record and effects (one activity); answers the stored application, if any. */
  record(effects: DecisionEffects) {
    return acts.recordDecision(effects);
  }

  /** Records a batch of applications (each with its audit record and files) in one activity. */
  recordApplications(items: ApplicationSubmission[]) {
    return localActs.recordApplications(items);
  }

  /** Records a decision and its effects (scores, timeline entries, stored records) in one activity. */
  async commit(
    kind: DecisionKind,
    by: Actor,
    reason: string | null,
    subjectId: string | null,
    payload: Record<string, unknown>,
    effects: Omit<DecisionEffects, 'audit'> = {},
  ): Promise<RecordedDecision> {
    const { decision, audit } = this.decision(kind, by, reason, subjectId, payload);
    await this.record({ ...effects, audit });
    return decision;
  }

  /** A timeline entry for one application (statuses set by the caller), to send with a decision. */
  event(a: ApplicationState, reasonCode: ReasonCode, note: string | null, expectedNextAt?: string): ApplicationEvent {
    this.p.eventSeq += 1;
    return {
      applicationId: a.applicationId,
      entry: {
        eventId: `${this.workflowId}:${a.applicationId}:${this.p.eventSeq}`,
        at: this.nowIso(),
        status: a.status,
        reasonCode,
        note,
        expectedNextAt: expectedNextAt ?? this.state.deadline?.at ?? null,
      },
    };
  }

  /** Sets the statuses and records the timeline entries of many applications in batch activities. */
  async setStatuses(changes: StatusChange[]): Promise<void> {
    const events = changes.map((c) => {
      if (c.status) c.a.status = c.status;
      return this.event(c.a, c.reasonCode, c.note, c.expectedNextAt);
    });
    for (let i = 0; i < events.length; i += BATCH) {
      await batchActs.recordApplicationEvents(events.slice(i, i + BATCH));
    }
  }

  async enterStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    applicationStatus?: ApplicationStatus,
  ): Promise<void> {
    // The event is dated when the stage begins, not after the projection: an application taken while the
    // projection ran (the stage already shown as open) is later than the event and does not receive it.
    const at = this.nowIso();
    this.state.stage = stage;
    upsertSearchAttributes([{ key: SelectionStageKey, value: stage }]);
    this.markStage();
    await this.project();
    await this.recordStage(stage, reasonCode, this.state.deadline?.at ?? null, applicationStatus, at);
  }

  async recordStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    expectedNextAt: string | null,
    applicationStatus?: ApplicationStatus,
    at = this.nowIso(),
  ): Promise<void> {
    this.p.eventSeq += 1;
    // Deterministic event id: a retried activity or a replay records the same event once.
    await acts.recordSelectionStage(this.input.selectionId, {
      eventId: `${this.workflowId}:${this.p.eventSeq}:${stage}`,
      stage,
      at,
      reasonCode,
      expectedNextAt,
      applicationStatus,
    });
  }

  async issueAnnouncement() {
    const doc = await acts.issueVacancyAnnouncement({
      ...this.input,
      registrationClosesAt: this.state.registrationClosesAt,
      ...(this.state.deadline?.provisional ? { registrationProvisional: true } : {}),
    });
    this.state.announcementDocument = doc;
    return doc;
  }

  async project(): Promise<void> {
    await acts.projectSelection(this.input, {
      stage: this.state.stage,
      registrationClosesAt: this.state.registrationClosesAt,
      announcementDocumentId: this.state.announcementDocument?.id ?? null,
      vacancies: this.state.vacancies,
    });
  }

  async issue(
    kind: StageDocumentKind,
    key: string,
    spec: Partial<Pick<StageDocumentSpec, 'vacancyIds' | 'applicationIds' | 'withScores' | 'withScreening' | 'extra'>>,
  ) {
    // Only what the document prints travels in the activity input: payloads stay small on big rounds.
    const vacancyIds = spec.vacancyIds ?? this.vacancyIds;
    const wanted = spec.applicationIds ? new Set(spec.applicationIds) : null;
    const printed = this.state.applications.filter(
      (a) => vacancyIds.includes(a.vacancyId) && (!wanted || wanted.has(a.applicationId)),
    );
    const withScores = spec.withScores ?? false;
    const applications = printed.map((a) => ({
      applicationId: a.applicationId,
      candidateId: a.candidateId,
      vacancyId: a.vacancyId,
      eligible: a.eligible,
      failedRequirements: a.failedRequirements,
      withdrawn: a.withdrawn,
      assessment: withScores ? a.assessment : null,
      trackRecord: withScores ? a.trackRecord : null,
      total: withScores ? this.totalOf(a) : null,
      interviewScore: withScores ? this.interviewOf(a) : null,
    }));
    const vacancies = this.state.vacancies.filter((v) => vacancyIds.includes(v.id));
    const fullKey = `${this.workflowId}:${key}`;
    const common = {
      kind,
      key: fullKey,
      date: this.today(),
      input: { ...this.input, calendar: {}, requirements: [] },
      vacancyIds,
      applicationIds: spec.applicationIds ?? null,
      withScores,
      withScreening: spec.withScreening ?? false,
      extra: spec.extra ?? {},
    };
    const pansel = kind === 'PANSEL_DECREE' ? this.state.pansel : [];
    let doc: DocumentDto;
    if (patched(DOCUMENT_PARTS)) {
      const staged = splitIntoParts(applications, vacancies, DOCUMENT_PART_ROWS);
      await Promise.all(staged.parts.map((part, i) => acts.stageDocumentPart(fullKey, i, part)));
      doc = await batchActs.issueStageDocument({
        ...common,
        state: { pansel, vacancies: staged.vacancies, applications: [] },
        parts: staged.parts.length,
      });
    } else {
      doc = await batchActs.issueStageDocument({ ...common, state: { pansel, vacancies, applications } });
    }
    this.state.documents.push({ kind, id: doc.id, number: doc.number });
    return doc;
  }
}
