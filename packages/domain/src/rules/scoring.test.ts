import { describe, expect, it } from 'vitest';
import { assessmentScore, formatScore, isValidScore, weightedTotal, type CandidateScores } from './scoring';
import { DEFAULT_SELECTION_RULES, type ScoringWeights } from './selection-rules';

const W = DEFAULT_SELECTION_RULES.scoring.weights; // 40/10/10/25/15

function s(over: Partial<CandidateScores> = {}): CandidateScores {
  return { assessment: 0, paper: 0, presentation: 0, interview: 0, trackRecord: 0, ...over };
}

describe('weightedTotal', () => {
  it.each<[string, CandidateScores, ScoringWeights, number | null]>([
    ['default weights', s({ assessment: 80, paper: 70, presentation: 75, interview: 85, trackRecord: 90 }), W, 81.25],
    ['all 100', s({ assessment: 100, paper: 100, presentation: 100, interview: 100, trackRecord: 100 }), W, 100],
    ['all 0', s(), W, 0],
    // Naive floating point gives 70.14999999999999 here.
    [
      'no float drift',
      s({ assessment: 70.15, paper: 70.15, presentation: 70.15, interview: 70.15, trackRecord: 70.15 }),
      W,
      70.15,
    ],
    ['half up: 0.005 → 0.01', s({ interview: 0.02 }), W, 0.01],
    ['below half: 0.0025 → 0.00', s({ interview: 0.01 }), W, 0],
    [
      'half up on a larger value: 72.125 → 72.13',
      s({ assessment: 72, paper: 72, presentation: 72, interview: 72.5, trackRecord: 72 }),
      W,
      72.13,
    ],
    [
      'just below half: 72.1225 → 72.12',
      s({ assessment: 72, paper: 72, presentation: 72, interview: 72.49, trackRecord: 72 }),
      W,
      72.12,
    ],
    ['missing weighted component', s({ assessment: null }), W, null],
    [
      'missing component weighted 0 is ignored',
      s({ paper: null, presentation: null, assessment: 80, interview: 70, trackRecord: 90 }),
      { assessment: 50, paper: 0, presentation: 0, interview: 30, trackRecord: 20 },
      79,
    ],
  ])('%s', (_name, scores, weights, expected) => {
    expect(weightedTotal(scores, weights)).toBe(expected);
  });

  it.each([101, -1, 70.123, Number.NaN, Number.POSITIVE_INFINITY])('rejects the score %s', (bad) => {
    expect(() => weightedTotal(s({ interview: bad }), W)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'scores.interview' }),
    );
  });
});

describe('assessmentScore', () => {
  it.each([
    [80, 75, 77.5],
    [80.15, 75.2, 77.68],
    [70.01, 70, 70.01],
    [70, 70, 70],
    [0, 100, 50],
  ])('mean of %s and %s is %s', (m, sc, expected) => {
    expect(assessmentScore(m, sc)).toBe(expected);
  });

  it('rejects a score out of range', () => {
    expect(() => assessmentScore(120, 80)).toThrow(expect.objectContaining({ field: 'managerial' }));
  });
});

describe('isValidScore', () => {
  it.each([
    [0, true],
    [100, true],
    [70.15, true],
    [99.99, true],
    [0.1, true],
    [70.155, false],
    [100.01, false],
    [-0.01, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['70', false],
    [null, false],
  ])('isValidScore(%s) = %s', (n, expected) => {
    expect(isValidScore(n)).toBe(expected);
  });
});

describe('formatScore', () => {
  it.each([
    [72.35, '72,35'],
    [70, '70,00'],
    [0.5, '0,50'],
  ])('%s → %s', (n, text) => {
    expect(formatScore(n)).toBe(text);
  });
});
