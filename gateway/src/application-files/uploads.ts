/**
 * The documents a candidate uploads with `applyToVacancy`: checked all at once (PDF by content, size,
 * count, required kinds) before anything is stored, stored in services/candidate before the
 * application is submitted (once per candidate, vacancy, kind and content) and kept whatever the
 * answer, linked by the call that records the application once it is accepted.
 */
import {
  REQUIRED_APPLICATION_DOCUMENT_KINDS,
  type ApplicationDocumentKind,
  type ApplicationFileDto,
} from '@seleksi/domain';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { isPdf } from './pdf';

export interface DocumentUpload {
  kind: ApplicationDocumentKind;
  file: File;
}

export interface CheckedDocument {
  kind: ApplicationDocumentKind;
  fileName: string;
  bytes: Uint8Array;
}

const KIND_LABEL: Record<ApplicationDocumentKind, string> = {
  APPLICATION_LETTER: 'Surat lamaran',
  CV: 'Daftar riwayat hidup',
  STATEMENT_LETTER: 'Surat pernyataan',
  SKP: 'SKP',
  LHKPN_RECEIPT: 'Tanda terima LHKPN',
  PERMISSION_LETTER: 'Surat izin PPK',
  OTHER: 'Dokumen lain',
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

/** A file name safe to store and to send back in a Content-Disposition header. */
function cleanFileName(name: string | undefined, kind: ApplicationDocumentKind): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || `${kind.toLowerCase()}.pdf`;
}

/**
 * Checks every upload; the first problem is a VALIDATION_FAILED naming `documents.<i>.file` (or
 * `documents`). Nothing is stored by this step.
 */
export async function checkDocuments(
  ctx: Pick<GraphQLContext, 'config'>,
  documents: readonly DocumentUpload[] | null | undefined,
): Promise<CheckedDocument[]> {
  const { APPLICATION_FILE_MAX_BYTES: maxBytes, APPLICATION_FILES_MAX: maxFiles } = ctx.config;
  if (documents === null || documents === undefined) {
    if (ctx.config.APPLICATION_DOCUMENTS_REQUIRED) {
      throw gqlError('VALIDATION_FAILED', 'Unggah surat lamaran dan daftar riwayat hidup (PDF)', 'documents');
    }
    return [];
  }
  if (documents.length > maxFiles) {
    throw gqlError('VALIDATION_FAILED', `Paling banyak ${maxFiles} berkas per lamaran`, 'documents');
  }
  const seen = new Set<ApplicationDocumentKind>();
  const checked: CheckedDocument[] = [];
  for (const [i, d] of documents.entries()) {
    const field = `documents.${i}.file`;
    const label = KIND_LABEL[d.kind];
    if (d.kind !== 'OTHER' && seen.has(d.kind)) {
      throw gqlError('VALIDATION_FAILED', `${label} diunggah lebih dari satu kali`, `documents.${i}.kind`);
    }
    seen.add(d.kind);
    if (!d.file || typeof d.file.arrayBuffer !== 'function') {
      throw gqlError('VALIDATION_FAILED', `${label}: berkas tidak terbaca`, field);
    }
    if (d.file.size === 0) throw gqlError('VALIDATION_FAILED', `${label}: berkas kosong`, field);
    if (d.file.size > maxBytes) {
      throw gqlError('VALIDATION_FAILED', `${label}: ukuran berkas lebih dari ${megabytes(maxBytes)}`, field);
    }
    const bytes = new Uint8Array(await d.file.arrayBuffer());
    if (bytes.length > maxBytes) {
      throw gqlError('VALIDATION_FAILED', `${label}: ukuran berkas lebih dari ${megabytes(maxBytes)}`, field);
    }
    if (!isPdf(bytes)) {
      throw gqlError('VALIDATION_FAILED', `${label}: berkas harus PDF yang utuh (bukan format lain)`, field);
    }
    checked.push({ kind: d.kind, fileName: cleanFileName(d.file.name, d.kind), bytes });
  }
  for (const kind of REQUIRED_APPLICATION_DOCUMENT_KINDS) {
    if (!seen.has(kind)) throw gqlError('VALIDATION_FAILED', `${KIND_LABEL[kind]} (PDF) wajib diunggah`, 'documents');
  }
  return checked;
}

export interface StoredDocuments {
  files: ApplicationFileDto[];
}

/**
 * Raw bytes of the files stored by one request: base64 in JSON within the candidate service's 8 MB
 * limit. The default 2 MB files go together; files of up to 5 MB (the most allowed) one a request.
 */
export const STORE_REQUEST_MAX_BYTES = 5 * 1024 * 1024;

/** The documents in order, grouped into requests of at most `maxBytes` together (a larger file alone). */
export function storeRequests<T extends { bytes: Uint8Array }>(documents: readonly T[], maxBytes: number): T[][] {
  const groups: T[][] = [];
  let size = Infinity;
  for (const d of documents) {
    if (size + d.bytes.length > maxBytes) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(d);
    size += d.bytes.length;
  }
  return groups;
}

/**
 * Stores the checked documents before the submission (idempotent per candidate, vacancy, kind and
 * content), together in one request to services/candidate as far as its body limit allows. They are
 * kept whatever happens next: a refused or failed submission loses nothing, and a retry finds them
 * stored instead of storing them twice.
 */
export async function storeDocuments(
  ctx: Pick<GraphQLContext, 'services'>,
  owner: { candidateId: string; selectionId: string; vacancyId: string },
  documents: readonly CheckedDocument[],
): Promise<StoredDocuments> {
  const stored = await Promise.all(
    storeRequests(documents, STORE_REQUEST_MAX_BYTES).map((group) =>
      ctx.services.candidate.storeApplicationFiles(
        group.map((d) => ({ req: { ...owner, kind: d.kind, fileName: d.fileName }, bytes: d.bytes })),
      ),
    ),
  );
  return { files: stored.flat().map(({ created: _created, ...file }) => file) };
}
