/**
 * The talent-pool route: start filling a post from the talent pool, open a filling, take each role's decision.
 *
 * Routes:
 * - /kelola/talenta/pengisian (PANSEL_SECRETARY, PPK, OVERSEER, ADMIN): form "Buka pengisian" ("Nomor pengisian", button
 *   "Buka"); table "Menunggu tindakan Anda" (the signed-in role's inbox, oldest wait first, with deadlines; not for
 *   ADMIN) and table "Daftar pengisian" (newest first; own agency, every agency for the overseer and ADMIN), each
 *   with button "Muat lebih banyak"; secretary: form "Mulai pengisian dari kelompok talenta" ("Nama jabatan", "Unit kerja", "Jenjang", "Bidang
 *   tugas", "Tanggal pelantikan pejabat saat ini", "Rencana tanggal pelantikan", button "Mulai pengisian").
 * - /kelola/talenta/pengisian/:fillingId: stage, gate, successors table "Urutan suksesor", decisions; by stage and role:
 *   secretary form "Konfirmasi usulan" (radios "Konfirmasi usulan" / "Tolak usulan", "Alasan", "Kirim
 *   konfirmasi"); overseer form "Keputusan pengawas atas usulan" (radios "Setujui" / "Tolak", "Nomor surat",
 *   "Alasan", "Kirim keputusan"); PPK form "Keputusan PPK atas suksesor" (one radio per successor, "Alasan
 *   pemilihan" required unless the first, "Tetapkan suksesor"); Madya/Utama: secretary form "Keputusan Presiden"
 *   ("Diangkat oleh Presiden", "Nomor Keputusan Presiden", "Tanggal Keputusan Presiden", "Alasan", "Catat Keputusan
 *   Presiden"); secretary form "Pelantikan suksesor"
 *   ("Tanggal pelantikan", "Tempat pelantikan", "Catat pelantikan"); inside a pilkada window, section "Masa pilkada"
 *   (TalentElectionPanel: the Minister's permission, then the duty to report).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, gql, useQuery } from '../../api';
import type { ResultOf } from '../../graphql';
import { useAuth } from '../../auth';
import { DataTable, type Column } from '../../components/DataTable';
import { Button, ErrorAlert, Field, Loading, Page, formatDate } from '../../components/ui';
import { LevelOptions } from '../../components/SelectField';
import {
  CONFIRM_PROPOSAL,
  DECIDE_SUCCESSOR,
  RECORD_TALENT_INAUGURATION,
  START_TALENT_POOL_FILLING,
  TALENT_FILLING,
  TALENT_OVERSEER_DECISION,
} from '../../queries/staff';
import { RECORD_TALENT_PRESIDENTIAL_DECISION, TALENT_FILLING_LIST } from '../../queries/talent-fillings';
import {
  ActionForm,
  PresidentialDecreeFields,
  useDecreeDraft,
  InaugurationFields,
  DocumentLink,
  FormEnd,
  useAction,
  usePolling,
} from './common';
import { TalentElectionPanel } from './TalentElectionPanel';
import { APPOINTMENT_ROUTE, DECISION_KIND, TALENT_STAGE, TALENT_WAITING_ON, say, score, todayLocal } from './labels';

type Filling = NonNullable<ResultOf<typeof TALENT_FILLING>['talentFilling']>;
type Successor = Filling['successors'][number];
type FillingSummary = NonNullable<ResultOf<typeof TALENT_FILLING_LIST>['talentFillings']>['edges'][number]['node'];

const PAGE_SIZE = 20;

/** The successors in their order (the included ones first, then the excluded with the reasons). */
const SUCCESSOR_COLUMNS: Column<Successor>[] = [
  { header: 'Urutan', cell: (s) => s.order ?? '-' },
  { header: 'Nama', rowHeader: true, cell: (s) => s.name ?? s.employeeId },
  { header: 'Kotak', cell: (s) => `${s.box}${s.boxName ? ` (${s.boxName})` : ''}` },
  { header: 'Nilai talenta', cell: (s) => score(s.score) },
  { header: 'Keterangan', cell: (s) => (s.excluded ? `Dikecualikan: ${s.reasons.join('; ')}` : '-') },
];

