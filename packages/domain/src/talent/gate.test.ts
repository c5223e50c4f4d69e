import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  checkTalentGate,
  DEFAULT_TALENT_GATE_RULES,
  validateTalentGateRules,
  type TalentGateInput,
  type TalentGateRules,
} from './gate';

const rules = DEFAULT_TALENT_GATE_RULES;

function input(over: Partial<TalentGateInput> = {}): TalentGateInput {
  return {
    meritIndexScore: 300,
    talentSystemApproval: { approvedOn: '2025-09-30', reference: 'Surat Kepala BKN Nomor 1234/B-KP.04/SD/2025' },
    latestMapDate: '2026-01-15',
    asOf: '2026-11-24',
    ...over,
  };
}

describe('checkTalentGate', () => {
  it('opens for a Baik agency with an approved system and a recent map', () => {
    expect(checkTalentGate(input(), rules)).toEqual({ open: true, meritCategory: 'BAIK', reasons: [] });
    expect(checkTalentGate(input({ meritIndexScore: 250 }), rules).open).toBe(true);
    expect(checkTalentGate(input({ meritIndexScore: 400 }), rules).meritCategory).toBe('SANGAT_BAIK');
  });

  it.each<[string, Partial<TalentGateInput>, string, TalentGateRules?]>([
    [
      'merit Kurang',
      { meritIndexScore: 249 },
      'Kategori sistem merit instansi Kurang (nilai 249), di bawah syarat paling rendah Baik',
    ],
    [
      'merit Baik when Sangat Baik is required',
      { meritIndexScore: 324 },
      'Kategori sistem merit instansi Baik (nilai 324), di bawah syarat paling rendah Sangat Baik',
      { ...DEFAULT_TALENT_GATE_RULES, minMeritCategory: 'SANGAT_BAIK' },
    ],
    [
      'merit not assessed',
      { meritIndexScore: null },
      'Indeks sistem merit instansi belum divalidasi pengawas; syarat paling rendah Baik',
    ],
    [
      'merit score out of range',
      { meritIndexScore: 450 },
      'Nilai indeks sistem merit tidak valid (450); nilai harus 100 sampai 400',
    ],
    [
      'no approval',
      { talentSystemApproval: null },
      'Sistem manajemen talenta instansi belum mendapat persetujuan pengawas',
    ],
    [
      'approval without reference',
      { talentSystemApproval: { approvedOn: '2025-09-30', reference: ' ' } },
      'Nomor/rujukan persetujuan sistem manajemen talenta belum diisi',
    ],
    [
      'approval dated after asOf',
      { talentSystemApproval: { approvedOn: '2026-12-01', reference: 'B-99/2026' } },
      'Persetujuan sistem manajemen talenta (B-99/2026) baru berlaku 1 Desember 2026',
    ],
    ['no map', { latestMapDate: null }, 'Belum ada pemetaan talenta'],
    [
      'map older than 12 months',
      { latestMapDate: '2025-11-23' },
      'Pemetaan talenta terakhir tanggal 23 November 2025 sudah lebih dari 12 bulan (berlaku sampai 23 November 2026); lakukan pemetaan ulang',
    ],
  ])('closes on %s with its reason', (_name, over, reason, r = rules) => {
    const result = checkTalentGate(input(over), r);
    expect(result.open).toBe(false);
    expect(result.reasons).toEqual([reason]);
  });

  it('accepts a map exactly maxMapAgeMonths old', () => {
    expect(checkTalentGate(input({ latestMapDate: '2025-11-24' }), rules).open).toBe(true);
    expect(checkTalentGate(input({ latestMapDate: '2026-05-24' }), { ...rules, maxMapAgeMonths: 6 }).open).toBe(true);
    expect(checkTalentGate(input({ latestMapDate: '2026-05-23' }), { ...rules, maxMapAgeMonths: 6 }).open).toBe(false);
  });

  it('gives one reason per failed condition', () => {
    const r = checkTalentGate(
      { meritIndexScore: 120, talentSystemApproval: null, latestMapDate: null, asOf: '2026-11-24' },
      rules,
    );
    expect(r.open).toBe(false);
    expect(r.meritCategory).toBe('BURUK');
    expect(r.reasons).toHaveLength(3);
  });

  it('throws on invalid dates or rules', () => {
    expect(() => checkTalentGate(input({ asOf: '2026-02-30' }), rules)).toThrow(DomainError);
    expect(() => checkTalentGate(input({ latestMapDate: '15-01-2026' }), rules)).toThrow(DomainError);
    expect(() => checkTalentGate(input(), { ...rules, maxMapAgeMonths: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES', field: 'maxMapAgeMonths' }) as unknown as Error,
    );
  });
});

describe('validateTalentGateRules', () => {
  it('accepts the defaults (Baik, 12 months)', () => {
    expect(DEFAULT_TALENT_GATE_RULES).toEqual({ minMeritCategory: 'BAIK', maxMapAgeMonths: 12 });
    expect(validateTalentGateRules(DEFAULT_TALENT_GATE_RULES)).toEqual([]);
  });

  it.each<[Partial<TalentGateRules>, string[]]>([
    [{ minMeritCategory: 'CUKUP' as TalentGateRules['minMeritCategory'] }, ['gate.minMeritCategory']],
    // Below Baik the talent route would be open to agencies the domain keeps on open selection.
    [{ minMeritCategory: 'BURUK' }, ['gate.minMeritCategory']],
    [{ minMeritCategory: 'KURANG' }, ['gate.minMeritCategory']],
    [{ maxMapAgeMonths: 0 }, ['gate.maxMapAgeMonths']],
    [{ maxMapAgeMonths: 12.5 }, ['gate.maxMapAgeMonths']],
    [{ minMeritCategory: 'SANGAT_BAIK', maxMapAgeMonths: 24 }, []],
  ])('%j → %j', (over, expected) => {
    expect(validateTalentGateRules({ ...rules, ...over }, 'gate.').map((p) => p.field)).toEqual(expected);
  });
});
