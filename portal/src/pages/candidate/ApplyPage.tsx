/**
 * Route: /lowongan/:selectionId/:vacancyId (CANDIDATE). The application form of one vacancy, with the
 * documents uploaded as PDF (each checked in the browser first: type, at most 2 MB, starting with
 * '%PDF-'); errors appear under the file they concern.
 * Main controls: file inputs "Surat lamaran (wajib)", "Daftar riwayat hidup (wajib)", "Surat pernyataan",
 * "SKP 2 tahun terakhir", "Tanda terima LHKPN", "Surat izin PPK instansi asal", "Dokumen pendukung
 * lainnya"; button "Kirim lamaran"; after success link "Lihat lamaran saya".
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, gqlUploadOrUnavailable, newIdempotencyKey, useQuery, withRetries } from '../../api';
import {
  Button,
  ErrorAlert,
  Field,
  Loading,
  Page,
  SuccessAlert,
  formatBytes,
  formatDate,
  levelName,
} from '../../components/ui';
import { APPLY_TARGET, APPLY_TO_VACANCY } from '../../queries/candidate';
import { MAX_UPLOAD_BYTES, OPEN_STAGES, ProvisionalNote, checkPdf, fieldError } from '../public/shared';

export const DOCUMENT_INPUTS = [
  { kind: 'APPLICATION_LETTER', label: 'Surat lamaran', required: true },
  { kind: 'CV', label: 'Daftar riwayat hidup', required: true },
  { kind: 'STATEMENT_LETTER', label: 'Surat pernyataan', required: false },
  { kind: 'SKP', label: 'SKP 2 tahun terakhir', required: false },
  { kind: 'LHKPN_RECEIPT', label: 'Tanda terima LHKPN', required: false },
  { kind: 'PERMISSION_LETTER', label: 'Surat izin PPK instansi asal', required: false },
  { kind: 'OTHER', label: 'Dokumen pendukung lainnya', required: false },
] as const;

type Kind = (typeof DOCUMENT_INPUTS)[number]['kind'];

/** The kind a gateway error names: 'documents.1.file' → the second document sent; 'documents.CV' → CV. */
function kindOfError(error: ApiError, sent: Kind[]): Kind | null {
  const m = /^documents\.([A-Z_]+|\d+)/.exec(error.field ?? '');
  if (!m) return null;
  const key = m[1]!;
  if (/^\d+$/.test(key)) return sent[Number(key)] ?? null;
  return DOCUMENT_INPUTS.some((d) => d.kind === key) ? (key as Kind) : null;
}

