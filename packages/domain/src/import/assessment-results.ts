/**
 * Import of competency assessment results (assessment-centre reports): per employee by NIP the date,
 * the institution, the managerial and socio-cultural scores, the potential level and how long the
 * result is valid. Pure: the gateway parses and validates, resolves each NIP to the agency's profile,
 * and the assessment service stores what passes.
 */
import { checkNip, NIP_PROBLEM_TEXT_ID } from '../nip';
import { addMonths } from '../rules/durations';
import { DEFAULT_SELECTION_RULES } from '../rules/selection-rules';
import { isValidScore } from '../rules/scoring';
import type { Level3 } from '../talent/nine-box';
import * as sheet from './sheet';

export const ASSESSMENT_RESULT_COLUMNS: readonly sheet.ImportColumn[] = [
  {
    key: 'nip',
    header: 'NIP',
    required: true,
    aliases: ['NIP_BARU', 'NIP_18'],
    description: 'NIP 18 angka; profilnya harus sudah ada di instansi',
    example: '197503122000031002',
  },
  {
    key: 'name',
    header: 'NAMA',
    required: false,
    aliases: ['NAMA_LENGKAP', 'NAMA_PNS', 'NAMA_PESERTA'],
    description: 'Nama (hanya untuk dibaca; tidak disimpan)',
    example: 'Dr. Andi Pratama, S.E., M.M.',
  },
  {
    key: 'assessedAt',
    header: 'TANGGAL_ASESMEN',
    required: true,
    aliases: [
      'TGL_ASESMEN',
      'TANGGAL_ASSESSMENT',
      'TGL_ASSESSMENT',
      'TANGGAL_PENILAIAN',
      'TGL_PENILAIAN',
      'TANGGAL_UJI_KOMPETENSI',
      'TANGGAL_PELAKSANAAN',
    ],
    description: 'Tanggal pelaksanaan asesmen (TTTT-BB-HH atau HH-BB-TTTT)',
    example: '2025-08-14',
  },
  {
    key: 'provider',
    header: 'LEMBAGA',
    required: true,
    aliases: [
      'LEMBAGA_PENYELENGGARA',
      'PENYELENGGARA',
      'NAMA_LEMBAGA',
      'ASSESSMENT_CENTER',
      'PELAKSANA',
      'INSTANSI_PENILAI',
    ],
    description: 'Lembaga/assessment center penyelenggara',
    example: 'UPT Penilaian Kompetensi BKD Kaltim',
  },
  {
    key: 'managerial',
    header: 'NILAI_MANAJERIAL',
    required: true,
    aliases: ['MANAJERIAL', 'KOMPETENSI_MANAJERIAL', 'SKOR_MANAJERIAL', 'NILAI_KOMPETENSI_MANAJERIAL'],
    description: 'Nilai kompetensi manajerial 0–100 (paling banyak 2 desimal, koma atau titik)',
    example: '78,5',
  },
  {
    key: 'socioCultural',
    header: 'NILAI_SOSIAL_KULTURAL',
    required: true,
    aliases: [
      'SOSIAL_KULTURAL',
      'KOMPETENSI_SOSIAL_KULTURAL',
      'SKOR_SOSIAL_KULTURAL',
      'NILAI_SOSIOKULTURAL',
      'NILAI_KOMPETENSI_SOSIAL_KULTURAL',
    ],
    description: 'Nilai kompetensi sosial kultural 0–100',
    example: '80',
  },
  {
    key: 'potentialLevel',
    header: 'TINGKAT_POTENSIAL',
    required: false,
    aliases: ['POTENSIAL', 'KATEGORI_POTENSIAL', 'LEVEL_POTENSIAL', 'POTENSI'],
    description: 'Tingkat potensial hasil asesmen: Tinggi, Menengah (Sedang), Rendah, atau 3/2/1',
    example: 'Tinggi',
  },
  {
    key: 'validUntil',
    header: 'BERLAKU_SAMPAI',
    required: false,
    aliases: ['MASA_BERLAKU', 'TGL_BERLAKU', 'TANGGAL_BERLAKU', 'BERLAKU_HINGGA'],
    description: `Akhir masa berlaku; kosong = ${DEFAULT_SELECTION_RULES.scoring.assessmentValidityMonths} bulan setelah tanggal asesmen`,
    example: '2027-08-14',
  },
];

/** A result as an import writes it; `candidateId` is the agency's profile of the NIP (set once resolved). */
export interface ImportedAssessmentResult {
  nip: string;
  candidateId?: string;
  provider: string;
  assessedAt: string;
  managerial: number;
  socioCultural: number;
  validUntil: string;
  potentialLevel: Level3 | null;
}

export function mapAssessmentResultHeader(header: readonly string[]): sheet.HeaderResult {
  return sheet.mapImportHeader(ASSESSMENT_RESULT_COLUMNS, header);
}

/** `78,5`, `78.5`, `80` → the number, when it is a score 0..100 with at most 2 decimals; otherwise null. */
export function parseScoreCell(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return isValidScore(n) ? n : null;
}

const POTENTIAL_ALIASES: Record<string, Level3> = {
  TINGGI: 3,
  '3': 3,
  MENENGAH: 2,
  SEDANG: 2,
  '2': 2,
  RENDAH: 1,
  '1': 1,
};

