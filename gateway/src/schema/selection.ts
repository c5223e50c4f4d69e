import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  announcementRequirementLines,
  checkNip,
  NIP_PROBLEM_TEXT_ID,
  DEFAULT_HOLIDAY_CALENDAR,
  JPT_LEVELS,
  localDateOf,
  periodDeadline,
  vacancyId,
  type SelectionDto,
  type StageEventDto,
  type VacancyDto,
  REASON_TEXT_ID,
} from '@seleksi/domain';
import { DEFAULT_SELECTION_RULES, startOpenSelection, type OpenSelectionInput } from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import type { GraphQLContext } from '../context';
import { DayKindEnum, JptLevelEnum, SelectionStageEnum } from './common';
import { DocumentType } from './document';
import { parseInput } from './input';

const OPERATOR_ROLES = ['PANSEL_SECRETARY', 'ADMIN'] as const;

export const VacancyType = builder.objectRef<VacancyDto>('Vacancy').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
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

export const SelectionType = builder.objectRef<SelectionDto>('Selection').implement({
  description: 'A selection round (seleksi terbuka) holding one or more vacancies; read from the read model',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    agencyCode: t.exposeString('agencyCode'),
    stage: t.field({ type: SelectionStageEnum, resolve: (s) => s.stage }),
    timeZone: t.exposeString('timeZone'),
    announcementDate: t.field({ type: 'LocalDate', resolve: (s) => s.announcementDate }),
    registrationClosesAt: t.field({ type: 'DateTime', resolve: (s) => s.registrationClosesAt }),
    vacancies: t.field({ type: [VacancyType], resolve: (s) => s.vacancies }),
    stageHistory: t.field({ type: [StageEventType], resolve: (s) => s.stageHistory ?? [] }),
    announcement: t.field({
      type: DocumentType,
      nullable: true,
      resolve: (s, _a, ctx) => (s.announcementDocumentId ? ctx.loaders.document.load(s.announcementDocumentId) : null),
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
function canSee(ctx: GraphQLContext, s: SelectionDto): boolean {
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
      const page = await typed(() =>
        ctx.services.candidate.listSelections({
          agencyCode: args.agencyCode ?? undefined,
          stage: args.stage ?? undefined,
          limit,
          after: args.after ?? undefined,
        }),
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

const createSelectionSchema = z.object({
  title: z.string().trim().min(5, 'Judul minimal 5 karakter').max(200),
  announcementDate: z.string(),
  registrationDays: z.number().int().min(1, 'Minimal 1 hari').max(60, 'Maksimal 60 hari').optional(),
  registrationDayKind: z.enum(['CALENDAR', 'WORKING']).optional(),
  minApplicantsPerVacancy: z.number().int().min(3, 'Minimal 3 pelamar').max(50).optional(),
  vacanciesPerCandidate: z.number().int().min(1).max(5).optional(),
  vacancies: z
    .array(
      z.object({
        level: z.enum(JPT_LEVELS),
        position: z.string().trim().min(3, 'Nama jabatan minimal 3 karakter').max(200),
        unit: z.string().trim().min(3, 'Unit kerja minimal 3 karakter').max(200),
      }),
    )
    .min(1, 'Minimal satu lowongan')
    .max(30, 'Maksimal 30 lowongan'),
  signatoryName: z.string().trim().min(3).max(200).optional(),
  signatoryTitle: z.string().trim().min(3).max(200).optional(),
  signatoryNip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, 'NIP harus 18 angka')
    .optional(),
});

const VacancyInput = builder.inputType('VacancyInput', {
  fields: (t) => ({
    level: t.field({ type: JptLevelEnum }),
    position: t.string(),
    unit: t.string(),
  }),
});

const CreateSelectionInput = builder.inputType('CreateSelectionInput', {
  fields: (t) => ({
    title: t.string(),
    announcementDate: t.field({ type: 'LocalDate' }),
    registrationDays: t.int({ required: false, description: 'Default 15' }),
    registrationDayKind: t.field({ type: DayKindEnum, required: false, description: 'Default CALENDAR' }),
    minApplicantsPerVacancy: t.int({ required: false, description: 'Default 4' }),
    vacanciesPerCandidate: t.int({ required: false, description: 'Default 1' }),
    vacancies: t.field({ type: [VacancyInput] }),
    signatoryName: t.string({ required: false }),
    signatoryTitle: t.string({ required: false }),
    signatoryNip: t.string({ required: false }),
  }),
});

function newSelectionId(now: Date): string {
  // Readable and unguessable enough; never personal data.
  return `JPT-${now.getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;
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
        if (input.announcementDate < localDateOf(now, agency.timeZone)) {
          throw gqlError('VALIDATION_FAILED', 'Tanggal pengumuman tidak boleh di masa lalu', 'input.announcementDate');
        }
        const rules = {
          ...DEFAULT_SELECTION_RULES,
          registrationDays: input.registrationDays ?? DEFAULT_SELECTION_RULES.registrationDays,
          registrationDayKind: input.registrationDayKind ?? DEFAULT_SELECTION_RULES.registrationDayKind,
          minApplicantsPerVacancy: input.minApplicantsPerVacancy ?? DEFAULT_SELECTION_RULES.minApplicantsPerVacancy,
          vacanciesPerCandidate: input.vacanciesPerCandidate ?? DEFAULT_SELECTION_RULES.vacanciesPerCandidate,
        };
        let closesAt: Date;
        try {
          closesAt = periodDeadline(
            input.announcementDate,
            rules.registrationDays,
            rules.registrationDayKind,
            agency.timeZone,
            DEFAULT_HOLIDAY_CALENDAR,
          ).closesAt;
        } catch (err) {
          throw gqlError('VALIDATION_FAILED', (err as Error).message, 'input.registrationDayKind');
        }
        const selectionId = newSelectionId(now);
        const vacancies = input.vacancies.map((v, i) => ({ id: vacancyId(selectionId, i), ...v }));
        const wfInput: OpenSelectionInput = {
          selectionId,
          agency,
          title: input.title,
          announcementDate: input.announcementDate,
          registrationClosesAt: closesAt.toISOString(),
          vacancies,
          rules,
          requirements: announcementRequirementLines(vacancies.map((v) => v.level)),
          signatory: {
            name: input.signatoryName ?? user.displayName,
            title: input.signatoryTitle ?? 'Ketua Panitia Seleksi',
            nip: input.signatoryNip ?? null,
          },
          createdBy: { userId: user.id, role: user.role, displayName: user.displayName },
          createdAt: now.toISOString(),
        };
        const handle = await startOpenSelection(ctx.temporal, wfInput, ctx.config.TEMPORAL_TASK_QUEUE);
        ctx.logger.info({ workflowId: handle.workflowId, userId: user.id }, 'selection started');
        // The read model is written by the workflow's first activity; answer from the pinned input now.
        const created: SelectionDto = {
          id: selectionId,
          agencyCode: agency.code,
          title: wfInput.title,
          workflowId: handle.workflowId,
          stage: 'PLANNED',
          timeZone: agency.timeZone,
          announcementDate: wfInput.announcementDate,
          registrationClosesAt: wfInput.registrationClosesAt,
          vacancies: vacancies.map((v) => ({ ...v, status: 'OPEN' })),
          announcementDocumentId: null,
          stageHistory: [],
          createdBy: wfInput.createdBy,
          createdAt: wfInput.createdAt,
        };
        return created;
      }),
  }),
);
