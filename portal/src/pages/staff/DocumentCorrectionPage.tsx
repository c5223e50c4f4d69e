/**
 * Issues a corrected version of a document (correctDocument): the text it was issued with is loaded
 * (document(id){content}), the user changes parts of it and gives a reason; only changed parts are sent.
 *
 * Route: /kelola/dokumen/:id/koreksi (PANSEL_SECRETARY, PPK).
 * Main controls: "Judul dokumen", "Perihal", "Paragraf (satu per baris)", "Persyaratan (satu per baris)"
 * (announcements), "Menimbang", "Mengingat", "Memutuskan" (decrees), "Kepada (satu per baris)", "Lampiran",
 * "Penutup", "Tembusan", "Tanggal dokumen", "Alasan perbaikan"; button "Terbitkan perbaikan"; after
 * success a status with the new number and link "Unduh perbaikan".
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '../../api';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatDate } from '../../components/ui';
import { CORRECT_DOCUMENT, DOCUMENT_FOR_CORRECTION } from '../../queries/staff';
import { ActionForm, DocumentLink, useAction } from './common';
import type { ResultOf } from '../../graphql';

type Corrected = ResultOf<typeof CORRECT_DOCUMENT>;

const LIST_FIELDS = [
  ['paragraphs', 'Paragraf (satu per baris)'],
  ['requirements', 'Persyaratan (satu per baris)'],
  ['recipient', 'Kepada (satu per baris)'],
  ['attachments', 'Lampiran (satu per baris)'],
  ['closing', 'Penutup (satu per baris)'],
  ['copies', 'Tembusan (satu per baris)'],
] as const;

const DECREE_FIELDS = [
  ['considering', 'Menimbang (satu per baris)'],
  ['legalBasis', 'Mengingat (satu per baris)'],
  ['decisions', 'Memutuskan (satu diktum per baris)'],
] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function DocumentCorrectionPage() {
  const { id = '' } = useParams();
  const q = useQuery(DOCUMENT_FOR_CORRECTION, { id });
  const doc = q.data?.document ?? null;
  const [text, setText] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Corrected['correctDocument'] | null>(null);
  const a = useAction(CORRECT_DOCUMENT, (d) => setResult(d.correctDocument));

  const content = doc?.content ?? null;
  useEffect(() => {
    if (!content) return;
    setTitle(content.title);
    setSubject(content.subject ?? '');
    setDate('');
    const t: Record<string, string> = {};
    for (const [k] of LIST_FIELDS) t[k] = content[k].join('\n');
    for (const [k] of DECREE_FIELDS) t[k] = content.decree ? content.decree[k].join('\n') : '';
    setText(t);
  }, [content]);

  if (!doc) {
    return (
      <Page title="Perbaikan dokumen">
        {q.loading ? <Loading /> : <ErrorAlert error={q.error ?? 'Dokumen tidak ditemukan'} />}
      </Page>
    );
  }

  function submit() {
    if (!content) return;
    const input: Record<string, unknown> = { documentId: doc!.id, reason: reason.trim() };
    if (title.trim() !== content.title) input.title = title.trim();
    if (subject.trim() !== (content.subject ?? '')) input.subject = subject.trim();
    if (date) input.date = date;
    for (const [k] of LIST_FIELDS) {
      const now = lines(text[k] ?? '');
      if (now.join('\n') !== content[k].join('\n')) input[k] = now;
    }
    if (content.decree) {
      const decree = Object.fromEntries(DECREE_FIELDS.map(([k]) => [k, lines(text[k] ?? '')]));
      if (DECREE_FIELDS.some(([k]) => decree[k]!.join('\n') !== content.decree![k].join('\n'))) input.decree = decree;
    }
    void a.run({ input }, 'Perbaikan diterbitkan.');
  }

  const back = doc.selectionId ? `/kelola/seleksi/${encodeURIComponent(doc.selectionId)}` : '/kelola/seleksi';
  return (
    <Page title={`Perbaikan dokumen ${doc.number}`}>
      <p>
        {doc.title} · versi {doc.version} · {formatDate(doc.date)}
        {doc.selectionTitle ? ` · ${doc.selectionTitle}` : ''}
      </p>
      <p>
        Dokumen yang sudah terbit tidak diubah: perbaikan terbit sebagai versi baru dengan nomor sendiri yang menyebut
        dokumen yang diganti dan alasannya. <Link to={back}>Kembali ke seleksi</Link>
      </p>
      {doc.supersededBy && (
        <ErrorAlert
          error={`Dokumen ini sudah diganti oleh ${doc.supersededBy.number}; hanya versi terbaru yang dapat diperbaiki.`}
        />
      )}
      {!content && <ErrorAlert error="Isi dokumen tidak tersedia untuk akun Anda." />}
      {result && (
        <SuccessAlert>
          Perbaikan terbit dengan nomor {result.number} (versi {result.version}).{' '}
          <DocumentLink url={result.downloadUrl} number={result.number}>
            Unduh perbaikan
          </DocumentLink>
        </SuccessAlert>
      )}
      {content && !doc.supersededBy && !result && (
        <ActionForm label="Perbaikan dokumen" onSubmit={submit}>
          <Field id="doc-title" label="Judul dokumen" apiField="input.title" error={a.error}>
            {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field id="doc-subject" label="Perihal" apiField="input.subject" error={a.error}>
            {(p) => <input {...p} value={subject} onChange={(e) => setSubject(e.target.value)} />}
          </Field>
          {content.decree &&
            DECREE_FIELDS.map(([k, label]) => (
              <Field key={k} id={`doc-${k}`} label={label} apiField="input.decree" error={a.error}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={5}
                    value={text[k] ?? ''}
                    onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          {LIST_FIELDS.filter(([k]) => k !== 'requirements' || doc.kind === 'VACANCY_ANNOUNCEMENT').map(
            ([k, label]) => (
              <Field key={k} id={`doc-${k}`} label={label} apiField={`input.${k}`} error={a.error}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={k === 'paragraphs' || k === 'requirements' ? 8 : 3}
                    value={text[k] ?? ''}
                    onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))}
                  />
                )}
              </Field>
            ),
          )}
          <Field
            id="doc-date"
            label="Tanggal dokumen"
            hint="Kosongkan untuk tanggal hari ini"
            apiField="input.date"
            error={a.error}
          >
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field id="doc-reason" label="Alasan perbaikan" apiField="input.reason" error={a.error}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <p className="muted">
            Penanda tangan: {content.signatoryName}, {content.signatoryTitle}.
          </p>
          <ErrorAlert error={a.error} />
          <div>
            <Button type="submit" pending={a.pending}>
              Terbitkan perbaikan
            </Button>
          </div>
        </ActionForm>
      )}
    </Page>
  );
}
