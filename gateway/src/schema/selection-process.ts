/**
 * The running process of a selection (the workflow's state), shaped per role: the agency's
 * secretariat and PPK, the overseer and administrators see everything; a Pansel member sees every
 * application but the other members' interview scores only after scoring that candidate (blind
 * scoring); a candidate sees only their own applications and objections. Also the audit record.
 */
import { localDateOf, TIME_ZONES, type AgencyTimeZone, type AuditRecordDto, type DocumentDto } from '@seleksi/domain';
import type { SelectionSummaryDto } from '@seleksi/kit';
import { encodeCursor } from '@seleksi/kit';
import type {
  RecordedElectionPermission,
  ApplicationState,
  ObjectionState,
  OpenSelectionState,
  PanselMemberPlan,
  RankedEntry,
  ScheduledStage,
  ScoreEntry,
  StageSchedule,
  VacancyState,
} from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { servicePageConnection } from '../relay/connections';
import { gqlError, typed } from '../errors';
import { ApplicationStatusEnum, JptLevelEnum, SelectionStageEnum } from './common';
import { ActorType, DecisionType, processStateOf, requireOwnAgency, selectionFor } from './decision';
import { DocumentType } from './document';
import { formatAppointmentId } from '../notices/templates';
import {
  CorrectableStageEnum,
  DeadlineLabelEnum,
  ObjectionPhaseEnum,
  OverseerSubjectEnum,
  PanselRoleEnum,
  PendingDecisionEnum,
  ProcessVacancyStatusEnum,
  ScheduledStageEnum,
  VacancyOutcomeEnum,
} from './process-enums';

/** Whose eyes the process is shaped for. */
type Viewer =
  | { kind: 'STAFF' }
  | { kind: 'MEMBER'; memberId: string }
  | { kind: 'CANDIDATE'; candidateId: string; applicationIds: Set<string> };

interface ProcessView {
  selection: SelectionSummaryDto;
  state: OpenSelectionState;
  viewer: Viewer;
}

interface InView<T> {
  item: T;
  view: ProcessView;
}

const within = <T>(view: ProcessView, items: T[]): InView<T>[] => items.map((item) => ({ item, view }));

/** Hides other candidates' application ids from a candidate. */
function visibleIds(view: ProcessView, ids: string[]): string[] {
  const v = view.viewer;
  return v.kind === 'CANDIDATE' ? ids.filter((id) => v.applicationIds.has(id)) : ids;
}

function visibleId(view: ProcessView, id: string | null): string | null {
  return id && visibleIds(view, [id]).length > 0 ? id : null;
}

/** A candidate learns MS/TMS when the Pansel publishes the screening result, not while it is being reviewed. */
function screeningHidden(view: ProcessView): boolean {
  return view.viewer.kind === 'CANDIDATE' && view.state.stage === 'ADMINISTRATIVE_SCREENING';
}

/** Decides who may see the process and how; FORBIDDEN for everyone else. */
function viewerOf(ctx: GraphQLContext, selection: SelectionSummaryDto, state: OpenSelectionState): Viewer {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  switch (u.role) {
    case 'ADMIN':
    case 'OVERSEER':
      return { kind: 'STAFF' };
    case 'PANSEL_SECRETARY':
    case 'PPK':
      requireOwnAgency(ctx, selection);
      return { kind: 'STAFF' };
    case 'PANSEL_MEMBER': {
      const m = state.pansel.find((x) => x.userId === u.id);
      if (!m) throw gqlError('FORBIDDEN', 'Anda bukan anggota panitia seleksi ini', 'selectionId');
      return { kind: 'MEMBER', memberId: m.id };
    }
    case 'CANDIDATE': {
      const mine = state.applications.filter((a) => u.candidateId !== null && a.candidateId === u.candidateId);
      if (!u.candidateId || mine.length === 0) {
        throw gqlError('FORBIDDEN', 'Anda tidak mempunyai lamaran pada seleksi ini', 'selectionId');
      }
      return {
        kind: 'CANDIDATE',
        candidateId: u.candidateId,
        applicationIds: new Set(mine.map((a) => a.applicationId)),
      };
    }
    case 'AGENCY_ADMIN':
      throw gqlError('FORBIDDEN', 'Administrator instansi tidak mengikuti proses seleksi', 'selectionId');
  }
}

