/**
 * The recorded decision every human decision of an open selection answers, and the helpers the
 * decision mutations share: the acting user, the selection's agency check, Pansel membership and
 * running the workflow Update (whose validator answers typed failures).
 */
import type { UpdateDefinition } from '@temporalio/common';
import {
  SELECTION_DECISIONS,
  type Actor,
  type Role,
  type SelectionDecisionArgs,
  type SelectionDecisionName,
} from '@seleksi/domain';
import type { SelectionSummaryDto } from '@seleksi/kit';
import {
  DECISION_KINDS,
  executeSelectionUpdate,
  selectionDecisionUpdate,
  type DecisionArgs,
  type OpenSelectionState,
  type RecordedDecision,
  type SelectionDecisionUpdateArgs,
} from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { RoleEnum } from './common';
import { parseInput } from './input';
import { zodArgs } from './zod-args';

export const ActorType = builder.objectRef<Actor>('Actor').implement({
  description: 'Who took a decision (the signed-in user, or the system acting on a rule)',
  fields: (t) => ({
    userId: t.exposeID('userId'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    displayName: t.string({ nullable: true, resolve: (a) => a.displayName ?? null }),
  }),
});

export const DecisionKindEnum = builder.enumType('DecisionKind', { values: DECISION_KINDS });

export const DecisionType = builder.objectRef<RecordedDecision>('Decision').implement({
  description: 'A decision as kept in the audit record: who, when, what and why',
  fields: (t) => ({
    decisionId: t.exposeID('decisionId'),
    kind: t.field({ type: DecisionKindEnum, resolve: (d) => d.kind }),
    by: t.field({ type: ActorType, resolve: (d) => d.by }),
    at: t.field({ type: 'DateTime', resolve: (d) => d.at }),
    reason: t.string({ nullable: true, resolve: (d) => d.reason }),
    subjectId: t.string({
      nullable: true,
      description: 'What the decision is about: an application, vacancy, objection or candidate id',
      resolve: (d) => d.subjectId,
    }),
  }),
});

/** The signed-in user as recorded on a decision (never taken from the request body). */
export function actorOf(ctx: GraphQLContext): Actor {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  return { userId: u.id, role: u.role, displayName: u.displayName };
}

/** The selection's read model, or NOT_FOUND naming the argument. */
export async function selectionFor(
  ctx: GraphQLContext,
  selectionId: string,
  field = 'selectionId',
): Promise<SelectionSummaryDto> {
  const s = await ctx.loaders.selection.load(selectionId);
  if (!s) throw gqlError('NOT_FOUND', 'Seleksi tidak ditemukan', field);
  return s;
}

/** A Pansel secretary or PPK acts only on the selections of their own agency. */
export function requireOwnAgency(ctx: GraphQLContext, s: SelectionSummaryDto): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode !== s.agencyCode) {
    throw gqlError('FORBIDDEN', 'Seleksi ini milik instansi lain', 'selectionId');
  }
}

export async function processStateOf(ctx: GraphQLContext, s: SelectionSummaryDto): Promise<OpenSelectionState> {
  const state = await ctx.loaders.process.load(s.id);
  if (!state) throw gqlError('NOT_FOUND', 'Proses seleksi tidak ditemukan', 'selectionId');
  return state;
}

/**
 * Members by selection and user, once the Pansel is fixed (it changes only while the round is
 * planned): a member scoring hundreds of interviews costs no workflow query after the first. The
 * workflow checks membership again on every decision, so a stale entry cannot let anyone through.
 */
const fixedMembers = new Map<string, string>();
const FIXED_MEMBERS_MAX = 10_000;

