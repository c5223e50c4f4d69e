/**
 * The state of a server-side table (DataTable.tsx) as pure functions: search, sort column and direction,
 * and the stack of page cursors (the gateway's `endCursor` of each page seen, so "Sebelumnya" goes back
 * without another protocol). Any change of search or sort starts again at the first page.
 */

export interface TableState {
  search: string;
  /** The gateway's sort field (e.g. NAME), or null for the list's own order. */
  sort: string | null;
  desc: boolean;
  /** Rows a page (the gateway's `first`). */
  pageSize: number;
  /** `after` of each page opened after the first; the last one is the current page's. */
  cursors: readonly string[];
}

export const PAGE_SIZES = [5, 20, 50, 100] as const;

export const initialTableState: TableState = { search: '', sort: null, desc: false, pageSize: 20, cursors: [] };

/** Another page size starts again at the first page (the cursors point into pages of the old size). */
export function withPageSize(s: TableState, pageSize: number): TableState {
  return pageSize === s.pageSize ? s : { ...s, pageSize, cursors: [] };
}

/** The same column again turns the order around; another column sorts ascending from the first page. */
export function toggleSort(s: TableState, field: string): TableState {
  return s.sort === field ? { ...s, desc: !s.desc, cursors: [] } : { ...s, sort: field, desc: false, cursors: [] };
}

export function withSearch(s: TableState, search: string): TableState {
  const q = search.trim();
  return q === s.search ? s : { ...s, search: q, cursors: [] };
}

export function nextPage(s: TableState, endCursor: string | null | undefined): TableState {
  return endCursor ? { ...s, cursors: [...s.cursors, endCursor] } : s;
}

export function previousPage(s: TableState): TableState {
  return s.cursors.length === 0 ? s : { ...s, cursors: s.cursors.slice(0, -1) };
}

/** 0 for the first page. */
export function pageIndex(s: TableState): number {
  return s.cursors.length;
}

/** The `after` to ask the gateway for (null on the first page). */
export function afterOf(s: TableState): string | null {
  return s.cursors.at(-1) ?? null;
}

/** The value of a header's aria-sort. */
export function ariaSort(s: TableState, field: string): 'ascending' | 'descending' | 'none' {
  if (s.sort !== field) return 'none';
  return s.desc ? 'descending' : 'ascending';
}

/** The GraphQL variables of the state (search and order; paging apart). */
export function listVariables(s: TableState): { search: string | null; sort: string | null; desc: boolean } {
  return { search: s.search || null, sort: s.sort, desc: s.desc };
}

/** `?search=…&sort=…&desc=true` for the export of the same list ('' when nothing is set). */
export function exportQuery(s: TableState): string {
  const p = new URLSearchParams();
  if (s.search) p.set('search', s.search);
  if (s.sort) p.set('sort', s.sort);
  if (s.desc) p.set('desc', 'true');
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** "Menampilkan 21–40 dari 57" (or without the total when the gateway does not count). */
export function rangeLabel(page: number, pageSize: number, shown: number, total?: number | null): string {
  if (shown === 0) return total ? `Tidak ada baris di halaman ini dari ${total}` : 'Tidak ada baris';
  const from = page * pageSize + 1;
  const to = from + shown - 1;
  const n = (v: number) => v.toLocaleString('id-ID');
  return `Menampilkan ${n(from)}–${n(to)}${typeof total === 'number' ? ` dari ${n(total)}` : ''}`;
}
