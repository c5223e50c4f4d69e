/**
 * A selection's dashboard for every staff role: where the round stands and what the signed-in user can do.
 *
 * Route: /kelola/seleksi/:id (PANSEL_SECRETARY, PANSEL_MEMBER, OVERSEER, PPK, ADMIN).
 * Main controls: button "Muat ulang" (the page also reloads every 10 s while the round runs); link "Buka di
 * Temporal UI" (operators, when the gateway gives one); section "Tindakan Anda" with the role's forms
 * (SecretaryPanels.tsx, MemberPanel.tsx, DecisionPanels.tsx); then sections (h2) "Lowongan", "Peringkat akhir",
 * "Lamaran", "Panitia seleksi", "Sanggahan", "Dokumen" (links "Unduh <nomor>", secretary/PPK links
 * "Perbaiki <nomor>" to /kelola/dokumen/:id/koreksi), "Ekspor data" (XLSX/CSV links, ExportLinks.tsx), "Keputusan tercatat" (link "Jejak audit lengkap" to /kelola/seleksi/:id/audit), "Riwayat tahap".
 */
import { useContext, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { DataTable, type Column } from '../../components/DataTable';
import { DecisionTable } from '../../components/DecisionTable';
import { StageStepper } from '../../components/StageStepper';
import { ReannouncementLinks } from '../../components/Reannouncement';
import { Button, ErrorAlert, Loading, Page, SuccessAlert, formatDate, stageName } from '../../components/ui';
import { zoneLabel } from '../../format';
import { SELECTION_STAGE_CHANGED } from '../../queries/public';
import { SELECTION_DASHBOARD, SELECTION_DOCUMENTS } from '../../queries/staff';
import { SelectionExports } from './ExportLinks';
import { DocumentLink, NoticeContext, ZoneContext, candidateLabel, useLiveEvents, usePolling } from './common';
import { MemberPanel } from './MemberPanel';
import { OverseerPanel, PpkPanel } from './DecisionPanels';
import { SecretaryPanels } from './SecretaryPanels';
import { ApplicantsSection } from './ApplicantsTable';
import {
  DEADLINE_LABEL,
  DECISION_KIND,
  LEVEL,
  OVERSEER_SUBJECT,
  PANSEL_ROLE,
  PENDING_DECISION,
  VACANCY_STATUS,
  say,
  score,
} from './labels';
import type { DocumentRow, ProcessVacancyView, RankedEntryView, SelectionProcessView } from './types';

const FINISHED = ['COMPLETED', 'CANCELLED'];

export function SelectionDashboardPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const q = useQuery(SELECTION_DASHBOARD, { id });
  const [notice, setNotice] = useState<string | null>(null);
  const docs = useQuery(SELECTION_DOCUMENTS, { id });
  const p = q.data?.selectionProcess;
  const running = !p || !FINISHED.includes(p.stage);
  const reloadAll = () => {
    q.reload();
    docs.reload();
  };
  // Right after createSelection the read model may not exist yet: look again every 2 s until it does.
  const preparing = !q.data && q.error?.code === 'NOT_FOUND';
  usePolling(q.reload, preparing ? 2_000 : 10_000, running);
  usePolling(docs.reload, 30_000, running);
  // A new stage reloads at once (GraphQL over SSE); polling stays as the fallback.
  const live = useLiveEvents(SELECTION_STAGE_CHANGED, { selectionId: id }, () => reloadAll(), !running);

  if (!q.data) {
    return (
      <Page title="Dasbor seleksi">
        {preparing ? (
          <Loading label="Seleksi sedang disiapkan; halaman dimuat ulang otomatis…" />
        ) : q.loading ? (
          <Loading />
        ) : (
          <ErrorAlert error={q.error ?? 'Seleksi tidak ditemukan'} />
        )}
        <p>
          <Link to="/kelola/seleksi">Kembali ke daftar seleksi</Link>
        </p>
      </Page>
    );
  }
  const s = q.data.selection;
  const process = q.data.selectionProcess;
  const role = user?.role;
  const zone = s?.timeZone ?? null;
  const at = (v: string | null | undefined) => formatDate(v, true, zone);
  return (
    <ZoneContext.Provider value={zone}>
      <Page
        title={process.title}
        actions={
          <Button type="button" kind="secondary" onClick={reloadAll}>
            Muat ulang
          </Button>
        }
      >
        <dl className="summary">
          <dt>Tahap</dt>
          <dd>
            <strong>{stageName(process.stage)}</strong>
            {process.simulation && <span className="badge">Simulasi</span>}
          </dd>
          {process.deadline && (
            <>
              <dt>{say(DEADLINE_LABEL, process.deadline.label)}</dt>
              <dd>
                {at(process.deadline.at)}
                {process.deadline.provisional && (
                  <span className="badge badge-bad" role="note">
                    kalender sementara: SKB hari libur tahun itu belum ditetapkan, tanggal dapat berubah
                  </span>
                )}
              </dd>
            </>
          )}
          {/* The registration deadline is the row above while registration runs: not twice. */}
          {process.deadline?.label !== 'REGISTRATION' && (
            <>
              <dt>Pendaftaran ditutup</dt>
              <dd>{at(process.registrationClosesAt)}</dd>
            </>
          )}
          {process.overseer && ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'].includes(process.stage) && (
            <>
              <dt>Menunggu pengawas</dt>
              <dd>
                {say(OVERSEER_SUBJECT, process.overseer.subject)}, sejak {at(process.overseer.requestedAt)}
              </dd>
            </>
          )}
          {s && (
            <>
              <dt>Instansi</dt>
              <dd>
                {s.agencyName ?? s.agencyCode} <span className="muted">(waktu {zoneLabel(s.timeZone)})</span>
              </dd>
            </>
          )}
          {s?.temporalUiUrl && (
            <>
              <dt>Operator</dt>
              <dd>
                <a href={s.temporalUiUrl} target="_blank" rel="noreferrer">
                  Buka di Temporal UI
                </a>{' '}
                <span className="muted">({s.workflowId})</span>
              </dd>
            </>
          )}
        </dl>
        {s && <ReannouncementLinks s={s} href={(sid) => `/kelola/seleksi/${encodeURIComponent(sid)}`} />}
        <p className="muted" aria-live="off">
          {running
            ? `Halaman diperbarui otomatis setiap 10 detik${live ? ' dan setiap kali tahap berganti' : ''}.`
            : 'Seleksi sudah berakhir.'}
        </p>
        <ErrorAlert error={q.error} />
        {s && <StageStepper route={s.route} zone={zone} />}

        <section aria-labelledby="actions-title">
          <h2 id="actions-title">Tindakan Anda</h2>
          {notice && <SuccessAlert>{notice}</SuccessAlert>}
          <NoticeContext.Provider value={setNotice}>
            {role === 'PANSEL_SECRETARY' && <SecretaryPanels process={process} reload={reloadAll} />}
            {role === 'PANSEL_MEMBER' && <MemberPanel process={process} reload={q.reload} />}
            {role === 'OVERSEER' && <OverseerPanel process={process} reload={reloadAll} />}
            {role === 'PPK' && <PpkPanel process={process} reload={reloadAll} />}
            {role === 'ADMIN' && <p>Administrator melihat seleksi tanpa mengambil keputusan.</p>}
          </NoticeContext.Provider>
        </section>

        <VacanciesSection process={process} />
        <RankingSection process={process} />
        <ApplicantsSection process={process} role={role} zone={zone} />
        <PanselSection process={process} />
        <ObjectionsSection process={process} />
        <DocumentsSection
          rows={docs.data?.selectionDocuments.edges.map((e) => e.node) ?? null}
          error={docs.error}
          canCorrect={role === 'PANSEL_SECRETARY' || role === 'PPK'}
        />
        {role && <SelectionExports selectionId={process.selectionId} stage={process.stage} role={role} />}
        <DecisionsSection process={process} />
        {(role === 'PANSEL_SECRETARY' || role === 'OVERSEER' || role === 'ADMIN') && (
          <p>
            <Link to={`/kelola/seleksi/${encodeURIComponent(process.selectionId)}/audit`}>
              Jejak audit lengkap (dengan data setiap keputusan)
            </Link>
          </p>
        )}
        {s && (
          <section aria-labelledby="history-title">
            <h2 id="history-title">Riwayat tahap</h2>
            <ol className="timeline">
              {s.stageHistory.map((e, i) => (
                <li key={`${e.stage}-${i}`}>
                  <strong>{e.reasonText || stageName(e.stage)}</strong> · {at(e.at)}
                  <span className="muted"> · tahap {stageName(e.stage)}</span>
                  {e.expectedNextAt ? ` · tahap berikutnya diperkirakan ${at(e.expectedNextAt)}` : ''}
                </li>
              ))}
            </ol>
          </section>
        )}
      </Page>
    </ZoneContext.Provider>
  );
}

