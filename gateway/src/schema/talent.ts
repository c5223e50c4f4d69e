/**
 * Talent management of an agency (domain.md §3): its talent settings (merit index, approved talent
 * system, scoring, gate and retirement rules, target posts), the nine-box map per period with a
 * paginated drill-down, a person's boxes over time, the published succession-plan groups (KRS), and
 * the mapping run (a workflow per agency and period) with its progress.
 */
import { z } from 'zod';
import {
  BOX_NAMES_ID,
  defaultTalentSettings,
  isTalentPoolBox,
  JPT_LEVELS,
  localDateOf,
  MERIT_CATEGORIES,
  MERIT_CATEGORY_NAMES,
  NINE_BOX_NUMBERING_NAMES,
  NINE_BOX_NUMBERINGS,
  boxLevels,
  EMPLOYEE_BUCKETS,
  talentPoolBoxes,
  validateTalentSettings,
  type JptLevel,
  type NineBoxNumbering,
  type SuccessionGroupDto,
  type TalentMapEntryDto,
  type TalentMapPeriodDto,
  type TalentGateStateDto,
  type TalentSettings,
  type TargetPost,
} from '@seleksi/domain';
import { encodeCursor } from '@seleksi/kit';
import {
  startTalentMapping,
  talentMappingProgress,
  type TalentMappingProgress,
  type TalentMappingStatus,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { arrayConnection } from '../relay/connections';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { JptLevelEnum } from './common';
import { actorOf } from './decision';
import { DocumentType } from './document';
import { parseInput } from './input';

/** Who reads an agency's talent data: its secretariat and PPK, the overseer and administrators. */
export const TALENT_ROLES = ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'] as const;

/** A Pansel secretary or PPK reads and acts only for their own agency; FORBIDDEN otherwise. */
export function requireAgencyAccess(ctx: GraphQLContext, agencyCode: string, field = 'agencyCode'): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  // An empty code would address the service's collection route instead of one agency.
  if (agencyCode.trim() === '') throw gqlError('VALIDATION_FAILED', 'Kode instansi wajib diisi', field);
  if (u.role === 'ADMIN' || u.role === 'OVERSEER') return;
  if ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === agencyCode) return;
  throw gqlError('FORBIDDEN', 'Data talenta ini milik instansi lain', field);
}

/** Settings and mapping runs are managed by an administrator or the agency's own Pansel secretary. */
export function requireAgencyOperator(ctx: GraphQLContext, agencyCode: string): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN') return;
  if (u.role === 'PANSEL_SECRETARY' && u.agencyCode === agencyCode) return;
  throw gqlError(
    'FORBIDDEN',
    'Hanya administrator atau sekretariat instansi ini yang dapat melakukannya',
    'agencyCode',
  );
}

const agencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode instansi hanya huruf, angka, - dan _ (paling banyak 40)');

const gateStates = new WeakMap<object, Map<string, Promise<TalentGateStateDto>>>();

/** What the gate reads for an agency (the overseer's decisions), read once per request. */
export function gateStateOf(ctx: GraphQLContext, agencyCode: string): Promise<TalentGateStateDto> {
  let cache = gateStates.get(ctx);
  if (!cache) gateStates.set(ctx, (cache = new Map()));
  let state = cache.get(agencyCode);
  if (!state) cache.set(agencyCode, (state = ctx.services.assessment.getTalentGateState(agencyCode)));
  return state;
}

/** The agency's settings as stored, or the defaults while it has configured nothing. */
export async function talentSettingsOf(ctx: GraphQLContext, agencyCode: string): Promise<TalentSettings> {
  return (await ctx.loaders.talentSettings.load(agencyCode)) ?? defaultTalentSettings(agencyCode);
}

