/**
 * An agency's talent settings (domain.md §3): merit index, approved talent system, scoring, gate and
 * retirement rules, target posts; read by the talent readers, changed by the agency's operators.
 */
import { z } from 'zod';
import {
  asArg,
  defaultTalentSettings,
  isTalentPoolBox,
  JPT_LEVELS,
  MERIT_CATEGORIES,
  MERIT_CATEGORY_NAMES,
  NINE_BOX_NUMBERING_NAMES,
  NINE_BOX_NUMBERINGS,
  boxLevels,
  talentPoolBoxes,
  validateTalentSettings,
  type JptLevel,
  type NineBoxNumbering,
  type TalentSettings,
  type TargetPost,
} from '@seleksi/domain';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { JptLevelEnum } from './common';
import { fieldPerKey } from './field-lists';
import { parseInput } from './input';
import { zodInputType } from './zod-args';

import {
  TALENT_ROLES,
  requireAgencyAccess,
  requireAgencyOperator,
  gateStateOf,
  talentSettingsOf,
  boxName,
  MeritCategoryEnum,
  NineBoxNumberingEnum,
  agencyCodeSchema,
} from './talent';

// ---------------------------------------------------------------------------------------------
// Settings

const TalentSystemApprovalType = builder.simpleObject('TalentSystemApproval', {
  description: "The overseer's approval of the agency's talent-management system",
  fields: (t) => ({ approvedOn: t.field({ type: 'LocalDate' }), reference: t.string() }),
});

/** The SKP predicates (SKP_PREDICATES) as the API names them: the output, the input and its zod schema. */
const SKP_POINT_KEYS = ['sangatBaik', 'baik', 'butuhPerbaikan', 'kurang', 'sangatKurang'] as const;

const SkpPointsType = builder.simpleObject('SkpPoints', {
  description: 'Points (0–100) of each SKP predicate',
  fields: (t) => fieldPerKey(SKP_POINT_KEYS, () => t.float()),
});

const ThresholdsType = builder.simpleObject('LevelThresholds', {
  description: 'Score → level: below medium → 1, below high → 2, otherwise 3',
  fields: (t) => ({ medium: t.float(), high: t.float() }),
});

const PotentialWeightsType = builder.simpleObject('PotentialWeights', {
  description: 'Weights in percent of the potential score (integers summing to 100)',
  fields: (t) => ({ managerial: t.int(), socioCultural: t.int(), trackRecord: t.int() }),
});

const TalentScoringType = builder.objectRef<TalentSettings['scoring']>('TalentScoringRules').implement({
  fields: (t) => ({
    version: t.exposeString('version'),
    performanceWeight: t.exposeInt('performanceWeight', { description: 'Percent of the talent score' }),
    potentialWeight: t.exposeInt('potentialWeight', { description: 'Percent of the talent score' }),
    skpYears: t.exposeInt('skpYears', { description: 'Calendar years of SKP before the mapping year' }),
    skpPoints: t.field({
      type: SkpPointsType,
      resolve: (r) => ({
        sangatBaik: r.skpPoints.SANGAT_BAIK,
        baik: r.skpPoints.BAIK,
        butuhPerbaikan: r.skpPoints.BUTUH_PERBAIKAN,
        kurang: r.skpPoints.KURANG,
        sangatKurang: r.skpPoints.SANGAT_KURANG,
      }),
    }),
    performanceThresholds: t.field({ type: ThresholdsType, resolve: (r) => r.performanceThresholds }),
    potentialWeights: t.field({ type: PotentialWeightsType, resolve: (r) => r.potentialWeights }),
    potentialThresholds: t.field({ type: ThresholdsType, resolve: (r) => r.potentialThresholds }),
    numbering: t.field({ type: NineBoxNumberingEnum, resolve: (r) => r.numbering }),
    trackRecordWhenMissing: t.float({
      nullable: true,
      description: 'Points used when no track record is recorded (null: potential stays unknown)',
      resolve: (r) => (r.trackRecordWhenMissing === undefined ? 80 : r.trackRecordWhenMissing),
    }),
  }),
});

const TalentGateRulesType = builder.objectRef<TalentSettings['gate']>('TalentGateRules').implement({
  fields: (t) => ({
    minMeritCategory: t.field({ type: MeritCategoryEnum, resolve: (g) => g.minMeritCategory }),
    maxMapAgeMonths: t.exposeInt('maxMapAgeMonths', { description: 'Oldest talent map still usable' }),
  }),
});

