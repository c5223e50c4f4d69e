import { describe, expect, it } from 'vitest';
import {
  computeMeritIndex,
  DEFAULT_MERIT_ASPECT_CONFIG,
  defaultMeritAspectConfig,
  meritAssessmentTransition,
  validateMeritAspectConfig,
  type MeritAspectConfig,
  type MeritAssessmentAction,
  type MeritAssessmentStatus,
} from './merit-assessment';

const codes = DEFAULT_MERIT_ASPECT_CONFIG.aspects.map((a) => a.code);
const all = (score: number) =>
  codes.map((code) => ({ code, score: score as number | null, adjustedScore: null as number | null }));

describe('default merit aspects', () => {
  it('are the eight areas of ASN management, equal weights, scored 1–4, and valid', () => {
    expect(codes).toEqual([
      'NEEDS_PLANNING',
      'PROCUREMENT',
      'CAREER_DEVELOPMENT',
      'PROMOTION_TRANSFER',
      'PERFORMANCE_MANAGEMENT',
      'PAY_AWARDS_DISCIPLINE',
      'PROTECTION_SERVICES',
      'INFORMATION_SYSTEM',
    ]);
    expect(validateMeritAspectConfig(DEFAULT_MERIT_ASPECT_CONFIG)).toEqual([]);
    expect(new Set(DEFAULT_MERIT_ASPECT_CONFIG.aspects.map((a) => `${a.weight}:${a.minScore}-${a.maxScore}`))).toEqual(
      new Set(['1:1-4']),
    );
  });
});

describe('computeMeritIndex', () => {
  it.each<[string, { code: string; score: number | null; adjustedScore: number | null }[], number, string]>([
    ['every aspect lowest', all(1), 100, 'BURUK'],
    ['every aspect highest', all(4), 400, 'SANGAT_BAIK'],
    ['all 2.5: the middle', all(2.5), 250, 'BAIK'],
    ['just below Baik', all(2.49), 249, 'KURANG'],
    ['mean 3.25: Sangat Baik starts', all(3.25), 325, 'SANGAT_BAIK'],
    [
      'mixed scores: 100 × the mean (3+3+3+3+2+2+4+3 = 23 / 8 = 2.875)',
      codes.map((code, i) => ({ code, score: [3, 3, 3, 3, 2, 2, 4, 3][i]!, adjustedScore: null })),
      287.5,
      'BAIK',
    ],
    [
      "the overseer's adjusted score replaces the agency's (one aspect 4 → 1 brings 287.5 down to 250)",
      codes.map((code, i) => ({
        code,
        score: [3, 3, 3, 3, 2, 2, 4, 3][i]!,
        adjustedScore: i === 6 ? 1 : null,
      })),
      250,
      'BAIK',
    ],
  ])('%s', (_name, scores, index, category) => {
    expect(computeMeritIndex(DEFAULT_MERIT_ASPECT_CONFIG, scores)).toEqual({ ok: true, value: { index, category } });
  });

  it('weights and ranges come from the configuration', () => {
    const config: MeritAspectConfig = {
      version: 'uji',
      aspects: [
        { code: 'A', name: 'Aspek A', weight: 3, minScore: 0, maxScore: 100 },
        { code: 'B', name: 'Aspek B', weight: 1, minScore: 1, maxScore: 5 },
      ],
    };
    // A at 100 % (weight 3), B at 0 % (weight 1): 100 + 300 × 3/4 = 325.
    const r = computeMeritIndex(config, [
      { code: 'A', score: 100, adjustedScore: null },
      { code: 'B', score: 1, adjustedScore: null },
    ]);
    expect(r).toEqual({ ok: true, value: { index: 325, category: 'SANGAT_BAIK' } });
    // A at 50 %, B at 50 %: 250.
    expect(
      computeMeritIndex(config, [
        { code: 'A', score: 50, adjustedScore: null },
        { code: 'B', score: 3, adjustedScore: null },
      ]),
    ).toEqual({ ok: true, value: { index: 250, category: 'BAIK' } });
  });

  it('names every aspect not scored, out of range, with too many decimals or unknown', () => {
    const scores = all(3);
    scores[0] = { code: 'NEEDS_PLANNING', score: null, adjustedScore: null };
    scores[1] = { code: 'PROCUREMENT', score: 5, adjustedScore: null };
    scores[2] = { code: 'CAREER_DEVELOPMENT', score: 3, adjustedScore: 0.5 };
    scores[3] = { code: 'PROMOTION_TRANSFER', score: 2.125, adjustedScore: null };
    const r = computeMeritIndex(DEFAULT_MERIT_ASPECT_CONFIG, [...scores, { code: 'X', score: 2, adjustedScore: null }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual([
      'aspects.NEEDS_PLANNING',
      'aspects.PROCUREMENT',
      'aspects.CAREER_DEVELOPMENT',
      'aspects.PROMOTION_TRANSFER',
      'aspects.X',
    ]);
    expect(r.problems[0]!.message).toBe('Aspek Perencanaan kebutuhan belum dinilai');
    expect(r.problems[1]!.message).toBe('Nilai aspek Pengadaan harus 1 sampai 4');
  });

  it('refuses a configuration with no aspects, a double code, a zero weight or an empty range', () => {
    const bad = defaultMeritAspectConfig();
    bad.aspects[1]!.code = bad.aspects[0]!.code;
    bad.aspects[2]!.weight = 0;
    bad.aspects[3]!.maxScore = bad.aspects[3]!.minScore;
    expect(validateMeritAspectConfig(bad).map((p) => p.field)).toEqual([
      'aspects.1.code',
      'aspects.2.weight',
      'aspects.3.maxScore',
    ]);
    expect(validateMeritAspectConfig({ version: 'x', aspects: [] }).map((p) => p.field)).toEqual(['aspects']);
    expect(DEFAULT_MERIT_ASPECT_CONFIG.aspects[1]!.code).toBe('PROCUREMENT');
  });
});

describe('meritAssessmentTransition', () => {
  const table: [MeritAssessmentStatus, MeritAssessmentAction, MeritAssessmentStatus | 'WRONG_STAGE'][] = [
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['DRAFT', 'VALIDATE', 'WRONG_STAGE'],
    ['DRAFT', 'ADJUST', 'WRONG_STAGE'],
    ['SUBMITTED', 'EDIT', 'WRONG_STAGE'],
    ['SUBMITTED', 'SUBMIT', 'WRONG_STAGE'],
    ['SUBMITTED', 'ADJUST', 'SUBMITTED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['SUBMITTED', 'VALIDATE', 'VALIDATED'],
    ['RETURNED', 'VALIDATE', 'WRONG_STAGE'],
    ['RETURNED', 'ADJUST', 'WRONG_STAGE'],
    ['RETURNED', 'EDIT', 'RETURNED'],
    ['RETURNED', 'SUBMIT', 'SUBMITTED'],
    ['VALIDATED', 'EDIT', 'WRONG_STAGE'],
    ['VALIDATED', 'RETURN', 'WRONG_STAGE'],
    ['VALIDATED', 'VALIDATE', 'WRONG_STAGE'],
  ];
  it.each(table)('%s + %s → %s', (status, action, expected) => {
    const r = meritAssessmentTransition(status, action);
    if (expected === 'WRONG_STAGE') {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ code: 'WRONG_STAGE', field: 'assessmentId' });
    } else expect(r).toEqual({ ok: true, next: expected });
  });

  it('says a returned assessment must be resubmitted before it can be validated', () => {
    const r = meritAssessmentTransition('RETURNED', 'VALIDATE');
    expect(!r.ok && r.problem.message).toContain('harus diajukan ulang');
  });
});
