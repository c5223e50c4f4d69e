/**
 * The ASN professionalism index (IP ASN, domain.md §4): an agency's distribution by category and average
 * per period, every agency's for the overseer (the oversight view reads `ipAsnSummaries`), an employee's
 * index with its four dimension scores, and the run that computes a period (a workflow per agency and
 * period; weights and tables from the gateway's configuration, pinned into the run).
 */
import { z } from 'zod';
import {
  EMPLOYEE_BUCKETS,
  emptyIpAsnTally,
  IP_ASN_CATEGORIES,
  IP_ASN_CATEGORY_NAMES,
  IP_ASN_DIMENSION_NAMES,
  IP_ASN_DIMENSIONS,
  IP_ASN_GAP_TEXT_ID,
  localDateOf,
  type IpAsnCategory,
  type IpAsnScoreDto,
  type IpAsnSummaryDto,
} from '@seleksi/domain';
import { IP_ASN_RUN_STATUSES, ipAsnRunProgress, startIpAsnRun, type IpAsnRunProgress } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { actorOf } from './decision';
import { parseInput } from './input';
import { requireAgencyAccess, requireAgencyOperator, TALENT_ROLES } from './talent';

export const IpAsnCategoryEnum = builder.enumType('IpAsnCategory', { values: IP_ASN_CATEGORIES });
const IpAsnDimensionEnum = builder.enumType('IpAsnDimension', { values: IP_ASN_DIMENSIONS });
const IpAsnRunStatusEnum = builder.enumType('IpAsnRunStatus', { values: IP_ASN_RUN_STATUSES });

const categoryLabel = (c: IpAsnCategory | null) => (c ? IP_ASN_CATEGORY_NAMES[c] : null);

const IpAsnCategoryCountType = builder.simpleObject('IpAsnCategoryCount', {
  fields: (t) => ({
    category: t.field({ type: IpAsnCategoryEnum }),
    label: t.string({ description: "'Sangat Tinggi' … 'Sangat Rendah'" }),
    count: t.int(),
  }),
});

const IpAsnWeightType = builder.simpleObject('IpAsnWeight', {
  fields: (t) => ({
    dimension: t.field({ type: IpAsnDimensionEnum }),
    label: t.string(),
    weight: t.int({ description: 'Percent' }),
  }),
});

export const IpAsnSummaryType = builder.objectRef<IpAsnSummaryDto>('IpAsnSummary').implement({
  description: "An agency's IP ASN for a period: employees per category and the average",
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    period: t.string({ description: "The calendar year measured ('2025')", resolve: (s) => String(s.period) }),
    employees: t.exposeInt('employees'),
    average: t.float({
      nullable: true,
      description: 'Two decimals; null without employees',
      resolve: (s) => s.average,
    }),
    category: t.field({ type: IpAsnCategoryEnum, nullable: true, resolve: (s) => s.category }),
    categoryLabel: t.string({ nullable: true, resolve: (s) => categoryLabel(s.category) }),
    distribution: t.field({
      type: [IpAsnCategoryCountType],
      description: 'Every category, highest first (zeros included)',
      resolve: (s) =>
        IP_ASN_CATEGORIES.map((category) => ({
          category,
          label: IP_ASN_CATEGORY_NAMES[category],
          count: s.counts[category] ?? 0,
        })),
    }),
    weights: t.field({
      type: [IpAsnWeightType],
      description: 'The weights the period was computed with',
      resolve: (s) =>
        IP_ASN_DIMENSIONS.map((d) => ({ dimension: d, label: IP_ASN_DIMENSION_NAMES[d], weight: s.weights[d] ?? 0 })),
    }),
    settingsVersion: t.exposeString('settingsVersion'),
    computedAt: t.field({ type: 'DateTime', resolve: (s) => s.computedAt }),
  }),
});

const IpAsnDimensionScoreType = builder.simpleObject('IpAsnDimensionScore', {
  fields: (t) => ({
    dimension: t.field({ type: IpAsnDimensionEnum }),
    label: t.string(),
    score: t.float({ description: '0–100' }),
    weight: t.int({ description: 'Percent' }),
    weighted: t.float({ description: "The dimension's share of the index (score × weight / 100)" }),
  }),
});

