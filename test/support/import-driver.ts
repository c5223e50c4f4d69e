/** Profile import files and requests as the portal sends them (GraphQL multipart), for suites and the bench. */
import { toCsv } from '@seleksi/gateway';
import type { GraphQLResult } from './stack';

export const PROFILE_IMPORT_FIELDS = `id kind status rows fileName byName chunkCount chunksDone percent
  counts { new changed unchanged refused } errors { line column message }
  committed { new changed unchanged refused } committedAt`;

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
}

export interface ProfileImportView {
  id: string;
  kind: 'PROFILES' | 'ASSESSMENT_RESULTS' | 'TARGET_POSTS';
  status: 'STAGING' | 'PREVIEWED' | 'COMMITTING' | 'COMPLETED';
  rows: number;
  fileName: string;
  byName: string;
  chunkCount: number;
  chunksDone: number;
  percent: number;
  counts: ImportCounts;
  errors: { line: number; column: string; message: string }[];
  committed: ImportCounts | null;
  committedAt: string | null;
}

export const IMPORT_HEADER = [
  'NIP',
  'NAMA',
  'GOLONGAN',
  'TMT_GOLONGAN',
  'PENDIDIKAN',
  'JABATAN',
  'JENIS_JABATAN',
  'UNIT_KERJA',
  'TMT_JABATAN',
  'RIWAYAT_JABATAN',
  'HUKUMAN_DISIPLIN',
  'LHKPN',
  'SKP_2024',
  'SKP_2025',
];

const DAY = 86_400_000;
const PREDICATES = ['Sangat Baik', 'Baik', 'Butuh Perbaikan'];

/** NIP of employee `i` (unique for i < 7,000 × 999): birth date, CPNS start at 25, gender, serial. */
export function importNip(i: number, salt = 0): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + ((i + salt * 131) % 7000) * DAY);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const serial = 1 + ((Math.floor(i / 7000) + salt * 37) % 999);
  return `${ymd}${birth.getUTCFullYear() + 25}03${(i % 2) + 1}${String(serial).padStart(3, '0')}`;
}

/** A valid row of employee `i`, in IMPORT_HEADER order; `rank` lets a re-import change it. */
export function importRow(i: number, opts: { rank?: string; salt?: number } = {}): string[] {
  const nip = importNip(i, opts.salt);
  const start = Number(nip.slice(8, 12));
  return [
    nip,
    `Pegawai Impor ${i}`,
    opts.rank ?? (i % 3 === 0 ? 'IV/a' : 'III/d'),
    `${start + 15}-04-01`,
    i % 4 === 0 ? 'S2' : 'S1',
    'Kepala Bidang',
    'Administrator',
    'Dinas Uji',
    `${start + 12}-01-02`,
    `Kepala Seksi | PENGAWAS | Dinas Uji | ${start + 5}-01-02 | ${start + 11}-12-31`,
    'Tidak',
    'Sudah',
    PREDICATES[i % 3]!,
    PREDICATES[(i + 1) % 3]!,
  ];
}

/** Columns of an assessment-results file (the template's names). */
export const RESULT_HEADER = [
  'NIP',
  'NAMA',
  'TANGGAL_ASESMEN',
  'LEMBAGA',
  'NILAI_MANAJERIAL',
  'NILAI_SOSIAL_KULTURAL',
  'TINGKAT_POTENSIAL',
];
const POTENTIAL = ['Tinggi', 'Menengah', 'Rendah'];

/** Employee `i`'s (of `importRow(i, { salt })`) assessment result on `date`, in RESULT_HEADER order. */
export function resultRow(i: number, opts: { salt?: number; date?: string } = {}): string[] {
  return [
    importNip(i, opts.salt),
    `Pegawai Impor ${i}`,
    opts.date ?? '2025-08-14',
    'UPT Penilaian Kompetensi',
    `${70 + (i % 10)},5`,
    String(75 + (i % 10)),
    POTENTIAL[i % 3]!,
  ];
}

export function importCsv(rows: readonly (readonly string[])[], header = IMPORT_HEADER): Uint8Array {
  return new TextEncoder().encode(toCsv([header, ...rows]));
}

/** `previewProfileImport` with the file as a multipart upload; `kind` absent = the default (profiles). */
export async function previewImport(
  gatewayUrl: string,
  token: string,
  agencyCode: string,
  bytes: Uint8Array,
  fileName: string,
  kind?: 'PROFILES' | 'ASSESSMENT_RESULTS' | 'TARGET_POSTS',
): Promise<GraphQLResult<{ previewProfileImport: ProfileImportView }>> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation($a: String!, $f: File, $k: ImportKind) { previewProfileImport(agencyCode: $a, file: $f, kind: $k) { ${PROFILE_IMPORT_FIELDS} } }`,
      variables: { a: agencyCode, f: null, k: kind ?? null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return (await res.json()) as GraphQLResult<{ previewProfileImport: ProfileImportView }>;
}
