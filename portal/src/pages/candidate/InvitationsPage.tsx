/**
 * Route: /undangan (CANDIDATE). Invitations from the talent route to apply to an open selection (the
 * talent pool could not fill the post), newest first.
 * Main controls: per invitation an article named by the selection; link "Lamar jabatan <jabatan>" while
 * registration is open, or "Rincian seleksi".
 */
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { ErrorAlert, Loading, Page, formatDate, levelName, stageName } from '../../components/ui';
import { MY_INVITATIONS } from '../../queries/candidate';
import { OPEN_STAGES, ProvisionalNote, nodes } from '../public/shared';

export function InvitationsPage() {
  const { data, error, loading } = useQuery(MY_INVITATIONS);
  const list = nodes(data?.myInvitations);
  return (
    <Page title="Undangan">
      <p>
        Undangan untuk melamar pada seleksi terbuka, dikirim karena Anda termasuk kelompok talenta instansi dan jabatan
        tersebut diisi melalui seleksi terbuka.
      </p>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {data && list.length === 0 && <p>Anda belum menerima undangan.</p>}
      {list.map((inv) => {
        const s = inv.selection;
        const v = s?.vacancies.find((x) => x.id === inv.vacancyId);
        const open = s && OPEN_STAGES.includes(s.stage) && v?.status === 'OPEN';
        const headingId = `undangan-${inv.id}`;
        return (
          <article key={inv.id} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>{s?.title ?? 'Seleksi terbuka (sedang direncanakan)'}</h2>
            <dl className="details">
              <dt>Diundang pada</dt>
              <dd>{formatDate(inv.invitedAt, true, s?.timeZone)}</dd>
              <dt>Jabatan</dt>
              <dd>{v ? `${v.position}, ${v.unit} (${levelName(v.level)})` : '-'}</dd>
              <dt>Alasan</dt>
              <dd>{inv.reason}</dd>
              {s && (
                <>
                  <dt>Tahap seleksi</dt>
                  <dd>{stageName(s.stage)}</dd>
                  <dt>Pendaftaran ditutup</dt>
                  <dd>
                    {formatDate(s.registrationClosesAt, true, s.timeZone)}{' '}
                    <ProvisionalNote show={s.registrationProvisional} />
                  </dd>
                </>
              )}
            </dl>
            {!s ? (
              <p>Seleksi belum diumumkan. Anda akan dapat melamar setelah pendaftaran dibuka.</p>
            ) : (
              <p className="button-row">
                {open && v && (
                  <Link
                    to={`/lowongan/${encodeURIComponent(s.id)}/${encodeURIComponent(v.id)}`}
                    aria-label={`Lamar jabatan ${v.position}`}
                  >
                    Lamar
                  </Link>
                )}
                <Link to={`/seleksi/${encodeURIComponent(s.id)}`}>Rincian seleksi</Link>
              </p>
            )}
          </article>
        );
      })}
    </Page>
  );
}
