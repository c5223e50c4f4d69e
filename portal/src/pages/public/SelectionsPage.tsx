/**
 * Route: /seleksi (public). Every announced selection round, newest first, 20 at a time.
 * Main controls: table "Daftar seleksi" with links "<judul seleksi>" (detail) and "Hasil akhir <judul>";
 * button "Muat lebih banyak".
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, gql } from '../../api';
import { Button, ErrorAlert, Loading, Page, formatDate, stageName } from '../../components/ui';
import { SELECTIONS_PAGE } from '../../queries/public';
import { agencyOf, type SelectionCard } from './shared';

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
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Daftar seleksi, terbaru lebih dahulu">
          <table>
            <caption className="muted">Daftar seleksi, terbaru lebih dahulu</caption>
            <thead>
              <tr>
                <th scope="col">Seleksi</th>
                <th scope="col">Instansi</th>
                <th scope="col">Tahap</th>
                <th scope="col">Pendaftaran ditutup</th>
                <th scope="col">Hasil</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/seleksi/${encodeURIComponent(s.id)}`}>{s.title}</Link>
                  </th>
                  <td>{agencyOf(s)}</td>
                  <td>{stageName(s.stage)}</td>
                  <td>{formatDate(s.registrationClosesAt)}</td>
                  <td>
                    <Link to={`/seleksi/${encodeURIComponent(s.id)}/hasil`} aria-label={`Hasil akhir ${s.title}`}>
                      Hasil akhir
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
