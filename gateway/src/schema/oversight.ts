/**
 * The oversight view (issue 16): for the overseer every agency, for an agency's staff their own. Open
 * rounds by stage, what waits on whom with its deadline, overdue items, the overseer's silence about to
 * act, each agency's merit category, and the integrity signals derived from the audit record.
 */
import {
  DEFAULT_PANSEL_ROUNDS_THRESHOLD,
  countSignals,
  INTEGRITY_SIGNAL_COVERAGE,
  INTEGRITY_SIGNAL_NAMES,
  INTEGRITY_SIGNALS,
  IP_ASN_CATEGORY_NAMES,
  MERIT_CATEGORY_NAMES,
  SELECTION_STAGE_NAMES_ID,
  WAITING_PARTIES,
  WAITING_PARTY_NAMES,
  type AgencyDto,
  type IntegritySignal,
  type IpAsnSummaryDto,
  type SignalCount,
  type SignalItem,
  type StageCount,
  type WaitingItem,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import {
  AGENCY_OVERSIGHT_ROLES,
  DEFAULT_SILENCE_WARNING_WORKING_DAYS,
  oversightScope,
  roundsView,
  signalRead,
  talentFillingsRead,
  talentFillingStages,
  type SignalQuery,
} from '../oversight/view';
import { arrayConnection } from '../relay/connections';
import { SelectionStageEnum } from './common';
import { ActorType } from './decision';
import { gateStateOf, MeritCategoryEnum } from './talent';

/** The root of the view: its scope (null = every agency) and the silence warning window. */
interface OversightRoot {
  scope: string | null;
  warningDays: number;
}

interface AgencyRow {
  agencyCode: string;
  name: string;
  openRounds: number;
  waiting: number;
  overdue: number;
  silenceApproaching: number;
}

interface SignalSummary {
  signal: IntegritySignal;
  items: SignalItem[];
  truncated: boolean;
}

export const IntegritySignalEnum = builder.enumType('IntegritySignal', { values: INTEGRITY_SIGNALS });
export const WaitingPartyEnum = builder.enumType('WaitingParty', { values: WAITING_PARTIES });

const StageCountType = builder.objectRef<StageCount>('OversightStageCount').implement({
  description: 'How many rounds (or talent fillings) of one agency are in one stage',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    stage: t.exposeString('stage'),
    stageName: t.string({
      resolve: (c) => (SELECTION_STAGE_NAMES_ID as Record<string, string>)[c.stage] ?? c.stage,
    }),
    count: t.exposeInt('count'),
  }),
});

const WaitingItemType = builder.objectRef<WaitingItem>('OversightWaitingItem').implement({
  description: 'An open round waiting on someone, with its deadline',
  fields: (t) => ({
    selectionId: t.exposeID('selectionId'),
    agencyCode: t.exposeString('agencyCode'),
    title: t.exposeString('title'),
    stage: t.field({ type: SelectionStageEnum, resolve: (w) => w.stage }),
    stageAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.stageAt }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: "The stage's deadline (the overseer's silence deadline in its stages)",
      resolve: (w) => w.dueAt,
    }),
    waitingOn: t.field({ type: WaitingPartyEnum, resolve: (w) => w.waitingOn }),
    waitingOnName: t.string({ resolve: (w) => WAITING_PARTY_NAMES[w.waitingOn] }),
    overdue: t.exposeBoolean('overdue'),
    silenceApproaching: t.exposeBoolean('silenceApproaching'),
    simulation: t.exposeBoolean('simulation'),
  }),
});

/** An agency's latest computed IP ASN, read once per request (three fields of a row ask for it). */
const latestIpAsnByRequest = new WeakMap<GraphQLContext, Map<string, Promise<IpAsnSummaryDto | null>>>();
function latestIpAsn(ctx: GraphQLContext, agencyCode: string): Promise<IpAsnSummaryDto | null> {
  let cache = latestIpAsnByRequest.get(ctx);
  if (!cache) latestIpAsnByRequest.set(ctx, (cache = new Map()));
  let latest = cache.get(agencyCode);
  if (!latest) {
    // Newest first: the first is the latest computed year.
    latest = typed(async () => (await ctx.services.candidate.listIpAsnSummaries({ agencyCode }))[0] ?? null);
    cache.set(agencyCode, latest);
  }
  return latest;
}

