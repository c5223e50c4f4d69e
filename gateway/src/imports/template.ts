/**
 * Downloadable import templates (XLSX with a sheet of instructions, or CSV) and a writer of plain
 * XLSX sheets (tests and benchmarks build their files with it).
 */
import ExcelJS from 'exceljs';
import { IMPORT_KIND_INFO, IMPORT_KINDS, PROFILE_COLUMNS, type ImportKind } from '@seleksi/domain';

/** The SKP years a template offers: the three years before `year`. */
export function templateSkpYears(year: number): number[] {
  return [year - 3, year - 2, year - 1];
}

export function profileTemplateHeader(year: number): string[] {
  const years = templateSkpYears(year);
  return [...PROFILE_COLUMNS.map((c) => c.header), ...years.map((y) => `SKP_${y}`), ...years.map((y) => `JP_${y}`)];
}

function profileTemplateExample(year: number): string[] {
  const years = templateSkpYears(year);
  return [...PROFILE_COLUMNS.map((c) => c.example), ...years.map(() => 'Baik'), ...years.map(() => '24')];
}

/** One row: every cell a string, so a CSV needs quotes only where a cell holds the delimiter or a quote. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function profileTemplateCsv(year: number): string {
  return toCsv([profileTemplateHeader(year), profileTemplateExample(year)]);
}

/** A workbook of one sheet of text cells (NIPs stay text, never numbers). */
export async function writeXlsx(header: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header of a kind's template (profiles: with the SKP columns of the three years before `year`). */
export function templateHeader(kind: ImportKind, year: number): string[] {
  return kind === 'PROFILES' ? profileTemplateHeader(year) : IMPORT_KIND_INFO[kind].columns.map((c) => c.header);
}

function templateExample(kind: ImportKind, year: number): string[] {
  return kind === 'PROFILES' ? profileTemplateExample(year) : IMPORT_KIND_INFO[kind].columns.map((c) => c.example);
}

export function templateCsv(kind: ImportKind, year: number): string {
  return toCsv([templateHeader(kind, year), templateExample(kind, year)]);
}

/** The kind whose template is `<name>.csv` / `<name>.xlsx` (`profil-asn`, `hasil-asesmen`, `jabatan-target`). */
export function templateKind(name: string): ImportKind | null {
  return IMPORT_KINDS.find((k) => IMPORT_KIND_INFO[k].template === name) ?? null;
}

export function profileTemplateXlsx(year: number): Promise<Buffer> {
  return templateXlsx('PROFILES', year);
}

/** A kind's template: its columns as text (NIPs and codes stay text), an example row, and the instructions. */
export async function templateXlsx(kind: ImportKind, year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(IMPORT_KIND_INFO[kind].label);
  const header = templateHeader(kind, year);
  ws.addRow(header).font = { bold: true };
  ws.addRow(templateExample(kind, year));
  // Text format for every column: an 18-digit NIP typed as a number would lose its last digits.
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.numFmt = '@';
    col.width = Math.max(14, h.length + 4);
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('Petunjuk');
  help.addRow(['Kolom', 'Wajib', 'Nama lain yang dikenali (SIASN)', 'Isi']).font = { bold: true };
  for (const c of IMPORT_KIND_INFO[kind].columns)
    help.addRow([c.header, c.required ? 'Ya' : 'Tidak', c.aliases.join(', '), c.description]);
  if (kind === 'PROFILES')
    help.addRow([
      'SKP_<tahun>',
      'Tidak',
      'PREDIKAT_KINERJA_<tahun>, PREDIKAT_SKP_<tahun>, NILAI_SKP_<tahun>',
      'Predikat SKP tahun itu: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang (satu kolom per tahun)',
    ]);
  if (kind === 'PROFILES')
    help.addRow([
      'JP_<tahun>',
      'Tidak',
      'JP_PENGEMBANGAN_<tahun>, JAM_PELAJARAN_<tahun>',
      'Jam pelajaran (JP) pengembangan kompetensi tahun itu, bilangan bulat (dimensi kompetensi IP ASN)',
    ]);
  help.addRow([]);
  help.addRow([
    'Hanya lembar pertama yang dibaca. Baris contoh (baris 2) dihapus sebelum mengunggah. Rumus tidak diterima.',
  ]);
  help.columns.forEach((c, i) => (c.width = [22, 8, 50, 90][i] ?? 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
