import { describe, expect, it } from 'vitest';
import type { CareerEntryDto, ProfileDto } from '../contracts';
import {
  acceptedQualifyingKinds,
  compareEducation,
  evaluateEligibility,
  REQUIREMENT_KEYS,
  type EligibilityInput,
  type RequirementKey,
} from './eligibility';
import { buildSelectionRules, DEFAULT_ELIGIBILITY_RULES } from './selection-rules';

const rules = DEFAULT_ELIGIBILITY_RULES;

/** NIP from a birth date: CPNS start March 1998 (or 18+ years later), male, serial 001. */
function nipFor(birthDate: string, cpns = '199803'): string {
  return `${birthDate.replaceAll('-', '')}${cpns}1001`;
}

function career(
  kind: CareerEntryDto['positionKind'],
  from: string,
  to: string | null,
  fields?: string[],
): CareerEntryDto {
  return { position: `Jabatan ${kind}`, positionKind: kind, unit: 'Dinas', agencyCode: 'KALTIM', from, to, fields };
}

function profile(over: Partial<ProfileDto> = {}): ProfileDto {
  return {
    id: 'p1',
    nip: nipFor('1972-03-10'),
    name: 'Peserta',
    rank: 'IV/b',
    agencyCode: 'KALTIM',
    education: 'S2',
    careers: [
      career('PENGAWAS', '2012-01-02', '2018-01-01', ['Pendidikan']),
      career('ADMINISTRATOR', '2018-01-02', null, ['Pendidikan', 'Kebudayaan']),
    ],
    skp: [
      { year: 2025, predicate: 'BAIK' },
      { year: 2024, predicate: 'SANGAT_BAIK' },
    ],
    lhkpnFiled: true,
    disciplinarySanction: false,
    ...over,
  };
}

function input(over: Partial<EligibilityInput> = {}, p: Partial<ProfileDto> = {}): EligibilityInput {
  return {
    profile: profile(p),
    candidateAgencyProvince: 'Kalimantan Timur',
    vacancy: { level: 'PRATAMA', field: 'Pendidikan' },
    selectionAgency: { code: 'KALTIM', province: 'Kalimantan Timur' },
    scope: 'NATIONAL',
    plannedInaugurationDate: '2027-01-04',
    asOf: '2026-11-24',
    homePpkPermission: false,
    ...over,
  };
}

function failing(i: EligibilityInput, r = rules): RequirementKey[] {
  return evaluateEligibility(i, r)
    .requirements.filter((x) => !x.met)
    .map((x) => x.key);
}

