/**
 * The portal's date and time display, on the shared Indonesian formatter of @seleksi/domain. Instants
 * are shown in the agency's time zone with its label (WIB/WITA/WIT), whatever zone the viewer's browser
 * is in: a deadline at 23.59 WITA reads "23.59 WITA" in Jakarta, Makassar and UTC alike.
 */
import { agencyZoneOf, formatDateTimeId, formatLocalDateId, localClockOf } from '@seleksi/domain';

/** WIB/WITA/WIT for an agency's zone (its code or IANA name); null/undefined → WIB. */
export function zoneLabel(zone?: string | null): string {
  return agencyZoneOf(zone);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateIn(instant: Date, zone?: string | null): string {
  return localClockOf(instant, agencyZoneOf(zone)).date;
}

/**
 * '2026-11-24' → '24 November 2026' (a local date: no zone). An ISO instant → its date in the zone,
 * with `time` '24 November 2026 pukul 23.59 WITA', with 'seconds' '… pukul 23.59.58 WITA'.
 * `zone` is the agency's IANA zone or its code (WIB/WITA/WIT); without one, WIB.
 */
export function formatDate(
  value: string | null | undefined,
  time: boolean | 'seconds' = false,
  zone?: string | null,
): string {
  if (!value) return '-';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLocalDateId(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const tz = agencyZoneOf(zone);
  if (!time) return formatLocalDateId(localClockOf(date, tz).date);
  return formatDateTimeId(date, tz, time === 'seconds');
}
