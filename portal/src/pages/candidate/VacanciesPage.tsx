/**
 * Route: /lowongan (CANDIDATE). Vacancies of the selections whose registration is open, each with a link
 * to the application form; vacancies already applied to are marked.
 * Main controls: per selection an article named by its title; per vacancy link "Lamar jabatan <jabatan>";
 * link "Unduh pengumuman (PDF)".
 */
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { ErrorAlert, Loading, Page, applicationStatusName, formatDate } from '../../components/ui';
import { MY_APPLICATIONS, OPEN_VACANCIES } from '../../queries/candidate';
import { ProvisionalNote, VacancyTable, agencyOf, nodes } from '../public/shared';

export function VacanciesPage() {
  const { data, error, loading } = useQuery(OPEN_VACANCIES);
  const mine = useQuery(MY_APPLICATIONS);
  const applied = new Map(nodes(mine.data?.myApplications).map((a) => [a.vacancy?.id ?? '', a]));
  const selections = data ? [...nodes(data.open), ...nodes(data.extended)] : [];
  return (
    <Page title="Lowongan">
      <p>Jabatan yang sedang membuka pendaftaran. Pilih jabatan untuk mengisi formulir lamaran.</p>
      {(loading || mine.loading) && <Loading />}
      <ErrorAlert error={error ?? mine.error} />
      {data && selections.length === 0 && <p>Saat ini belum ada lowongan yang membuka pendaftaran.</p>}
      {selections.map((s) => (
        <article key={s.id} className="card" aria-labelledby={`lowongan-${s.id}`}>
          <h2 id={`lowongan-${s.id}`}>{s.title}</h2>
          <dl className="details">
            <dt>Instansi</dt>
            <dd>{agencyOf(s)}</dd>
            <dt>Pendaftaran ditutup</dt>
            <dd>
              {formatDate(s.registrationClosesAt, true, s.timeZone)}{' '}
              <ProvisionalNote show={s.registrationProvisional} />
            </dd>
          </dl>
          <VacancyTable
            vacancies={s.vacancies}
            caption={`Lowongan jabatan pada ${s.title}`}
            action={(v) => {
              const a = applied.get(v.id);
              if (a) {
                return (
                  <>
                    <span>Sudah dilamar: {applicationStatusName(a.status)}. </span>
                    <Link
                      to={`/lamaran-saya/${encodeURIComponent(a.id)}`}
                      aria-label={`Lihat lamaran jabatan ${v.position}`}
                    >
                      Lihat lamaran
                    </Link>
                  </>
                );
              }
              if (v.status !== 'OPEN') return <span className="muted">Tidak menerima lamaran</span>;
              return (
                <Link
                  to={`/lowongan/${encodeURIComponent(s.id)}/${encodeURIComponent(v.id)}`}
                  aria-label={`Lamar jabatan ${v.position}`}
                >
                  Lamar
                </Link>
              );
            }}
          />
          {s.announcement && (
            <p>
              <a href={s.announcement.downloadUrl}>Unduh pengumuman (PDF)</a>
            </p>
          )}
        </article>
      ))}
    </Page>
  );
}
