/** Plan and its approval: the Pansel submits the plan; the overseer approves, corrects or rejects it. */
import { cancelSelection, awaitOverseer, requestOverseer } from './common';
import type { Next, SelectionRun } from '../run';

export async function planAndApproval(run: SelectionRun): Promise<Next> {
  for (;;) {
    if (run.state.stage === 'PLANNED') {
      await run.wait(() => run.p.planSubmitted);
      requestOverseer(run, 'PLAN', 'PLAN_APPROVAL');
    }
    const round = run.state.overseer!.round;
    await run.once(`plan-documents:${round}`, async () => {
      await run.issue('PANSEL_DECREE', `PANSEL_DECREE:${round}`, {});
      await run.issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:PLAN:${round}`, { extra: { subject: 'PLAN' } });
    });
    const verdict = await awaitOverseer(run, 'PLAN', 'PLAN_APPROVAL');
    if (verdict.verdict === 'APPROVE') return 'ANNOUNCE';
    if (verdict.verdict === 'REJECT') return cancelSelection(run, verdict.reason);
    run.p.planSubmitted = false;
    await run.enterStage('PLANNED', 'PLAN_CORRECTION_REQUESTED');
  }
}