export function ApplyPage() {
  const { selectionId = '', vacancyId = '' } = useParams();
  const { data, error: loadError, loading } = useQuery(APPLY_TARGET, { id: selectionId });
  const [files, setFiles] = useState<Partial<Record<Kind, File>>>({});
  const [errors, setErrors] = useState<Partial<Record<Kind, ApiError>>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [applied, setApplied] = useState<{ id: string; receivedAt: string } | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  const applyKey = useRef<string | null>(null);

  if (loading) return <Loading />;
  const s = data?.selection;
  const v = s?.vacancies.find((x) => x.id === vacancyId);
  if (loadError || !s || !v) {
    return (
      <Page title="Lowongan tidak ditemukan">
        <ErrorAlert error={loadError} />
        <Link to="/lowongan">Kembali ke daftar lowongan</Link>
      </Page>
    );
  }
  const open = OPEN_STAGES.includes(s.stage) && v.status === 'OPEN';

  function focusFirst(kinds: Kind[]) {
    const first = DOCUMENT_INPUTS.find((d) => kinds.includes(d.kind));
    if (first) window.setTimeout(() => document.getElementById(`doc-${first.kind}`)?.focus(), 0);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const problems: Partial<Record<Kind, ApiError>> = {};
    for (const d of DOCUMENT_INPUTS) {
      const file = files[d.kind];
      if (!file) {
        if (d.required) problems[d.kind] = fieldError(`${d.label} wajib diunggah (PDF).`, `documents.${d.kind}`);
        continue;
      }
      const problem = await checkPdf(file);
      if (problem) problems[d.kind] = fieldError(problem, `documents.${d.kind}`);
    }
    setErrors(problems);
    const bad = Object.keys(problems) as Kind[];
    if (bad.length > 0) {
      setFormError(new ApiError('Periksa kembali dokumen yang ditandai.', 'VALIDATION_FAILED', null));
      return focusFirst(bad);
    }
    const sent = DOCUMENT_INPUTS.map((d) => d.kind).filter((k) => files[k]);
    // One key per application: resends (and a second press after no answer) apply once.
    const key = applyKey.current ?? newIdempotencyKey();
    applyKey.current = key;
    setPending(true);
    try {
      // The same request again while the server is busy, with the same key: one application per
      // candidate and vacancy, so a repeat cannot make a second one, and the files are not stored twice.
      const res = await withRetries(
        () =>
          gqlUploadOrUnavailable(
            APPLY_TO_VACANCY,
            { vacancyId, documents: sent.map((kind) => ({ kind, file: null })) },
            Object.fromEntries(sent.map((kind, i) => [`variables.documents.${i}.file`, files[kind]!])),
            { idempotencyKey: key },
          ),
        (attempt) => setRetrying(attempt),
      );
      applyKey.current = null;
      setApplied(res.applyToVacancy);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'UNAVAILABLE')) applyKey.current = null;
      const apiError =
        err instanceof ApiError ? err : new ApiError('Lamaran gagal dikirim; coba lagi', 'INTERNAL', null);
      const kind = kindOfError(apiError, sent);
      if (kind) {
        setErrors({ [kind]: new ApiError(apiError.message, apiError.code, `documents.${kind}`) });
        focusFirst([kind]);
      } else {
        setFormError(apiError);
      }
    } finally {
      setPending(false);
      setRetrying(null);
    }
  }

  return (
    <Page title={`Lamar jabatan ${v.position}`}>
      <dl className="details">
        <dt>Seleksi</dt>
        <dd>{s.title}</dd>
        <dt>Jabatan</dt>
        <dd>{v.position}</dd>
        <dt>Unit kerja</dt>
        <dd>{v.unit}</dd>
        <dt>Jenjang</dt>
        <dd>{levelName(v.level)}</dd>
        <dt>Pendaftaran ditutup</dt>
        <dd>
          {formatDate(s.registrationClosesAt, true, s.timeZone)} <ProvisionalNote show={s.registrationProvisional} />
        </dd>
      </dl>
      {s.announcement && (
        <p>
          Baca persyaratan pada <a href={s.announcement.downloadUrl}>pengumuman nomor {s.announcement.number} (PDF)</a>.
        </p>
      )}
      {applied ? (
        <SuccessAlert>
          Lamaran Anda untuk jabatan {v.position} telah diterima server pada{' '}
          {formatDate(applied.receivedAt, 'seconds', s.timeZone)}.{' '}
          <Link to={`/lamaran-saya/${encodeURIComponent(applied.id)}`}>Lihat lamaran saya</Link>
        </SuccessAlert>
      ) : !open ? (
        <p role="status">Pendaftaran untuk jabatan ini tidak sedang dibuka.</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <h2>Dokumen lamaran</h2>
          <p className="hint">
            Semua dokumen berformat PDF, masing-masing paling besar {MAX_UPLOAD_BYTES / 1024 / 1024} MB. Dokumen
            bertanda (wajib) harus diunggah.
          </p>
          <ErrorAlert error={formError} />
          {retrying !== null && (
            <p role="status">
              Server sedang sibuk menerima banyak lamaran. Lamaran Anda dikirim ulang otomatis (percobaan ke-
              {retrying + 1}); jangan tutup halaman ini.
            </p>
          )}
          {DOCUMENT_INPUTS.map((d) => {
            const file = files[d.kind];
            return (
              <Field
                key={d.kind}
                id={`doc-${d.kind}`}
                label={d.required ? `${d.label} (wajib)` : d.label}
                apiField={`documents.${d.kind}`}
                error={errors[d.kind] ?? null}
                hint={file ? `Dipilih: ${file.name} (${formatBytes(file.size)})` : 'PDF, paling besar 2 MB'}
              >
                {(p) => (
                  <input
                    {...p}
                    type="file"
                    accept="application/pdf,.pdf"
                    required={d.required}
                    aria-required={d.required}
                    onChange={(e) => {
                      const chosen = e.target.files?.[0];
                      setFiles((prev) => {
                        const next = { ...prev };
                        if (chosen) next[d.kind] = chosen;
                        else delete next[d.kind];
                        return next;
                      });
                      setErrors((prev) => {
                        const next = { ...prev };
                        delete next[d.kind];
                        return next;
                      });
                    }}
                  />
                )}
              </Field>
            );
          })}
          <div className="button-row">
            <Button type="submit" pending={pending}>
              Kirim lamaran
            </Button>
          </div>
        </form>
      )}
    </Page>
  );
}
