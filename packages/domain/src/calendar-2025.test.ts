import { describe, expect, it } from 'vitest';
import { addWorkingDays, dayOfWeek, DEFAULT_HOLIDAY_CALENDAR as cal, HOLIDAYS_2025, isWorkingDay } from './calendar';

describe('holidays 2025 (SKB 1017/2024, 2/2024, 2/2024 as amended by 933/2025, 1/2025, 3/2025)', () => {
  it('has 17 holidays and 11 cuti bersama days, all on weekdays for the cuti bersama', () => {
    expect(HOLIDAYS_2025.holidays).toHaveLength(17);
    expect(HOLIDAYS_2025.cutiBersama).toHaveLength(11);
    for (const d of HOLIDAYS_2025.cutiBersama) expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(d.date));
    expect(cal[2025]).toBe(HOLIDAYS_2025);
  });

  it.each([
    ['2025-01-28', false],
    ['2025-03-28', false],
    ['2025-04-07', false],
    ['2025-04-08', true],
    ['2025-08-18', false],
    ['2025-08-19', true],
    ['2025-09-05', false],
    ['2025-12-26', false],
    ['2025-11-24', true],
  ])('%s working=%s', (date, working) => {
    expect(isWorkingDay(date, cal)).toBe(working);
  });

  it.each([
    // Lebaran 2025: 28 Mar cuti, 29 Nyepi (Sat), 31 Mar–1 Apr Idul Fitri, 2–4 and 7 Apr cuti.
    ['2025-03-27', 1, '2025-04-08'],
    ['2025-12-24', 1, '2025-12-29'],
    ['2025-12-31', 1, '2026-01-02'],
    ['2025-08-15', 1, '2025-08-19'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
  });
});
