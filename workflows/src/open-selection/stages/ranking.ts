/**
 * Final ranking: totals with the pinned weights, the documented tie-break, 3 names per vacancy;
 * the result announced with its minutes and score sheet, then the final objection window, which
 * may send the process back to the stage at fault.
 */
import { rankCandidates } from '@seleksi/domain';
import type { CorrectableStage } from '../definitions';
import { inSelection } from '../guards';
import type { Next, SelectionRun } from '../run';
import { awaitVacancyDecisions, cancelSelection, objectionWindow, reopenForCorrection } from './common';

/** Order of the stages that can be re-entered: the earliest reopened one wins. */
const STAGE_ORDER: Record<CorrectableStage, number> = {
  ADMINISTRATIVE_SCREENING: 0,
  COMPETENCY_ASSESSMENT: 1,
  INTERVIEW: 2,
  TRACK_RECORD: 3,
  FINAL_RANKING: 4,
};

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
  await run.once('ranking-published', async () => {
    const shortlistedVacancies = run.state.vacancies.filter((x) => x.status === 'SHORTLISTED');
    await run.setStatuses(
      shortlistedVacancies.flatMap((v) =>
        run.state.applications
          .filter((a) => a.vacancyId === v.id && !a.withdrawn && a.eligible === true && !a.trackRecord?.eliminated)
          .map((a) => {
            const listed = v.shortlist.includes(a.applicationId);
            const status = listed ? ('SHORTLISTED' as const) : ('NOT_SHORTLISTED' as const);
            return { a, status, reasonCode: status, note: null };
          }),
      ),
    );
    const revision = run.p.rankingRevision;
    const vacancyIds = shortlistedVacancies.map((v) => v.id);
    await run.issue('SCORE_SHEET', `SCORE_SHEET:${revision}`, { vacancyIds, withScores: true });
    await run.issue('FINAL_RESULT_MINUTES', `FINAL_RESULT_MINUTES:${revision}`, { vacancyIds, withScores: true });
    await run.issue('FINAL_RESULT_ANNOUNCEMENT', `FINAL_RESULT_ANNOUNCEMENT:${revision}`, { vacancyIds });
  });

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
  for (const v of run.state.vacancies.filter(inSelection)) {
    const result = rankCandidates(
      run.state.applications
        .filter((a) => a.vacancyId === v.id)
        .map((a) => ({
          applicationId: a.applicationId,
          total: run.totalOf(a),
          interview: run.interviewOf(a),
          assessment: a.assessment?.score ?? null,
          submittedAt: a.submittedAt,
          eliminated: a.trackRecord?.eliminated ?? false,
          withdrawn: a.withdrawn,
          eligible: a.eligible === true,
        })),
      { passMark: run.rules.scoring.passMark, shortlistSize: run.rules.shortlistSize },
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
