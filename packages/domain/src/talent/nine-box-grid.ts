/**
 * The nine-box as talent committees draw it: performance across (low → high, left → right), potential
 * up (low at the bottom, high at the top). Each cell carries its box number in the agency's numbering,
 * its name, its head-count, its share of the mapped employees and, when a previous period was mapped,
 * the count then and the change. Pure: the gateway answers it, the portal draws it.
 */
import {
  BOX_NAMES_ID,
  isTalentPoolBox,
  LEVEL3_VALUES,
  nineBox,
  PERFORMANCE_LEVEL_NAMES,
  POTENTIAL_LEVEL_NAMES,
  type Level3,
  type NineBoxNumbering,
} from './nine-box';

export interface NineBoxGridCell {
  box: number;
  name: string;
  potential: Level3;
  performance: Level3;
  inPool: boolean;
  count: number;
  /** Share of the mapped employees (0..1); 0 when nobody is mapped. */
  share: number;
  /** Count in the previous mapped period; null when there is none. */
  previousCount: number | null;
  /** count − previousCount; null when there is no previous period. */
  change: number | null;
}

export interface NineBoxGridRow {
  potential: Level3;
  potentialName: string;
  /** Performance 1, 2, 3 from left to right. */
  cells: NineBoxGridCell[];
}

/** Counts per box ('1'..'9' or 1..9); absent boxes count 0. */
export type BoxCounts = Readonly<Record<string, number>>;

/**
 * The grid's rows from the top (potential 3) to the bottom (potential 1), cells by performance 1..3.
 * Shares are of the mapped employees (the sum of the box counts), so the nine shares add up to 1
 * whatever the number of employees who could not be mapped.
 */
export function nineBoxGrid(
  numbering: NineBoxNumbering,
  counts: BoxCounts,
  previous: BoxCounts | null = null,
): NineBoxGridRow[] {
  const countOf = (c: BoxCounts, box: number) => {
    const n = c[String(box)];
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
  };
  const mapped = LEVEL3_VALUES.flatMap((p) => LEVEL3_VALUES.map((k) => nineBox(p, k, numbering))).reduce(
    (n, box) => n + countOf(counts, box),
    0,
  );
  return [...LEVEL3_VALUES].reverse().map((potential) => ({
    potential,
    potentialName: `Potensial ${POTENTIAL_LEVEL_NAMES[potential]}`,
    cells: LEVEL3_VALUES.map((performance) => {
      const box = nineBox(potential, performance, numbering);
      const count = countOf(counts, box);
      const previousCount = previous === null ? null : countOf(previous, box);
      return {
        box,
        name: BOX_NAMES_ID[numbering][box]!,
        potential,
        performance,
        inPool: isTalentPoolBox(box, numbering),
        count,
        share: mapped > 0 ? count / mapped : 0,
        previousCount,
        change: previousCount === null ? null : count - previousCount,
      };
    }),
  }));
}

/** Column headings of the grid, left to right. */
export const NINE_BOX_PERFORMANCE_HEADINGS: readonly string[] = LEVEL3_VALUES.map(
  (k) => `Kinerja ${PERFORMANCE_LEVEL_NAMES[k]}`,
);

/** A change as committees write it: "+3", "−1" (minus sign), "0". */
export function formatBoxChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `\u2212${-change}`;
  return '0';
}

/**
 * The newest period mapped before `period` among `periods` ('2026', '2026-S1', …; any order); null when
 * none. The year that contains a semester ('2026' for '2026-S1') does not come before it.
 */
export function previousMappedPeriod(period: string, periods: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of periods) {
    if (p >= period || period.startsWith(`${p}-`)) continue;
    if (best === null || p > best) best = p;
  }
  return best;
}
