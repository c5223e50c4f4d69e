import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_HOLIDAY_CALENDAR as cal,
  dayOffReason,
  endOfLocalDay,
  isWorkingDay,
  lastDayOfPeriod,
  localDateOf,
  periodDeadline,
} from './calendar';

describe('working days 2026', () => {
  it.each([
    ['2026-11-24', true, null],
    ['2026-11-28', false, 'Sabtu'],
    ['2026-11-29', false, 'Minggu'],
    ['2026-03-19', false, 'Hari Suci Nyepi Tahun Baru Saka 1948'],
    ['2026-03-20', false, 'Cuti bersama Idul Fitri'],
    ['2026-12-24', false, 'Cuti bersama Kelahiran Yesus Kristus'],
    ['2026-08-17', false, 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
    ['2026-03-25', true, null],
  ])('%s working=%s', (date, working, reason) => {
    expect(isWorkingDay(date, cal)).toBe(working);
    expect(dayOffReason(date, cal)).toBe(reason);
  });

  it.each([
    // Lebaran: 18 Mar cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri (weekend), 23–24 cuti.
    ['2026-03-17', 1, '2026-03-25'],
    ['2026-03-16', 2, '2026-03-25'],
    ['2026-11-20', 5, '2026-11-27'],
    ['2026-12-22', 3, '2026-12-29'],
    ['2026-05-13', 1, '2026-05-18'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
  });

  it('refuses years without holiday data', () => {
    expect(() => isWorkingDay('2031-01-06', cal)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('periods and deadlines', () => {
  it.each([
    ['2026-06-01', 15, 'CALENDAR', '2026-06-15'],
    ['2026-12-20', 15, 'CALENDAR', '2027-01-03'],
    ['2026-06-01', 1, 'CALENDAR', '2026-06-01'],
    // 1 Jun is a holiday: counting starts on Tue 2 Jun; 15 working days skip 16 Jun.
    ['2026-06-01', 15, 'WORKING', '2026-06-23'],
    ['2026-11-23', 5, 'WORKING', '2026-11-27'],
    ['2026-11-21', 1, 'WORKING', '2026-11-23'],
  ] as const)('%s + %i %s days ends %s', (start, days, kind, last) => {
    expect(lastDayOfPeriod(start, days, kind, cal)).toBe(last);
  });

  it('closes at the end of the local day in the agency time zone', () => {
    expect(endOfLocalDay('2026-06-15', 'WITA').toISOString()).toBe('2026-06-15T15:59:59.999Z');
    expect(endOfLocalDay('2026-06-15', 'WIB').toISOString()).toBe('2026-06-15T16:59:59.999Z');
    expect(endOfLocalDay('2026-06-15', 'WIT').toISOString()).toBe('2026-06-15T14:59:59.999Z');
    expect(periodDeadline('2026-06-01', 15, 'CALENDAR', 'WITA', cal).closesAt.toISOString()).toBe(
      '2026-06-15T15:59:59.999Z',
    );
  });

  it('reads local dates across the UTC boundary', () => {
    expect(localDateOf('2026-11-23T16:30:00Z', 'WITA')).toBe('2026-11-24');
    expect(localDateOf('2026-11-23T15:59:59Z', 'WITA')).toBe('2026-11-23');
  });
});
