import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  addCalendarDays,
  announcementRequirementLines,
  buildSelectionRules,
  checkNip,
  DEFAULT_SELECTION_RULES,
  incumbentLockedUntil,
  isIncumbentLocked,
  JPT_LEVELS,
  localDateOf,
  NIP_PROBLEM_TEXT_ID,
  agencyKindOf,
  parseRank,
  periodDeadline,
  rankLabel,
  REASON_TEXT_ID,
  SCORE_COMPONENTS,
  selectionIdOfVacancy,
  validateSelectionRules,
  vacancyId,
  type AgencyDto,
  type EligibilityRules,
  type JptLevel,
  type SelectionRules,
  type SelectionRulesOverrides,
  type StageEventDto,
  type VacancyDto,
} from '@seleksi/domain';
import { startOpenSelection, type OpenSelectionInput, type VacancyPlan } from '@seleksi/workflows';
import type { SelectionSummaryDto } from '@seleksi/kit';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import type { GraphQLContext } from '../context';
import { DayKindEnum, JptLevelEnum, SelectionStageEnum } from './common';
import { DocumentType } from './document';
import { fieldPerKey } from './field-lists';
import { parseInput } from './input';
import { OverseerEraEnum, SelectionScopeEnum } from './process-enums';
import { currentDefaults } from './rule-set-store';

/**
 * The read model, plus the training-mode flag when known without asking Temporal; the stage history
 * only when at hand (lists and loaders read summaries, the field loads it when asked for).
 */
export type SelectionView = SelectionSummaryDto & { stageHistory?: StageEventDto[]; simulation?: boolean };

const OPERATOR_ROLES = ['PANSEL_SECRETARY', 'ADMIN'] as const;

export const VacancyType = builder.node(builder.objectRef<VacancyDto>('Vacancy'), {
  id: { resolve: (v) => v.id },
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'position' in v && !('vacancies' in v),
  loadOne: async (id, ctx) => {
    const selectionId = selectionIdOfVacancy(id);
    const s = selectionId ? await typed(() => ctx.loaders.selection.load(selectionId)) : null;
    return s && canSee(ctx, s) ? (s.vacancies.find((v) => v.id === id) ?? null) : null;
  },
  fields: (t) => ({
    level: t.field({ type: JptLevelEnum, resolve: (v) => v.level }),
    position: t.exposeString('position'),
    unit: t.exposeString('unit'),
    status: t.exposeString('status'),
  }),
});

const StageEventType = builder.objectRef<StageEventDto>('StageEvent').implement({
  fields: (t) => ({
    stage: t.field({ type: SelectionStageEnum, resolve: (e) => e.stage }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    reasonCode: t.exposeString('reasonCode'),
    reasonText: t.string({ resolve: (e) => REASON_TEXT_ID[e.reasonCode] ?? e.reasonCode }),
    expectedNextAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.expectedNextAt ?? null }),
  }),
});

function temporalUiUrl(ctx: GraphQLContext, workflowId: string): string {
  const ns = encodeURIComponent(ctx.config.TEMPORAL_NAMESPACE);
  return `${ctx.config.TEMPORAL_UI_URL}/namespaces/${ns}/workflows/${encodeURIComponent(workflowId)}`;
}

function isOperator(ctx: GraphQLContext): boolean {
  return ctx.user !== null && (OPERATOR_ROLES as readonly string[]).includes(ctx.user.role);
}

