/**
 * What each decision does once its guard (guards.ts) has let it through: change the state and
 * record it — the decision, its effects and the timeline entries — in one activity.
 */
import { patched } from '@temporalio/workflow';
import {
  applicationId,
  appointmentRoute,
  assessmentScore,
  scheduleNote,
  type ReasonCode,
  type ScoreRecordDto,
} from '@seleksi/domain';
import {
  submittedApplicationState,
  type ApplicationState,
  type AnswerObjectionArgs,
  type CalendarAmendment,
  type ChooseAppointeeArgs,
  type CompleteStageArgs,
  type DecideVacancyArgs,
  type DecisionArgs,
  type DeclareConflictArgs,
  type FileObjectionArgs,
  type OverrideScreeningArgs,
  type OverseerDecisionArgs,
  type RecordAssessmentArgs,
  type RecordedDecision,
  type RecordElectionPermissionArgs,
  type RecordInaugurationArgs,
  type RecordPresidentialDecisionArgs,
  type RecordTrackRecordArgs,
  type ScheduleStageArgs,
  type VacancyOutcome,
  type VacancyStatus,
  type SetPanselArgs,
  type SubmitApplicationArgs,
  type SubmitApplicationResult,
  type SubmitApplicationsArgs,
  type SubmitApplicationsOutcome,
  type SubmitInterviewScoreArgs,
  type WithdrawApplicationArgs,
} from './definitions';
import { ApplicationFailure } from '@temporalio/workflow';
import type { ApplicationSubmission } from './activities';
import * as guard from './guards';
import { isClosedStatus, isCompeting, objectionPhase, receivedOnClock, scheduleInstant, vacancyOf } from './guards';
import type { SelectionRun } from './run';
import { prepareFollowUp } from './follow-up';

/** A REANNOUNCE starts the new round, a SWITCH_ROUTE the talent filling (issue 16); earlier decisions did neither. */
const VACANCY_FOLLOW_UP = 'vacancy-follow-up';

export async function submitApplication(
  run: SelectionRun,
  args: SubmitApplicationArgs,
): Promise<SubmitApplicationResult> {
  const { id, submittedAt, a, decision, audit, application } = takeApplication(run, args);
  try {
    const stored = await run.record({ audit, application });
    return {
      applicationId: stored?.id ?? id,
      vacancyId: args.vacancyId,
      status: stored?.status ?? 'SUBMITTED',
      submittedAt: stored?.submittedAt ?? submittedAt,
      decision,
    };
  } catch (err) {
    run.removeApplication(a);
    throw err;
  }
}

/**
 * Takes one application the guard accepted: its state reserved in the run (so a later duplicate is refused) and its
 * decision made; answers what the store is to record. The receipt time is the gateway's: what the candidate sees on
 * the receipt and what ranks ties.
 */
function takeApplication(
  run: SelectionRun,
  one: Pick<SubmitApplicationArgs, 'vacancyId' | 'candidateId' | 'receivedAt' | 'homePpkPermission' | 'actor'>,
) {
  const id = applicationId(one.vacancyId, one.candidateId);
  const submittedAt = new Date(receivedOnClock(run.view(), one.receivedAt)).toISOString();
  const a = submittedApplicationState({
    applicationId: id,
    candidateId: one.candidateId,
    vacancyId: one.vacancyId,
    submittedAt,
    homePpkPermission: one.homePpkPermission ?? false,
  });
  run.addApplication(a);
  const { decision, audit } = run.decision('APPLICATION_SUBMITTED', one.actor, null, id, {
    vacancyId: one.vacancyId,
  });
  const application = {
    id,
    selectionId: run.input.selectionId,
    vacancyId: one.vacancyId,
    candidateId: one.candidateId,
    submittedAt,
    homePpkPermission: a.homePpkPermission,
  };
  return { id, submittedAt, a, decision, audit, application };
}

