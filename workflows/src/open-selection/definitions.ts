/**
 * Open selection (seleksi terbuka): inputs, messages, state and failure types.
 * Imported by workflow code, activities, the gateway and tests: keep it free of Node built-ins.
 */
import type { RecordedElectionPermission } from '../election/definitions';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  AgencyDto,
  CORRECTABLE_STAGES,
  ApplicationStatus,
  DateWindow,
  DocumentDto,
  ErrorCode,
  HolidayCalendar,
  LocalDate,
  SelectionDecisionArgs,
  SelectionDecisionName,
  SelectionRules,
  SelectionStage,
  VacancyDto,
  VacancyFollowUpDto,
} from '@seleksi/domain';

export { DEFAULT_SELECTION_RULES, RULES_VERSION, type SelectionRules } from '@seleksi/domain';

/** Task queue served by the Seleksi JPT worker. */
export const TASK_QUEUE = 'seleksi-jpt';

export interface VacancyPlan extends Pick<VacancyDto, 'id' | 'level' | 'position' | 'unit'> {
  /** Field of the post (bidang), matched against the candidates' career fields for related experience. */
  field?: string | null;
  /** The post is a regional secretary (Sekda): a provincial Sekda goes to the President through the Home Affairs Minister. */
  regionalSecretary?: boolean;
  /** Inauguration date of the current holder: a JPT cannot be replaced within 2 years (domain.md §1.7). */
  incumbentInauguratedOn?: LocalDate | null;
}

/**
 * Training mode (simulasi): every day of the process lasts `secondsPerDay` real seconds, so operators
 * can rehearse a whole round, and integration tests can drive one, on a real server in minutes.
 * Dates shown are the simulated ones; documents are marked SIMULASI.
 */
export interface SimulationClock {
  secondsPerDay: number;
}

export interface OpenSelectionInput {
  selectionId: string;
  agency: AgencyDto;
  title: string;
  /** Local date the announcement is published (registration opens then, or at plan approval if later). */
  announcementDate: LocalDate;
  /** Deadline computed at creation for the planned announcement date; recomputed when registration actually opens. */
  registrationClosesAt: string;
  /** Planned inauguration date: the age limit is checked on this date (domain.md §1.4). */
  plannedInaugurationDate: LocalDate;
  vacancies: VacancyPlan[];
  rules: SelectionRules;
  /** Holiday data known at creation; amendments arrive by the `calendarAmended` signal. */
  calendar: HolidayCalendar;
  /**
   * Hand-typed election windows of rounds started before the windows came from the region's schedules
   * (ELECTION_WINDOWS_FROM_DATA); new rounds resolve them when the appointment step opens.
   */
  electionWindows?: DateWindow[];
  /** Requirement lines printed in the announcement (Bahasa Indonesia). */
  requirements: string[];
  signatory: { name: string; title: string; nip?: string | null };
  /** The appointing official's title for letters, e.g. 'Gubernur Kalimantan Timur'. */
  ppkTitle: string;
  /** Name of the appointing official, printed under the decrees; the title alone when unknown. */
  ppkName?: string | null;
  simulation?: SimulationClock | null;
  createdBy: Actor;
  createdAt: string;
  /**
   * Real seconds after a registration close during which applications the gateway received before
   * the close are still taken (they may wait in its queue during a deadline rush). Default 120.
   */
  lateReceiptGraceSeconds?: number;
  /** History length at which a run continues as new (default 8,000; Temporal warns at 10,240). */
  continueAsNewAfterEvents?: number;
  /**
   * A round started by re-announcing a vacancy of an earlier round (decideVacancy REANNOUNCE): that
   * round and vacancy, and its Pansel, which the new round starts with.
   */
  reannouncementOf?: ReannouncementOrigin | null;
}

export interface ReannouncementOrigin {
  selectionId: string;
  vacancyId: string;
  pansel: PanselMemberPlan[];
}

// ---------------------------------------------------------------------------------------------
// Decisions and the audit record

