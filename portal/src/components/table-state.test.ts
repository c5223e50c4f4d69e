import { describe, expect, it } from 'vitest';
import {
  afterOf,
  ariaSort,
  exportQuery,
  initialTableState,
  listVariables,
  nextPage,
  pageIndex,
  previousPage,
  rangeLabel,
  toggleSort,
  withPageSize,
  withSearch,
} from './table-state';

describe('table state (DataTable)', () => {
  it('sorts a column ascending, then descending, and another column ascending again', () => {
    const a = toggleSort(initialTableState, 'NAME');
    expect([a.sort, a.desc, ariaSort(a, 'NAME'), ariaSort(a, 'SUBMITTED_AT')]).toEqual([
      'NAME',
      false,
      'ascending',
      'none',
    ]);
    const b = toggleSort(a, 'NAME');
    expect([b.desc, ariaSort(b, 'NAME')]).toEqual([true, 'descending']);
    const c = toggleSort(b, 'SUBMITTED_AT');
    expect([c.sort, c.desc, ariaSort(c, 'NAME')]).toEqual(['SUBMITTED_AT', false, 'none']);
  });

  it('pages forward and back through the cursors the gateway gave', () => {
    let s = nextPage(initialTableState, 'c1');
    s = nextPage(s, 'c2');
    expect([pageIndex(s), afterOf(s)]).toEqual([2, 'c2']);
    s = previousPage(s);
    expect([pageIndex(s), afterOf(s)]).toEqual([1, 'c1']);
    s = previousPage(previousPage(s));
    expect([pageIndex(s), afterOf(s)]).toEqual([0, null]);
    // No cursor (last page): stays.
    expect(nextPage(s, null)).toBe(s);
  });

  it('a new search or order starts at the first page; the same search keeps the page', () => {
    const deep = nextPage(nextPage(initialTableState, 'c1'), 'c2');
    expect(pageIndex(withSearch(deep, ' sari '))).toBe(0);
    expect(withSearch(deep, ' sari ').search).toBe('sari');
    const searched = nextPage(withSearch(deep, 'sari'), 'c3');
    expect(withSearch(searched, 'sari ')).toBe(searched);
    expect(pageIndex(toggleSort(deep, 'NAME'))).toBe(0);
    expect(pageIndex(withPageSize(deep, 5))).toBe(0);
    expect(withPageSize(deep, deep.pageSize)).toBe(deep);
  });

  it('gives the gateway and the export the same search and order', () => {
    const s = toggleSort(toggleSort(withSearch(initialTableState, 'Budi S'), 'NAME'), 'NAME');
    expect(listVariables(s)).toEqual({ search: 'Budi S', sort: 'NAME', desc: true });
    expect(exportQuery(s)).toBe('?search=Budi+S&sort=NAME&desc=true');
    expect(exportQuery(initialTableState)).toBe('');
    expect(listVariables(initialTableState)).toEqual({ search: null, sort: null, desc: false });
  });

  it('says which rows are shown', () => {
    expect(rangeLabel(0, 20, 20, 57)).toBe('Menampilkan 1–20 dari 57');
    expect(rangeLabel(2, 20, 17, 57)).toBe('Menampilkan 41–57 dari 57');
    expect(rangeLabel(1, 25, 25, null)).toBe('Menampilkan 26–50');
    expect(rangeLabel(0, 20, 0, 0)).toBe('Tidak ada baris');
  });
});
