/**
 * Import of an agency's target posts (jabatan target of its talent management): the critical posts
 * whose succession-plan group (KRS) talent mapping derives every year, kept in the agency's talent
 * settings (`TalentSettings.targetPosts`). Pure: the gateway validates, the assessment service stores.
 */
import { JPT_LEVELS, type JptLevel } from '../levels';
import type { TargetPost } from '../talent/settings';
import * as sheet from './sheet';

export const TARGET_POST_COLUMNS: readonly sheet.ImportColumn[] = [
  {
    key: 'id',
    header: 'KODE_JABATAN',
    required: true,
    aliases: ['ID_JABATAN', 'JABATAN_ID', 'KODE'],
    description:
      'Kode unik jabatan di instansi (huruf, angka, . _ - /); baris dengan kode yang sama mengubah jabatan itu',
    example: 'SEKDA-ASISTEN-1',
  },
  {
    key: 'title',
    header: 'NAMA_JABATAN',
    required: true,
    aliases: ['JABATAN', 'JABATAN_NAMA', 'NAMA_JABATAN_TARGET'],
    description: 'Nama jabatan target',
    example: 'Asisten Pemerintahan dan Kesejahteraan Rakyat',
  },
  {
    key: 'level',
    header: 'JENJANG',
    required: true,
    aliases: ['JENJANG_JPT', 'JENJANG_JABATAN', 'ESELON', 'JENIS_JABATAN', 'TINGKAT_JABATAN'],
    description: 'JPT Utama, JPT Madya atau JPT Pratama (eselon I.b = Madya, II.a/II.b = Pratama)',
    example: 'JPT Pratama',
  },
  {
    key: 'unit',
    header: 'UNIT_KERJA',
    required: true,
    aliases: ['UNOR_NAMA', 'UNIT_ORGANISASI', 'UNOR'],
    description: 'Unit kerja jabatan',
    example: 'Sekretariat Daerah',
  },
  {
    key: 'field',
    header: 'BIDANG',
    required: false,
    aliases: ['BIDANG_TUGAS', 'RUMPUN_JABATAN', 'RUMPUN'],
    description: 'Bidang tugas untuk pengalaman yang relevan; kosong = semua jabatan manajerial/ahli',
    example: 'Pemerintahan',
  },
];

/** A target post as an import writes it. */
export type ImportedTargetPost = TargetPost;

export function mapTargetPostHeader(header: readonly string[]): sheet.HeaderResult {
  return sheet.mapImportHeader(TARGET_POST_COLUMNS, header);
}

/** The level of `JPT Pratama`, `Pimpinan Tinggi Madya`, `UTAMA`, `II.a`, `II/b`, `I.b`; I.a is ambiguous (null). */
export function parseJptLevel(raw: string): JptLevel | null {
  const n = sheet
    .normalizeHeader(raw)
    .replace(/^(?:JABATAN_)?(?:JPT|PIMPINAN_TINGGI)_/, '')
    .replace(/^ESELON_/, '');
  if ((JPT_LEVELS as readonly string[]).includes(n)) return n as JptLevel;
  // Law 5/2014 art. 131: eselon I.b ≈ JPT Madya, eselon II ≈ JPT Pratama (I.a may be Utama or Madya).
  if (/^II_?[AB]$/.test(n) || n === 'II') return 'PRATAMA';
  if (/^I_?B$/.test(n)) return 'MADYA';
  return null;
}

const POST_ID = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,59}$/;

/** Validates one row: every cell at fault is reported. */
export function validateTargetPostRow(
  cells: readonly string[],
  map: sheet.ImportHeaderMap,
  line: number,
): { row: ImportedTargetPost | null; errors: sheet.ImportCellError[] } {
  const { errors, cell, fail, required } = sheet.rowReader(cells, map, line, { collapseSpaces: true });
  const id = required('id');
  if (id && !POST_ID.test(id))
    fail(
      'id',
      `Kode jabatan hanya huruf, angka, titik, garis bawah, tanda hubung dan garis miring (paling panjang 60): "${id}"`,
    );
  const title = required('title');
  if (title.length > 300) fail('title', 'Nama jabatan paling panjang 300 karakter');
  const levelRaw = required('level');
  const level = levelRaw ? parseJptLevel(levelRaw) : null;
  if (levelRaw && !level)
    fail(
      'level',
      /^I_?A$/.test(sheet.normalizeHeader(levelRaw).replace(/^ESELON_/, ''))
        ? 'Eselon I.a dapat setara JPT Utama atau JPT Madya; tulis jenjangnya (JPT Utama / JPT Madya)'
        : `Jenjang tidak dikenal: "${levelRaw}" (JPT Utama, JPT Madya, JPT Pratama)`,
    );
  const unit = required('unit');
  if (unit.length > 300) fail('unit', 'Unit kerja paling panjang 300 karakter');
  const field = cell('field');
  if (field.length > 200) fail('field', 'Bidang paling panjang 200 karakter');
  if (errors.length || !level) return { row: null, errors };
  return { row: { id, title, level, unit, field: field || null }, errors };
}

/** Every row; one code twice in the file refuses both rows. */
export function validateTargetPostRows(
  rows: readonly (readonly string[])[],
  map: sheet.ImportHeaderMap,
  maxErrors = 500,
): sheet.ValidatedRows<ImportedTargetPost> {
  return sheet.validateImportRows(
    rows,
    map,
    {
      validate: (cells, line) => validateTargetPostRow(cells, map, line),
      key: (p) => p.id,
      keyColumn: 'id',
      duplicateMessage: (first) => `Kode jabatan muncul lebih dari sekali dalam berkas (baris ${first})`,
    },
    maxErrors,
  );
}

/** Posts are the same when every imported field is. */
export function sameTargetPost(a: TargetPost, b: TargetPost): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.level === b.level &&
    a.unit === b.unit &&
    (a.field ?? null) === (b.field ?? null)
  );
}
