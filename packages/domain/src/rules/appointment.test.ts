import { describe, expect, it } from 'vitest';
import {
  appointmentRoute,
  checkAppointeeChoice,
  electionWindowAt,
  incumbentLockedUntil,
  isIncumbentLocked,
  type DateWindow,
} from './appointment';

describe('electionWindowAt', () => {
  const windows: DateWindow[] = [
    { from: '2029-03-01', to: '2029-12-31', label: 'Pilkada 2029: sebelum penetapan paslon' },
    { from: '2024-03-22', to: '2025-02-20', label: 'Pilkada 2024' },
    { from: '2025-02-20', to: '2025-08-20', label: '6 bulan setelah pelantikan' },
  ];
  it.each([
    ['2024-03-21', null],
    ['2024-03-22', 'Pilkada 2024'],
    ['2025-02-20', 'Pilkada 2024'],
    ['2025-02-21', '6 bulan setelah pelantikan'],
    ['2025-08-20', '6 bulan setelah pelantikan'],
    ['2025-08-21', null],
    ['2029-06-01', 'Pilkada 2029: sebelum penetapan paslon'],
  ])('%s → %s', (date, label) => {
    expect(electionWindowAt(date, windows)?.label ?? null).toBe(label);
  });

  it('returns null without windows', () => {
    expect(electionWindowAt('2026-01-01', [])).toBeNull();
  });
});

describe('incumbent lock', () => {
  it.each([
    ['2025-01-06', 2, '2027-01-05'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-28'],
    ['2025-12-31', 2, '2027-12-30'],
    ['2026-03-01', 1, '2027-02-28'],
  ])('inaugurated %s, %i years: locked until %s', (from, years, until) => {
    expect(incumbentLockedUntil(from, years)).toBe(until);
  });

  it('defaults to 2 years', () => {
    expect(incumbentLockedUntil('2025-01-06')).toBe('2027-01-05');
  });

  it.each([
    ['2025-01-06', '2025-01-06', true],
    ['2025-01-06', '2027-01-05', true],
    ['2025-01-06', '2027-01-06', false],
    ['2025-01-06', '2024-12-31', false],
    ['2024-02-29', '2026-02-28', true],
    ['2024-02-29', '2026-03-01', false],
  ])('inaugurated %s, on %s locked=%s', (from, on, locked) => {
    expect(isIncumbentLocked(from, on)).toBe(locked);
  });
});

describe('checkAppointeeChoice', () => {
  const shortlist = ['a1', 'a2', 'a3'];
  const long = 'Rekam jejak kepemimpinan lebih sesuai dengan prioritas daerah';
  it.each<[string, string, string | null | undefined, string[]]>([
    ['rank 1 without justification', 'a1', undefined, []],
    ['rank 2 with justification', 'a2', long, []],
    ['rank 3 with justification', 'a3', long, []],
    ['rank 2 without justification', 'a2', null, ['JUSTIFICATION_REQUIRED']],
    ['rank 3 with blank justification', 'a3', '      ', ['JUSTIFICATION_REQUIRED']],
    ['rank 2 with a short justification', 'a2', 'Lebih cocok', ['JUSTIFICATION_REQUIRED']],
    ['rank 2 with 19 characters plus padding', 'a2', '   1234567890123456789   ', ['JUSTIFICATION_REQUIRED']],
    ['rank 2 with exactly 20 characters', 'a2', '12345678901234567890', []],
    ['outside the shortlist', 'x9', long, ['NOT_IN_SHORTLIST']],
  ])('%s', (_name, chosen, justification, codes) => {
    const problems = checkAppointeeChoice({ shortlist, chosen, justification });
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.field).toBe(p.code === 'NOT_IN_SHORTLIST' ? 'applicationId' : 'justification');
  });

  it('refuses any choice from an empty shortlist', () => {
    expect(checkAppointeeChoice({ shortlist: [], chosen: 'a1' })[0]?.code).toBe('NOT_IN_SHORTLIST');
  });
});

describe('appointmentRoute', () => {
  it.each([
    ['PRATAMA', 'PROVINCE', false, 'PPK'],
    ['PRATAMA', 'REGENCY', false, 'PPK'],
    ['PRATAMA', 'CENTRAL', false, 'PPK'],
    ['MADYA', 'CENTRAL', false, 'PRESIDENT'],
    ['UTAMA', 'CENTRAL', false, 'PRESIDENT'],
    ['MADYA', 'PROVINCE', true, 'PRESIDENT_VIA_HOME_AFFAIRS'],
    ['MADYA', 'PROVINCE', false, 'PRESIDENT'],
    // The kinds agency records answer route as the legacy ones they replace.
    ['MADYA', 'PROVINSI', true, 'PRESIDENT_VIA_HOME_AFFAIRS'],
    ['MADYA', 'KABUPATEN', true, 'PRESIDENT'],
    ['PRATAMA', 'REGENCY', true, 'PPK'], // a regency Sekda is JPT Pratama: the regent appoints
  ] as const)('%s in a %s agency (Sekda=%s) → %s', (level, agencyKind, isRegionalSecretary, route) => {
    expect(appointmentRoute(level, { agencyKind, isRegionalSecretary })).toBe(route);
  });
});
