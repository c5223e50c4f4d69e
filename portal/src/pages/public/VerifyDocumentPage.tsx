/**
 * Route: /verifikasi-dokumen (public; ?kode=… prefills the code). Checks an issued document by its
 * verification code, by the PDF itself, or both, and shows status, message, number, title, date, issuer,
 * selection and the electronic (PAdES) signature: its state, signer, certificate issuer and validity. Links to the gateway's no-JavaScript page /verifikasi/<kode> (the QR codes' target).
 * Main controls: "Kode verifikasi" (text), "Berkas PDF dokumen" (file), button "Periksa dokumen".
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, gql, gqlUpload } from '../../api';
import { Button, ErrorAlert, Field, Page, documentKindName, formatDate } from '../../components/ui';
import { VERIFY_DOCUMENT } from '../../queries/public';
import { checkPdf, fieldError } from './shared';
import type { ResultOf } from '../../graphql';

/** As the gateway allows (MAX_VERIFY_FILE_BYTES): official documents with attachments can be long. */
const MAX_VERIFY_BYTES = 10 * 1024 * 1024;

type Verification = NonNullable<ResultOf<typeof VERIFY_DOCUMENT>['verifyDocument']>;

const STATUS_TEXT: Record<Verification['status'], string> = {
  UNSIGNED_LEGACY: 'Tercatat, tanpa tanda tangan elektronik',
  VALID: 'Sah dan berlaku',
  SUPERSEDED: 'Sah, tetapi telah diganti dengan perbaikan',
  FILE_MISMATCH: 'Berkas tidak sama dengan dokumen yang diterbitkan',
  NOT_FOUND: 'Dokumen tidak ditemukan',
  SIGNATURE_INVALID: 'Tanda tangan elektronik tidak sah',
};

export function VerifyDocumentPage() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('kode') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    const trimmed = code.trim();
    if (!trimmed && !file) {
      setError(fieldError('Isi kode verifikasi atau pilih berkas PDF dokumen.', 'code'));
      return;
    }
    if (file) {
      const problem = await checkPdf(file, MAX_VERIFY_BYTES);
      if (problem) {
        setError(fieldError(problem, 'file'));
        return;
      }
    }
    setPending(true);
    try {
      const variables = { code: trimmed || null, file: null };
      const data = file
        ? await gqlUpload(VERIFY_DOCUMENT, variables, { 'variables.file': file })
        : await gql(VERIFY_DOCUMENT, variables);
      setResult(data.verifyDocument);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('Verifikasi gagal; coba lagi', 'INTERNAL', null));
    } finally {
      setPending(false);
    }
  }

  const noJsHref = code.trim() ? `/verifikasi/${encodeURIComponent(code.trim())}` : '/verifikasi';
  const d = result?.document;
  const ok = result?.status === 'VALID';

  return (
    <Page title="Verifikasi dokumen">
      <p>
        Periksa keaslian dokumen resmi seleksi dengan kode verifikasi yang tercetak pada dokumen, dengan mengunggah
        berkas PDF-nya, atau keduanya (berkas harus sama persis dengan dokumen kode tersebut).
      </p>
      <form onSubmit={(e) => void submit(e)} className="form" noValidate>
        {error && !['code', 'file'].includes(error.field ?? '') && <ErrorAlert error={error} />}
        <Field
          id="verify-code"
          label="Kode verifikasi"
          apiField="code"
          error={error}
          hint="Tercetak di bawah kode QR pada dokumen."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="verify-file"
          label="Berkas PDF dokumen"
          apiField="file"
          error={error}
          hint="Opsional. Format PDF, paling besar 10 MB."
        >
          {(p) => (
            <input
              {...p}
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <div className="button-row">
          <Button type="submit" pending={pending}>
            Periksa dokumen
          </Button>
        </div>
      </form>
      <p>
        Tanpa JavaScript atau dari kode QR: <a href={noJsHref}>halaman verifikasi sederhana</a>.
      </p>

      <div role="status" aria-live="polite">
        {result && (
          <section aria-labelledby="verify-result" className={`card alert ${ok ? 'alert-ok' : 'alert-error'}`}>
            <h2 id="verify-result">Hasil verifikasi: {STATUS_TEXT[result.status]}</h2>
            <p>{result.message}</p>
            {d && (
              <dl className="details">
                <dt>Nomor dokumen</dt>
                <dd>{d.number}</dd>
                <dt>Judul</dt>
                <dd>{d.title || documentKindName(d.kind)}</dd>
                <dt>Jenis</dt>
                <dd>{documentKindName(d.kind)}</dd>
                <dt>Tanggal dokumen</dt>
                <dd>{formatDate(d.date)}</dd>
                <dt>Diterbitkan</dt>
                <dd>{formatDate(d.issuedAt, true)}</dd>
                <dt>Penerbit</dt>
                <dd>
                  {d.issuedBy.agencyName}; ditandatangani {d.issuedBy.signatoryName} ({d.issuedBy.signatoryTitle})
                </dd>
                <dt>Seleksi</dt>
                <dd>{d.selectionTitle ?? '-'}</dd>
                <dt>Versi</dt>
                <dd>{d.version === 1 ? 'Asli' : `Perbaikan ke-${d.version - 1}`}</dd>
                {d.auditChainHead && (
                  <>
                    <dt>Rantai catatan keputusan</dt>
                    <dd className="hash">
                      tautan ke-{d.auditChainHead.seq}, {d.auditChainHead.hash}
                    </dd>
                  </>
                )}
                {result.auditChainMessage && (
                  <>
                    <dt>Pemeriksaan rantai</dt>
                    <dd>{result.auditChainMessage}</dd>
                  </>
                )}
              </dl>
            )}
            {result.status === 'SUPERSEDED' && result.latest && (
              <p>
                Versi yang berlaku: nomor {result.latest.number} tanggal {formatDate(result.latest.date)} —{' '}
                <a href={result.latest.downloadUrl}>Unduh versi yang berlaku (PDF)</a>
              </p>
            )}
            {result.signature && (
              <dl className="details" aria-label="Tanda tangan elektronik">
                <dt>Tanda tangan elektronik</dt>
                <dd>{result.signature.message}</dd>
                {result.signature.signer && (
                  <>
                    <dt>Penanda tangan (sertifikat)</dt>
                    <dd>{result.signature.signerSubject ?? result.signature.signer}</dd>
                  </>
                )}
                {result.signature.issuer && (
                  <>
                    <dt>Penerbit sertifikat</dt>
                    <dd>{result.signature.issuer}</dd>
                  </>
                )}
                {result.signature.validFrom && result.signature.validTo && (
                  <>
                    <dt>Masa berlaku sertifikat</dt>
                    <dd>
                      {formatDate(result.signature.validFrom, true)} s.d. {formatDate(result.signature.validTo, true)}
                    </dd>
                  </>
                )}
                {result.signature.signedAt && (
                  <>
                    <dt>Ditandatangani pada</dt>
                    <dd>{formatDate(result.signature.signedAt, true)}</dd>
                  </>
                )}
              </dl>
            )}
            {result.fileSha256 && <p className="muted">Sidik SHA-256 berkas: {result.fileSha256}</p>}
          </section>
        )}
      </div>
    </Page>
  );
}
