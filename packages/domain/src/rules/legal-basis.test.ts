import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEGAL_BASIS,
  defaultLegalBasis,
  LEGAL_BASIS_KEYS,
  legalBasisFor,
  validateLegalBasis,
} from './legal-basis';
import { buildSelectionRules, DEFAULT_SELECTION_RULES, OVERSEER_ERAS, validateSelectionRules } from './selection-rules';

describe('default legal basis', () => {
  it('cites the ASN law of the era first, then PP 11/2017 as amended by PP 17/2020', () => {
    for (const key of LEGAL_BASIS_KEYS) {
      expect(DEFAULT_LEGAL_BASIS.KASN[key][0]).toBe('Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara');
      expect(DEFAULT_LEGAL_BASIS.BKN[key][0]).toBe('Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara');
      expect(DEFAULT_LEGAL_BASIS.GENERIC[key][0]).toBe(DEFAULT_LEGAL_BASIS.BKN[key][0]);
      for (const era of OVERSEER_ERAS) {
        expect(DEFAULT_LEGAL_BASIS[era][key][1]).toMatch(
          /^Peraturan Pemerintah Nomor 11 Tahun 2017 .* diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020/,
        );
      }
    }
  });

  it('rests the open selection on PermenPANRB 15/2019 and the talent route on PermenPANRB 3/2020', () => {
    expect(DEFAULT_LEGAL_BASIS.BKN.PANSEL_DECREE.at(-1)).toContain('Nomor 15 Tahun 2019 tentang Pengisian Jabatan');
    expect(DEFAULT_LEGAL_BASIS.BKN.APPOINTMENT_DECREE.at(-1)).toContain('Nomor 15 Tahun 2019');
    expect(DEFAULT_LEGAL_BASIS.BKN.TALENT_APPOINTMENT_DECREE.at(-1)).toContain(
      'Nomor 3 Tahun 2020 tentang Manajemen Talenta',
    );
    expect(DEFAULT_LEGAL_BASIS.KASN.SUCCESSION_GROUP_DECISION.at(-1)).toContain('Nomor 3 Tahun 2020');
  });

  it('is frozen; defaultLegalBasis gives a copy to change', () => {
    expect(Object.isFrozen(DEFAULT_LEGAL_BASIS.BKN.PANSEL_DECREE)).toBe(true);
    const copy = defaultLegalBasis('PANSEL_DECREE', 'BKN');
    copy.push('Peraturan Gubernur Nomor 1 Tahun 2026');
    expect(DEFAULT_LEGAL_BASIS.BKN.PANSEL_DECREE).toHaveLength(3);
  });
});

describe('legalBasisFor', () => {
  const own = ['Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah'];

  it('uses the era default when the pinned rules carry no list for the kind', () => {
    expect(legalBasisFor('APPOINTMENT_DECREE', DEFAULT_SELECTION_RULES)).toEqual([
      ...DEFAULT_LEGAL_BASIS.BKN.APPOINTMENT_DECREE,
    ]);
    const kasn = buildSelectionRules({ overseer: { era: 'KASN' }, legalBasis: { PANSEL_DECREE: own } });
    expect(legalBasisFor('APPOINTMENT_DECREE', kasn)).toEqual([...DEFAULT_LEGAL_BASIS.KASN.APPOINTMENT_DECREE]);
    expect(legalBasisFor('PANSEL_DECREE', { ...DEFAULT_SELECTION_RULES, legalBasis: null })).toHaveLength(3);
  });

  it('uses the agency’s own list from the rules', () => {
    const rules = buildSelectionRules({ legalBasis: { PANSEL_DECREE: own } });
    expect(legalBasisFor('PANSEL_DECREE', rules)).toEqual(own);
    expect(validateSelectionRules(rules)).toEqual([]);
  });

  it('merges overrides per kind onto a base that already has some', () => {
    const base = buildSelectionRules({ legalBasis: { PANSEL_DECREE: own } });
    const rules = buildSelectionRules({ legalBasis: { APPOINTMENT_DECREE: ['Peraturan Gubernur Nomor 2'] } }, base);
    expect(rules.legalBasis).toEqual({ PANSEL_DECREE: own, APPOINTMENT_DECREE: ['Peraturan Gubernur Nomor 2'] });
  });
});

describe('validateLegalBasis', () => {
  it.each<[string, unknown, string[]]>([
    ['absent', undefined, []],
    ['null', null, []],
    ['one kind', { APPOINTMENT_DECREE: ['Undang-Undang Nomor 20 Tahun 2023'] }, []],
    ['a list instead of a map', ['x'], ['rules.legalBasis']],
    ['an unknown kind', { INAUGURATION_MINUTES: ['x'] }, ['rules.legalBasis.INAUGURATION_MINUTES']],
    [
      'the talent decree (not a selection rule)',
      { SUCCESSION_GROUP_DECISION: ['x'] },
      ['rules.legalBasis.SUCCESSION_GROUP_DECISION'],
    ],
    ['an empty list', { PANSEL_DECREE: [] }, ['rules.legalBasis.PANSEL_DECREE']],
    ['41 entries', { PANSEL_DECREE: Array.from({ length: 41 }, () => 'x') }, ['rules.legalBasis.PANSEL_DECREE']],
    ['a blank entry', { PANSEL_DECREE: ['UU 20/2023', '  '] }, ['rules.legalBasis.PANSEL_DECREE.1']],
    ['an entry too long', { PANSEL_DECREE: ['x'.repeat(1001)] }, ['rules.legalBasis.PANSEL_DECREE.0']],
  ])('%s', (_name, value, fields) => {
    const problems = validateLegalBasis(value, 'rules.legalBasis');
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
  });

  it('is part of validateSelectionRules', () => {
    const rules = { ...DEFAULT_SELECTION_RULES, legalBasis: { PANSEL_DECREE: [] } };
    expect(validateSelectionRules(rules).map((p) => p.field)).toEqual(['rules.legalBasis.PANSEL_DECREE']);
  });
});
