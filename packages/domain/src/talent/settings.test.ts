import { describe, expect, it } from 'vitest';
import { DEFAULT_TALENT_GATE_RULES } from './gate';
import { DEFAULT_TALENT_SCORING_RULES } from './levels';
import {
  defaultTalentSettings,
  migrateLegacyTalentSettings,
  validateTalentSettings,
  type TalentSettings,
} from './settings';
import { DEFAULT_RETIREMENT_RULES } from './succession';

function valid(): TalentSettings {
  return {
    ...defaultTalentSettings('KALTIM'),
    targetPosts: [
      {
        id: 'DISDIK',
        title: 'Kepala Dinas Pendidikan dan Kebudayaan',
        level: 'PRATAMA',
        unit: 'Dinas Pendidikan',
        field: 'Pendidikan',
      },
      { id: 'SEKDA', title: 'Sekretaris Daerah', level: 'MADYA', unit: 'Sekretariat Daerah' },
    ],
  };
}

describe('defaultTalentSettings', () => {
  it('is valid, unassessed, and carries the default rules', () => {
    const s = defaultTalentSettings('KALTIM');
    expect(validateTalentSettings(s)).toEqual([]);
    expect(s).toEqual({
      agencyCode: 'KALTIM',
      scoring: DEFAULT_TALENT_SCORING_RULES,
      gate: DEFAULT_TALENT_GATE_RULES,
      retirement: DEFAULT_RETIREMENT_RULES,
      targetPosts: [],
    });
  });

  it('returns fresh copies that can be edited without touching the defaults', () => {
    const s = defaultTalentSettings('KALTIM');
    s.scoring.potentialWeights.managerial = 50;
    s.gate.maxMapAgeMonths = 6;
    s.retirement.retirementAgeByLevel.UTAMA = 65;
    expect(DEFAULT_TALENT_SCORING_RULES.potentialWeights.managerial).toBe(40);
    expect(DEFAULT_TALENT_GATE_RULES.maxMapAgeMonths).toBe(12);
    expect(DEFAULT_RETIREMENT_RULES.retirementAgeByLevel.UTAMA).toBe(60);
    expect(defaultTalentSettings('KALTIM').scoring.potentialWeights.managerial).toBe(40);
  });
});

describe('validateTalentSettings', () => {
  it('accepts complete settings', () => {
    expect(validateTalentSettings(valid())).toEqual([]);
  });

  it.each<[string, (s: TalentSettings) => void, string[]]>([
    ['agency code', (s) => (s.agencyCode = ''), ['agencyCode']],
    ['merit score (the overseer decides it)', (s) => Object.assign(s, { meritIndexScore: 300 }), ['meritIndexScore']],
    [
      'approval (the overseer decides it)',
      (s) => Object.assign(s, { talentSystemApproval: { approvedOn: '2025-09-30', reference: 'B-1' } }),
      ['talentSystemApproval'],
    ],
    ['scoring weights', (s) => (s.scoring.performanceWeight = 60), ['scoring.performanceWeight']],
    ['potential weights', (s) => (s.scoring.potentialWeights.trackRecord = 20), ['scoring.potentialWeights']],
    ['numbering', (s) => (s.scoring.numbering = 'X' as TalentSettings['scoring']['numbering']), ['scoring.numbering']],
    ['gate', (s) => (s.gate.maxMapAgeMonths = 0), ['gate.maxMapAgeMonths']],
    [
      'retirement',
      (s) => (s.retirement.retirementAgeByLevel.PRATAMA = 45),
      ['retirement.retirementAgeByLevel.PRATAMA'],
    ],
    [
      'target post',
      (s) => (s.targetPosts[1] = { id: 'DISDIK', title: ' ', level: 'ESELON_II' as 'MADYA', unit: '' }),
      ['targetPosts.1.id', 'targetPosts.1.title', 'targetPosts.1.level', 'targetPosts.1.unit'],
    ],
  ])('reports %s', (_name, mutate, fields) => {
    const s = valid();
    mutate(s);
    const problems = validateTalentSettings(s);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) {
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.message).not.toBe('');
    }
  });

  it('names a duplicate target post', () => {
    const s = valid();
    s.targetPosts.push({ ...s.targetPosts[0]! });
    expect(validateTalentSettings(s)).toEqual([
      { code: 'VALIDATION_FAILED', field: 'targetPosts.2.id', message: 'ID jabatan target DISDIK ganda' },
    ]);
  });
});

describe('migrateLegacyTalentSettings', () => {
  it('moves values set before the overseer owned the gate into legacyGate, without rewriting anything else', () => {
    const stored = {
      ...defaultTalentSettings('KALTIM'),
      meritIndexScore: 312,
      meritAssessedOn: '2026-03-01',
      talentSystemApproval: { approvedOn: '2026-01-10', reference: 'B-1/BKN' },
    };
    const migrated = migrateLegacyTalentSettings(stored);
    expect(migrated).not.toHaveProperty('meritIndexScore');
    expect(migrated).not.toHaveProperty('talentSystemApproval');
    expect(migrated.legacyGate).toEqual({
      meritIndexScore: 312,
      meritAssessedOn: '2026-03-01',
      talentSystemApproval: { approvedOn: '2026-01-10', reference: 'B-1/BKN' },
    });
    expect(validateTalentSettings(migrated as TalentSettings)).toEqual([]);
  });

  it('drops empty legacy keys and answers settings without them unchanged', () => {
    const empty = { ...defaultTalentSettings('KALTIM'), meritIndexScore: null, talentSystemApproval: null };
    expect(migrateLegacyTalentSettings(empty)).toEqual(defaultTalentSettings('KALTIM'));
    const clean = defaultTalentSettings('KALTIM');
    expect(migrateLegacyTalentSettings(clean)).toBe(clean);
  });
});