const RetirementAgesType = builder.simpleObject('RetirementAges', {
  description: 'Retirement age (BUP) in years per JPT level',
  fields: (t) => ({ utama: t.int(), madya: t.int(), pratama: t.int() }),
});

const RetirementRulesType = builder.objectRef<TalentSettings['retirement']>('RetirementRules').implement({
  fields: (t) => ({
    retirementAgeByLevel: t.field({
      type: RetirementAgesType,
      resolve: (r) => ({
        utama: r.retirementAgeByLevel.UTAMA,
        madya: r.retirementAgeByLevel.MADYA,
        pratama: r.retirementAgeByLevel.PRATAMA,
      }),
    }),
    excludeWithinMonths: t.exposeInt('excludeWithinMonths', {
      description: 'Talents serving fewer months than this after the planned inauguration are excluded',
    }),
  }),
});

export const TargetPostType = builder.objectRef<TargetPost>('TargetPost').implement({
  description: 'A critical post whose succession-plan group (KRS) is set every year',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    level: t.field({ type: JptLevelEnum, resolve: (p) => p.level }),
    unit: t.exposeString('unit'),
    field: t.string({ nullable: true, resolve: (p) => p.field ?? null }),
  }),
});

const NineBoxType = builder.simpleObject('NineBox', {
  description: 'One box of the nine-box matrix in the agency numbering',
  fields: (t) => ({
    box: t.int(),
    name: t.string(),
    potential: t.int({ description: '1 low … 3 high' }),
    performance: t.int({ description: '1 below … 3 above expectation' }),
    inPool: t.boolean({ description: 'A talent-pool box' }),
  }),
});

export function nineBoxes(numbering: NineBoxNumbering) {
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => ({
    box,
    name: boxName(numbering, box) ?? String(box),
    ...boxLevels(box, numbering),
    inPool: isTalentPoolBox(box, numbering),
  }));
}

interface SettingsView {
  settings: TalentSettings;
  configured: boolean;
}

const TalentSettingsType = builder.objectRef<SettingsView>('TalentSettings').implement({
  description: "An agency's talent-management configuration (the defaults until it is saved)",
  fields: (t) => ({
    agencyCode: t.string({ resolve: (v) => v.settings.agencyCode }),
    configured: t.boolean({ description: 'False while the agency uses the defaults', resolve: (v) => v.configured }),
    meritIndexScore: t.float({
      nullable: true,
      description: "From the overseer's latest validated merit-system assessment (see talentGate)",
      resolve: async (v, _a, ctx) => (await gateStateOf(ctx, v.settings.agencyCode)).validated?.index ?? null,
    }),
    meritAssessedOn: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'The day the overseer validated that assessment',
      resolve: async (v, _a, ctx) => (await gateStateOf(ctx, v.settings.agencyCode)).validated?.validatedOn ?? null,
    }),
    meritCategory: t.field({
      type: MeritCategoryEnum,
      nullable: true,
      description: "From the overseer's latest validated assessment",
      resolve: async (v, _a, ctx) => (await gateStateOf(ctx, v.settings.agencyCode)).validated?.category ?? null,
    }),
    meritCategoryName: t.string({
      nullable: true,
      resolve: async (v, _a, ctx) => {
        const c = (await gateStateOf(ctx, v.settings.agencyCode)).validated?.category;
        return c ? MERIT_CATEGORY_NAMES[c] : null;
      },
    }),
    talentSystemApproval: t.field({
      type: TalentSystemApprovalType,
      nullable: true,
      description: "The overseer's standing approval (see talentGate)",
      resolve: async (v, _a, ctx) => {
        const a = (await gateStateOf(ctx, v.settings.agencyCode)).approval;
        return a ? { approvedOn: a.approvedOn, reference: a.reference } : null;
      },
    }),
    numbering: t.field({ type: NineBoxNumberingEnum, resolve: (v) => v.settings.scoring.numbering }),
    numberingName: t.string({ resolve: (v) => NINE_BOX_NUMBERING_NAMES[v.settings.scoring.numbering] }),
    boxes: t.field({ type: [NineBoxType], resolve: (v) => nineBoxes(v.settings.scoring.numbering) }),
    poolBoxes: t.intList({ resolve: (v) => talentPoolBoxes(v.settings.scoring.numbering) }),
    scoring: t.field({ type: TalentScoringType, resolve: (v) => v.settings.scoring }),
    gate: t.field({ type: TalentGateRulesType, resolve: (v) => v.settings.gate }),
    retirement: t.field({ type: RetirementRulesType, resolve: (v) => v.settings.retirement }),
    targetPosts: t.field({ type: [TargetPostType], resolve: (v) => v.settings.targetPosts }),
  }),
});

