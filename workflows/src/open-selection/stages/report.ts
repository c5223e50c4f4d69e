/** Report to the PPK and the overseer's recommendation on the result (approve, correct, reject). */
import type { Next, SelectionRun } from '../run';
import { awaitOverseer, cancelSelection, reopenForCorrection, requestOverseer } from './common';

export async function reportAndRecommendation(run: SelectionRun): Promise<Next> {
  const shortlisted = run.state.vacancies.filter((x) => x.status === 'SHORTLISTED').map((v) => v.id);
  const revision = run.p.rankingRevision;
  await run.once('reported', async () => {
    await run.issue('REPORT_TO_PPK', `REPORT_TO_PPK:${revision}`, { vacancyIds: shortlisted, withScores: true });
    await run.enterStage('REPORTED_TO_PPK', 'REPORTED_TO_PPK');
    requestOverseer(run, 'RESULT', 'OVERSEER_RECOMMENDATION');
    await run.issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:RESULT:${revision}`, {
      vacancyIds: shortlisted,
      extra: { subject: 'RESULT' },
    });
  });
  const verdict = await awaitOverseer(run, 'RESULT', 'OVERSEER_RECOMMENDATION');
  if (run.p.reRankRequested) return 'FINAL_RANKING';
  await run.issue('OVERSEER_RECOMMENDATION', `OVERSEER_RECOMMENDATION:${run.state.overseer?.round ?? 0}`, {
    vacancyIds: shortlisted,
    extra: { verdict: verdict.verdict, reason: verdict.reason, reference: verdict.reference ?? '' },
  });
  if (verdict.verdict === 'APPROVE') return 'APPOINTMENT_CHOICE';
  if (verdict.verdict === 'REJECT') return cancelSelection(run, verdict.reason);
  await reopenForCorrection(run, 'OVERSEER_CORRECTION_REQUESTED');
  return verdict.stageAtFault ?? 'FINAL_RANKING';
}
