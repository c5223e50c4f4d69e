/**
 * Interview by the Pansel: each member scores each candidate; a spread wider than the threshold
 * sends the scores back for calibration (InterviewRules).
 */
import { meanScore, toHundredths } from './scoring';

/** True when max − min of the members' scores exceeds `threshold` (false for fewer than 2 scores). */
export function needsCalibration(scores: readonly number[], threshold: number): boolean {
  if (scores.length < 2) return false;
  const h = scores.map((s, i) => toHundredths(s, `scores.${i}`));
  return Math.max(...h) - Math.min(...h) > Math.round(threshold * 100);
}

/** The candidate's interview score: mean of the members' scores, 2 decimals, half up. */
export function interviewScore(scores: readonly number[]): number {
  return meanScore(scores, 'scores');
}
