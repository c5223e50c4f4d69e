/**
 * Upload → preview of a profile import: the file read and every row validated here, the rows that pass
 * staged at the candidate service in chunks (classified new / changed / unchanged there), nothing written
 * to the profiles. A file that cannot be imported at all is refused with a typed error and stages nothing.
 */
import { createHash } from 'node:crypto';
import {
  DomainError,
  IMPORT_CHUNK_ROWS,
  mapProfileHeader,
  validateProfileRows,
  type ImportCellError,
  type ProfileImportDto,
} from '@seleksi/domain';
import type { CandidateClient } from '@seleksi/kit';
import { readSheet, type ReadLimits } from './parse';

export interface PreviewLimits extends ReadLimits {
  /** More refused rows than this: the file is refused whole (TOO_MANY_ROW_ERRORS). */
  maxRefusedRows: number;
}

export interface PreviewRequest {
  agencyCode: string;
  /** The agency's today (YYYY-MM-DD). */
  today: string;
  fileName: string;
  bytes: Uint8Array;
  byUserId: string;
  byName: string;
}

/** Chunks staged at once. */
const STAGE_CONCURRENCY = 2;

function describe(e: ImportCellError): string {
  return `baris ${e.line}, kolom ${e.column}: ${e.message}`;
}

export async function previewProfileImport(
  candidate: CandidateClient,
  req: PreviewRequest,
  limits: PreviewLimits,
): Promise<ProfileImportDto> {
  const sheet = await readSheet(req.bytes, limits);
  const header = mapProfileHeader(sheet.header);
  if (!header.ok) {
    if (header.duplicate)
      throw new DomainError('VALIDATION_FAILED', `Kolom "${header.duplicate}" muncul lebih dari sekali`, 'file');
    throw new DomainError(
      'MISSING_COLUMN',
      `Kolom wajib tidak ditemukan: ${header.missing.join(', ')} (lihat templat impor)`,
      'file',
    );
  }
  const v = validateProfileRows(sheet.rows, header.map, { agencyCode: req.agencyCode, today: req.today });
  if (v.rows === 0)
    throw new DomainError('INVALID_FILE', 'Berkas tidak berisi baris data di bawah judul kolom', 'file');
  if (v.refusedRows > limits.maxRefusedRows)
    throw new DomainError(
      'TOO_MANY_ROW_ERRORS',
      `${v.refusedRows.toLocaleString('id-ID')} dari ${v.rows.toLocaleString('id-ID')} baris ditolak ` +
        `(batas ${limits.maxRefusedRows.toLocaleString('id-ID')}); tidak ada yang disimpan. Contoh: ` +
        v.errors.slice(0, 3).map(describe).join('; '),
      'file',
    );

  const chunkCount = Math.ceil(v.accepted.length / IMPORT_CHUNK_ROWS);
  const imp = await candidate.createProfileImport({
    agencyCode: req.agencyCode,
    fileName: req.fileName.slice(0, 300) || 'impor',
    fileSha256: createHash('sha256').update(req.bytes).digest('hex'),
    byUserId: req.byUserId,
    byName: req.byName,
    rows: v.rows,
    refusedInFile: v.refusedRows,
    errors: v.errors,
    chunkCount,
  });
  let next = 0;
  const stage = async (): Promise<void> => {
    while (next < chunkCount) {
      const n = next++;
      const part = v.accepted.slice(n * IMPORT_CHUNK_ROWS, (n + 1) * IMPORT_CHUNK_ROWS);
      await candidate.stageProfileImportChunk(imp.id, n, {
        lines: part.map((p) => p.line),
        rows: part.map((p) => p.profile),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_CONCURRENCY, chunkCount) }, stage));
  return candidate.sealProfileImport(imp.id);
}