/** A typed refusal as a batch item's outcome: the failure's code, message and field. */
function refusalOf(err: unknown): SubmitApplicationsOutcome {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof ApplicationFailure && e.type) {
      const field = (e.details?.[0] as { field?: unknown } | undefined)?.field;
      return { error: { code: e.type, message: e.message, ...(typeof field === 'string' ? { field } : {}) } };
    }
  }
  return { error: { code: 'INTERNAL', message: 'Lamaran tidak dapat dicatat; silakan kirim ulang' } };
}

/**
 * Several applications at once (the gateway's per-selection queue): each item is judged by the same
 * guard as `submitApplication` against the state as the items before it left it (so a duplicate
 * within the batch is refused), the taken ones are recorded by one activity in one service call,
 * and each caller gets its own outcome. An item with a request id already answered gets that answer.
 */
export async function submitApplications(
  run: SelectionRun,
  args: SubmitApplicationsArgs,
): Promise<SubmitApplicationsOutcome[]> {
  const outcomes: SubmitApplicationsOutcome[] = new Array(args.items.length);
  const waits: Promise<void>[] = [];
  const taken: { i: number; a: ApplicationState; result: SubmitApplicationResult; requestId?: string }[] = [];
  const submissions: ApplicationSubmission[] = [];
  for (const [i, item] of args.items.entries()) {
    const { requestId, fileIds, ...one } = item;
    const earlier = requestId ? (run.answerOf(requestId) as SubmitApplicationResult | undefined) : undefined;
    if (earlier) {
      outcomes[i] = { ok: earlier };
      continue;
    }
    const pending = requestId ? run.pendingRequests.get(requestId) : undefined;
    if (pending) {
      waits.push(pending.then((o) => void (outcomes[i] = o as SubmitApplicationsOutcome)));
      continue;
    }
    try {
      guard.submitApplication(run.view(), one);
    } catch (err) {
      outcomes[i] = refusalOf(err);
      continue;
    }
    const { id, submittedAt, a, decision, audit, application } = takeApplication(run, one);
    taken.push({
      i,
      a,
      requestId,
      result: { applicationId: id, vacancyId: one.vacancyId, status: 'SUBMITTED', submittedAt, decision },
    });
    submissions.push({
      audit,
      application,
      ...(fileIds && fileIds.length > 0 ? { fileIds } : {}),
    });
  }
  if (taken.length > 0) {
    const recorded = run.recordApplications(submissions).then(
      (stored) => stored,
      (err: unknown) => err as Error,
    );
    for (const [k, t] of taken.entries()) {
      if (!t.requestId) continue;
      const requestId = t.requestId;
      run.pendingRequests.set(
        requestId,
        recorded.then((stored) => outcomeOf(run, t, stored, k)),
      );
    }
    const stored = await recorded;
    for (const [k, t] of taken.entries()) {
      outcomes[t.i] = outcomeOf(run, t, stored, k);
      if (t.requestId) run.pendingRequests.delete(t.requestId);
    }
  }
  await Promise.all(waits);
  return outcomes;
}

/** The outcome of a taken item once the batch was recorded (idempotent: called by the item and by resends waiting on it). */
function outcomeOf(
  run: SelectionRun,
  t: { a: ApplicationState; result: SubmitApplicationResult; requestId?: string },
  stored: Awaited<ReturnType<SelectionRun['recordApplications']>> | Error,
  k: number,
): SubmitApplicationsOutcome {
  const s = stored instanceof Error ? null : stored[k];
  if (!s || s.error) {
    if (run.app(t.a.applicationId) === t.a) run.removeApplication(t.a);
    return s?.error ? { error: s.error } : refusalOf(stored);
  }
  const result: SubmitApplicationResult = {
    ...t.result,
    applicationId: s.application.id,
    status: s.application.status,
    submittedAt: s.application.submittedAt,
  };
  if (t.requestId && run.answerOf(t.requestId) === undefined) run.remember(t.requestId, result);
  return { ok: result };
}

