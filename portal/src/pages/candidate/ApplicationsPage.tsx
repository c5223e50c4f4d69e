/**
 * Route: /lamaran-saya (CANDIDATE). The candidate's applications with their current status and latest
 * step; statuses update live (applicationStatusChanged over SSE).
 * Main controls: table "Lamaran saya" with per application link "Rincian lamaran <jabatan>".
 */
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert, Loading, Page, applicationStatusName, formatDate, stageName } from '../../components/ui';
import { APPLICATION_STATUS_CHANGED, MY_APPLICATIONS } from '../../queries/candidate';
import { nodes } from '../public/shared';
import { LIVE_TEXT, useSubscription } from './live';
import type { ResultOf } from '../../graphql';

export type TimelineEntry = MyApplication['timeline'][number];

type MyApplication = ResultOf<typeof MY_APPLICATIONS>['myApplications']['edges'][number]['node'];

const positionOf = (a: MyApplication) => a.vacancy?.position ?? 'Jabatan';

/** The candidate's latest step, or when they applied. */
function LastStep({ application: a }: { application: MyApplication }) {
  const last = [...a.timeline].sort((x, y) => x.at.localeCompare(y.at)).at(-1);
  const zone = a.selection?.timeZone;
  if (!last) return <>{`Diajukan ${formatDate(a.submittedAt, true, zone)}`}</>;
  return (
    <>
      {last.reasonText}
      <div className="muted">{formatDate(last.at, true, zone)}</div>
      {last.expectedNextAt && <div>Langkah berikutnya diperkirakan {formatDate(last.expectedNextAt, true, zone)}</div>}
    </>
  );
}

const COLUMNS: Column<MyApplication>[] = [
  {
    header: 'Jabatan',
    rowHeader: true,
    cell: (a) => (
      <>
        {positionOf(a)}
        {a.vacancy && <div className="muted">{a.vacancy.unit}</div>}
      </>
    ),
  },
  {
    header: 'Seleksi',
    cell: (a) => (
      <>
        {a.selection?.title ?? '-'}
        {a.selection && <div className="muted">Tahap: {stageName(a.selection.stage)}</div>}
      </>
    ),
  },
  { header: 'Status', cell: (a) => applicationStatusName(a.status) },
  { header: 'Langkah terakhir', cell: (a) => <LastStep application={a} /> },
  {
    header: 'Rincian',
    cell: (a) => (
      <Link to={`/lamaran-saya/${encodeURIComponent(a.id)}`} aria-label={`Rincian lamaran ${positionOf(a)}`}>
        Rincian
      </Link>
    ),
  },
];

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
          <DataTable caption="Lamaran saya" captionHidden={false} columns={COLUMNS} rows={list} rowKey={(a) => a.id} />
        </>
      )}
    </Page>
  );
}