export function boxName(numbering: NineBoxNumbering, box: number | null): string | null {
  return box === null ? null : (BOX_NAMES_ID[numbering]?.[box] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Enums

export const MeritCategoryEnum = builder.enumType('MeritCategory', {
  description: 'Merit-system index category: Buruk 100–174, Kurang 175–249, Baik 250–324, Sangat Baik 325–400',
  values: MERIT_CATEGORIES,
});

export const NineBoxNumberingEnum = builder.enumType('NineBoxNumbering', {
  description: 'How the nine boxes are numbered (PermenPANRB 3/2020, or the Finance Ministry scheme)',
  values: NINE_BOX_NUMBERINGS,
});

/** Every status of a mapping run (mirrors the workflow's TalentMappingStatus union). */
const TALENT_MAPPING_STATUSES = [
  'STARTING',
  'MAPPING',
  'DERIVING_KRS',
  'COMPLETED',
] as const satisfies readonly TalentMappingStatus[];

export const TalentMappingStatusEnum = builder.enumType('TalentMappingStatus', { values: TALENT_MAPPING_STATUSES });

// ---------------------------------------------------------------------------------------------
// Settings

const TalentSystemApprovalType = builder.simpleObject('TalentSystemApproval', {
  description: "The overseer's approval of the agency's talent-management system",
  fields: (t) => ({ approvedOn: t.field({ type: 'LocalDate' }), reference: t.string() }),
});

const SkpPointsType = builder.simpleObject('SkpPoints', {
  description: 'Points (0–100) of each SKP predicate',
  fields: (t) => ({
    sangatBaik: t.float(),
    baik: t.float(),
    butuhPerbaikan: t.float(),
    kurang: t.float(),
    sangatKurang: t.float(),
  }),
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

function nineBoxes(numbering: NineBoxNumbering) {
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
  fields: (t) => ({
    sangatBaik: t.float(),
    baik: t.float(),
    butuhPerbaikan: t.float(),
    kurang: t.float(),
    sangatKurang: t.float(),
  }),
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

const TalentGateInput = builder.inputType('TalentGateInput', {
  fields: (t) => ({
    minMeritCategory: t.field({ type: MeritCategoryEnum, required: false }),
    maxMapAgeMonths: t.int({ required: false }),
  }),
});

const RetirementAgesInput = builder.inputType('RetirementAgesInput', {
  fields: (t) => ({
    utama: t.int({ required: false }),
    madya: t.int({ required: false }),
    pratama: t.int({ required: false }),
  }),
});

const RetirementRulesInput = builder.inputType('RetirementRulesInput', {
  fields: (t) => ({
    retirementAgeByLevel: t.field({ type: RetirementAgesInput, required: false }),
    excludeWithinMonths: t.int({ required: false }),
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
    gate: t.field({ type: TalentGateInput, required: false }),
    retirement: t.field({ type: RetirementRulesInput, required: false }),
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
      skpPoints: z
        .object({
          sangatBaik: z.number(),
          baik: z.number(),
          butuhPerbaikan: z.number(),
          kurang: z.number(),
          sangatKurang: z.number(),
        })
        .nullish(),
      performanceThresholds: thresholds.nullish(),
      potentialWeights: z
        .object({ managerial: z.number(), socioCultural: z.number(), trackRecord: z.number() })
        .nullish(),
      potentialThresholds: thresholds.nullish(),
      trackRecordWhenMissing: z.number().nullish(),
    })
    .nullish(),
  gate: z
    .object({ minMeritCategory: z.enum(MERIT_CATEGORIES).nullish(), maxMapAgeMonths: z.number().nullish() })
    .nullish(),
  retirement: z
    .object({
      retirementAgeByLevel: z
        .object({ utama: z.number().nullish(), madya: z.number().nullish(), pratama: z.number().nullish() })
        .nullish(),
      excludeWithinMonths: z.number().nullish(),
    })
    .nullish(),
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

// ---------------------------------------------------------------------------------------------
// The map, its drill-down and a person's history

export const TalentMapEntryType = builder.objectRef<TalentMapEntryDto>('TalentMapEntry').implement({
  description: "One employee's place on the nine-box map of a period",
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    period: t.exposeString('period'),
    employeeId: t.exposeID('employeeId'),
    employeeName: t.string({
      nullable: true,
      description: "From the employee's ASN profile",
      resolve: async (e, _a, ctx) => (await ctx.loaders.profile.load(e.employeeId))?.name ?? null,
    }),
    box: t.int({ nullable: true, description: 'null when the data did not allow mapping', resolve: (e) => e.box }),
    boxName: t.string({
      nullable: true,
      description: "The box's name in the agency numbering",
      resolve: async (e, _a, ctx) => boxName((await talentSettingsOf(ctx, e.agencyCode)).scoring.numbering, e.box),
    }),
    inPool: t.boolean({
      description: 'In a talent-pool box',
      resolve: async (e, _a, ctx) =>
        e.box !== null && isTalentPoolBox(e.box, (await talentSettingsOf(ctx, e.agencyCode)).scoring.numbering),
    }),
    performance: t.int({ nullable: true, description: '1 below … 3 above expectation', resolve: (e) => e.performance }),
    potential: t.int({ nullable: true, description: '1 low … 3 high', resolve: (e) => e.potential }),
    performanceScore: t.float({ nullable: true, resolve: (e) => e.performanceScore }),
    potentialScore: t.float({ nullable: true, resolve: (e) => e.potentialScore }),
    score: t.float({ nullable: true, description: 'Weighted talent score', resolve: (e) => e.score }),
    missing: t.stringList({ description: 'Why the employee could not be mapped', resolve: (e) => e.missing }),
    mappedAt: t.field({ type: 'DateTime', resolve: (e) => e.mappedAt }),
  }),
});

interface MapView {
  agencyCode: string;
  period: string;
  numbering: NineBoxNumbering;
  total: number;
  unmapped: number;
  byBox: Record<string, number>;
}

const TalentMapBoxType = builder.simpleObject('TalentMapBox', {
  fields: (t) => ({
    box: t.int(),
    name: t.string({ description: 'In the agency numbering' }),
    count: t.int(),
    inPool: t.boolean(),
  }),
});

/** The service's drill-down cursor: the sort key (score, employee id) of an entry. */
function entryCursor(e: TalentMapEntryDto): string {
  return encodeCursor({ s: e.score, e: e.employeeId });
}

const TalentMapType = builder.objectRef<MapView>('TalentMap').implement({
  description: 'The nine-box map of an agency for a period',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    period: t.exposeString('period'),
    numbering: t.field({ type: NineBoxNumberingEnum, resolve: (m) => m.numbering }),
    total: t.exposeInt('total'),
    unmapped: t.exposeInt('unmapped', { description: 'Employees lacking data for a box' }),
    boxes: t.field({
      type: [TalentMapBoxType],
      description: 'Every box 1..9 with its head-count',
      resolve: (m) =>
        nineBoxes(m.numbering).map((b) => ({ box: b.box, name: b.name, inPool: b.inPool, count: m.byBox[b.box] ?? 0 })),
    }),
    poolCount: t.int({
      description: 'Employees in the talent-pool boxes',
      resolve: (m) => talentPoolBoxes(m.numbering).reduce((n, b) => n + (m.byBox[b] ?? 0), 0),
    }),
    entries: t.connection({
      type: TalentMapEntryType,
      description: 'Drill-down: the entries of one box (or the unmapped ones), best score first',
      args: {
        box: t.arg.int({ required: false, description: '1..9; omit for every entry' }),
        unmapped: t.arg.boolean({ required: false, description: 'Only the employees lacking data (box null)' }),
      },
      resolve: (m, args, ctx) =>
        typed(async () => {
          if (args.box != null && (args.box < 1 || args.box > 9 || !Number.isInteger(args.box))) {
            throw gqlError('VALIDATION_FAILED', 'Kotak harus 1 sampai 9', 'box');
          }
          if (args.box != null && args.unmapped) {
            throw gqlError('VALIDATION_FAILED', 'Pilih kotak atau yang belum terpetakan, bukan keduanya', 'unmapped');
          }
          const limit = Math.min(Math.max(args.first ?? 50, 1), 200);
          const page = await ctx.services.assessment.listTalentMapEntries({
            agencyCode: m.agencyCode,
            period: m.period,
            box: args.unmapped ? 'none' : (args.box ?? undefined),
            limit,
            after: args.after ?? undefined,
          });
          const edges = page.items.map((node) => ({ cursor: entryCursor(node), node }));
          return {
            edges,
            pageInfo: {
              hasNextPage: page.nextCursor !== null,
              hasPreviousPage: Boolean(args.after),
              startCursor: edges[0]?.cursor ?? null,
              endCursor: page.nextCursor ?? edges.at(-1)?.cursor ?? null,
            },
          };
        }),
    }),
  }),
});

const periodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-S[12])?$/, 'Periode berformat YYYY atau YYYY-S1 / YYYY-S2');

builder.queryField('talentMap', (t) =>
  t.field({
    type: TalentMapType,
    nullable: true,
    description: "An agency's nine-box map for a period (the latest when omitted); null when not mapped",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string(), period: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        let period = args.period ?? null;
        if (period === null) {
          period = (await ctx.services.assessment.listTalentMapPeriods(args.agencyCode))[0]?.period ?? null;
          if (period === null) return null;
        }
        const [counts, settings] = await Promise.all([
          ctx.services.assessment.getTalentMapCounts(args.agencyCode, period),
          talentSettingsOf(ctx, args.agencyCode),
        ]);
        if (counts.total === 0) return null;
        return { ...counts, numbering: settings.scoring.numbering };
      }),
  }),
);

