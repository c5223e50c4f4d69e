/**
 * Upload → preview of an import of any kind (profiles, assessment results, target posts): the file read
 * and every row validated here with the kind's domain rules, assessment results' NIPs resolved to the
 * agency's profiles, the rows that pass staged at the candidate service in chunks and classified new /
 * changed / unchanged by the service owning the kind's data; nothing written to that data. A file that
 * cannot be imported at all is refused with a typed error and stages nothing.
 */
import { createHash } from 'node:crypto';
import {
  DomainError,
  IMPORT_CHUNK_ROWS,
  mapAssessmentResultHeader,
  mapProfileHeader,
  mapTargetPostHeader,
  validateAssessmentResultRows,
  validateProfileRows,
  validateTargetPostRows,
  type HeaderResult,
  type ImportCellError,
  type ImportedAssessmentResult,
  type ImportedRow,
  type ImportHeaderMap,
  type ImportKind,
  type ProfileImportDto,
  type ValidatedRows,
} from '@seleksi/domain';
import type { AssessmentClient, CandidateClient } from '@seleksi/kit';
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

export interface PreviewServices {
  candidate: CandidateClient;
  assessment: AssessmentClient;
}

/** Chunks staged at once. */
const STAGE_CONCURRENCY = 2;
/** Refusals kept for the preview. */
const MAX_ERRORS = 500;

function describe(e: ImportCellError): string {
  return `baris ${e.line}, kolom ${e.column}: ${e.message}`;
}

/** How a kind's header is mapped and its rows validated (all with the domain's rules). */
const KINDS: Record<
  ImportKind,
  {
    header(h: readonly string[]): HeaderResult;
    rows(rows: string[][], map: ImportHeaderMap, req: PreviewRequest): ValidatedRows<unknown>;
  }
> = {
  PROFILES: {
    header: mapProfileHeader,
    rows: (rows, map, req) => {
      const v = validateProfileRows(rows, map, { agencyCode: req.agencyCode, today: req.today });
      return { ...v, accepted: v.accepted.map((a) => ({ line: a.line, row: a.profile })) };
    },
  },
  ASSESSMENT_RESULTS: {
    header: mapAssessmentResultHeader,
    rows: (rows, map, req) => validateAssessmentResultRows(rows, map, { today: req.today }),
  },
  TARGET_POSTS: {
    header: mapTargetPostHeader,
    rows: (rows, map) => validateTargetPostRows(rows, map),
  },
};

/**
 * Gives each result the id of its NIP's profile in the agency; a NIP without one (or of another agency's
 * profile) refuses the row, since a result belongs to an employee the agency has loaded.
 */
async function resolveNips(
  candidate: CandidateClient,
  v: ValidatedRows<unknown>,
  agencyCode: string,
  nipColumn: string,
): Promise<void> {
  const accepted = v.accepted as { line: number; row: ImportedAssessmentResult }[];
  const kept: typeof accepted = [];
  const refusals: ImportCellError[] = [];
  for (let i = 0; i < accepted.length; i += IMPORT_CHUNK_ROWS) {
    const part = accepted.slice(i, i + IMPORT_CHUNK_ROWS);
    const owners = new Map(
      (await candidate.profileOwnersByNip([...new Set(part.map((a) => a.row.nip))])).map((o) => [o.nip, o]),
    );
    for (const a of part) {
      const owner = owners.get(a.row.nip);
      if (owner?.agencyCode === agencyCode) kept.push({ line: a.line, row: { ...a.row, candidateId: owner.id } });
      else
        refusals.push({
          line: a.line,
          column: nipColumn,
          message: owner
            ? 'NIP terdaftar pada profil instansi lain; hasil asesmen hanya untuk pegawai instansi ini'
            : 'NIP belum ada di profil ASN instansi ini; impor profilnya dahulu',
        });
    }
  }
  v.accepted = kept;
  v.refusedRows += refusals.length;
  v.errors = [...v.errors, ...refusals].sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
}

export async function previewImport(
  services: PreviewServices,
  kind: ImportKind,
  req: PreviewRequest,
  limits: PreviewLimits,
): Promise<ProfileImportDto> {
  const { candidate, assessment } = services;
  const sheet = await readSheet(req.bytes, limits);
  const spec = KINDS[kind];
  const header = spec.header(sheet.header);
  if (!header.ok) {
    if (header.duplicate)
      throw new DomainError('VALIDATION_FAILED', `Kolom "${header.duplicate}" muncul lebih dari sekali`, 'file');
    throw new DomainError(
      'MISSING_COLUMN',
      `Kolom wajib tidak ditemukan: ${header.missing.join(', ')} (lihat templat impor)`,
      'file',
    );
  }
  const v = spec.rows(sheet.rows, header.map, req);
  if (v.rows === 0)
    throw new DomainError('INVALID_FILE', 'Berkas tidak berisi baris data di bawah judul kolom', 'file');
  const tooMany = () =>
    new DomainError(
      'TOO_MANY_ROW_ERRORS',
      `${v.refusedRows.toLocaleString('id-ID')} dari ${v.rows.toLocaleString('id-ID')} baris ditolak ` +
        `(batas ${limits.maxRefusedRows.toLocaleString('id-ID')}); tidak ada yang disimpan. Contoh: ` +
        v.errors.slice(0, 3).map(describe).join('; '),
      'file',
    );
  if (v.refusedRows > limits.maxRefusedRows) throw tooMany();
  if (kind === 'ASSESSMENT_RESULTS') {
    await resolveNips(candidate, v, req.agencyCode, header.map.headers.nip ?? 'NIP');
    if (v.refusedRows > limits.maxRefusedRows) throw tooMany();
  }

  const chunkCount = Math.ceil(v.accepted.length / IMPORT_CHUNK_ROWS);
  const imp = await candidate.createProfileImport({
    agencyCode: req.agencyCode,
    kind,
    fileName: req.fileName.slice(0, 300) || 'impor',
    fileSha256: createHash('sha256').update(req.bytes).digest('hex'),
    byUserId: req.byUserId,
    byName: req.byName,
    rows: v.rows,
    refusedInFile: v.refusedRows,
    errors: v.errors,
    chunkCount,
  });
  const stageChunk = async (n: number): Promise<void> => {
    const part = v.accepted.slice(n * IMPORT_CHUNK_ROWS, (n + 1) * IMPORT_CHUNK_ROWS);
    const lines = part.map((p) => p.line);
    if (kind === 'PROFILES') {
      await candidate.stageProfileImportChunk(imp.id, n, {
        lines,
        rows: part.map((p) => p.row) as Parameters<CandidateClient['stageProfileImportChunk']>[2]['rows'],
      });
      return;
    }
    const rows = part.map((p) => p.row as ImportedRow);
    const classes = await assessment.classifyImportRows({ kind, agencyCode: req.agencyCode, rows });
    await candidate.stageClassifiedImportChunk(imp.id, n, { lines, rows, classes, refusals: [] });
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < chunkCount) await stageChunk(next++);
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_CONCURRENCY, chunkCount) }, lane));
  return candidate.sealProfileImport(imp.id);
}
