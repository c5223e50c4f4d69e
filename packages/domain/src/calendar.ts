/**
 * Working-day engine (domain.md §4): Monday–Friday minus national holidays and *cuti bersama*,
 * in the agency's time zone. Pure and deterministic (no Intl, no Date.now), so workflow code may
 * use it. Holiday data is per year and can be amended at run time: callers pass the calendar.
 */
import { DomainError } from './errors';
import { TIME_ZONES, type AgencyTimeZone } from './levels';

/** A calendar date `YYYY-MM-DD` in the agency's local time. */
export type LocalDate = string;

export interface DayOff {
  date: LocalDate;
  name: string;
  /** Computed, not decreed (a year without its SKB): may move by a day. */
  provisional?: boolean;
  /** Legal basis of a regional day off (a governor's or regent's decree). */
  basis?: string;
}

export interface HolidayYear {
  year: number;
  holidays: DayOff[];
  cutiBersama: DayOff[];
  /** Legal basis, e.g. the joint ministerial decree (SKB) and its amendments. */
  source: string;
  /** Computed by the system because no SKB is entered for the year (provisional-calendar.ts). */
  provisional?: boolean;
  /** Number and date of the SKB when entered by an administrator. */
  skbNumber?: string | null;
  skbDate?: LocalDate | null;
}

/** Holiday data keyed by year. A year that is missing cannot be used for working-day arithmetic. */
export type HolidayCalendar = Record<number, HolidayYear>;