const TalentMapPeriodType = builder.objectRef<TalentMapPeriodDto>('TalentMapPeriod').implement({
  fields: (t) => ({
    period: t.exposeString('period'),
    mappedAt: t.field({ type: 'DateTime', description: 'Latest mapping of the period', resolve: (p) => p.mappedAt }),
    total: t.exposeInt('total'),
  }),
});

builder.queryField('talentMapPeriods', (t) =>
  t.connection(
    {
      type: TalentMapPeriodType,
      description: 'The mapped periods of an agency, newest first',
      authScopes: { roles: [...TALENT_ROLES] },
      args: { agencyCode: t.arg.string() },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          requireAgencyAccess(ctx, args.agencyCode);
          return arrayConnection(args, await ctx.services.assessment.listTalentMapPeriods(args.agencyCode));
        }),
    },
    { name: 'TalentMapPeriodConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

builder.queryField('talentHistory', (t) =>
  t.connection(
    {
      type: TalentMapEntryType,
      description:
        "A person's boxes per period, newest first: the person themself (CANDIDATE), their agency's secretariat and PPK, the overseer, administrators",
      authScopes: { roles: ['CANDIDATE', ...TALENT_ROLES] },
      args: { employeeId: t.arg.id() },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const u = ctx.user!;
          const employeeId = String(args.employeeId);
          if (u.role === 'CANDIDATE' && u.candidateId !== employeeId) {
            throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat riwayat talenta Anda sendiri', 'employeeId');
          }
          const history = await ctx.services.assessment.getTalentHistory(employeeId);
          // The secretariat and PPK see the maps of their own agency only.
          const visible =
            u.role === 'PANSEL_SECRETARY' || u.role === 'PPK'
              ? history.filter((e) => e.agencyCode === u.agencyCode)
              : history;
          return arrayConnection(args, visible);
        }),
    },
    { name: 'TalentHistoryConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

// ---------------------------------------------------------------------------------------------
// Succession-plan groups (KRS)

interface MemberView {
  member: SuccessionGroupDto['members'][number];
  agencyCode: string;
}

const SuccessionMemberType = builder.objectRef<MemberView>('SuccessionGroupMember').implement({
  fields: (t) => ({
    employeeId: t.id({ resolve: (m) => m.member.employeeId }),
    name: t.string({
      nullable: true,
      resolve: async (m, _a, ctx) => (await ctx.loaders.profile.load(m.member.employeeId))?.name ?? null,
    }),
    order: t.int({ description: '1 = the first successor', resolve: (m) => m.member.order }),
    box: t.int({ resolve: (m) => m.member.box }),
    boxName: t.string({
      nullable: true,
      resolve: async (m, _a, ctx) =>
        boxName((await talentSettingsOf(ctx, m.agencyCode)).scoring.numbering, m.member.box),
    }),
    score: t.float({ resolve: (m) => m.member.score }),
  }),
});

const SuccessionGroupType = builder.objectRef<SuccessionGroupDto>('SuccessionGroup').implement({
  description: 'The succession-plan group (KRS) of a target post for a year, in successor order',
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    year: t.exposeInt('year'),
    postId: t.exposeID('postId'),
    postTitle: t.exposeString('postTitle'),
    level: t.field({ type: JptLevelEnum, resolve: (g) => g.level }),
    derivedFrom: t.exposeString('derivedFrom', { description: 'The map period it was derived from' }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (g) => g.publishedAt }),
    members: t.field({
      type: [SuccessionMemberType],
      resolve: (g) =>
        [...g.members].sort((a, b) => a.order - b.order).map((member) => ({ member, agencyCode: g.agencyCode })),
    }),
    document: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The published KRS decision',
      resolve: (g, _a, ctx) => (g.documentId ? ctx.loaders.document.load(g.documentId) : null),
    }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Where the KRS decision (PDF) can be downloaded',
      resolve: (g, _a, ctx) =>
        g.documentId ? `${ctx.config.PUBLIC_URL}/documents/${encodeURIComponent(g.documentId)}.pdf` : null,
    }),
  }),
});

