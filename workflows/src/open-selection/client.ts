/** Client-side helpers for the open selection, used by the gateway and tests (not by workflow code). */
import {
  QueryNotRegisteredError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { selectionWorkflowId } from '@seleksi/domain';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import { openSelectionMetadata } from '../operator-view';
import type { openSelectionWorkflow } from './workflows';
import type { UpdateDefinition } from '@temporalio/common';
import {
  calendarAmendedSignal,
  getApplicationStatesQuery,
  getSelectionStateQuery,
  getSelectionSummaryQuery,
  HANDING_OVER,
  submitApplicationUpdate,
  submitApplicationsUpdate,
  TASK_QUEUE,
  type CalendarAmendment,
  type OpenSelectionInput,
  type OpenSelectionState,
  type OpenSelectionSummary,
  type SubmitApplicationArgs,
  type SubmitApplicationResult,
  type SubmitApplicationsItem,
  type SubmitApplicationsOutcome,
} from './definitions';

export async function startOpenSelection(
  client: Client,
  input: OpenSelectionInput,
  taskQueue = TASK_QUEUE,
): Promise<WorkflowHandle<typeof openSelectionWorkflow>> {
  return client.workflow.start<typeof openSelectionWorkflow>('openSelectionWorkflow', {
    taskQueue,
    workflowId: selectionWorkflowId(input.agency.code, input.selectionId),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: AgencyCodeKey, value: input.agency.code },
      { key: SelectionIdKey, value: input.selectionId },
      { key: SelectionStageKey, value: 'PLANNED' },
    ],
    memo: { title: input.title },
    ...openSelectionMetadata(input),
  });
}

/**
 * Attempts of an Update that met a run handing over (usually under a second; minutes when the run is due
 * to hand over in the middle of a long step, such as a stage's fan-out to thousands of applications). Temporal counts refused Updates against a run's cap too, so resends are spaced up to a second.
 */
const HANDING_OVER_ATTEMPTS = 300;

/** Runs an Update, sending it again while the workflow's run is handing over to the next one. */
async function untilTaken<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
      const handingOver = cause instanceof ApplicationFailure && cause.type === HANDING_OVER;
      if (!handingOver || attempt >= HANDING_OVER_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 1000)));
    }
  }
}

export function openSelectionHandle(client: Client, agencyCode: string, selectionId: string) {
  return client.workflow.getHandle<typeof openSelectionWorkflow>(selectionWorkflowId(agencyCode, selectionId));
}

/**
 * Submits an application as a validated Update: the answer says accepted (with the record) or why not.
 * `updateId` makes a retry idempotent: Temporal answers the outcome recorded for the first attempt.
 */
export async function submitApplication(
  client: Client,
  agencyCode: string,
  selectionId: string,
  args: SubmitApplicationArgs,
  updateId?: string,
): Promise<SubmitApplicationResult> {
  return untilTaken(() =>
    openSelectionHandle(client, agencyCode, selectionId).executeUpdate(submitApplicationUpdate, {
      args: [args],
      ...(updateId ? { updateId } : {}),
    }),
  );
}

/**
 * Submits several applications in one Update (see `submitApplications` in decisions.ts): one outcome
 * per item, in order. Each item's `requestId` makes its resend idempotent, as `updateId` does alone.
 */
export async function submitApplications(
  client: Client,
  agencyCode: string,
  selectionId: string,
  items: SubmitApplicationsItem[],
): Promise<SubmitApplicationsOutcome[]> {
  return untilTaken(() =>
    openSelectionHandle(client, agencyCode, selectionId).executeUpdate(submitApplicationsUpdate, {
      args: [{ items }],
    }),
  );
}

/** True when the run has no handler for the Update: a round started before it was added (legacy layout). */
export function isUnknownUpdate(err: unknown): boolean {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  return cause instanceof ApplicationFailure && /No registered handler for update/.test(cause.message);
}

/**
 * Runs any decision Update of the open selection and answers the recorded decision; a refused
 * decision throws WorkflowUpdateFailedError whose cause is the validator's typed ApplicationFailure.
 * With `updateId`, a retry of an accepted decision answers the decision recorded the first time
 * instead of running again (and being refused by a stage that has moved on).
 */