export function setPansel(run: SelectionRun, args: SetPanselArgs): Promise<RecordedDecision> {
  run.state.pansel = args.members.map((m) => ({ ...m }));
  return run.commit('PANSEL_SET', args.actor, null, null, {
    members: args.members.map((m) => ({ id: m.id, internal: m.internal, role: m.role })),
    decreeReference: args.decreeReference ?? null,
  });
}

export function submitPlan(run: SelectionRun, args: DecisionArgs): Promise<RecordedDecision> {
  run.p.planSubmitted = true;
  return run.commit('PLAN_SUBMITTED', args.actor, null, null, { rulesVersion: run.rules.version });
}

export function overseerDecision(run: SelectionRun, args: OverseerDecisionArgs): Promise<RecordedDecision> {
  run.p.overseerVerdict = args;
  return run.commit('OVERSEER_DECIDED', args.actor, args.reason, null, {
    subject: args.subject,
    verdict: args.verdict,
    stageAtFault: args.stageAtFault ?? null,
    reference: args.reference ?? null,
  });
}

/** What a vacancy's outcome makes of it: its status, and the reason code of its applications' cancellation. */
export function vacancyOutcomeEffect(outcome: VacancyOutcome): { reasonCode: ReasonCode; status: VacancyStatus } {
  if (outcome === 'CANCEL') return { reasonCode: 'VACANCY_CANCELLED', status: 'CANCELLED' };
  if (outcome === 'SWITCH_ROUTE') return { reasonCode: 'VACANCY_SWITCHED_ROUTE', status: 'SWITCHED_ROUTE' };
  return { reasonCode: 'VACANCY_REANNOUNCED', status: 'REANNOUNCE' };
}

export async function decideVacancy(run: SelectionRun, args: DecideVacancyArgs): Promise<RecordedDecision> {
  const v = vacancyOf(run, args.vacancyId)!;
  const { reasonCode, status } = vacancyOutcomeEffect(args.outcome);
  const why = v.pendingDecision;
  v.outcome = args.outcome;
  v.pendingDecision = null;
  v.status = status;
  // Rounds decided before this change ended in the status alone; now the decision starts what it names.
  const followUp =
    args.outcome !== 'CANCEL' && patched(VACANCY_FOLLOW_UP)
      ? prepareFollowUp({
          input: run.input,
          vacancy: run.input.vacancies.find((x) => x.id === v.id)!,
          outcome: args.outcome,
          reason: args.reason,
          pansel: run.state.pansel,
          applications: run.state.applications,
          calendar: run.p.calendar,
          createdBy: args.actor,
        })
      : null;
  if (followUp) v.followUp = followUp.link;
  const decision = await run.commit('VACANCY_DECIDED', args.actor, args.reason, v.id, {
    outcome: args.outcome,
    why,
    ...(followUp ? { followUp: followUp.link } : {}),
  });
  await run.setStatuses(
    run.state.applications
      .filter((x) => x.vacancyId === v.id && !x.withdrawn && !isClosedStatus(x.status))
      .map((a) => ({ a, status: 'CANCELLED', reasonCode, note: args.reason })),
  );
  if (followUp) await followUp.start();
  await run.issue('VACANCY_CANCELLATION', `VACANCY_CANCELLATION:${v.id}`, {
    vacancyIds: [v.id],
    extra: { outcome: args.outcome, reason: args.reason, why: why ?? '' },
  });
  await run.project();
  return decision;
}

