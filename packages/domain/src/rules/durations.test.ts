import { describe, expect, it } from 'vitest';
import { addMonths, durationOfPeriods, formatDuration, monthsAndDays } from './durations';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2021-11-24', 60, '2026-11-24'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('monthsAndDays', () => {
  it.each([
    ['2021-11-24', '2026-11-24', 60, 0],
    ['2021-11-25', '2026-11-24', 59, 30],
    ['2020-02-29', '2021-02-28', 12, 0],
    ['2026-01-10', '2026-01-10', 0, 0],
    ['2026-01-10', '2026-03-09', 1, 27],
  ])('%s → %s = %i months %i days', (a, b, months, days) => {
    expect(monthsAndDays(a, b)).toEqual({ months, days });
  });
});

describe('durationOfPeriods', () => {
  const asOf = '2026-11-24';
  it.each([
    ['open period up to asOf (exclusive)', [{ from: '2021-11-24', to: null }], 60, 0],
    ['closed period, `to` inclusive', [{ from: '2018-07-01', to: '2023-06-30' }], 60, 0],
    [
      'adjacent periods join without a gap',
      [
        { from: '2018-07-01', to: '2020-06-30' },
        { from: '2020-07-01', to: '2023-06-30' },
      ],
      60,
      0,
    ],
    [
      'overlapping periods count once',
      [
        { from: '2020-01-01', to: '2022-12-31' },
        { from: '2021-01-01', to: '2023-12-31' },
      ],
      48,
      0,
    ],
    [
      'leftover days of separate stretches add up (30.4375 days per month)',
      [
        { from: '2020-01-01', to: '2020-01-20' },
        { from: '2021-01-01', to: '2021-01-15' },
      ],
      1,
      5,
    ],
    ['30 leftover days of one stretch stay days', [{ from: '2021-11-25', to: null }], 59, 30],
    [
      'two 15-day leftovers are not yet a month',
      [
        { from: '2020-01-01', to: '2020-01-15' },
        { from: '2021-01-01', to: '2021-01-15' },
      ],
      0,
      30,
    ],
    ['a period reaching past asOf is clipped', [{ from: '2025-11-24', to: '2030-01-01' }], 12, 0],
    ['a period starting after asOf counts nothing', [{ from: '2027-01-01', to: null }], 0, 0],
    ['nothing', [], 0, 0],
  ])('%s', (_name, periods, months, days) => {
    const d = durationOfPeriods(periods, asOf);
    expect({ months: d.months, days: d.days }).toEqual({ months, days });
  });

  it('ignores periods with invalid dates and reports how many', () => {
    const d = durationOfPeriods(
      [
        { from: '2020-13-01', to: null },
        { from: '2024-01-01', to: '2023-01-01' },
        { from: '2024-11-24', to: null },
      ],
      asOf,
    );
    expect(d).toMatchObject({ months: 24, days: 0, ignored: 2 });
  });
});

describe('formatDuration', () => {
  it.each([
    [{ months: 60, days: 0 }, '5 tahun'],
    [{ months: 62, days: 3 }, '5 tahun 2 bulan 3 hari'],
    [{ months: 11, days: 0 }, '11 bulan'],
    [{ months: 0, days: 0 }, '0 hari'],
  ])('%j → %s', (d, text) => {
    expect(formatDuration(d)).toBe(text);
  });
});