const DeadlineType = builder.simpleObject('ProcessDeadline', {
  fields: (t) => ({
    label: t.field({ type: DeadlineLabelEnum }),
    at: t.field({ type: 'DateTime', description: 'End of the last day (simulated time in training mode)' }),
    lastDay: t.field({ type: 'LocalDate' }),
    provisional: t.boolean({
      description: 'Computed on a provisional calendar (a year without its SKB): may move when the SKB is entered',
    }),
  }),
});

const RankedEntryType = builder.objectRef<RankedEntry>('RankedEntry').implement({
  fields: (t) => ({
    applicationId: t.exposeID('applicationId'),
    rank: t.int({ nullable: true, resolve: (r) => r.rank }),
    total: t.float({ nullable: true, description: 'Weighted final score', resolve: (r) => r.total }),
    qualified: t.exposeBoolean('qualified', { description: 'At or above the pass mark, not eliminated' }),
    shortlisted: t.exposeBoolean('shortlisted'),
    note: t.exposeString('note'),
  }),
});

const ProcessVacancyType = builder.objectRef<InView<VacancyState>>('ProcessVacancy').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ item }) => item.id }),
    level: t.field({
      type: JptLevelEnum,
      nullable: true,
      resolve: ({ item, view }) => view.selection.vacancies.find((v) => v.id === item.id)?.level ?? null,
    }),
    position: t.string({
      nullable: true,
      resolve: ({ item, view }) => view.selection.vacancies.find((v) => v.id === item.id)?.position ?? null,
    }),
    unit: t.string({
      nullable: true,
      resolve: ({ item, view }) => view.selection.vacancies.find((v) => v.id === item.id)?.unit ?? null,
    }),
    status: t.field({ type: ProcessVacancyStatusEnum, resolve: ({ item }) => item.status }),
    extensions: t.int({ description: 'Registration extensions so far', resolve: ({ item }) => item.extensions }),
    applicants: t.int({
      description: 'Applications received (withdrawn ones included)',
      resolve: ({ item, view }) => view.state.applicationsPerVacancy[item.id] ?? 0,
    }),
    pendingDecision: t.field({
      type: PendingDecisionEnum,
      nullable: true,
      description: 'Why a Pansel decision (decideVacancy) is awaited',
      resolve: ({ item }) => item.pendingDecision,
    }),
    outcome: t.field({ type: VacancyOutcomeEnum, nullable: true, resolve: ({ item }) => item.outcome }),
    shortlist: t.idList({
      description: 'The 3 names (application ids) in rank order',
      resolve: ({ item, view }) => visibleIds(view, item.shortlist),
    }),
    ranking: t.field({
      type: [RankedEntryType],
      resolve: ({ item, view }) => {
        const ids = new Set(
          visibleIds(
            view,
            item.ranking.map((r) => r.applicationId),
          ),
        );
        return item.ranking.filter((r) => ids.has(r.applicationId));
      },
    }),
    proposedApplicationId: t.id({
      nullable: true,
      description: "The PPK's choice (Pratama) or proposal to the President (Madya/Utama)",
      resolve: ({ item, view }) => visibleId(view, item.proposedApplicationId),
    }),
    appointedApplicationId: t.id({
      nullable: true,
      resolve: ({ item, view }) => visibleId(view, item.appointedApplicationId),
    }),
    decreeNumber: t.string({ nullable: true, resolve: ({ item }) => item.decreeNumber }),
    inaugurationDate: t.field({ type: 'LocalDate', nullable: true, resolve: ({ item }) => item.inaugurationDate }),
  }),
});

const PanselMemberType = builder.objectRef<InView<PanselMemberPlan>>('ProcessPanselMember').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ item }) => item.id }),
    name: t.string({ resolve: ({ item }) => item.name }),
    institution: t.string({ resolve: ({ item }) => item.institution }),
    internal: t.boolean({ resolve: ({ item }) => item.internal }),
    role: t.field({ type: PanselRoleEnum, resolve: ({ item }) => item.role }),
    isMe: t.boolean({
      description: 'The signed-in user is this member',
      resolve: ({ item, view }) => view.viewer.kind === 'MEMBER' && view.viewer.memberId === item.id,
    }),
  }),
});

const RecusalType = builder.simpleObject('Recusal', {
  description: 'A Pansel member recused from scoring a candidate (declared conflict of interest)',
  fields: (t) => ({ memberId: t.id(), candidateId: t.id() }),
});

