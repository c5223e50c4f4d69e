/**
 * Public account pages: setting a password with a one-time link, asking for a reset link, a candidate's
 * self-registration by NIP, and the return from sign-in with SSO (OpenID Connect).
 *
 * Routes and main controls:
 * - /atur-kata-sandi#<token> "Atur kata sandi": "Kata sandi baru", "Ulangi kata sandi baru", button
 *   "Simpan kata sandi". The token stays in the fragment (never sent to a server as part of the URL)
 *   and is taken out of the address bar once read.
 * - /lupa-kata-sandi "Lupa kata sandi": "Surel", button "Kirim tautan".
 * - /daftar "Daftar sebagai peserta": "NIP", "Tanggal lahir", "Nama lengkap", "Surel", "Kata sandi",
 *   "Ulangi kata sandi", button "Daftar".
 * - /masuk/sso: completes the sign-in with the URL the provider sent the browser back to.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, useMutation } from '../../api';
import { oidcReturnError, tokenFromFragment } from '../../accounts';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert } from '../../components/ui';
import {
  COMPLETE_OIDC_SIGN_IN,
  REGISTER_CANDIDATE,
  REQUEST_PASSWORD_RESET,
  SET_PASSWORD_WITH_LINK,
} from '../../queries/accounts';
import { ActionForm } from '../staff/common';

const mismatch = (field: string) => new ApiError('Kedua kata sandi tidak sama', 'VALIDATION_FAILED', field);

/** /atur-kata-sandi#token */
export function SetPasswordPage() {
  const { adoptSession } = useAuth();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<ApiError | null>(null);
  const m = useMutation(SET_PASSWORD_WITH_LINK, { idempotent: false });

  // The token is read once; the address bar, history and later screenshots no longer show it.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  if (!token) {
    return (
      <Page title="Atur kata sandi">
        <ErrorAlert error="Tautan tidak dikenal atau tidak lengkap. Buka tautan dari surel Anda apa adanya, atau minta tautan baru." />
        <p>
          <Link to="/lupa-kata-sandi">Minta tautan baru</Link>
        </p>
      </Page>
    );
  }

  const submit = async () => {
    setLocal(null);
    if (password !== confirm) return setLocal(mismatch('confirm'));
    const data = await m.run({ token, password });
    if (data) {
      adoptSession(data.setPasswordWithLink.token, data.setPasswordWithLink.user);
      navigate('/beranda-saya', { replace: true });
    }
  };
  const error = local ?? m.error;
  const linkBroken = error?.field === 'token';
  return (
    <Page title="Atur kata sandi">
      <p>Buat kata sandi untuk akun Anda. Tautan ini hanya dapat dipakai sekali.</p>
      {linkBroken && (
        <div role="alert" className="alert alert-error">
          {error.message} <Link to="/lupa-kata-sandi">Minta tautan baru</Link>
          {error.code === 'LINK_USED' && (
            <>
              {' '}
              atau <Link to="/masuk">masuk</Link> bila kata sandi sudah Anda buat.
            </>
          )}
        </div>
      )}
      <ActionForm label="Atur kata sandi" className="form narrow" onSubmit={() => void submit()}>
        <Field id="new-password" label="Kata sandi baru" hint="Minimal 10 karakter" apiField="password" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id="confirm-password" label="Ulangi kata sandi baru" apiField="confirm" error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <ErrorAlert error={error && !error.field ? error : null} />
        <Button type="submit" pending={m.pending}>
          Simpan kata sandi
        </Button>
      </ActionForm>
    </Page>
  );
}

