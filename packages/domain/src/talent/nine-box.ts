/**
 * Nine-box talent matrix (domain.md §3; domain-research §3.2). Potential P and performance K are
 * each 1 (rendah / di bawah ekspektasi), 2 (menengah / sesuai ekspektasi) or 3 (tinggi / di atas
 * ekspektasi). The box number of a (P, K) pair depends on the agency's numbering:
 *
 * PERMENPANRB_3_2020 (national numbering, PermenPANRB 3/2020 on ASN talent management):
 *
 * |        | K1 | K2 | K3 |
 * |--------|----|----|----|
 * | **P3** |  6 |  8 |  9 |
 * | **P2** |  3 |  5 |  7 |
 * | **P1** |  1 |  2 |  4 |
 *
 * KEMENKEU (Ministry of Finance; its matrix reads performance × *competency*, and the competency
 * axis takes the place of P here):
 *
 * |        | K1 | K2 | K3 |
 * |--------|----|----|----|
 * | **P3** |  3 |  7 |  9 |
 * | **P2** |  2 |  6 |  8 |
 * | **P1** |  1 |  4 |  5 |
 *
 * SOURCE STATUS OF THE KEMENKEU TABLE: SECONDARY, NOT VERIFIED against the Finance Ministry's own
 * regulation (PMK 38/2025 on talent management and its technical decrees were not read). It is the
 * mapping of a public implementation used with Kemenkeu data (`calculateBoxKemenkeu`: rendah 1/4/5,
 * menengah 2/6/8, tinggi 3/7/9 for di bawah/sesuai/di atas ekspektasi), the same table recorded in
 * domain-research §3.2 [S69]. It contradicts the guess "box 1 = highest" (in it box 9 is still
 * the best box). Both numberings are data (NINE_BOX_TABLES) and the numbering is configurable per
 * agency (TalentScoringRules.numbering); correct the table here if the official text differs.
 *
 * The talent pool is (P2,K3), (P3,K2), (P3,K3) in every numbering, and successors are preferred in
 * the order (P3,K3), (P3,K2), (P2,K3), then the other boxes (boxRank).
 */
import { DomainError } from '../errors';

export type Level3 = 1 | 2 | 3;
export const LEVEL3_VALUES: readonly Level3[] = [1, 2, 3];

export function isLevel3(value: unknown): value is Level3 {
  return value === 1 || value === 2 || value === 3;
}

export const NINE_BOX_NUMBERINGS = ['PERMENPANRB_3_2020', 'KEMENKEU'] as const;
export type NineBoxNumbering = (typeof NINE_BOX_NUMBERINGS)[number];

export function isNineBoxNumbering(value: unknown): value is NineBoxNumbering {
  return typeof value === 'string' && (NINE_BOX_NUMBERINGS as readonly string[]).includes(value);
}

export const NINE_BOX_NUMBERING_NAMES: Record<NineBoxNumbering, string> = {
  PERMENPANRB_3_2020: 'Penomoran PermenPANRB Nomor 3 Tahun 2020',
  KEMENKEU: 'Penomoran Kementerian Keuangan',
};

/** Box numbers indexed [potential − 1][performance − 1]. */
export const NINE_BOX_TABLES: Record<NineBoxNumbering, readonly (readonly [number, number, number])[]> = {
  PERMENPANRB_3_2020: [
    [1, 2, 4],
    [3, 5, 7],
    [6, 8, 9],
  ],
  // SECONDARY, unverified: see the file comment.
  KEMENKEU: [
    [1, 4, 5],
    [2, 6, 8],
    [3, 7, 9],
  ],
};

/** Potential level names (P). */
export const POTENTIAL_LEVEL_NAMES: Record<Level3, string> = { 1: 'rendah', 2: 'menengah', 3: 'tinggi' };
/** Performance level names (K). */
export const PERFORMANCE_LEVEL_NAMES: Record<Level3, string> = {
  1: 'di bawah ekspektasi',
  2: 'sesuai ekspektasi',
  3: 'di atas ekspektasi',
};

/** What the second axis is called in each numbering. */
const SECOND_AXIS_NAME: Record<NineBoxNumbering, string> = {
  PERMENPANRB_3_2020: 'potensial',
  KEMENKEU: 'kompetensi',
};

