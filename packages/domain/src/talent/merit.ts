/**
 * Merit-system index categories (domain.md §3; KASN scoring 100–400): the talent-pool route is open
 * only to agencies rated at least Baik (configurable, see gate.ts).
 *
 * | Category    | Score   |
 * |-------------|---------|
 * | Buruk       | 100–174 |
 * | Kurang      | 175–249 |
 * | Baik        | 250–324 |
 * | Sangat Baik | 325–400 |
 *
 * Scores are usually whole numbers; a fractional score takes the category of the band whose lower
 * bound it has reached (174.5 is still Buruk, 175 is Kurang).
 */
import { DomainError } from '../errors';

/** Lowest first. */
export const MERIT_CATEGORIES = ['BURUK', 'KURANG', 'BAIK', 'SANGAT_BAIK'] as const;
export type MeritCategory = (typeof MERIT_CATEGORIES)[number];

export const MERIT_CATEGORY_NAMES: Record<MeritCategory, string> = {
  BURUK: 'Buruk',
  KURANG: 'Kurang',
  BAIK: 'Baik',
  SANGAT_BAIK: 'Sangat Baik',
};

/** Inclusive score band of each category, as published (whole numbers). */
export const MERIT_SCORE_RANGES: Record<MeritCategory, { min: number; max: number }> = {
  BURUK: { min: 100, max: 174 },
  KURANG: { min: 175, max: 249 },
  BAIK: { min: 250, max: 324 },
  SANGAT_BAIK: { min: 325, max: 400 },
};

export const MERIT_SCORE_MIN = 100;
export const MERIT_SCORE_MAX = 400;

/** A finite number within 100..400. */
export function isMeritScore(score: unknown): score is number {
  return typeof score === 'number' && Number.isFinite(score) && score >= MERIT_SCORE_MIN && score <= MERIT_SCORE_MAX;
}

export function isMeritCategory(value: unknown): value is MeritCategory {
  return typeof value === 'string' && (MERIT_CATEGORIES as readonly string[]).includes(value);
}

/** The category of a merit-index score; throws DomainError VALIDATION_FAILED outside 100..400. */
export function meritCategoryOf(score: number): MeritCategory {
  if (!isMeritScore(score))
    throw new DomainError(
      'VALIDATION_FAILED',
      `Nilai indeks sistem merit harus antara ${MERIT_SCORE_MIN} dan ${MERIT_SCORE_MAX}: ${String(score)}`,
      'meritIndexScore',
    );
  if (score < MERIT_SCORE_RANGES.KURANG.min) return 'BURUK';
  if (score < MERIT_SCORE_RANGES.BAIK.min) return 'KURANG';
  if (score < MERIT_SCORE_RANGES.SANGAT_BAIK.min) return 'BAIK';
  return 'SANGAT_BAIK';
}

/** Negative when `a` is lower than `b`, 0 when equal, positive when higher (sorts lowest first). */
export function compareMerit(a: MeritCategory, b: MeritCategory): number {
  return MERIT_CATEGORIES.indexOf(a) - MERIT_CATEGORIES.indexOf(b);
}
