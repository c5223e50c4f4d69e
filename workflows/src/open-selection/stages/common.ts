/**
 * Steps several stages share: the overseer's review (silence rules), objection windows, the Pansel's
 * decisions on vacancies that cannot go on, corrections that send the process back, cancellation.
 * Each is safe to resume after continue-as-new (side effects before a wait run once).
 */
import type { ReasonCode, SelectionStage } from '@seleksi/domain';
import type { OverseerDecisionArgs, OverseerSubject } from '../definitions';
import { inSelection, isClosedStatus, isCompeting } from '../guards';
import { SYSTEM_ACTOR, type Next, type SelectionRun } from '../run';

/**
 * Opens a request to the overseer synchronously (no await), so a decision sent right after the
 * step that triggered it is accepted rather than refused as early.
 */
export function requestOverseer(run: SelectionRun, subject: OverseerSubject, stage: SelectionStage): void {
  run.p.overseerVerdict = null;
  run.state.stage = stage;
  run.state.overseer = {
    subject,
    round: (run.state.overseer?.round ?? 0) + 1,
    requestedAt: run.nowIso(),
    escalations: 0,
  };
  run.setDeadline({
    label: 'OVERSEER',
    mode: 'AFTER',
    from: run.today(),
    days: run.rules.overseer.decisionWorkingDays,
    kind: 'WORKING',
  });
}

/** Waits for the overseer; on silence, approves or escalates as the pinned overseer rules say. */
export async function awaitOverseer(
  run: SelectionRun,
  subject: OverseerSubject,
  stage: SelectionStage,
): Promise<OverseerDecisionArgs> {
  const o = run.rules.overseer;
  const request = run.state.overseer!;
  await run.once(`overseer:${subject}:${request.round}`, () =>
    run.enterStage(stage, subject === 'PLAN' ? 'PLAN_SUBMITTED' : 'OVERSEER_REVIEW_STARTED'),
  );
  for (;;) {
    const decided = await run.wait(
      () => run.overseerVerdict !== null || (subject === 'RESULT' && run.p.reRankRequested),
      run.deadlineAt,
    );
    if (decided) break;
    if (o.silenceMeansApproval) {
      const reason = `Tidak ada keputusan dalam ${o.decisionWorkingDays} hari kerja; dianggap disetujui`;
      await run.commit('OVERSEER_SILENCE', SYSTEM_ACTOR, reason, null, { subject });
      run.p.overseerVerdict = { actor: SYSTEM_ACTOR, subject, verdict: 'APPROVE', reason };
      await run.recordStage(stage, 'OVERSEER_APPROVED_BY_SILENCE', null);
      break;
    }
    request.escalations += 1;
    await run.commit('OVERSEER_ESCALATED', SYSTEM_ACTOR, 'Batas waktu keputusan lembaga pengawas terlampaui', null, {
      subject,
      escalations: request.escalations,
    });
    await run.issue(
      'LETTER_TO_OVERSEER',
      `LETTER_TO_OVERSEER:${subject}:ESCALATION:${request.round}:${request.escalations}`,
      {
        extra: { subject, escalation: request.escalations },
      },
    );
    run.setDeadline({
      label: 'OVERSEER',
      mode: 'AFTER',
      from: run.today(),
      days: o.escalationWorkingDays,
      kind: 'WORKING',
    });
    await run.recordStage(stage, 'OVERSEER_ESCALATED', run.state.deadline?.at ?? null);
  }
  run.clearDeadline();
  const verdict = run.overseerVerdict ?? { actor: SYSTEM_ACTOR, subject, verdict: 'APPROVE' as const, reason: '' };
  if (run.overseerVerdict && run.overseerVerdict.actor.userId !== SYSTEM_ACTOR.userId) {
    await run.recordStage(stage, overseerVerdictCode(verdict.verdict, subject), null);
  }
  return verdict;
}

/** The stage event's reason code for the overseer's own verdict on the plan or on the result. */
export function overseerVerdictCode(verdict: OverseerDecisionArgs['verdict'], subject: OverseerSubject): ReasonCode {
  if (verdict === 'APPROVE') return subject === 'PLAN' ? 'PLAN_APPROVED' : 'OVERSEER_APPROVED';
  if (verdict === 'REJECT') return 'OVERSEER_REJECTED';
  return subject === 'PLAN' ? 'PLAN_CORRECTION_REQUESTED' : 'OVERSEER_CORRECTION_REQUESTED';
}

/** An objection window of the pinned number of working days, opened with the stage's result. */
export async function objectionWindow(
  run: SelectionRun,
  stage: 'ADMINISTRATIVE_OBJECTIONS' | 'FINAL_OBJECTIONS',
): Promise<void> {
  await run.once(`objections-open:${stage}`, async () => {
    run.p.objectionRound += 1;
    run.setDeadline({
      label: 'OBJECTIONS',
      mode: 'AFTER',
      from: run.today(),
      days: run.rules.objections.workingDays,
      kind: 'WORKING',
    });
    await run.enterStage(
      stage,
      stage === 'ADMINISTRATIVE_OBJECTIONS' ? 'SCREENING_RESULT_PUBLISHED' : 'FINAL_RESULT_PUBLISHED',
    );
  });
  await run.wait(() => false, run.deadlineAt);
  await run.once(`objections-closed:${stage}`, async () => {
    run.clearDeadline();
    await run.recordStage(stage, 'OBJECTION_WINDOW_CLOSED', null);
  });
}

/** True when at least one vacancy remains in selection after the Pansel's decisions. */
export async function awaitVacancyDecisions(run: SelectionRun, key: string): Promise<boolean> {
  if (run.state.vacancies.some((v) => v.pendingDecision)) {
    await run.once(`vacancy-decisions:${key}`, () => run.project());
    await run.wait(() => run.state.vacancies.every((v) => v.pendingDecision === null));
  }
  return run.state.vacancies.some(inSelection);
}

/** Back to an earlier stage: shortlists are void and every still-competing application is in assessment again. */
export async function reopenForCorrection(run: SelectionRun, reasonCode: ReasonCode): Promise<void> {
  for (const v of run.state.vacancies.filter((x) => x.status === 'SHORTLISTED')) {
    v.status = 'IN_SELECTION';
    v.shortlist = [];
    v.proposedApplicationId = null;
    v.appointedApplicationId = null;
  }
  await run.setStatuses(
    run.state.applications
      .filter((a) => isCompeting(run, a))
      .map((a) => ({ a, status: 'IN_ASSESSMENT', reasonCode, note: null })),
  );
}

export async function cancelSelection(run: SelectionRun, reason: string): Promise<Next> {
  run.clearDeadline();
  for (const v of run.state.vacancies) {
    if (!['CANCELLED', 'SWITCHED_ROUTE', 'REANNOUNCE', 'FILLED'].includes(v.status)) v.status = 'CANCELLED';
  }
  await run.setStatuses(
    run.state.applications
      .filter((x) => !x.withdrawn && !isClosedStatus(x.status))
      .map((a) => ({ a, status: 'CANCELLED', reasonCode: 'SELECTION_CANCELLED', note: reason })),
  );
  await run.enterStage('CANCELLED', 'SELECTION_CANCELLED');
  return 'DONE';
}