const EmployeeIpAsnType = builder.objectRef<IpAsnScoreDto>('EmployeeIpAsn').implement({
  description: "An employee's IP ASN for a period, with its four dimensions",
  fields: (t) => ({
    employeeId: t.id({ resolve: (s) => s.profileId }),
    name: t.string({
      nullable: true,
      resolve: async (s, _a, ctx) => (await ctx.loaders.profile.load(s.profileId))?.name ?? null,
    }),
    agencyCode: t.exposeString('agencyCode'),
    period: t.string({ resolve: (s) => String(s.period) }),
    total: t.float({ description: '0–100, two decimals', resolve: (s) => s.total }),
    category: t.field({ type: IpAsnCategoryEnum, resolve: (s) => s.category }),
    categoryLabel: t.string({ resolve: (s) => IP_ASN_CATEGORY_NAMES[s.category] }),
    dimensions: t.field({
      type: [IpAsnDimensionScoreType],
      resolve: (s) => s.dimensions.map((d) => ({ ...d, label: IP_ASN_DIMENSION_NAMES[d.dimension] })),
    }),
    gaps: t.stringList({
      description: 'Data the import lacked for this period (what cost points), in Bahasa Indonesia',
      resolve: (s) => s.gaps.map((g) => IP_ASN_GAP_TEXT_ID[g]),
    }),
    settingsVersion: t.exposeString('settingsVersion'),
    computedAt: t.field({ type: 'DateTime', resolve: (s) => s.computedAt }),
  }),
});

const IpAsnRunType = builder.objectRef<IpAsnRunProgress>('IpAsnRun').implement({
  description: 'The computation of an agency and period (from the workflow)',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode'),
    period: t.string({ resolve: (s) => String(s.period) }),
    status: t.field({ type: IpAsnRunStatusEnum, resolve: (p) => p.status }),
    employeesScored: t.int({ resolve: (p) => p.tally.employees }),
    percent: t.float({
      description: '0–100, one decimal (share of the slots scored)',
      resolve: (p) => (p.status === 'COMPLETED' ? 100 : Math.round((p.nextSlot / EMPLOYEE_BUCKETS) * 1000) / 10),
    }),
    startedAt: t.field({ type: 'DateTime', resolve: (p) => p.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.finishedAt }),
  }),
});

/** A year, as a string like the talent map's periods ('2025'). */
const periodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'Periode IP ASN berupa tahun, mis. 2025')
  .transform(Number)
  .refine((y) => y >= 2000, 'Periode paling awal 2000');

function period(v: string): number {
  return parseInput(periodSchema, v, 'period');
}

builder.queryField('ipAsnSummary', (t) =>
  t.field({
    type: IpAsnSummaryType,
    nullable: true,
    description: "An agency's IP ASN for a period; null when not computed",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string(), period: t.arg.string({ description: "The year, e.g. '2025'" }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        return ctx.services.candidate.getIpAsnSummary(args.agencyCode, period(args.period));
      }),
  }),
);

builder.queryField('ipAsnSummaries', (t) =>
  t.field({
    type: [IpAsnSummaryType],
    description:
      "Every agency's IP ASN of a period, by agency code (one entry per computed agency); the agency's staff see their own only",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { period: t.arg.string({ description: "The year, e.g. '2025'" }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const u = ctx.user!;
        const p = period(args.period);
        if (u.role === 'ADMIN' || u.role === 'OVERSEER')
          return ctx.services.candidate.listIpAsnSummaries({ period: p });
        const own = u.agencyCode ? await ctx.services.candidate.getIpAsnSummary(u.agencyCode, p) : null;
        return own ? [own] : [];
      }),
  }),
);

builder.queryField('ipAsnPeriods', (t) =>
  t.field({
    type: [IpAsnSummaryType],
    description: "An agency's computed periods, newest first",
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        return ctx.services.candidate.listIpAsnSummaries({ agencyCode: args.agencyCode });
      }),
  }),
);

