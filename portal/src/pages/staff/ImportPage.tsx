/**
 * Import of the agency's ASN data from CSV or XLSX, of one kind at a time (profiles by default, competency
 * assessment results, target posts): template download, upload, preview (counts and the refused cells by
 * line and column), confirmation, and the commit's progress.
 *
 * Route: /kelola/impor (ADMIN, AGENCY_ADMIN, PANSEL_SECRETARY).
 * Main controls: select "Jenis data" (default "Profil ASN"); links "Unduh templat XLSX" / "Unduh templat CSV"
 * (of the chosen kind); form "Unggah data ASN" ("Kode instansi",
 * "Berkas CSV atau XLSX", button "Unggah dan pratinjau"); section "Pratinjau" with the counts, table
 * "Baris yang ditolak" and button "Konfirmasi impor"; progress bar "Bagian tersimpan" (polled every 2 s);
 * table "Impor terakhir".
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gqlUpload, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, Progress, SuccessAlert, formatDate } from '../../components/ui';
import { CONFIRM_PROFILE_IMPORT, PREVIEW_PROFILE_IMPORT, PROFILE_IMPORT, PROFILE_IMPORTS } from '../../queries/imports';
import { ActionForm, useAction, usePolling } from './common';
import { DataTable, type Column } from '../../components/DataTable';
import type { ResultOf } from '../../graphql';

type ImportView = ResultOf<typeof PROFILE_IMPORT>['profileImport'];
type ImportSummary = ResultOf<typeof PROFILE_IMPORTS>['profileImports']['edges'][number]['node'];
type Counts = ImportView['counts'];
type ImportKind = ImportView['kind'];
type ImportError = ImportView['errors'][number];

/** Each kind's name and template (the gateway serves `/imports/templates/<template>.xlsx|csv`). */
const KINDS: Record<ImportKind, { label: string; template: string; intro: string }> = {
  PROFILES: {
    label: 'Profil ASN',
    template: 'profil-asn',
    intro:
      'Muat profil ASN instansi (NIP, golongan, jabatan, pendidikan, predikat SKP, hukuman disiplin, LHKPN, diklat) dari berkas CSV atau XLSX.',
  },
  ASSESSMENT_RESULTS: {
    label: 'Hasil asesmen kompetensi',
    template: 'hasil-asesmen',
    intro:
      'Muat hasil asesmen kompetensi pegawai (NIP, tanggal, lembaga, nilai manajerial dan sosial kultural, tingkat potensial) dari berkas CSV atau XLSX. Profil ASN pegawainya harus sudah dimuat.',
  },
  TARGET_POSTS: {
    label: 'Jabatan target',
    template: 'jabatan-target',
    intro:
      'Muat jabatan target manajemen talenta instansi (kode, nama jabatan, jenjang JPT, unit kerja, bidang) dari berkas CSV atau XLSX; kelompok rencana suksesi disusun untuk jabatan ini.',
  },
};

const STATUS: Record<ImportView['status'], string> = {
  STAGING: 'Sedang dipratinjau',
  PREVIEWED: 'Menunggu konfirmasi',
  COMMITTING: 'Sedang disimpan',
  COMPLETED: 'Selesai',
};

function CountsLine({ counts }: { counts: Counts }) {
  return (
    <>
      {counts.new} baru · {counts.changed} berubah · {counts.unchanged} tetap · {counts.refused} ditolak
    </>
  );
}

const ERROR_COLUMNS: readonly Column<ImportError & { i: number }>[] = [
  { header: 'Baris', cell: (e) => e.line },
  { header: 'Kolom', cell: (e) => e.column },
  { header: 'Kesalahan', cell: (e) => e.message },
];

const HISTORY_COLUMNS: readonly Column<ImportSummary>[] = [
  { header: 'Oleh', cell: (i) => i.byName },
  { header: 'Status', cell: (i) => STATUS[i.status] },
  { header: 'Hasil', cell: (i) => <CountsLine counts={i.committed ?? i.counts} /> },
];

