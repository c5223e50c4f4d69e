/**
 * Filling a JPT post from the talent pool (domain.md §3), one workflow per filling: the gate, the
 * ordered successors, the committee's confirmation, the overseer, the PPK's decision (a justification
 * unless the first successor), the decree and the inauguration; or the fallback open selection with
 * its invitations. Also the invitations a candidate received.
 *
 * Filling ids carry their agency, `TAL-<agency>-<year>-<8 hex>` (agencyOfFilling is the inverse), so
 * every decision finds its workflow (`talent-filling:<agency>:<fillingId>`) and checks the caller's
 * agency without a read model.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  addCalendarDays,
  BOX_NAMES_ID,
  buildSelectionRules,
  checkNip,
  incumbentLockedUntil,
  isIncumbentLocked,
  JPT_LEVELS,
  localDateOf,
  MERIT_CATEGORY_NAMES,
  isMeritCategory,
  NIP_PROBLEM_TEXT_ID,
  overseerRulesFor,
  TALENT_DECISION_NAMES,
  TALENT_DECISIONS,
  type InvitationDto,
  type TalentDecisionName,
} from '@seleksi/domain';
import {
  executeFillingUpdate,
  initialFillingState,
  queryFillingState,
  startTalentPoolFilling,
  talentDecisionUpdate,
  talentFillingHandle,
  TALENT_FILLING_STAGES,
  type DecisionArgs,
  type RecordedDecision,
  type SuccessorView,
  type TalentPoolFillingInput,
  type TalentPoolFillingState,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { arrayConnection } from '../relay/connections';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { actorOf, DecisionType, updateIdOf } from './decision';
import { DocumentType } from './document';
import { parseInput } from './input';
import { zodArgs } from './zod-args';
import { vacancyOriginType } from './vacancy-origin';
import { defaultPpkTitle, SelectionType, VacancyInput } from './selection';
import { MeritCategoryEnum, requireAgencyAccess, TALENT_ROLES, talentSettingsOf } from './talent';

/** A new filling id of an agency: readable, unguessable enough, never personal data. */
export function newFillingId(agencyCode: string, now: Date): string {
  return `TAL-${agencyCode}-${now.getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The agency code inside a filling id, or null when the id is not one. */
export function agencyOfFilling(fillingId: string): string | null {
  const m = /^TAL-([A-Za-z0-9_-]+)-\d{4}-[0-9A-F]{8}$/.exec(fillingId);
  return m ? m[1]! : null;
}

/** The filling's agency after checking the caller may act for it (secretariat and PPK: own agency). */
function agencyFor(ctx: GraphQLContext, fillingId: string): string {
  const agencyCode = agencyOfFilling(fillingId);
  if (!agencyCode) throw gqlError('NOT_FOUND', 'Pengisian jabatan tidak ditemukan', 'fillingId');
  requireAgencyAccess(ctx, agencyCode, 'fillingId');
  return agencyCode;
}

/** NOT_FOUND for an unknown filling, WRONG_STAGE for one that has finished. */
async function notRunning(ctx: GraphQLContext, agencyCode: string, fillingId: string): Promise<never> {
  const exists = await talentFillingHandle(ctx.temporal, agencyCode, fillingId)
    .describe()
    .then(() => true)
    .catch(() => false);
  throw exists
    ? gqlError('WRONG_STAGE', 'Proses pengisian jabatan ini sudah selesai', 'fillingId')
    : gqlError('NOT_FOUND', 'Pengisian jabatan tidak ditemukan', 'fillingId');
}

async function stateOf(ctx: GraphQLContext, agencyCode: string, fillingId: string): Promise<TalentPoolFillingState> {
  try {
    return await queryFillingState(ctx.temporal, agencyCode, fillingId);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      throw gqlError('NOT_FOUND', 'Pengisian jabatan tidak ditemukan', 'fillingId');
    }
    throw err;
  }
}

/** Runs a decision Update of the filling as the signed-in user and answers the recorded decision. */
export async function decideFilling<A extends DecisionArgs>(
  ctx: GraphQLContext,
  fillingId: string,
  update: UpdateDefinition<RecordedDecision, [A]>,
  args: Omit<A, 'actor'>,
): Promise<RecordedDecision> {
  const agencyCode = agencyFor(ctx, fillingId);
  const full = { ...args, actor: actorOf(ctx) } as A;
  let decision: RecordedDecision;
  try {
    decision = await executeFillingUpdate(ctx.temporal, agencyCode, fillingId, update, full, updateIdOf(ctx));
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return notRunning(ctx, agencyCode, fillingId);
    throw err;
  }
  ctx.logger.info(
    { fillingId, kind: decision.kind, decisionId: decision.decisionId, userId: ctx.user?.id },
    'talent filling decision recorded',
  );
  return decision;
}

// ---------------------------------------------------------------------------------------------
// The filling's state

export const TalentFillingStageEnum = builder.enumType('TalentFillingStage', { values: TALENT_FILLING_STAGES });

const TalentOverseerVerdictEnum = builder.enumType('TalentOverseerVerdict', {
  values: {
    APPROVE: { description: 'The overseer approves the successor proposal' },
    REJECT: { description: 'Not approved: the post goes to an open selection' },
  },
});

export const AppointmentRouteEnum = builder.enumType('AppointmentRoute', {
  values: {
    PPK: { description: 'JPT Pratama: the PPK appoints' },
    PRESIDENT: { description: "JPT Madya/Utama: the President appoints on the PPK's proposal" },
    PRESIDENT_VIA_HOME_AFFAIRS: {
      description:
        'A provincial regional secretary: the President appoints, proposed through the Home Affairs Minister',
    },
  },
});

const PresidentialDecreeType = builder
  .objectRef<NonNullable<TalentPoolFillingState['presidentialDecree']>>('PresidentialDecree')
  .implement({
    description: "The President's decree (Keppres) as the secretariat recorded it",
    fields: (t) => ({
      number: t.exposeString('number'),
      date: t.field({ type: 'LocalDate', resolve: (k) => k.date }),
    }),
  });

const TalentGateType = builder.objectRef<NonNullable<TalentPoolFillingState['gate']>>('TalentGate').implement({
  description: 'Whether the agency may use the talent-pool route (merit category, approved system, recent map)',
  fields: (t) => ({
    open: t.exposeBoolean('open'),
    meritCategory: t.field({
      type: MeritCategoryEnum,
      nullable: true,
      resolve: (g) => (isMeritCategory(g.meritCategory) ? g.meritCategory : null),
    }),
    meritCategoryName: t.string({
      nullable: true,
      resolve: (g) => (isMeritCategory(g.meritCategory) ? MERIT_CATEGORY_NAMES[g.meritCategory] : null),
    }),
    reasons: t.stringList({ description: 'One reason per failed condition', resolve: (g) => g.reasons }),
    period: t.string({ nullable: true, description: 'The talent map used', resolve: (g) => g.period }),
  }),
});

interface SuccessorItem {
  item: SuccessorView;
  agencyCode: string;
}

const SuccessorType = builder.objectRef<SuccessorItem>('TalentSuccessor').implement({
  description: 'A talent of the pool considered for the post, in successor order (excluded ones with reasons)',
  fields: (t) => ({
    employeeId: t.id({ resolve: (s) => s.item.employeeId }),
    name: t.string({
      nullable: true,
      resolve: async (s, _a, ctx) => (await ctx.loaders.profile.load(s.item.employeeId))?.name ?? null,
    }),
    order: t.int({
      nullable: true,
      description: '1 = first successor; null when excluded',
      resolve: (s) => s.item.order,
    }),
    box: t.int({ resolve: (s) => s.item.box }),
    boxName: t.string({
      nullable: true,
      resolve: async (s, _a, ctx) =>
        BOX_NAMES_ID[(await talentSettingsOf(ctx, s.agencyCode)).scoring.numbering]?.[s.item.box] ?? null,
    }),
    score: t.float({ resolve: (s) => s.item.score }),
    excluded: t.boolean({ resolve: (s) => s.item.excluded }),
    reasons: t.stringList({ description: 'Why excluded', resolve: (s) => s.item.reasons }),
  }),
});

const TalentPersonType = builder.simpleObject('TalentPerson', {
  fields: (t) => ({ employeeId: t.id(), name: t.string({ nullable: true }) }),
});

type Fallback = NonNullable<TalentPoolFillingState['fallback']>;

const TalentFallbackType = builder.objectRef<Fallback>('TalentFallback').implement({
  description: 'The open selection started because the talent route could not fill the post',
  fields: (t) => ({
    selectionId: t.exposeID('selectionId'),
    workflowId: t.exposeString('workflowId'),
    reason: t.exposeString('reason'),
    invitedCount: t.int({ resolve: (f) => f.invited.length }),
    invited: t.field({
      type: [TalentPersonType],
      description: "The pool's talents invited to apply",
      resolve: async (f, _a, ctx) => {
        const profiles = await ctx.loaders.profile.loadMany(f.invited);
        return f.invited.map((employeeId, i) => {
          const p = profiles[i];
          return { employeeId, name: p && !(p instanceof Error) ? p.name : null };
        });
      },
    }),
    selection: t.field({
      type: SelectionType,
      nullable: true,
      description: 'The selection read model (null until its workflow has written it)',
      resolve: (f, _a, ctx) => ctx.loaders.selection.load(f.selectionId),
    }),
  }),
});

/** The switched vacancy as the filling names it. */
const SwitchedFromType = vacancyOriginType(
  'TalentFillingOrigin',
  'The open-selection vacancy whose Pansel switched it to the talent route',
);

export const TalentFillingType = builder.objectRef<TalentPoolFillingState>('TalentFilling').implement({
  description: 'A post filled by the talent-pool route (the running workflow)',
  fields: (t) => ({
    fillingId: t.exposeID('fillingId'),
    agencyCode: t.exposeString('agencyCode'),
    postId: t.exposeID('postId'),
    stage: t.field({ type: TalentFillingStageEnum, resolve: (f) => f.stage }),
    gate: t.field({ type: TalentGateType, nullable: true, resolve: (f) => f.gate }),
    successors: t.field({
      type: [SuccessorType],
      description: 'Included successors in order, then the excluded ones',
      resolve: (f) =>
        [...f.successors]
          .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity))
          .map((item) => ({ item, agencyCode: f.agencyCode })),
    }),
    confirmed: t.boolean({ description: 'The committee confirmed the proposal', resolve: (f) => f.confirmed }),
    overseerVerdict: t.field({ type: TalentOverseerVerdictEnum, nullable: true, resolve: (f) => f.overseerVerdict }),
    route: t.field({
      type: AppointmentRouteEnum,
      description: 'Who appoints: the PPK (Pratama) or the President on the PPK proposal (Madya/Utama)',
      resolve: (f) => f.route,
    }),
    proposedEmployeeId: t.id({
      nullable: true,
      description: "The PPK's decision: the appointee (PPK route) or the successor proposed to the President",
      resolve: (f) => f.proposedEmployeeId,
    }),
    presidentialDecree: t.field({
      type: PresidentialDecreeType,
      nullable: true,
      resolve: (f) => f.presidentialDecree,
    }),
    appointedEmployeeId: t.id({ nullable: true, resolve: (f) => f.appointedEmployeeId }),
    appointedName: t.string({
      nullable: true,
      resolve: async (f, _a, ctx) =>
        f.appointedEmployeeId ? ((await ctx.loaders.profile.load(f.appointedEmployeeId))?.name ?? null) : null,
    }),
    decree: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The appointment decree',
      resolve: (f) => f.decree,
    }),
    inaugurationDate: t.field({ type: 'LocalDate', nullable: true, resolve: (f) => f.inaugurationDate }),
    fallback: t.field({ type: TalentFallbackType, nullable: true, resolve: (f) => f.fallback }),
    switchedFrom: t.field({
      type: SwitchedFromType,
      nullable: true,
      description: 'The open-selection vacancy whose Pansel switched it to this route',
      resolve: (f) => f.switchedFrom ?? null,
    }),
    decisions: t.field({
      type: [DecisionType],
      description: 'Every recorded decision, oldest first',
      resolve: (f) => f.decisions,
    }),
  }),
});

builder.queryField('talentFilling', (t) =>
  t.field({
    type: TalentFillingType,
    description: "A talent-pool filling (the agency's secretariat and PPK, the overseer, administrators)",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { fillingId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const fillingId = String(args.fillingId);
        return stateOf(ctx, agencyFor(ctx, fillingId), fillingId);
      }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Starting a filling

const StartTalentPoolFillingInput = builder.inputType('StartTalentPoolFillingInput', {
  fields: (t) => ({
    post: t.field({ type: VacancyInput }),
    plannedInaugurationDate: t.field({ type: 'LocalDate', description: 'Age and retirement are checked on this date' }),
    ppkTitle: t.string({ required: false, description: "The appointing official's title (default from the agency)" }),
    signatoryName: t.string({ required: false, description: 'Signs the successor proposal (default: you)' }),
    signatoryTitle: t.string({ required: false }),
    signatoryNip: t.string({ required: false }),
  }),
});

const startFillingSchema = z.object({
  post: z.object({
    position: z
      .string()
      .trim()
      .min(3, 'Nama jabatan minimal 3 karakter')
      .max(200, 'Nama jabatan paling banyak 200 karakter'),
    unit: z.string().trim().min(3, 'Unit kerja minimal 3 karakter').max(200, 'Unit kerja paling banyak 200 karakter'),
    level: z.enum(JPT_LEVELS),
    field: z.string().trim().max(200, 'Bidang paling banyak 200 karakter').nullish(),
    regionalSecretary: z.boolean().nullish(),
    incumbentInauguratedOn: z.string().nullish(),
  }),
  plannedInaugurationDate: z.string(),
  ppkTitle: z.string().trim().min(3, 'Jabatan PPK minimal 3 karakter').max(200).nullish(),
  signatoryName: z.string().trim().min(3, 'Nama penanda tangan minimal 3 karakter').max(200).nullish(),
  signatoryTitle: z.string().trim().min(3, 'Jabatan penanda tangan minimal 3 karakter').max(200).nullish(),
  signatoryNip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, 'NIP harus 18 angka')
    .nullish(),
});

/** Who signs the successor proposal when the input does not say. */
const DEFAULT_SIGNATORY_TITLE = 'Sekretaris Tim Penilai Kinerja';

builder.mutationField('startTalentPoolFilling', (t) =>
  t.field({
    type: TalentFillingType,
    description:
      "Starts filling a JPT post from the agency's talent pool (Pansel secretary of the agency); falls back to an open selection when the route is closed",
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: { input: t.arg({ type: StartTalentPoolFillingInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(startFillingSchema, args.input);
        const user = ctx.user!;
        if (!user.agencyCode) throw gqlError('FORBIDDEN', 'Akun ini tidak terhubung dengan instansi');
        if (input.signatoryNip) {
          const nip = checkNip(input.signatoryNip);
          if (!nip.ok) throw gqlError('INVALID_NIP', NIP_PROBLEM_TEXT_ID[nip.problem], 'input.signatoryNip');
        }
        const agency = await ctx.services.candidate.getAgency(user.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${user.agencyCode} tidak ditemukan`, 'agencyCode');
        const now = new Date();
        const today = localDateOf(now, agency.timeZone);
        if (input.plannedInaugurationDate <= today) {
          throw gqlError(
            'VALIDATION_FAILED',
            'Rencana pelantikan harus sesudah hari ini',
            'input.plannedInaugurationDate',
          );
        }
        const inc = input.post.incumbentInauguratedOn;
        if (inc) {
          const field = 'input.post.incumbentInauguratedOn';
          if (inc > today) throw gqlError('VALIDATION_FAILED', 'Tanggal pelantikan pejabat lama di masa depan', field);
          if (isIncumbentLocked(inc, input.plannedInaugurationDate)) {
            throw gqlError(
              'INCUMBENT_LOCKED',
              `Pejabat yang sedang menjabat dilantik ${inc} dan belum dapat diganti sebelum ${addCalendarDays(incumbentLockedUntil(inc), 1)} (2 tahun sejak pelantikan)`,
              field,
            );
          }
        }
        const fillingId = newFillingId(agency.code, now);
        const wfInput: TalentPoolFillingInput = {
          fillingId,
          agency,
          post: {
            id: `${fillingId}-P1`,
            level: input.post.level,
            position: input.post.position,
            unit: input.post.unit,
            field: input.post.field || null,
            regionalSecretary: input.post.regionalSecretary ?? false,
            incumbentInauguratedOn: inc ?? null,
          },
          plannedInaugurationDate: input.plannedInaugurationDate,
          ppkTitle: input.ppkTitle ?? defaultPpkTitle(agency),
          // The overseer of today's era (BKN: technical approval, 5 working days, silence approves).
          overseer: overseerRulesFor('BKN'),
          fallbackRules: buildSelectionRules(),
          signatory: {
            name: input.signatoryName ?? user.displayName,
            title: input.signatoryTitle ?? DEFAULT_SIGNATORY_TITLE,
            nip: input.signatoryNip ?? null,
          },
          createdBy: actorOf(ctx),
          createdAt: now.toISOString(),
        };
        const handle = await startTalentPoolFilling(ctx.temporal, wfInput, ctx.config.TEMPORAL_TASK_QUEUE);
        ctx.logger.info({ workflowId: handle.workflowId, userId: user.id }, 'talent filling started');
        return queryFillingState(ctx.temporal, agency.code, fillingId).catch(() => initialFillingState(wfInput));
      }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Decisions