const AssessmentResultType = builder.simpleObject('ProcessAssessment', {
  fields: (t) => ({
    managerial: t.float(),
    socioCultural: t.float(),
    paper: t.float(),
    presentation: t.float(),
    score: t.float({ description: 'Assessment-centre score from managerial and socio-cultural' }),
  }),
});

const TrackRecordType = builder.simpleObject('ProcessTrackRecord', {
  fields: (t) => ({ score: t.float(), eliminated: t.boolean() }),
});

const InterviewScoreType = builder.objectRef<ScoreEntry & { memberId: string }>('InterviewScore').implement({
  fields: (t) => ({
    memberId: t.exposeID('memberId'),
    value: t.exposeFloat('value'),
    at: t.field({ type: 'DateTime', resolve: (s) => s.at }),
    round: t.exposeInt('round', { description: '0 first scoring, then calibration/correction rounds' }),
  }),
});

/** Blind scoring: a member sees the others' scores for an application only once they scored it. */
function interviewScoresFor(a: ApplicationState, view: ProcessView): (ScoreEntry & { memberId: string })[] | null {
  const v = view.viewer;
  if (v.kind === 'CANDIDATE') return null;
  if (v.kind === 'MEMBER' && !a.interview[v.memberId]) return null;
  return Object.entries(a.interview)
    .map(([memberId, s]) => ({ ...s, memberId }))
    .sort((x, y) => x.memberId.localeCompare(y.memberId));
}

/** A stage's schedule with the agency's zone, to show its local date and time. */
interface ScheduleView {
  stage: ScheduledStage;
  schedule: StageSchedule;
  timeZone: AgencyTimeZone;
}

const SCHEDULED_STAGES: ScheduledStage[] = ['COMPETENCY_ASSESSMENT', 'INTERVIEW'];

const StageScheduleType = builder.objectRef<ScheduleView>('StageSchedule').implement({
  description: 'The date, time and place of an in-person stage (scheduleStage), as the invitation mails it',
  fields: (t) => ({
    stage: t.field({ type: ScheduledStageEnum, resolve: (s) => s.stage }),
    startsAt: t.field({ type: 'DateTime', resolve: (s) => s.schedule.startsAt }),
    localDate: t.field({
      type: 'LocalDate',
      description: 'The date at the agency (its time zone)',
      resolve: (s) => localDateOf(s.schedule.startsAt, s.timeZone),
    }),
    localTime: t.string({
      description: 'The time at the agency, "HH:mm"',
      resolve: (s) => localTimeOf(s.schedule.startsAt, s.timeZone),
    }),
    timeZone: t.string({ description: 'WIB, WITA or WIT', resolve: (s) => s.timeZone }),
    text: t.string({
      description: 'In words, e.g. "Senin, 14 Desember 2026 pukul 08.30 WITA"',
      resolve: (s) => formatAppointmentId(s.schedule.startsAt, s.timeZone),
    }),
    place: t.string({ resolve: (s) => s.schedule.place }),
    notes: t.string({ nullable: true, resolve: (s) => s.schedule.notes }),
    revision: t.int({ description: '1 for the first schedule, +1 per change', resolve: (s) => s.schedule.revision }),
  }),
});

/** "HH:mm" of an instant at the agency (Indonesia has no daylight saving: fixed offsets). */
function localTimeOf(iso: string, tz: AgencyTimeZone): string {
  return new Date(new Date(iso).getTime() + TIME_ZONES[tz].offsetMinutes * 60_000).toISOString().slice(11, 16);
}

function scheduleOf(view: ProcessView, stage: ScheduledStage): ScheduleView | null {
  const schedule = view.state.schedules?.[stage];
  return schedule ? { stage, schedule, timeZone: view.selection.timeZone } : null;
}

/** Still in the running for the in-person stages: eligible, not withdrawn or eliminated, its vacancy open. */
function competing(view: ProcessView, a: ApplicationState): boolean {
  const v = view.state.vacancies.find((x) => x.id === a.vacancyId);
  return (
    !a.withdrawn &&
    a.eligible === true &&
    !a.trackRecord?.eliminated &&
    (v?.status === 'IN_SELECTION' || v?.status === 'SHORTLISTED')
  );
}

/** The in-person stages still ahead of the round: the assessment and the interview while assessing. */
function stagesAhead(view: ProcessView): ScheduledStage[] {
  const stage = view.state.stage;
  if (stage === 'COMPETENCY_ASSESSMENT') return SCHEDULED_STAGES;
  if (stage === 'INTERVIEW') return ['INTERVIEW'];
  return [];
}