const AgencyRowType = builder.objectRef<AgencyRow>('OversightAgency').implement({
  description: "One agency's line in the oversight view",
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    name: t.exposeString('name'),
    openRounds: t.exposeInt('openRounds'),
    waiting: t.exposeInt('waiting'),
    overdue: t.exposeInt('overdue'),
    silenceApproaching: t.exposeInt('silenceApproaching'),
    meritCategory: t.field({
      type: MeritCategoryEnum,
      nullable: true,
      description: "The category of the agency's validated merit-system assessment (null: none validated)",
      resolve: async (a, _x, ctx) => (await typed(() => gateStateOf(ctx, a.agencyCode))).validated?.category ?? null,
    }),
    meritCategoryName: t.string({
      nullable: true,
      resolve: async (a, _x, ctx) => {
        const c = (await typed(() => gateStateOf(ctx, a.agencyCode))).validated?.category;
        return c ? MERIT_CATEGORY_NAMES[c] : null;
      },
    }),
    meritIndex: t.float({
      nullable: true,
      resolve: async (a, _x, ctx) => (await typed(() => gateStateOf(ctx, a.agencyCode))).validated?.index ?? null,
    }),
    ipAsnAverage: t.float({
      nullable: true,
      description: "The agency's average IP ASN (professionalism index) of its latest computed year; null when none",
      resolve: async (a, _x, ctx) => (await latestIpAsn(ctx, a.agencyCode))?.average ?? null,
    }),
    ipAsnCategoryName: t.string({
      nullable: true,
      description: 'The category of that average (Sangat Tinggi … Sangat Rendah)',
      resolve: async (a, _x, ctx) => {
        const c = (await latestIpAsn(ctx, a.agencyCode))?.category;
        return c ? IP_ASN_CATEGORY_NAMES[c] : null;
      },
    }),
    ipAsnPeriod: t.int({
      nullable: true,
      description: 'The year that average is of',
      resolve: async (a, _x, ctx) => (await latestIpAsn(ctx, a.agencyCode))?.period ?? null,
    }),
  }),
});

const SignalCountType = builder.objectRef<SignalCount>('IntegritySignalCount').implement({
  description: 'How often a signal fired for one agency in one month',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    period: t.exposeString('period', { description: 'YYYY-MM' }),
    count: t.exposeInt('count'),
  }),
});

const SignalItemType = builder.objectRef<SignalItem>('IntegritySignalItem').implement({
  description: 'One fired integrity signal, linked to its record',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The audit record (decisionId); for Pansel seats `<agency>:<member>`' }),
    signal: t.field({ type: IntegritySignalEnum, resolve: (i) => i.signal }),
    agencyCode: t.exposeString('agencyCode'),
    selectionId: t.exposeID('selectionId', { description: 'The round or talent filling the record is filed under' }),
    subjectId: t.string({ nullable: true, resolve: (i) => i.subjectId }),
    at: t.field({ type: 'DateTime', resolve: (i) => i.at }),
    period: t.exposeString('period'),
    by: t.field({ type: ActorType, resolve: (i) => i.by }),
    who: t.exposeString('who'),
    detail: t.exposeString('detail'),
    reason: t.string({ nullable: true, resolve: (i) => i.reason }),
    rounds: t.exposeStringList('rounds'),
  }),
});

const SignalSummaryType = builder.objectRef<SignalSummary>('IntegritySignalSummary').implement({
  description: 'One integrity signal: its total and counts per agency and month',
  fields: (t) => ({
    signal: t.field({ type: IntegritySignalEnum, resolve: (s) => s.signal }),
    name: t.string({ resolve: (s) => INTEGRITY_SIGNAL_NAMES[s.signal] }),
    coverage: t.string({
      description: 'What the signal is derived from, and what is not recorded yet',
      resolve: (s) => INTEGRITY_SIGNAL_COVERAGE[s.signal],
    }),
    total: t.int({ resolve: (s) => s.items.length }),
    counts: t.field({ type: [SignalCountType], resolve: (s) => countSignals(s.items) }),
    truncated: t.boolean({
      description:
        'The records read hit the service cap: older records of the period are left out (narrow the period or the agency)',
      resolve: (s) => s.truncated,
    }),
  }),
});

