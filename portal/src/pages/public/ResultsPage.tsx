/**
 * Route: /seleksi/:id/hasil (public). Final result of a selection. The public API exposes the 3 names per
 * vacancy only inside the public documents (Pengumuman Hasil Akhir), so this page lists those documents
 * with download and verification links, and the administrative (MS/TMS) result announcements.
 * Main controls: per document "Unduh … (PDF)" and "Verifikasi dokumen nomor …"; link "Rincian seleksi".
 */
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '../../api';
import { ErrorAlert, Loading, Page, stageName } from '../../components/ui';
import { SELECTION_DETAIL, VERIFY_AUDIT } from '../../queries/public';
import { DocumentTable, VacancyTable, type DocumentRow, SelectionNotFound } from './shared';

/**
 * The round's decision chain as published with its result: the head printed on the final announcement and the
 * chain recomputed now, so anyone can see that no decision before the announcement was changed since.
 */
function AuditChainSection({ selectionId, printed }: { selectionId: string; printed: DocumentRow | undefined }) {
  const { data, error, loading } = useQuery(VERIFY_AUDIT, { id: selectionId });
  const v = data?.verifyAudit;
  return (
    <section aria-labelledby="audit-chain">
      <h2 id="audit-chain">Rantai catatan keputusan</h2>
      <p>
        Setiap keputusan seleksi ini dicatat berantai: sidik tiap catatan mencakup catatan sebelumnya, sehingga
        perubahan, penghapusan atau sisipan catatan terlihat.
      </p>
      {printed?.auditChainHead && (
        <p>
          Tercetak pada pengumuman hasil akhir Nomor {printed.number}: tautan ke-{printed.auditChainHead.seq},{' '}
          <span className="hash">{printed.auditChainHead.hash}</span>.
        </p>
      )}
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {v && (
        <p role="status">
          {v.ok
            ? `Diperiksa sekarang: utuh, ${v.length} catatan.`
            : `Diperiksa sekarang: rantai rusak. ${v.firstBroken?.message ?? ''}`}{' '}
          {v.head && (
            <>
              Tautan terakhir: ke-{v.head.seq}, <span className="hash">{v.head.hash}</span>.
            </>
          )}{' '}
          Keaslian tautan yang tercetak pada dokumen diperiksa di halaman verifikasi dokumen.
        </p>
      )}
    </section>
  );
}

const FINAL_KINDS = ['FINAL_RESULT_ANNOUNCEMENT'];
const ADMIN_KINDS = ['ADMINISTRATIVE_RESULT_ANNOUNCEMENT'];
const OTHER_RESULT_KINDS = ['VACANCY_CANCELLATION', 'APPOINTMENT_DECREE', 'INAUGURATION_MINUTES'];

export function ResultsPage() {
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(SELECTION_DETAIL, { id });
  if (loading) return <Loading />;
  if (error || !data?.selection) {
    return <SelectionNotFound title="Hasil seleksi tidak ditemukan" error={error} />;
  }
  const s = data.selection;
  const of = (kinds: string[]) =>
    data.selectionDocuments.edges.map((e) => e.node).filter((d) => kinds.includes(d.kind) && !d.supersededBy);
  const finals = of(FINAL_KINDS);
  const admins = of(ADMIN_KINDS);
  const others = of(OTHER_RESULT_KINDS);
  return (
    <Page title={`Hasil seleksi: ${s.title}`}>
      <p>
        Tahap saat ini: <strong>{stageName(s.stage)}</strong>.{' '}
        <Link to={`/seleksi/${encodeURIComponent(s.id)}`}>Rincian seleksi</Link>
      </p>

      <h2>Hasil akhir</h2>
      {finals.length === 0 ? (
        <p>Hasil akhir seleksi ini belum diumumkan.</p>
      ) : (
        <>
          <p>
            Tiga nama terbaik untuk setiap jabatan ditetapkan dalam sidang pleno panitia seleksi dan tercantum dalam
            pengumuman hasil akhir berikut. Keaslian pengumuman dapat diperiksa melalui tautan verifikasi.
          </p>
          <DocumentTable documents={finals} caption="Pengumuman hasil akhir" />
        </>
      )}
      <VacancyTable vacancies={s.vacancies} caption="Jabatan yang diseleksi" />

      <AuditChainSection selectionId={s.id} printed={finals[0]} />

      <h2>Hasil seleksi administrasi</h2>
      {admins.length === 0 ? (
        <p>Hasil seleksi administrasi belum diumumkan.</p>
      ) : (
        <DocumentTable documents={admins} caption="Pengumuman hasil seleksi administrasi (MS/TMS)" />
      )}

      {others.length > 0 && (
        <>
          <h2>Keputusan lainnya</h2>
          <DocumentTable documents={others} caption="Pembatalan, pengangkatan dan pelantikan" />
        </>
      )}
    </Page>
  );
}
