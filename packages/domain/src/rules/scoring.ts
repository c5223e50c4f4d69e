/**
 * Score arithmetic (domain.md §1.5). Scores are 0–100 with at most 2 decimals; every computation
 * works on integer hundredths so results never drift (70.15 stays 70.15), and rounds half up.
 */
import { DomainError } from '../errors';
import type { ScoringWeights } from './selection-rules';

export interface CandidateScores {
  assessment: number | null;
  paper: number | null;
  presentation: number | null;
  interview: number | null;
  trackRecord: number | null;
}

export const SCORE_COMPONENTS = ['assessment', 'paper', 'presentation', 'interview', 'trackRecord'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

export const SCORE_COMPONENT_NAMES: Record<ScoreComponent, string> = {
  assessment: 'Asesmen kompetensi',
  paper: 'Makalah',
  presentation: 'Presentasi',
  interview: 'Wawancara',
  trackRecord: 'Rekam jejak',
};

/** Finite, 0..100, at most 2 decimals. */
export function isValidScore(n: unknown): n is number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) return false;
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
}

/** Integer hundredths of a valid score, or a DomainError naming the field. */
export function toHundredths(n: number, field = 'score'): number {
  if (!isValidScore(n))
    throw new DomainError('VALIDATION_FAILED', `Nilai harus 0 sampai 100 dengan paling banyak 2 desimal: ${n}`, field);
  return Math.round(n * 100);
}

/** Quotient rounded half up, for a non-negative numerator and a positive denominator. */
function divHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Mean of valid scores, rounded half up to 2 decimals; throws on an empty list or a bad score. */
export function meanScore(scores: readonly number[], field = 'scores'): number {
  if (scores.length === 0) throw new DomainError('VALIDATION_FAILED', 'Belum ada nilai', field);
  const sum = scores.reduce((acc, s, i) => acc + toHundredths(s, `${field}.${i}`), 0);
  return divHalfUp(sum, scores.length) / 100;
}

/**
 * Weighted final score: Σ score × weight / 100, rounded half up to 2 decimals. Null while a
 * component with a weight above 0 has no score; components weighted 0 are ignored.
 */
export function weightedTotal(scores: CandidateScores, weights: ScoringWeights): number | null {
  let acc = 0; // score hundredths × weight hundredths
  for (const c of SCORE_COMPONENTS) {
    const w = weights[c];
    if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0))
      throw new DomainError('VALIDATION_FAILED', `Bobot ${SCORE_COMPONENT_NAMES[c]} tidak valid`, `weights.${c}`);
    const wh = Math.round(w * 100);
    if (wh === 0) continue;
    const s = scores[c];
    if (s === null || s === undefined) return null;
    acc += toHundredths(s, `scores.${c}`) * wh;
  }
  // acc / 10000 is the total in hundredths (weights are percent).
  return divHalfUp(acc, 10_000) / 100;
}

/** Assessment-centre score: mean of the managerial and socio-cultural results, 2 decimals half up. */
export function assessmentScore(managerial: number, socioCultural: number): number {
  const sum = toHundredths(managerial, 'managerial') + toHundredths(socioCultural, 'socioCultural');
  return divHalfUp(sum, 2) / 100;
}

/** '72,35': a score as printed in Indonesian documents (comma decimals, always 2). */
export function formatScore(n: number): string {
  return n.toFixed(2).replace('.', ',');
}
