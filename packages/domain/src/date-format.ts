/**
 * The one Indonesian date and time formatter (portal, PDFs, mails, gateway, operator view). Instants
 * are shown in the agency's time zone with its label, never the machine's or the browser's: Indonesia
 * has no daylight saving, so the fixed offsets in TIME_ZONES are exact. Pure (no Intl, no Date.now),
 * so workflow code may use it too.
 */
import { TIME_ZONES, type AgencyTimeZone } from './levels';
import type { LocalDate } from './calendar';

export const MONTH_NAMES_ID = [
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

/** Minggu … Sabtu, indexed like `dayOfWeek` (0 = Sunday). */
export const DAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const IANA_ZONES: Record<string, AgencyTimeZone> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * The agency zone (WIB/WITA/WIT) of a zone code or an Indonesian IANA name; null/undefined → WIB
 * (where no agency is known, Jakarta time, labelled). Other names are not agency zones: WIB too.
 */
export function agencyZoneOf(zone?: string | null): AgencyTimeZone {
  if (!zone) return 'WIB';
  if (zone in TIME_ZONES) return zone as AgencyTimeZone;
  return IANA_ZONES[zone] ?? 'WIB';
}

/** Wall-clock reading of an instant in an agency's zone. */
export interface LocalClock {
  date: LocalDate;
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of an instant in an agency time zone (the instant must be valid). */
export function localClockOf(instant: Date | string | number, tz: AgencyTimeZone): LocalClock {
  const shifted = new Date(new Date(instant).getTime() + TIME_ZONES[tz].offsetMinutes * 60_000);
  return {
    date: shifted.toISOString().slice(0, 10),
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** '1 Juli 2027' for '2027-07-01' (the input is assumed to be a valid `YYYY-MM-DD`). */
export function formatLocalDateId(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES_ID[m - 1] ?? '?'} ${y}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** '23.59' (Indonesian style: a dot between hours and minutes); with seconds '23.59.58'. */
export function formatTimeId(instant: Date | string | number, tz: AgencyTimeZone, seconds = false): string {
  const c = localClockOf(instant, tz);
  return `${two(c.hour)}.${two(c.minute)}${seconds ? `.${two(c.second)}` : ''}`;
}

/** '24 November 2026 pukul 23.59 WITA' (with seconds '… pukul 23.59.58 WITA'). */
export function formatDateTimeId(instant: Date | string | number, tz: AgencyTimeZone, seconds = false): string {
  return `${formatLocalDateId(localClockOf(instant, tz).date)} pukul ${formatTimeId(instant, tz, seconds)} ${tz}`;
}