function checkNumbering(numbering: NineBoxNumbering): void {
  if (!isNineBoxNumbering(numbering))
    throw new DomainError(
      'VALIDATION_FAILED',
      `Penomoran kotak talenta tidak dikenal: ${String(numbering)}`,
      'numbering',
    );
}

/** The box of a (potential, performance) pair in `numbering`. */
export function nineBox(potential: Level3, performance: Level3, numbering: NineBoxNumbering): number {
  checkNumbering(numbering);
  if (!isLevel3(potential))
    throw new DomainError('VALIDATION_FAILED', 'Tingkat potensial harus 1, 2, atau 3', 'potential');
  if (!isLevel3(performance))
    throw new DomainError('VALIDATION_FAILED', 'Tingkat kinerja harus 1, 2, atau 3', 'performance');
  return NINE_BOX_TABLES[numbering][potential - 1]![performance - 1]!;
}

export function isBox(box: unknown): box is number {
  return typeof box === 'number' && Number.isInteger(box) && box >= 1 && box <= 9;
}

/** The (potential, performance) pair of a box in `numbering` (inverse of nineBox). */
export function boxLevels(box: number, numbering: NineBoxNumbering): { potential: Level3; performance: Level3 } {
  checkNumbering(numbering);
  if (!isBox(box)) throw new DomainError('VALIDATION_FAILED', `Nomor kotak talenta harus 1 sampai 9: ${box}`, 'box');
  const table = NINE_BOX_TABLES[numbering];
  for (const p of LEVEL3_VALUES) {
    const k = table[p - 1]!.indexOf(box);
    if (k >= 0) return { potential: p, performance: (k + 1) as Level3 };
  }
  /* c8 ignore next */
  throw new DomainError('INTERNAL', `Kotak ${box} tidak ada pada ${numbering}`, 'box');
}

/** The talent-pool boxes (P2,K3), (P3,K2), (P3,K3) in `numbering`, ascending: [7, 8, 9] for PermenPANRB. */
export function talentPoolBoxes(numbering: NineBoxNumbering): number[] {
  return [nineBox(2, 3, numbering), nineBox(3, 2, numbering), nineBox(3, 3, numbering)].sort((a, b) => a - b);
}

/** Whether `box` is a talent-pool box in `numbering` (false for anything that is not a box). */
export function isTalentPoolBox(box: number, numbering: NineBoxNumbering): boolean {
  return isBox(box) && talentPoolBoxes(numbering).includes(box);
}

/**
 * Successor preference of a box, 1 (best) … 9: (P3,K3) = 1, (P3,K2) = 2, (P2,K3) = 3, then
 * (P3,K1), (P2,K2), (P1,K3), (P2,K1), (P1,K2), (P1,K1). It is the PermenPANRB order read from the
 * top (10 − the PermenPANRB number of the same levels), whatever the agency's numbering.
 */
export function boxRank(box: number, numbering: NineBoxNumbering): number {
  const { potential, performance } = boxLevels(box, numbering);
  return 10 - nineBox(potential, performance, 'PERMENPANRB_3_2020');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function boxNames(numbering: NineBoxNumbering): Readonly<Record<number, string>> {
  const names: Record<number, string> = {};
  for (const p of LEVEL3_VALUES)
    for (const k of LEVEL3_VALUES)
      names[NINE_BOX_TABLES[numbering][p - 1]![k - 1]!] = capitalise(
        `kinerja ${PERFORMANCE_LEVEL_NAMES[k]} dan ${SECOND_AXIS_NAME[numbering]} ${POTENTIAL_LEVEL_NAMES[p]}`,
      );
  return Object.freeze(names);
}

/** Indonesian name of each box per numbering, e.g. PermenPANRB 9: 'Kinerja di atas ekspektasi dan potensial tinggi'. */
export const BOX_NAMES_ID: Readonly<Record<NineBoxNumbering, Readonly<Record<number, string>>>> = Object.freeze({
  PERMENPANRB_3_2020: boxNames('PERMENPANRB_3_2020'),
  KEMENKEU: boxNames('KEMENKEU'),
});
