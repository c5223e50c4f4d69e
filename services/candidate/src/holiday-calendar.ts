/**
 * Pure helpers for the holiday calendar an administrator amends at run time: validation of a year,
 * its canonical form, and the merge of shipped and stored years.
 */
import { isLocalDate, PROVISIONAL_YEARS, provisionalHolidayYear, type DayOff, type HolidayYear } from '@seleksi/domain';

export interface Issue {
  /** Dotted path of the offending input, e.g. `holidays.3.date`. */
  field: string;
  message: string;
}

/** Problems of a holiday year sent for `year` (the path's year); empty when it can be stored. */
export function holidayYearIssues(input: HolidayYear, year: number): Issue[] {
  // The dates are checked against the year, so a mismatch is the one problem worth reporting.
  if (input.year !== year) return [{ field: 'year', message: `year must be ${year}, the year of the path` }];
  const issues: Issue[] = [];
  if (!input.source.trim()) issues.push({ field: 'source', message: 'source must not be empty' });
  const number = input.skbNumber?.trim() ?? '';
  const date = input.skbDate ?? '';
  if (!number !== !date) {
    issues.push({ field: number ? 'skbDate' : 'skbNumber', message: 'skbNumber and skbDate go together' });
  } else if (date && !isLocalDate(date)) {
    issues.push({ field: 'skbDate', message: `${date} is not a real date (YYYY-MM-DD)` });
  } else if (date && (Number(date.slice(0, 4)) > year || Number(date.slice(0, 4)) < year - 3)) {
    // An SKB is signed in the year before (amendments during the year itself).
    issues.push({ field: 'skbDate', message: `an SKB for ${year} is dated between ${year - 3} and ${year}` });
  }
  if (input.provisional) issues.push({ field: 'provisional', message: 'an entered year is not provisional' });
  for (const list of ['holidays', 'cutiBersama'] as const) {
    const seen = new Map<string, number>();
    input[list].forEach((day, i) => {
      if (!isLocalDate(day.date)) {
        issues.push({ field: `${list}.${i}.date`, message: `${day.date} is not a real date (YYYY-MM-DD)` });
      } else if (Number(day.date.slice(0, 4)) !== year) {
        issues.push({ field: `${list}.${i}.date`, message: `${day.date} is not in ${year}` });
      } else if (seen.has(day.date)) {
        issues.push({
          field: `${list}.${i}.date`,
          message: `${day.date} appears twice in ${list} (also at ${seen.get(day.date)})`,
        });
      } else {
        seen.set(day.date, i);
      }
      if (!day.name.trim()) issues.push({ field: `${list}.${i}.name`, message: 'name must not be empty' });
    });
  }
  return issues;
}

function canonicalDays(days: readonly DayOff[]): DayOff[] {
  return days
    .map((d) => ({ date: d.date, name: d.name.trim() }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The year as stored: days sorted by date, names and source trimmed, the SKB's number and date or nulls. */
export function canonicalHolidayYear(y: HolidayYear): HolidayYear {
  return {
    year: y.year,
    holidays: canonicalDays(y.holidays),
    cutiBersama: canonicalDays(y.cutiBersama),
    source: y.source.trim(),
    skbNumber: y.skbNumber?.trim() || null,
    skbDate: y.skbDate || null,
  };
}

/** Same calendar data (after canonicalisation): saving it again would change nothing. */
export function sameHolidayYear(a: HolidayYear, b: HolidayYear): boolean {
  return JSON.stringify(canonicalHolidayYear(a)) === JSON.stringify(canonicalHolidayYear(b));
}

/** Every year shipped or stored, the stored version winning, sorted by year. */
export function mergeHolidayYears<S extends HolidayYear, T extends HolidayYear>(
  shipped: readonly S[],
  stored: readonly T[],
): (S | T)[] {
  const byYear = new Map<number, S | T>(shipped.map((y) => [y.year, y]));
  for (const y of stored) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The computed (provisional) year for a year nothing is shipped or stored for, or null outside the
 * range the computation supports.
 */
export function provisionalYearOrNull(year: number): HolidayYear | null {
  if (year < PROVISIONAL_YEARS.from || year > PROVISIONAL_YEARS.to) return null;
  return { ...provisionalHolidayYear(year), skbNumber: null, skbDate: null };
}

/** Years the calendar lists provisionally when missing: this year and the next two (deadlines reach that far). */
export function provisionalWindow(now: Date): number[] {
  const y = now.getUTCFullYear();
  return [y, y + 1, y + 2];
}
