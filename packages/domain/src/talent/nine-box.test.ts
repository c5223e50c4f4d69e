import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  BOX_NAMES_ID,
  boxLevels,
  boxRank,
  isTalentPoolBox,
  NINE_BOX_NUMBERINGS,
  nineBox,
  talentPoolBoxes,
  type Level3,
  type NineBoxNumbering,
} from './nine-box';

/** [potential, performance, PermenPANRB box, Kemenkeu box, successor rank] */
const TABLE: [Level3, Level3, number, number, number][] = [
  [1, 1, 1, 1, 9],
  [1, 2, 2, 4, 8],
  [2, 1, 3, 2, 7],
  [1, 3, 4, 5, 6],
  [2, 2, 5, 6, 5],
  [3, 1, 6, 3, 4],
  [2, 3, 7, 8, 3],
  [3, 2, 8, 7, 2],
  [3, 3, 9, 9, 1],
];

describe('nineBox and boxLevels', () => {
  it.each(TABLE)('(P%i, K%i) → PermenPANRB %i, Kemenkeu %i', (p, k, permen, kemenkeu) => {
    expect(nineBox(p, k, 'PERMENPANRB_3_2020')).toBe(permen);
    expect(nineBox(p, k, 'KEMENKEU')).toBe(kemenkeu);
    expect(boxLevels(permen, 'PERMENPANRB_3_2020')).toEqual({ potential: p, performance: k });
    expect(boxLevels(kemenkeu, 'KEMENKEU')).toEqual({ potential: p, performance: k });
  });

  it.each(NINE_BOX_NUMBERINGS.map((n) => [n]))('%s is a bijection that round-trips', (numbering) => {
    const boxes = new Set<number>();
    for (const p of [1, 2, 3] as Level3[])
      for (const k of [1, 2, 3] as Level3[]) {
        const box = nineBox(p, k, numbering);
        boxes.add(box);
        expect(boxLevels(box, numbering)).toEqual({ potential: p, performance: k });
      }
    expect([...boxes].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let box = 1; box <= 9; box += 1) {
      const { potential, performance } = boxLevels(box, numbering);
      expect(nineBox(potential, performance, numbering)).toBe(box);
    }
  });

  it.each([
    () => nineBox(0 as Level3, 1, 'PERMENPANRB_3_2020'),
    () => nineBox(1, 4 as Level3, 'PERMENPANRB_3_2020'),
    () => nineBox(1, 1, 'BKN' as NineBoxNumbering),
    () => boxLevels(0, 'PERMENPANRB_3_2020'),
    () => boxLevels(10, 'KEMENKEU'),
    () => boxLevels(7.5, 'KEMENKEU'),
  ])('rejects invalid input %#', (fn) => {
    expect(fn).toThrow(DomainError);
  });
});

describe('talent pool and successor preference', () => {
  it('pool boxes are (P2,K3), (P3,K2), (P3,K3)', () => {
    expect(talentPoolBoxes('PERMENPANRB_3_2020')).toEqual([7, 8, 9]);
    expect(talentPoolBoxes('KEMENKEU')).toEqual([7, 8, 9]);
    expect(isTalentPoolBox(6, 'PERMENPANRB_3_2020')).toBe(false);
    expect(isTalentPoolBox(7, 'PERMENPANRB_3_2020')).toBe(true);
    expect(isTalentPoolBox(0, 'KEMENKEU')).toBe(false);
  });

  it.each(TABLE)('(P%i, K%i): rank follows the levels in both numberings', (_p, _k, permen, kemenkeu, rank) => {
    expect(boxRank(permen, 'PERMENPANRB_3_2020')).toBe(rank);
    expect(boxRank(kemenkeu, 'KEMENKEU')).toBe(rank);
  });

  it('prefers 9, 8, 7 in PermenPANRB and 9, 7, 8 in the Kemenkeu numbering', () => {
    const byRank = (n: NineBoxNumbering) => [1, 2, 3, 4, 5, 6, 7, 8, 9].sort((a, b) => boxRank(a, n) - boxRank(b, n));
    expect(byRank('PERMENPANRB_3_2020').slice(0, 3)).toEqual([9, 8, 7]);
    expect(byRank('KEMENKEU').slice(0, 3)).toEqual([9, 7, 8]);
  });
});

describe('BOX_NAMES_ID', () => {
  it('names the PermenPANRB boxes by their levels', () => {
    expect(BOX_NAMES_ID.PERMENPANRB_3_2020[9]).toBe('Kinerja di atas ekspektasi dan potensial tinggi');
    expect(BOX_NAMES_ID.PERMENPANRB_3_2020[8]).toBe('Kinerja sesuai ekspektasi dan potensial tinggi');
    expect(BOX_NAMES_ID.PERMENPANRB_3_2020[7]).toBe('Kinerja di atas ekspektasi dan potensial menengah');
    expect(BOX_NAMES_ID.PERMENPANRB_3_2020[4]).toBe('Kinerja di atas ekspektasi dan potensial rendah');
    expect(BOX_NAMES_ID.PERMENPANRB_3_2020[1]).toBe('Kinerja di bawah ekspektasi dan potensial rendah');
  });

  it('names the Kemenkeu boxes on the competency axis', () => {
    expect(BOX_NAMES_ID.KEMENKEU[9]).toBe('Kinerja di atas ekspektasi dan kompetensi tinggi');
    expect(BOX_NAMES_ID.KEMENKEU[7]).toBe('Kinerja sesuai ekspektasi dan kompetensi tinggi');
    expect(BOX_NAMES_ID.KEMENKEU[5]).toBe('Kinerja di atas ekspektasi dan kompetensi rendah');
  });

  it.each(NINE_BOX_NUMBERINGS.map((n) => [n]))('%s has nine distinct names', (n) => {
    const names = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((b) => BOX_NAMES_ID[n][b]);
    expect(names.every((x) => typeof x === 'string' && x.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(9);
  });
});
