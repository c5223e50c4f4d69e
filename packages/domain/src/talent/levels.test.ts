import { describe, expect, it } from 'vitest';
import type { SkpPredicate } from '../contracts';
import { DomainError } from '../errors';
import {
  DEFAULT_TALENT_SCORING_RULES,
  DEFAULT_TRACK_RECORD_POINTS,
  defaultTalentScoringRules,
  levelOf,
  scoreTalent,
  validateTalentScoringRules,
  type TalentInput,
  type TalentScoringRules,
} from './levels';
import type { Level3 } from './nine-box';

const rules = DEFAULT_TALENT_SCORING_RULES;

function skp(p2025: SkpPredicate, p2024: SkpPredicate): TalentInput['skp'] {
  return [
    { year: 2025, predicate: p2025 },
    { year: 2024, predicate: p2024 },
  ];
}

function input(over: Partial<TalentInput> = {}): TalentInput {
  return {
    skp: skp('SANGAT_BAIK', 'SANGAT_BAIK'),
    assessment: { managerial: 90, socioCultural: 90, assessedAt: '2026-03-02' },
    trackRecord: 90,
    ...over,
  };
}

describe('defaults', () => {
  it('are valid and carry the documented values', () => {
    expect(validateTalentScoringRules(rules)).toEqual([]);
    expect(rules).toMatchObject({
      performanceWeight: 50,
      potentialWeight: 50,
      skpYears: 2,
      skpPoints: { SANGAT_BAIK: 100, BAIK: 80, BUTUH_PERBAIKAN: 60, KURANG: 40, SANGAT_KURANG: 20 },
      performanceThresholds: { medium: 70, high: 90 },
      potentialWeights: { managerial: 40, socioCultural: 30, trackRecord: 30 },
      potentialThresholds: { medium: 70, high: 85 },
      numbering: 'PERMENPANRB_3_2020',
    });
    expect(Object.isFrozen(rules.skpPoints)).toBe(true);
    const copy = defaultTalentScoringRules();
    copy.skpPoints.BAIK = 75;
    expect(rules.skpPoints.BAIK).toBe(80);
  });
});

describe('levelOf at the thresholds', () => {
  it.each<[number, Level3, Level3]>([
    [0, 1, 1],
    [69.99, 1, 1],
    [70, 2, 2],
    [84.99, 2, 2],
    [85, 2, 3],
    [89.99, 2, 3],
    [90, 3, 3],
    [100, 3, 3],
  ])('%s → performance %i, potential %i', (score, perf, pot) => {
    expect(levelOf(score, rules.performanceThresholds)).toBe(perf);
    expect(levelOf(score, rules.potentialThresholds)).toBe(pot);
  });
});