export async function overrideScreening(run: SelectionRun, args: OverrideScreeningArgs): Promise<RecordedDecision> {
  const a = run.app(args.applicationId)!;
  a.eligible = args.eligible;
  a.screeningReopened = false;
  if (run.state.stage === 'ADMINISTRATIVE_OBJECTIONS') run.p.screeningRevision += 1;
  const screeningOverride = {
    applicationId: a.applicationId,
    eligible: args.eligible,
    reason: args.reason,
    actor: args.actor,
    at: run.nowIso(),
  };
  // Before publication, candidates learn the result when the Pansel publishes it, with the override's reason.
  const announced = run.p.screeningPublished || run.state.stage !== 'ADMINISTRATIVE_SCREENING';
  if (announced) {
    a.status = args.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE';
  } else {
    run.p.unannounced = [...run.p.unannounced.filter(([id]) => id !== a.applicationId), [a.applicationId, args.reason]];
  }
  return run.commit(
    'SCREENING_OVERRIDDEN',
    args.actor,
    args.reason,
    a.applicationId,
    { eligible: args.eligible },
    announced
      ? { screeningOverride, events: [run.event(a, 'SCREENING_OVERRIDDEN', args.reason)] }
      : { screeningOverride },
  );
}

export function publishScreening(run: SelectionRun, args: DecisionArgs): Promise<RecordedDecision> {
  run.p.screeningPublished = true;
  return run.commit('SCREENING_PUBLISHED', args.actor, null, null, {
    eligible: run.state.applications.filter((a) => a.eligible === true).length,
    notEligible: run.state.applications.filter((a) => a.eligible === false).length,
  });
}

export function fileObjection(run: SelectionRun, args: FileObjectionArgs): Promise<RecordedDecision> {
  const phase = objectionPhase(run);
  const objectionId = `${args.applicationId}:${phase}:${run.p.objectionRound}`;
  run.state.objections.push({
    objectionId,
    applicationId: args.applicationId,
    phase,
    filedAt: run.nowIso(),
    upheld: null,
    answeredAt: null,
    reopenStage: null,
  });
  return run.commit(
    'OBJECTION_FILED',
    args.actor,
    args.text,
    objectionId,
    { applicationId: args.applicationId, phase },
    {
      events: [run.event(run.app(args.applicationId)!, 'OBJECTION_FILED', null)],
    },
  );
}

export function answerObjection(run: SelectionRun, args: AnswerObjectionArgs): Promise<RecordedDecision> {
  const o = run.state.objections.find((x) => x.objectionId === args.objectionId)!;
  const a = run.app(o.applicationId)!;
  o.upheld = args.upheld;
  o.answeredAt = run.nowIso();
  if (args.upheld && o.phase === 'ADMINISTRATIVE') a.screeningReopened = true;
  if (args.upheld && o.phase === 'FINAL') o.reopenStage = args.reopenStage ?? 'TRACK_RECORD';
  return run.commit(
    'OBJECTION_ANSWERED',
    args.actor,
    args.answer,
    o.objectionId,
    { upheld: args.upheld, reopenStage: o.reopenStage },
    { events: [run.event(a, args.upheld ? 'OBJECTION_UPHELD' : 'OBJECTION_REJECTED', args.answer)] },
  );
}

export function declareConflict(run: SelectionRun, args: DeclareConflictArgs): Promise<RecordedDecision> {
  const list = new Set(run.state.conflicts[args.memberId] ?? []);
  if (args.hasConflict) list.add(args.candidateId);
  else list.delete(args.candidateId);
  run.state.conflicts[args.memberId] = [...list];
  const events = [];
  if (args.hasConflict) {
    // A recused member's earlier scores for that candidate no longer count.
    for (const id of run.byCandidate.get(args.candidateId) ?? []) {
      const a = run.app(id)!;
      delete a.interview[args.memberId];
      if (run.checkCalibration(a)) events.push(run.event(a, 'INTERVIEW_CALIBRATION_REQUESTED', null));
    }
  }
  return run.commit(
    'CONFLICT_DECLARED',
    args.actor,
    args.reason,
    args.candidateId,
    { memberId: args.memberId, hasConflict: args.hasConflict },
    {
      events,
      conflict: {
        id: `${run.input.selectionId}:${args.memberId}:${args.candidateId}`,
        selectionId: run.input.selectionId,
        memberId: args.memberId,
        candidateId: args.candidateId,
        hasConflict: args.hasConflict,
        reason: args.reason,
        declaredBy: args.actor,
        declaredAt: run.nowIso(),
      },
    },
  );
}