builder.queryField('talentSettings', (t) =>
  t.field({
    type: TalentSettingsType,
    description: "An agency's talent settings (its secretariat and PPK, the overseer, administrators)",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        const stored = await ctx.loaders.talentSettings.load(args.agencyCode);
        return { settings: stored ?? defaultTalentSettings(args.agencyCode), configured: stored !== null };
      }),
  }),
);

const TalentSystemApprovalInput = builder.inputType('TalentSystemApprovalInput', {
  fields: (t) => ({
    approvedOn: t.field({ type: 'LocalDate' }),
    reference: t.string({ description: "Number of the overseer's approval letter" }),
  }),
});

const SkpPointsInput = builder.inputType('SkpPointsInput', {
  fields: (t) => fieldPerKey(SKP_POINT_KEYS, () => t.float()),
});

const ThresholdsInput = builder.inputType('LevelThresholdsInput', {
  fields: (t) => ({ medium: t.float(), high: t.float() }),
});

const PotentialWeightsInput = builder.inputType('PotentialWeightsInput', {
  fields: (t) => ({ managerial: t.int(), socioCultural: t.int(), trackRecord: t.int() }),
});

const TalentScoringInput = builder.inputType('TalentScoringInput', {
  description: 'Changes to the scoring rules (omitted fields keep their value)',
  fields: (t) => ({
    performanceWeight: t.int({ required: false }),
    potentialWeight: t.int({ required: false }),
    skpYears: t.int({ required: false }),
    skpPoints: t.field({ type: SkpPointsInput, required: false }),
    performanceThresholds: t.field({ type: ThresholdsInput, required: false }),
    potentialWeights: t.field({ type: PotentialWeightsInput, required: false }),
    potentialThresholds: t.field({ type: ThresholdsInput, required: false }),
    trackRecordWhenMissing: t.float({
      required: false,
      description: 'Points used when no track record is recorded; null leaves potential unknown',
    }),
  }),
});

const TargetPostInput = builder.inputType('TargetPostInput', {
  fields: (t) => ({
    id: t.id({ description: 'Stable code of the post, e.g. KADISDIK (letters, digits, - and _)' }),
    title: t.string(),
    level: t.field({ type: JptLevelEnum }),
    unit: t.string(),
    field: t.string({ required: false, description: 'Field of duty (bidang); empty: any related post' }),
  }),
});

/** A whole number (GraphQL Int; zod still takes any number, the domain validation judges it). */
const int = () => asArg(z.number(), { graphql: 'Int' });

// The gate and retirement inputs: validated by zod, their GraphQL input types built from it (zod-args).
const gateInputSchema = asArg(
  z.object({
    minMeritCategory: asArg(z.enum(MERIT_CATEGORIES), { graphql: 'MeritCategory' }).nullish(),
    maxMapAgeMonths: int().nullish(),
  }),
  { graphql: 'TalentGateInput' },
);

const retirementInputSchema = asArg(
  z.object({
    retirementAgeByLevel: asArg(
      z.object({ utama: int().nullish(), madya: int().nullish(), pratama: int().nullish() }),
      { graphql: 'RetirementAgesInput' },
    ).nullish(),
    excludeWithinMonths: int().nullish(),
  }),
  { graphql: 'RetirementRulesInput' },
);

const TalentSettingsInput = builder.inputType('TalentSettingsInput', {
  description: 'Changes to the talent settings: an omitted field keeps its value, an explicit null clears it',
  fields: (t) => ({
    meritIndexScore: t.float({
      required: false,
      deprecationReason: 'Refused: the index comes only from a merit-system assessment the overseer validated',
    }),
    meritAssessedOn: t.field({
      type: 'LocalDate',
      required: false,
      deprecationReason: 'Refused: the index comes only from a merit-system assessment the overseer validated',
    }),
    talentSystemApproval: t.field({
      type: TalentSystemApprovalInput,
      required: false,
      deprecationReason: 'Refused: the approval is the overseer’s decision (approveTalentSystem)',
    }),
    numbering: t.field({ type: NineBoxNumberingEnum, required: false }),
    scoring: t.field({ type: TalentScoringInput, required: false }),
    gate: t.field({ type: zodInputType(gateInputSchema), required: false }),
    retirement: t.field({ type: zodInputType(retirementInputSchema), required: false }),
    targetPosts: t.field({ type: [TargetPostInput], required: false, description: 'Replaces the whole list' }),
  }),
});

