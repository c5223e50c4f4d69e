/**
 * The floor of `bench:surge` and `bench:round`: a bare Temporal Update on the same server whose handler
 * runs as many (no-op) activities as the apply Update (one: store the application with its audit record).
 */
import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';

export const floorApplyUpdate = defineUpdate<string, [string]>('floorApply');
export const floorFinishSignal = defineSignal('floorFinish');

const acts = proxyActivities<{ noop(id: string): Promise<string> }>({ startToCloseTimeout: '1 minute' });

export async function floorWorkflow(): Promise<void> {
  let finished = false;
  setHandler(floorApplyUpdate, (id) => acts.noop(id));
  setHandler(floorFinishSignal, () => {
    finished = true;
  });
  await condition(() => finished && allHandlersFinished());
}