export function recordAssessment(run: SelectionRun, args: RecordAssessmentArgs): Promise<RecordedDecision> {
  const a = run.app(args.applicationId)!;
  const { assessment, scores } = assessmentRecord(run.input.selectionId, a, args, run.nowIso());
  a.assessment = assessment;
  return run.commit(
    'ASSESSMENT_RECORDED',
    args.actor,
    null,
    a.applicationId,
    { ...a.assessment, assessedAt: args.assessedAt, reusedResultId: args.reusedResultId ?? null },
    { scores, events: [run.event(a, 'ASSESSMENT_RECORDED', null)] },
  );
}

/** An assessment as the state keeps it, and its score rows: the weighted score (with components), paper, presentation. */
export function assessmentRecord(
  selectionId: string,
  a: ApplicationState,
  args: RecordAssessmentArgs,
  recordedAt: string,
): { assessment: NonNullable<ApplicationState['assessment']>; scores: ScoreRecordDto[] } {
  const score = assessmentScore(args.managerial, args.socioCultural);
  const assessment = {
    managerial: args.managerial,
    socioCultural: args.socioCultural,
    paper: args.paper,
    presentation: args.presentation,
    score,
  };
  const base = { selectionId, applicationId: a.applicationId, candidateId: a.candidateId };
  const common = { memberId: null, round: 0, recordedBy: args.actor, recordedAt };
  const scores: ScoreRecordDto[] = [
    {
      ...base,
      ...common,
      id: `${a.applicationId}:ASSESSMENT`,
      kind: 'ASSESSMENT',
      value: score,
      components: { managerial: args.managerial, socioCultural: args.socioCultural },
      note: args.reusedResultId ? `Hasil asesmen ${args.reusedResultId} (${args.assessedAt})` : args.assessedAt,
    },
    { ...base, ...common, id: `${a.applicationId}:PAPER`, kind: 'PAPER', value: args.paper, note: null },
    {
      ...base,
      ...common,
      id: `${a.applicationId}:PRESENTATION`,
      kind: 'PRESENTATION',
      value: args.presentation,
      note: null,
    },
  ];
  return { assessment, scores };
}

export function submitInterviewScore(run: SelectionRun, args: SubmitInterviewScoreArgs): Promise<RecordedDecision> {
  const a = run.app(args.applicationId)!;
  const round = a.calibrationRound;
  const at = run.nowIso();
  a.interview[args.memberId] = { value: args.score, at, by: args.memberId, round };
  const calibrate = run.checkCalibration(a);
  return run.commit(
    'INTERVIEW_SCORED',
    args.actor,
    args.reason ?? null,
    a.applicationId,
    { memberId: args.memberId, round, score: args.score },
    {
      scores: [interviewScoreRecord(run.input.selectionId, a, args, round, at)],
      events: calibrate ? [run.event(a, 'INTERVIEW_CALIBRATION_REQUESTED', null)] : [],
    },
  );
}

/** One member's interview score of one calibration round, as stored. */
export function interviewScoreRecord(
  selectionId: string,
  a: ApplicationState,
  args: SubmitInterviewScoreArgs,
  round: number,
  recordedAt: string,
): ScoreRecordDto {
  return {
    id: `${a.applicationId}:INTERVIEW:${args.memberId}:${round}`,
    selectionId,
    applicationId: a.applicationId,
    candidateId: a.candidateId,
    kind: 'INTERVIEW',
    memberId: args.memberId,
    round,
    value: args.score,
    note: args.reason ?? null,
    recordedBy: args.actor,
    recordedAt,
  };
}

