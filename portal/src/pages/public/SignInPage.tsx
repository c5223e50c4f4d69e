import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, useMutation, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Page } from '../../components/ui';
import { OIDC_PROVIDER, START_OIDC_SIGN_IN } from '../../queries/accounts';

/** "Masuk dengan SSO" when the gateway has an OpenID provider configured; the provider returns to /masuk/sso. */
function SsoSignIn() {
  const q = useQuery(OIDC_PROVIDER);
  const start = useMutation(START_OIDC_SIGN_IN, { idempotent: false });
  if (!q.data?.oidcProvider.enabled) return null;
  const go = async () => {
    const data = await start.run({});
    if (data) window.location.assign(data.startOidcSignIn.url);
  };
  return (
    <div className="form narrow">
      <p>atau</p>
      <ErrorAlert error={start.error} />
      <Button type="button" kind="secondary" pending={start.pending} onClick={() => void go()}>
        Masuk dengan {q.data.oidcProvider.label}
      </Button>
    </div>
  );
}

export function SignInPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(email, password);
      navigate('/beranda-saya');
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('Gagal masuk', 'INTERNAL', null));
    } finally {
      setPending(false);
    }
  }

  return (
    <Page title="Masuk">
      <form onSubmit={(e) => void submit(e)} className="form narrow" noValidate>
        <ErrorAlert error={error} />
        <Field id="email" label="Surel" apiField="email" error={error}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="password" label="Kata sandi" apiField="password" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" pending={pending}>
          Masuk
        </Button>
      </form>
      <SsoSignIn />
      <ul className="link-list">
        <li>
          <Link to="/lupa-kata-sandi">Lupa kata sandi?</Link>
        </li>
        <li>
          <Link to="/daftar">Daftar sebagai peserta (ASN)</Link>
        </li>
      </ul>
    </Page>
  );
}
