import { describe, expect, it } from 'vitest';
import type { ProfileDto } from './contracts';
import { PROFILE_FIELDS, type ProfileField } from './candidate-portal';
import {
  applyProfileCorrections,
  changedProfileFields,
  profileCorrectionIssues,
  type ProfileCorrections,
} from './profile-disputes';

const TODAY = '2026-12-06';

const PROFILE: ProfileDto = {
  id: 'p1',
  nip: '197503122001121001',
  name: 'Budi Santoso',
  rank: 'IV/b',
  agencyCode: 'KALTIM',
  education: 'S2',
  careers: [
    {
      position: 'Kepala Seksi',
      positionKind: 'PENGAWAS',
      unit: 'Dinas',
      agencyCode: 'KALTIM',
      from: '2008-01-02',
      to: '2016-12-31',
    },
    {
      position: 'Kepala Bidang',
      positionKind: 'ADMINISTRATOR',
      unit: 'Dinas',
      agencyCode: 'KALTIM',
      from: '2017-01-02',
      to: null,
    },
  ],
  skp: [
    { year: 2025, predicate: 'BAIK' },
    { year: 2024, predicate: 'BAIK' },
  ],
  lhkpnFiled: true,
  disciplinarySanction: false,
};

describe('profileCorrectionIssues', () => {
  const cases: [string, ProfileField[], ProfileCorrections, string | null, string?][] = [
    ['a disputed rank corrected', ['rank'], { rank: 'iv/c' }, null],
    ['nothing corrected', ['rank'], {}, 'corrections'],
    ['an undisputed part', ['rank'], { rank: 'IV/c', name: 'Budi' }, 'corrections.name'],
    ['an unknown rank', ['rank'], { rank: 'V/a' }, 'corrections.rank'],
    ['the same value', ['rank'], { rank: 'IV/b' }, 'corrections'],
    ['the same SKP in another order', ['skp'], { skp: [...PROFILE.skp].reverse() }, 'corrections'],
    ['a NIP with a bad birth date', ['nip'], { nip: '197513122001121001' }, 'corrections.nip', 'INVALID_NIP'],
    ['a valid NIP', ['nip'], { nip: '197503122001121002' }, null],
    ['an empty name', ['name'], { name: '  ' }, 'corrections.name'],
    [
      'a career ending before it starts',
      ['careers'],
      { careers: [{ ...PROFILE.careers[0]!, to: '2007-01-01' }] },
      'corrections.careers.0.to',
    ],
    [
      'a career starting in the future',
      ['careers'],
      { careers: [{ ...PROFILE.careers[1]!, from: '2027-01-02' }] },
      'corrections.careers.0.from',
    ],
    [
      'two current posts',
      ['careers'],
      { careers: PROFILE.careers.map((c) => ({ ...c, to: null })) },
      'corrections.careers',
    ],
    [
      'an impossible date',
      ['careers'],
      { careers: [{ ...PROFILE.careers[0]!, from: '2008-02-30' }] },
      'corrections.careers.0.from',
    ],
    [
      'one SKP twice',
      ['skp'],
      {
        skp: [
          { year: 2025, predicate: 'BAIK' },
          { year: 2025, predicate: 'SANGAT_BAIK' },
        ],
      },
      'corrections.skp.1.year',
    ],
    ['an SKP of next year', ['skp'], { skp: [{ year: 2027, predicate: 'BAIK' }] }, 'corrections.skp.0.year'],
    ['LHKPN changed', ['lhkpnFiled'], { lhkpnFiled: false }, null],
  ];
  it.each(cases)('%s', (_name, disputed, corrections, field, code = 'VALIDATION_FAILED') => {
    const issues = profileCorrectionIssues(PROFILE, disputed, corrections, TODAY);
    if (field === null) expect(issues).toEqual([]);
    else expect(issues[0]).toMatchObject({ field, code });
  });
});

describe('applyProfileCorrections', () => {
  it('replaces only the corrected parts, with the rank in canonical form and SKP by year', () => {
    const c: ProfileCorrections = {
      rank: ' iv/c ',
      skp: [
        { year: 2025, predicate: 'SANGAT_BAIK' },
        { year: 2023, predicate: 'BAIK' },
      ],
    };
    const next = applyProfileCorrections(PROFILE, c);
    expect(next.rank).toBe('IV/c');
    expect(next.skp.map((s) => s.year)).toEqual([2023, 2025]);
    expect(next.careers).toEqual(PROFILE.careers);
    expect(changedProfileFields(PROFILE, c)).toEqual(['rank', 'skp']);
    expect(changedProfileFields(PROFILE, { rank: 'IV/b', lhkpnFiled: false })).toEqual(['lhkpnFiled']);
  });

  it('clears the major with an empty value', () => {
    const withMajor = { ...PROFILE, educationMajor: 'Manajemen' };
    expect(applyProfileCorrections(withMajor, { educationMajor: null }).educationMajor).toBeUndefined();
    expect(profileCorrectionIssues(withMajor, PROFILE_FIELDS, { educationMajor: null }, TODAY)).toEqual([]);
  });
});
