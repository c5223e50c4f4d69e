/**
 * Workflow code of the "new worker version" in test/worker-rollout.int.test.ts (bundled as a workflow
 * interceptor module): every Update handled records the `worker-rollout-probe` patch marker, the way a
 * real change is guarded by `patched()`. Replaying a history made without it takes the old path.
 */
import { patched, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export const ROLLOUT_PROBE_PATCH = 'worker-rollout-probe';

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async handleUpdate(input, next) {
        patched(ROLLOUT_PROBE_PATCH);
        return next(input);
      },
    },
  ],
});
