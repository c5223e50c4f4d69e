/**
 * Indonesian formatting for official documents. Dates and times come from the shared formatter of
 * @seleksi/domain; documents add strict input checks (an unreadable date is an error, not a dash).
 */
import {
  DomainError,
  formatDateTimeId as formatDateTimeIdIn,
  formatLocalDateId,
  formatTimeId as formatTimeIdIn,
  localClockOf,
} from '@seleksi/domain';
import type { AgencyTimeZone, JptLevel } from '@seleksi/domain';

const LEVEL_NAMES_ID: Record<JptLevel, string> = { UTAMA: 'Utama', MADYA: 'Madya', PRATAMA: 'Pratama' };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid instant; documents refuse to print a date they could not read. */
function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new DomainError('VALIDATION_FAILED', `Invalid instant: ${String(value)}`);
  return date;
}

function isCalendarDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Round-trip through UTC to reject dates such as 2026-02-30.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DomainError('VALIDATION_FAILED', `Invalid calendar date: ${value}`);
  }
  return true;
}

/**
 * '24 November 2026'. A `YYYY-MM-DD` string is a local calendar date and is printed as is; a Date or an
 * ISO instant is converted to the agency's time zone first.
 */
export function formatDateId(date: Date | string, timeZone: AgencyTimeZone): string {
  if (typeof date === 'string' && isCalendarDate(date)) return formatLocalDateId(date);
  return formatLocalDateId(localClockOf(toInstant(date), timeZone).date);
}

/** '23.59': Indonesian style uses a dot between hours and minutes. */
export function formatTimeId(instant: Date | string, timeZone: AgencyTimeZone): string {
  return formatTimeIdIn(toInstant(instant), timeZone);
}

/** '24 November 2026 pukul 23.59 WITA'. */
export function formatDateTimeId(instant: Date | string, timeZone: AgencyTimeZone): string {
  return formatDateTimeIdIn(toInstant(instant), timeZone);
}

/** 'PRATAMA' → 'Pratama'. */
export function levelNameId(level: JptLevel): string {
  return LEVEL_NAMES_ID[level];
}

const WORDS_ID = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
] as const;

function spellId(n: number): string {
  const then = (head: string, rest: number) => (rest === 0 ? head : `${head} ${spellId(rest)}`);
  if (n < 12) return WORDS_ID[n] ?? '';
  if (n < 20) return `${spellId(n - 10)} belas`;
  if (n < 100) return then(`${spellId(Math.floor(n / 10))} puluh`, n % 10);
  if (n < 200) return then('seratus', n - 100);
  if (n < 1000) return then(`${spellId(Math.floor(n / 100))} ratus`, n % 100);
  if (n < 2000) return then('seribu', n - 1000);
  if (n < 1_000_000) return then(`${spellId(Math.floor(n / 1000))} ribu`, n % 1000);
  if (n < 1_000_000_000) return then(`${spellId(Math.floor(n / 1_000_000))} juta`, n % 1_000_000);
  return then(`${spellId(Math.floor(n / 1_000_000_000))} miliar`, n % 1_000_000_000);
}

/** Number words (terbilang) as written in brackets after a count: 2 → 'dua', 21 → 'dua puluh satu'. */
export function numberWordsId(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) {
    throw new DomainError('VALIDATION_FAILED', `Cannot write ${n} in words`);
  }
  return spellId(n);
}

/** '2 (dua) berkas': a count followed by its words, as official letters write quantities. */
export function countId(n: number, noun: string): string {
  return `${n} (${numberWordsId(n)}) ${noun}`;
}

/**
 * Indonesian ordinal word: 1 → 'kesatu', 2 → 'kedua', 11 → 'kesebelas', 12 → 'kedua belas'. Decrees
 * name their dictums with it in capitals (KESATU, KEDUA, …).
 */
export function ordinalId(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new DomainError('VALIDATION_FAILED', `No ordinal for ${n}`);
  return `ke${numberWordsId(n)}`;
}

/** Label of the n-th dictum (1-based) of a decree: 'KESATU', 'KEDUA', …, 'KEDUA PULUH'. */
export function dictumLabel(n: number): string {
  return ordinalId(n).toUpperCase();
}

/** Groups an 18-digit NIP as printed on letters: '19750312 200003 1 002'. Anything else is returned trimmed. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