/**
 * Every declared decision of the talent route (TALENT_DECISIONS in @seleksi/domain) as a mutation, from its
 * declaration: description, scopes (its roles, before the arguments), arguments and their validation; then
 * the filling's Update as the signed-in user (the filling's agency checked first).
 */
function talentDecisionMutation<N extends TalentDecisionName>(name: N): void {
  const declared = TALENT_DECISIONS[name];
  builder.mutationField(name, (t) =>
    t.field({
      type: DecisionType,
      description: declared.description,
      authScopes: { roles: [...declared.roles] },
      args: zodArgs(t.arg as never, declared.args, name),
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const { fillingId, ...rest } = parseInput(declared.args, args, '') as { fillingId: string };
          return decideFilling(ctx, fillingId, talentDecisionUpdate(name), rest as never);
        }),
    }),
  );
}

for (const name of TALENT_DECISION_NAMES) talentDecisionMutation(name);

// ---------------------------------------------------------------------------------------------
// Invitations

const InvitationType = builder.objectRef<InvitationDto>('Invitation').implement({
  description: 'An invitation to apply to an open selection (the talent route fell back to it)',
  fields: (t) => ({
    id: t.exposeID('id'),
    selectionId: t.exposeID('selectionId'),
    vacancyId: t.exposeID('vacancyId'),
    reason: t.exposeString('reason'),
    invitedAt: t.field({ type: 'DateTime', resolve: (i) => i.invitedAt }),
    selection: t.field({
      type: SelectionType,
      nullable: true,
      description: 'The selection, once announced (null while it is still being planned)',
      resolve: async (i, _a, ctx) => {
        const s = await ctx.loaders.selection.load(i.selectionId);
        return s && s.stage !== 'PLANNED' ? s : null;
      },
    }),
  }),
});

builder.queryField('myInvitations', (t) =>
  t.connection(
    {
      type: InvitationType,
      description: 'Invitations of the signed-in candidate to apply to open selections, newest first',
      authScopes: { roles: ['CANDIDATE'] },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const candidateId = ctx.user?.candidateId;
          const list = candidateId ? await ctx.services.candidate.listInvitations({ candidateId }) : [];
          return arrayConnection(
            args,
            [...list].sort((a, b) => b.invitedAt.localeCompare(a.invitedAt)),
          );
        }),
    },
    { name: 'InvitationConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);