describe('scoreTalent: performance', () => {
  it.each<[SkpPredicate, SkpPredicate, number, Level3]>([
    ['SANGAT_BAIK', 'SANGAT_BAIK', 100, 3],
    ['SANGAT_BAIK', 'BAIK', 90, 3],
    ['BAIK', 'BAIK', 80, 2],
    ['BAIK', 'BUTUH_PERBAIKAN', 70, 2],
    ['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 60, 1],
    ['KURANG', 'SANGAT_KURANG', 30, 1],
  ])('%s + %s → %s points, level %i', (a, b, points, level) => {
    const t = scoreTalent(input({ skp: skp(a, b) }), 2026, rules);
    expect(t.performanceScore).toBe(points);
    expect(t.performance).toBe(level);
  });

  it('uses the years before asOfYear only, and the lowest predicate of a year', () => {
    const t = scoreTalent(
      input({
        skp: [
          { year: 2026, predicate: 'SANGAT_KURANG' }, // the mapping year itself does not count
          { year: 2025, predicate: 'SANGAT_BAIK' },
          { year: 2025, predicate: 'BAIK' },
          { year: 2024, predicate: 'SANGAT_BAIK' },
          { year: 2022, predicate: 'SANGAT_KURANG' }, // outside the 2 years
        ],
      }),
      2026,
      rules,
    );
    expect(t.performanceScore).toBe(90);
  });

  it('leaves performance null with one reason per missing year', () => {
    const t = scoreTalent(input({ skp: [{ year: 2024, predicate: 'BAIK' }] }), 2026, rules);
    expect(t.performanceScore).toBeNull();
    expect(t.performance).toBeNull();
    expect(t.box).toBeNull();
    expect(t.score).toBeNull();
    expect(t.missing).toEqual(['SKP tahun 2025 belum ada']);
    expect(scoreTalent(input({ skp: [] }), 2026, rules).missing).toEqual([
      'SKP tahun 2025 belum ada',
      'SKP tahun 2024 belum ada',
    ]);
  });

  it('reports an unknown predicate instead of throwing', () => {
    const t = scoreTalent(
      input({ skp: [...skp('BAIK', 'BAIK'), { year: 2025, predicate: 'ISTIMEWA' as SkpPredicate }] }),
      2026,
      rules,
    );
    expect(t.performance).toBeNull();
    expect(t.missing).toEqual(['Predikat SKP tahun 2025 tidak dikenal: ISTIMEWA']);
  });

  it('counts the configured number of years', () => {
    const r: TalentScoringRules = { ...defaultTalentScoringRules(), skpYears: 3 };
    const t = scoreTalent(input({ skp: [...skp('SANGAT_BAIK', 'BAIK'), { year: 2023, predicate: 'BAIK' }] }), 2026, r);
    expect(t.performanceScore).toBe(86.67); // (100 + 80 + 80) / 3, half up
  });
});

describe('scoreTalent: potential', () => {
  it.each<[number, number, number | null, number, Level3]>([
    [90, 90, 90, 90, 3],
    [85, 85, 85, 85, 3],
    [84.99, 85, 85, 85, 3], // 33.996 + 25.5 + 25.5 = 84.996 → 85.00 half up
    [84.9, 85, 85, 84.96, 2],
    [70, 70, 70, 70, 2],
    [69.99, 70, 70, 70, 2], // 69.996 → 70.00
    [60, 70, 70, 66, 1],
    [80, 80, null, 80, 2], // no track record → 80
  ])('managerial %s, socio-cultural %s, track %s → %s, level %i', (m, s, track, score, level) => {
    const t = scoreTalent(
      input({ assessment: { managerial: m, socioCultural: s, assessedAt: '2026-01-05' }, trackRecord: track }),
      2026,
      rules,
    );
    expect(t.potentialScore).toBe(score);
    expect(t.potential).toBe(level);
  });

  it('counts a missing track record as 80 and says so', () => {
    const t = scoreTalent(input({ trackRecord: null }), 2026, rules);
    expect(DEFAULT_TRACK_RECORD_POINTS).toBe(80);
    expect(t.potentialScore).toBe(87); // 36 + 27 + 24
    expect(t.missing).toEqual([]);
    expect(t.notes).toEqual(['Belum ada nilai rekam jejak; dihitung 80 (tidak ada catatan temuan)']);
  });

  it('can require a recorded track record, or use another default', () => {
    const strict: TalentScoringRules = { ...defaultTalentScoringRules(), trackRecordWhenMissing: null };
    const t = scoreTalent(input({ trackRecord: null }), 2026, strict);
    expect(t.potentialScore).toBeNull();
    expect(t.missing).toEqual(['Belum ada nilai rekam jejak']);
    const lenient: TalentScoringRules = { ...defaultTalentScoringRules(), trackRecordWhenMissing: 100 };
    expect(scoreTalent(input({ trackRecord: null }), 2026, lenient).potentialScore).toBe(93); // 36 + 27 + 30
  });

  it('leaves potential null without an assessment', () => {
    const t = scoreTalent(input({ assessment: null }), 2026, rules);
    expect(t.potentialScore).toBeNull();
    expect(t.potential).toBeNull();
    expect(t.box).toBeNull();
    expect(t.missing).toEqual(['Belum ada hasil asesmen']);
  });

  it('reports invalid scores instead of throwing', () => {
    const t = scoreTalent(
      input({ assessment: { managerial: 120, socioCultural: 80, assessedAt: '2026-01-05' }, trackRecord: -1 }),
      2026,
      rules,
    );
    expect(t.potentialScore).toBeNull();
    expect(t.missing).toEqual([
      'Nilai asesmen kompetensi manajerial tidak valid: 120',
      'Nilai rekam jejak tidak valid: -1',
    ]);
  });
});

describe('scoreTalent: box and total', () => {
  it.each<[SkpPredicate, SkpPredicate, number, number, number, number]>([
    // performance, potential inputs (managerial = socio = track) → PermenPANRB box, Kemenkeu box
    ['SANGAT_BAIK', 'SANGAT_BAIK', 90, 9, 9, 95],
    ['BAIK', 'BAIK', 90, 8, 7, 85],
    ['SANGAT_BAIK', 'BAIK', 80, 7, 8, 85],
    ['BAIK', 'BAIK', 80, 5, 6, 80],
    ['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 60, 1, 1, 60],
    ['SANGAT_BAIK', 'SANGAT_BAIK', 60, 4, 5, 80],
    ['BUTUH_PERBAIKAN', 'KURANG', 95, 6, 3, 72.5],
  ])('%s/%s, potential %s → box %i (Kemenkeu %i), score %s', (a, b, pot, permen, kemenkeu, score) => {
    const i = input({
      skp: skp(a, b),
      assessment: { managerial: pot, socioCultural: pot, assessedAt: '2026-01-05' },
      trackRecord: pot,
    });
    const t = scoreTalent(i, 2026, rules);
    expect(t.box).toBe(permen);
    expect(t.score).toBe(score);
    expect(t.missing).toEqual([]);
    expect(scoreTalent(i, 2026, { ...defaultTalentScoringRules(), numbering: 'KEMENKEU' }).box).toBe(kemenkeu);
  });

  it('weights the total by the rules', () => {
    const r: TalentScoringRules = { ...defaultTalentScoringRules(), performanceWeight: 60, potentialWeight: 40 };
    const t = scoreTalent(input({ skp: skp('SANGAT_BAIK', 'BAIK') }), 2026, r); // 90 and 90
    expect(t.score).toBe(90);
    const u = scoreTalent(
      input({
        skp: skp('BAIK', 'BAIK'),
        assessment: { managerial: 75.55, socioCultural: 70, assessedAt: '2026-01-05' },
      }),
      2026,
      r,
    );
    // potential 30.22 + 21 + 27 = 78.22; total 0.6 × 80 + 0.4 × 78.22 = 79.288 → 79.29
    expect(u.potentialScore).toBe(78.22);
    expect(u.score).toBe(79.29);
  });

  it('throws on invalid rules or year', () => {
    expect(() => scoreTalent(input(), 2026, { ...defaultTalentScoringRules(), performanceWeight: 60 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES' }) as unknown as Error,
    );
    expect(() => scoreTalent(input(), 2026.5, rules)).toThrow(DomainError);
  });
});

describe('validateTalentScoringRules', () => {
  function fields(r: Partial<TalentScoringRules>, prefix = ''): string[] {
    return validateTalentScoringRules({ ...defaultTalentScoringRules(), ...r }, prefix).map((p) => p.field);
  }

  it.each<[Partial<TalentScoringRules>, string[]]>([
    [{ version: ' ' }, ['version']],
    [{ performanceWeight: 60 }, ['performanceWeight']],
    [{ performanceWeight: 50.5, potentialWeight: 49.5 }, ['performanceWeight', 'potentialWeight']],
    [{ skpYears: 0 }, ['skpYears']],
    [{ skpYears: 6 }, ['skpYears']],
    [
      { skpPoints: { SANGAT_BAIK: 100, BAIK: 80, BUTUH_PERBAIKAN: 60, KURANG: 40, SANGAT_KURANG: 120 } },
      ['skpPoints.SANGAT_KURANG'],
    ],
    [
      { skpPoints: { SANGAT_BAIK: 100, BAIK: 80, BUTUH_PERBAIKAN: 85, KURANG: 40, SANGAT_KURANG: 20 } },
      ['skpPoints.BUTUH_PERBAIKAN'],
    ],
    [{ performanceThresholds: { medium: 90, high: 90 } }, ['performanceThresholds.medium']],
    [{ performanceThresholds: { medium: 70, high: 101 } }, ['performanceThresholds.high']],
    [{ potentialWeights: { managerial: 50, socioCultural: 30, trackRecord: 30 } }, ['potentialWeights']],
    [{ potentialWeights: { managerial: -10, socioCultural: 80, trackRecord: 30 } }, ['potentialWeights.managerial']],
    [{ potentialThresholds: { medium: 86, high: 85 } }, ['potentialThresholds.medium']],
    [{ numbering: 'BKN' as TalentScoringRules['numbering'] }, ['numbering']],
    [{ trackRecordWhenMissing: 101 }, ['trackRecordWhenMissing']],
    [{ trackRecordWhenMissing: null }, []],
  ])('%j → %j', (r, expected) => {
    expect(fields(r)).toEqual(expected);
  });

  it('prefixes field paths and gives Indonesian messages', () => {
    const problems = validateTalentScoringRules({ ...defaultTalentScoringRules(), performanceWeight: 40 }, 'scoring.');
    expect(problems).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'scoring.performanceWeight',
        message: 'Jumlah bobot kinerja dan potensial harus 100%, saat ini 90%',
      },
    ]);
  });
});