export function recordTrackRecord(run: SelectionRun, args: RecordTrackRecordArgs): Promise<RecordedDecision> {
  const a = run.app(args.applicationId)!;
  a.trackRecord = { score: args.score, eliminated: args.eliminate };
  if (args.eliminate) a.status = 'NOT_SHORTLISTED';
  return run.commit(
    'TRACK_RECORD_RECORDED',
    args.actor,
    args.reason ?? null,
    a.applicationId,
    { score: args.score, eliminate: args.eliminate },
    {
      scores: [trackRecordScoreRecord(run.input.selectionId, a, args, run.nowIso())],
      events: args.eliminate ? [run.event(a, 'TRACK_RECORD_ELIMINATED', args.reason ?? null)] : [],
    },
  );
}

/** The track-record score (with the findings as its note), as stored. */
export function trackRecordScoreRecord(
  selectionId: string,
  a: ApplicationState,
  args: RecordTrackRecordArgs,
  recordedAt: string,
): ScoreRecordDto {
  return {
    id: `${a.applicationId}:TRACK_RECORD`,
    selectionId,
    applicationId: a.applicationId,
    candidateId: a.candidateId,
    kind: 'TRACK_RECORD',
    memberId: null,
    round: 0,
    value: args.score,
    note: args.findings,
    recordedBy: args.actor,
    recordedAt,
  };
}

export function completeStage(run: SelectionRun, args: CompleteStageArgs): Promise<RecordedDecision> {
  run.p.completedStage = args.stage;
  return run.commit('STAGE_COMPLETED', args.actor, null, null, { stage: args.stage });
}

/**
 * The secretariat's schedule of the assessment or the interview: kept in the state and sent to every
 * competing candidate as a timeline entry (the invitation, or on a change the new schedule), whose
 * expected date is the start; the outbox mails one notice per entry.
 */
export async function scheduleStage(run: SelectionRun, args: ScheduleStageArgs): Promise<RecordedDecision> {
  const schedules = (run.state.schedules ??= {});
  const previous = schedules[args.stage];
  const schedule = {
    startsAt: scheduleInstant(args.date, args.time, run.tz),
    place: args.place.trim(),
    notes: args.notes?.trim() || null,
    revision: (previous?.revision ?? 0) + 1,
  };
  schedules[args.stage] = schedule;
  const reasonCode: ReasonCode =
    args.stage === 'COMPETENCY_ASSESSMENT'
      ? previous
        ? 'ASSESSMENT_RESCHEDULED'
        : 'ASSESSMENT_SCHEDULED'
      : previous
        ? 'INTERVIEW_RESCHEDULED'
        : 'INTERVIEW_SCHEDULED';
  const decision = await run.commit('STAGE_SCHEDULED', args.actor, null, null, { stage: args.stage, ...schedule });
  const note = scheduleNote(schedule.place, schedule.notes);
  await run.setStatuses(
    run.state.applications
      .filter((a) => isCompeting(run, a))
      .map((a) => ({ a, reasonCode, note, expectedNextAt: schedule.startsAt })),
  );
  return decision;
}

export function chooseAppointee(run: SelectionRun, args: ChooseAppointeeArgs): Promise<RecordedDecision> {
  const v = vacancyOf(run, args.vacancyId)!;
  const p = run.input.vacancies.find((x) => x.id === v.id)!;
  const route = appointmentRoute(p.level, {
    agencyKind: run.input.agency.kind,
    isRegionalSecretary: p.regionalSecretary ?? false,
  });
  v.proposedApplicationId = args.applicationId;
  if (route === 'PPK') {
    v.appointedApplicationId = args.applicationId;
    v.status = 'APPOINTEE_CHOSEN';
  }
  return run.commit(
    'APPOINTEE_CHOSEN',
    args.actor,
    args.justification ?? null,
    v.id,
    { applicationId: args.applicationId, rank: v.shortlist.indexOf(args.applicationId) + 1, route },
    {
      events: [
        run.event(run.app(args.applicationId)!, route === 'PPK' ? 'APPOINTEE_CHOSEN' : 'PROPOSED_TO_PRESIDENT', null),
      ],
    },
  );
}