/** The Pansel member the signed-in user acts as on this selection, or NOT_A_MEMBER. */
export async function memberIdOf(ctx: GraphQLContext, s: SelectionSummaryDto): Promise<string> {
  const key = `${s.id}:${ctx.user?.id ?? ''}`;
  const known = fixedMembers.get(key);
  if (known) return known;
  const state = await ctx.loaders.summary.load(s.id);
  if (!state) throw gqlError('NOT_FOUND', 'Proses seleksi tidak ditemukan', 'selectionId');
  const m = state.pansel.find((x) => x.userId === ctx.user?.id);
  if (!m) throw gqlError('NOT_A_MEMBER', 'Anda bukan anggota panitia seleksi ini', 'selectionId');
  if (state.stage !== 'PLANNED') {
    if (fixedMembers.size >= FIXED_MEMBERS_MAX) fixedMembers.clear();
    fixedMembers.set(key, m.id);
  }
  return m.id;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The Temporal Update id for the request's `Idempotency-Key` header, scoped to the signed-in user
 * (another user's key never answers their decision); undefined without a header. Temporal answers a
 * repeated id with the outcome recorded for the first attempt, so a client that retries after a time-out
 * gets its decision back instead of a refusal by a stage that has moved on. One key names one decision:
 * a second decision in the same request with the key is refused.
 */
export function updateIdOf(ctx: GraphQLContext): string | undefined {
  const { key } = ctx.idempotency;
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw gqlError('VALIDATION_FAILED', 'Idempotency-Key harus 1–200 karakter ASCII tanpa spasi', 'Idempotency-Key');
  }
  if (++ctx.idempotency.uses > 1) {
    throw gqlError(
      'VALIDATION_FAILED',
      'Satu Idempotency-Key hanya untuk satu keputusan per permintaan',
      'Idempotency-Key',
    );
  }
  return `${actorOf(ctx).userId}:${key}`;
}

/** Runs a decision Update of the selection as the signed-in user and answers the recorded decision. */
export async function decide<A extends DecisionArgs>(
  ctx: GraphQLContext,
  s: SelectionSummaryDto,
  update: UpdateDefinition<RecordedDecision, [A]>,
  args: Omit<A, 'actor'>,
): Promise<RecordedDecision> {
  const full = { ...args, actor: actorOf(ctx) } as A;
  const decision = await executeSelectionUpdate(ctx.temporal, s.agencyCode, s.id, update, full, updateIdOf(ctx));
  ctx.logger.info(
    { selectionId: s.id, kind: decision.kind, decisionId: decision.decisionId, userId: ctx.user?.id },
    'decision recorded',
  );
  return decision;
}

// Shared zod pieces, declared with the decisions (messages in Bahasa Indonesia; field paths are the argument names).
export { idText, optionalText, reasonText, scoreValue, shortText } from '@seleksi/domain';

/** Who may take a decision: its declared roles (SELECTION_DECISIONS in @seleksi/domain). */
export function declaredScopes(name: SelectionDecisionName): { roles: Role[] } {
  return { roles: [...SELECTION_DECISIONS[name].roles] };
}

/** A decision's arguments checked against its declaration; the first problem is a VALIDATION_FAILED naming its field. */
export function declaredArgs<N extends SelectionDecisionName>(name: N, args: unknown): SelectionDecisionArgs<N> {
  return parseInput(SELECTION_DECISIONS[name].args, args, '') as SelectionDecisionArgs<N>;
}

/** What a decision mutation does once its arguments passed their declaration. */
export type DecisionResolver<N extends SelectionDecisionName> = (
  input: SelectionDecisionArgs<N>,
  ctx: GraphQLContext,
) => Promise<RecordedDecision>;

/**
 * The usual decision on a round: the round (NOT_FOUND), the agency of a secretariat or PPK (FORBIDDEN), then
 * the workflow's Update with the declared arguments (the round is the workflow's own: without selectionId).
 */
export function onOwnRound<N extends SelectionDecisionName>(name: N): DecisionResolver<N> {
  return async (input, ctx) => {
    const { selectionId, ...rest } = input as SelectionDecisionArgs<N> & { selectionId: string };
    const s = await selectionFor(ctx, selectionId);
    requireOwnAgency(ctx, s);
    return decide(
      ctx,
      s,
      selectionDecisionUpdate(name),
      rest as unknown as Omit<SelectionDecisionUpdateArgs<N>, 'actor'>,
    );
  };
}

/**
 * A declared decision as a mutation: description, scopes (its roles, checked by Pothos before the resolver) and
 * arguments from its declaration; the arguments validated against it (VALIDATION_FAILED naming the field) before
 * `resolve` runs. `roundFirst`: whose round it is (NOT_FOUND, FORBIDDEN) before what is wrong with the input.
 */
export function decisionMutation<N extends SelectionDecisionName>(
  name: N,
  resolve: DecisionResolver<N> = onOwnRound(name),
  options: { roundFirst?: boolean } = {},
): void {
  const declared = SELECTION_DECISIONS[name];
  builder.mutationField(name, (t) =>
    t.field({
      type: DecisionType,
      description: declared.description,
      authScopes: declaredScopes(name),
      args: zodArgs(t.arg as never, declared.args, name),
      resolve: (_r, args, ctx) =>
        typed(async () => {
          if (options.roundFirst) requireOwnAgency(ctx, await selectionFor(ctx, String(args.selectionId)));
          return resolve(declaredArgs(name, args), ctx);
        }),
    }),
  );
}