function signalQueryOf(args: {
  from?: string | null;
  to?: string | null;
  panselThreshold?: number | null;
}): SignalQuery {
  const threshold = args.panselThreshold ?? DEFAULT_PANSEL_ROUNDS_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > 100) {
    throw gqlError('VALIDATION_FAILED', 'Ambang anggota Pansel harus 2–100 seleksi', 'panselThreshold');
  }
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from && to && from > to) throw gqlError('VALIDATION_FAILED', 'Akhir periode tidak boleh sebelum awalnya', 'to');
  return { from, to, panselThreshold: threshold };
}

async function agencyRows(ctx: GraphQLContext, root: OversightRoot): Promise<AgencyRow[]> {
  const [view, agencies] = await Promise.all([
    roundsView(ctx, root.scope, root.warningDays),
    root.scope
      ? ctx.services.candidate.getAgency(root.scope).then((a) => (a ? [a] : []))
      : ctx.services.candidate.listAgencies(),
  ]);
  const rows = new Map<string, AgencyRow>(
    agencies.map((a: AgencyDto) => [
      a.code,
      { agencyCode: a.code, name: a.name, openRounds: 0, waiting: 0, overdue: 0, silenceApproaching: 0 },
    ]),
  );
  const rowOf = (code: string) => {
    let r = rows.get(code);
    if (!r)
      rows.set(
        code,
        (r = { agencyCode: code, name: code, openRounds: 0, waiting: 0, overdue: 0, silenceApproaching: 0 }),
      );
    return r;
  };
  for (const r of view.rounds) rowOf(r.agencyCode).openRounds += 1;
  for (const w of view.waiting) {
    const row = rowOf(w.agencyCode);
    row.waiting += 1;
    if (w.overdue) row.overdue += 1;
    if (w.silenceApproaching) row.silenceApproaching += 1;
  }
  // Agencies with most overdue and waiting first, then by code.
  return [...rows.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.waiting - a.waiting ||
      b.openRounds - a.openRounds ||
      a.agencyCode.localeCompare(b.agencyCode),
  );
}