builder.queryField('successionGroups', (t) =>
  t.connection(
    {
      type: SuccessionGroupType,
      description:
        "An agency's published succession-plan groups (KRS), newest year first; drafts only for the agency's staff",
      authScopes: { authenticated: true },
      args: { agencyCode: t.arg.string(), year: t.arg.int({ required: false }) },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const groups = await ctx.services.assessment.listSuccessionGroups({
            agencyCode: args.agencyCode,
            ...(args.year != null ? { year: args.year } : {}),
          });
          const u = ctx.user!;
          const staff =
            u.role === 'ADMIN' ||
            u.role === 'OVERSEER' ||
            ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === args.agencyCode);
          return arrayConnection(args, staff ? groups : groups.filter((g) => g.publishedAt !== null));
        }),
    },
    { name: 'SuccessionGroupConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

// ---------------------------------------------------------------------------------------------
// Mapping runs

const TalentMapBoxCountType = builder.simpleObject('TalentBoxCount', {
  fields: (t) => ({ box: t.int(), count: t.int() }),
});

const TalentMappingProgressType = builder.objectRef<TalentMappingProgress>('TalentMappingProgress').implement({
  description: 'Progress of the mapping run of an agency and period (from the workflow)',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    period: t.exposeString('period'),
    status: t.field({ type: TalentMappingStatusEnum, resolve: (p) => p.status }),
    total: t.exposeInt('total', {
      description: 'Employees of the agency: exact when completed, estimated from the share mapped while mapping',
    }),
    processed: t.exposeInt('processed'),
    batchesDone: t.exposeInt('batchesDone'),
    byBox: t.field({
      type: [TalentMapBoxCountType],
      description: 'Mapped employees per box 1..9 so far',
      resolve: (p) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => ({ box, count: p.byBox[String(box)] ?? 0 })),
    }),
    unmapped: t.exposeInt('unmapped'),
    successionGroups: t.exposeInt('successionGroups', { description: 'KRS derived (after the map)' }),
    startedAt: t.field({ type: 'DateTime', resolve: (p) => p.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.finishedAt }),
    percent: t.float({ description: '0–100, one decimal', resolve: (p) => mappingPercent(p) }),
  }),
});