export const DECISION_KINDS = [
  'APPLICATION_SUBMITTED',
  'PANSEL_SET',
  'PLAN_SUBMITTED',
  'OVERSEER_DECIDED',
  'OVERSEER_SILENCE',
  'OVERSEER_ESCALATED',
  'DOCUMENTS_REQUESTED',
  'VACANCY_DECIDED',
  'SCREENING_OVERRIDDEN',
  'SCREENING_PUBLISHED',
  'OBJECTION_FILED',
  'OBJECTION_ANSWERED',
  'CONFLICT_DECLARED',
  'ASSESSMENT_RECORDED',
  'INTERVIEW_SCORED',
  'TRACK_RECORD_RECORDED',
  'STAGE_COMPLETED',
  'STAGE_SCHEDULED',
  'APPOINTEE_CHOSEN',
  'PRESIDENTIAL_DECISION_RECORDED',
  'ELECTION_PERMISSION_RECORDED',
  'INAUGURATION_RECORDED',
  'APPLICATION_WITHDRAWN',
  'CALENDAR_AMENDED',
  // Talent-pool route
  'GATE_CHECKED',
  'PROPOSAL_CONFIRMED',
  'SUCCESSOR_DECIDED',
  'FALLBACK_STARTED',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A human decision (or a rule acting on silence) as kept in the audit record: who, when, what and why. */
export interface RecordedDecision {
  decisionId: string;
  kind: DecisionKind;
  by: Actor;
  at: string;
  reason: string | null;
  subjectId: string | null;
}

/** Every decision Update's arguments carry the acting user, set by the gateway from the session. */
export interface DecisionArgs {
  actor: Actor;
}

// ---------------------------------------------------------------------------------------------
// Update arguments

export interface SubmitApplicationArgs extends DecisionArgs {
  candidateId: string;
  vacancyId: string;
  /** Written permission of the candidate's own PPK (needed when from another agency). */
  homePpkPermission?: boolean;
  /**
   * When the gateway received the request (ISO instant, the server's clock): an application received
   * before registration closed is accepted even if the workflow processes it after the close.
   */
  receivedAt?: string;
}

export interface SubmitApplicationResult {
  applicationId: string;
  vacancyId: string;
  status: ApplicationStatus;
  submittedAt: string;
  decision: RecordedDecision;
}

/** One application of a `submitApplications` batch (the gateway's per-selection queue sends them together). */
export interface SubmitApplicationsItem extends SubmitApplicationArgs {
  /**
   * The caller's idempotency id (what it would send as the Update id alone): a resend of an accepted
   * application answers the first outcome, also while the first is still being recorded.
   */
  requestId?: string;
  /** Files stored for this application before it was sent, linked when it is recorded. */
  fileIds?: string[];
}

export interface SubmitApplicationsArgs {
  items: SubmitApplicationsItem[];
}

/** Per item, in order: accepted with its record, or refused with the guard's (or the store's) typed reason. */
export type SubmitApplicationsOutcome =
  | { ok: SubmitApplicationResult; error?: undefined }
  | { ok?: undefined; error: { code: string; message: string; field?: string } };

/** Applications per `submitApplications` batch: the recording call stays far below the services' body limit. */
export const MAX_APPLICATIONS_PER_BATCH = 100;

export interface PanselMemberPlan {
  id: string;
  /** The user account that acts as this member (PANSEL_MEMBER role). */
  userId: string;
  name: string;
  institution: string;
  internal: boolean;
  partyMember: boolean;
  bknOfficial?: boolean;
  role: 'CHAIR' | 'SECRETARY' | 'MEMBER';
}

export interface SetPanselArgs extends DecisionArgs {
  members: PanselMemberPlan[];
  /** Number of the PPK's decree forming the Pansel, when already signed outside the system. */
  decreeReference?: string | null;
}

export type OverseerSubject = 'PLAN' | 'RESULT';
export type OverseerVerdict = 'APPROVE' | 'REQUEST_CORRECTION' | 'REJECT';
/** Stages the overseer (or an upheld final objection) can send the process back to (declared with the decisions). */
export { CORRECTABLE_STAGES } from '@seleksi/domain';
export type CorrectableStage = (typeof CORRECTABLE_STAGES)[number];

export interface OverseerDecisionArgs extends DecisionArgs {
  subject: OverseerSubject;
  verdict: OverseerVerdict;
  /** With REQUEST_CORRECTION on the result: the stage at fault. */
  stageAtFault?: CorrectableStage | null;
  reason: string;
  /** Letter number of the overseer's recommendation/pertek. */
  reference?: string | null;
}

export type VacancyOutcome = 'CANCEL' | 'SWITCH_ROUTE' | 'REANNOUNCE';
export interface DecideVacancyArgs extends DecisionArgs {
  vacancyId: string;
  outcome: VacancyOutcome;
  reason: string;
}

export interface OverrideScreeningArgs extends DecisionArgs {
  applicationId: string;
  eligible: boolean;
  reason: string;
}

export interface FileObjectionArgs extends DecisionArgs {
  applicationId: string;
  /** The candidate's profile id (from the session), checked against the application. */
  candidateId: string;
  text: string;
}

export interface AnswerObjectionArgs extends DecisionArgs {
  objectionId: string;
  upheld: boolean;
  answer: string;
  /** For an upheld objection on the final result: the stage to reopen (default TRACK_RECORD). */
  reopenStage?: CorrectableStage | null;
}

export interface DeclareConflictArgs extends DecisionArgs {
  memberId: string;
  candidateId: string;
  hasConflict: boolean;
  reason: string;
}

export interface RecordAssessmentArgs extends DecisionArgs {
  applicationId: string;
  managerial: number;
  socioCultural: number;
  paper: number;
  presentation: number;
  /** Assessment-centre date; a reused earlier assessment must still be valid (rules.scoring.assessmentValidityMonths). */
  assessedAt: LocalDate;
  reusedResultId?: string | null;
}

export interface SubmitInterviewScoreArgs extends DecisionArgs {
  memberId: string;
  applicationId: string;
  score: number;
  /** Required when re-scoring for calibration. */
  reason?: string | null;
}

export interface RecordTrackRecordArgs extends DecisionArgs {
  applicationId: string;
  score: number;
  findings: string;
  eliminate: boolean;
  /** Required when eliminating. */
  reason?: string | null;
}

export interface CompleteStageArgs extends DecisionArgs {
  stage: 'COMPETENCY_ASSESSMENT' | 'INTERVIEW' | 'TRACK_RECORD' | 'ADMINISTRATIVE_SCREENING';
}

/** The stages candidates are invited to in person. */
export type ScheduledStage = 'COMPETENCY_ASSESSMENT' | 'INTERVIEW';

/** The secretariat schedules (or reschedules) a stage: local date and time at the agency, the place, notes. */
export interface ScheduleStageArgs extends DecisionArgs {
  stage: ScheduledStage;
  date: LocalDate;
  /** "HH:mm", the agency's local time. */
  time: string;
  place: string;
  /** What to bring, dress code, contact person…; null when none. */
  notes: string | null;
}

/** A stage's schedule as kept in the state (compact: the instant, the place and notes, the revision). */
export interface StageSchedule {
  startsAt: string;
  place: string;
  notes: string | null;
  /** 1 for the first schedule, +1 per change. */
  revision: number;
}

export interface ChooseAppointeeArgs extends DecisionArgs {
  vacancyId: string;
  applicationId: string;
  justification?: string | null;
}

export interface RecordPresidentialDecisionArgs extends DecisionArgs {
  vacancyId: string;
  applicationId: string;
  decreeNumber: string;
  decreeDate: LocalDate;
  justification?: string | null;
}

export interface RecordElectionPermissionArgs extends DecisionArgs {
  letterNumber: string;
  letterDate: LocalDate;
  /** What the letter permits (absent in decisions recorded before it was asked). */
  scope?: string;
  reason: string;
}

export interface RecordInaugurationArgs extends DecisionArgs {
  vacancyId: string;
  date: LocalDate;
  place: string;
}

export interface WithdrawApplicationArgs extends DecisionArgs {
  applicationId: string;
  candidateId: string;
  reason: string;
}

export interface CalendarAmendment {
  calendar: HolidayCalendar;
  by: Actor;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// State (the query answer; the gateway filters it per role before showing it)

export type VacancyStatus =
  | 'OPEN'
  | 'EXTENDED'
  | 'AWAITING_DECISION'
  | 'IN_SELECTION'
  | 'SHORTLISTED'
  | 'APPOINTEE_CHOSEN'
  | 'DECREED'
  | 'FILLED'
  | 'CANCELLED'
  | 'SWITCHED_ROUTE'
  | 'REANNOUNCE';

export interface VacancyState {
  id: string;
  status: VacancyStatus;
  extensions: number;
  /** Why a Pansel decision is awaited: too few applicants or too few qualified. */
  pendingDecision: 'TOO_FEW_APPLICANTS' | 'TOO_FEW_QUALIFIED' | null;
  outcome: VacancyOutcome | null;
  shortlist: string[];
  ranking: RankedEntry[];
  /** PPK's choice (Pratama) or proposal to the President (Madya/Utama). */
  proposedApplicationId: string | null;
  appointedApplicationId: string | null;
  decreeNumber: string | null;
  inaugurationDate: LocalDate | null;
  /** The round or talent filling the Pansel's decision started (absent on vacancies decided before). */
  followUp?: VacancyFollowUpDto | null;
}

export interface RankedEntry {
  applicationId: string;
  rank: number | null;
  total: number | null;
  qualified: boolean;
  shortlisted: boolean;
  note: string;
}

export interface ScoreEntry {
  value: number;
  at: string;
  by: string;
  /** Scoring round: 0 first, then calibration or correction rounds. */
  round: number;
}

export interface ApplicationState {
  applicationId: string;
  candidateId: string;
  vacancyId: string;
  submittedAt: string;
  homePpkPermission: boolean;
  status: ApplicationStatus;
  /** null until screened; reopened by an upheld objection. */
  eligible: boolean | null;
  screeningReopened: boolean;
  failedRequirements: string[];
  assessment: { managerial: number; socioCultural: number; paper: number; presentation: number; score: number } | null;
  /** memberId → score of the current calibration round. */
  interview: Record<string, ScoreEntry>;
  calibrationRound: number;
  calibrationRequested: boolean;
  trackRecord: { score: number; eliminated: boolean } | null;
  withdrawn: boolean;
}

/** A vacancy as a round opens it: open, no extension, nothing decided. */
export function openVacancyState(id: string): VacancyState {
  return {
    id,
    status: 'OPEN',
    extensions: 0,
    pendingDecision: null,
    outcome: null,
    shortlist: [],
    ranking: [],
    proposedApplicationId: null,
    appointedApplicationId: null,
    decreeNumber: null,
    inaugurationDate: null,
  };
}

/** An application as submitted: not screened, not scored. */
export function submittedApplicationState(
  a: Pick<ApplicationState, 'applicationId' | 'candidateId' | 'vacancyId' | 'submittedAt' | 'homePpkPermission'>,
): ApplicationState {
  return {
    ...a,
    status: 'SUBMITTED',
    eligible: null,
    screeningReopened: false,
    failedRequirements: [],
    assessment: null,
    interview: {},
    calibrationRound: 0,
    calibrationRequested: false,
    trackRecord: null,
    withdrawn: false,
  };
}

export interface ObjectionState {
  objectionId: string;
  applicationId: string;
  phase: 'ADMINISTRATIVE' | 'FINAL';
  filedAt: string;
  upheld: boolean | null;
  answeredAt: string | null;
  reopenStage: CorrectableStage | null;
}

export interface DeadlineState {
  label: 'REGISTRATION' | 'OBJECTIONS' | 'OVERSEER';
  at: string;
  lastDay: LocalDate;
  /** The period reaches a year without an entered SKB (computed calendar): "kalender sementara". */
  provisional?: boolean;
}

export interface OpenSelectionState {
  selectionId: string;
  agencyCode: string;
  stage: SelectionStage;
  simulation: boolean;
  registrationClosesAt: string;
  deadline: DeadlineState | null;
  announcementDocument: DocumentDto | null;
  documents: { kind: string; id: string; number: string }[];
  pansel: PanselMemberPlan[];
  /** memberId → candidateIds the member is recused for. */
  conflicts: Record<string, string[]>;
  vacancies: VacancyState[];
  applications: ApplicationState[];
  applicationsPerVacancy: Record<string, number>;
  objections: ObjectionState[];
  overseer: { subject: OverseerSubject; round: number; requestedAt: string; escalations: number } | null;
  electionPermission: RecordedElectionPermission | null;
  /** The region's pilkada windows, resolved when the appointment step opens (absent in older runs). */
  electionWindows?: DateWindow[] | null;
  /** The duty to report to the Minister, opened after a decree inside a window. */
  electionReportDutyId?: string | null;
  decisions: RecordedDecision[];
  calendarRevision: number;
  /** Schedules of the in-person stages (absent on rounds started before scheduling existed). */
  schedules?: Partial<Record<ScheduledStage, StageSchedule>>;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The state without its per-application parts: cheap to read whatever the round's size. */
export type OpenSelectionSummary = Omit<OpenSelectionState, 'applications'> & { applicationCount: number };

/**
 * What one run hands to the next when it continues as new: the state (applications in compact
 * rows) and the run's own progress, so a stage resumes at the wait it was in.
 */
export interface OpenSelectionCarry {
  state: Omit<OpenSelectionState, 'applications'>;
  applications: CompactApplication[];
  /** vacancyId → its ranking as rows (compact.ts); the vacancies in `state` then carry none. Absent in older carries. */
  rankings?: Record<string, CompactRankedEntry[]>;
  run: RunProgress;
}

/** One application in a carried state: a positional row (see compact.ts). */
export type CompactApplication = unknown[];

/** One ranking entry in a carried state: [application index, rank, total, flags, note] (see compact.ts). */
export type CompactRankedEntry = [number, number | null, number | null, number, string];

/** The run's progress besides the state (see run.ts). */
export interface RunProgress {
  /** Real instant the selection started: the origin of the training-mode clock. */
  origin: number;
  next: string;
  /** Side-effecting steps of the current stage already done (skipped when a stage resumes). */
  steps: string[];
  planSubmitted: boolean;
  screeningPublished: boolean;
  completedStage: string | null;
  overseerVerdict: unknown;
  reRankRequested: boolean;
  deadlineSpec: unknown;
  eventSeq: number;
  objectionRound: number;
  screeningRevision: number;
  rankingRevision: number;
  lastIssuedScreeningRevision: number;
  reopenHandled: string[];
  interviewBaseRound: Record<string, number>;
  unannounced: [string, string | null][];
  closedAt: Record<string, number>;
  /** The latest Update ids with their outcomes (retries across continue-as-new). */
  answered: [string, unknown][];
  calendar: HolidayCalendar;
  runs: number;
}

export const submitApplicationUpdate = defineUpdate<SubmitApplicationResult, [SubmitApplicationArgs]>(
  'submitApplication',
);
/** Several applications in one Update, each judged by the same guard as `submitApplication`; one activity records them all. */
export const submitApplicationsUpdate = defineUpdate<SubmitApplicationsOutcome[], [SubmitApplicationsArgs]>(
  'submitApplications',
);
export const setPanselUpdate = defineUpdate<RecordedDecision, [SetPanselArgs]>('setPansel');
export const submitPlanUpdate = defineUpdate<RecordedDecision, [DecisionArgs]>('submitPlan');
export const overseerDecisionUpdate = defineUpdate<RecordedDecision, [OverseerDecisionArgs]>('overseerDecision');
export const decideVacancyUpdate = defineUpdate<RecordedDecision, [DecideVacancyArgs]>('decideVacancy');
export const overrideScreeningUpdate = defineUpdate<RecordedDecision, [OverrideScreeningArgs]>('overrideScreening');
export const publishScreeningUpdate = defineUpdate<RecordedDecision, [DecisionArgs]>('publishScreening');
export const fileObjectionUpdate = defineUpdate<RecordedDecision, [FileObjectionArgs]>('fileObjection');
export const answerObjectionUpdate = defineUpdate<RecordedDecision, [AnswerObjectionArgs]>('answerObjection');
export const declareConflictUpdate = defineUpdate<RecordedDecision, [DeclareConflictArgs]>('declareConflict');
export const recordAssessmentUpdate = defineUpdate<RecordedDecision, [RecordAssessmentArgs]>('recordAssessment');
export const submitInterviewScoreUpdate = defineUpdate<RecordedDecision, [SubmitInterviewScoreArgs]>(
  'submitInterviewScore',
);
export const recordTrackRecordUpdate = defineUpdate<RecordedDecision, [RecordTrackRecordArgs]>('recordTrackRecord');
export const scheduleStageUpdate = defineUpdate<RecordedDecision, [ScheduleStageArgs]>('scheduleStage');
export const completeStageUpdate = defineUpdate<RecordedDecision, [CompleteStageArgs]>('completeStage');
export const chooseAppointeeUpdate = defineUpdate<RecordedDecision, [ChooseAppointeeArgs]>('chooseAppointee');
export const recordPresidentialDecisionUpdate = defineUpdate<RecordedDecision, [RecordPresidentialDecisionArgs]>(
  'recordPresidentialDecision',
);
export const recordElectionPermissionUpdate = defineUpdate<RecordedDecision, [RecordElectionPermissionArgs]>(
  'recordElectionPermission',
);
export const recordInaugurationUpdate = defineUpdate<RecordedDecision, [RecordInaugurationArgs]>('recordInauguration');
export const withdrawApplicationUpdate = defineUpdate<RecordedDecision, [WithdrawApplicationArgs]>(
  'withdrawApplication',
);
/** The Update arguments of the decisions whose workflow arguments were written before their declarations. */
interface WrittenDecisionArgs {
  setPansel: SetPanselArgs;
  submitPlan: DecisionArgs;
  overseerDecision: OverseerDecisionArgs;
  decideVacancy: DecideVacancyArgs;
  overrideScreening: OverrideScreeningArgs;
  publishScreening: DecisionArgs;
  fileObjection: FileObjectionArgs;
  answerObjection: AnswerObjectionArgs;
  declareConflict: DeclareConflictArgs;
  recordAssessment: RecordAssessmentArgs;
  submitInterviewScore: SubmitInterviewScoreArgs;
  recordTrackRecord: RecordTrackRecordArgs;
  scheduleStage: ScheduleStageArgs;
  completeStage: CompleteStageArgs;
  chooseAppointee: ChooseAppointeeArgs;
  recordPresidentialDecision: RecordPresidentialDecisionArgs;
  recordElectionPermission: RecordElectionPermissionArgs;
  recordInauguration: RecordInaugurationArgs;
  withdrawApplication: WithdrawApplicationArgs;
}

/**
 * A declared decision's Update arguments: the acting user and its declared arguments (the round is the
 * workflow's own, so without `selectionId`), unless written above.
 */
export type SelectionDecisionUpdateArgs<N extends SelectionDecisionName> = N extends keyof WrittenDecisionArgs
  ? WrittenDecisionArgs[N]
  : DecisionArgs & Omit<SelectionDecisionArgs<N>, 'selectionId'>;

/** A declared decision's Update: named as the decision, answered with the recorded decision. */
export function selectionDecisionUpdate<N extends SelectionDecisionName>(
  name: N,
): UpdateDefinition<RecordedDecision, [SelectionDecisionUpdateArgs<N>], N> {
  return defineUpdate<RecordedDecision, [SelectionDecisionUpdateArgs<N>], N>(name);
}

/** Fire-and-forget external event: an administrator amended the holiday calendar. */
export const calendarAmendedSignal = defineSignal<[CalendarAmendment]>('calendarAmended');
export const getSelectionStateQuery = defineQuery<OpenSelectionState>('getSelectionState');
/** The state without applications (decision screens, access checks): small whatever the round's size. */
export const getSelectionSummaryQuery = defineQuery<OpenSelectionSummary>('getSelectionSummary');
/** A page of the workflow's applications in the order they came, so no answer nears the 4 MB gRPC limit. */
export const getApplicationStatesQuery = defineQuery<ApplicationState[], [{ offset: number; limit: number }]>(
  'getApplicationStates',
);

/** Failure types thrown by this workflow; the gateway maps them to GraphQL error codes. */
export type OpenSelectionFailureType =
  | Extract<
      ErrorCode,
      | 'REGISTRATION_CLOSED'
      | 'WRONG_STAGE'
      | 'UNKNOWN_VACANCY'
      | 'DUPLICATE_APPLICATION'
      | 'APPLICATION_LIMIT_REACHED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'VALIDATION_FAILED'
      | 'INVALID_PANSEL'
      | 'NOT_A_MEMBER'
      | 'RECUSED'
      | 'ALREADY_DECIDED'
      | 'INCOMPLETE'
      | 'NOT_IN_SHORTLIST'
      | 'JUSTIFICATION_REQUIRED'
      | 'ELECTION_PERMISSION_REQUIRED'
      | 'INCUMBENT_LOCKED'
      | 'OBJECTION_WINDOW_CLOSED'
    >
  | typeof HANDING_OVER;

/**
 * A decision that reached a run while it was handing over to its next run (continue-as-new): nothing
 * was recorded; the client helpers send it again, and the next run takes it.
 */
export const HANDING_OVER = 'HANDING_OVER';

/** Details attached to every business failure: the input field at fault. */
export interface FailureDetails {
  field?: string;
}