export const SelectionType = builder.node(builder.objectRef<SelectionView>('Selection'), {
  description: 'A selection round (seleksi terbuka) holding one or more vacancies; read from the read model',
  id: { resolve: (s) => s.id },
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'vacancies' in v && 'workflowId' in v,
  // node(id:) applies the same rule as selection(id:).
  loadOne: async (id, ctx) => {
    const s = await typed(() => ctx.loaders.selection.load(id));
    return s && canSee(ctx, s) ? s : null;
  },
  fields: (t) => ({
    title: t.exposeString('title'),
    agencyCode: t.exposeString('agencyCode'),
    stage: t.field({ type: SelectionStageEnum, resolve: (s) => s.stage }),
    timeZone: t.exposeString('timeZone'),
    announcementDate: t.field({ type: 'LocalDate', resolve: (s) => s.announcementDate }),
    registrationClosesAt: t.field({ type: 'DateTime', resolve: (s) => s.registrationClosesAt }),
    vacancies: t.field({ type: [VacancyType], resolve: (s) => s.vacancies }),
    stageHistory: t.field({
      type: [StageEventType],
      resolve: (s, _a, ctx) => s.stageHistory ?? ctx.loaders.stageHistory.load(s.id),
    }),
    announcement: t.field({
      type: DocumentType,
      nullable: true,
      resolve: (s, _a, ctx) => (s.announcementDocumentId ? ctx.loaders.document.load(s.announcementDocumentId) : null),
    }),
    simulation: t.boolean({
      description: 'Training mode (simulasi): every day of the process lasts a few seconds',
      resolve: async (s, _a, ctx) => {
        if (typeof s.simulation === 'boolean') return s.simulation;
        // The read model does not carry the flag yet: ask the workflow (an unreachable one is not simulated).
        const state = await ctx.loaders.summary.load(s.id).catch(() => null);
        return state?.simulation ?? false;
      },
    }),
    workflowId: t.exposeString('workflowId'),
    temporalUiUrl: t.string({
      nullable: true,
      description: 'Link to the workflow in the Temporal UI (operators only; null for others)',
      resolve: (s, _a, ctx) => (isOperator(ctx) ? temporalUiUrl(ctx, s.workflowId) : null),
    }),
  }),
});

/** Selections still being planned are visible only to the agency's staff. */
export function canSee(ctx: GraphQLContext, s: SelectionSummaryDto): boolean {
  if (s.stage !== 'PLANNED') return true;
  return (
    ctx.user !== null &&
    ctx.user.role !== 'CANDIDATE' &&
    (ctx.user.role === 'ADMIN' || ctx.user.agencyCode === s.agencyCode)
  );
}

builder.queryField('selection', (t) =>
  t.field({
    type: SelectionType,
    nullable: true,
    args: { id: t.arg.id() },
    resolve: async (_r, { id }, ctx) => {
      const s = await typed(() => ctx.loaders.selection.load(String(id)));
      return s && canSee(ctx, s) ? s : null;
    },
  }),
);