const ProcessApplicationType = builder.objectRef<InView<ApplicationState>>('ProcessApplication').implement({
  fields: (t) => ({
    applicationId: t.id({ resolve: ({ item }) => item.applicationId }),
    candidateId: t.id({ resolve: ({ item }) => item.candidateId }),
    candidateName: t.string({
      nullable: true,
      description: "From the candidate's ASN profile",
      resolve: async ({ item }, _a, ctx) => (await ctx.loaders.profile.load(item.candidateId))?.name ?? null,
    }),
    vacancyId: t.id({ resolve: ({ item }) => item.vacancyId }),
    submittedAt: t.field({ type: 'DateTime', resolve: ({ item }) => item.submittedAt }),
    status: t.field({ type: ApplicationStatusEnum, resolve: ({ item }) => item.status }),
    eligible: t.boolean({
      nullable: true,
      description: 'MS (true) / TMS (false); null until screened, and for candidates until the result is published',
      resolve: ({ item, view }) => (screeningHidden(view) ? null : item.eligible),
    }),
    screeningReopened: t.boolean({
      description: 'An upheld objection reopened the screening of this application',
      resolve: ({ item }) => item.screeningReopened,
    }),
    failedRequirements: t.stringList({
      resolve: ({ item, view }) => (screeningHidden(view) ? [] : item.failedRequirements),
    }),
    assessment: t.field({ type: AssessmentResultType, nullable: true, resolve: ({ item }) => item.assessment }),
    trackRecord: t.field({ type: TrackRecordType, nullable: true, resolve: ({ item }) => item.trackRecord }),
    withdrawn: t.boolean({ resolve: ({ item }) => item.withdrawn }),
    calibrationRound: t.int({ resolve: ({ item }) => item.calibrationRound }),
    calibrationRequested: t.boolean({
      description: 'The members must score again (scores too far apart, or a correction)',
      resolve: ({ item }) => item.calibrationRequested,
    }),
    interviewScoreCount: t.int({
      description: 'How many members have scored (values hidden by blind scoring)',
      resolve: ({ item }) => Object.keys(item.interview).length,
    }),
    nextSchedule: t.field({
      type: StageScheduleType,
      nullable: true,
      description:
        'The schedule of the next in-person stage this application is invited to; null when none is set or it no longer competes',
      resolve: ({ item, view }) => {
        if (!competing(view, item)) return null;
        for (const stage of stagesAhead(view)) {
          const s = scheduleOf(view, stage);
          if (s) return s;
        }
        return null;
      },
    }),
    interviewScores: t.field({
      type: [InterviewScoreType],
      nullable: true,
      description:
        "Every member's interview score; null when hidden (candidates; a Pansel member before scoring this application)",
      resolve: ({ item, view }) => interviewScoresFor(item, view),
    }),
  }),
});

function decisionText(view: ProcessView, kind: string, subjectId: string): string | null {
  return view.state.decisions.filter((d) => d.kind === kind && d.subjectId === subjectId).at(-1)?.reason ?? null;
}

const ObjectionType = builder.objectRef<InView<ObjectionState>>('Objection').implement({
  fields: (t) => ({
    objectionId: t.id({ resolve: ({ item }) => item.objectionId }),
    applicationId: t.id({ resolve: ({ item }) => item.applicationId }),
    phase: t.field({ type: ObjectionPhaseEnum, resolve: ({ item }) => item.phase }),
    filedAt: t.field({ type: 'DateTime', resolve: ({ item }) => item.filedAt }),
    text: t.string({
      nullable: true,
      resolve: ({ item, view }) => decisionText(view, 'OBJECTION_FILED', item.objectionId),
    }),
    upheld: t.boolean({ nullable: true, description: 'null until answered', resolve: ({ item }) => item.upheld }),
    answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ item }) => item.answeredAt }),
    answer: t.string({
      nullable: true,
      resolve: ({ item, view }) => decisionText(view, 'OBJECTION_ANSWERED', item.objectionId),
    }),
    reopenStage: t.field({ type: CorrectableStageEnum, nullable: true, resolve: ({ item }) => item.reopenStage }),
  }),
});

interface ProcessDocument {
  kind: string;
  id: string;
  number: string;
}

