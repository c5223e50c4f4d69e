/**
 * The holiday calendar (national holidays and cuti bersama per year) that the working-day deadlines
 * use; an administrator amends it at run time and every running selection recomputes its deadlines.
 */
import { z } from 'zod';
import { addCalendarDays, isLocalDate, isWorkingDay, type DayOff, type LocalDate } from '@seleksi/domain';
import type { HolidayYearRecord } from '@seleksi/kit';
import { signalCalendarAmended } from '@seleksi/workflows';
import { builder } from '../builder';
import { arrayConnection } from '../relay/connections';
import { gqlError, typed } from '../errors';
import { actorOf, reasonText } from './decision';
import { parseInput } from './input';

const DayOffType = builder.objectRef<DayOff>('DayOff').implement({
  fields: (t) => ({
    date: t.field({ type: 'LocalDate', resolve: (d) => d.date }),
    name: t.exposeString('name'),
  }),
});

export const HolidayYearType = builder.objectRef<HolidayYearRecord>('HolidayYear').implement({
  description: 'National holidays and cuti bersama of one year (a joint ministerial decree, possibly amended)',
  fields: (t) => ({
    year: t.exposeInt('year'),
    holidays: t.field({ type: [DayOffType], resolve: (y) => y.holidays }),
    cutiBersama: t.field({ type: [DayOffType], resolve: (y) => y.cutiBersama }),
    source: t.exposeString('source', { description: 'Legal basis' }),
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
    .superRefine((days, c) => {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (seen.has(d.date))
          c.addIssue({ code: 'custom', path: [i, 'date'], message: `Tanggal ${d.date} tercatat dua kali` });
        seen.add(d.date);
      });
    });

const amendSchema = (year: number) =>
  z.object({
    year: z.number().int().min(2000, 'Tahun tidak valid').max(2100, 'Tahun tidak valid'),
    holidays: dayOffList(year),
    cutiBersama: dayOffList(year),
    source: z.string().trim().min(5, 'Dasar hukum wajib diisi').max(1000),
    reason: reasonText('Alasan perubahan'),
  });

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
        });
        const calendar = await ctx.services.candidate.getHolidayCalendar();
        const notified = await signalCalendarAmended(ctx.temporal, {
          calendar,
          by: actorOf(ctx),
          reason: input.reason,
        });
        ctx.logger.info({ year: input.year, revision: stored.revision, notified }, 'holiday calendar amended');
        return { year: stored, runningSelectionsNotified: notified };
      }),
  }),
);