/** `Tinggi`, `Potensial Menengah`, `sedang`, `1` → the level 1..3, or null when unknown. */
export function parsePotentialLevel(raw: string): Level3 | null {
  const n = sheet.normalizeHeader(raw).replace(/^(?:POTENSIAL|POTENSI|TINGKAT|LEVEL)_/, '');
  return POTENTIAL_ALIASES[n] ?? null;
}

export interface AssessmentRowContext {
  /** YYYY-MM-DD, the agency's today: no assessment may be dated after it. */
  today: string;
  /** Months a result is valid when the file gives no end (default: the selection rules' 24). */
  validityMonths?: number;
}

/** Validates one row: every cell at fault is reported, so that one upload shows everything to fix. */
export function validateAssessmentResultRow(
  cells: readonly string[],
  map: sheet.ImportHeaderMap,
  line: number,
  ctx: AssessmentRowContext,
): { row: ImportedAssessmentResult | null; errors: sheet.ImportCellError[] } {
  const { errors, cell, fail, required } = sheet.rowReader(cells, map, line);

  const nipRaw = required('nip');
  let nip = '';
  let cpnsStart: string | null = null;
  if (nipRaw) {
    const r = checkNip(nipRaw, ctx.today);
    if (!r.ok) fail('nip', NIP_PROBLEM_TEXT_ID[r.problem]);
    else [nip, cpnsStart] = [r.value.nip, r.value.cpnsStart];
  }

  const dateRaw = required('assessedAt');
  let assessedAt: string | null = null;
  if (dateRaw) {
    const d = sheet.parseDateCell(dateRaw);
    if (!d)
      fail('assessedAt', `Tanggal asesmen bukan tanggal yang valid (tulis TTTT-BB-HH atau HH-BB-TTTT): "${dateRaw}"`);
    else if (d > ctx.today) fail('assessedAt', `Tanggal asesmen tidak boleh setelah hari ini (${ctx.today})`);
    else if (cpnsStart && d.slice(0, 7) < cpnsStart)
      fail('assessedAt', `Tanggal asesmen (${d}) sebelum pengangkatan CPNS pada NIP (${cpnsStart})`);
    else assessedAt = d;
  }

  const provider = required('provider').replace(/\s+/g, ' ');
  if (provider.length > 200) fail('provider', 'Nama lembaga paling panjang 200 karakter');

  const score = (key: string, label: string): number | null => {
    const v = required(key);
    if (!v) return null;
    const n = parseScoreCell(v);
    if (n === null) fail(key, `${label} harus 0 sampai 100 dengan paling banyak 2 desimal: "${v}"`);
    return n;
  };
  const managerial = score('managerial', 'Nilai manajerial');
  const socioCultural = score('socioCultural', 'Nilai sosial kultural');

  const levelRaw = cell('potentialLevel');
  const potentialLevel = levelRaw ? parsePotentialLevel(levelRaw) : null;
  if (levelRaw && potentialLevel === null)
    fail('potentialLevel', `Tingkat potensial tidak dikenal: "${levelRaw}" (Tinggi, Menengah, Rendah)`);

  const untilRaw = cell('validUntil');
  let validUntil: string | null = null;
  if (untilRaw) {
    const d = sheet.parseDateCell(untilRaw);
    if (!d) fail('validUntil', `Masa berlaku bukan tanggal yang valid: "${untilRaw}"`);
    else if (assessedAt && d <= assessedAt)
      fail('validUntil', `Masa berlaku harus setelah tanggal asesmen (${assessedAt})`);
    else validUntil = d;
  } else if (assessedAt)
    validUntil = addMonths(assessedAt, ctx.validityMonths ?? DEFAULT_SELECTION_RULES.scoring.assessmentValidityMonths);

  if (errors.length || !assessedAt || !validUntil || managerial === null || socioCultural === null)
    return { row: null, errors };
  return { row: { nip, provider, assessedAt, managerial, socioCultural, validUntil, potentialLevel }, errors };
}

/** Every row; one NIP with one assessment date twice in the file refuses both rows. */
export function validateAssessmentResultRows(
  rows: readonly (readonly string[])[],
  map: sheet.ImportHeaderMap,
  ctx: AssessmentRowContext,
  maxErrors = 500,
): sheet.ValidatedRows<ImportedAssessmentResult> {
  return sheet.validateImportRows(
    rows,
    map,
    {
      validate: (cells, line) => validateAssessmentResultRow(cells, map, line, ctx),
      key: (r) => `${r.nip}:${r.assessedAt}`,
      keyColumn: 'assessedAt',
      duplicateMessage: (first) => `NIP dengan tanggal asesmen yang sama muncul lebih dari sekali (baris ${first})`,
    },
    maxErrors,
  );
}

/** Results are the same when every imported field is (the id and provenance aside). */
export function sameAssessmentResult(
  a: Omit<ImportedAssessmentResult, 'nip' | 'candidateId'>,
  b: Omit<ImportedAssessmentResult, 'nip' | 'candidateId'>,
): boolean {
  return (
    a.provider === b.provider &&
    a.assessedAt === b.assessedAt &&
    a.managerial === b.managerial &&
    a.socioCultural === b.socioCultural &&
    a.validUntil === b.validUntil &&
    (a.potentialLevel ?? null) === (b.potentialLevel ?? null)
  );
}
