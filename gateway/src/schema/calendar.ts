/**
 * The holiday calendar (national holidays and cuti bersama per year) that the working-day deadlines
 * use; an administrator amends it at run time and every running selection recomputes its deadlines.
 */
import { z } from 'zod';
import {
  addCalendarDays,
  isLocalDate,
  isWorkingDay,
  localDateOf,
  spansProvisionalYear,
  withRegionalHolidays,
  type DayOff,
  type HolidayCalendar,
  type LocalDate,
  type RegionalDayOff,
} from '@seleksi/domain';
import type { HolidayYearRecord, RegionalHolidaysRecord } from '@seleksi/kit';
import { signalCalendarAmended } from '@seleksi/workflows';
import type { GraphQLContext } from '../context';
import { builder } from '../builder';
import { arrayConnection } from '../relay/connections';
import { gqlError, typed } from '../errors';
import { actorOf, reasonText } from './decision';
import { parseInput } from './input';
import { SelectionType } from './selection';

/** A list of days names each date once (the holiday lists of a year and of a region). */
function noRepeatedDates(days: readonly { date: string }[], c: z.RefinementCtx): void {
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (seen.has(d.date))
      c.addIssue({ code: 'custom', path: [i, 'date'], message: `Tanggal ${d.date} tercatat dua kali` });
    seen.add(d.date);
  });
}

const DayOffType = builder.objectRef<DayOff>('DayOff').implement({
  fields: (t) => ({
    date: t.field({ type: 'LocalDate', resolve: (d) => d.date }),
    name: t.exposeString('name'),
    provisional: t.boolean({
      description: 'Computed, not decreed: may move by a day when the SKB is entered',
      resolve: (d) => !!d.provisional,
    }),
    basis: t.string({
      nullable: true,
      description: 'Legal basis of a regional day off',
      resolve: (d) => d.basis ?? null,
    }),
  }),
});

export const HolidayYearType = builder.objectRef<HolidayYearRecord>('HolidayYear').implement({
  description: 'National holidays and cuti bersama of one year (a joint ministerial decree, possibly amended)',
  fields: (t) => ({
    year: t.exposeInt('year'),
    holidays: t.field({ type: [DayOffType], resolve: (y) => y.holidays }),
    cutiBersama: t.field({ type: [DayOffType], resolve: (y) => y.cutiBersama }),
    source: t.exposeString('source', { description: 'Legal basis' }),
    provisional: t.boolean({
      description:
        'No SKB entered for the year: the national holidays are computed (kalender sementara), without cuti bersama',
      resolve: (y) => !!y.provisional,
    }),
    skbNumber: t.string({ nullable: true, resolve: (y) => y.skbNumber ?? null }),
    skbDate: t.field({ type: 'LocalDate', nullable: true, resolve: (y) => y.skbDate ?? null }),
    revision: t.exposeInt('revision', { description: '0 as shipped; +1 per amendment' }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (y) => y.updatedAt }),
  }),
});

builder.queryField('holidayCalendar', (t) =>
  t.field({
    type: HolidayYearType,
    nullable: true,
    description: 'One year of the holiday calendar, or null when it is not available',
    authScopes: { authenticated: true },
    args: { year: t.arg.int() },
    resolve: (_r, { year }, ctx) => typed(() => ctx.services.candidate.getHolidayYear(year)),
  }),
);