/** One list of the read model, page by page ("Muat lebih banyak"). */
function useFillingPages(inbox: boolean, active: boolean) {
  const [items, setItems] = useState<FillingSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(active);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const data = await gql(TALENT_FILLING_LIST, { first: PAGE_SIZE, after, inbox });
        const conn = (inbox ? data.talentFillingInbox : data.talentFillings)!;
        const page = conn.edges.map((e) => e.node);
        setItems((prev) => {
          if (!after) return page;
          const seen = new Set(prev.map((x) => x.fillingId));
          return [...prev, ...page.filter((x) => !seen.has(x.fillingId))];
        });
        setCursor(conn.pageInfo.endCursor);
        setHasMore(conn.pageInfo.hasNextPage);
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError('Gagal memuat daftar pengisian', 'INTERNAL', null));
      } finally {
        setLoading(false);
      }
    },
    [inbox],
  );
  useEffect(() => {
    if (active) void load(null);
  }, [active, load]);
  return { items, hasMore, loading, error, more: () => void load(cursor), reload: () => void load(null) };
}

/** The columns of both lists; the inbox shows since when it waits, the full list on whom. */
function fillingColumns(inbox: boolean): Column<FillingSummary>[] {
  return [
    {
      header: 'Nomor pengisian',
      rowHeader: true,
      cell: (f) => <Link to={`/kelola/talenta/pengisian/${encodeURIComponent(f.fillingId)}`}>{f.fillingId}</Link>,
    },
    {
      header: 'Jabatan',
      cell: (f) => (
        <>
          {f.position} (JPT {f.level.charAt(0) + f.level.slice(1).toLowerCase()})
          {f.route !== 'PPK' && <div className="muted">Diangkat oleh {say(APPOINTMENT_ROUTE, f.route)}</div>}
        </>
      ),
    },
    { header: 'Instansi', cell: (f) => f.agencyCode },
    { header: 'Tahap', cell: (f) => (f.stage ? say(TALENT_STAGE, f.stage) : '-') },
    inbox
      ? { header: 'Menunggu sejak', cell: (f) => formatDate(f.waitingSince, true) }
      : { header: 'Menunggu', cell: (f) => (f.waitingOn ? say(TALENT_WAITING_ON, f.waitingOn) : '-') },
    {
      header: 'Batas waktu',
      cell: (f) => (
        <>
          {formatDate(f.deadline, true)}
          {f.overdue && <strong> (terlambat)</strong>}
        </>
      ),
    },
  ];
}

function FillingTable({
  id,
  title,
  list,
  empty,
  inbox,
}: {
  id: string;
  title: string;
  list: ReturnType<typeof useFillingPages>;
  empty: string;
  inbox: boolean;
}) {
  const first = list.items.length === 0;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorAlert error={list.error} />
      {!(list.error && first) && (
        <DataTable
          caption={title}
          columns={fillingColumns(inbox)}
          rows={list.loading && first ? null : list.items}
          rowKey={(f) => f.fillingId}
          loading={list.loading}
          empty={empty}
        />
      )}
      {/* The list grows page by page ("Muat lebih banyak"), so a later page loads under the rows shown. */}
      {list.loading && !first && <Loading />}
      {list.hasMore && !list.loading && (
        <Button type="button" kind="secondary" onClick={list.more}>
          Muat lebih banyak
        </Button>
      )}
    </section>
  );
}

/** /kelola/talenta/pengisian */
export function TalentFillingsPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [lookup, setLookup] = useState('');
  const hasInbox = user?.role === 'PANSEL_SECRETARY' || user?.role === 'PPK' || user?.role === 'OVERSEER';
  const inbox = useFillingPages(true, hasInbox);
  const all = useFillingPages(false, true);
  const open = (id: string) => navigate(`/kelola/talenta/pengisian/${encodeURIComponent(id)}`);
  return (
    <Page title="Pengisian dari kelompok rencana suksesi">
      <p>
        Jalur manajemen talenta: suksesor dari kotak 9, 8, 7 → konfirmasi tim → persetujuan pengawas → keputusan PPK →
        pelantikan. Bila jalur tertutup atau tidak ada talenta yang memenuhi syarat, jabatan dialihkan ke seleksi
        terbuka.
      </p>
      <ActionForm label="Buka pengisian" className="form narrow" onSubmit={() => lookup.trim() && open(lookup.trim())}>
        <Field id="tf-lookup" label="Nomor pengisian">
          {(p) => <input {...p} value={lookup} onChange={(e) => setLookup(e.target.value)} />}
        </Field>
        <div>
          <Button type="submit" kind="secondary">
            Buka
          </Button>
        </div>
      </ActionForm>
      {hasInbox && (
        <FillingTable
          id="tf-inbox"
          title="Menunggu tindakan Anda"
          list={inbox}
          empty="Tidak ada pengisian yang menunggu tindakan Anda."
          inbox
        />
      )}
      <FillingTable id="tf-all" title="Daftar pengisian" list={all} empty="Belum ada pengisian." inbox={false} />
      {user?.role === 'PANSEL_SECRETARY' && <StartFillingForm onStarted={open} />}
    </Page>
  );
}

