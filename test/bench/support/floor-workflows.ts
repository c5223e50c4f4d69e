/**
 * The floors of `bench:surge` and `bench:round`: bare Temporal Updates on the same server, without the
 * application's own work (PDFs, checks, recording).
 *
 * - `floorApplyBatch` has the apply path's shape: the items waiting for a workflow go together in one
 *   Update, whose handler runs one no-op local activity (the apply Update records its batch with one
 *   local activity, inside the workflow task).
 * - `floorApply` is the older per-item floor: one Update per item, one no-op activity through the server.
 */
import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

export const floorApplyUpdate = defineUpdate<string, [string]>('floorApply');
export const floorApplyBatchUpdate = defineUpdate<string[], [string[]]>('floorApplyBatch');
export const floorFinishSignal = defineSignal('floorFinish');

interface FloorActivities {
  noop(id: string): Promise<string>;
  noopBatch(ids: string[]): Promise<string[]>;
}

const acts = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });
const localActs = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

export async function floorWorkflow(): Promise<void> {
  let finished = false;
  setHandler(floorApplyUpdate, (id) => acts.noop(id));
  setHandler(floorApplyBatchUpdate, (ids) => localActs.noopBatch(ids));
  setHandler(floorFinishSignal, () => {
    finished = true;
  });
  await condition(() => finished && allHandlersFinished());
}
