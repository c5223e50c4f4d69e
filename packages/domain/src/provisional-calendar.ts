/**
 * A provisional holiday calendar for a year whose SKB (joint decree of the Ministers of Religious
 * Affairs, Manpower and PANRB) is not entered yet. Computed, so expect ±1 day on the lunar holidays:
 *
 * - fixed dates (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec): exact;
 * - Good Friday, Easter Sunday, Ascension: exact (Gregorian computus);
 * - Hijri holidays: the Umm al-Qura calendar (Intl 'islamic-umalqura'). Indonesia fixes them by the
 *   MABIMS sighting criterion, often one day after Umm al-Qura (2025: Idul Fitri, 1 Muharram, Maulid);
 * - Imlek: the Chinese calendar (Intl 'chinese'), the same as the SKB in practice;
 * - Nyepi and Waisak: the new and full moon (Meeus, Astronomical Algorithms ch. 49, without the
 *   planetary terms: within a few minutes). The Balinese Saka and Buddhist lunisolar calendars use
 *   their own arithmetic and leap months, so the day (rarely the month) may differ: see the rules below.
 *
 * No cuti bersama: those are policy, not astronomy. Uses Intl, so this is for services, never for
 * workflow code (workflows receive the computed year as data).
 */
import { addCalendarDays, type DayOff, type HolidayYear, type LocalDate } from './calendar';

const DAY_MS = 86_400_000;

function utcDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDate(Date.UTC(year, month - 1, day));
}

const RAD = Math.PI / 180;
const sin = (deg: number) => Math.sin(deg * RAD);

/**
 * The instant (ms since epoch, UTC) of the new moon (phase 0) or full moon (phase 0.5) of lunation
 * `k` counted from the new moon of 6 January 2000 (Meeus ch. 49).
 */
export function moonPhaseInstant(k: number, phase: 0 | 0.5): number {
  const kk = Math.floor(k) + phase;
  const T = kk / 1236.85;
  const jde = 2451550.09766 + 29.530588861 * kk + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = 2.5534 + 29.1053567 * kk - 0.0000014 * T ** 2 - 0.00000011 * T ** 3;
  const Mp = 201.5643 + 385.81693528 * kk + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4;
  const F = 160.7108 + 390.67050284 * kk - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4;
  const Om = 124.7746 - 1.56375588 * kk + 0.0020672 * T ** 2 + 0.00000215 * T ** 3;
  const [c1, c2, c3, c4, c5, c6, c7] =
    phase === 0
      ? [-0.4072, 0.17241, 0.01608, 0.01039, 0.00739, -0.00514, 0.00208]
      : [-0.40614, 0.17302, 0.01614, 0.01043, 0.00734, -0.00515, 0.00209];
  const corr =
    c1 * sin(Mp) +
    c2 * E * sin(M) +
    c3 * sin(2 * Mp) +
    c4 * sin(2 * F) +
    c5 * E * sin(Mp - M) +
    c6 * E * sin(Mp + M) +
    c7 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  // JDE is Terrestrial Time; ΔT ≈ 69 s in the 2020s (negligible for a date, kept for honesty).
  const jdUt = jde + corr - 69 / 86_400;
  return (jdUt - 2440587.5) * DAY_MS;
}

/** Moon phases of the given kind whose instant falls in [fromMs, toMs), in order. */
function phasesBetween(fromMs: number, toMs: number, phase: 0 | 0.5): number[] {
  const k0 = Math.floor((fromMs - Date.UTC(2000, 0, 6)) / DAY_MS / 29.530588861) - 1;
  const out: number[] = [];
  for (let k = k0; ; k++) {
    const t = moonPhaseInstant(k, phase);
    if (t >= toMs) break;
    if (t >= fromMs) out.push(t);
  }
  return out;
}

const WIB_MS = 7 * 3_600_000;
const WITA_MS = 8 * 3_600_000;

/**
 * Nyepi (1 Kadasa, Saka new year): the Balinese day after *tilem kesanga*, the new moon of the ninth
 * month. Rule: the WITA date of the conjunction + 12 h, for the first new moon giving a date on or
 * after 3 March. It gives the decreed date for 2019–2024 and 2026; in 2025 (conjunction 18:58 WITA on
 * 29 March) it gives 30 March against the decreed 29 March, the Balinese reckoning (pengalantaka)
 * differing from astronomy. Expect ±1 day.
 */
export function nyepi(year: number): LocalDate {
  for (const t of phasesBetween(Date.UTC(year, 1, 1), Date.UTC(year, 4, 1), 0)) {
    const d = utcDate(t + WITA_MS + 12 * 3_600_000);
    if (d >= `${year}-03-03`) return d;
  }
  throw new Error(`no new moon found for Nyepi ${year}`);
}

