/** The nine-box map of an agency per period, with its paginated drill-down and a person's boxes over time. */
import { z } from 'zod';
import {
  isTalentPoolBox,
  talentPoolBoxes,
  type NineBoxNumbering,
  type TalentMapEntryDto,
  type TalentMapPeriodDto,
} from '@seleksi/domain';
import { encodeCursor } from '@seleksi/kit';
import { builder } from '../builder';
import { arrayConnection, servicePageConnection } from '../relay/connections';
import { gqlError, typed } from '../errors';

import { TALENT_ROLES, requireAgencyAccess, talentSettingsOf, boxName, NineBoxNumberingEnum } from './talent';
import { nineBoxes } from './talent-settings';

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

export interface MapView {
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

export const TalentMapType = builder.objectRef<MapView>('TalentMap').implement({
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
          return servicePageConnection(page, args.after, entryCursor);
        }),
    }),
  }),
});

export const periodSchema = z
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