export function ImportPage() {
  const { user } = useAuth();
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const [kind, setKind] = useState<ImportKind>('PROFILES');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError | Error | null>(null);
  // Fields show typed errors (code and field); any other error shows in the alert below the form.
  const fieldError = uploadError instanceof ApiError ? uploadError : null;
  const [importId, setImportId] = useState<string | null>(null);

  const current = useQuery(PROFILE_IMPORT, importId === null ? {} : { id: importId }, importId === null);
  const imp = current.data?.profileImport ?? null;
  // Confirmed here: its workflow marks it as committing a moment later, so the page polls from the confirmation on.
  const [confirmedId, setConfirmedId] = useState<string | null>(null);
  const awaitingCommit = imp?.status === 'PREVIEWED' && confirmedId === imp.id;
  usePolling(current.reload, 2_000, imp?.status === 'COMMITTING' || awaitingCommit);
  const history = useQuery(PROFILE_IMPORTS, { agencyCode: agencyCode.trim(), kind }, !agencyCode.trim());
  const { reload: reloadCurrent } = current;
  const { reload: reloadHistory } = history;
  // The list shows the import's outcome once its commit is done.
  const completedId = imp?.status === 'COMPLETED' ? imp.id : null;
  useEffect(() => {
    if (completedId) reloadHistory();
  }, [completedId, reloadHistory]);
  const confirm = useAction(
    CONFIRM_PROFILE_IMPORT,
    useCallback(
      (data: ResultOf<typeof CONFIRM_PROFILE_IMPORT>) => {
        setConfirmedId(data.confirmProfileImport.id);
        reloadCurrent();
      },
      [reloadCurrent],
    ),
  );

  async function upload(): Promise<void> {
    setUploadError(null);
    if (!file) {
      setUploadError(new ApiError('Pilih berkas CSV atau XLSX untuk diunggah', 'VALIDATION_FAILED', 'file'));
      return;
    }
    setUploading(true);
    try {
      const data = await gqlUpload(
        PREVIEW_PROFILE_IMPORT,
        { agencyCode: agencyCode.trim(), file: null, kind },
        { 'variables.file': file },
      );
      setImportId(data.previewProfileImport.id);
      history.reload();
    } catch (err) {
      setUploadError(err as Error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Page title="Impor data ASN">
      <Field id="imp-kind" label="Jenis data">
        {(p) => (
          <select
            {...p}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setImportId(null);
              setUploadError(null);
            }}
          >
            {(Object.keys(KINDS) as ImportKind[]).map((k) => (
              <option key={k} value={k}>
                {KINDS[k].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p>
        {KINDS[kind].intro} Setiap baris diperiksa dan ditampilkan dahulu; tidak ada yang disimpan sebelum Anda
        mengonfirmasi. Nama kolom ekspor SIASN dikenali.
      </p>
      <p className="toolbar">
        <a href={`/imports/templates/${KINDS[kind].template}.xlsx`} download>
          Unduh templat XLSX
        </a>
        <a href={`/imports/templates/${KINDS[kind].template}.csv`} download>
          Unduh templat CSV
        </a>
      </p>
      <ActionForm label="Unggah data ASN" onSubmit={() => void upload()}>
        <Field id="imp-agency" label="Kode instansi" apiField="agencyCode" error={fieldError}>
          {(p) => (
            <input
              {...p}
              value={agencyCode}
              readOnly={user?.role !== 'ADMIN' && Boolean(user?.agencyCode)}
              onChange={(e) => setAgencyCode(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="imp-file"
          label="Berkas CSV atau XLSX"
          hint="Lembar pertama saja; tanpa rumus; paling banyak 200.000 baris"
          apiField="file"
          error={fieldError}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <ErrorAlert error={uploadError} />
        <div className="toolbar">
          <Button type="submit" pending={uploading}>
            Unggah dan pratinjau
          </Button>
        </div>
      </ActionForm>

      {importId && (
        <section aria-labelledby="imp-preview-title" className="card">
          <h2 id="imp-preview-title">Pratinjau</h2>
          <ErrorAlert error={current.error} />
          {!imp ? (
            <Loading />
          ) : (
            <>
              <p role="status" aria-live="polite">
                {imp.fileName}: {imp.rows} baris · <CountsLine counts={imp.counts} /> · Status:{' '}
                <strong>{STATUS[imp.status]}</strong>
              </p>
              {imp.errors.length > 0 && (
                <DataTable
                  caption={`Baris yang ditolak${
                    imp.counts.refused > imp.errors.length ? ` (${imp.errors.length} pertama)` : ''
                  }`}
                  captionHidden={false}
                  rows={imp.errors.map((e, i) => ({ ...e, i }))}
                  rowKey={(e) => `${e.line}-${e.column}-${e.i}`}
                  columns={ERROR_COLUMNS}
                />
              )}
              {imp.status === 'PREVIEWED' && !awaitingCommit && (
                <>
                  <p>
                    Baris yang ditolak tidak disimpan; perbaiki lalu unggah lagi. Baris yang tetap tidak diubah; baris
                    yang berubah menyimpan versi sebelumnya.
                  </p>
                  <ErrorAlert error={confirm.error} />
                  <Button
                    type="button"
                    pending={confirm.pending}
                    disabled={imp.counts.new + imp.counts.changed + imp.counts.unchanged === 0}
                    onClick={() => void confirm.run({ importId: imp.id }, 'Impor dikonfirmasi; penyimpanan berjalan.')}
                  >
                    Konfirmasi impor
                  </Button>
                </>
              )}
              {(imp.status === 'COMMITTING' || imp.status === 'COMPLETED' || awaitingCommit) && (
                <>
                  <Progress value={imp.chunksDone} max={Math.max(1, imp.chunkCount)} label="Bagian tersimpan" />
                  {imp.committed && (
                    <SuccessAlert>
                      Tersimpan {formatDate(imp.committedAt, true)}: <CountsLine counts={imp.committed} />
                    </SuccessAlert>
                  )}
                </>
              )}
            </>
          )}
        </section>
      )}

      {agencyCode.trim() && (
        <section aria-labelledby="imp-history-title">
          <h2 id="imp-history-title">Impor terakhir</h2>
          <ErrorAlert error={history.error} />
          <DataTable
            caption="Impor terakhir"
            empty="Belum ada impor."
            captionHidden={false}
            rows={
              history.loading && !history.data ? null : (history.data?.profileImports.edges.map((e) => e.node) ?? [])
            }
            rowKey={(i) => i.id}
            columns={[
              { header: 'Waktu', cell: (i) => formatDate(i.createdAt, true) },
              {
                header: 'Berkas',
                cell: (i) => (
                  <Button type="button" kind="secondary" onClick={() => setImportId(i.id)}>
                    {i.fileName}
                  </Button>
                ),
              },
              ...HISTORY_COLUMNS,
            ]}
          />
        </section>
      )}
    </Page>
  );
}