/** /lupa-kata-sandi */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const m = useMutation(REQUEST_PASSWORD_RESET, { idempotent: false });
  const submit = async () => {
    setSent(null);
    if (await m.run({ email })) setSent(email.trim());
  };
  return (
    <Page title="Lupa kata sandi">
      <p>Masukkan surel akun Anda. Kami mengirim tautan untuk membuat kata sandi baru.</p>
      <ActionForm label="Minta tautan kata sandi" className="form narrow" onSubmit={() => void submit()}>
        <Field id="reset-email" label="Surel" apiField="email" error={m.error}>
          {(p) => (
            <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <ErrorAlert error={m.error && !m.error.field ? m.error : null} />
        {sent && (
          <SuccessAlert>
            Bila {sent} terdaftar sebagai akun aktif, tautan untuk membuat kata sandi baru telah dikirim ke alamat itu.
            Periksa kotak masuk Anda; tautan berlaku terbatas dan hanya sekali pakai.
          </SuccessAlert>
        )}
        <Button type="submit" pending={m.pending}>
          Kirim tautan
        </Button>
      </ActionForm>
      <p>
        <Link to="/masuk">Kembali ke halaman masuk</Link>
      </p>
    </Page>
  );
}

/** /daftar */
export function RegisterPage() {
  const [f, setF] = useState({ nip: '', birthDate: '', displayName: '', email: '', password: '', confirm: '' });
  const [local, setLocal] = useState<ApiError | null>(null);
  const m = useMutation(REGISTER_CANDIDATE, {
    idempotent: false,
  });
  const [result, setResult] = useState<{ status: string; message: string } | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async () => {
    setLocal(null);
    if (!f.birthDate)
      return setLocal(new ApiError('Tanggal lahir wajib diisi', 'VALIDATION_FAILED', 'input.birthDate'));
    if (f.password !== f.confirm) return setLocal(mismatch('confirm'));
    const data = await m.run({
      input: {
        nip: f.nip.replace(/\s+/g, ''),
        birthDate: f.birthDate,
        displayName: f.displayName.trim() || null,
        email: f.email,
        password: f.password,
      },
    });
    if (data) setResult(data.registerCandidate);
  };
  if (result) {
    return (
      <Page title="Daftar sebagai peserta">
        <SuccessAlert>
          <strong>{result.status === 'LINKED' ? 'Akun terhubung.' : 'Menunggu konfirmasi administrator.'}</strong>{' '}
          {result.message}
        </SuccessAlert>
        <p>
          <Link to="/masuk">Masuk</Link>
        </p>
      </Page>
    );
  }
  const e = local ?? m.error;
  return (
    <Page title="Daftar sebagai peserta">
      <p>
        Untuk Aparatur Sipil Negara. Akun Anda langsung terhubung dengan data ASN bila tanggal lahir dan surel sama
        dengan data kepegawaian Anda; bila tidak, administrator memeriksanya terlebih dahulu.
      </p>
      <ActionForm label="Pendaftaran akun peserta" className="form narrow" onSubmit={() => void submit()}>
        <Field id="reg-nip" label="NIP" hint="18 angka" apiField="input.nip" error={e}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={f.nip} onChange={set('nip')} />}
        </Field>
        <Field id="reg-birth" label="Tanggal lahir" apiField="input.birthDate" error={e}>
          {(p) => <input {...p} type="date" value={f.birthDate} onChange={set('birthDate')} />}
        </Field>
        <Field
          id="reg-name"
          label="Nama lengkap"
          hint="Boleh dikosongkan: nama diambil dari data ASN"
          apiField="input.displayName"
          error={e}
        >
          {(p) => <input {...p} autoComplete="name" value={f.displayName} onChange={set('displayName')} />}
        </Field>
        <Field id="reg-email" label="Surel" apiField="input.email" error={e}>
          {(p) => <input {...p} type="email" autoComplete="email" value={f.email} onChange={set('email')} />}
        </Field>
        <Field id="reg-password" label="Kata sandi" hint="Minimal 10 karakter" apiField="input.password" error={e}>
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={f.password} onChange={set('password')} />
          )}
        </Field>
        <Field id="reg-confirm" label="Ulangi kata sandi" apiField="confirm" error={e}>
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={f.confirm} onChange={set('confirm')} />
          )}
        </Field>
        <ErrorAlert error={e && !e.field ? e : null} />
        <Button type="submit" pending={m.pending}>
          Daftar
        </Button>
      </ActionForm>
      <p>
        Sudah punya akun? <Link to="/masuk">Masuk</Link>
      </p>
    </Page>
  );
}

/** /masuk/sso: the provider sends the browser back here with a code and state; the gateway checks both. */
export function OidcReturnPage() {
  const { adoptSession } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(() => oidcReturnError(window.location.search));
  const m = useMutation(COMPLETE_OIDC_SIGN_IN, { idempotent: false });
  const started = useRef(false);
  const { run } = m;
  useEffect(() => {
    // Once only (React's development double effects): the state is single use at the gateway.
    if (error || started.current) return;
    started.current = true;
    const callbackUrl = window.location.href;
    window.history.replaceState(window.history.state, '', window.location.pathname);
    void run({ callbackUrl }).then((data) => {
      if (!data) return;
      adoptSession(data.completeOidcSignIn.token, data.completeOidcSignIn.user);
      navigate('/beranda-saya', { replace: true });
    });
  }, [error, run, adoptSession, navigate]);
  useEffect(() => {
    if (m.error) setError(m.error.message);
  }, [m.error]);
  return (
    <Page title="Masuk dengan SSO">
      {error ? (
        <>
          <ErrorAlert error={error} />
          <p>
            <Link to="/masuk">Kembali ke halaman masuk</Link>
          </p>
        </>
      ) : (
        <Loading label="Memeriksa jawaban penyedia SSO…" />
      )}
    </Page>
  );
}
