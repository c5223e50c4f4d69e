/**
 * Layout and routing: a skip link, a header whose menu follows the signed-in role, and one route per
 * page from the route lists of each user group. A page for other roles answers with a sign-in prompt.
 */
import { BrowserRouter, Link, NavLink, Route, Routes, useNavigate } from 'react-router-dom';
import { AuthProvider, ROLE_NAMES, useAuth } from './auth';
import { Loading, Page } from './components/ui';
import { candidateRoutes } from './routes/candidate';
import { publicRoutes } from './routes/public';
import { staffRoutes } from './routes/staff';
import type { PortalRoute } from './routes/types';
import { MyHomePage } from './pages/MyHomePage';

const ALL_ROUTES: PortalRoute[] = [
  ...publicRoutes,
  {
    path: '/beranda-saya',
    element: <MyHomePage />,
    menu: 'Beranda saya',
    roles: ['CANDIDATE', 'PANSEL_MEMBER', 'PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN', 'AGENCY_ADMIN'],
  },
  ...candidateRoutes,
  ...staffRoutes,
];

function Guard({ route }: { route: PortalRoute }) {
  const { user, ready } = useAuth();
  if (!route.roles) return <>{route.element}</>;
  if (!ready) return <Loading />;
  if (!user) {
    return (
      <Page title="Silakan masuk">
        <p>
          Halaman ini memerlukan akun. <Link to="/masuk">Masuk</Link>
        </p>
      </Page>
    );
  }
  if (!route.roles.includes(user.role)) {
    return (
      <Page title="Tidak berwenang">
        <p>Halaman ini tidak tersedia untuk peran {ROLE_NAMES[user.role]}.</p>
      </Page>
    );
  }
  return <>{route.element}</>;
}

function Header() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const menu = ALL_ROUTES.filter((r) => r.menu && (!r.roles || (user && r.roles.includes(user.role))));
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Langsung ke isi
      </a>
      <div className="brand">
        <Link to="/">Seleksi JPT</Link>
      </div>
      <nav aria-label="Menu utama">
        <ul>
          {menu.map((r) => (
            <li key={r.path}>
              <NavLink to={r.path} end>
                {r.menu}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/verifikasi-dokumen">Verifikasi dokumen</NavLink>
          </li>
        </ul>
      </nav>
      <div className="session">
        {user ? (
          <>
            <span>
              {user.displayName} <span className="muted">({ROLE_NAMES[user.role]})</span>
            </span>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void signOut().then(() => navigate('/'))}
            >
              Keluar
            </button>
          </>
        ) : (
          <Link to="/masuk">Masuk</Link>
        )}
      </div>
    </header>
  );
}

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Header />
        <main id="main" tabIndex={-1}>
          <Routes>
            {ALL_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<Guard route={r} />} />
            ))}
            <Route
              path="*"
              element={
                <Page title="Halaman tidak ditemukan">
                  <Link to="/">Kembali ke beranda</Link>
                </Page>
              }
            />
          </Routes>
        </main>
      </BrowserRouter>
    </AuthProvider>
  );
}
