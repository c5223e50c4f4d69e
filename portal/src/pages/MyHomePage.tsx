import { Link } from 'react-router-dom';
import { ROLE_NAMES, useAuth } from '../auth';
import { Page } from '../components/ui';
import { candidateRoutes } from '../routes/candidate';
import { staffRoutes } from '../routes/staff';

/** After sign-in: what this role can do, as links. */
export function MyHomePage() {
  const { user } = useAuth();
  if (!user) return null;
  const mine = [...candidateRoutes, ...staffRoutes].filter((r) => r.menu && r.roles?.includes(user.role));
  return (
    <Page title={`Selamat datang, ${user.displayName}`}>
      <p>Anda masuk sebagai {ROLE_NAMES[user.role]}.</p>
      <ul className="link-list">
        {mine.map((r) => (
          <li key={r.path}>
            <Link to={r.path}>{r.menu}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