const ProcessDocumentType = builder.objectRef<ProcessDocument>('ProcessDocument').implement({
  description: 'A document issued by the process, in issue order',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    downloadUrl: t.string({
      description: 'Where the PDF can be downloaded (restricted documents need a token)',
      resolve: (d, _a, ctx) => `${ctx.config.PUBLIC_URL}/documents/${encodeURIComponent(d.id)}.pdf`,
    }),
    document: t.field({
      type: DocumentType,
      nullable: true,
      resolve: (d, _a, ctx) => ctx.loaders.document.load(d.id),
    }),
  }),
});

const OverseerRequestType = builder.simpleObject('OverseerRequest', {
  fields: (t) => ({
    subject: t.field({ type: OverseerSubjectEnum }),
    round: t.int(),
    requestedAt: t.field({ type: 'DateTime' }),
    escalations: t.int({ description: 'Reminders sent after the deadline passed (KASN/generic era)' }),
  }),
});

export const ElectionPermissionType = builder.simpleObject('ElectionPermission', {
  description: "The Home Affairs Minister's written permission to appoint inside a pilkada window",
  fields: (t) => ({
    letterNumber: t.string(),
    letterDate: t.field({ type: 'LocalDate' }),
    scope: t.string({
      nullable: true,
      description: 'What the letter permits (null when recorded before it was asked)',
    }),
    recordedBy: t.string({ nullable: true, description: 'User id of who recorded it' }),
    recordedAt: t.field({ type: 'DateTime', nullable: true }),
  }),
});

/** A pilkada window (bounds inclusive). */
export const ElectionWindowType = builder.simpleObject('ElectionWindow', {
  fields: (t) => ({
    from: t.field({ type: 'LocalDate' }),
    to: t.field({ type: 'LocalDate' }),
    label: t.string({ nullable: true }),
  }),
});

/** A recorded permission as GraphQL answers it. */
export function permissionView(p: RecordedElectionPermission | null | undefined) {
  if (!p) return null;
  return {
    letterNumber: p.letterNumber,
    letterDate: p.letterDate,
    scope: p.scope ?? null,
    recordedBy: p.recordedBy ?? null,
    recordedAt: p.recordedAt ? new Date(p.recordedAt) : null,
  };
}

