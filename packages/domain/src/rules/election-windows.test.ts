import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_CALENDAR } from '../calendar';
import { electionWindowAt } from './appointment';
import { addMonths } from './durations';
import {
  checkElectionSchedule,
  electionRegionId,
  electionRegionIdOf,
  electionReportDueOn,
  electionWindowsOf,
  type ElectionScheduleDto,
} from './election-windows';

// Pilkada serentak 2024: candidate pairs determined 22 Sep 2024; terms ending 31 Dec 2024; new heads
// inaugurated 20 Feb 2025 (the dates are illustrative of one region).
const pilkada2024: ElectionScheduleDto = {
  label: 'Pilkada 2024',
  candidatePairsDeterminedOn: '2024-09-22',
  currentTermEndsOn: '2024-12-31',
  newHeadInauguratedOn: '2025-02-20',
};

describe('addMonths', () => {
  it.each([
    ['2024-09-22', -6, '2024-03-22'],
    ['2025-02-20', 6, '2025-08-20'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2025-08-31', -6, '2025-02-28'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-03-31', 0, '2024-03-31'],
  ])('%s %+d months is %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('electionWindowsOf', () => {
  const windows = electionWindowsOf([pilkada2024]);

  it('spans six months before the determination to the end of the term, and six months after the inauguration', () => {
    expect(windows.map((w) => [w.from, w.to])).toEqual([
      ['2024-03-22', '2024-12-31'],
      ['2025-02-20', '2025-08-19'],
    ]);
  });

  it.each([
    ['2024-03-21', null],
    ['2024-03-22', 0],
    ['2024-12-31', 0],
    // Between the end of the term and the inauguration (an acting head): no pilkada window of this article.
    ['2025-01-15', null],
    ['2025-02-20', 1],
    ['2025-08-19', 1],
    ['2025-08-20', null],
  ])('on %s the window is %s', (date, index) => {
    const found = electionWindowAt(date, windows);
    expect(found).toBe(index === null ? null : windows[index]);
  });

  it('takes the months from configuration', () => {
    const w = electionWindowsOf([pilkada2024], { monthsBefore: 3, monthsAfter: 1 });
    expect(w.map((x) => [x.from, x.to])).toEqual([
      ['2024-06-22', '2024-12-31'],
      ['2025-02-20', '2025-03-19'],
    ]);
    expect(w[0]!.label).toContain('3 bulan');
  });

  it('has no window after the inauguration while its date is unknown, and sorts several elections', () => {
    const w = electionWindowsOf([
      {
        label: 'Pilkada 2029',
        candidatePairsDeterminedOn: '2029-09-20',
        currentTermEndsOn: '2030-02-19',
        newHeadInauguratedOn: null,
      },
      pilkada2024,
    ]);
    expect(w.map((x) => x.from)).toEqual(['2024-03-22', '2025-02-20', '2029-03-20']);
  });

  it('is empty without schedules', () => {
    expect(electionWindowsOf([])).toEqual([]);
  });
});

describe('checkElectionSchedule', () => {
  it.each([
    [pilkada2024, []],
    [{ ...pilkada2024, currentTermEndsOn: '2024-09-01' }, ['currentTermEndsOn']],
    [{ ...pilkada2024, newHeadInauguratedOn: '2024-01-01' }, ['newHeadInauguratedOn']],
  ])('%#', (s, fields) => {
    expect(checkElectionSchedule(s).map((p) => p.field)).toEqual(fields);
  });
});

describe('regions', () => {
  it.each([
    [
      {
        kind: 'PROVINSI',
        name: 'Pemerintah Provinsi Kalimantan Timur',
        region: 'Kalimantan Timur',
        province: 'Kalimantan Timur',
      },
      'PROVINSI:kalimantan-timur',
    ],
    [
      {
        kind: 'REGENCY',
        name: 'Pemerintah Kabupaten Kutai Kartanegara',
        region: 'Kabupaten Kutai Kartanegara',
        province: 'Kalimantan Timur',
      },
      'KABUPATEN:kutai-kartanegara',
    ],
    [{ kind: 'KOTA', name: 'Pemerintah Kota Samarinda', region: '', province: 'Kalimantan Timur' }, 'KOTA:samarinda'],
    [{ kind: 'KEMENTERIAN', name: 'Kementerian Dalam Negeri', region: 'DKI Jakarta', province: 'DKI Jakarta' }, null],
    [{ kind: 'CENTRAL', name: 'Badan Kepegawaian Negara', province: 'DKI Jakarta' }, null],
  ] as const)('%j links to %s', (agency, id) => {
    expect(electionRegionIdOf(agency)).toBe(id);
  });

  it('names a region the same however its name is written', () => {
    expect(electionRegionId('KABUPATEN', 'Kab. Kutai  Kartanegara')).toBe('KABUPATEN:kutai-kartanegara');
    expect(electionRegionId('KOTA', 'Kota Bau-Bau')).toBe('KOTA:bau-bau');
  });
});

describe('electionReportDueOn', () => {
  it('counts 7 working days after the act, skipping weekends and holidays', () => {
    // Friday 11 Dec 2026 → 14–18, 21, 22 Dec (working) = 22 Dec; 24–25 Dec are off.
    expect(electionReportDueOn('2026-12-11', DEFAULT_HOLIDAY_CALENDAR)).toBe('2026-12-22');
    // Thursday 17 Dec 2026: 18, 21, 22, 23, (24 cuti bersama, 25 Christmas, weekend), 28, 29, 30 Dec.
    expect(electionReportDueOn('2026-12-17', DEFAULT_HOLIDAY_CALENDAR)).toBe('2026-12-30');
  });
});
