/**
 * Pieces shared by the public and candidate pages: selection and document types as the queries return
 * them, vacancy and document tables, and the browser-side PDF check done before any upload.
 */
import { ApiError } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { Link } from 'react-router-dom';
import { ErrorAlert, Page, documentKindName, formatDate, levelName } from '../../components/ui';
import type { ResultOf } from '../../graphql';
import type { VACANCY } from '../../queries/candidate';
import type { DOCUMENT_ROW, SELECTION_CARD } from '../../queries/public';

/** A vacancy, a selection card and a document row as the queries return them (queries/candidate.ts, queries/public.ts). */
export type VacancyRow = ResultOf<typeof VACANCY>;
/** `timeZone`: the agency's zone (WIB/WITA/WIT), every time on the page is shown in it; `registrationProvisional`:
 * the close was computed on a provisional calendar (no SKB yet for a year it reaches). */
export type SelectionCard = ResultOf<typeof SELECTION_CARD>;
/** `auditChainHead`: the round's decision chain head printed on the document. */
export type DocumentRow = ResultOf<typeof DOCUMENT_ROW>;

export interface Connection<T> {
  edges: { cursor?: string; node: T }[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/** The nodes of a Relay connection. */
export function nodes<T>(connection: Connection<T> | null | undefined): T[] {
  return connection?.edges.map((e) => e.node) ?? [];
}

/** A selection as the candidate's pages name it, with its registration close and whether that is provisional. */
export interface SelectionHeading {
  id: string;
  title: string;
  stage: string;
  timeZone: string;
  registrationClosesAt: string;
  registrationProvisional: boolean;
}

/** The warning next to a deadline computed on a provisional calendar. */
export function ProvisionalNote({ show }: { show: boolean | undefined }) {
  if (!show) return null;
  return (
    <span className="badge badge-bad" role="note">
      kalender sementara: SKB hari libur tahun itu belum ditetapkan, tanggal dapat berubah
    </span>
  );
}

/** A selection that could not be read (unknown, not public, or the gateway's error), with the way back. */
export function SelectionNotFound({ title, error }: { title: string; error: ApiError | null }) {
  return (
    <Page title={title}>
      <ErrorAlert error={error} />
      <p>
        <Link to="/seleksi">Kembali ke daftar seleksi</Link>
      </p>
    </Page>
  );
}

export const OPEN_STAGES = ['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED'];

export function agencyOf(s: { agencyCode: string; announcement?: { issuedBy: { agencyName: string } } | null }) {
  return s.announcement?.issuedBy.agencyName ?? s.agencyCode;
}

export function VacancyTable({
  vacancies,
  caption,
  action,
}: {
  vacancies: VacancyRow[];
  caption: string;
  action?: (v: VacancyRow) => React.ReactNode;
}) {
  if (vacancies.length === 0) return <p>Belum ada lowongan jabatan.</p>;
  const columns: Column<VacancyRow>[] = [
    { header: 'Jabatan', rowHeader: true, cell: (v) => v.position },
    { header: 'Unit kerja', cell: (v) => v.unit },
    { header: 'Jenjang', cell: (v) => levelName(v.level) },
    ...(action ? [{ header: 'Tindakan', cell: action }] : []),
  ];
  return <DataTable caption={caption} captionHidden={false} columns={columns} rows={vacancies} rowKey={(v) => v.id} />;
}

const documentName = (d: DocumentRow) => d.title || documentKindName(d.kind);

const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  {
    header: 'Dokumen',
    rowHeader: true,
    cell: (d) => (
      <>
        {documentName(d)}
        {d.version > 1 && <span className="muted"> (perbaikan ke-{d.version - 1})</span>}
        {d.supersededBy && <div className="muted">Telah diganti oleh dokumen nomor {d.supersededBy.number}</div>}
      </>
    ),
  },
  { header: 'Nomor', cell: (d) => d.number },
  { header: 'Tanggal', cell: (d) => formatDate(d.date) },
  {
    header: 'Berkas',
    cell: (d) => (
      <>
        <a
          href={d.downloadUrl}
          // The name starts with the visible text, so speech input ("klik Unduh PDF") finds the link.
          aria-label={`Unduh PDF ${documentName(d)} nomor ${d.number}`}
        >
          Unduh PDF
        </a>
        {' · '}
        <a href={d.verificationUrl} aria-label={`Verifikasi dokumen nomor ${d.number}`}>
          Verifikasi
        </a>
      </>
    ),
  },
];

/** Documents with their number, date and links to the PDF and to its public verification page. */
export function DocumentTable({ documents, caption }: { documents: DocumentRow[]; caption: string }) {
  if (documents.length === 0) return <p>Belum ada dokumen.</p>;
  return (
    <DataTable
      caption={caption}
      captionHidden={false}
      columns={DOCUMENT_COLUMNS}
      rows={documents}
      rowKey={(d) => d.id}
    />
  );
}

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/**
 * Checks a file before it is sent: a PDF by type and name, at most `maxBytes`, and starting with the
 * bytes '%PDF-'. Returns the problem in Bahasa Indonesia, or null when the file is fine.
 */
export async function checkPdf(file: File, maxBytes = MAX_UPLOAD_BYTES): Promise<string | null> {
  const looksPdf =
    ['application/pdf', 'application/x-pdf'].includes(file.type) || (file.type === '' && /\.pdf$/i.test(file.name));
  if (!looksPdf) return `Berkas "${file.name}" bukan PDF. Unggah berkas PDF.`;
  if (file.size === 0) return `Berkas "${file.name}" kosong.`;
  if (file.size > maxBytes) {
    return `Berkas "${file.name}" terlalu besar (${(file.size / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB); paling besar ${maxBytes / 1024 / 1024} MB.`;
  }
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (String.fromCharCode(...head) !== '%PDF-')
    return `Berkas "${file.name}" bukan PDF yang sah (isi berkas tidak diawali %PDF-).`;
  return null;
}

/** A browser-side problem shown under a Field like a gateway error naming that field. */
export function fieldError(message: string, field: string): ApiError {
  return new ApiError(message, 'VALIDATION_FAILED', field);
}