builder.queryField('selections', (t) =>
  t.connection({
    type: SelectionType,
    description: 'Selection rounds, newest first',
    args: {
      agencyCode: t.arg.string({ required: false }),
      stage: t.arg({ type: SelectionStageEnum, required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const limit = Math.min(Math.max(args.first ?? 20, 1), 100);
      const query = {
        agencyCode: args.agencyCode ?? undefined,
        stage: args.stage ?? undefined,
        limit,
        after: args.after ?? undefined,
      };
      const page = await typed(() =>
        ctx.shared.one(
          'selections',
          JSON.stringify(query),
          () => ctx.services.candidate.listSelectionSummaries(query),
          (p) => 1 + p.items.length,
        ),
      );
      const items = page.items.filter((s) => canSee(ctx, s));
      for (const s of items) ctx.loaders.selection.prime(s.id, s);
      return {
        edges: items.map((node) => ({ cursor: node.id, node })),
        pageInfo: {
          hasNextPage: page.nextCursor !== null,
          hasPreviousPage: Boolean(args.after),
          startCursor: items[0]?.id ?? null,
          endCursor: page.nextCursor ?? items.at(-1)?.id ?? null,
        },
      };
    },
  }),
);

const today = () => new Date();

/** Default days between the announcement and the planned inauguration. */
const DEFAULT_INAUGURATION_AFTER_DAYS = 60;

const localDate = z.string();

/** Overrides of the default rules (createSelection, changeSelectionDefaults). */
export const selectionRulesSchema = z.object({
  weights: z
    .object({
      assessment: z.number(),
      paper: z.number(),
      presentation: z.number(),
      interview: z.number(),
      trackRecord: z.number(),
    })
    .nullish(),
  passMark: z.number().nullish(),
  assessmentValidityMonths: z.number().nullish(),
  minApplicantsPerVacancy: z.number().nullish(),
  vacanciesPerCandidate: z.number().nullish(),
  registrationDays: z.number().nullish(),
  registrationDayKind: z.enum(['CALENDAR', 'WORKING']).nullish(),
  extensionDays: z.number().nullish(),
  extensionMaxTimes: z.number().nullish(),
  extensionDayKind: z.enum(['CALENDAR', 'WORKING']).nullish(),
  objectionWorkingDays: z.number().nullish(),
  calibrationThreshold: z.number().nullish(),
  maxCalibrationRounds: z.number().nullish(),
  overseerEra: z.enum(['KASN', 'BKN', 'GENERIC']).nullish(),
  overseerDecisionWorkingDays: z.number().nullish(),
  overseerSilenceMeansApproval: z.boolean().nullish(),
  scope: z.enum(['NATIONAL', 'PROVINCE']).nullish(),
  panselMinMembers: z.number().nullish(),
  panselMaxMembers: z.number().nullish(),
  panselMinExternalShare: z.number().nullish(),
  minRank: z
    .object({ utama: z.string().nullish(), madya: z.string().nullish(), pratama: z.string().nullish() })
    .nullish(),
});

const createSelectionSchema = z.object({
  title: z.string().trim().min(5, 'Judul minimal 5 karakter').max(200),
  announcementDate: localDate,
  plannedInaugurationDate: localDate.nullish(),
  registrationDays: z.number().int().min(1, 'Minimal 1 hari').max(60, 'Maksimal 60 hari').nullish(),
  registrationDayKind: z.enum(['CALENDAR', 'WORKING']).nullish(),
  minApplicantsPerVacancy: z.number().int().min(3, 'Minimal 3 pelamar').max(50).nullish(),
  vacanciesPerCandidate: z.number().int().min(1).max(5).nullish(),
  vacancies: z
    .array(
      z.object({
        level: z.enum(JPT_LEVELS),
        position: z.string().trim().min(3, 'Nama jabatan minimal 3 karakter').max(200),
        unit: z.string().trim().min(3, 'Unit kerja minimal 3 karakter').max(200),
        field: z.string().trim().max(200, 'Bidang paling banyak 200 karakter').nullish(),
        regionalSecretary: z.boolean().nullish(),
        incumbentInauguratedOn: localDate.nullish(),
      }),
    )
    .min(1, 'Minimal satu lowongan')
    .max(30, 'Maksimal 30 lowongan'),
  ppkTitle: z.string().trim().min(3, 'Jabatan PPK minimal 3 karakter').max(200).nullish(),
  rules: selectionRulesSchema.nullish(),
  simulationSecondsPerDay: z
    .number()
    .int('Harus bilangan bulat')
    .min(1, 'Paling sedikit 1 detik per hari')
    .max(3600, 'Paling banyak 3600 detik per hari')
    .nullish(),
  signatoryName: z.string().trim().min(3).max(200).nullish(),
  signatoryTitle: z.string().trim().min(3).max(200).nullish(),
  signatoryNip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, 'NIP harus 18 angka')
    .nullish(),
});

/** A post to fill: a vacancy of an open selection, or the post of a talent-pool filling. */
export const VacancyInput = builder.inputType('VacancyInput', {
  fields: (t) => ({
    level: t.field({ type: JptLevelEnum }),
    position: t.string(),
    unit: t.string(),
    field: t.string({
      required: false,
      description: "Field of duty (bidang), matched against the candidates' career fields for related experience",
    }),
    regionalSecretary: t.boolean({ required: false, description: 'The post is a regional secretary (Sekda)' }),
    incumbentInauguratedOn: t.field({
      type: 'LocalDate',
      required: false,
      description: 'Inauguration date of the current holder: a JPT cannot be replaced within 2 years',
    }),
  }),
});

/** The description of ScoringWeights and of its input (one Int per score component, both). */
export const WEIGHTS_DESCRIPTION = 'Weights in percent (integers summing to 100)';

const ScoringWeightsInput = builder.inputType('ScoringWeightsInput', {
  description: WEIGHTS_DESCRIPTION,
  fields: (t) => fieldPerKey(SCORE_COMPONENTS, () => t.int()),
});

const MinRankInput = builder.inputType('MinRankInput', {
  description: "Lowest rank per JPT level, e.g. 'IV/b'",
  fields: (t) => ({
    utama: t.string({ required: false }),
    madya: t.string({ required: false }),
    pratama: t.string({ required: false }),
  }),
});

export const SelectionRulesInput = builder.inputType('SelectionRulesInput', {
  description: 'Overrides of the default rules, pinned on the selection when it starts',
  fields: (t) => ({
    weights: t.field({ type: ScoringWeightsInput, required: false }),
    passMark: t.float({ required: false }),
    assessmentValidityMonths: t.int({ required: false }),
    minApplicantsPerVacancy: t.int({ required: false }),
    vacanciesPerCandidate: t.int({ required: false }),
    registrationDays: t.int({ required: false }),
    registrationDayKind: t.field({ type: DayKindEnum, required: false }),
    extensionDays: t.int({ required: false }),
    extensionMaxTimes: t.int({ required: false }),
    extensionDayKind: t.field({ type: DayKindEnum, required: false }),
    objectionWorkingDays: t.int({ required: false }),
    calibrationThreshold: t.float({ required: false }),
    maxCalibrationRounds: t.int({ required: false }),
    overseerEra: t.field({
      type: OverseerEraEnum,
      required: false,
      description: "The era's defaults apply before the other overseer fields",
    }),
    overseerDecisionWorkingDays: t.int({ required: false }),
    overseerSilenceMeansApproval: t.boolean({ required: false }),
    scope: t.field({ type: SelectionScopeEnum, required: false }),
    panselMinMembers: t.int({ required: false }),
    panselMaxMembers: t.int({ required: false }),
    panselMinExternalShare: t.float({ required: false, description: '0–1' }),
    minRank: t.field({ type: MinRankInput, required: false }),
  }),
});

const CreateSelectionInput = builder.inputType('CreateSelectionInput', {
  fields: (t) => ({
    title: t.string(),
    announcementDate: t.field({ type: 'LocalDate' }),
    plannedInaugurationDate: t.field({
      type: 'LocalDate',
      required: false,
      description: `Age limits are checked on this date (default ${DEFAULT_INAUGURATION_AFTER_DAYS} days after the announcement)`,
    }),
    registrationDays: t.int({ required: false, description: 'Default 15 (rules.registrationDays wins)' }),
    registrationDayKind: t.field({ type: DayKindEnum, required: false, description: 'Default CALENDAR' }),
    minApplicantsPerVacancy: t.int({ required: false, description: 'Default 4' }),
    vacanciesPerCandidate: t.int({ required: false, description: 'Default 1' }),
    vacancies: t.field({ type: [VacancyInput] }),
    ppkTitle: t.string({ required: false, description: "The appointing official's title (default from the agency)" }),
    rules: t.field({ type: SelectionRulesInput, required: false }),
    simulationSecondsPerDay: t.int({
      required: false,
      description: 'Training mode: every day of the process lasts this many seconds (1–3600)',
    }),
    signatoryName: t.string({ required: false }),
    signatoryTitle: t.string({ required: false }),
    signatoryNip: t.string({ required: false }),
  }),
});

function newSelectionId(now: Date): string {
  // Readable and unguessable enough; never personal data.
  return `JPT-${now.getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * The appointing official's title: the PPK recorded for the agency, else from its kind and name
 * ('Gubernur Kalimantan Timur', 'Bupati Kutai Kartanegara', …).
 */
export function defaultPpkTitle(agency: AgencyDto): string {
  const ppk = agency.officials?.find((o) => o.role === 'PPK');
  if (ppk) return ppk.title;
  const region = (prefix: RegExp) => agency.region || agency.name.replace(prefix, '').trim();
  switch (agencyKindOf(agency.kind, agency.name)) {
    case 'PROVINSI':
      return `Gubernur ${agency.region || agency.province}`;
    case 'KABUPATEN':
      return `Bupati ${region(/^Pemerintah\s+Kabupaten\s+/i)}`;
    case 'KOTA':
      return `Wali Kota ${region(/^Pemerintah\s+Kota\s+/i)}`;
    case 'KEMENTERIAN':
      return agency.name.replace(/^Kementerian\s+/i, 'Menteri ');
    case 'LEMBAGA':
      return `Kepala ${agency.name}`;
  }
}

type CreateSelectionArgs = z.infer<typeof createSelectionSchema>;

/**
 * The pinned rules: `base` (the stored defaults, else the shipped ones), then the legacy top-level fields,
 * then `rules`; INVALID_RULES names the field.
 */
export function rulesFor(
  input: Partial<
    Pick<
      CreateSelectionArgs,
      'registrationDays' | 'registrationDayKind' | 'minApplicantsPerVacancy' | 'vacanciesPerCandidate'
    >
  > & {
    rules?: CreateSelectionArgs['rules'];
  },
  base: SelectionRules = DEFAULT_SELECTION_RULES,
  fieldPrefix = 'input',
) {
  const r = input.rules ?? {};
  const u = <T>(v: T | null | undefined): T | undefined => v ?? undefined;
  const rank = (level: JptLevel, raw: string | null | undefined) =>
    raw == null ? base.eligibility.minRank[level] : (parseRank(raw) ?? raw);
  const overrides: SelectionRulesOverrides = {
    registrationDays: u(r.registrationDays ?? input.registrationDays),
    registrationDayKind: u(r.registrationDayKind ?? input.registrationDayKind),
    minApplicantsPerVacancy: u(r.minApplicantsPerVacancy ?? input.minApplicantsPerVacancy),
    vacanciesPerCandidate: u(r.vacanciesPerCandidate ?? input.vacanciesPerCandidate),
    scope: u(r.scope),
    extension: { days: u(r.extensionDays), maxTimes: u(r.extensionMaxTimes), dayKind: u(r.extensionDayKind) },
    scoring: {
      weights: u(r.weights),
      passMark: u(r.passMark),
      assessmentValidityMonths: u(r.assessmentValidityMonths),
    },
    interview: { calibrationThreshold: u(r.calibrationThreshold), maxCalibrationRounds: u(r.maxCalibrationRounds) },
    pansel: {
      minMembers: u(r.panselMinMembers),
      maxMembers: u(r.panselMaxMembers),
      minExternalShare: u(r.panselMinExternalShare),
    },
    objections: { workingDays: u(r.objectionWorkingDays) },
    overseer: {
      era: u(r.overseerEra),
      decisionWorkingDays: u(r.overseerDecisionWorkingDays),
      silenceMeansApproval: u(r.overseerSilenceMeansApproval),
    },
    eligibility: r.minRank
      ? {
          // An unreadable rank is kept as typed, so validateSelectionRules names it.
          minRank: {
            UTAMA: rank('UTAMA', r.minRank.utama),
            MADYA: rank('MADYA', r.minRank.madya),
            PRATAMA: rank('PRATAMA', r.minRank.pratama),
          } as EligibilityRules['minRank'],
        }
      : undefined,
  };
  const rules = buildSelectionRules(overrides, base);
  const problems = validateSelectionRules(rules);
  if (problems.length > 0) {
    const field = problems[0]!.field;
    throw gqlError(
      'INVALID_RULES',
      problems.map((p) => p.message).join('; '),
      fieldPrefix ? `${fieldPrefix}.${field}` : field,
    );
  }
  return rules;
}

builder.mutationField('createSelection', (t) =>
  t.field({
    type: SelectionType,
    description: 'Plans a selection round and starts its workflow (Pansel secretary of the agency)',
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: { input: t.arg({ type: CreateSelectionInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(createSelectionSchema, args.input);
        const user = ctx.user!;
        if (input.signatoryNip) {
          const nip = checkNip(input.signatoryNip);
          if (!nip.ok) throw gqlError('INVALID_NIP', NIP_PROBLEM_TEXT_ID[nip.problem], 'input.signatoryNip');
        }
        if (!user.agencyCode) throw gqlError('FORBIDDEN', 'Akun ini tidak terhubung dengan instansi');
        const agency = await ctx.services.candidate.getAgency(user.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${user.agencyCode} tidak ditemukan`, 'agencyCode');
        const now = today();
        const localToday = localDateOf(now, agency.timeZone);
        if (input.announcementDate < localToday) {
          throw gqlError('VALIDATION_FAILED', 'Tanggal pengumuman tidak boleh di masa lalu', 'input.announcementDate');
        }
        const plannedInaugurationDate =
          input.plannedInaugurationDate ?? addCalendarDays(input.announcementDate, DEFAULT_INAUGURATION_AFTER_DAYS);
        if (plannedInaugurationDate <= input.announcementDate) {
          throw gqlError(
            'VALIDATION_FAILED',
            'Rencana pelantikan harus sesudah tanggal pengumuman',
            'input.plannedInaugurationDate',
          );
        }
        for (const [i, v] of input.vacancies.entries()) {
          const inc = v.incumbentInauguratedOn;
          if (!inc) continue;
          const field = `input.vacancies.${i}.incumbentInauguratedOn`;
          if (inc > localToday)
            throw gqlError('VALIDATION_FAILED', 'Tanggal pelantikan pejabat lama di masa depan', field);
          // The post changes hands at the planned inauguration: the incumbent must have served 2 years by then.
          if (isIncumbentLocked(inc, plannedInaugurationDate)) {
            throw gqlError(
              'INCUMBENT_LOCKED',
              `Pejabat yang sedang menjabat dilantik ${inc} dan belum dapat diganti sebelum ${addCalendarDays(incumbentLockedUntil(inc), 1)} (2 tahun sejak pelantikan)`,
              field,
            );
          }
        }
        // The agency's stored defaults, else the national ones, else the shipped ones; the round pins its copy.
        const rules = rulesFor(input, await currentDefaults(ctx, agency.code));
        // National holidays (decreed or, for a year without its SKB, computed) plus the agency's regional days off.
        const calendar = await ctx.services.candidate.getAgencyCalendar(agency.code);
        let closesAt: Date;
        try {
          closesAt = periodDeadline(
            input.announcementDate,
            rules.registrationDays,
            rules.registrationDayKind,
            agency.timeZone,
            calendar,
          ).closesAt;
        } catch (err) {
          throw gqlError('VALIDATION_FAILED', (err as Error).message, 'input.registrationDayKind');
        }
        const selectionId = newSelectionId(now);
        const vacancies: VacancyPlan[] = input.vacancies.map((v, i) => ({
          id: vacancyId(selectionId, i),
          level: v.level,
          position: v.position,
          unit: v.unit,
          field: v.field || null,
          regionalSecretary: v.regionalSecretary ?? false,
          incumbentInauguratedOn: v.incumbentInauguratedOn ?? null,
        }));
        const levels = [...new Set(vacancies.map((v) => v.level))];
        const wfInput: OpenSelectionInput = {
          selectionId,
          agency,
          title: input.title,
          announcementDate: input.announcementDate,
          registrationClosesAt: closesAt.toISOString(),
          plannedInaugurationDate,
          vacancies,
          rules,
          calendar,
          requirements: announcementRequirementLines(
            vacancies.map((v) => v.level),
            levels.length === 1 ? { minRank: rankLabel(rules.eligibility.minRank[levels[0]!]) } : {},
          ),
          signatory: {
            name: input.signatoryName ?? user.displayName,
            title: input.signatoryTitle ?? 'Ketua Panitia Seleksi',
            nip: input.signatoryNip ?? null,
          },
          ppkTitle: input.ppkTitle ?? defaultPpkTitle(agency),
          simulation: input.simulationSecondsPerDay ? { secondsPerDay: input.simulationSecondsPerDay } : null,
          createdBy: { userId: user.id, role: user.role, displayName: user.displayName },
          createdAt: now.toISOString(),
          ...(ctx.config.LATE_RECEIPT_GRACE_SECONDS !== undefined
            ? { lateReceiptGraceSeconds: ctx.config.LATE_RECEIPT_GRACE_SECONDS }
            : {}),
          ...(ctx.config.SELECTION_CONTINUE_AS_NEW_EVENTS
            ? { continueAsNewAfterEvents: ctx.config.SELECTION_CONTINUE_AS_NEW_EVENTS }
            : {}),
        };
        const handle = await startOpenSelection(ctx.temporal, wfInput, ctx.config.TEMPORAL_TASK_QUEUE);
        ctx.logger.info({ workflowId: handle.workflowId, userId: user.id }, 'selection started');
        // The read model is written by the workflow's first activity; answer from the pinned input now.
        const created: SelectionView = {
          id: selectionId,
          agencyCode: agency.code,
          title: wfInput.title,
          workflowId: handle.workflowId,
          stage: 'PLANNED',
          timeZone: agency.timeZone,
          announcementDate: wfInput.announcementDate,
          registrationClosesAt: wfInput.registrationClosesAt,
          vacancies: vacancies.map((v) => ({
            id: v.id,
            level: v.level,
            position: v.position,
            unit: v.unit,
            status: 'OPEN',
          })),
          announcementDocumentId: null,
          stageHistory: [],
          createdBy: wfInput.createdBy,
          createdAt: wfInput.createdAt,
          simulation: wfInput.simulation !== null,
        };
        return created;
      }),
  }),
);
