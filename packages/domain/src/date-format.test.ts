import { describe, expect, it } from 'vitest';
import type { AgencyTimeZone } from './levels';
import {
  agencyZoneOf,
  DAY_NAMES_ID,
  formatDateTimeId,
  formatLocalDateId,
  formatTimeId,
  localClockOf,
} from './date-format';
import { dayOfWeek } from './calendar';

describe('formatLocalDateId', () => {
  it.each([
    ['2026-01-05', '5 Januari 2026'],
    ['2026-02-28', '28 Februari 2026'],
    ['2026-03-01', '1 Maret 2026'],
    ['2026-04-30', '30 April 2026'],
    ['2026-05-14', '14 Mei 2026'],
    ['2026-06-01', '1 Juni 2026'],
    ['2027-07-01', '1 Juli 2027'],
    ['2026-08-17', '17 Agustus 2026'],
    ['2026-09-09', '9 September 2026'],
    ['2026-10-28', '28 Oktober 2026'],
    ['2026-11-24', '24 November 2026'],
    ['2026-12-31', '31 Desember 2026'],
    ['2028-02-29', '29 Februari 2028'],
  ])('%s → %s (every month named in Indonesian, day without a leading zero)', (date, text) => {
    expect(formatLocalDateId(date)).toBe(text);
  });
});

describe('formatDateTimeId in the agency zone, whatever the machine zone', () => {
  // The end of 10 December 2026 in Makassar is 15.59.59 UTC; 16.30 UTC is 23.30 WIB but 00.30 WITA.
  it.each<[string, AgencyTimeZone, boolean, string]>([
    ['2026-12-10T15:59:59.999Z', 'WITA', false, '10 Desember 2026 pukul 23.59 WITA'],
    ['2026-12-10T15:59:59.999Z', 'WITA', true, '10 Desember 2026 pukul 23.59.59 WITA'],
    ['2026-12-10T15:59:59.999Z', 'WIB', false, '10 Desember 2026 pukul 22.59 WIB'],
    ['2026-12-10T15:59:59.999Z', 'WIT', false, '11 Desember 2026 pukul 00.59 WIT'],
    ['2026-12-10T16:30:00.000Z', 'WIB', false, '10 Desember 2026 pukul 23.30 WIB'],
    ['2026-12-10T16:30:00.000Z', 'WITA', false, '11 Desember 2026 pukul 00.30 WITA'],
    ['2026-12-10T16:30:00.000Z', 'WIT', false, '11 Desember 2026 pukul 01.30 WIT'],
    // Midnight edges: the first and the last instant of a local day, and a year's turn.
    ['2026-12-31T17:00:00.000Z', 'WIB', true, '1 Januari 2027 pukul 00.00.00 WIB'],
    ['2026-12-31T16:59:59.999Z', 'WIB', true, '31 Desember 2026 pukul 23.59.59 WIB'],
    ['2026-12-31T16:00:00.000Z', 'WITA', true, '1 Januari 2027 pukul 00.00.00 WITA'],
    ['2026-12-31T15:00:00.000Z', 'WIT', true, '1 Januari 2027 pukul 00.00.00 WIT'],
    ['2026-12-31T14:59:59.999Z', 'WIT', true, '31 Desember 2026 pukul 23.59.59 WIT'],
    ['2028-02-28T16:00:00.000Z', 'WITA', false, '29 Februari 2028 pukul 00.00 WITA'],
  ])('%s in %s (seconds %s) → %s', (instant, tz, seconds, text) => {
    expect(formatDateTimeId(instant, tz, seconds)).toBe(text);
    expect(formatDateTimeId(new Date(instant), tz, seconds)).toBe(text);
    expect(formatDateTimeId(Date.parse(instant), tz, seconds)).toBe(text);
  });

  it('reads the wall clock and the time alone', () => {
    expect(localClockOf('2026-11-23T16:30:05Z', 'WITA')).toEqual({
      date: '2026-11-24',
      year: 2026,
      month: 11,
      day: 24,
      hour: 0,
      minute: 30,
      second: 5,
    });
    expect(formatTimeId('2026-11-23T16:30:05Z', 'WIB')).toBe('23.30');
    expect(formatTimeId('2026-11-23T16:30:05Z', 'WIT', true)).toBe('01.30.05');
  });

  it('names the day of the week', () => {
    expect(DAY_NAMES_ID[dayOfWeek('2026-12-14')]).toBe('Senin');
    expect(DAY_NAMES_ID[dayOfWeek('2026-12-13')]).toBe('Minggu');
  });
});

describe('agencyZoneOf', () => {
  it.each([
    ['WIB', 'WIB'],
    ['WITA', 'WITA'],
    ['WIT', 'WIT'],
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    [null, 'WIB'],
    [undefined, 'WIB'],
    ['', 'WIB'],
  ])('%s → %s', (zone, code) => {
    expect(agencyZoneOf(zone)).toBe(code);
  });
});
