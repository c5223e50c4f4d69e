/**
 * The nine-box map drawn as committees read it: a 3×3 grid (performance across, potential up) numbered
 * per the agency's settings, with shares of the mapped employees and the change since the previous mapped
 * period; the people of a box with their NIP and position; the agencies whose maps the user may read.
 */
import { nineBoxGrid, previousMappedPeriod, type CareerEntryDto } from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { typed } from '../errors';
import { TALENT_ROLES } from './talent';
import { TalentMapEntryType, TalentMapType } from './talent-map';

const TalentMapGridCellType = builder.simpleObject('TalentMapGridCell', {
  description: 'One box of the grid',
  fields: (t) => ({
    box: t.int({ description: "The box number in the agency's numbering" }),
    name: t.string(),
    potential: t.int({ description: '1 low … 3 high' }),
    performance: t.int({ description: '1 below … 3 above expectation' }),
    inPool: t.boolean(),
    count: t.int(),
    share: t.float({ description: 'Share of the mapped employees, 0..1' }),
    previousCount: t.int({ nullable: true, description: 'Count in the previous mapped period; null when none' }),
    change: t.int({ nullable: true, description: 'count − previousCount; null when no previous period' }),
  }),
});

const TalentMapGridRowType = builder.simpleObject('TalentMapGridRow', {
  description: 'One row of the grid: one potential level, its boxes by performance from low to high',
  fields: (t) => ({
    potential: t.int(),
    potentialName: t.string(),
    cells: t.field({ type: [TalentMapGridCellType] }),
  }),
});

builder.objectFields(TalentMapType, (t) => ({
  mapped: t.int({
    description: 'Employees placed in a box (total − unmapped); the base of the shares',
    resolve: (m) => m.total - m.unmapped,
  }),
  previousPeriod: t.string({
    nullable: true,
    description: 'The newest period mapped before this one; null when none',
    resolve: (m, _a, ctx) => typed(async () => previousPeriodOf(ctx, m.agencyCode, m.period)),
  }),
  grid: t.field({
    type: [TalentMapGridRowType],
    description: 'Rows from high potential (top) to low; cells by performance from low (left) to high',
    resolve: (m, _a, ctx) =>
      typed(async () => {
        const previous = await previousPeriodOf(ctx, m.agencyCode, m.period);
        const before = previous
          ? (await ctx.services.assessment.getTalentMapCounts(m.agencyCode, previous)).byBox
          : null;
        return nineBoxGrid(m.numbering, m.byBox, before);
      }),
  }),
}));

const previousPeriods = new WeakMap<object, Map<string, Promise<string | null>>>();

/** The previous mapped period of a map, looked up once per request (previousPeriod and grid share it). */
function previousPeriodOf(ctx: GraphQLContext, agencyCode: string, period: string): Promise<string | null> {
  let cache = previousPeriods.get(ctx);
  if (!cache) previousPeriods.set(ctx, (cache = new Map()));
  const key = `${agencyCode}\u0000${period}`;
  let found = cache.get(key);
  if (!found) {
    found = ctx.services.assessment.listTalentMapPeriods(agencyCode).then((periods) =>
      previousMappedPeriod(
        period,
        periods.map((p) => p.period),
      ),
    );
    cache.set(key, found);
  }
  return found;
}

/** The post held now: the open career entry that began last (else the last one that ended). */
export function currentPosition(careers: readonly CareerEntryDto[]): string | null {
  const open = careers.filter((c) => c.to === null || c.to === undefined);
  const pool = open.length ? open : careers;
  let best: CareerEntryDto | null = null;
  for (const c of pool) {
    const end = c.to ?? '9999-12-31';
    const bestEnd = best ? (best.to ?? '9999-12-31') : '';
    if (!best || end > bestEnd || (end === bestEnd && c.from > best.from)) best = c;
  }
  return best?.position ?? null;
}

builder.objectFields(TalentMapEntryType, (t) => ({
  nip: t.string({
    nullable: true,
    description: "From the employee's ASN profile",
    resolve: async (e, _a, ctx) => (await ctx.loaders.profile.load(e.employeeId))?.nip ?? null,
  }),
  position: t.string({
    nullable: true,
    description: "The employee's current post, from the ASN profile",
    resolve: async (e, _a, ctx) => {
      const p = await ctx.loaders.profile.load(e.employeeId);
      return p ? currentPosition(p.careers) : null;
    },
  }),
}));

const TalentAgencyType = builder.simpleObject('TalentAgency', {
  description: 'An agency whose talent map the user may read',
  fields: (t) => ({ code: t.string(), name: t.string() }),
});

builder.queryField('talentAgencies', (t) =>
  t.field({
    type: [TalentAgencyType],
    description:
      "The agencies whose talent maps you may read, by name: every agency (administrator, overseer) or your own (the agency's secretariat and PPK)",
    authScopes: { roles: [...TALENT_ROLES] },
    resolve: (_r, _a, ctx) =>
      typed(async () => {
        const u = ctx.user!;
        if (u.role === 'ADMIN' || u.role === 'OVERSEER') {
          const all = await ctx.services.candidate.listAgencies();
          return all.map((a) => ({ code: a.code, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
        }
        if (!u.agencyCode) return [];
        const own = await ctx.loaders.agency.load(u.agencyCode);
        return own ? [{ code: own.code, name: own.name }] : [];
      }),
  }),
);
