/** The mapping run of an agency and period (a workflow) and its progress. */
import { z } from 'zod';
import { localDateOf, EMPLOYEE_BUCKETS } from '@seleksi/domain';
import {
  startingMappingProgress,
  startTalentMapping,
  talentMappingProgress,
  type TalentMappingProgress,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { actorOf } from './decision';
import { parseInput } from './input';

import {
  TALENT_ROLES,
  requireAgencyAccess,
  requireAgencyOperator,
  TalentMappingStatusEnum,
  agencyCodeSchema,
} from './talent';
import { periodSchema } from './talent-map';

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
        return progress ?? startingMappingProgress(agency.code, input.period, new Date().toISOString());
      }),
  }),
);