function StartFillingForm({ onStarted }: { onStarted: (fillingId: string) => void }) {
  const [position, setPosition] = useState('');
  const [unit, setUnit] = useState('');
  const [level, setLevel] = useState('PRATAMA');
  const [field, setField] = useState('');
  const [incumbent, setIncumbent] = useState('');
  const [planned, setPlanned] = useState('');
  const a = useAction(START_TALENT_POOL_FILLING, (d) => onStarted(d.startTalentPoolFilling.fillingId));
  return (
    <section aria-labelledby="tf-start" className="card">
      <h2 id="tf-start">Mulai pengisian dari kelompok talenta</h2>
      <ActionForm
        label="Mulai pengisian dari kelompok talenta"
        onSubmit={() =>
          void a.run(
            {
              input: {
                post: {
                  position: position.trim(),
                  unit: unit.trim(),
                  level,
                  field: field.trim() || null,
                  incumbentInauguratedOn: incumbent || null,
                },
                plannedInaugurationDate: planned,
              },
            },
            'Pengisian dimulai.',
          )
        }
      >
        <Field id="tf-position" label="Nama jabatan" apiField="input.post.position" error={a.error}>
          {(p) => <input {...p} value={position} onChange={(e) => setPosition(e.target.value)} />}
        </Field>
        <Field id="tf-unit" label="Unit kerja" apiField="input.post.unit" error={a.error}>
          {(p) => <input {...p} value={unit} onChange={(e) => setUnit(e.target.value)} />}
        </Field>
        <Field id="tf-level" label="Jenjang" apiField="input.post.level" error={a.error}>
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
              <LevelOptions />
            </select>
          )}
        </Field>
        <Field id="tf-field" label="Bidang tugas" apiField="input.post.field" error={a.error}>
          {(p) => <input {...p} value={field} onChange={(e) => setField(e.target.value)} />}
        </Field>
        <Field
          id="tf-incumbent"
          label="Tanggal pelantikan pejabat saat ini"
          hint="Pejabat tidak dapat diganti dalam 2 tahun sejak pelantikan"
          apiField="input.post.incumbentInauguratedOn"
          error={a.error}
        >
          {(p) => <input {...p} type="date" value={incumbent} onChange={(e) => setIncumbent(e.target.value)} />}
        </Field>
        <Field
          id="tf-planned"
          label="Rencana tanggal pelantikan"
          hint="Usia dan batas usia pensiun dihitung pada tanggal ini"
          apiField="input.plannedInaugurationDate"
          error={a.error}
        >
          {(p) => <input {...p} type="date" value={planned} onChange={(e) => setPlanned(e.target.value)} />}
        </Field>
        <FormEnd action={a}>Mulai pengisian</FormEnd>
      </ActionForm>
    </section>
  );
}

