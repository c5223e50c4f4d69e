/**
 * The scored stages — competency assessment, interview, track record: the stage opens, scores come
 * in as decisions (decisions.ts), and the Pansel secretary closes it once nothing is missing.
 */
import type { ReasonCode } from '@seleksi/domain';
import { isCompeting } from '../guards';
import type { Next, SelectionRun } from '../run';

export async function scoredStage(
  run: SelectionRun,
  stage: 'COMPETENCY_ASSESSMENT' | 'INTERVIEW' | 'TRACK_RECORD',
  reasonCode: ReasonCode,
  then: Next,
): Promise<Next> {
  await run.once(`scored-opened:${stage}`, async () => {
    run.p.completedStage = null;
    if (stage === 'INTERVIEW' && run.p.rankingRevision > 0) {
      // Re-entered by a correction: every member scores again, with a reason kept in the audit.
      for (const a of run.state.applications.filter((x) => isCompeting(run, x))) {
        a.calibrationRound += 1;
        a.calibrationRequested = true;
        run.p.interviewBaseRound[a.applicationId] = a.calibrationRound;
      }
    }
    await run.enterStage(stage, reasonCode);
  });
  await run.wait(() => run.p.completedStage === stage);
  if (stage === 'INTERVIEW') {
    await run.setStatuses(
      run.state.applications
        .filter((a) => isCompeting(run, a))
        .map((a) => ({ a, reasonCode: 'INTERVIEW_COMPLETED', note: null })),
    );
  }
  return then;
}
