import { describe, expect, it } from 'vitest';
import type { CareerEntryDto, ProfileDto } from '../contracts';
import { DomainError } from '../errors';
import type { JptLevel } from '../levels';
import { DEFAULT_ELIGIBILITY_RULES, type EligibilityRules } from '../rules/selection-rules';
import {
  DEFAULT_RETIREMENT_RULES,
  deriveSuccessionGroup,
  rankSuccessors,
  retirementDate,
  SUCCESSOR_TIE_BREAK,
  validateRetirementRules,
  type PoolMember,
  type RankSuccessorsArgs,
  type RetirementRules,
} from './succession';

/** 18-digit NIP: birth date + CPNS start (YYYYMM) + gender 1 + serial 001. */
function nipFor(birthDate: string, cpns = '199803'): string {
  return `${birthDate.replaceAll('-', '')}${cpns}1001`;
}

function career(kind: CareerEntryDto['positionKind'], from: string, to: string | null): CareerEntryDto {
  return {
    position: `Jabatan ${kind}`,
    positionKind: kind,
    unit: 'Dinas Pendidikan',
    agencyCode: 'KALTIM',
    from,
    to,
    fields: ['Pendidikan'],
  };
}

function profile(over: Partial<ProfileDto> = {}): ProfileDto {
  return {
    id: 'p',
    nip: nipFor('1975-03-10'),
    name: 'Pegawai',
    rank: 'IV/b',
    agencyCode: 'KALTIM',
    education: 'S2',
    careers: [career('PENGAWAS', '2010-01-04', '2017-12-31'), career('ADMINISTRATOR', '2018-01-02', null)],
    skp: [
      { year: 2025, predicate: 'SANGAT_BAIK' },
      { year: 2024, predicate: 'BAIK' },
    ],
    lhkpnFiled: true,
    disciplinarySanction: false,
    ...over,
  };
}

function member(employeeId: string, box: number, score: number, p: Partial<ProfileDto> = {}): PoolMember {
  return { employeeId, profile: profile({ id: employeeId, ...p }), box, score, mappedAt: '2026-02-02' };
}

/** Eligibility rules letting candidates up to 60 be inaugurated, so only the retirement rule excludes them. */
const RELAXED_AGE: EligibilityRules = {
  ...DEFAULT_ELIGIBILITY_RULES,
  levels: {
    ...DEFAULT_ELIGIBILITY_RULES.levels,
    PRATAMA: { ...DEFAULT_ELIGIBILITY_RULES.levels.PRATAMA, maxAgeAtInauguration: 60 },
  },
};

function args(pool: PoolMember[], over: Partial<RankSuccessorsArgs> = {}): RankSuccessorsArgs {
  return {
    pool,
    level: 'PRATAMA',
    field: null,
    asOf: '2026-11-24',
    plannedInaugurationDate: '2027-01-04',
    numbering: 'PERMENPANRB_3_2020',
    eligibility: DEFAULT_ELIGIBILITY_RULES,
    retirement: DEFAULT_RETIREMENT_RULES,
    selectionAgency: { code: 'KALTIM', province: 'Kalimantan Timur' },
    ...over,
  };
}

describe('retirementDate (TMT pensiun: first day of the month after reaching BUP)', () => {
  it.each<[string, JptLevel, string | null]>([
    ['1966-05-10', 'PRATAMA', '2026-06-01'],
    ['1966-05-01', 'PRATAMA', '2026-06-01'],
    ['1966-05-31', 'MADYA', '2026-06-01'],
    ['1966-12-20', 'UTAMA', '2027-01-01'],
    ['1964-02-29', 'PRATAMA', '2024-03-01'],
    ['1967-06-15', 'PRATAMA', '2027-07-01'],
  ])('born %s, JPT %s → %s', (birth, level, expected) => {
    expect(retirementDate(nipFor(birth, '199001'), level, DEFAULT_RETIREMENT_RULES)).toBe(expected);
  });

  it('uses the age of the level and returns null for an invalid NIP', () => {
    const rules: RetirementRules = {
      ...DEFAULT_RETIREMENT_RULES,
      retirementAgeByLevel: { UTAMA: 65, MADYA: 62, PRATAMA: 60 },
    };
    const nip = nipFor('1966-05-10', '199001');
    expect(retirementDate(nip, 'UTAMA', rules)).toBe('2031-06-01');
    expect(retirementDate(nip, 'MADYA', rules)).toBe('2028-06-01');
    expect(retirementDate('19660510199001300', 'PRATAMA', rules)).toBeNull(); // 17 digits
    expect(retirementDate('196605101990013001', 'PRATAMA', rules)).toBeNull(); // gender 3
  });
});