/** /kelola/talenta/pengisian/:fillingId */
export function TalentFillingPage() {
  const { fillingId = '' } = useParams();
  const { user } = useAuth();
  const q = useQuery(TALENT_FILLING, { fillingId });
  const f = q.data?.talentFilling ?? null;
  usePolling(q.reload, 10_000, !f || !['COMPLETED', 'FALLBACK_OPEN_SELECTION'].includes(f.stage));
  if (!f) {
    return (
      <Page title="Pengisian dari kelompok talenta">
        {q.loading ? <Loading /> : <ErrorAlert error={q.error ?? 'Pengisian tidak ditemukan'} />}
        <Link to="/kelola/talenta/pengisian">Kembali</Link>
      </Page>
    );
  }
  const role = user?.role;
  const included = f.successors.filter((s) => !s.excluded).sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
  return (
    <Page
      title={`Pengisian jabatan ${f.postId}`}
      actions={
        <Button type="button" kind="secondary" onClick={q.reload}>
          Muat ulang
        </Button>
      }
    >
      <dl className="summary">
        <dt>Nomor pengisian</dt>
        <dd>{f.fillingId}</dd>
        <dt>Tahap</dt>
        <dd>
          <strong>{say(TALENT_STAGE, f.stage)}</strong>
        </dd>
        <dt>Instansi</dt>
        <dd>{f.agencyCode}</dd>
        <dt>Yang mengangkat</dt>
        <dd>{say(APPOINTMENT_ROUTE, f.route)}</dd>
        {f.route !== 'PPK' && f.proposedEmployeeId && (
          <>
            <dt>Diusulkan kepada Presiden</dt>
            <dd>{included.find((s) => s.employeeId === f.proposedEmployeeId)?.name ?? f.proposedEmployeeId}</dd>
          </>
        )}
        {f.presidentialDecree && (
          <>
            <dt>Keputusan Presiden</dt>
            <dd>
              Nomor {f.presidentialDecree.number} tanggal {formatDate(f.presidentialDecree.date)}
            </dd>
          </>
        )}
        {f.gate && (
          <>
            <dt>Syarat jalur talenta</dt>
            <dd>
              {f.gate.open ? 'Terpenuhi' : 'Tidak terpenuhi'}
              {f.gate.meritCategoryName ? ` · indeks sistem merit ${f.gate.meritCategoryName}` : ''}
              {f.gate.period ? ` · peta talenta ${f.gate.period}` : ''}
              {f.gate.reasons.length > 0 && <div className="muted">{f.gate.reasons.join('; ')}</div>}
            </dd>
          </>
        )}
        {f.appointedEmployeeId && (
          <>
            <dt>Diangkat</dt>
            <dd>
              {f.appointedName ?? f.appointedEmployeeId}
              {f.inaugurationDate ? ` · dilantik ${formatDate(f.inaugurationDate)}` : ''}
            </dd>
          </>
        )}
        {f.decree && (
          <>
            <dt>Keputusan pengangkatan</dt>
            <dd>
              <DocumentLink url={f.decree.downloadUrl} number={f.decree.number}>
                Unduh {f.decree.number}
              </DocumentLink>
            </dd>
          </>
        )}
        {f.fallback && (
          <>
            <dt>Dialihkan ke seleksi terbuka</dt>
            <dd>
              {f.fallback.reason} ·{' '}
              <Link to={`/kelola/seleksi/${encodeURIComponent(f.fallback.selectionId)}`}>Buka seleksi</Link> ·{' '}
              {f.fallback.invitedCount} talenta diundang
            </dd>
          </>
        )}
      </dl>
      <ErrorAlert error={q.error} />

      <section aria-labelledby="tf-actions">
        <h2 id="tf-actions">Tindakan Anda</h2>
        {role === 'PANSEL_SECRETARY' && f.stage === 'CONFIRMATION' && <ConfirmForm filling={f} reload={q.reload} />}
        {role === 'OVERSEER' && f.stage === 'OVERSEER_APPROVAL' && <TalentOverseerForm filling={f} reload={q.reload} />}
        {role === 'PPK' && f.stage === 'PPK_DECISION' && (
          <SuccessorForm filling={f} successors={included} reload={q.reload} />
        )}
        {role === 'PANSEL_SECRETARY' && f.stage === 'PRESIDENTIAL_DECISION' && (
          <PresidentialDecisionForm filling={f} successors={included} reload={q.reload} />
        )}
        {role === 'PANSEL_SECRETARY' && f.stage === 'INAUGURATION' && (
          <TalentInaugurationForm filling={f} reload={q.reload} />
        )}
        <p className="muted">Tindakan tersedia sesuai tahap dan peran Anda.</p>
      </section>

      <TalentElectionPanel
        fillingId={f.fillingId}
        agencyCode={f.agencyCode}
        stage={f.stage}
        election={f.election}
        role={role}
        reload={q.reload}
      />

      <section aria-labelledby="tf-successors">
        <h2 id="tf-successors">Urutan suksesor</h2>
        <DataTable
          caption="Urutan suksesor"
          columns={SUCCESSOR_COLUMNS}
          rows={[...included, ...f.successors.filter((s) => s.excluded)]}
          rowKey={(s) => s.employeeId}
          empty="Tidak ada talenta."
        />
      </section>

      <section aria-labelledby="tf-decisions">
        <h2 id="tf-decisions">Keputusan tercatat</h2>
        <ol className="timeline">
          {f.decisions.map((d) => (
            <li key={d.decisionId}>
              <strong>{say(DECISION_KIND, d.kind)}</strong> · {formatDate(d.at, true)} ·{' '}
              {d.by.displayName ?? d.by.userId}
              {d.reason ? ` · ${d.reason}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

interface FormProps {
  filling: Filling;
  reload: () => void;
}

function ConfirmForm({ filling, reload }: FormProps) {
  const [confirm, setConfirm] = useState('true');
  const [reason, setReason] = useState('');
  const a = useAction(CONFIRM_PROPOSAL, reload);
  return (
    <ActionForm
      label="Konfirmasi usulan"
      className="form card"
      onSubmit={() =>
        void a.run(
          { fillingId: filling.fillingId, confirm: confirm === 'true', reason: reason.trim() },
          'Konfirmasi dicatat.',
        )
      }
    >
      <h3>Konfirmasi usulan suksesor</h3>
      <fieldset>
        <legend>Keputusan tim</legend>
        <div className="check">
          <input id="tc-yes" type="radio" name="tc" checked={confirm === 'true'} onChange={() => setConfirm('true')} />
          <label htmlFor="tc-yes">Konfirmasi usulan</label>
        </div>
        <div className="check">
          <input id="tc-no" type="radio" name="tc" checked={confirm === 'false'} onChange={() => setConfirm('false')} />
          <label htmlFor="tc-no">Tolak usulan (jabatan diisi melalui seleksi terbuka)</label>
        </div>
      </fieldset>
      <Field id="tc-reason" label="Alasan" apiField="reason" error={a.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormEnd action={a}>Kirim konfirmasi</FormEnd>
    </ActionForm>
  );
}

function TalentOverseerForm({ filling, reload }: FormProps) {
  const [verdict, setVerdict] = useState('APPROVE');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction(TALENT_OVERSEER_DECISION, reload);
  return (
    <ActionForm
      label="Keputusan pengawas atas usulan"
      className="form card"
      onSubmit={() =>
        void a.run(
          { fillingId: filling.fillingId, verdict, reference: reference.trim() || null, reason: reason.trim() },
          'Keputusan pengawas dicatat.',
        )
      }
    >
      <h3>Keputusan pengawas atas usulan suksesor</h3>
      <fieldset>
        <legend>Keputusan</legend>
        <div className="check">
          <input
            id="to-ok"
            type="radio"
            name="to"
            checked={verdict === 'APPROVE'}
            onChange={() => setVerdict('APPROVE')}
          />
          <label htmlFor="to-ok">Setujui</label>
        </div>
        <div className="check">
          <input
            id="to-no"
            type="radio"
            name="to"
            checked={verdict === 'REJECT'}
            onChange={() => setVerdict('REJECT')}
          />
          <label htmlFor="to-no">Tolak</label>
        </div>
      </fieldset>
      <Field id="to-ref" label="Nomor surat" apiField="reference" error={a.error}>
        {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </Field>
      <Field id="to-reason" label="Alasan" apiField="reason" error={a.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormEnd action={a}>Kirim keputusan</FormEnd>
    </ActionForm>
  );
}

function SuccessorForm({ filling, successors, reload }: FormProps & { successors: Successor[] }) {
  const [employeeId, setEmployeeId] = useState('');
  const [justification, setJustification] = useState('');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const a = useAction(DECIDE_SUCCESSOR, reload);
  const chosen = successors.find((s) => s.employeeId === employeeId);
  const needs = chosen !== undefined && chosen.order !== 1;
  return (
    <ActionForm
      label="Keputusan PPK atas suksesor"
      className="form card"
      onSubmit={() => {
        setLocalError(null);
        if (!chosen) return setLocalError(new ApiError('Pilih salah satu suksesor', 'VALIDATION_FAILED', 'employeeId'));
        if (needs && justification.trim().length < 20) {
          return setLocalError(
            new ApiError(
              'Alasan wajib diisi (minimal 20 karakter) karena yang dipilih bukan suksesor pertama',
              'VALIDATION_FAILED',
              'justification',
            ),
          );
        }
        void a.run(
          { fillingId: filling.fillingId, employeeId, justification: justification.trim() || null },
          'Suksesor ditetapkan.',
        );
      }}
    >
      <h3>Keputusan PPK atas suksesor</h3>
      {filling.route !== 'PPK' && (
        <p>
          JPT Madya/Utama diangkat oleh Presiden: pilihan Anda menjadi usulan kepada Presiden
          {filling.route === 'PRESIDENT_VIA_HOME_AFFAIRS' ? ' melalui Menteri Dalam Negeri' : ''}.
        </p>
      )}
      <fieldset>
        <legend>Suksesor</legend>
        {successors.map((s) => (
          <div className="check" key={s.employeeId}>
            <input
              id={`ts-${s.employeeId}`}
              type="radio"
              name="ts"
              checked={employeeId === s.employeeId}
              onChange={() => setEmployeeId(s.employeeId)}
            />
            <label htmlFor={`ts-${s.employeeId}`}>
              {s.order}. {s.name ?? s.employeeId} (kotak {s.box}, nilai {score(s.score)})
            </label>
          </div>
        ))}
      </fieldset>
      {localError?.field === 'employeeId' && <p className="field-error">{localError.message}</p>}
      <Field
        id="ts-just"
        label="Alasan pemilihan"
        hint="Wajib bila memilih selain suksesor pertama"
        apiField="justification"
        error={localError ?? a.error}
      >
        {(p) => <textarea {...p} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />}
      </Field>
      <FormEnd action={a}>Tetapkan suksesor</FormEnd>
    </ActionForm>
  );
}

function PresidentialDecisionForm({ filling, successors, reload }: FormProps & { successors: Successor[] }) {
  const [employeeId, setEmployeeId] = useState(filling.proposedEmployeeId ?? '');
  const decree = useDecreeDraft(todayLocal());
  const a = useAction(RECORD_TALENT_PRESIDENTIAL_DECISION, reload);
  const via = filling.route === 'PRESIDENT_VIA_HOME_AFFAIRS' ? ' melalui Menteri Dalam Negeri' : '';
  return (
    <ActionForm
      label="Keputusan Presiden"
      className="form card"
      onSubmit={() =>
        void a.run(
          {
            fillingId: filling.fillingId,
            employeeId,
            ...decree.variables,
          },
          'Keputusan Presiden dicatat.',
        )
      }
    >
      <h3>Keputusan Presiden</h3>
      <p>
        PPK telah mengusulkan suksesor kepada Presiden{via}. Catat Keputusan Presiden (Keppres) setelah diterima; surat
        keputusan pengangkatan diterbitkan sesudahnya.
      </p>
      <Field id="tp-employee" label="Diangkat oleh Presiden" apiField="employeeId" error={a.error}>
        {(p) => (
          <select {...p} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
            {successors.map((s) => (
              <option key={s.employeeId} value={s.employeeId}>
                {s.order}. {s.name ?? s.employeeId}
                {s.employeeId === filling.proposedEmployeeId ? ' (usulan PPK)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PresidentialDecreeFields
        id="tp"
        error={a.error}
        labels={{
          number: 'Nomor Keputusan Presiden',
          date: 'Tanggal Keputusan Presiden',
          justification: 'Alasan',
          hint: 'Wajib bila yang diangkat bukan suksesor pertama',
        }}
        draft={decree}
      />
      <FormEnd action={a}>Catat Keputusan Presiden</FormEnd>
    </ActionForm>
  );
}

function TalentInaugurationForm({ filling, reload }: FormProps) {
  const [date, setDate] = useState(todayLocal());
  const [place, setPlace] = useState('');
  const a = useAction(RECORD_TALENT_INAUGURATION, reload);
  return (
    <ActionForm
      label="Pelantikan suksesor"
      className="form card"
      onSubmit={() => void a.run({ fillingId: filling.fillingId, date, place: place.trim() }, 'Pelantikan dicatat.')}
    >
      <h3>Pelantikan {filling.appointedName ?? ''}</h3>
      <InaugurationFields id="ti" error={a.error} date={date} place={place} onDate={setDate} onPlace={setPlace} />
      <FormEnd action={a}>Catat pelantikan</FormEnd>
    </ActionForm>
  );
}
