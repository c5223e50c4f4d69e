/**
 * The portal's one Indonesian date and time formatter. Instants are shown in the agency's time zone
 * with its label (WIB/WITA/WIT), whatever zone the viewer's browser is in: a deadline at 23.59 WITA
 * reads "23.59 WITA" in Jakarta, Makassar and UTC alike.
 */
import { TIME_ZONES, type AgencyTimeZone } from '@seleksi/domain';

const MONTHS = [
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
];

/** Where no agency is known the portal shows Jakarta time, labelled, never the browser's zone. */
export const DEFAULT_ZONE = TIME_ZONES.WIB.iana;

const LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** An IANA zone from an IANA name or an agency's code (WIB/WITA/WIT); null/undefined → WIB. */
export function ianaZone(zone?: string | null): string {
  if (!zone) return DEFAULT_ZONE;
  return zone in TIME_ZONES ? TIME_ZONES[zone as AgencyTimeZone].iana : zone;
}

/** WIB/WITA/WIT for an Indonesian zone, the zone's short name otherwise. */
export function zoneLabel(zone?: string | null): string {
  const iana = ianaZone(zone);
  return LABELS[iana] ?? iana;
}

const parts = new Map<string, Intl.DateTimeFormat>();
function partsIn(iana: string): Intl.DateTimeFormat {
  let f = parts.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: iana,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    parts.set(iana, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateIn(instant: Date, zone?: string | null): string {
  const p = Object.fromEntries(
    partsIn(ianaZone(zone))
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
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
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = Object.fromEntries(
    partsIn(ianaZone(zone))
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  const day = `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
  if (!time) return day;
  const clock = `${p.hour}.${p.minute}${time === 'seconds' ? `.${p.second}` : ''}`;
  return `${day} pukul ${clock} ${zoneLabel(zone)}`;
}
