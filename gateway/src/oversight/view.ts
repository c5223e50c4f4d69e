/**
 * The oversight view's data for one request (issue 16): who may see which agencies, the open rounds and
 * what waits on whom, and the integrity signals. Shared by the GraphQL schema and the exports, so both
 * apply the same scope. Reads are the candidate service's indexed oversight routes, kept per request.
 */
import {
  addWorkingDays,
  countByAgencyAndStage,
  endOfLocalDay,
  INTEGRITY_SIGNAL_SOURCES,
  localDateOf,
  OVERSIGHT_OPEN_STAGES,
  signalItems,
  startOfLocalDay,
  addCalendarDays,
  waitingItems,
  type AuditRecordDto,
  type IntegritySignal,
  type OpenRoundDto,
  type SignalItem,
  type StageCount,
  type WaitingItem,
} from '@seleksi/domain';
import { TALENT_FILLING_STAGES } from '@seleksi/workflows';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { calendarForLists } from '../schema/calendar';

/** Roles that read one agency's own oversight view. */
export const AGENCY_OVERSIGHT_ROLES = ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK'] as const;

/**
 * The agency the caller may see: null for every agency (overseer, administrator; `agencyCode` narrows),
 * the caller's own for agency staff. Candidates and Pansel members are refused.
 */
export function oversightScope(ctx: GraphQLContext, agencyCode: string | null | undefined): string | null {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  const asked = agencyCode?.trim() || null;
  if (asked !== null && !/^[A-Za-z0-9_-]{1,40}$/.test(asked)) {
    throw gqlError('VALIDATION_FAILED', 'Kode instansi hanya huruf, angka, - dan _ (paling banyak 40)', 'agencyCode');
  }
  if (u.role === 'OVERSEER' || u.role === 'ADMIN') return asked;
  if ((AGENCY_OVERSIGHT_ROLES as readonly string[]).includes(u.role) && u.agencyCode) {
    if (asked !== null && asked !== u.agencyCode) {
      throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat pengawasan instansi Anda sendiri', 'agencyCode');
    }
    return u.agencyCode;
  }
  throw gqlError('FORBIDDEN', 'Halaman pengawasan hanya untuk lembaga pengawas dan pegawai instansi', 'agencyCode');
}

/** Working days before the overseer's silence acts that a round is listed as "silence approaching". */
export const DEFAULT_SILENCE_WARNING_WORKING_DAYS = 2;

export interface RoundsView {
  scope: string | null;
  rounds: OpenRoundDto[];
  stageCounts: StageCount[];
  waiting: WaitingItem[];
  /** The service's cap per stage left rounds out (the counts are lower bounds). */
  truncated: boolean;
}

const roundsCache = new WeakMap<GraphQLContext, Map<string, Promise<RoundsView>>>();

/** The open rounds in scope with what waits on whom; "silence approaching" reaches `warningDays` working days ahead. */
export function roundsView(ctx: GraphQLContext, scope: string | null, warningDays: number): Promise<RoundsView> {
  let cache = roundsCache.get(ctx);
  if (!cache) roundsCache.set(ctx, (cache = new Map()));
  const key = `${scope ?? '*'}:${warningDays}`;
  let view = cache.get(key);
  if (!view) {
    view = (async () => {
      const [{ items: rounds, truncated }, calendar] = await Promise.all([
        ctx.services.candidate.readOpenRounds(scope),
        calendarForLists(ctx),
      ]);
      if (truncated) ctx.logger.warn({ scope }, 'oversight: open rounds capped per stage');
      const now = new Date();
      // National working days in WIB: the warning is a reminder, not a deadline (the round's own timer decides).
      const silenceBy = endOfLocalDay(addWorkingDays(localDateOf(now, 'WIB'), warningDays, calendar), 'WIB');
      return {
        scope,
        rounds,
        stageCounts: countByAgencyAndStage(rounds, OVERSIGHT_OPEN_STAGES),
        waiting: waitingItems(rounds, now, silenceBy),
        truncated,
      };
    })();
    cache.set(key, view);
    view.catch(() => cache.delete(key));
  }
  return view;
}

interface RecordsRead {
  items: AuditRecordDto[];
  /** The service's cap left older records out. */
  truncated: boolean;
}

const recordsCache = new WeakMap<GraphQLContext, Map<string, Promise<RecordsRead>>>();

/**
 * Every record of `kind` in scope and period (inclusive local dates in WIB; one indexed read, the period applied
 * in the store before its cap), kept for the request.
 */
export function recordsOfKind(
  ctx: GraphQLContext,
  kind: string,
  scope: string | null,
  period: { from: string | null; to: string | null } = { from: null, to: null },
): Promise<RecordsRead> {
  let cache = recordsCache.get(ctx);
  if (!cache) recordsCache.set(ctx, (cache = new Map()));
  const key = `${kind}:${scope ?? '*'}:${period.from ?? ''}:${period.to ?? ''}`;
  let records = cache.get(key);
  if (!records) {
    records = ctx.services.candidate.readAuditRecordsOfKind(kind, scope, {
      from: period.from ? startOfLocalDay(period.from, 'WIB') : null,
      to: period.to ? startOfLocalDay(addCalendarDays(period.to, 1), 'WIB') : null,
    });
    cache.set(key, records);
    records.catch(() => cache.delete(key));
  }
  return records;
}

