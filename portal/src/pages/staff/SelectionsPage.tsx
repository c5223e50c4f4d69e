/**
 * Lists of selection rounds for the staff.
 *
 * Routes and main controls:
 * - /kelola/seleksi (secretary, administrator, PPK, overseer) "Daftar seleksi": table "Daftar seleksi" with a link
 *   per title to /kelola/seleksi/:id; select "Tahap" (filter); buttons "Muat ulang", "Halaman berikutnya",
 *   "Halaman sebelumnya" (DataTable); link "Buat seleksi baru" (secretary).
 * - /kelola/pansel (Pansel member) "Seleksi saya": only the rounds where the signed-in user is a Pansel member.
 * - /kelola/pengawas (overseer) "Menunggu keputusan pengawas": rounds waiting for the plan or result verdict.
 * - /kelola/ppk (PPK) "Menunggu pilihan PPK": rounds waiting for the choice of 1 of 3.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import type { VariablesOf } from '../../graphql';
import { DataTable, useTableState, type Column, type ServerPaging } from '../../components/DataTable';
import { afterOf } from '../../components/table-state';
import { SelectFilter } from '../../components/SelectField';
import { Button, ErrorAlert, Page, STAGE_NAMES, formatDate, stageName } from '../../components/ui';
import { MY_PANSEL_ROUNDS } from '../../queries/accounts';
import { STAFF_SELECTIONS } from '../../queries/staff';
import { usePolling } from './common';
import type { SelectionListItem } from './types';

/** A round's stage as the list filters by it (the schema's SelectionStage). */
type Stage = NonNullable<VariablesOf<typeof STAFF_SELECTIONS>['stage']>;

/** The stage filter's options, in the order of the stage names. */
const STAGE_OPTIONS = Object.entries(STAGE_NAMES).map(([value, label]) => ({ value, label }));

/** The next expected moment of a round: registration close while registering, else the stage's expectation. */
export function nextDeadline(s: SelectionListItem): string | null {
  if (s.stage === 'REGISTRATION_OPEN' || s.stage === 'REGISTRATION_EXTENDED') return s.registrationClosesAt;
  const last = [...s.stageHistory].reverse().find((e) => e.stage === s.stage);
  return last?.expectedNextAt ?? null;
}

const SELECTION_COLUMNS: Column<SelectionListItem>[] = [
  {
    header: 'Judul',
    rowHeader: true,
    cell: (s) => (
      <>
        <Link to={`/kelola/seleksi/${encodeURIComponent(s.id)}`}>{s.title}</Link>
        {s.simulation && <span className="badge">Simulasi</span>}
      </>
    ),
  },
  { header: 'Tahap', cell: (s) => stageName(s.stage) },
  {
    header: 'Tenggat berikutnya',
    cell: (s) => {
      const deadline = nextDeadline(s);
      return deadline ? formatDate(deadline, true) : '-';
    },
  },
  { header: 'Lowongan', cell: (s) => s.vacancies.map((v) => v.position).join('; ') },
];

export function SelectionTable({
  items,
  caption,
  paging,
  loading,
}: {
  items: SelectionListItem[] | null;
  caption: string;
  paging?: ServerPaging;
  loading?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      columns={SELECTION_COLUMNS}
      rows={items}
      rowKey={(s) => s.id}
      empty="Tidak ada seleksi."
      paging={paging}
      loading={loading}
    />
  );
}

/** /kelola/seleksi */
export function SelectionsPage() {
  const { user } = useAuth();
  const [stage, setStage] = useState<Stage | ''>('');
  const [table, setTable] = useTableState();
  const q = useQuery(STAFF_SELECTIONS, {
    first: table.pageSize,
    after: afterOf(table),
    stage: stage || null,
  });
  usePolling(q.reload, 30_000);
  const items = q.data?.selections.edges.map((e) => e.node) ?? null;
  const pageInfo = q.data?.selections.pageInfo;
  return (
    <Page
      title="Daftar seleksi"
      actions={
        user?.role === 'PANSEL_SECRETARY' ? (
          <Link className="btn btn-primary" to="/kelola/seleksi/baru">
            Buat seleksi baru
          </Link>
        ) : undefined
      }
    >
      <div className="toolbar">
        <SelectFilter
          id="filter-stage"
          label="Tahap"
          value={stage}
          onChange={(value) => {
            setStage(value as Stage | '');
            setTable({ ...table, cursors: [] });
          }}
          all="Semua tahap"
          options={STAGE_OPTIONS}
        />
        <Button type="button" kind="secondary" onClick={q.reload}>
          Muat ulang
        </Button>
      </div>
      <ErrorAlert error={q.error} />
      {!(q.error && !q.data) && (
        <SelectionTable
          items={items}
          caption="Daftar seleksi"
          loading={q.loading}
          paging={{
            state: table,
            onState: setTable,
            hasNextPage: pageInfo?.hasNextPage ?? false,
            endCursor: pageInfo?.endCursor,
          }}
        />
      )}
    </Page>
  );
}

/** /kelola/pansel: the rounds whose Pansel the signed-in member sits on (recorded when the Pansel is set). */
export function MySelectionsPage() {
  const q = useQuery(MY_PANSEL_ROUNDS, { first: 100 });
  const items = q.data?.myPanselRounds.edges.map((e) => e.node) ?? null;
  return (
    <Page
      title="Seleksi saya"
      actions={
        <Button type="button" kind="secondary" onClick={q.reload}>
          Muat ulang
        </Button>
      }
    >
      <p>Seleksi tempat Anda menjadi anggota panitia seleksi (Pansel).</p>
      <ErrorAlert error={q.error} />
      {!q.error && <SelectionTable items={items} caption="Seleksi saya" />}
    </Page>
  );
}

function StageList({ stage, title }: { stage: Stage; title: string }) {
  const q = useQuery(STAFF_SELECTIONS, { first: 100, stage });
  usePolling(q.reload, 15_000);
  return (
    <section aria-labelledby={`list-${stage}`}>
      <h2 id={`list-${stage}`}>{title}</h2>
      <ErrorAlert error={q.error} />
      {!(q.error && !q.data) && (
        <SelectionTable items={q.data?.selections.edges.map((e) => e.node) ?? null} caption={title} />
      )}
    </section>
  );
}

/** /kelola/pengawas */
export function OverseerPendingPage() {
  return (
    <Page title="Menunggu keputusan pengawas">
      <p>
        Buka seleksi untuk memberi persetujuan, meminta perbaikan, atau menolak. Keputusan atas usulan suksesor jalur
        talenta ada di <Link to="/kelola/talenta/pengisian">Pengisian dari kelompok rencana suksesi</Link>.
      </p>
      <StageList stage="PLAN_APPROVAL" title="Rencana seleksi" />
      <StageList stage="OVERSEER_RECOMMENDATION" title="Hasil seleksi (3 nama per lowongan)" />
    </Page>
  );
}

/** /kelola/ppk */
export function PpkPendingPage() {
  return (
    <Page title="Menunggu pilihan PPK">
      <p>
        Buka seleksi untuk memilih 1 dari 3 nama per lowongan. Keputusan atas usulan suksesor jalur talenta ada di{' '}
        <Link to="/kelola/talenta/pengisian">Pengisian dari kelompok rencana suksesi</Link>.
      </p>
      <StageList stage="APPOINTMENT_CHOICE" title="Pemilihan 1 dari 3" />
      <StageList stage="INAUGURATION" title="Menunggu pelantikan" />
    </Page>
  );
}