/** An employee's index: the person themself, their agency's secretariat and PPK, the overseer, administrators. */
async function readEmployeeIpAsn(
  ctx: GraphQLContext,
  args: { employeeId?: string | null; nip?: string | null },
  p: number,
): Promise<IpAsnScoreDto | null> {
  const u = ctx.user!;
  let employeeId = args.employeeId ?? null;
  if (!employeeId === !args.nip)
    throw gqlError('VALIDATION_FAILED', 'Isi salah satu: ID pegawai atau NIP', args.nip ? 'nip' : 'employeeId');
  if (args.nip) {
    const profile = await ctx.services.candidate.getProfileByNip(args.nip);
    // Staff of another agency, and a candidate asking for anyone but themself, learn nothing of a NIP:
    // unknown and not theirs answer the same.
    if (
      !profile ||
      ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && profile.agencyCode !== u.agencyCode) ||
      (u.role === 'CANDIDATE' && profile.id !== u.candidateId)
    )
      throw gqlError('NOT_FOUND', 'Pegawai dengan NIP ini tidak ditemukan di instansi Anda', 'nip');
    employeeId = profile.id;
  }
  if (u.role === 'CANDIDATE' && u.candidateId !== employeeId)
    throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat IP ASN Anda sendiri', 'employeeId');
  const staff = u.role === 'PANSEL_SECRETARY' || u.role === 'PPK';
  // The agency's staff: the employee's agency now (whether or not a score exists), and the score's.
  const forbidden = () => gqlError('FORBIDDEN', 'Pegawai ini milik instansi lain', 'employeeId');
  if (staff && !args.nip) {
    const profile = await ctx.loaders.profile.load(employeeId!);
    if (profile && profile.agencyCode !== u.agencyCode) throw forbidden();
  }
  const score = await ctx.services.candidate.getIpAsnScore(employeeId!, p);
  if (score && staff && score.agencyCode !== u.agencyCode) throw forbidden();
  return score;
}

builder.queryField('employeeIpAsn', (t) =>
  t.field({
    type: EmployeeIpAsnType,
    nullable: true,
    description: "An employee's IP ASN for a period (by id or NIP); null when not computed",
    authScopes: { roles: ['CANDIDATE', ...TALENT_ROLES] },
    args: {
      employeeId: t.arg.id({ required: false }),
      nip: t.arg.string({ required: false }),
      period: t.arg.string({ description: "The year, e.g. '2025'" }),
    },
    resolve: (_r, args, ctx) =>
      typed(() =>
        readEmployeeIpAsn(
          ctx,
          { employeeId: args.employeeId == null ? null : String(args.employeeId), nip: args.nip?.replace(/\s+/g, '') },
          period(args.period),
        ),
      ),
  }),
);

builder.queryField('ipAsnRun', (t) =>
  t.field({
    type: IpAsnRunType,
    nullable: true,
    description: 'The computation of an agency and period; null when none was started',
    authScopes: { roles: [...TALENT_ROLES] },
    args: { agencyCode: t.arg.string(), period: t.arg.string({ description: "The year, e.g. '2025'" }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyAccess(ctx, args.agencyCode);
        return ipAsnRunProgress(ctx.temporal, args.agencyCode, period(args.period));
      }),
  }),
);

builder.mutationField('computeIpAsn', (t) =>
  t.field({
    type: IpAsnRunType,
    description:
      "Computes the IP ASN of every employee of the agency for a period (administrator or the agency's Pansel secretary). Idempotent: a run going for the period is reused",
    authScopes: { roles: ['PANSEL_SECRETARY', 'ADMIN'] },
    args: { agencyCode: t.arg.string(), period: t.arg.string({ description: "The year, e.g. '2025'" }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireAgencyOperator(ctx, args.agencyCode);
        const p = period(args.period);
        const agency = await ctx.services.candidate.getAgency(args.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${args.agencyCode} tidak ditemukan`, 'agencyCode');
        const thisYear = Number(localDateOf(new Date(), agency.timeZone).slice(0, 4));
        if (p > thisYear) throw gqlError('VALIDATION_FAILED', `Periode ${p} belum berjalan`, 'period');
        const handle = await startIpAsnRun(
          ctx.temporal,
          { agencyCode: agency.code, period: p, settings: ctx.config.IP_ASN_SETTINGS, requestedBy: actorOf(ctx) },
          ctx.config.TEMPORAL_TASK_QUEUE,
        );
        ctx.logger.info({ workflowId: handle.workflowId, userId: ctx.user?.id }, 'ip asn run started');
        return (
          (await ipAsnRunProgress(ctx.temporal, agency.code, p)) ?? {
            agencyCode: agency.code,
            period: p,
            status: 'STARTING' as const,
            nextSlot: 0,
            tally: emptyIpAsnTally(),
            startedAt: new Date().toISOString(),
            finishedAt: null,
          }
        );
      }),
  }),
);