export interface SignalQuery {
  /** Inclusive local dates (WIB) bounding the records' `at`; null: open. */
  from: string | null;
  to: string | null;
  panselThreshold: number;
}

/** The items of one signal in scope and period, oldest first; `truncated` when a read hit the service's cap. */
export async function signalRead(
  ctx: GraphQLContext,
  scope: string | null,
  signal: IntegritySignal,
  q: SignalQuery,
): Promise<{ items: SignalItem[]; truncated: boolean }> {
  const reads = await Promise.all(INTEGRITY_SIGNAL_SOURCES[signal].map((kind) => recordsOfKind(ctx, kind, scope, q)));
  const truncated = reads.some((r) => r.truncated);
  if (truncated) ctx.logger.warn({ scope, signal, from: q.from, to: q.to }, 'oversight: signal records capped');
  return {
    items: signalItems(
      signal,
      reads.flatMap((r) => r.items),
      { panselThreshold: q.panselThreshold },
    ),
    truncated,
  };
}

/** The items of one signal in scope and period, oldest first. */
export async function signalView(
  ctx: GraphQLContext,
  scope: string | null,
  signal: IntegritySignal,
  q: SignalQuery,
): Promise<SignalItem[]> {
  return (await signalRead(ctx, scope, signal, q)).items;
}

/** Stages of a talent filling as far as the audit record shows them (until the talent route's read model). */
export const TALENT_FILLING_AUDIT_STAGES: Record<string, string> = {
  GATE_CHECKED: 'GATE_CHECKED',
  PROPOSAL_CONFIRMED: 'PROPOSAL_CONFIRMED',
  SUCCESSOR_DECIDED: 'PPK_DECIDED',
  FALLBACK_STARTED: 'FALLBACK_OPEN_SELECTION',
  INAUGURATION_RECORDED: 'INAUGURATED',
};

/** How many read-model rows one view reads at most (newest first), like the rounds' cap per stage. */
const TALENT_FILLINGS_CAP = 5000;
/** The read model's stages in their order, then the audit-derived ones of fillings it has no row of. */
const TALENT_STAGE_ORDER = [...TALENT_FILLING_STAGES, ...Object.values(TALENT_FILLING_AUDIT_STAGES)];

/**
 * Talent fillings per agency and stage: the stage of each filling's read-model row (written at every step
 * since the talent route's read model came), and for a filling without one (finished before it) the stage
 * its latest decision on record implies.
 */
export async function talentFillingStages(ctx: GraphQLContext, scope: string | null): Promise<StageCount[]> {
  return (await talentFillingsRead(ctx, scope)).counts;
}

const talentCache = new WeakMap<GraphQLContext, Map<string, Promise<{ counts: StageCount[]; truncated: boolean }>>>();

/** `talentFillingStages` with whether a cap left fillings out; kept for the request. */
export function talentFillingsRead(
  ctx: GraphQLContext,
  scope: string | null,
): Promise<{ counts: StageCount[]; truncated: boolean }> {
  let cache = talentCache.get(ctx);
  if (!cache) talentCache.set(ctx, (cache = new Map()));
  const key = scope ?? '*';
  let read = cache.get(key);
  if (!read) {
    read = readTalentFillings(ctx, scope);
    cache.set(key, read);
    read.catch(() => cache.delete(key));
  }
  return read;
}

async function readTalentFillings(
  ctx: GraphQLContext,
  scope: string | null,
): Promise<{ counts: StageCount[]; truncated: boolean }> {
  const viewed: { agencyCode: string; stage: string; id: string }[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.services.candidate.listTalentFillings({
      ...(scope ? { agencyCode: scope } : {}),
      limit: 100,
      ...(after ? { after } : {}),
    });
    for (const f of page.items) viewed.push({ agencyCode: f.agencyCode, stage: f.stage, id: f.id });
    after = page.nextCursor ?? undefined;
  } while (after && viewed.length < TALENT_FILLINGS_CAP);
  const inView = new Set(viewed.map((f) => f.id));

  const kinds = Object.keys(TALENT_FILLING_AUDIT_STAGES);
  const reads = await Promise.all(kinds.map((k) => recordsOfKind(ctx, k, scope)));
  const records = reads.flatMap((r) => r.items);
  // More rows after the cap, or a kind's records capped: the counts are lower bounds.
  const truncated = Boolean(after) || reads.some((r) => r.truncated);
  if (truncated) ctx.logger.warn({ scope }, 'oversight: talent fillings capped');
  const latest = new Map<string, AuditRecordDto>();
  for (const r of records) {
    if (!r.workflowId.startsWith('talent-filling:') || inView.has(r.selectionId)) continue;
    const seen = latest.get(r.selectionId);
    if (!seen || r.at > seen.at) latest.set(r.selectionId, r);
  }
  const fromRecords = [...latest.values()].map((r) => ({
    agencyCode: r.workflowId.split(':')[1] ?? '',
    stage: TALENT_FILLING_AUDIT_STAGES[r.kind]!,
  }));
  return { counts: countByAgencyAndStage([...viewed, ...fromRecords], TALENT_STAGE_ORDER), truncated };
}
