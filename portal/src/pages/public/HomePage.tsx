/**
 * Route: / (public). Open announcements: every selection whose registration is open or extended, with
 * its agency, vacancies (level, position, unit), closing date, the announcement PDF and its detail page.
 * Main controls: per selection an article named by its title, links "Unduh pengumuman (PDF)" and
 * "Rincian seleksi"; links "Semua seleksi dan hasil" and "Verifikasi dokumen".
 */
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { ErrorAlert, Loading, Page, formatDate, stageName } from '../../components/ui';
import { OPEN_SELECTIONS } from '../../queries/public';
import { VacancyTable, agencyOf, nodes, type SelectionCard, ProvisionalNote } from './shared';

export function SelectionSummary({ s, headingLevel = 3 }: { s: SelectionCard; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `seleksi-${s.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>{s.title}</Heading>
      <dl className="details">
        <dt>Instansi</dt>
        <dd>{agencyOf(s)}</dd>
        <dt>Tahap</dt>
        <dd>{stageName(s.stage)}</dd>
        <dt>Pendaftaran ditutup</dt>
        <dd>
          {formatDate(s.registrationClosesAt, true, s.timeZone)} <ProvisionalNote show={s.registrationProvisional} />
        </dd>
        {s.announcement && (
          <>
            <dt>Nomor pengumuman</dt>
            <dd>{s.announcement.number}</dd>
          </>
        )}
      </dl>
      {s.simulation && <p className="muted">Seleksi simulasi (latihan): hari berjalan dalam hitungan detik.</p>}
      <VacancyTable vacancies={s.vacancies} caption={`Lowongan jabatan pada ${s.title}`} />
      <p className="button-row">
        {s.announcement && <a href={s.announcement.downloadUrl}>Unduh pengumuman (PDF)</a>}
        <Link to={`/seleksi/${encodeURIComponent(s.id)}`}>Rincian seleksi</Link>
      </p>
    </article>
  );
}

export function HomePage() {
  const { data, error, loading } = useQuery(OPEN_SELECTIONS);
  const selections = data ? [...nodes(data.open), ...nodes(data.extended)] : [];
  return (
    <Page title="Seleksi Jabatan Pimpinan Tinggi">
      <p>
        Pengumuman seleksi terbuka Jabatan Pimpinan Tinggi, hasil seleksi dan verifikasi dokumen resmi. Semua tahapan
        seleksi diumumkan secara terbuka.
      </p>
      <p className="button-row">
        <Link to="/seleksi">Semua seleksi dan hasil</Link>
        <Link to="/verifikasi-dokumen">Verifikasi dokumen</Link>
      </p>
      <h2>Pengumuman seleksi terbuka</h2>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {data && selections.length === 0 && <p>Saat ini belum ada seleksi yang membuka pendaftaran.</p>}
      {selections.map((s) => (
        <SelectionSummary key={s.id} s={s} />
      ))}
    </Page>
  );
}
