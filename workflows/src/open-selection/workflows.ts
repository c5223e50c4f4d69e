/**
 * The open-selection process (seleksi terbuka), read top-down like the regulation (domain.md §1):
 * plan → overseer approves the plan → announcement and registration (extensions) → administrative
 * screening → objections → competency assessment → interview → track record → final ranking
 * (3 names per vacancy) → objections → report to the PPK → overseer recommendation (correction loop)
 * → choice of 1 of 3 → decree → inauguration → completion report.
 *
 * Layout (after temporalio/samples-typescript `message-passing/safe-message-handlers` and
 * reference-app-orders-go `app/order/workflows.go`): a run object (run.ts) holds the state, clock
 * and deadlines; one module per stage (stages/); validators are pure guards (guards.ts) and each
 * decision's effect is in decisions.ts, so every handler below is one line. Stages are a loop over
 * a `next` pointer, so the overseer or an upheld objection can send the process back; the run
 * continues as new whenever its history nears the limit, and the stage resumes where it waited.
 */
import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { SELECTION_DECISION_NAMES, SELECTION_DECISIONS, type SelectionDecisionName } from '@seleksi/domain';
import { HANDLER_DESCRIPTIONS, restoreDetails } from '../operator-view';
import type { UpdateDefinition } from '@temporalio/common';
import * as decide from './decisions';
import * as documentRequest from './document-request';
import {
  calendarAmendedSignal,
  getApplicationStatesQuery,
  getSelectionStateQuery,
  getSelectionSummaryQuery,
  selectionDecisionUpdate,
  submitApplicationUpdate,
  submitApplicationsUpdate,
  type OpenSelectionCarry,
  type OpenSelectionInput,
  type OpenSelectionState,
  type RecordedDecision,
  type SelectionDecisionUpdateArgs,
} from './definitions';
import * as guard from './guards';
import { legacyOpenSelectionWorkflow } from './legacy/v1';
import { SelectionRun, type Next } from './run';
import { appointmentChoice, decreeAndInauguration } from './stages/appointment';
import { planAndApproval } from './stages/plan';
import { finalRanking } from './stages/ranking';
import { announcementAndRegistration } from './stages/registration';
import { reportAndRecommendation } from './stages/report';
import { scoredStage } from './stages/scoring';
import { administrativeScreening } from './stages/screening';

/** Marks runs of this layout; rounds started before it have no marker and finish on the frozen code. */
const STAGE_RUN_V2 = 'stage-run-v2';

/** The regulation's stages, in order; each returns where the process goes next. */
const STAGES: Record<Exclude<Next, 'DONE'>, (run: SelectionRun) => Promise<Next>> = {
  PLAN: planAndApproval,
  ANNOUNCE: announcementAndRegistration,
  ADMINISTRATIVE_SCREENING: administrativeScreening,
  COMPETENCY_ASSESSMENT: (run) => scoredStage(run, 'COMPETENCY_ASSESSMENT', 'ASSESSMENT_STARTED', 'INTERVIEW'),
  INTERVIEW: (run) => scoredStage(run, 'INTERVIEW', 'INTERVIEW_STARTED', 'TRACK_RECORD'),
  TRACK_RECORD: (run) => scoredStage(run, 'TRACK_RECORD', 'TRACK_RECORD_STARTED', 'FINAL_RANKING'),
  FINAL_RANKING: finalRanking,
  REPORT: reportAndRecommendation,
  APPOINTMENT_CHOICE: appointmentChoice,
  DECREE: decreeAndInauguration,
};

export async function openSelectionWorkflow(
  input: OpenSelectionInput,
  carry?: OpenSelectionCarry,
): Promise<OpenSelectionState> {
  if (!carry && !patched(STAGE_RUN_V2)) return legacyOpenSelectionWorkflow(input);
  const run = new SelectionRun(input, carry);
  registerHandlers(run);
  // A new run starts with empty current details; WaitingFor/WaitingSince are carried by the server.
  if (carry) restoreDetails(run.state.stage, run.tz, run.state.deadline?.at);

  if (!carry) {
    await run.project();
    await run.recordStage('PLANNED', 'SELECTION_PLANNED', null);
    run.markStage();
    // A re-announced vacancy's round keeps the Pansel of the round it comes from (only such inputs carry one).
    const pansel = input.reannouncementOf?.pansel ?? [];
    if (pansel.length > 0) await decide.setPansel(run, { actor: input.createdBy, members: pansel });
  }
  while (run.next !== 'DONE') run.goTo(await STAGES[run.next as Exclude<Next, 'DONE'>](run));
  await condition(allHandlersFinished);
  return run.state;
}

