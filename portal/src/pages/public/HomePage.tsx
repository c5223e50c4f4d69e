import { Link } from 'react-router-dom';
import { Page } from '../../components/ui';

/** Placeholder landing page; the public-pages work replaces it with the open announcements. */
export function HomePage() {
  return (
    <Page title="Seleksi Jabatan Pimpinan Tinggi">
      <p>Pengumuman seleksi terbuka, hasil seleksi dan verifikasi dokumen resmi.</p>
      <p>
        <a href="/verifikasi">Verifikasi dokumen</a> · <Link to="/masuk">Masuk</Link>
      </p>
    </Page>
  );
}
