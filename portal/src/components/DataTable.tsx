/**
 * The one table of the staff pages: a caption, a focusable labelled scroll region (wide tables stay
 * readable by keyboard), sortable headers (buttons, aria-sort), a search box, paging and export links
 * when the list is paged on the server, and empty and loading states. The state lives in the page
 * (`useTableState`, pure logic in table-state.ts) so it can go into the page's query variables.
 */
import { useId, useState, type ReactNode } from 'react';
import { ExportLinks } from '../pages/staff/ExportLinks';
import {
  ariaSort,
  exportQuery,
  initialTableState,
  nextPage,
  pageIndex,
  previousPage,
  PAGE_SIZES,
  rangeLabel,
  toggleSort,
  withPageSize,
  withSearch,
  type TableState,
} from './table-state';
import { Button, Loading } from './ui';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The gateway's sort field: the header becomes a sort button. */
  sort?: string;
  /** This column names the row (a row header for screen readers). */
  rowHeader?: boolean;
}

export interface ServerPaging {
  state: TableState;
  onState: (s: TableState) => void;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  total?: number | null;
}

export function useTableState(initial: Partial<TableState> = {}): [TableState, (s: TableState) => void] {
  const [state, setState] = useState<TableState>({ ...initialTableState, ...initial });
  return [state, setState];
}

export function DataTable<T>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  loading = false,
  empty = 'Tidak ada data.',
  paging,
  search,
  exportLink,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  /** null while the first page loads. */
  rows: readonly T[] | null;
  rowKey: (row: T) => string;
  /** A later page or another order is loading (the rows shown are the previous ones). */
  loading?: boolean;
  empty?: string;
  paging?: ServerPaging;
  /** The search box's label and hint (with `paging`). */
  search?: { label: string; hint?: string };
  /** Export links of the same list (with `paging`: its search and order go along). */
  exportLink?: { path: string; label: string };
}) {
  const id = useId();
  const captionId = `${id}-caption`;
  const state = paging?.state;
  return (
    <div className="data-table">
      {paging && search && <SearchBox id={`${id}-search`} search={search} paging={paging} />}
      {rows === null ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p role="status">{state?.search ? `Tidak ada hasil untuk "${state.search}".` : empty}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={`Tabel ${caption}`} tabIndex={0} aria-busy={loading}>
          <table>
            <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
              {caption}
            </caption>
            <thead>
              <tr>
                {columns.map((c) =>
                  c.sort && paging ? (
                    <th key={c.header} scope="col" aria-sort={ariaSort(paging.state, c.sort)}>
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => paging.onState(toggleSort(paging.state, c.sort!))}
                      >
                        {c.header}
                        <span aria-hidden="true"> {sortMark(ariaSort(paging.state, c.sort))}</span>
                      </button>
                    </th>
                  ) : (
                    <th key={c.header} scope="col">
                      {c.header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th key={c.header} scope="row">
                        {c.cell(r)}
                      </th>
                    ) : (
                      <td key={c.header}>{c.cell(r)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paging && rows !== null && <Pager id={`${id}-size`} paging={paging} shown={rows.length} loading={loading} />}
      {exportLink && (
        <ul className="plain-list">
          <ExportLinks
            path={exportLink.path}
            label={exportLink.label}
            query={paging ? exportQuery(paging.state) : ''}
          />
        </ul>
      )}
    </div>
  );
}

function sortMark(s: 'ascending' | 'descending' | 'none'): string {
  return s === 'ascending' ? '▲' : s === 'descending' ? '▼' : '↕';
}

function SearchBox({
  id,
  search,
  paging,
}: {
  id: string;
  search: { label: string; hint?: string };
  paging: ServerPaging;
}) {
  const [text, setText] = useState(paging.state.search);
  return (
    <form
      role="search"
      aria-label={search.label}
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        paging.onState(withSearch(paging.state, text));
      }}
    >
      <div className="field">
        <label htmlFor={id}>{search.label}</label>
        {search.hint && (
          <div id={`${id}-hint`} className="hint">
            {search.hint}
          </div>
        )}
        <input
          id={id}
          type="search"
          value={text}
          maxLength={100}
          aria-describedby={search.hint ? `${id}-hint` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Button type="submit" kind="secondary">
        Cari
      </Button>
      {paging.state.search && (
        <Button
          type="button"
          kind="secondary"
          onClick={() => {
            setText('');
            paging.onState(withSearch(paging.state, ''));
          }}
        >
          Hapus pencarian
        </Button>
      )}
    </form>
  );
}

function Pager({ id, paging, shown, loading }: { id: string; paging: ServerPaging; shown: number; loading: boolean }) {
  const page = pageIndex(paging.state);
  if (page === 0 && !paging.hasNextPage && shown === 0) return null;
  return (
    <nav className="toolbar pager" aria-label="Halaman tabel">
      <span role="status" aria-live="polite">
        {loading ? 'Memuat…' : `${rangeLabel(page, paging.state.pageSize, shown, paging.total)} · halaman ${page + 1}`}
      </span>
      <label htmlFor={id}>
        Baris per halaman{' '}
        <select
          id={id}
          value={paging.state.pageSize}
          onChange={(e) => paging.onState(withPageSize(paging.state, Number(e.target.value)))}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {page > 0 && (
        <Button type="button" kind="secondary" onClick={() => paging.onState(previousPage(paging.state))}>
          Halaman sebelumnya
        </Button>
      )}
      {paging.hasNextPage && paging.endCursor && (
        <Button type="button" kind="secondary" onClick={() => paging.onState(nextPage(paging.state, paging.endCursor))}>
          Halaman berikutnya
        </Button>
      )}
    </nav>
  );
}