describe('rankSuccessors', () => {
  it('keeps only pool boxes and orders box 9, 8, 7, then score, then id', () => {
    const pool = [
      member('e-07', 7, 95),
      member('e-05', 5, 99),
      member('e-08', 8, 70),
      member('e-09a', 9, 60),
      member('e-09d', 9, 80),
      member('e-09b', 9, 80),
      member('e-06', 6, 99),
    ];
    const ranked = rankSuccessors(args(pool));
    expect(ranked.map((c) => [c.employeeId, c.order, c.excluded])).toEqual([
      ['e-09b', 1, false],
      ['e-09d', 2, false],
      ['e-09a', 3, false],
      ['e-08', 4, false],
      ['e-07', 5, false],
    ]);
    expect(ranked.every((c) => c.reasons.length === 0)).toBe(true);
    expect(SUCCESSOR_TIE_BREAK).toEqual(['BOX_RANK', 'SCORE_DESC', 'EMPLOYEE_ID_ASC']);
  });

  it('follows the Kemenkeu numbering: (P3,K2) is box 7 there and comes before box 8', () => {
    const pool = [member('k-08', 8, 99), member('k-07', 7, 60), member('k-09', 9, 50), member('k-05', 5, 99)];
    expect(rankSuccessors(args(pool, { numbering: 'KEMENKEU' })).map((c) => c.employeeId)).toEqual([
      'k-09',
      'k-07',
      'k-08',
    ]);
  });

  it('does not depend on the order of the pool', () => {
    const pool = [member('a', 9, 70), member('b', 8, 90), member('c', 9, 70), member('d', 7, 100)];
    const forward = rankSuccessors(args(pool)).map((c) => c.employeeId);
    const backward = rankSuccessors(args([...pool].reverse())).map((c) => c.employeeId);
    expect(forward).toEqual(['a', 'c', 'b', 'd']);
    expect(backward).toEqual(forward);
  });

  it('excludes a member failing eligibility, with the failed requirements as reasons, after the included', () => {
    const pool = [member('e-09x', 9, 99, { disciplinarySanction: true, lhkpnFiled: false }), member('e-07', 7, 70)];
    const ranked = rankSuccessors(args(pool));
    expect(ranked.map((c) => c.employeeId)).toEqual(['e-07', 'e-09x']);
    expect(ranked[0]).toMatchObject({ order: 1, excluded: false, reasons: [] });
    expect(ranked[1]).toMatchObject({
      order: null,
      excluded: true,
      reasons: ['Sedang menjalani hukuman disiplin', 'Belum menyampaikan LHKPN'],
    });
  });

  it('checks the field of the target post and the home-PPK permission of other agencies', () => {
    const other = member('e-luar', 9, 90, { agencyCode: 'KALTARA' });
    const ranked = rankSuccessors(args([member('e-09', 9, 80), other], { field: 'Kesehatan' }));
    expect(ranked.map((c) => [c.employeeId, c.excluded])).toEqual([
      ['e-luar', true],
      ['e-09', true],
    ]);
    expect(ranked[0]!.reasons).toEqual([
      'Pengalaman jabatan dalam bidang terkait kurang dari 5 tahun',
      'Tidak ada izin dari PPK instansi asal',
    ]);
    expect(ranked[1]!.reasons).toEqual(['Pengalaman jabatan dalam bidang terkait kurang dari 5 tahun']);
    expect(rankSuccessors(args([member('e-09', 9, 80)], { field: 'Pendidikan' }))[0]!.excluded).toBe(false);
  });

  it('excludes a member retiring 6 months after the inauguration, naming the date', () => {
    const retiring = member('e-pensiun', 9, 99, { nip: nipFor('1967-06-15', '199203') });
    const ranked = rankSuccessors(args([retiring, member('e-08', 8, 70)], { eligibility: RELAXED_AGE }));
    expect(ranked.map((c) => [c.employeeId, c.order])).toEqual([
      ['e-08', 1],
      ['e-pensiun', null],
    ]);
    expect(ranked[1]).toMatchObject({ excluded: true, retirementDate: '2027-07-01' });
    expect(ranked[1]!.reasons).toEqual([
      'Memasuki masa pensiun terhitung mulai 1 Juli 2027 (batas usia pensiun 60 tahun), ' +
        'kurang dari 12 bulan setelah rencana pelantikan 4 Januari 2027',
    ]);
  });

  it('adds the retirement reason to the age reason under the default rules', () => {
    const retiring = member('e-pensiun', 9, 99, { nip: nipFor('1967-06-15', '199203') });
    const [c] = rankSuccessors(args([retiring]));
    expect(c!.reasons).toHaveLength(2);
    expect(c!.reasons[0]).toBe('Usia pada saat pelantikan melebihi batas 56 tahun');
    expect(c!.reasons[1]).toContain('1 Juli 2027');
  });

  it.each<[string, string, boolean]>([
    // born, inauguration, excluded (retirement = 1st of the month after the 60th birthday)
    ['1968-01-20', '2027-02-01', false], // retires 2028-02-01: exactly 12 months of service
    ['1967-12-20', '2027-02-01', true], // retires 2028-01-01: 11 months
    ['1967-01-10', '2027-02-01', true], // retires 2027-02-01: on the inauguration day
  ])('born %s, inauguration %s → excluded %s', (birth, inauguration, excluded) => {
    const m = member('e', 9, 90, { nip: nipFor(birth, '199203') });
    const [c] = rankSuccessors(args([m], { plannedInaugurationDate: inauguration, eligibility: RELAXED_AGE }));
    expect(c!.excluded).toBe(excluded);
  });

  it.each<[number, boolean]>([
    [5, false], // must serve until 2027-06-04; retires 2027-07-01
    [6, true], // must serve until 2027-07-04
  ])('honours an exclusion window of %i months → excluded %s', (months, excluded) => {
    const retiring = member('e-pensiun', 9, 99, { nip: nipFor('1967-06-15', '199203') });
    const rules: RetirementRules = { ...DEFAULT_RETIREMENT_RULES, excludeWithinMonths: months };
    const [c] = rankSuccessors(args([retiring], { eligibility: RELAXED_AGE, retirement: rules }));
    expect(c!.excluded).toBe(excluded);
  });

  it('rejects invalid dates and rules', () => {
    expect(() => rankSuccessors(args([], { asOf: '2026-13-01' }))).toThrow(DomainError);
    expect(() =>
      rankSuccessors(args([], { retirement: { ...DEFAULT_RETIREMENT_RULES, excludeWithinMonths: -1 } })),
    ).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES', field: 'retirement.excludeWithinMonths' }) as unknown as Error,
    );
  });
});