const OversightType = builder.objectRef<OversightRoot>('Oversight').implement({
  description: 'The oversight view: every agency for the overseer, its own for an agency',
  fields: (t) => ({
    agencyCode: t.string({
      nullable: true,
      description: 'The agency shown (null: every agency)',
      resolve: (r) => r.scope,
    }),
    openRounds: t.int({
      resolve: async (r, _a, ctx) => (await typed(() => roundsView(ctx, r.scope, r.warningDays))).rounds.length,
    }),
    truncated: t.boolean({
      description:
        'The rounds or talent fillings read hit the service caps: the counts and lists are lower bounds (narrow by agency)',
      resolve: (r, _a, ctx) =>
        typed(async () => {
          const [rounds, talent] = await Promise.all([
            roundsView(ctx, r.scope, r.warningDays),
            talentFillingsRead(ctx, r.scope),
          ]);
          return rounds.truncated || talent.truncated;
        }),
    }),
    stageCounts: t.field({
      type: [StageCountType],
      description: 'Open rounds per agency and stage',
      resolve: async (r, _a, ctx) => (await typed(() => roundsView(ctx, r.scope, r.warningDays))).stageCounts,
    }),
    talentFillingStages: t.field({
      type: [StageCountType],
      description:
        'Talent fillings per agency and stage (from their read model; fillings finished before it by their latest decision on record)',
      resolve: (r, _a, ctx) => typed(() => talentFillingStages(ctx, r.scope)),
    }),
    overdueCount: t.int({
      resolve: async (r, _a, ctx) =>
        (await typed(() => roundsView(ctx, r.scope, r.warningDays))).waiting.filter((w) => w.overdue).length,
    }),
    silenceApproachingCount: t.int({
      resolve: async (r, _a, ctx) =>
        (await typed(() => roundsView(ctx, r.scope, r.warningDays))).waiting.filter((w) => w.silenceApproaching).length,
    }),
    waiting: t.connection(
      {
        type: WaitingItemType,
        description: 'Rounds waiting on a decision, soonest deadline first',
        args: {
          waitingOn: t.arg({ type: WaitingPartyEnum, required: false }),
          onlyOverdue: t.arg.boolean({ required: false }),
          onlySilenceApproaching: t.arg.boolean({ required: false }),
        },
        resolve: (r, args, ctx) =>
          typed(async () => {
            const { waiting } = await roundsView(ctx, r.scope, r.warningDays);
            const list = waiting.filter(
              (w) =>
                (!args.waitingOn || w.waitingOn === args.waitingOn) &&
                (!args.onlyOverdue || w.overdue) &&
                (!args.onlySilenceApproaching || w.silenceApproaching),
            );
            return arrayConnection(args, list);
          }),
      },
      { name: 'OversightWaitingConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
    ),
    agencies: t.connection(
      {
        type: AgencyRowType,
        description: 'One line per agency: open rounds, waiting, overdue, silence approaching, merit category',
        resolve: (r, args, ctx) => typed(async () => arrayConnection(args, await agencyRows(ctx, r))),
      },
      { name: 'OversightAgencyConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
    ),
    signals: t.field({
      type: [SignalSummaryType],
      description: 'Every integrity signal with its counts per agency and month',
      args: {
        from: t.arg({ type: 'LocalDate', required: false }),
        to: t.arg({ type: 'LocalDate', required: false }),
        panselThreshold: t.arg.int({ required: false }),
      },
      resolve: (r, args, ctx) =>
        typed(async () => {
          const q = signalQueryOf(args);
          return Promise.all(
            INTEGRITY_SIGNALS.map(async (signal) => ({ signal, ...(await signalRead(ctx, r.scope, signal, q)) })),
          );
        }),
    }),
    signal: t.connection(
      {
        type: SignalItemType,
        description: 'The records one integrity signal fired on, oldest first',
        args: {
          signal: t.arg({ type: IntegritySignalEnum }),
          from: t.arg({ type: 'LocalDate', required: false }),
          to: t.arg({ type: 'LocalDate', required: false }),
          panselThreshold: t.arg.int({ required: false }),
        },
        resolve: (r, args, ctx) =>
          typed(async () => {
            const { items, truncated } = await signalRead(ctx, r.scope, args.signal, signalQueryOf(args));
            return { ...arrayConnection(args, items), truncated };
          }),
      },
      {
        name: 'IntegritySignalItemConnection',
        fields: (t) => ({
          totalCount: t.exposeInt('totalCount'),
          truncated: t.exposeBoolean('truncated', {
            description: "A read hit the store's cap: older records are left out (narrow the period or the agency)",
          }),
        }),
      },
    ),
  }),
});

builder.queryField('oversight', (t) =>
  t.field({
    type: OversightType,
    description:
      'The oversight view: the overseer and administrators see every agency (or one by `agencyCode`); ' +
      "an agency's secretariat, administrator and PPK see their own",
    authScopes: { roles: ['OVERSEER', 'ADMIN', ...AGENCY_OVERSIGHT_ROLES] },
    args: {
      agencyCode: t.arg.string({ required: false }),
      silenceWarningWorkingDays: t.arg.int({
        required: false,
        description: `Working days ahead a round waiting on the overseer counts as "silence approaching" (default ${DEFAULT_SILENCE_WARNING_WORKING_DAYS})`,
      }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const warningDays = args.silenceWarningWorkingDays ?? DEFAULT_SILENCE_WARNING_WORKING_DAYS;
        if (!Number.isInteger(warningDays) || warningDays < 0 || warningDays > 20) {
          throw gqlError('VALIDATION_FAILED', 'Peringatan diam harus 0–20 hari kerja', 'silenceWarningWorkingDays');
        }
        return { scope: oversightScope(ctx, args.agencyCode), warningDays };
      }),
  }),
);