export function recordPresidentialDecision(
  run: SelectionRun,
  args: RecordPresidentialDecisionArgs,
): Promise<RecordedDecision> {
  const v = vacancyOf(run, args.vacancyId)!;
  v.appointedApplicationId = args.applicationId;
  v.decreeNumber = args.decreeNumber;
  v.status = 'APPOINTEE_CHOSEN';
  return run.commit(
    'PRESIDENTIAL_DECISION_RECORDED',
    args.actor,
    args.justification ?? null,
    v.id,
    { applicationId: args.applicationId, decreeNumber: args.decreeNumber, decreeDate: args.decreeDate },
    { events: [run.event(run.app(args.applicationId)!, 'APPOINTEE_CHOSEN', null)] },
  );
}

export function recordElectionPermission(
  run: SelectionRun,
  args: RecordElectionPermissionArgs,
): Promise<RecordedDecision> {
  const permission = { letterNumber: args.letterNumber, letterDate: args.letterDate };
  const scope = args.scope?.trim();
  // Who recorded it and when (the workflow clock, as the decision's); decisions recorded before the
  // scope was asked keep their old shape.
  run.state.electionPermission = scope
    ? { ...permission, scope, recordedBy: args.actor.userId, recordedAt: new Date().toISOString() }
    : permission;
  return run.commit('ELECTION_PERMISSION_RECORDED', args.actor, args.reason, null, {
    ...permission,
    ...(scope ? { scope } : {}),
  });
}

export async function recordInauguration(run: SelectionRun, args: RecordInaugurationArgs): Promise<RecordedDecision> {
  const v = vacancyOf(run, args.vacancyId)!;
  v.inaugurationDate = args.date;
  v.status = 'FILLED';
  const appointee = run.app(v.appointedApplicationId!)!;
  const decision = await run.commit(
    'INAUGURATION_RECORDED',
    args.actor,
    null,
    v.id,
    { date: args.date, place: args.place },
    { events: [run.event(appointee, 'INAUGURATED', `${args.date}, ${args.place}`)] },
  );
  await run.issue('INAUGURATION_MINUTES', `INAUGURATION_MINUTES:${v.id}`, {
    vacancyIds: [v.id],
    applicationIds: [appointee.applicationId],
    extra: { date: args.date, place: args.place },
  });
  return decision;
}

export function withdrawApplication(run: SelectionRun, args: WithdrawApplicationArgs): Promise<RecordedDecision> {
  const a = run.app(args.applicationId)!;
  a.withdrawn = true;
  const v = vacancyOf(run, a.vacancyId)!;
  if (v.shortlist.includes(a.applicationId)) run.p.reRankRequested = true;
  if (v.proposedApplicationId === a.applicationId) {
    v.proposedApplicationId = null;
    v.appointedApplicationId = null;
  }
  a.status = 'WITHDRAWN';
  return run.commit(
    'APPLICATION_WITHDRAWN',
    args.actor,
    args.reason,
    a.applicationId,
    {},
    {
      events: [run.event(a, 'APPLICATION_WITHDRAWN', args.reason)],
    },
  );
}

/**
 * Runs from this change re-project the selection after an amendment that moved the registration's
 * close, so the public pages show the recomputed date at once (before, only at the next stage).
 */
const CALENDAR_REPROJECT = 'calendar-reproject';

export async function amendCalendar(run: SelectionRun, amendment: CalendarAmendment): Promise<void> {
  const closedBefore = run.state.registrationClosesAt;
  run.amendCalendar(amendment.calendar);
  await run.commit('CALENDAR_AMENDED', amendment.by, amendment.reason, null, {
    revision: run.state.calendarRevision,
    deadline: run.state.deadline,
  });
  if (run.state.registrationClosesAt !== closedBefore && patched(CALENDAR_REPROJECT)) await run.project();
}
