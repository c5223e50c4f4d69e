/**
 * Workflow interceptors (bundled with every workflow): the trace context a caller put in the headers of
 * the workflow's start, Update or signal (the gateway's request, through the SDK's OpenTelemetry client
 * interceptor) is copied to the activities, local activities and child workflows it then schedules, so
 * their spans (the SDK's activity interceptor, then the services and the store) join the caller's trace.
 *
 * Not the SDK's own workflow interceptors: they also make spans inside the workflow, and for histories
 * recorded without them they add awaits that replay differently (the stored legacy v1 round fails
 * replay with TMPRL1100). Copying a header schedules nothing and awaits nothing, so every stored history
 * replays as before; headers are not compared on replay.
 */
import type { Payload } from '@temporalio/common';
import type { WorkflowInterceptors } from '@temporalio/workflow';

/** The header the SDK's OpenTelemetry interceptors carry the trace context in. */
const TRACE_HEADER = '_tracer-data';

type Headers = Record<string, Payload>;

export const interceptors = (): WorkflowInterceptors => {
  // Per workflow run: the context of the last message (start, Update, signal) that carried one.
  let current: Payload | undefined;
  const remember = (headers: Headers) => {
    if (headers[TRACE_HEADER]) current = headers[TRACE_HEADER];
  };
  const carry = <T extends { headers: Headers }>(input: T): T =>
    current && !input.headers[TRACE_HEADER]
      ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: current } }
      : input;
  return {
    inbound: [
      {
        execute(input, next) {
          remember(input.headers);
          return next(input);
        },
        handleUpdate(input, next) {
          remember(input.headers);
          return next(input);
        },
        handleSignal(input, next) {
          remember(input.headers);
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next(carry(input)),
        scheduleLocalActivity: (input, next) => next(carry(input)),
        startChildWorkflowExecution: (input, next) => next(carry(input)),
      },
    ],
  };
};
