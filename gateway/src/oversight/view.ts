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
  waitingItems,
  type AuditRecordDto,
  type IntegritySignal,
  type OpenRoundDto,
  type SignalItem,
  type StageCount,
  type WaitingItem,
} from '@seleksi/domain';
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
      const [rounds, calendar] = await Promise.all([
        ctx.services.candidate.listOpenRounds(scope),
        calendarForLists(ctx),
      ]);
      const now = new Date();
      // National working days in WIB: the warning is a reminder, not a deadline (the round's own timer decides).
      const silenceBy = endOfLocalDay(addWorkingDays(localDateOf(now, 'WIB'), warningDays, calendar), 'WIB');
      return {
        scope,
        rounds,
        stageCounts: countByAgencyAndStage(rounds, OVERSIGHT_OPEN_STAGES),
        waiting: waitingItems(rounds, now, silenceBy),
      };
    })();
    cache.set(key, view);
    view.catch(() => cache.delete(key));
  }
  return view;
}

const recordsCache = new WeakMap<GraphQLContext, Map<string, Promise<AuditRecordDto[]>>>();

/** Every record of `kind` in scope (one indexed read), kept for the request. */
export function recordsOfKind(ctx: GraphQLContext, kind: string, scope: string | null): Promise<AuditRecordDto[]> {
  let cache = recordsCache.get(ctx);
  if (!cache) recordsCache.set(ctx, (cache = new Map()));
  const key = `${kind}:${scope ?? '*'}`;
  let records = cache.get(key);
  if (!records) {
    records = ctx.services.candidate.listAuditRecordsOfKind(kind, scope);
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

/** The items of one signal in scope and period, oldest first. */
export async function signalView(
  ctx: GraphQLContext,
  scope: string | null,
  signal: IntegritySignal,
  q: SignalQuery,
): Promise<SignalItem[]> {
  const records = (
    await Promise.all(INTEGRITY_SIGNAL_SOURCES[signal].map((kind) => recordsOfKind(ctx, kind, scope)))
  ).flat();
  const inPeriod = (at: string) => {
    const day = localDateOf(at, 'WIB');
    return (q.from === null || day >= q.from) && (q.to === null || day <= q.to);
  };
  return signalItems(
    signal,
    records.filter((r) => inPeriod(r.at)),
    { panselThreshold: q.panselThreshold },
  );
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
const TALENT_STAGE_ORDER = [
  'GATE_CHECK',
  'PROPOSAL',
  'CONFIRMATION',
  'OVERSEER_APPROVAL',
  'PPK_DECISION',
  'PRESIDENTIAL_DECISION',
  'DECREE',
  'INAUGURATION',
  'COMPLETED',
  'FALLBACK_OPEN_SELECTION',
  ...Object.values(TALENT_FILLING_AUDIT_STAGES),
];

/**
 * Talent fillings per agency and stage: the stage of each filling's read-model row (written at every step
 * since the talent route's read model came), and for a filling without one (finished before it) the stage
 * its latest decision on record implies.
 */
export async function talentFillingStages(ctx: GraphQLContext, scope: string | null): Promise<StageCount[]> {
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
  const records = (await Promise.all(kinds.map((k) => recordsOfKind(ctx, k, scope)))).flat();
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
  return countByAgencyAndStage([...viewed, ...fromRecords], TALENT_STAGE_ORDER);
}
