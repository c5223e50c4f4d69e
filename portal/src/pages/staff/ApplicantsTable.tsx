/**
 * The dashboard's "Lamaran" section: the selection's applicants a page at a time, searched by name or
 * NIP and sorted on the gateway (secretariat, PPK, administrators), with the process's screening and
 * scores beside each; other roles (Pansel members, the overseer) see the process's list in one table.
 * Export links take the same search and order.
 */
import { useQuery } from '../../api';
import { DataTable, useTableState, type Column } from '../../components/DataTable';
import { afterOf, listVariables } from '../../components/table-state';
import { ErrorAlert, formatDate } from '../../components/ui';
import { SELECTION_APPLICANTS } from '../../queries/applicants';
import { APPLICATION_STATUS, say, score } from './labels';
import type { ProcessApplicationView, SelectionProcessView } from './types';

/** Roles the gateway answers `Selection.applications` for. */
const SERVER_ROLES = ['PANSEL_SECRETARY', 'PPK', 'ADMIN'];

interface Row {
  id: string;
  name: string;
  vacancy: string;
  status: string;
  submittedAt: string;
  process: ProcessApplicationView | undefined;
}

function columns(zone: string | null): Column<Row>[] {
  return [
    { header: 'Peserta', rowHeader: true, sort: 'NAME', cell: (r) => r.name },
    { header: 'Lowongan', cell: (r) => r.vacancy },
    { header: 'Melamar', sort: 'SUBMITTED_AT', cell: (r) => formatDate(r.submittedAt, true, zone) },
    { header: 'Status', cell: (r) => say(APPLICATION_STATUS, r.status) },
    {
      header: 'Administrasi',
      cell: ({ process: a }) =>
        !a || a.eligible === null ? (
          '-'
        ) : (
          <>
            {a.eligible ? 'MS' : 'TMS'}
            {a.failedRequirements.length > 0 && <div className="muted">{a.failedRequirements.join('; ')}</div>}
          </>
        ),
    },
    { header: 'Asesmen', cell: (r) => score(r.process?.assessment?.score) },
    {
      header: 'Wawancara',
      cell: ({ process: a }) =>
        a ? `${a.interviewScoreCount} nilai${a.calibrationRequested ? ' · kalibrasi' : ''}` : '-',
    },
    {
      header: 'Rekam jejak',
      cell: ({ process: a }) => `${score(a?.trackRecord?.score)}${a?.trackRecord?.eliminated ? ' · digugurkan' : ''}`,
    },
  ];
}

export function ApplicantsSection({
  process,
  role,
  zone,
}: {
  process: SelectionProcessView;
  role: string | undefined;
  zone: string | null;
}) {
  const server = role !== undefined && SERVER_ROLES.includes(role);
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">Lamaran ({process.applications.length})</h2>
      {server ? (
        <ServerApplicants process={process} zone={zone} />
      ) : (
        <ProcessApplicants process={process} zone={zone} />
      )}
    </section>
  );
}

function ServerApplicants({ process, zone }: { process: SelectionProcessView; zone: string | null }) {
  const [state, setState] = useTableState();
  const q = useQuery(SELECTION_APPLICANTS, {
    id: process.selectionId,
    first: state.pageSize,
    after: afterOf(state),
    ...listVariables(state),
  });
  const conn = q.data?.selection?.applications;
  const byId = new Map(process.applications.map((a) => [a.applicationId, a]));
  const rows = conn
    ? conn.edges.map(({ node }) => ({
        id: node.id,
        name: node.candidateName ?? node.candidateId,
        vacancy: node.vacancy?.position ?? '-',
        status: node.status,
        submittedAt: node.submittedAt,
        process: byId.get(node.id),
      }))
    : null;
  return (
    <>
      <ErrorAlert error={q.error} />
      {!(q.error && !conn) && (
        <DataTable
          caption="Lamaran"
          columns={columns(zone)}
          rows={rows}
          rowKey={(r) => r.id}
          loading={q.loading}
          empty="Belum ada lamaran."
          search={{ label: 'Cari pelamar', hint: 'Awal nama, atau angka awal NIP' }}
          paging={{
            state,
            onState: setState,
            hasNextPage: conn?.pageInfo.hasNextPage ?? false,
            endCursor: conn?.pageInfo.endCursor,
            total: conn?.totalCount ?? (state.search ? null : process.applications.length),
          }}
          exportLink={{
            path: `/export/selections/${encodeURIComponent(process.selectionId)}/applicants`,
            label: 'Daftar pelamar ini',
          }}
        />
      )}
    </>
  );
}

function ProcessApplicants({ process, zone }: { process: SelectionProcessView; zone: string | null }) {
  const vacancy = (id: string) => process.vacancies.find((v) => v.id === id)?.position ?? '-';
  const rows = process.applications.map((a) => ({
    id: a.applicationId,
    name: a.candidateName ?? a.candidateId,
    vacancy: vacancy(a.vacancyId),
    status: a.status,
    submittedAt: a.submittedAt,
    process: a,
  }));
  return (
    <DataTable caption="Lamaran" columns={columns(zone)} rows={rows} rowKey={(r) => r.id} empty="Belum ada lamaran." />
  );
}
