import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Page } from '../../components/ui';

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
    </Page>
  );
}