export function mappingPercent(p: Pick<TalentMappingProgress, 'status' | 'processed' | 'total' | 'nextSlot'>): number {
  if (p.status === 'COMPLETED') return 100;
  // Runs mapping by slot: the share of slots done (the total is an estimate until the end).
  if (p.nextSlot !== undefined) return Math.min(100, Math.round((p.nextSlot / EMPLOYEE_BUCKETS) * 1000) / 10);
  if (p.total <= 0) return 0;
  return Math.min(100, Math.round((p.processed / p.total) * 1000) / 10);
}

builder.queryField('talentMappingProgress', (t) =>
  t.field({
    type: TalentMappingProgressType,
    nullable: true,
    description: 'The mapping run of an agency and period; null when none was started (or it is unreachable)',
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string(), period: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        const period = parseInput(periodSchema, args.period, 'period');
        return talentMappingProgress(ctx.temporal, args.agencyCode, period);
      }),
  }),
);

const startMappingSchema = z.object({
  agencyCode: agencyCodeSchema,
  period: periodSchema,
  asOf: z.string().nullish(),
  batchSize: z
    .number()
    .int('Harus bilangan bulat')
    .min(10, 'Paling sedikit 10 pegawai per batch')
    .max(2000, 'Paling banyak 2000 pegawai per batch')
    .nullish(),
});

