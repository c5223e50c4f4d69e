/**
 * The apply path (`applyToVacancy`), built for a deadline surge:
 *
 * - the receipt time is the HTTP request's arrival (server clock), taken before the upload is read,
 *   and goes to the workflow as `receivedAt`: the deadline is judged on it, not on when the workflow
 *   gets to the application;
 * - uploads are stored first (idempotent per candidate × vacancy × kind × content), while the application waits for its selection's Update in flight, and kept whatever
 *   the workflow answers, so a retry reuses them and a refusal loses nothing;
 * - every step is an `_id` lookup or an insert: the selection's summary (cached: its agency and
 *   vacancies never change), the files, and the Update's own answer as the receipt (no read-back);
 * - a bounded queue (APPLY_CONCURRENCY, APPLY_QUEUE_MAX) makes a burst wait its turn; only a full
 *   queue answers BUSY, which the portal sends again unchanged;
 * - per selection at most APPLY_UPDATES_PER_SELECTION Updates are in flight (Temporal refuses more
 *   than 10 per workflow), and the applications that arrive meanwhile go together as one
 *   `submitApplications` Update: one workflow task, one activity and one service call record them all
 *   (application, audit record, linked files), however many wait; each caller gets its own answer.
 */
import { isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  formatDateTimeId,
  isErrorCode,
  selectionIdOfVacancy,
  type AgencyTimeZone,
  type ApplicationDto,
} from '@seleksi/domain';
import {
  isUnknownUpdate,
  MAX_APPLICATIONS_PER_BATCH,
  submitApplication,
  submitApplications,
  type SubmitApplicationResult,
  type SubmitApplicationsItem,
} from '@seleksi/workflows';
import { updateIdOf } from './schema/decision';
import { GraphQLError } from 'graphql';
import type { Account } from './auth/accounts';
import { Batcher, BoundedQueue, busyError, QueueFullError, type ItemOutcome } from './apply-queue';
import type { GatewayConfig } from './config';
import type { GraphQLContext } from './context';
import { gqlError, toGraphQLError } from './errors';
import { storeDocuments, type CheckedDocument } from './application-files/uploads';
import { MemoryBusyReceipts, type BusyReceipts } from './busy-receipts';

/** What the apply path needs of a selection; none of it changes after the selection is created. */
interface SelectionFacts {
  id: string;
  agencyCode: string;
  timeZone: AgencyTimeZone;
  vacancyIds: Set<string>;
}

/** The answer of `applyToVacancy`: the application as stored, with the gateway's receipt time. */
export type ApplicationReceipt = ApplicationDto & { receivedAt: string };

/** Selections remembered per gateway; a round has few, so a full map is simply started again. */
const MAX_CACHED_SELECTIONS = 1000;
/** Temporal answers RESOURCE_EXHAUSTED when a workflow already has its 10 Updates in flight (several gateways). */
const RESOURCE_EXHAUSTED = 8;
const MAX_EXHAUSTED_RETRIES = 50;
/** APPLY_TRACE=1 logs each application's step times (ms since the resolver started) for bench:round. */
const TRACE = process.env.APPLY_TRACE === '1';

export class ApplyPipeline {
  readonly queue: BoundedQueue;
  private readonly batchers = new Map<string, Batcher<SubmitApplicationsItem, SubmitApplicationResult>>();
  private readonly selections = new Map<string, SelectionFacts>();
  constructor(
    private readonly config: Pick<
      GatewayConfig,
      'APPLY_CONCURRENCY' | 'APPLY_QUEUE_MAX' | 'APPLY_UPDATES_PER_SELECTION' | 'APPLY_BUSY_RECEIPT_MAX_AGE_MS'
    >,
    /**
     * Candidate × vacancy → when a request was first received but answered BUSY (see busy-receipts.ts):
     * the gateways' shared store, so a resend landing on another gateway keeps the first receipt time.
     */
    private readonly busyReceipts: BusyReceipts = new MemoryBusyReceipts(config.APPLY_BUSY_RECEIPT_MAX_AGE_MS),
  ) {
    this.queue = new BoundedQueue(config.APPLY_CONCURRENCY, config.APPLY_QUEUE_MAX);
  }

  /** The selection of a vacancy: one `_id` lookup the first time, then from memory. */
  async selectionOf(ctx: Pick<GraphQLContext, 'services'>, vacancyId: string): Promise<SelectionFacts | null> {
    const selectionId = selectionIdOfVacancy(vacancyId);
    if (!selectionId) return null;
    const known = this.selections.get(selectionId);
    if (known?.vacancyIds.has(vacancyId)) return known;
    const s = await ctx.services.candidate.getSelectionSummary(selectionId);
    if (!s) return null;
    const facts: SelectionFacts = {
      id: s.id,
      agencyCode: s.agencyCode,
      timeZone: s.timeZone,
      vacancyIds: new Set(s.vacancies.map((v) => v.id)),
    };
    if (this.selections.size >= MAX_CACHED_SELECTIONS) this.selections.clear();
    this.selections.set(s.id, facts);
    return facts.vacancyIds.has(vacancyId) ? facts : null;
  }

