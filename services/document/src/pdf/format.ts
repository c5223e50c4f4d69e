/**
 * Indonesian formatting for official documents. Instants are shown in the agency's time zone, never the
 * machine's: Indonesia has no daylight saving, so the fixed offsets in TIME_ZONES are exact.
 */
import { DomainError, TIME_ZONES } from '@seleksi/domain';
import type { AgencyTimeZone, JptLevel } from '@seleksi/domain';

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const LEVEL_NAMES_ID: Record<JptLevel, string> = { UTAMA: 'Utama', MADYA: 'Madya', PRATAMA: 'Pratama' };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock parts of an instant in an agency time zone. */
export function localParts(instant: Date | string, timeZone: AgencyTimeZone): LocalDateTime {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new DomainError('VALIDATION_FAILED', `Invalid instant: ${String(instant)}`);
  const shifted = new Date(date.getTime() + TIME_ZONES[timeZone].offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const m = LOCAL_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Round-trip through UTC to reject dates such as 2026-02-30.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DomainError('VALIDATION_FAILED', `Invalid calendar date: ${value}`);
  }
  return { year, month, day };
}

/**
 * '24 November 2026'. A `YYYY-MM-DD` string is a local calendar date and is printed as is; a Date or an
 * ISO instant is converted to the agency's time zone first.
 */
export function formatDateId(date: Date | string, timeZone: AgencyTimeZone): string {
  const local =
    typeof date === 'string' ? (parseLocalDate(date) ?? localParts(date, timeZone)) : localParts(date, timeZone);
  return `${local.day} ${MONTHS_ID[local.month - 1]} ${local.year}`;
}

/** '23.59': Indonesian style uses a dot between hours and minutes. */
export function formatTimeId(instant: Date | string, timeZone: AgencyTimeZone): string {
  const { hour, minute } = localParts(instant, timeZone);
  return `${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')}`;
}

/** '24 November 2026 pukul 23.59 WITA'. */
export function formatDateTimeId(instant: Date | string, timeZone: AgencyTimeZone): string {
  return `${formatDateId(toInstant(instant), timeZone)} pukul ${formatTimeId(instant, timeZone)} ${timeZone}`;
}

function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new DomainError('VALIDATION_FAILED', `Invalid instant: ${String(value)}`);
  return date;
}

/** 'PRATAMA' → 'Pratama'. */
export function levelNameId(level: JptLevel): string {
  return LEVEL_NAMES_ID[level];
}

/** Groups an 18-digit NIP as printed on letters: '19750312 200003 1 002'. Anything else is returned trimmed. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
