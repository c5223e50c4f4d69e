import { HOLIDAYS_2026, type HolidayYear } from '@seleksi/domain';
import { describe, expect, it } from 'vitest';
import { canonicalHolidayYear, holidayYearIssues, mergeHolidayYears, sameHolidayYear } from './holiday-calendar';

const y2027: HolidayYear = {
  year: 2027,
  source: 'SKB 2027',
  holidays: [
    { date: '2027-08-17', name: 'Hari Proklamasi' },
    { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
  ],
  cutiBersama: [{ date: '2027-12-24', name: 'Cuti bersama Natal' }],
};

describe('holidayYearIssues', () => {
  it('accepts the shipped 2026 calendar and a well-formed year', () => {
    expect(holidayYearIssues(HOLIDAYS_2026, 2026)).toEqual([]);
    expect(holidayYearIssues(y2027, 2027)).toEqual([]);
  });

  it.each<[string, HolidayYear, number, string]>([
    ['year differs from the path', y2027, 2028, 'year'],
    ['empty source', { ...y2027, source: '  ' }, 2027, 'source'],
    ['impossible date', { ...y2027, holidays: [{ date: '2027-02-30', name: 'X' }] }, 2027, 'holidays.0.date'],
    ['malformed date', { ...y2027, cutiBersama: [{ date: '27-1-1', name: 'X' }] }, 2027, 'cutiBersama.0.date'],
    ['date of another year', { ...y2027, holidays: [{ date: '2026-12-31', name: 'X' }] }, 2027, 'holidays.0.date'],
    [
      'duplicate within a list',
      { ...y2027, holidays: [...y2027.holidays, { date: '2027-01-01', name: 'Again' }] },
      2027,
      'holidays.2.date',
    ],
    ['empty name', { ...y2027, cutiBersama: [{ date: '2027-12-24', name: ' ' }] }, 2027, 'cutiBersama.0.name'],
  ])('rejects %s', (_label, input, year, field) => {
    expect(holidayYearIssues(input, year).map((i) => i.field)).toEqual([field]);
  });

  it('allows the same date once in holidays and once in cuti bersama', () => {
    const both = { ...y2027, cutiBersama: [{ date: '2027-01-01', name: 'Cuti' }] };
    expect(holidayYearIssues(both, 2027)).toEqual([]);
  });
});

describe('canonical form and merge', () => {
  it('sorts days by date and trims names and source', () => {
    const c = canonicalHolidayYear({
      ...y2027,
      source: ' SKB 2027 ',
      cutiBersama: [{ date: '2027-12-24', name: ' N ' }],
    });
    expect(c.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-08-17']);
    expect([c.source, c.cutiBersama[0]?.name]).toEqual(['SKB 2027', 'N']);
  });

  it('compares calendars after canonicalisation', () => {
    expect(sameHolidayYear(y2027, { ...y2027, holidays: [...y2027.holidays].reverse() })).toBe(true);
    expect(sameHolidayYear(y2027, { ...y2027, source: 'SKB 2027 (amended)' })).toBe(false);
  });

  it('replaces shipped years by stored ones and sorts by year', () => {
    const amended = { ...HOLIDAYS_2026, source: 'amended' };
    const merged = mergeHolidayYears([HOLIDAYS_2026], [y2027, amended]);
    expect(merged.map((y) => [y.year, y.source])).toEqual([
      [2026, 'amended'],
      [2027, 'SKB 2027'],
    ]);
  });
});