const SelectionProcessType = builder.objectRef<ProcessView>('SelectionProcess').implement({
  description:
    "The selection's running process (workflow state) as the signed-in user may see it; lists and status pages use Selection",
  fields: (t) => ({
    selectionId: t.id({ resolve: (p) => p.state.selectionId }),
    agencyCode: t.string({ resolve: (p) => p.state.agencyCode }),
    title: t.string({ resolve: (p) => p.selection.title }),
    stage: t.field({ type: SelectionStageEnum, resolve: (p) => p.state.stage }),
    simulation: t.boolean({ description: 'Training mode: days pass in seconds', resolve: (p) => p.state.simulation }),
    registrationClosesAt: t.field({ type: 'DateTime', resolve: (p) => p.state.registrationClosesAt }),
    deadline: t.field({
      type: DeadlineType,
      nullable: true,
      resolve: (p) => p.state.deadline && { ...p.state.deadline, provisional: !!p.state.deadline.provisional },
    }),
    calendarRevision: t.int({
      description: 'Calendar amendments received while running',
      resolve: (p) => p.state.calendarRevision,
    }),
    myMemberId: t.id({
      nullable: true,
      description: 'The Pansel member id of the signed-in user',
      resolve: (p) => (p.viewer.kind === 'MEMBER' ? p.viewer.memberId : null),
    }),
    vacancies: t.field({ type: [ProcessVacancyType], resolve: (p) => within(p, p.state.vacancies) }),
    pansel: t.field({ type: [PanselMemberType], resolve: (p) => within(p, p.state.pansel) }),
    recusals: t.field({
      type: [RecusalType],
      description: 'Staff see every recusal, a member their own, a candidate none',
      resolve: (p) => {
        const v = p.viewer;
        if (v.kind === 'CANDIDATE') return [];
        return Object.entries(p.state.conflicts)
          .filter(([memberId]) => v.kind === 'STAFF' || memberId === v.memberId)
          .flatMap(([memberId, ids]) => ids.map((candidateId) => ({ memberId, candidateId })));
      },
    }),
    applications: t.field({
      type: [ProcessApplicationType],
      resolve: (p) => {
        const v = p.viewer;
        const apps =
          v.kind === 'CANDIDATE'
            ? p.state.applications.filter((a) => v.applicationIds.has(a.applicationId))
            : p.state.applications;
        return within(p, apps);
      },
    }),
    objections: t.field({
      type: [ObjectionType],
      resolve: (p) => {
        const v = p.viewer;
        const list =
          v.kind === 'CANDIDATE'
            ? p.state.objections.filter((o) => v.applicationIds.has(o.applicationId))
            : p.state.objections;
        return within(p, list);
      },
    }),
    documents: t.field({
      type: [ProcessDocumentType],
      description: 'Documents issued so far; candidates see the public ones',
      resolve: async (p, _a, ctx) => {
        if (p.viewer.kind !== 'CANDIDATE') return p.state.documents;
        const docs = await Promise.all(p.state.documents.map((d) => ctx.loaders.document.load(d.id)));
        return p.state.documents.filter((_d, i) => (docs[i] as DocumentDto | null)?.visibility === 'PUBLIC');
      },
    }),
    schedules: t.field({
      type: [StageScheduleType],
      description:
        'Schedules of the assessment and the interview; a candidate sees those ahead only while an own application competes',
      resolve: (p) => {
        const v = p.viewer;
        if (v.kind !== 'CANDIDATE') {
          return SCHEDULED_STAGES.map((stage) => scheduleOf(p, stage)).filter((s) => s !== null);
        }
        const invited = p.state.applications.some((a) => v.applicationIds.has(a.applicationId) && competing(p, a));
        return invited
          ? stagesAhead(p)
              .map((stage) => scheduleOf(p, stage))
              .filter((s) => s !== null)
          : [];
      },
    }),
    overseer: t.field({ type: OverseerRequestType, nullable: true, resolve: (p) => p.state.overseer }),
    electionPermission: t.field({
      type: ElectionPermissionType,
      nullable: true,
      resolve: (p) => permissionView(p.state.electionPermission),
    }),
    electionWindows: t.field({
      type: [ElectionWindowType],
      nullable: true,
      description:
        "The agency region's pilkada windows, resolved when the appointment step opened (null before, and in rounds started before the windows came from data)",
      resolve: (p) => p.state.electionWindows?.map((w) => ({ ...w, label: w.label ?? null })) ?? null,
    }),
    electionReportDutyId: t.id({
      nullable: true,
      description: 'The duty to report to the Minister, opened after a decree inside a window',
      resolve: (p) => p.state.electionReportDutyId ?? null,
    }),
    decisions: t.field({
      type: [DecisionType],
      nullable: true,
      description: 'Every recorded decision, oldest first (null for candidates)',
      resolve: (p) => (p.viewer.kind === 'CANDIDATE' ? null : p.state.decisions),
    }),
  }),
});

builder.queryField('selectionProcess', (t) =>
  t.field({
    type: SelectionProcessType,
    description: "The selection's running process, shaped for the signed-in user's role",
    authScopes: { authenticated: true },
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const selection = await selectionFor(ctx, String(args.selectionId));
        const state = await processStateOf(ctx, selection);
        return { selection, state, viewer: viewerOf(ctx, selection, state) };
      }),
  }),
);

export const AuditRecordType = builder.objectRef<AuditRecordDto>('AuditRecord').implement({
  description: 'One entry of the append-only audit record of a selection',
  fields: (t) => ({
    decisionId: t.exposeID('decisionId'),
    kind: t.exposeString('kind'),
    by: t.field({ type: ActorType, resolve: (r) => r.by }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    reason: t.string({ nullable: true, resolve: (r) => r.reason }),
    subjectId: t.string({ nullable: true, resolve: (r) => r.subjectId }),
    payload: t.string({ description: "The decision's data as JSON", resolve: (r) => JSON.stringify(r.payload ?? {}) }),
  }),
});

builder.queryField('selectionAudit', (t) =>
  t.connection({
    type: AuditRecordType,
    description: 'The audit record of a selection, oldest first (secretariat of the agency, overseer, administrator)',
    authScopes: { roles: ['PANSEL_SECRETARY', 'OVERSEER', 'ADMIN'] },
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const selection = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, selection);
        const limit = Math.min(Math.max(args.first ?? 50, 1), 500);
        const page = await ctx.services.candidate.listAuditRecords({
          selectionId: selection.id,
          limit,
          after: args.after ?? undefined,
        });
        // The service's cursor is the sort key (at, decisionId) of the last item seen.
        return servicePageConnection(page, args.after, (node) => encodeCursor({ a: node.at, i: node.decisionId }));
      }),
  }),
);
