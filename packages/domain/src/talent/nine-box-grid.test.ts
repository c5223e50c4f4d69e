import { describe, expect, it } from 'vitest';
import { formatBoxChange, NINE_BOX_PERFORMANCE_HEADINGS, nineBoxGrid, previousMappedPeriod } from './nine-box-grid';

const numbers = (rows: ReturnType<typeof nineBoxGrid>) => rows.map((r) => r.cells.map((c) => c.box));

describe('nineBoxGrid', () => {
  it('puts high potential on top and high performance on the right, numbered per the agency', () => {
    expect(numbers(nineBoxGrid('PERMENPANRB_3_2020', {}))).toEqual([
      [6, 8, 9],
      [3, 5, 7],
      [1, 2, 4],
    ]);
    expect(numbers(nineBoxGrid('KEMENKEU', {}))).toEqual([
      [3, 7, 9],
      [2, 6, 8],
      [1, 4, 5],
    ]);
    const grid = nineBoxGrid('KEMENKEU', {});
    expect(grid.map((r) => r.potentialName)).toEqual(['Potensial tinggi', 'Potensial menengah', 'Potensial rendah']);
    expect(grid[0]!.cells[2]).toMatchObject({ potential: 3, performance: 3, inPool: true });
    expect(grid[2]!.cells[2]).toMatchObject({
      box: 5,
      inPool: false,
      name: 'Kinerja di atas ekspektasi dan kompetensi rendah',
    });
    expect(NINE_BOX_PERFORMANCE_HEADINGS).toEqual([
      'Kinerja di bawah ekspektasi',
      'Kinerja sesuai ekspektasi',
      'Kinerja di atas ekspektasi',
    ]);
  });

  it('counts each box, shares of the mapped employees only, and the change since the previous period', () => {
    const grid = nineBoxGrid(
      'PERMENPANRB_3_2020',
      { '1': 10, '2': 8, '5': 10, '7': 3, '8': 2, '9': 2 },
      { '9': 1, '1': 12 },
    );
    const cells = grid.flatMap((r) => r.cells);
    const byBox = Object.fromEntries(cells.map((c) => [c.box, c]));
    expect(byBox[9]).toMatchObject({ count: 2, previousCount: 1, change: 1 });
    expect(byBox[1]).toMatchObject({ count: 10, previousCount: 12, change: -2 });
    expect(byBox[3]).toMatchObject({ count: 0, share: 0, previousCount: 0, change: 0 });
    expect(byBox[5]!.share).toBeCloseTo(10 / 35);
    expect(cells.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
  });

  it('has no comparison without a previous period, and no share when nobody is mapped', () => {
    const cells = nineBoxGrid('PERMENPANRB_3_2020', { '4': 0 }).flatMap((r) => r.cells);
    expect(cells.every((c) => c.share === 0 && c.previousCount === null && c.change === null)).toBe(true);
  });

  it('ignores counts that are not boxes or not counts', () => {
    const cells = nineBoxGrid('PERMENPANRB_3_2020', { '0': 5, '10': 5, '2': -3, '3': Number.NaN, '4': 2 }).flatMap(
      (r) => r.cells,
    );
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(cells.find((c) => c.box === 4)!.share).toBe(1);
  });
});

describe('formatBoxChange', () => {
  it('writes a sign, with a true minus', () => {
    expect([3, -1, 0].map(formatBoxChange)).toEqual(['+3', '\u22121', '0']);
  });
});

describe('previousMappedPeriod', () => {
  it('is the newest earlier period, never the year that holds a semester', () => {
    expect(previousMappedPeriod('2026', ['2024', '2026', '2025-S2', '2025'])).toBe('2025-S2');
    expect(previousMappedPeriod('2026-S2', ['2026', '2026-S1', '2026-S2'])).toBe('2026-S1');
    expect(previousMappedPeriod('2026-S1', ['2026', '2025'])).toBe('2025');
    expect(previousMappedPeriod('2026', ['2026', '2027'])).toBeNull();
  });
});