  /**
   * The receipt time that counts: the earliest of this request's and a BUSY-answered one's (any gateway's);
   * `busy`: whether such a receipt is recorded (to be removed once the application has its final answer).
   */
  async receiptOf(candidateId: string, vacancyId: string, receivedAt: Date): Promise<{ at: Date; busy: boolean }> {
    const earlier = await this.busyReceipts.get(candidateId, vacancyId);
    return { at: earlier && earlier < receivedAt ? earlier : receivedAt, busy: earlier !== null };
  }

  /** Stored before the BUSY answer leaves, so the resend finds it whichever gateway it reaches. */
  rememberBusy(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void> {
    return this.busyReceipts.remember(candidateId, vacancyId, receivedAt);
  }

  forgetBusy(candidateId: string, vacancyId: string): Promise<void> {
    return this.busyReceipts.forget(candidateId, vacancyId);
  }

  /**
   * Submits an application through its selection's batcher: at most APPLY_UPDATES_PER_SELECTION
   * `submitApplications` Updates in flight per selection, and the applications that arrive meanwhile
   * go together in the next one. Answers this application's own result or throws its own refusal.
   */
  submit(
    ctx: Pick<GraphQLContext, 'temporal' | 'services'>,
    selection: SelectionFacts,
    item: SubmitApplicationsItem | Promise<SubmitApplicationsItem>,
  ) {
    let b = this.batchers.get(selection.id);
    if (!b) {
      b = new Batcher<SubmitApplicationsItem, SubmitApplicationResult>(
        this.config.APPLY_UPDATES_PER_SELECTION,
        MAX_APPLICATIONS_PER_BATCH,
        (items) => sendBatch(ctx, selection, items),
      );
      this.batchers.set(selection.id, b);
    }
    const batcher = b;
    return batcher.submit(item).finally(() => {
      if (batcher.idle() && this.batchers.get(selection.id) === batcher) this.batchers.delete(selection.id);
    });
  }
}

/** A refusal carried in a batch outcome, as the typed failure a lone Update would have thrown. */
function failureOf(error: { code: string; message: string; field?: string }): ApplicationFailure {
  return ApplicationFailure.create({
    type: isErrorCode(error.code) ? error.code : 'INTERNAL',
    message: error.message,
    nonRetryable: true,
    details: [{ field: error.field }],
  });
}

/** One `submitApplications` Update for a batch; a round of the legacy layout (no such Update) gets one Update each. */
async function sendBatch(
  ctx: Pick<GraphQLContext, 'temporal' | 'services'>,
  selection: SelectionFacts,
  items: SubmitApplicationsItem[],
): Promise<ItemOutcome<SubmitApplicationResult>[]> {
  try {
    const outcomes = await withBackoff(() =>
      submitApplications(ctx.temporal, selection.agencyCode, selection.id, items),
    );
    return outcomes.map((o) => (o.ok ? { ok: o.ok } : { error: failureOf(o.error) }));
  } catch (err) {
    if (!isUnknownUpdate(err)) throw err;
  }
  return Promise.all(
    items.map(async ({ requestId, fileIds, ...args }): Promise<ItemOutcome<SubmitApplicationResult>> => {
      try {
        const result = await withBackoff(() =>
          submitApplication(ctx.temporal, selection.agencyCode, selection.id, args, requestId),
        );
        if (fileIds?.length) await ctx.services.candidate.linkApplicationFiles(result.applicationId, fileIds);
        return { ok: result };
      } catch (error) {
        return { error };
      }
    }),
  );
}

/** '24 November 2026 pukul 23.59.58 WITA' */
export function formatInstantId(instant: Date, tz: AgencyTimeZone): string {
  return formatDateTimeId(instant, tz, true);
}

async function withBackoff<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      // Refused before the workflow saw it, so sending it again cannot duplicate.
      if (!isGrpcServiceError(err) || err.code !== RESOURCE_EXHAUSTED || attempt >= MAX_EXHAUSTED_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 1000)));
    }
  }
}

/** Answers that may change on a resend (retry later): the BUSY receipt is kept for that resend. */
const RETRYABLE_CODES = new Set(['UNAVAILABLE', 'INTERNAL', 'BUSY']);

/** The workflow's final answer to this application (taken, or a typed refusal such as REGISTRATION_CLOSED). */
function isFinalRefusal(err: unknown): boolean {
  return err instanceof GraphQLError && !RETRYABLE_CODES.has(String(err.extensions.code));
}

