/**
 * Route: /lamaran-saya (CANDIDATE). The candidate's applications with their current status and latest
 * step; statuses update live (applicationStatusChanged over SSE).
 * Main controls: table "Lamaran saya" with per application link "Rincian lamaran <jabatan>".
 */
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { ErrorAlert, Loading, Page, applicationStatusName, formatDate, stageName } from '../../components/ui';
import { APPLICATION_STATUS_CHANGED, MY_APPLICATIONS } from '../../queries/candidate';
import { nodes } from '../public/shared';
import { LIVE_TEXT, useSubscription } from './live';
import type { ResultOf } from '../../graphql';

export type TimelineEntry = MyApplication['timeline'][number];

type MyApplication = ResultOf<typeof MY_APPLICATIONS>['myApplications']['edges'][number]['node'];

/** Re-reads the list when any of the applications changes status. */
function LiveStatus({ applicationId, onChange }: { applicationId: string; onChange: () => void }) {
  useSubscription(APPLICATION_STATUS_CHANGED, { applicationId }, onChange);
  return null;
}

export function ApplicationsPage() {
  const { data, error, loading, reload } = useQuery(MY_APPLICATIONS);
  const list = nodes(data?.myApplications);
  const first = list[0]?.id;
  const live = useSubscription(APPLICATION_STATUS_CHANGED, { applicationId: first ?? '' }, reload, !first);
  return (
    <Page title="Lamaran saya">
      {loading && !data && <Loading />}
      <ErrorAlert error={error} />
      {data && list.length === 0 && (
        <p>
          Anda belum mempunyai lamaran. Lihat <Link to="/lowongan">lowongan yang dibuka</Link>.
        </p>
      )}
      {list.length > 0 && (
        <>
          <p className="muted" role="status">
            {LIVE_TEXT[live]}
          </p>
          {list.slice(1).map((a) => (
            <LiveStatus key={a.id} applicationId={a.id} onChange={reload} />
          ))}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel lamaran saya">
            <table>
              <caption className="muted">Lamaran saya</caption>
              <thead>
                <tr>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Seleksi</th>
                  <th scope="col">Status</th>
                  <th scope="col">Langkah terakhir</th>
                  <th scope="col">Rincian</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => {
                  const last = [...a.timeline].sort((x, y) => x.at.localeCompare(y.at)).at(-1);
                  const position = a.vacancy?.position ?? 'Jabatan';
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        {position}
                        {a.vacancy && <div className="muted">{a.vacancy.unit}</div>}
                      </th>
                      <td>
                        {a.selection?.title ?? '-'}
                        {a.selection && <div className="muted">Tahap: {stageName(a.selection.stage)}</div>}
                      </td>
                      <td>{applicationStatusName(a.status)}</td>
                      <td>
                        {last ? (
                          <>
                            {last.reasonText}
                            <div className="muted">{formatDate(last.at, true, a.selection?.timeZone)}</div>
                            {last.expectedNextAt && (
                              <div>
                                Langkah berikutnya diperkirakan{' '}
                                {formatDate(last.expectedNextAt, true, a.selection?.timeZone)}
                              </div>
                            )}
                          </>
                        ) : (
                          `Diajukan ${formatDate(a.submittedAt, true, a.selection?.timeZone)}`
                        )}
                      </td>
                      <td>
                        <Link
                          to={`/lamaran-saya/${encodeURIComponent(a.id)}`}
                          aria-label={`Rincian lamaran ${position}`}
                        >
                          Rincian
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