function vacancyColumns(process: SelectionProcessView): Column<ProcessVacancyView>[] {
  return [
    {
      header: 'Jabatan',
      rowHeader: true,
      cell: (v) => (
        <>
          {v.position ?? v.id}
          {v.unit && <div className="muted">{v.unit}</div>}
        </>
      ),
    },
    { header: 'Jenjang', cell: (v) => say(LEVEL, v.level) },
    {
      header: 'Status',
      cell: (v) => (
        <>
          {say(VACANCY_STATUS, v.status)}
          {v.pendingDecision && <div className="field-error">{say(PENDING_DECISION, v.pendingDecision)}</div>}
          {v.extensions > 0 && <div className="muted">Diperpanjang {v.extensions} kali</div>}
        </>
      ),
    },
    { header: 'Pelamar', cell: (v) => v.applicants },
    {
      header: '3 nama',
      cell: (v) =>
        v.shortlist.length > 0 ? (
          <ol className="compact">
            {v.shortlist.map((a) => (
              <li key={a}>{candidateLabel(process, a)}</li>
            ))}
          </ol>
        ) : (
          '-'
        ),
    },
    {
      header: 'Terpilih',
      cell: (v) => (
        <>
          {v.appointedApplicationId
            ? candidateLabel(process, v.appointedApplicationId)
            : v.proposedApplicationId
              ? `${candidateLabel(process, v.proposedApplicationId)} (pilihan PPK)`
              : '-'}
          {v.decreeNumber && <div className="muted">Keputusan {v.decreeNumber}</div>}
          {v.inaugurationDate && <div className="muted">Dilantik {formatDate(v.inaugurationDate)}</div>}
        </>
      ),
    },
  ];
}

