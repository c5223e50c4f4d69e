import { describe, expect, it } from 'vitest';
import { compareRanks, isRank, parseRank, RANK_NAMES, RANKS, rankLabel, type Rank } from './ranks';

describe('ranks', () => {
  it('lists the 17 ranks lowest first, each with a name', () => {
    expect(RANKS).toHaveLength(17);
    expect(RANKS[0]).toBe('I/a');
    expect(RANKS[16]).toBe('IV/e');
    expect(Object.keys(RANK_NAMES).sort()).toEqual([...RANKS].sort());
  });

  it.each([
    ['I/a', 'Juru Muda'],
    ['II/a', 'Pengatur Muda'],
    ['III/a', 'Penata Muda'],
    ['III/b', 'Penata Muda Tingkat I'],
    ['III/c', 'Penata'],
    ['III/d', 'Penata Tingkat I'],
    ['IV/a', 'Pembina'],
    ['IV/b', 'Pembina Tingkat I'],
    ['IV/c', 'Pembina Utama Muda'],
    ['IV/d', 'Pembina Utama Madya'],
    ['IV/e', 'Pembina Utama'],
  ] as const)('%s is %s', (rank, name) => {
    expect(RANK_NAMES[rank]).toBe(name);
  });

  it.each([
    ['IV/a', true],
    ['III/d', true],
    ['IV/f', false],
    ['II/e', false],
    ['iv/a', false],
    ['IV-a', false],
    ['', false],
    [42, false],
  ])('isRank(%s) = %s', (s, expected) => {
    expect(isRank(s)).toBe(expected);
  });

  it.each([
    ['IV/a', 'IV/b', -1],
    ['IV/b', 'IV/a', 1],
    ['IV/c', 'IV/c', 0],
    ['III/d', 'IV/a', -1],
    ['IV/a', 'III/d', 1],
    ['I/a', 'IV/e', -1],
    ['II/d', 'III/a', -1],
  ] as const)('compareRanks(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareRanks(a as Rank, b as Rank))).toBe(sign);
  });

  it.each([
    ['iv/a', 'IV/a'],
    [' IV / B ', 'IV/b'],
    ['III-d', 'III/d'],
    ['IV/f', null],
    ['V/a', null],
    ['Pembina', null],
  ])('parseRank(%j) = %s', (s, expected) => {
    expect(parseRank(s)).toBe(expected);
  });

  it('labels a rank with its name', () => {
    expect(rankLabel('IV/b')).toBe('IV/b (Pembina Tingkat I)');
  });
});