export const HOLIDAYS_2025: HolidayYear = {
  year: 2025,
  source:
    'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB No. 1017/2024, 2/2024, 2/2024 (14 Oktober 2024), ' +
    'diubah dengan No. 933/2025, 1/2025, 3/2025 (7 Agustus 2025: cuti bersama 18 Agustus)',
  holidays: [
    { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi' },
    { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW' },
    { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili' },
    { date: '2025-03-29', name: 'Hari Suci Nyepi Tahun Baru Saka 1947' },
    { date: '2025-03-31', name: 'Idul Fitri 1446 Hijriah' },
    { date: '2025-04-01', name: 'Idul Fitri 1446 Hijriah' },
    { date: '2025-04-18', name: 'Wafat Yesus Kristus' },
    { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    { date: '2025-05-01', name: 'Hari Buruh Internasional' },
    { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE' },
    { date: '2025-05-29', name: 'Kenaikan Yesus Kristus' },
    { date: '2025-06-01', name: 'Hari Lahir Pancasila' },
    { date: '2025-06-06', name: 'Idul Adha 1446 Hijriah' },
    { date: '2025-06-27', name: 'Tahun Baru Islam 1447 Hijriah' },
    { date: '2025-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia' },
    { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW' },
    { date: '2025-12-25', name: 'Kelahiran Yesus Kristus' },
  ],
  cutiBersama: [
    { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek' },
    { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi' },
    { date: '2025-04-02', name: 'Cuti bersama Idul Fitri' },
    { date: '2025-04-03', name: 'Cuti bersama Idul Fitri' },
    { date: '2025-04-04', name: 'Cuti bersama Idul Fitri' },
    { date: '2025-04-07', name: 'Cuti bersama Idul Fitri' },
    { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak' },
    { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus' },
    { date: '2025-06-09', name: 'Cuti bersama Idul Adha' },
    { date: '2025-08-18', name: 'Cuti bersama Peringatan HUT ke-80 Kemerdekaan Republik Indonesia' },
    { date: '2025-12-26', name: 'Cuti bersama Kelahiran Yesus Kristus' },
  ],
};

export const HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  source: 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB No. 1497/2025, 2/2025, 5/2025 (19 September 2025)',
  holidays: [
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
    { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
    { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
    { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948' },
    { date: '2026-03-21', name: 'Idul Fitri 1447 Hijriah' },
    { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah' },
    { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
    { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    { date: '2026-05-01', name: 'Hari Buruh Internasional' },
    { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
    { date: '2026-05-27', name: 'Idul Adha 1447 Hijriah' },
    { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
    { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
    { date: '2026-06-16', name: 'Tahun Baru Islam 1448 Hijriah' },
    { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia' },
    { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
    { date: '2026-12-25', name: 'Kelahiran Yesus Kristus' },
  ],
  cutiBersama: [
    { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
    { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
    { date: '2026-03-20', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-03-23', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-03-24', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
    { date: '2026-05-28', name: 'Cuti bersama Idul Adha' },
    { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus' },
  ],
};

/** The calendar shipped with the product; administrators add or amend years at run time. */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = { 2025: HOLIDAYS_2025, 2026: HOLIDAYS_2026 };

const DAY_MS = 86_400_000;

function toUtcMidnight(date: LocalDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new DomainError('VALIDATION_FAILED', `Tanggal tidak valid: ${date}`, 'date');
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== date) {
    throw new DomainError('VALIDATION_FAILED', `Tanggal tidak valid: ${date}`, 'date');
  }
  return t;
}

export function isLocalDate(value: string): boolean {
  try {
    toUtcMidnight(value);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return new Date(toUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay();
}

/** The local calendar date of an instant in the given Indonesian time zone. */
export function localDateOf(instant: Date | string | number, tz: AgencyTimeZone): LocalDate {
  const ms = new Date(instant).getTime() + TIME_ZONES[tz].offsetMinutes * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a local day starts (00:00 local) in the given time zone. */
export function startOfLocalDay(date: LocalDate, tz: AgencyTimeZone): Date {
  return new Date(toUtcMidnight(date) - TIME_ZONES[tz].offsetMinutes * 60_000);
}

/** The last instant of a local day (23:59:59.999 local): deadlines close at the end of their day. */
export function endOfLocalDay(date: LocalDate, tz: AgencyTimeZone): Date {
  return new Date(startOfLocalDay(date, tz).getTime() + DAY_MS - 1);
}

function holidayYear(calendar: HolidayCalendar, date: LocalDate): HolidayYear {
  const year = Number(date.slice(0, 4));
  const y = calendar[year];
  if (!y) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Kalender hari libur nasional dan cuti bersama tahun ${year} belum tersedia`,
      'calendar',
    );
  }
  return y;
}

/** Why a date is not a working day, or null when it is one. */
export function dayOffReason(date: LocalDate, calendar: HolidayCalendar): string | null {
  const dow = dayOfWeek(date);
  if (dow === 0) return 'Minggu';
  if (dow === 6) return 'Sabtu';
  const y = holidayYear(calendar, date);
  const h = y.holidays.find((d) => d.date === date) ?? y.cutiBersama.find((d) => d.date === date);
  return h ? h.name : null;
}

/** Whether any year from `from` to `to` (inclusive) is provisional or missing in the calendar. */
export function spansProvisionalYear(from: LocalDate, to: LocalDate, calendar: HolidayCalendar): boolean {
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (!calendar[y] || calendar[y]!.provisional) return true;
  }
  return false;
}

/** A regional day off of one agency (a governor's or regent's decree), on top of the national calendar. */
export interface RegionalDayOff {
  date: LocalDate;
  name: string;
  /** Legal basis, e.g. 'Keputusan Gubernur Kalimantan Timur No. 100.3.3.1/K.123/2027'. */
  basis: string;
}

/**
 * The calendar an agency's working days use: the national one plus the agency's regional days off
 * (as holidays of their year; a year the calendar lacks stays missing, so it is still refused or
 * provisional as before).
 */
export function withRegionalHolidays(calendar: HolidayCalendar, regional: readonly RegionalDayOff[]): HolidayCalendar {
  if (regional.length === 0) return calendar;
  const out: HolidayCalendar = { ...calendar };
  for (const r of regional) {
    const y = out[Number(r.date.slice(0, 4))];
    if (!y || y.holidays.some((d) => d.date === r.date) || y.cutiBersama.some((d) => d.date === r.date)) continue;
    out[y.year] = {
      ...y,
      holidays: [...y.holidays, { date: r.date, name: `${r.name} (libur daerah)`, basis: r.basis }].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      ),
    };
  }
  return out;
}

export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  return dayOffReason(date, calendar) === null;
}

/**
 * The n-th working day after `date` (n ≥ 1), not counting `date` itself: "within 5 working days of
 * the request" ends on addWorkingDays(requestDate, 5).
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: HolidayCalendar): LocalDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return d;
}

export type DayKind = 'CALENDAR' | 'WORKING';

/**
 * The last day of a period of `days` days that starts on `startDate` and counts it as day 1 (a
 * 15-day registration announced on 1 June runs to 15 June). With working days, the first counted
 * day is the first working day on or after `startDate`.
 */
export function lastDayOfPeriod(
  startDate: LocalDate,
  days: number,
  kind: DayKind,
  calendar: HolidayCalendar,
): LocalDate {
  if (!Number.isInteger(days) || days < 1)
    throw new DomainError('VALIDATION_FAILED', 'Lama periode minimal 1 hari', 'days');
  if (kind === 'CALENDAR') return addCalendarDays(startDate, days - 1);
  return addWorkingDays(addCalendarDays(startDate, -1), days, calendar);
}

/** Deadline of a period: the end (23:59:59.999 local) of its last day, as an instant. */
export function periodDeadline(
  startDate: LocalDate,
  days: number,
  kind: DayKind,
  tz: AgencyTimeZone,
  calendar: HolidayCalendar,
): { lastDay: LocalDate; closesAt: Date } {
  const lastDay = lastDayOfPeriod(startDate, days, kind, calendar);
  return { lastDay, closesAt: endOfLocalDay(lastDay, tz) };
}
