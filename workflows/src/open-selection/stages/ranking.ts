/**
 * Final ranking: totals with the pinned weights, the documented tie-break, 3 names per vacancy;
 * the result announced with its minutes and score sheet, then the final objection window, which
 * may send the process back to the stage at fault.
 */
import { patched } from '@temporalio/workflow';
import { rankCandidates, type SelectionRules } from '@seleksi/domain';
import type { StageDocumentKind } from '../activities';
import type { ApplicationState, CorrectableStage, OpenSelectionState } from '../definitions';
import { inSelection } from '../guards';
import type { Next, SelectionRun } from '../run';
import { awaitVacancyDecisions, cancelSelection, objectionWindow, reopenForCorrection } from './common';

/** Order of the stages that can be re-entered: the earliest reopened one wins. */
export const STAGE_ORDER: Record<CorrectableStage, number> = {
  ADMINISTRATIVE_SCREENING: 0,
  COMPETENCY_ASSESSMENT: 1,
  INTERVIEW: 2,
  TRACK_RECORD: 3,
  FINAL_RANKING: 4,
};

/** Rounds started before it published the ranking's statuses and documents in one step (no hand-over between them). */
const RANKING_STEPS = 'ranking-steps';

export async function finalRanking(run: SelectionRun): Promise<Next> {
  await run.once('ranking-computed', async () => {
    run.p.reRankRequested = false;
    run.p.rankingRevision += 1;
    await run.enterStage('FINAL_RANKING', 'FINAL_RANKING_STARTED');
    rank(run);
  });
  if (!(await awaitVacancyDecisions(run, 'ranking'))) {
    return cancelSelection(run, 'Tidak ada lowongan dengan 3 nama yang memenuhi');
  }
  const shortlistedVacancies = () => run.state.vacancies.filter((x) => x.status === 'SHORTLISTED');
  const publishStatuses = () =>
    run.setStatuses(
      shortlistedVacancies().flatMap((v) =>
        run.state.applications
          .filter((a) => a.vacancyId === v.id && !a.withdrawn && a.eligible === true && !a.trackRecord?.eliminated)
          .map((a) => {
            const listed = v.shortlist.includes(a.applicationId);
            const status = listed ? ('SHORTLISTED' as const) : ('NOT_SHORTLISTED' as const);
            return { a, status, reasonCode: status, note: null };
          }),
      ),
    );
  const documents = (): [StageDocumentKind, boolean][] => [
    ['SCORE_SHEET', true],
    ['FINAL_RESULT_MINUTES', true],
    ['FINAL_RESULT_ANNOUNCEMENT', false],
  ];
  const issue = (kind: StageDocumentKind, withScores: boolean) =>
    run.issue(kind, `${kind}:${run.p.rankingRevision}`, {
      vacancyIds: shortlistedVacancies().map((v) => v.id),
      ...(withScores ? { withScores } : {}),
    });
  if (patched(RANKING_STEPS)) {
    // One step each, with a hand-over between them: each can be megabytes of history in a big round.
    // A run carried over from before did all of it in its one step 'ranking-published'.
    if (!run.p.steps.includes('ranking-published')) {
      await run.once('ranking-statuses', publishStatuses);
      for (const [kind, withScores] of documents()) {
        await run.handOverIfFull();
        await run.once(`ranking-document:${kind}`, async () => void (await issue(kind, withScores)));
      }
    }
  } else {
    await run.once('ranking-published', async () => {
      await publishStatuses();
      for (const [kind, withScores] of documents()) await issue(kind, withScores);
    });
  }

  await objectionWindow(run, 'FINAL_OBJECTIONS');
  await run.wait(() => run.state.objections.every((o) => o.upheld !== null));
  const reopen = run.state.objections
    .filter((o) => o.phase === 'FINAL' && o.upheld && o.reopenStage && !run.p.reopenHandled.includes(o.objectionId))
    .sort((x, y) => STAGE_ORDER[x.reopenStage!] - STAGE_ORDER[y.reopenStage!]);
  for (const o of reopen) run.p.reopenHandled.push(o.objectionId);
  if (reopen.length > 0) {
    await reopenForCorrection(run, 'OBJECTION_UPHELD');
    return reopen[0]!.reopenStage!;
  }
  if (run.p.reRankRequested) return 'FINAL_RANKING';
  return 'REPORT';
}

function rank(run: SelectionRun): void {
  rankVacancies(
    run.state,
    run.rules,
    (a) => run.totalOf(a),
    (a) => run.interviewOf(a),
  );
}

/**
 * Ranks each vacancy in selection (pinned pass mark and shortlist size, the documented tie-break) and sets its
 * ranking, its shortlist and its status: SHORTLISTED, or AWAITING_DECISION when too few qualified. Issues no commands.
 */
export function rankVacancies(
  state: Pick<OpenSelectionState, 'vacancies' | 'applications'>,
  rules: Pick<SelectionRules, 'scoring' | 'shortlistSize'>,
  totalOf: (a: ApplicationState) => number | null,
  interviewOf: (a: ApplicationState) => number | null,
): void {
  for (const v of state.vacancies.filter(inSelection)) {
    const result = rankCandidates(
      state.applications
        .filter((a) => a.vacancyId === v.id)
        .map((a) => ({
          applicationId: a.applicationId,
          total: totalOf(a),
          interview: interviewOf(a),
          assessment: a.assessment?.score ?? null,
          submittedAt: a.submittedAt,
          eliminated: a.trackRecord?.eliminated ?? false,
          withdrawn: a.withdrawn,
          eligible: a.eligible === true,
        })),
      { passMark: rules.scoring.passMark, shortlistSize: rules.shortlistSize },
    );
    v.ranking = result.ranked.map((r) => ({
      applicationId: r.applicationId,
      rank: r.rank,
      total: r.total,
      qualified: r.qualified,
      shortlisted: r.shortlisted,
      note: r.note,
    }));
    v.shortlist = result.shortlist;
    if (result.outcome === 'TOO_FEW_QUALIFIED') {
      v.status = 'AWAITING_DECISION';
      v.pendingDecision = 'TOO_FEW_QUALIFIED';
    } else {
      v.status = 'SHORTLISTED';
    }
  }
}