const thresholds = z.object({ medium: z.number(), high: z.number() });

const settingsInputSchema = z.object({
  numbering: z.enum(NINE_BOX_NUMBERINGS).nullish(),
  scoring: z
    .object({
      performanceWeight: z.number().nullish(),
      potentialWeight: z.number().nullish(),
      skpYears: z.number().nullish(),
      skpPoints: z.object(fieldPerKey(SKP_POINT_KEYS, () => z.number())).nullish(),
      performanceThresholds: thresholds.nullish(),
      potentialWeights: z
        .object({ managerial: z.number(), socioCultural: z.number(), trackRecord: z.number() })
        .nullish(),
      potentialThresholds: thresholds.nullish(),
      trackRecordWhenMissing: z.number().nullish(),
    })
    .nullish(),
  gate: gateInputSchema.nullish(),
  retirement: retirementInputSchema.nullish(),
  targetPosts: z
    .array(
      z.object({
        id: z.coerce
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode jabatan target hanya huruf, angka, - dan _ (paling banyak 40)'),
        title: z
          .string()
          .trim()
          .min(3, 'Nama jabatan minimal 3 karakter')
          .max(200, 'Nama jabatan paling banyak 200 karakter'),
        level: z.enum(JPT_LEVELS),
        unit: z
          .string()
          .trim()
          .min(3, 'Unit kerja minimal 3 karakter')
          .max(200, 'Unit kerja paling banyak 200 karakter'),
        field: z.string().trim().max(200, 'Bidang paling banyak 200 karakter').nullish(),
      }),
    )
    .max(200, 'Paling banyak 200 jabatan target')
    .nullish(),
});

type SettingsInput = z.infer<typeof settingsInputSchema>;

/** Keys of the domain's field paths renamed in the GraphQL input (camelCase, numbering at the top). */
const INPUT_PATH: Record<string, string> = {
  SANGAT_BAIK: 'sangatBaik',
  BAIK: 'baik',
  BUTUH_PERBAIKAN: 'butuhPerbaikan',
  KURANG: 'kurang',
  SANGAT_KURANG: 'sangatKurang',
  UTAMA: 'utama',
  MADYA: 'madya',
  PRATAMA: 'pratama',
};

/** The GraphQL input path of a settings problem, e.g. 'scoring.skpPoints.BAIK' → 'input.scoring.skpPoints.baik'. */
export function inputPathOf(field: string): string {
  if (field === 'scoring.numbering') return 'input.numbering';
  return [
    'input',
    ...field
      .split('.')
      .filter(Boolean)
      .map((p) => INPUT_PATH[p] ?? p),
  ].join('.');
}

