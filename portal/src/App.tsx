/**
 * Layout and routing: the frame (components/Shell.tsx: header with the role's menu, breadcrumbs, footer)
 * around one route per page from the route lists of each user group. A page for other roles answers with a sign-in prompt.
 */
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { AuthProvider, ROLE_NAMES, useAuth } from './auth';
import { Shell } from './components/Shell';
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

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Shell routes={ALL_ROUTES}>
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
        </Shell>
      </BrowserRouter>
    </AuthProvider>
  );
}
