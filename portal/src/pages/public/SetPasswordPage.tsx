/**
 * /atur-kata-sandi#<token>: the page an invitation or password-reset mail links to. The token is in
 * the fragment (never sent to a server log); the person chooses a password twice and is signed in.
 * Main controls: "Kata sandi baru", "Ulangi kata sandi", button "Simpan kata sandi".
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Page } from '../../components/ui';

export function SetPasswordPage() {
  const { setPasswordWithLink } = useAuth();
  const navigate = useNavigate();
  const [token] = useState(() => window.location.hash.replace(/^#/, '').trim());
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) {
      return setError(new ApiError('Kedua kata sandi tidak sama', 'VALIDATION_FAILED', 'repeat'));
    }
    setPending(true);
    setError(null);
    try {
      await setPasswordWithLink(token, password);
      // The token is spent: keep it out of the history.
      window.history.replaceState(null, '', window.location.pathname);
      navigate('/beranda-saya');
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('Gagal menyimpan kata sandi', 'INTERNAL', null));
    } finally {
      setPending(false);
    }
  }

  if (!token) {
    return (
      <Page title="Atur kata sandi">
        <ErrorAlert error="Tautan tidak lengkap. Bukalah tautan dari surel undangan atau pemulihan kata sandi Anda." />
      </Page>
    );
  }
  return (
    <Page title="Atur kata sandi">
      <p>Pilih kata sandi untuk akun Anda (minimal 10 karakter). Tautan ini hanya dapat dipakai sekali.</p>
      <form onSubmit={(e) => void submit(e)} className="form narrow" aria-label="Atur kata sandi" noValidate>
        <ErrorAlert error={error && error.field !== 'password' && error.field !== 'repeat' ? error : null} />
        <Field id="new-password" label="Kata sandi baru" apiField="password" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id="repeat-password" label="Ulangi kata sandi" apiField="repeat" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" pending={pending}>
          Simpan kata sandi
        </Button>
      </form>
    </Page>
  );
}