/** The stored settings with the input's changes: undefined keeps, null clears (nullable fields only). */
export function applySettingsInput(current: TalentSettings, input: SettingsInput): TalentSettings {
  const keep = <T>(v: T | null | undefined, old: T): T => (v === undefined || v === null ? old : v);
  const s = input.scoring;
  const r = input.retirement;
  const ages = r?.retirementAgeByLevel;
  const scoring: TalentSettings['scoring'] = {
    ...current.scoring,
    performanceWeight: keep(s?.performanceWeight, current.scoring.performanceWeight),
    potentialWeight: keep(s?.potentialWeight, current.scoring.potentialWeight),
    skpYears: keep(s?.skpYears, current.scoring.skpYears),
    skpPoints: s?.skpPoints
      ? {
          SANGAT_BAIK: s.skpPoints.sangatBaik,
          BAIK: s.skpPoints.baik,
          BUTUH_PERBAIKAN: s.skpPoints.butuhPerbaikan,
          KURANG: s.skpPoints.kurang,
          SANGAT_KURANG: s.skpPoints.sangatKurang,
        }
      : { ...current.scoring.skpPoints },
    performanceThresholds: keep(s?.performanceThresholds, current.scoring.performanceThresholds),
    potentialWeights: keep(s?.potentialWeights, current.scoring.potentialWeights),
    potentialThresholds: keep(s?.potentialThresholds, current.scoring.potentialThresholds),
    numbering: keep(input.numbering, current.scoring.numbering),
  };
  if (s && s.trackRecordWhenMissing !== undefined) scoring.trackRecordWhenMissing = s.trackRecordWhenMissing;
  return {
    agencyCode: current.agencyCode,
    ...(current.legacyGate ? { legacyGate: current.legacyGate } : {}),
    scoring,
    gate: {
      minMeritCategory: keep(input.gate?.minMeritCategory, current.gate.minMeritCategory),
      maxMapAgeMonths: keep(input.gate?.maxMapAgeMonths, current.gate.maxMapAgeMonths),
    },
    retirement: {
      retirementAgeByLevel: {
        UTAMA: keep(ages?.utama, current.retirement.retirementAgeByLevel.UTAMA),
        MADYA: keep(ages?.madya, current.retirement.retirementAgeByLevel.MADYA),
        PRATAMA: keep(ages?.pratama, current.retirement.retirementAgeByLevel.PRATAMA),
      },
      excludeWithinMonths: keep(r?.excludeWithinMonths, current.retirement.excludeWithinMonths),
    },
    targetPosts: input.targetPosts
      ? input.targetPosts.map((p) => ({
          id: p.id,
          title: p.title,
          level: p.level as JptLevel,
          unit: p.unit,
          field: p.field ? p.field : null,
        }))
      : current.targetPosts,
  };
}

/**
 * The merit index and the approval of the talent-management system are the overseer's decisions, not
 * settings: an old client sending them gets FORBIDDEN naming the field, whatever its value.
 */
export function refuseGateValues(input: Record<string, unknown> | null | undefined): void {
  if (!input) return;
  if ('meritIndexScore' in input || 'meritAssessedOn' in input)
    throw gqlError(
      'FORBIDDEN',
      'Indeks sistem merit tidak lagi diatur instansi: isi dan ajukan penilaian mandiri sistem merit; ' +
        'indeks berlaku setelah divalidasi pengawas',
      'meritIndexScore' in input ? 'input.meritIndexScore' : 'input.meritAssessedOn',
    );
  if ('talentSystemApproval' in input)
    throw gqlError(
      'FORBIDDEN',
      'Persetujuan sistem manajemen talenta adalah keputusan pengawas, bukan pengaturan instansi',
      'input.talentSystemApproval',
    );
}

builder.mutationField('updateTalentSettings', (t) =>
  t.field({
    type: TalentSettingsType,
    description: "Changes an agency's talent settings (administrator, or the agency's Pansel secretary)",
    authScopes: { roles: ['PANSEL_SECRETARY', 'ADMIN'] },
    args: { agencyCode: t.arg.string(), input: t.arg({ type: TalentSettingsInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const agencyCode = parseInput(agencyCodeSchema, args.agencyCode, 'agencyCode');
        requireAgencyOperator(ctx, agencyCode);
        refuseGateValues(args.input);
        // The gate's threshold decides who may skip an open selection: national policy, not the agency's.
        if (args.input?.gate && ctx.user?.role !== 'ADMIN') {
          throw gqlError(
            'FORBIDDEN',
            'Syarat jalur manajemen talenta (kategori sistem merit minimal, umur pemetaan) ditetapkan administrator nasional',
            'input.gate',
          );
        }
        const input = parseInput(settingsInputSchema, args.input);
        const agency = await ctx.services.candidate.getAgency(agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${agencyCode} tidak ditemukan`, 'agencyCode');
        const next = applySettingsInput(await talentSettingsOf(ctx, agencyCode), input);
        const problems = validateTalentSettings(next);
        if (problems.length > 0) {
          throw gqlError('INVALID_RULES', problems.map((p) => p.message).join('; '), inputPathOf(problems[0]!.field));
        }
        const saved = await ctx.services.assessment.putTalentSettings(next);
        ctx.loaders.talentSettings.clear(agencyCode).prime(agencyCode, saved);
        ctx.logger.info({ agencyCode, userId: ctx.user?.id }, 'talent settings updated');
        return { settings: saved, configured: true };
      }),
  }),
);