describe('evaluateEligibility', () => {
  it('passes a qualified Pratama candidate and explains every requirement', () => {
    const r = evaluateEligibility(input(), rules);
    expect(r.eligible).toBe(true);
    expect(r.rulesVersion).toBe(rules.version);
    expect(r.requirements.map((x) => x.key)).toEqual([...REQUIREMENT_KEYS]);
    for (const x of r.requirements) {
      expect(x.label).not.toBe('');
      expect(x.detail).not.toBe('');
      expect(x.reason).toBeNull();
    }
    const age = r.requirements.find((x) => x.key === 'AGE')!;
    expect(age.detail).toBe('Usia 54 tahun 9 bulan pada 2027-01-04; batas 56 tahun untuk JPT Pratama');
    expect(r.requirements.find((x) => x.key === 'HOME_PPK_PERMISSION')!.detail).toBe('Peserta dari instansi sendiri');
  });

  it.each<[string, Partial<EligibilityInput>, Partial<ProfileDto>, RequirementKey[]]>([
    // Age: 57th birthday on or before the inauguration date (2027-01-04) is too old for Pratama.
    ['57th birthday the day before inauguration', {}, { nip: nipFor('1970-01-03') }, ['AGE']],
    ['57th birthday on the inauguration day', {}, { nip: nipFor('1970-01-04') }, ['AGE']],
    ['57th birthday the day after inauguration', {}, { nip: nipFor('1970-01-05') }, []],
    [
      'Madya, 58 at inauguration',
      { vacancy: { level: 'MADYA', field: 'Pendidikan' } },
      { nip: nipFor('1968-06-01'), rank: 'IV/c', careers: [career('JPT_PRATAMA', '2018-01-02', null, ['Pendidikan'])] },
      [],
    ],
    [
      'Madya, 59th birthday before inauguration',
      { vacancy: { level: 'MADYA', field: 'Pendidikan' } },
      { nip: nipFor('1968-01-01'), rank: 'IV/c', careers: [career('JPT_PRATAMA', '2018-01-02', null, ['Pendidikan'])] },
      ['AGE'],
    ],
    ['invalid NIP (no birth date for the age)', {}, { nip: '197213102000031001' }, ['NIP', 'AGE']],
    // Education.
    ['education D4 counts as S1', {}, { education: 'D4' }, []],
    ['education S1', {}, { education: 'S1' }, []],
    ['education D3', {}, { education: 'D3' }, ['EDUCATION']],
    ['education SMA', {}, { education: 'SMA' }, ['EDUCATION']],
    // Rank.
    ['rank III/d', {}, { rank: 'III/d' }, ['RANK']],
    ['rank exactly IV/a', {}, { rank: 'IV/a' }, []],
    ['rank IV/e', {}, { rank: 'IV/e' }, []],
    ['unknown rank string', {}, { rank: 'Pembina' }, ['RANK']],
    [
      'Madya needs IV/c: IV/b fails',
      { vacancy: { level: 'MADYA', field: 'Pendidikan' } },
      { rank: 'IV/b', careers: [career('JPT_PRATAMA', '2018-01-02', null, ['Pendidikan'])] },
      ['RANK'],
    ],
    // SKP: asOf 2026-11-24 → years 2025 and 2024.
    [
      'SKP 2025 Butuh Perbaikan',
      {},
      {
        skp: [
          { year: 2025, predicate: 'BUTUH_PERBAIKAN' },
          { year: 2024, predicate: 'BAIK' },
        ],
      },
      ['SKP'],
    ],
    [
      'SKP 2024 Kurang',
      {},
      {
        skp: [
          { year: 2025, predicate: 'SANGAT_BAIK' },
          { year: 2024, predicate: 'KURANG' },
        ],
      },
      ['SKP'],
    ],
    [
      'SKP 2024 missing',
      {},
      {
        skp: [
          { year: 2025, predicate: 'BAIK' },
          { year: 2023, predicate: 'BAIK' },
        ],
      },
      ['SKP'],
    ],
    [
      'SKP of the current year does not replace 2024',
      {},
      {
        skp: [
          { year: 2026, predicate: 'BAIK' },
          { year: 2025, predicate: 'BAIK' },
        ],
      },
      ['SKP'],
    ],
    [
      'a second, lower SKP in 2025 counts',
      {},
      {
        skp: [
          { year: 2025, predicate: 'BAIK' },
          { year: 2025, predicate: 'SANGAT_KURANG' },
          { year: 2024, predicate: 'BAIK' },
        ],
      },
      ['SKP'],
    ],
    // Discipline, LHKPN.
    ['serving a disciplinary sanction', {}, { disciplinarySanction: true }, ['DISCIPLINE']],
    ['no LHKPN', {}, { lhkpnFiled: false }, ['LHKPN']],
    // Home PPK permission.
    ['from another agency without permission', {}, { agencyCode: 'KALSEL' }, ['HOME_PPK_PERMISSION']],
    ['from another agency with permission', { homePpkPermission: true }, { agencyCode: 'KALSEL' }, []],
    // Scope.
    ['province scope, same province', { scope: 'PROVINCE' }, {}, []],
    [
      'province scope, same province written differently',
      { scope: 'PROVINCE', candidateAgencyProvince: ' kalimantan  timur' },
      {},
      [],
    ],
    ['province scope, other province', { scope: 'PROVINCE', candidateAgencyProvince: 'Jawa Timur' }, {}, ['SCOPE']],
    ['province scope, province unknown', { scope: 'PROVINCE', candidateAgencyProvince: null }, {}, ['SCOPE']],
    ['national scope, other province', { candidateAgencyProvince: 'Jawa Timur' }, {}, []],
    // Related experience (field 'Pendidikan', 5 years for Pratama; asOf 2026-11-24).
    [
      'exactly 5 years of related experience',
      {},
      { careers: [career('ADMINISTRATOR', '2021-11-24', null, ['Pendidikan'])] },
      [],
    ],
    [
      'one day short of 5 years',
      {},
      { careers: [career('ADMINISTRATOR', '2021-11-25', null, ['Pendidikan'])] },
      ['RELATED_EXPERIENCE'],
    ],
    [
      'field matched case-insensitively',
      {},
      { careers: [career('ADMINISTRATOR', '2020-01-01', null, ['PENDIDIKAN'])] },
      [],
    ],
    [
      'experience in another field',
      {},
      { careers: [career('ADMINISTRATOR', '2015-01-01', null, ['Kesehatan'])] },
      ['RELATED_EXPERIENCE'],
    ],
    [
      'career without fields when the vacancy names one',
      {},
      { careers: [career('ADMINISTRATOR', '2015-01-01', null)] },
      ['RELATED_EXPERIENCE'],
    ],
    [
      'overlapping posts counted once (4 years, not 6)',
      {},
      {
        careers: [
          career('ADMINISTRATOR', '2020-01-01', '2022-12-31', ['Pendidikan']),
          career('JF_AHLI_MADYA', '2021-01-01', '2023-12-31', ['Pendidikan']),
        ],
      },
      ['RELATED_EXPERIENCE'],
    ],
    [
      'no vacancy field: administrator and supervisor posts count, executor posts do not',
      { vacancy: { level: 'PRATAMA', field: null } },
      { careers: [career('PELAKSANA', '2005-01-01', '2019-12-31'), career('ADMINISTRATOR', '2020-01-01', null)] },
      [],
    ],
    [
      'no vacancy field: only executor posts before the administrator post',
      { vacancy: { level: 'PRATAMA' } },
      { careers: [career('PELAKSANA', '2005-01-01', '2023-12-31'), career('ADMINISTRATOR', '2024-01-01', null)] },
      ['RELATED_EXPERIENCE'],
    ],
    // Qualifying post (Pratama: Administrator or JF Ahli Madya for 2 years).
    [
      'never administrator',
      {},
      { careers: [career('PENGAWAS', '2010-01-01', null, ['Pendidikan'])] },
      ['QUALIFYING_POST'],
    ],
    [
      'administrator for 1 year 11 months',
      {},
      {
        careers: [
          career('PENGAWAS', '2010-01-01', '2024-12-31', ['Pendidikan']),
          career('ADMINISTRATOR', '2025-01-01', null, ['Pendidikan']),
        ],
      },
      ['QUALIFYING_POST'],
    ],
    [
      'JF Ahli Madya for 2 years',
      {},
      {
        careers: [
          career('PENGAWAS', '2010-01-01', '2024-11-23', ['Pendidikan']),
          career('JF_AHLI_MADYA', '2024-11-24', null, ['Pendidikan']),
        ],
      },
      [],
    ],
    [
      'a higher JPT post counts for the qualifying post',
      {},
      {
        careers: [
          career('PENGAWAS', '2010-01-01', '2024-06-30', ['Pendidikan']),
          career('JPT_PRATAMA', '2024-07-01', null, ['Pendidikan']),
        ],
      },
      [],
    ],
    [
      'Madya: administrator is not enough',
      { vacancy: { level: 'MADYA', field: 'Pendidikan' } },
      { rank: 'IV/c', careers: [career('ADMINISTRATOR', '2010-01-01', null, ['Pendidikan'])] },
      ['QUALIFYING_POST'],
    ],
    // Several failures are all reported.
    ['several failures', {}, { rank: 'III/c', lhkpnFiled: false, education: 'D3' }, ['EDUCATION', 'RANK', 'LHKPN']],
  ])('%s', (_name, over, p, expected) => {
    const i = input(over, p);
    expect(failing(i)).toEqual(expected);
    expect(evaluateEligibility(i, rules).eligible).toBe(expected.length === 0);
  });

  it.each<[string, Partial<ProfileDto>, RequirementKey, RegExp]>([
    ['AGE', { nip: nipFor('1970-01-03') }, 'AGE', /melebihi batas 56 tahun/],
    [
      'SKP below',
      {
        skp: [
          { year: 2025, predicate: 'BUTUH_PERBAIKAN' },
          { year: 2024, predicate: 'BAIK' },
        ],
      },
      'SKP',
      /tahun 2025 Butuh Perbaikan/,
    ],
    ['SKP missing', { skp: [{ year: 2025, predicate: 'BAIK' }] }, 'SKP', /SKP tahun 2024 tidak tersedia/],
    ['RANK', { rank: 'III/d' }, 'RANK', /di bawah IV\/a \(Pembina\)/],
    ['NIP', { nip: '197213102000031001' }, 'NIP', /Tanggal lahir pada NIP tidak valid/],
  ])('gives the reason for %s in Bahasa Indonesia', (_name, p, key, reason) => {
    const r = evaluateEligibility(input({}, p), rules).requirements.find((x) => x.key === key)!;
    expect(r.met).toBe(false);
    expect(r.reason).toMatch(reason);
  });

  it('never copies the NIP or birth date into the public table', () => {
    const text = JSON.stringify(evaluateEligibility(input(), rules));
    expect(text).not.toContain(nipFor('1972-03-10'));
    expect(text).not.toContain('1972-03-10');
  });

  it.each<[string, Partial<typeof rules>, Partial<ProfileDto>, Partial<EligibilityInput>]>([
    ['discipline not required', { requireNoDisciplinarySanction: false }, { disciplinarySanction: true }, {}],
    ['LHKPN not required', { requireLhkpn: false }, { lhkpnFiled: false }, {}],
    ['permission not required', { requireHomePpkPermission: false }, { agencyCode: 'KALSEL' }, {}],
    [
      'lower minimum rank configured',
      { minRank: { PRATAMA: 'III/d', MADYA: 'IV/c', UTAMA: 'IV/d' } },
      { rank: 'III/d' },
      {},
    ],
    [
      'SKP Butuh Perbaikan accepted when configured',
      { minSkpPredicate: 'BUTUH_PERBAIKAN' },
      {
        skp: [
          { year: 2025, predicate: 'BUTUH_PERBAIKAN' },
          { year: 2024, predicate: 'BAIK' },
        ],
      },
      {},
    ],
    ['SKP over 1 year only', { skpYears: 1 }, { skp: [{ year: 2025, predicate: 'BAIK' }] }, {}],
  ])('follows configured rules: %s', (_name, eligibility, p, over) => {
    const configured = buildSelectionRules({ eligibility }).eligibility;
    expect(failing(input(over, p), configured)).toEqual([]);
    expect(failing(input(over, p), rules).length).toBeGreaterThan(0);
  });

  it('rejects an invalid screening date', () => {
    expect(() => evaluateEligibility(input({ asOf: '2026-02-30' }), rules)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'asOf' }),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['S1', 'D4', 0],
    ['D4', 'S1', 0],
    ['D3', 'S1', -1],
    ['S2', 'S1', 1],
    ['S3', 'S2', 1],
    ['SMA', 'D3', -1],
  ] as const)('compareEducation(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareEducation(a, b))).toBe(sign);
  });

  it.each([
    [
      ['ADMINISTRATOR', 'JF_AHLI_MADYA'],
      ['ADMINISTRATOR', 'JF_AHLI_MADYA', 'JPT_PRATAMA', 'JPT_MADYA', 'JPT_UTAMA', 'JF_AHLI_UTAMA'],
    ],
    [
      ['JPT_PRATAMA', 'JF_AHLI_UTAMA'],
      ['JPT_PRATAMA', 'JF_AHLI_UTAMA', 'JPT_MADYA', 'JPT_UTAMA'],
    ],
    [
      ['JPT_MADYA', 'JF_AHLI_UTAMA'],
      ['JPT_MADYA', 'JF_AHLI_UTAMA', 'JPT_UTAMA'],
    ],
  ] as const)('acceptedQualifyingKinds(%j)', (kinds, expected) => {
    expect([...acceptedQualifyingKinds(kinds)].sort()).toEqual([...expected].sort());
  });
});
