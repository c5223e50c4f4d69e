/**
 * Route: /seleksi (public). Every announced selection round, newest first, 20 at a time.
 * Main controls: table "Daftar seleksi" with links "<judul seleksi>" (detail) and "Hasil akhir <judul>";
 * button "Muat lebih banyak".
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, gql } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { Button, ErrorAlert, Loading, Page, formatDate, stageName } from '../../components/ui';
import { SELECTIONS_PAGE } from '../../queries/public';
import { agencyOf, type SelectionCard } from './shared';

const COLUMNS: Column<SelectionCard>[] = [
  {
    header: 'Seleksi',
    rowHeader: true,
    cell: (s) => <Link to={`/seleksi/${encodeURIComponent(s.id)}`}>{s.title}</Link>,
  },
  { header: 'Instansi', cell: agencyOf },
  { header: 'Tahap', cell: (s) => stageName(s.stage) },
  { header: 'Pendaftaran ditutup', cell: (s) => formatDate(s.registrationClosesAt) },
  {
    header: 'Hasil',
    cell: (s) => (
      <Link to={`/seleksi/${encodeURIComponent(s.id)}/hasil`} aria-label={`Hasil akhir ${s.title}`}>
        Hasil akhir
      </Link>
    ),
  },
];

const PAGE_SIZE = 20;

export function SelectionsPage() {
  const [items, setItems] = useState<SelectionCard[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  async function load(after: string | null) {
    setLoading(true);
    setError(null);
    try {
      const { selections } = await gql(SELECTIONS_PAGE, {
        first: PAGE_SIZE,
        after,
      });
      const page = selections.edges.map((e) => e.node);
      setItems((prev) => {
        if (!after) return page;
        const seen = new Set(prev.map((s) => s.id));
        return [...prev, ...page.filter((s) => !seen.has(s.id))];
      });
      setCursor(selections.pageInfo?.endCursor ?? null);
      setHasMore(Boolean(selections.pageInfo?.hasNextPage));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('Gagal memuat daftar seleksi', 'INTERNAL', null));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <Page title="Seleksi dan hasil">
      <ErrorAlert error={error} />
      {items.length > 0 && (
        <DataTable
          caption="Daftar seleksi, terbaru lebih dahulu"
          captionHidden={false}
          columns={COLUMNS}
          rows={items}
          rowKey={(s) => s.id}
        />
      )}
      {!loading && !error && items.length === 0 && <p>Belum ada seleksi yang diumumkan.</p>}
      {loading && <Loading />}
      {hasMore && !loading && (
        <Button type="button" kind="secondary" onClick={() => void load(cursor)}>
          Muat lebih banyak
        </Button>
      )}
    </Page>
  );
}