export async function executeSelectionUpdate<Ret, Args extends [unknown]>(
  client: Client,
  agencyCode: string,
  selectionId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args[0],
  updateId?: string,
): Promise<Ret> {
  return untilTaken(() =>
    openSelectionHandle(client, agencyCode, selectionId).executeUpdate(update, {
      args: [args] as Args,
      ...(updateId ? { updateId } : {}),
    }),
  );
}

/** Applications per query page: a page of scored applications stays far below gRPC's 4 MB. */
const APPLICATION_PAGE = 1_000;

/**
 * The workflow's current state (for decisions screens; lists and status pages read the services):
 * the summary, then the applications page by page, so a round of thousands answers too.
 */
export async function querySelectionState(
  client: Client,
  agencyCode: string,
  selectionId: string,
): Promise<OpenSelectionState> {
  const handle = openSelectionHandle(client, agencyCode, selectionId);
  let summary: OpenSelectionSummary;
  try {
    summary = await handle.query(getSelectionSummaryQuery);
  } catch (err) {
    if (err instanceof QueryNotRegisteredError) return handle.query(getSelectionStateQuery); // frozen code
    throw err;
  }
  const { applicationCount, ...rest } = summary;
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(applicationCount / APPLICATION_PAGE) }, (_, i) =>
      handle.query(getApplicationStatesQuery, { offset: i * APPLICATION_PAGE, limit: APPLICATION_PAGE }),
    ),
  );
  return { ...rest, applications: pages.flat() };
}

/**
 * The workflow's state without applications: small whatever the round's size (decision screens,
 * membership and access checks). Rounds on the frozen code lack the query: their full state is cut.
 */
export async function querySelectionSummary(
  client: Client,
  agencyCode: string,
  selectionId: string,
): Promise<OpenSelectionSummary> {
  const handle = openSelectionHandle(client, agencyCode, selectionId);
  try {
    return await handle.query(getSelectionSummaryQuery);
  } catch (err) {
    if (!(err instanceof QueryNotRegisteredError)) throw err;
    const { applications, ...rest } = await handle.query(getSelectionStateQuery);
    return { ...rest, applicationCount: applications.length };
  }
}

/**
 * Tells every running open selection (of one agency, with `agencyCode`) that the holiday calendar
 * changed, so running deadlines are recomputed. `calendarFor` gives each agency its own calendar
 * (the national one plus its regional days off); without it every selection gets `amendment.calendar`.
 */
export async function signalCalendarAmended(
  client: Client,
  amendment: CalendarAmendment,
  opts: { agencyCode?: string; calendarFor?: (agencyCode: string) => Promise<CalendarAmendment['calendar']> } = {},
): Promise<number> {
  let count = 0;
  const agencyFilter = opts.agencyCode ? ` AND ${AgencyCodeKey.name} = '${opts.agencyCode.replace(/'/g, '')}'` : '';
  const query = `WorkflowType = 'openSelectionWorkflow' AND ExecutionStatus = 'Running'${agencyFilter}`;
  // Ids only, from the raw listing: `workflow.list` decodes every memo, so one round whose payload key is
  // missing from this process's ring would stop the amendment of every other round.
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.listWorkflowExecutions({
      namespace: client.options.namespace,
      query,
      pageSize: 500,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    for (const info of page.executions ?? []) {
      const workflowId = info.execution?.workflowId;
      if (!workflowId) continue;
      // Workflow ids are `selection:<agency>:<selection>` (selectionWorkflowId).
      const agencyCode = workflowId.split(':')[1] ?? '';
      if (opts.agencyCode && agencyCode !== opts.agencyCode) continue;
      const calendar = opts.calendarFor ? await opts.calendarFor(agencyCode) : amendment.calendar;
      await client.workflow.getHandle(workflowId).signal(calendarAmendedSignal, { ...amendment, calendar });
      count += 1;
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return count;
}

export type OpenSelectionHandle = ReturnType<typeof openSelectionHandle>;