function VacanciesSection({ process }: { process: SelectionProcessView }) {
  return (
    <section aria-labelledby="vacancies-title">
      <h2 id="vacancies-title">Lowongan</h2>
      <DataTable caption="Lowongan" columns={vacancyColumns(process)} rows={process.vacancies} rowKey={(v) => v.id} />
    </section>
  );
}

function rankingColumns(process: SelectionProcessView): Column<RankedEntryView>[] {
  return [
    { header: 'Peringkat', cell: (r) => r.rank ?? '-' },
    { header: 'Peserta', rowHeader: true, cell: (r) => candidateLabel(process, r.applicationId) },
    { header: 'Nilai akhir', cell: (r) => score(r.total) },
    {
      header: 'Keterangan',
      cell: (r) =>
        `${r.shortlisted ? '3 besar' : r.qualified ? 'Memenuhi nilai ambang' : 'Tidak memenuhi'}${r.note ? ` · ${r.note}` : ''}`,
    },
  ];
}

function RankingSection({ process }: { process: SelectionProcessView }) {
  const ranked = process.vacancies.filter((v) => v.ranking.length > 0);
  if (ranked.length === 0) return null;
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title">Peringkat akhir</h2>
      {ranked.map((v) => (
        <DataTable
          key={v.id}
          caption={v.position ?? v.id}
          captionHidden={false}
          columns={rankingColumns(process)}
          rows={v.ranking}
          rowKey={(r) => r.applicationId}
        />
      ))}
    </section>
  );
}