/** Every message of the process, each delegating to its guard and its effect (registered before any await). */
function registerHandlers(run: SelectionRun): void {
  const on = <R, A>(
    update: UpdateDefinition<R, [A]>,
    check: (view: guard.GuardView, args: A) => void,
    effect: (run: SelectionRun, args: A) => Promise<R>,
    // A batch's items carry their own request ids; its Update id is answered by no one twice.
    answers: 'per-update' | 'per-item' = 'per-update',
  ): void =>
    setHandler(update, (args: A) => run.deduplicated(() => effect(run, args), answers === 'per-update'), {
      description:
        HANDLER_DESCRIPTIONS[update.name] ?? SELECTION_DECISIONS[update.name as SelectionDecisionName]?.label,
      validator: (args: A) => {
        if (run.answeredBefore()) return;
        if (run.dueToHandOver()) guard.fail('HANDING_OVER', 'Proses seleksi sedang berpindah ke babak baru; coba lagi');
        check(run.view(), args);
      },
    });

  setHandler(getSelectionStateQuery, () => run.state);
  setHandler(getSelectionSummaryQuery, () => run.summary());
  setHandler(getApplicationStatesQuery, ({ offset, limit }) =>
    run.state.applications.slice(offset, offset + Math.min(limit, 2_000)),
  );
  setHandler(calendarAmendedSignal, (amendment) => decide.amendCalendar(run, amendment));

  on(submitApplicationUpdate, guard.submitApplication, decide.submitApplication);
  on(submitApplicationsUpdate, guard.submitApplications, decide.submitApplications, 'per-item');
  // Every declared decision (SELECTION_DECISIONS), in the order declared. Handlers add no commands, so
  // registering them from the table replays every history as the hand-written list did.
  for (const name of SELECTION_DECISION_NAMES) registerDecision(name);

  function registerDecision<N extends SelectionDecisionName>(name: N): void {
    const [check, effect] = DECISION_HANDLERS[name] as DecisionHandler<N>;
    on(selectionDecisionUpdate(name), check, effect);
  }
}

/** A declared decision's guard (its Update validator) and effect. */
type DecisionHandler<N extends SelectionDecisionName> = [
  check: (view: guard.GuardView, args: SelectionDecisionUpdateArgs<N>) => void,
  effect: (run: SelectionRun, args: SelectionDecisionUpdateArgs<N>) => Promise<RecordedDecision>,
];

/** The guard and effect of every declared decision: a decision declared without them does not compile. */
const DECISION_HANDLERS: { [N in SelectionDecisionName]: DecisionHandler<N> } = {
  setPansel: [guard.setPansel, decide.setPansel],
  submitPlan: [guard.submitPlan, decide.submitPlan],
  overseerDecision: [guard.overseerDecision, decide.overseerDecision],
  // New Updates only (as scheduleStage): histories recorded before them never call them, so no patch marker.
  requestAdditionalDocuments: [
    documentRequest.requestAdditionalDocumentsGuard,
    documentRequest.requestAdditionalDocuments,
  ],
  decideVacancy: [guard.decideVacancy, decide.decideVacancy],
  overrideScreening: [guard.overrideScreening, decide.overrideScreening],
  publishScreening: [guard.publishScreening, decide.publishScreening],
  fileObjection: [guard.fileObjection, decide.fileObjection],
  answerObjection: [guard.answerObjection, decide.answerObjection],
  declareConflict: [guard.declareConflict, decide.declareConflict],
  recordAssessment: [guard.recordAssessment, decide.recordAssessment],
  submitInterviewScore: [guard.submitInterviewScore, decide.submitInterviewScore],
  recordTrackRecord: [guard.recordTrackRecord, decide.recordTrackRecord],
  scheduleStage: [guard.scheduleStage, decide.scheduleStage],
  completeStage: [guard.completeStage, decide.completeStage],
  chooseAppointee: [guard.chooseAppointee, decide.chooseAppointee],
  recordPresidentialDecision: [guard.recordPresidentialDecision, decide.recordPresidentialDecision],
  recordElectionPermission: [guard.recordElectionPermission, decide.recordElectionPermission],
  recordInauguration: [guard.recordInauguration, decide.recordInauguration],
  withdrawApplication: [guard.withdrawApplication, decide.withdrawApplication],
};