/**
 * Waisak: the WIB date of the Vesak full moon, taken as the first full moon dated on or after 7 May
 * (Indonesia chose 4 June 2023 and 31 May 2026 over the full moons of 6 and 2 May in those leap
 * years). Gives the decreed date for 2015–2026; it would miss 6 May 2012 (a month late). Expect ±1
 * day, and in a rare leap year a month.
 */
export function waisak(year: number): LocalDate {
  for (const t of phasesBetween(Date.UTC(year, 3, 1), Date.UTC(year, 7, 1), 0.5)) {
    const d = utcDate(t + WIB_MS);
    if (d >= `${year}-05-07`) return d;
  }
  throw new Error(`no full moon found for Waisak ${year}`);
}

interface LunarDay {
  date: LocalDate;
  year: number;
  month: string;
  day: number;
}

function lunarDays(year: number, calendar: 'islamic-umalqura' | 'chinese'): LunarDay[] {
  const fmt = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const out: LunarDay[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    const parts = fmt.formatToParts(new Date(t));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    out.push({
      date: utcDate(t),
      year: Number(part('year') || part('relatedYear')),
      month: part('month'),
      day: Number(part('day')),
    });
  }
  return out;
}

/** Hijri holidays of the Gregorian year by the Umm al-Qura calendar (see the module comment). */
export function hijriHolidays(year: number): DayOff[] {
  const days = lunarDays(year, 'islamic-umalqura');
  const out: DayOff[] = [];
  const on = (month: number, day: number) => days.filter((d) => d.month === String(month) && d.day === day);
  for (const d of on(7, 27)) out.push({ date: d.date, name: 'Isra Mikraj Nabi Muhammad SAW' });
  for (const d of [...on(10, 1), ...on(10, 2)]) out.push({ date: d.date, name: `Idul Fitri ${d.year} Hijriah` });
  for (const d of on(12, 10)) out.push({ date: d.date, name: `Idul Adha ${d.year} Hijriah` });
  for (const d of on(1, 1)) out.push({ date: d.date, name: `Tahun Baru Islam ${d.year} Hijriah` });
  for (const d of on(3, 12)) out.push({ date: d.date, name: 'Maulid Nabi Muhammad SAW' });
  return out;
}

/** Imlek: the first day of the first month of the Chinese calendar. */
export function imlek(year: number): LocalDate {
  const d = lunarDays(year, 'chinese').find((x) => x.month === '1' && x.day === 1);
  if (!d) throw new Error(`no Chinese new year in ${year}`);
  return d.date;
}

/** Years the provisional computation supports (Intl's Umm al-Qura tables and the lunar series). */
export const PROVISIONAL_YEARS = { from: 2000, to: 2076 } as const;

/** The computed national holidays of a year, each marked provisional; no cuti bersama. */
export function provisionalHolidayYear(year: number): HolidayYear {
  if (!Number.isInteger(year) || year < PROVISIONAL_YEARS.from || year > PROVISIONAL_YEARS.to) {
    throw new RangeError(`provisional calendar not available for ${year}`);
  }
  const easter = easterSunday(year);
  const days: DayOff[] = [
    { date: `${year}-01-01`, name: `Tahun Baru ${year} Masehi` },
    { date: imlek(year), name: `Tahun Baru Imlek ${year + 551} Kongzili` },
    { date: nyepi(year), name: `Hari Suci Nyepi Tahun Baru Saka ${year - 78}` },
    { date: addCalendarDays(easter, -2), name: 'Wafat Yesus Kristus' },
    { date: easter, name: 'Kebangkitan Yesus Kristus (Paskah)' },
    { date: `${year}-05-01`, name: 'Hari Buruh Internasional' },
    { date: addCalendarDays(easter, 39), name: 'Kenaikan Yesus Kristus' },
    { date: waisak(year), name: `Hari Raya Waisak ${year + 544} BE` },
    { date: `${year}-06-01`, name: 'Hari Lahir Pancasila' },
    { date: `${year}-08-17`, name: 'Hari Proklamasi Kemerdekaan Republik Indonesia' },
    { date: `${year}-12-25`, name: 'Kelahiran Yesus Kristus' },
    ...hijriHolidays(year),
  ];
  // Two holidays may share a day (Hijri and Waisak, say): keep one entry per date, both names.
  const byDate = new Map<LocalDate, DayOff>();
  for (const d of days) {
    const seen = byDate.get(d.date);
    byDate.set(d.date, seen ? { ...seen, name: `${seen.name}; ${d.name}` } : { ...d, provisional: true });
  }
  return {
    year,
    holidays: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    cutiBersama: [],
    source: `Kalender sementara (perhitungan sistem, belum ada SKB tahun ${year}); hari libur keagamaan dapat bergeser ±1 hari`,
    provisional: true,
  };
}
