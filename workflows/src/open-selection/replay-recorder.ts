/**
 * Workflow interceptors bundled only by the replay test (replay.test.ts), never by a worker: they report
 * each activity the replayed code schedules (type, id, arguments) through the `replayRecorder` sink, so the
 * test can compare them with the inputs recorded in the history — Temporal's replay compares commands, not
 * an activity's input, so a change to a helper shared with a frozen layout (legacy/v1) would pass unseen.
 * They only observe: no command, no await, the input goes on unchanged.
 */
import { proxySinks, type Sinks, type WorkflowInterceptors } from '@temporalio/workflow';

export interface ScheduledActivity {
  local: boolean;
  activityId: string;
  activityType: string;
  args: unknown[];
}

export interface ReplayRecorderSinks extends Sinks {
  replayRecorder: { scheduled(activity: ScheduledActivity): void };
}

const { replayRecorder } = proxySinks<ReplayRecorderSinks>();

/**
 * The arguments as they are when scheduled (sinks are shipped at the end of the activation, after the
 * code may have changed the objects it passed), through JSON as the payload converter takes them.
 */
const snapshot = (args: unknown[]): unknown[] =>
  args.map((arg) => (arg === undefined ? undefined : (JSON.parse(JSON.stringify(arg)) as unknown)));

export const interceptors = (): WorkflowInterceptors => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        // The SDK's own default id (workflow.ts: `options.activityId ?? \`${seq}\``).
        const activityId = input.options.activityId ?? String(input.seq);
        replayRecorder.scheduled({
          local: false,
          activityId,
          activityType: input.activityType,
          args: snapshot(input.args),
        });
        return next(input);
      },
      scheduleLocalActivity(input, next) {
        // A local activity's id is always its seq.
        const activityId = String(input.seq);
        replayRecorder.scheduled({
          local: true,
          activityId,
          activityType: input.activityType,
          args: snapshot(input.args),
        });
        return next(input);
      },
    },
  ],
});