/** A refusal as the candidate reads it: the workflow's reason, when their request arrived, and that the files are kept. */
function refusal(err: unknown, receivedAt: Date, tz: AgencyTimeZone, storedFiles: number): unknown {
  const e = toGraphQLError(err);
  if (!(e instanceof GraphQLError)) return e;
  const code = e.extensions.code;
  if (RETRYABLE_CODES.has(String(code))) return e;
  const parts = [e.message.replace(/\.?$/, '.')];
  if (code === 'REGISTRATION_CLOSED')
    parts.push(`Permintaan Anda diterima server pada ${formatInstantId(receivedAt, tz)}.`);
  if (storedFiles > 0 && code !== 'DUPLICATE_APPLICATION') {
    parts.push('Berkas yang Anda unggah tetap tersimpan dan tidak perlu diunggah dua kali bila Anda mengirim ulang.');
  }
  return new GraphQLError(parts.join(' '), { extensions: { ...e.extensions, receivedAt: receivedAt.toISOString() } });
}

/** The whole apply path after the uploads were checked (see the module comment). */
export async function applyToVacancy(
  ctx: GraphQLContext,
  user: Account & { candidateId: string },
  vacancyId: string,
  documents: readonly CheckedDocument[],
): Promise<ApplicationReceipt> {
  const pipeline = ctx.apply;
  const trace = TRACE ? { t0: performance.now(), marks: {} as Record<string, number> } : null;
  const mark = (k: string) => {
    if (trace) trace.marks[k] = Math.round(performance.now() - trace.t0);
  };
  if (trace) trace.marks.beforeResolver = Date.now() - ctx.receivedAt.getTime();
  const candidateId = user.candidateId;
  // Two independent `_id` lookups at once (the receipt one finds nothing unless a request was answered BUSY).
  const [selection, busyReceipt] = await Promise.all([
    pipeline.selectionOf(ctx, vacancyId),
    pipeline.receiptOf(candidateId, vacancyId, ctx.receivedAt),
  ]);
  const receivedAt = busyReceipt.at;
  mark('selection');
  if (!selection) throw gqlError('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan', 'vacancyId');
  const owner = { candidateId, selectionId: selection.id, vacancyId };
  const requestId = updateIdOf(ctx);
  // Only when one was found (almost every application has none: no store call). Not awaited: a failed
  // delete only leaves a receipt that ages out (APPLY_BUSY_RECEIPT_MAX_AGE_MS).
  const forgetReceipt = () => {
    if (!busyReceipt.busy) return;
    void pipeline
      .forgetBusy(candidateId, vacancyId)
      .catch((err: unknown) => ctx.logger.warn({ err }, 'could not remove a BUSY receipt'));
  };
  try {
    return await pipeline.queue.run(async () => {
      mark('queued');
      // The uploads are stored while the application waits for its selection's Update in flight; it is
      // sent (with its file ids) only once they are stored.
      const storing = storeDocuments(ctx, owner, documents).then((stored) => {
        mark('stored');
        return stored;
      });
      let result: SubmitApplicationResult;
      try {
        result = await pipeline.submit(
          ctx,
          selection,
          storing.then((stored) => ({
            candidateId,
            vacancyId,
            receivedAt: receivedAt.toISOString(),
            actor: { userId: user.id, role: user.role, displayName: user.displayName },
            // With an Idempotency-Key a resend answers the first outcome; without one a repeat is
            // DUPLICATE_APPLICATION (one application per candidate and vacancy either way).
            ...(requestId ? { requestId } : {}),
            // Linked by the same service call that records the application (no call of its own).
            fileIds: stored.files.map((f) => f.id),
          })),
        );
        mark('updated');
      } catch (err) {
        const stored = await storing.catch(() => null);
        if (!stored) throw err; // the uploads could not be stored: that failure, as is
        const answer = refusal(err, receivedAt, selection.timeZone, stored.files.length);
        // Refused for good: the receipt has served, a later attempt is judged on its own arrival.
        if (isFinalRefusal(answer)) forgetReceipt();
        throw answer;
      }
      // The application is taken: its BUSY receipt has served.
      forgetReceipt();
      mark('linked');
      if (trace) ctx.logger.info({ applyTrace: trace.marks }, 'apply trace');
      // The Update's answer is the stored record (the service answered it from its insert): no read-back.
      const receipt: ApplicationReceipt = {
        id: result.applicationId,
        selectionId: selection.id,
        vacancyId: result.vacancyId,
        candidateId,
        status: result.status,
        submittedAt: result.submittedAt,
        timeline: [
          {
            eventId: 'APPLICATION_SUBMITTED',
            at: result.submittedAt,
            status: 'SUBMITTED',
            reasonCode: 'APPLICATION_SUBMITTED',
          },
        ],
        receivedAt: receivedAt.toISOString(),
      };
      ctx.loaders.application.prime(receipt.id, receipt);
      return receipt;
    });
  } catch (err) {
    if (err instanceof QueueFullError) {
      // Still BUSY when the store cannot take the receipt: the resend is then judged on its own arrival.
      await pipeline
        .rememberBusy(candidateId, vacancyId, receivedAt)
        .catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not store a BUSY receipt'));
      throw busyError();
    }
    throw err;
  }
}
