import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { compareMerit, MERIT_CATEGORIES, MERIT_CATEGORY_NAMES, meritCategoryOf, type MeritCategory } from './merit';

describe('meritCategoryOf', () => {
  it.each<[number, MeritCategory]>([
    [100, 'BURUK'],
    [174, 'BURUK'],
    [174.99, 'BURUK'],
    [175, 'KURANG'],
    [249, 'KURANG'],
    [250, 'BAIK'],
    [324, 'BAIK'],
    [325, 'SANGAT_BAIK'],
    [400, 'SANGAT_BAIK'],
  ])('%s → %s', (score, category) => {
    expect(meritCategoryOf(score)).toBe(category);
  });

  it.each([99, 99.99, 400.01, 401, 0, -250, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %s with VALIDATION_FAILED',
    (score) => {
      let error: unknown;
      try {
        meritCategoryOf(score);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
      expect((error as DomainError).field).toBe('meritIndexScore');
    },
  );
});

describe('compareMerit and names', () => {
  it('orders lowest first', () => {
    expect(compareMerit('BAIK', 'SANGAT_BAIK')).toBeLessThan(0);
    expect(compareMerit('BAIK', 'BAIK')).toBe(0);
    expect(compareMerit('KURANG', 'BURUK')).toBeGreaterThan(0);
    const shuffled: MeritCategory[] = ['SANGAT_BAIK', 'BURUK', 'BAIK', 'KURANG'];
    expect(shuffled.sort(compareMerit)).toEqual([...MERIT_CATEGORIES]);
  });

  it('names every category in Bahasa Indonesia', () => {
    expect(MERIT_CATEGORIES.map((c) => MERIT_CATEGORY_NAMES[c])).toEqual(['Buruk', 'Kurang', 'Baik', 'Sangat Baik']);
  });
});