function PanselSection({ process }: { process: SelectionProcessView }) {
  const recusedOf = (memberId: string) =>
    process.recusals
      .filter((r) => r.memberId === memberId)
      .map((r) => process.applications.find((a) => a.candidateId === r.candidateId)?.candidateName ?? r.candidateId);
  return (
    <section aria-labelledby="pansel-title">
      <h2 id="pansel-title">Panitia seleksi</h2>
      <DataTable
        caption="Panitia seleksi"
        rows={process.pansel}
        rowKey={(m) => m.id}
        empty="Pansel belum ditetapkan."
        columns={[
          { header: 'Nama', rowHeader: true, cell: (m) => `${m.name}${m.isMe ? ' (Anda)' : ''}` },
          { header: 'Peran', cell: (m) => say(PANSEL_ROLE, m.role) },
          { header: 'Instansi', cell: (m) => m.institution },
          { header: 'Asal', cell: (m) => (m.internal ? 'Internal' : 'Eksternal') },
          { header: 'Konflik kepentingan', cell: (m) => recusedOf(m.id).join('; ') || '-' },
        ]}
      />
    </section>
  );
}

function ObjectionsSection({ process }: { process: SelectionProcessView }) {
  const zone = useContext(ZoneContext);
  if (process.objections.length === 0) return null;
  return (
    <section aria-labelledby="objections-list-title">
      <h2 id="objections-list-title">Sanggahan</h2>
      <ul className="plain-list">
        {process.objections.map((o) => (
          <li key={o.objectionId} className="card">
            <strong>{candidateLabel(process, o.applicationId)}</strong> ·{' '}
            {o.phase === 'FINAL' ? 'hasil akhir' : 'seleksi administrasi'} · {formatDate(o.filedAt, true, zone)}
            <p>{o.text ?? '-'}</p>
            <p>
              {o.upheld === null ? 'Belum dijawab' : o.upheld ? 'Diterima' : 'Ditolak'}
              {o.answer ? `: ${o.answer}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DocumentsSection({
  rows,
  error,
  canCorrect,
}: {
  rows: DocumentRow[] | null;
  error: Parameters<typeof ErrorAlert>[0]['error'];
  canCorrect: boolean;
}) {
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">Dokumen</h2>
      <ErrorAlert error={error} />
      {!(error && rows === null) && (
        <DataTable
          caption="Dokumen"
          rows={rows}
          rowKey={(d) => d.id}
          empty="Belum ada dokumen."
          columns={[
            { header: 'Nomor', rowHeader: true, cell: (d) => d.number },
            {
              header: 'Judul',
              cell: (d) => (
                <>
                  {d.title}
                  {d.visibility !== 'PUBLIC' && <span className="badge">Terbatas</span>}
                  {d.correctionReason && <div className="muted">Perbaikan: {d.correctionReason}</div>}
                  {d.supersededBy && <div className="muted">Diganti oleh {d.supersededBy.number}</div>}
                </>
              ),
            },
            { header: 'Tanggal', cell: (d) => formatDate(d.date) },
            { header: 'Versi', cell: (d) => d.version },
            {
              header: 'Unduh',
              cell: (d) => (
                <>
                  <DocumentLink url={d.downloadUrl} number={d.number}>
                    Unduh <span className="visually-hidden">{d.number}</span>
                  </DocumentLink>
                  {canCorrect && !d.supersededBy && (
                    <>
                      {' · '}
                      <Link to={`/kelola/dokumen/${encodeURIComponent(d.id)}/koreksi`}>
                        Perbaiki <span className="visually-hidden">{d.number}</span>
                      </Link>
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function DecisionsSection({ process }: { process: SelectionProcessView }) {
  const zone = useContext(ZoneContext);
  if (!process.decisions) return null;
  const list = [...process.decisions].reverse();
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">Keputusan tercatat ({list.length})</h2>
      <DecisionTable
        rows={list}
        caption="Keputusan tercatat, terbaru dahulu"
        captionClassName="visually-hidden"
        kind={(d) => say(DECISION_KIND, d.kind)}
        zone={zone}
      />
    </section>
  );
}
