/**
 * Lengths of service, for the experience and qualifying-post requirements.
 *
 * Convention (month arithmetic, not 365.25-day years):
 * - a period with an end date covers `from` … `to` inclusive (`to` is the last day in the post);
 *   a period without one (current post) covers `from` up to, not including, `asOf` (time completed
 *   by the start of the screening day); nothing on or after `asOf` counts;
 * - overlapping or adjacent periods are merged, so each day counts once;
 * - each merged stretch is measured in whole calendar months plus days (1 Jan 2021 … 31 Dec 2025 is
 *   exactly 60 months); the days left over from several stretches are added and converted at an
 *   average month of 30.4375 days (365.25 / 12), so the leftover of one stretch (at most 30 days)
 *   never turns into a month.
 * So one unbroken stretch of exactly N calendar years meets an N-year requirement, whatever the
 * leap days in between.
 */
import { isLocalDate, type LocalDate } from '../calendar';

const DAY_MS = 86_400_000;

export interface ServicePeriod {
  from: LocalDate;
  to?: LocalDate | null;
}

export interface ServiceDuration {
  /** Whole months; leftover days of several stretches converted at 30.4375 days per month. */
  months: number;
  /** Days beyond `months`. */
  days: number;
  /** Distinct days covered. */
  totalDays: number;
  /** Periods ignored because a date was missing or invalid, or `to` was before `from`. */
  ignored: number;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`. */
export function dayNumber(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `date` plus `n` calendar months; the day is clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** Whole months and leftover days from `start` to `endExclusive` (start ≤ endExclusive). */
export function monthsAndDays(start: LocalDate, endExclusive: LocalDate): { months: number; days: number } {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = endExclusive.split('-').map(Number) as [number, number];
  let months = (ey - sy) * 12 + (em - sm);
  while (months > 0 && addMonths(start, months) > endExclusive) months -= 1;
  const days = dayNumber(endExclusive) - dayNumber(addMonths(start, months));
  return { months, days };
}

/** Merged length of service of `periods` as of `asOf` (see the convention above). */
export function durationOfPeriods(periods: readonly ServicePeriod[], asOf: LocalDate): ServiceDuration {
  const limit = dayNumber(asOf);
  const spans: [number, number][] = [];
  let ignored = 0;
  for (const p of periods) {
    if (!p.from || !isLocalDate(p.from) || (p.to != null && !isLocalDate(p.to))) {
      ignored += 1;
      continue;
    }
    const start = dayNumber(p.from);
    const end = p.to != null ? dayNumber(p.to) + 1 : limit;
    if (end < start) {
      ignored += 1;
      continue;
    }
    const clipped = Math.min(end, limit);
    if (clipped > start) spans.push([start, clipped]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  let months = 0;
  let days = 0;
  let totalDays = 0;
  for (const [a, b] of merged) {
    const md = monthsAndDays(fromDayNumber(a), fromDayNumber(b));
    months += md.months;
    days += md.days;
    totalDays += b - a;
  }
  // 30.4375 = 487 / 16: integer arithmetic.
  const extra = Math.floor((days * 16) / 487);
  months += extra;
  days -= Math.floor((extra * 487) / 16);
  return { months, days, totalDays, ignored };
}

/** '5 tahun 2 bulan 3 hari' (parts that are zero are left out; '0 hari' when empty). */
export function formatDuration(d: { months: number; days: number }): string {
  const parts: string[] = [];
  const years = Math.floor(d.months / 12);
  const months = d.months % 12;
  if (years) parts.push(`${years} tahun`);
  if (months) parts.push(`${months} bulan`);
  if (d.days || parts.length === 0) parts.push(`${d.days} hari`);
  return parts.join(' ');
}
