/**
 * The talent fillings' read model through GraphQL (services/candidate, written by each filling's workflow):
 * the list of fillings and the inboxes — what waits on the committee's secretariat, the overseer and the PPK,
 * with deadlines, oldest wait first. Lists never query Temporal. A secretariat or PPK sees only its own agency;
 * the overseer and administrators every agency; candidates nothing.
 */
import { TALENT_FILLING_ACTORS, type TalentFillingActor, type TalentFillingViewDto, type Role } from '@seleksi/domain';
import { decodeCursor, encodeCursor } from '@seleksi/kit';
import { z } from 'zod';
import { TALENT_FILLING_STAGES, type TalentFillingStage } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { servicePageConnection } from '../relay/connections';
import { gqlError, typed } from '../errors';
import { JptLevelEnum } from './common';
import { AppointmentRouteEnum, TalentFillingStageEnum } from './talent-filling';
import { requireAgencyAccess, TALENT_ROLES } from './talent';

const TalentFillingActorEnum = builder.enumType('TalentFillingActor', {
  values: {
    PANSEL_SECRETARY: {
      description: "The committee's secretariat: confirmation, the President's decree, inauguration",
    },
    OVERSEER: { description: 'The overseer: approval of the proposal' },
    PPK: { description: 'The PPK: the decision (Pratama) or the proposal to the President (Madya/Utama)' },
  },
});

const asStage = (s: string): TalentFillingStage | null =>
  (TALENT_FILLING_STAGES as readonly string[]).includes(s) ? (s as TalentFillingStage) : null;

const TalentFillingSummaryType = builder.objectRef<TalentFillingViewDto>('TalentFillingSummary').implement({
  description: 'A talent-pool filling as its read model shows it (lists and inboxes)',
  fields: (t) => ({
    fillingId: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    postId: t.exposeID('postId'),
    position: t.exposeString('position'),
    unit: t.exposeString('unit'),
    level: t.field({ type: JptLevelEnum, resolve: (f) => f.level }),
    stage: t.field({ type: TalentFillingStageEnum, nullable: true, resolve: (f) => asStage(f.stage) }),
    route: t.field({ type: AppointmentRouteEnum, resolve: (f) => f.route }),
    waitingOn: t.field({
      type: TalentFillingActorEnum,
      nullable: true,
      description: 'Whose decision the filling waits for (null while the system works or once finished)',
      resolve: (f) => f.waitingOn,
    }),
    waitingSince: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.waitingSince }),
    deadline: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the awaited decision is due (the overseer: silence then approves or escalates)',
      resolve: (f) => f.deadline,
    }),
    overdue: t.boolean({
      description: 'The deadline has passed',
      resolve: (f) => f.deadline !== null && Date.parse(f.deadline) < Date.now(),
    }),
    appointedEmployeeId: t.id({ nullable: true, resolve: (f) => f.appointedEmployeeId }),
    fallbackSelectionId: t.id({ nullable: true, resolve: (f) => f.fallbackSelectionId }),
    createdAt: t.field({ type: 'DateTime', resolve: (f) => f.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (f) => f.updatedAt }),
  }),
});

/** The agency a list is read for: a secretariat or PPK its own (another is FORBIDDEN); others any or all. */
function agencyScope(ctx: GraphQLContext, agencyCode: string | null | undefined): string | undefined {
  const u = ctx.user!;
  if (u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') {
    const own = u.agencyCode ?? '';
    requireAgencyAccess(ctx, agencyCode ?? own);
    return agencyCode ?? own;
  }
  return agencyCode ?? undefined;
}

/** A secretariat, PPK or overseer reads its own inbox; an administrator names the one to read. */
function inboxOf(ctx: GraphQLContext, asked: TalentFillingActor | null | undefined): TalentFillingActor {
  const role: Role = ctx.user!.role;
  if (role === 'ADMIN') {
    if (!asked) throw gqlError('VALIDATION_FAILED', 'Pilih peran yang kotak masuknya ditampilkan', 'waitingOn');
    return asked;
  }
  const own = (TALENT_FILLING_ACTORS as readonly string[]).includes(role) ? (role as TalentFillingActor) : null;
  if (!own || (asked && asked !== own)) {
    throw gqlError('FORBIDDEN', 'Kotak masuk ini milik peran lain', 'waitingOn');
  }
  return own;
}

const connectionOptions = {
  name: 'TalentFillingSummaryConnection',
} as const;

// The read model's keyset positions (the candidate service's cursors): newest first by creation for the list,
// oldest wait first for an inbox. Every edge carries the opaque cursor after it, so any edge's cursor pages on.
const listCursor = z.object({ c: z.iso.datetime(), i: z.string().min(1) });
const inboxCursor = z.object({ w: z.iso.datetime(), i: z.string().min(1) });

function cursorOf(node: TalentFillingViewDto, inbox: boolean): string {
  return inbox
    ? encodeCursor({ w: new Date(node.waitingSince ?? node.createdAt).toISOString(), i: node.id })
    : encodeCursor({ c: new Date(node.createdAt).toISOString(), i: node.id });
}

/** A cursor of this list, checked before it reaches the store: anything else is VALIDATION_FAILED on `after`. */
function checkedAfter(after: string | null | undefined, inbox: boolean): string | undefined {
  if (!after) return undefined;
  try {
    if (inbox) decodeCursor(after, inboxCursor);
    else decodeCursor(after, listCursor);
  } catch {
    throw gqlError('VALIDATION_FAILED', 'Penanda halaman (after) tidak valid; muat ulang daftar dari awal', 'after');
  }
  return after;
}

async function pageOf(
  ctx: GraphQLContext,
  args: { first?: number | null; after?: string | null },
  query: { agencyCode?: string; stage?: string; waitingOn?: TalentFillingActor },
) {
  const inbox = Boolean(query.waitingOn);
  const after = checkedAfter(args.after, inbox);
  const limit = Math.min(Math.max(args.first ?? 20, 1), 100);
  const page = await ctx.services.candidate.listTalentFillings({ ...query, limit, after });
  return servicePageConnection(page, after, (node) => cursorOf(node, inbox));
}

builder.queryField('talentFillings', (t) =>
  t.connection(
    {
      type: TalentFillingSummaryType,
      description:
        "Talent-pool fillings, newest first: the agency's own for its secretariat and PPK, every agency for the overseer",
      authScopes: { roles: [...TALENT_ROLES] },
      args: {
        agencyCode: t.arg.string({ required: false }),
        stage: t.arg({ type: TalentFillingStageEnum, required: false }),
      },
      resolve: (_r, args, ctx) =>
        typed(() =>
          pageOf(ctx, args, { agencyCode: agencyScope(ctx, args.agencyCode), stage: args.stage ?? undefined }),
        ),
    },
    connectionOptions,
  ),
);

builder.queryField('talentFillingInbox', (t) =>
  t.connection(
    {
      type: TalentFillingSummaryType,
      description:
        'Talent-pool fillings waiting on the signed-in role (secretariat and PPK: their agency; overseer: every agency), oldest wait first, with deadlines',
      authScopes: { roles: [...TALENT_ROLES] },
      args: {
        agencyCode: t.arg.string({ required: false }),
        waitingOn: t.arg({
          type: TalentFillingActorEnum,
          required: false,
          description: 'Administrators only: whose inbox',
        }),
      },
      resolve: (_r, args, ctx) =>
        typed(() =>
          pageOf(ctx, args, {
            waitingOn: inboxOf(ctx, args.waitingOn),
            agencyCode: agencyScope(ctx, args.agencyCode),
          }),
        ),
    },
    { name: 'TalentFillingInboxConnection' },
  ),
);