builder.queryField('holidayCalendarYears', (t) =>
  t.connection(
    {
      type: HolidayYearType,
      description: 'Every year of the holiday calendar, oldest first',
      authScopes: { authenticated: true },
      resolve: async (_r, args, ctx) =>
        arrayConnection(args, await typed(() => ctx.services.candidate.listHolidayYears())),
    },
    { name: 'HolidayYearConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

builder.queryField('workingDaysBetween', (t) =>
  t.int({
    description: 'Working days after `from` up to and including `to` (Monday–Friday minus holidays and cuti bersama)',
    authScopes: { authenticated: true },
    args: { from: t.arg({ type: 'LocalDate' }), to: t.arg({ type: 'LocalDate' }) },
    resolve: (_r, { from, to }, ctx) =>
      typed(async () => {
        if (to < from) throw gqlError('VALIDATION_FAILED', 'Tanggal akhir sebelum tanggal awal', 'to');
        if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 5) {
          throw gqlError('VALIDATION_FAILED', 'Rentang paling panjang 5 tahun', 'to');
        }
        const calendar = await ctx.services.candidate.getHolidayCalendar();
        let n = 0;
        try {
          for (let d: LocalDate = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
            if (isWorkingDay(d, calendar)) n += 1;
          }
        } catch (err) {
          throw gqlError('VALIDATION_FAILED', (err as Error).message, 'to');
        }
        return n;
      }),
  }),
);

const DayOffInput = builder.inputType('DayOffInput', {
  fields: (t) => ({ date: t.field({ type: 'LocalDate' }), name: t.string() }),
});

const CalendarAmendmentType = builder.simpleObject('CalendarAmendment', {
  fields: (t) => ({
    year: t.field({ type: HolidayYearType }),
    runningSelectionsNotified: t.int({ description: 'Running selections told to recompute their deadlines' }),
  }),
});

const dayOffList = (year: number) =>
  z
    .array(
      z.object({
        date: z
          .string()
          .refine(isLocalDate, 'Tanggal tidak valid')
          .refine((d) => Number(d.slice(0, 4)) === year, `Tanggal harus pada tahun ${year}`),
        name: z.string().trim().min(1, 'Nama hari libur wajib diisi').max(300),
      }),
    )
    .max(100, 'Paling banyak 100 tanggal')
    .superRefine(noRepeatedDates);

const amendSchema = (year: number) =>
  z
    .object({
      year: z.number().int().min(2000, 'Tahun tidak valid').max(2100, 'Tahun tidak valid'),
      holidays: dayOffList(year),
      cutiBersama: dayOffList(year),
      source: z.string().trim().min(5, 'Dasar hukum wajib diisi').max(1000),
      skbNumber: z.string().trim().max(300, 'Nomor SKB paling panjang 300 karakter').nullish(),
      skbDate: z
        .string()
        .refine(isLocalDate, 'Tanggal SKB tidak valid (TTTT-BB-HH)')
        .refine(
          (d) => Number(d.slice(0, 4)) <= year && Number(d.slice(0, 4)) >= year - 3,
          `Tanggal SKB untuk tahun ${year} harus antara tahun ${year - 3} dan ${year}`,
        )
        .nullish(),
      reason: reasonText('Alasan perubahan'),
    })
    .superRefine((v, c) => {
      if (v.skbNumber && !v.skbDate)
        c.addIssue({ code: 'custom', path: ['skbDate'], message: 'Tanggal SKB wajib diisi bersama nomornya' });
      if (!v.skbNumber && v.skbDate)
        c.addIssue({ code: 'custom', path: ['skbNumber'], message: 'Nomor SKB wajib diisi bersama tanggalnya' });
    });

/** The calendar each running selection counts on: national plus its agency's regional days off. */
async function calendarForAgency(
  ctx: GraphQLContext,
  national: HolidayCalendar,
  cache: Map<string, Promise<HolidayCalendar>>,
  agencyCode: string,
): Promise<HolidayCalendar> {
  let c = cache.get(agencyCode);
  if (!c) {
    c = ctx.services.candidate.getRegionalHolidays(agencyCode).then((r) => withRegionalHolidays(national, r.days));
    cache.set(agencyCode, c);
  }
  return c;
}

builder.mutationField('amendHolidayCalendar', (t) =>
  t.field({
    type: CalendarAmendmentType,
    description:
      'Stores (a new revision of) one year of the holiday calendar and tells every running selection to recompute its deadlines (administrator)',
    authScopes: { roles: ['ADMIN'] },
    args: {
      year: t.arg.int(),
      holidays: t.arg({ type: [DayOffInput] }),
      cutiBersama: t.arg({ type: [DayOffInput] }),
      source: t.arg.string({ description: 'Legal basis, e.g. the SKB and its amendment' }),
      skbNumber: t.arg.string({
        required: false,
        description: "The SKB's number (with skbDate): the year stops being provisional",
      }),
      skbDate: t.arg.string({ required: false, description: "The SKB's date, YYYY-MM-DD" }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(amendSchema(args.year), args, '');
        const stored = await ctx.services.candidate.putHolidayYear({
          year: input.year,
          holidays: input.holidays,
          cutiBersama: input.cutiBersama,
          source: input.source,
          skbNumber: input.skbNumber || null,
          skbDate: input.skbDate || null,
        });
        calendarReads.delete(ctx.services.candidate);
        const calendar = await ctx.services.candidate.getHolidayCalendar();
        const cache = new Map<string, Promise<HolidayCalendar>>();
        const notified = await signalCalendarAmended(
          ctx.temporal,
          { calendar, by: actorOf(ctx), reason: input.reason },
          { calendarFor: (agencyCode) => calendarForAgency(ctx, calendar, cache, agencyCode) },
        );
        ctx.logger.info({ year: input.year, revision: stored.revision, notified }, 'holiday calendar amended');
        return { year: stored, runningSelectionsNotified: notified };
      }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Regional days off of an agency

const RegionalDayOffType = builder.objectRef<RegionalDayOff>('RegionalDayOff').implement({
  fields: (t) => ({
    date: t.field({ type: 'LocalDate', resolve: (d) => d.date }),
    name: t.exposeString('name'),
    basis: t.exposeString('basis', { description: "Legal basis, e.g. the governor's or regent's decree" }),
  }),
});

const RegionalHolidaysType = builder.objectRef<RegionalHolidaysRecord>('RegionalHolidays').implement({
  description: "An agency's regional days off: its selections' working days skip them too",
  fields: (t) => ({
    agencyCode: t.exposeID('agencyCode'),
    days: t.field({ type: [RegionalDayOffType], resolve: (r) => r.days }),
    revision: t.exposeInt('revision'),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.updatedAt }),
  }),
});

const RegionalDayOffInput = builder.inputType('RegionalDayOffInput', {
  fields: (t) => ({ date: t.string(), name: t.string(), basis: t.string() }),
});

const regionalSchema = z.object({
  agencyCode: z.string().trim().min(1, 'Kode instansi wajib diisi').max(64),
  days: z
    .array(
      z.object({
        date: z.string().refine(isLocalDate, 'Tanggal tidak valid (TTTT-BB-HH)'),
        name: z.string().trim().min(1, 'Nama hari libur wajib diisi').max(300),
        basis: z.string().trim().min(5, 'Dasar hukum wajib diisi').max(1000),
      }),
    )
    .max(200, 'Paling banyak 200 tanggal')
    .superRefine(noRepeatedDates),
  reason: reasonText('Alasan perubahan'),
});

/** The national administrator, or the agency's own administrator. */
function requireCalendarAdmin(ctx: GraphQLContext, agencyCode: string): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN' || (u.role === 'AGENCY_ADMIN' && u.agencyCode === agencyCode)) return;
  throw gqlError('FORBIDDEN', 'Anda hanya dapat mengelola hari libur daerah instansi Anda sendiri', 'agencyCode');
}

builder.queryField('regionalHolidays', (t) =>
  t.field({
    type: RegionalHolidaysType,
    description: "An agency's regional days off (empty when none were entered)",
    authScopes: { authenticated: true },
    args: { agencyCode: t.arg.id() },
    resolve: (_r, args, ctx) => typed(() => ctx.services.candidate.getRegionalHolidays(String(args.agencyCode))),
  }),
);

const RegionalAmendmentType = builder.simpleObject('RegionalHolidaysAmendment', {
  fields: (t) => ({
    regional: t.field({ type: RegionalHolidaysType }),
    runningSelectionsNotified: t.int({ description: "The agency's running selections told to recompute" }),
  }),
});

builder.mutationField('setRegionalHolidays', (t) =>
  t.field({
    type: RegionalAmendmentType,
    description:
      "Replaces an agency's regional days off and tells the agency's running selections to recompute their deadlines (administrator)",
    authScopes: { roles: ['ADMIN', 'AGENCY_ADMIN'] },
    args: {
      agencyCode: t.arg.id(),
      days: t.arg({ type: [RegionalDayOffInput] }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireCalendarAdmin(ctx, String(args.agencyCode));
        const input = parseInput(regionalSchema, { ...args, agencyCode: String(args.agencyCode) }, '');
        const agency = await ctx.services.candidate.getAgency(input.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${input.agencyCode} tidak ditemukan`, 'agencyCode');
        const regional = await ctx.services.candidate.putRegionalHolidays(input.agencyCode, input.days);
        const national = await ctx.services.candidate.getHolidayCalendar();
        const calendar = withRegionalHolidays(national, regional.days);
        const notified = await signalCalendarAmended(
          ctx.temporal,
          { calendar, by: actorOf(ctx), reason: input.reason },
          { agencyCode: input.agencyCode },
        );
        ctx.logger.info(
          { agencyCode: input.agencyCode, revision: regional.revision, notified },
          'regional holidays set',
        );
        return { regional, runningSelectionsNotified: notified };
      }),
  }),
);

/**
 * The national calendar as lists of rounds read it (`registrationProvisional`): kept for
 * CALENDAR_READ_TTL_MS per gateway and candidate service, and dropped at once when this gateway amends
 * a year. It changes a few times a year, while the home page asks for it on every visit, and the
 * service composes it from every stored year (about 0.1 s on a busy machine, more than the rest of
 * the page). Another gateway's amendment shows here within the TTL (the bound the candidate service's
 * own summary cache keeps). A failed read is not kept.
 */
const CALENDAR_READ_TTL_MS = 30_000;
const calendarReads = new WeakMap<object, { until: number; calendar: Promise<HolidayCalendar> }>();
export function calendarForLists(ctx: GraphQLContext): Promise<HolidayCalendar> {
  const service = ctx.services.candidate;
  const kept = calendarReads.get(service);
  if (kept && Date.now() < kept.until) return kept.calendar;
  const calendar = service.getHolidayCalendar();
  const entry = { until: Date.now() + CALENDAR_READ_TTL_MS, calendar };
  calendarReads.set(service, entry);
  calendar.catch(() => {
    if (calendarReads.get(service) === entry) calendarReads.delete(service);
  });
  return calendar;
}

builder.objectField(SelectionType, 'registrationProvisional', (t) =>
  t.boolean({
    description:
      'The registration period reaches a year without an entered SKB: its close was computed on a provisional calendar (kalender sementara) and may move',
    resolve: async (s, _a, ctx) =>
      spansProvisionalYear(
        s.announcementDate,
        localDateOf(s.registrationClosesAt, s.timeZone),
        await typed(() => calendarForLists(ctx)),
      ),
  }),
);

/** An agency's working-day calendar as pages read it (the national one kept as for lists, plus its regional days off). */
export async function agencyCalendarForReads(ctx: GraphQLContext, agencyCode: string): Promise<HolidayCalendar> {
  const [national, regional] = await Promise.all([
    calendarForLists(ctx),
    ctx.services.candidate.getRegionalHolidays(agencyCode),
  ]);
  return withRegionalHolidays(national, regional.days);
}