describe('deriveSuccessionGroup', () => {
  const pool = [
    member('e-07', 7, 95),
    member('e-08', 8, 70),
    member('e-09a', 9, 60),
    member('e-09x', 9, 99, { disciplinarySanction: true }),
    member('e-09b', 9, 80),
  ];

  it('takes the first 3 included successors by default', () => {
    expect(deriveSuccessionGroup(args(pool)).map((c) => [c.employeeId, c.order])).toEqual([
      ['e-09b', 1],
      ['e-09a', 2],
      ['e-08', 3],
    ]);
  });

  it('honours the size and never includes excluded members', () => {
    expect(deriveSuccessionGroup({ ...args(pool), size: 10 }).map((c) => c.employeeId)).toEqual([
      'e-09b',
      'e-09a',
      'e-08',
      'e-07',
    ]);
    expect(deriveSuccessionGroup({ ...args(pool), size: 1 }).map((c) => c.employeeId)).toEqual(['e-09b']);
    expect(deriveSuccessionGroup(args([]))).toEqual([]);
    expect(() => deriveSuccessionGroup({ ...args(pool), size: 0 })).toThrow(DomainError);
  });
});

describe('validateRetirementRules', () => {
  it('accepts the defaults (BUP 60, 12 months)', () => {
    expect(DEFAULT_RETIREMENT_RULES).toEqual({
      retirementAgeByLevel: { UTAMA: 60, MADYA: 60, PRATAMA: 60 },
      excludeWithinMonths: 12,
    });
    expect(validateRetirementRules(DEFAULT_RETIREMENT_RULES)).toEqual([]);
  });

  it.each<[RetirementRules, string[]]>([
    [
      { retirementAgeByLevel: { UTAMA: 60, MADYA: 49, PRATAMA: 60 }, excludeWithinMonths: 12 },
      ['retirementAgeByLevel.MADYA'],
    ],
    [
      { retirementAgeByLevel: { UTAMA: 60.5, MADYA: 60, PRATAMA: 71 }, excludeWithinMonths: 12 },
      ['retirementAgeByLevel.UTAMA', 'retirementAgeByLevel.PRATAMA'],
    ],
    [{ ...DEFAULT_RETIREMENT_RULES, excludeWithinMonths: 61 }, ['excludeWithinMonths']],
  ])('%j → %j', (rules, expected) => {
    expect(validateRetirementRules(rules).map((p) => p.field)).toEqual(expected);
  });
});