/** Employees per batch activity when the caller does not say. */
const DEFAULT_BATCH_SIZE = 200;

builder.mutationField('startTalentMapping', (t) =>
  t.field({
    type: TalentMappingProgressType,
    description:
      "Maps every employee of the agency for a period, then derives the KRS of each target post (administrator or the agency's Pansel secretary); a run already going for the period is reused",
    authScopes: { roles: ['PANSEL_SECRETARY', 'ADMIN'] },
    args: {
      agencyCode: t.arg.string(),
      period: t.arg.string({ description: "'2026', '2026-S1' or '2026-S2'" }),
      asOf: t.arg({ type: 'LocalDate', required: false, description: "Default today in the agency's time zone" }),
      batchSize: t.arg.int({ required: false, description: `Employees per batch (default ${DEFAULT_BATCH_SIZE})` }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(startMappingSchema, args, '');
        requireAgencyOperator(ctx, input.agencyCode);
        const agency = await ctx.services.candidate.getAgency(input.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${input.agencyCode} tidak ditemukan`, 'agencyCode');
        const today = localDateOf(new Date(), agency.timeZone);
        const asOf = input.asOf ?? today;
        if (asOf > today) throw gqlError('VALIDATION_FAILED', 'Tanggal acuan tidak boleh di masa depan', 'asOf');
        if (asOf.slice(0, 4) !== input.period.slice(0, 4)) {
          throw gqlError(
            'VALIDATION_FAILED',
            `Tanggal acuan harus pada tahun periode ${input.period.slice(0, 4)}`,
            'asOf',
          );
        }
        const handle = await startTalentMapping(
          ctx.temporal,
          {
            agencyCode: agency.code,
            period: input.period,
            asOf,
            batchSize: input.batchSize ?? DEFAULT_BATCH_SIZE,
            deriveSuccessionGroups: true,
            requestedBy: actorOf(ctx),
          },
          ctx.config.TEMPORAL_TASK_QUEUE,
        );
        ctx.logger.info({ workflowId: handle.workflowId, userId: ctx.user?.id }, 'talent mapping started');
        const progress = await talentMappingProgress(ctx.temporal, agency.code, input.period);
        const starting: TalentMappingProgress = {
          agencyCode: agency.code,
          period: input.period,
          status: 'STARTING',
          total: 0,
          processed: 0,
          batchesDone: 0,
          cursor: null,
          byBox: {},
          unmapped: 0,
          successionGroups: 0,
          startedAt: new Date().toISOString(),
          finishedAt: null,
        };
        return progress ?? starting;
      }),
  }),
);
