/**
 * Route: /seleksi/:id (public). One selection: the stage stepper (every stage of the route, the current
 * one with who must act and the working days left), dates and deadlines in the agency's zone, the
 * vacancies, the stage history with the expected next step, and its public documents; the page reloads
 * when the selection enters a new stage (selectionStageChanged over SSE).
 * Main controls: links "Unduh pengumuman (PDF)", "Hasil akhir seleksi", per vacancy "Lamar jabatan
 * <jabatan>" (while registration is open), per document "Unduh … (PDF)" and "Verifikasi dokumen nomor …".
 */
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { StageStepper } from '../../components/StageStepper';
import { ReannouncementLinks } from '../../components/Reannouncement';
import { Loading, Page, formatDate, stageName } from '../../components/ui';
import { SELECTION_DETAIL, SELECTION_STAGE_CHANGED } from '../../queries/public';
import { useSubscription } from '../candidate/live';
import { DocumentTable, OPEN_STAGES, VacancyTable, agencyOf, ProvisionalNote, SelectionNotFound } from './shared';

export function SelectionDetailPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { data, error, loading, reload } = useQuery(SELECTION_DETAIL, { id });
  // The stage shown follows the running selection (public events, no sign-in needed).
  useSubscription(SELECTION_STAGE_CHANGED, { selectionId: id }, reload, !id);
  if (loading && !data) return <Loading />;
  if (error || !data?.selection) {
    return <SelectionNotFound title="Seleksi tidak ditemukan" error={error} />;
  }
  const s = data.selection;
  const open = OPEN_STAGES.includes(s.stage);
  const history = [...s.stageHistory].sort((a, b) => a.at.localeCompare(b.at));
  const next = history.at(-1)?.expectedNextAt ?? null;
  const inForce = data.selectionDocuments.edges.map((e) => e.node).filter((d) => !d.supersededBy);
  const replaced = data.selectionDocuments.edges.map((e) => e.node).filter((d) => d.supersededBy);
  const canApply = open && user?.role === 'CANDIDATE';
  const at = (v: string | null | undefined) => formatDate(v, true, s.timeZone);
  return (
    <Page title={s.title}>
      <dl className="details">
        <dt>Instansi</dt>
        <dd>{agencyOf(s)}</dd>
        <dt>Tahap saat ini</dt>
        <dd>{stageName(s.stage)}</dd>
        <dt>Tanggal pengumuman</dt>
        <dd>{formatDate(s.announcementDate)}</dd>
        <dt>Pendaftaran ditutup</dt>
        <dd>
          {at(s.registrationClosesAt)} <ProvisionalNote show={s.registrationProvisional} />
        </dd>
        {next && (
          <>
            <dt>Langkah berikutnya diperkirakan</dt>
            <dd>{at(next)}</dd>
          </>
        )}
        <dt>Zona waktu</dt>
        <dd>{s.timeZone}</dd>
      </dl>
      <StageStepper route={s.route} zone={s.timeZone} />
      <ReannouncementLinks s={s} href={(id) => `/seleksi/${encodeURIComponent(id)}`} />
      {s.simulation && <p className="muted">Seleksi simulasi (latihan): hari berjalan dalam hitungan detik.</p>}
      <p className="button-row">
        {s.announcement && <a href={s.announcement.downloadUrl}>Unduh pengumuman (PDF)</a>}
        <Link to={`/seleksi/${encodeURIComponent(s.id)}/hasil`}>Hasil akhir seleksi</Link>
      </p>
      {open && !user && (
        <p>
          Untuk melamar, <Link to="/masuk">masuk</Link> dengan akun peserta.
        </p>
      )}

      <h2>Lowongan jabatan</h2>
      <VacancyTable
        vacancies={s.vacancies}
        caption={`Lowongan jabatan pada ${s.title}`}
        action={
          canApply
            ? (v) =>
                v.status === 'OPEN' ? (
                  <Link
                    to={`/lowongan/${encodeURIComponent(s.id)}/${encodeURIComponent(v.id)}`}
                    aria-label={`Lamar jabatan ${v.position}`}
                  >
                    Lamar
                  </Link>
                ) : (
                  <span className="muted">Tidak menerima lamaran</span>
                )
            : undefined
        }
      />

      <h2>Riwayat tahapan</h2>
      {history.length === 0 ? (
        <p>Belum ada tahapan yang tercatat.</p>
      ) : (
        <ol className="timeline">
          {history.map((e, i) => (
            <li key={`${e.reasonCode}-${e.at}-${i}`}>
              {/* What happened first; the stage it happened in after it (a stage name read as a state contradicted the event). */}
              <strong>{e.reasonText}</strong> <span className="muted">(tahap {stageName(e.stage)})</span>
              <div className="muted">{at(e.at)}</div>
              {e.expectedNextAt && <div>Langkah berikutnya diperkirakan pada {at(e.expectedNextAt)}</div>}
            </li>
          ))}
        </ol>
      )}

      <h2>Dokumen publik</h2>
      <DocumentTable documents={inForce} caption="Dokumen yang berlaku" />
      {replaced.length > 0 && (
        <>
          <h3>Versi yang telah diganti</h3>
          <DocumentTable documents={replaced} caption="Dokumen yang telah diganti dengan perbaikan" />
        </>
      )}
    </Page>
  );
}
