/**
 * Constraints on the appointment (domain.md §1.2, §1.7): who chooses, the choice of 1 of the 3
 * names, the two-year lock on replacing an incumbent and the regional-election windows.
 */
import { addCalendarDays, type LocalDate } from '../calendar';
import { agencyKindOf } from '../agency';
import type { AgencyDto } from '../contracts';
import type { JptLevel } from '../levels';
import type { RuleProblem } from './problems';

/** An inclusive date range, e.g. a regional-election window in which the Home Affairs Minister's written permission is needed. */
export interface DateWindow {
  from: LocalDate;
  to: LocalDate;
  label?: string;
}

/** The window containing `date` (bounds inclusive); the earliest-starting one when several do. */
export function electionWindowAt(date: LocalDate, windows: DateWindow[]): DateWindow | null {
  let found: DateWindow | null = null;
  for (const w of windows) {
    if (w.from <= date && date <= w.to && (found === null || w.from < found.from)) found = w;
  }
  return found;
}

/**
 * The last day (inclusive) on which an official inaugurated on `inauguratedOn` is still within
 * the `years`-year lock: the day before the anniversary. An anniversary on 29 February of a
 * non-leap year falls on 1 March (as in ageOn), so the last locked day is 28 February.
 */
export function incumbentLockedUntil(inauguratedOn: LocalDate, years = 2): LocalDate {
  const [y, m, d] = inauguratedOn.split('-').map(Number) as [number, number, number];
  const firstOfMonth = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  const anniversary = addCalendarDays(firstOfMonth, d - 1);
  return addCalendarDays(anniversary, -1);
}

/** Whether, on `date`, the incumbent inaugurated on `inauguratedOn` is still within the lock. */
export function isIncumbentLocked(inauguratedOn: LocalDate, date: LocalDate, years = 2): boolean {
  return inauguratedOn <= date && date <= incumbentLockedUntil(inauguratedOn, years);
}

/** Shortest justification recorded when the appointee is not the first name of the shortlist. */
export const MIN_JUSTIFICATION_LENGTH = 20;

/** Checks the choice of one of the shortlisted names (empty when acceptable). */
export function checkAppointeeChoice(args: {
  shortlist: string[];
  chosen: string;
  justification?: string | null;
}): RuleProblem[] {
  if (!args.shortlist.includes(args.chosen))
    return [
      {
        code: 'NOT_IN_SHORTLIST',
        field: 'applicationId',
        message: 'Calon yang dipilih tidak termasuk dalam 3 (tiga) nama hasil seleksi',
      },
    ];
  if (args.chosen !== args.shortlist[0] && (args.justification ?? '').trim().length < MIN_JUSTIFICATION_LENGTH)
    return [
      {
        code: 'JUSTIFICATION_REQUIRED',
        field: 'justification',
        message: `Alasan wajib dicatat (paling sedikit ${MIN_JUSTIFICATION_LENGTH} karakter) bila calon yang dipilih bukan peringkat pertama`,
      },
    ];
  return [];
}

/**
 * Who chooses and appoints: Pratama → the PPK; Madya/Utama → the President on the PPK's proposal;
 * a provincial regional secretary (Sekda, JPT Madya) → the President through the Home Affairs Minister.
 */
export function appointmentRoute(
  level: JptLevel,
  opts: { agencyKind: AgencyDto['kind']; isRegionalSecretary: boolean },
): 'PPK' | 'PRESIDENT' | 'PRESIDENT_VIA_HOME_AFFAIRS' {
  if (level === 'PRATAMA') return 'PPK';
  // Legacy 'PROVINCE' (inputs pinned before agency records) and 'PROVINSI' route alike, so replays agree.
  if (level === 'MADYA' && agencyKindOf(opts.agencyKind) === 'PROVINSI' && opts.isRegionalSecretary)
    return 'PRESIDENT_VIA_HOME_AFFAIRS';
  return 'PRESIDENT';
}
