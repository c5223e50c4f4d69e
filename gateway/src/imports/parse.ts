/**
 * Reads an uploaded import file into a header and rows of text cells. The kind is decided by the
 * content, never by the name: an XLSX is a ZIP package (read with exceljs, streaming, first sheet),
 * anything else must be UTF-8 text without NUL bytes (read with csv-parse, delimiter `,` `;` or tab).
 * Formulas are refused: only values are imported.
 */
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '@seleksi/domain';

export type SheetFormat = 'CSV' | 'XLSX';

export interface Sheet {
  format: SheetFormat;
  header: string[];
  rows: string[][];
}

export interface ReadLimits {
  maxBytes: number;
  /** Data rows (after the header). */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 40 * 1024 * 1024, maxRows: 200_000 };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const invalid = (message: string) => new DomainError('INVALID_FILE', message, 'file');

/** CSV or XLSX by content; INVALID_FILE for anything else. */
export function sniffFormat(bytes: Uint8Array): SheetFormat {
  if (bytes.length === 0) throw invalid('Berkas kosong');
  if (startsWith(bytes, ZIP)) return 'XLSX';
  if (startsWith(bytes, OLE))
    throw invalid('Format Excel lama (.xls) tidak didukung; simpan sebagai .xlsx (Excel Workbook) atau CSV');
  if (bytes.subarray(0, 65536).includes(0)) throw invalid('Berkas bukan CSV atau XLSX');
  return 'CSV';
}

function formula(at: string): DomainError {
  return new DomainError(
    'FORMULA_NOT_ALLOWED',
    `Sel ${at} berisi rumus; salin lalu tempel sebagai nilai (Paste Values) sebelum mengunggah`,
    'file',
  );
}

function tooManyRows(max: number): DomainError {
  return new DomainError(
    'FILE_TOO_LARGE',
    `Berkas berisi lebih dari ${max.toLocaleString('id-ID')} baris; bagi menjadi beberapa berkas`,
    'file',
  );
}

/** Reads the file whole (it is in memory already: the upload's size is checked first). */
export async function readSheet(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Sheet> {
  if (bytes.length > limits.maxBytes)
    throw new DomainError(
      'FILE_TOO_LARGE',
      `Berkas lebih dari ${Math.round(limits.maxBytes / 1024 / 1024)} MB; bagi menjadi beberapa berkas`,
      'file',
    );
  const format = sniffFormat(bytes);
  const all = format === 'XLSX' ? await readXlsx(bytes, limits) : readCsv(bytes, limits);
  const first = all.findIndex((r) => r.some((c) => c.trim()));
  if (first < 0) throw invalid('Berkas tidak berisi baris apa pun');
  return { format, header: all[first]!.map((c) => c.trim()), rows: all.slice(first + 1) };
}

function readCsv(bytes: Uint8Array, limits: ReadLimits): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid('Berkas CSV harus berkode UTF-8 (simpan sebagai "CSV UTF-8")');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      to: limits.maxRows + 2,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw invalid(`Berkas CSV tidak dapat dibaca${line ? ` (baris ${line})` : ''}: periksa tanda kutip dan pemisah`);
  }
  if (rows.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.entries()) if (cell.trimStart().startsWith('=')) throw formula(cellName(r, c));
  return rows;
}

function cellName(row: number, col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A cell's value as text; a formula is refused. */
function cellText(v: ExcelJS.CellValue, at: () => string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (v instanceof Date) return isoDate(v);
  if ('formula' in v || 'sharedFormula' in v) throw formula(at());
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : '';
  return '';
}

async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<string[][]> {
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const r = row as ExcelJS.Row;
        if (r.number > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
        // `values` is 1-based (index 0 unused); rows skipped by the file are left empty.
        const values = r.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c], () => cellName(r.number - 1, c - 1)));
        while (rows.length < r.number - 1) rows.push([]);
        rows.push(cells);
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw invalid('Berkas XLSX tidak dapat dibaca (rusak atau bukan buku kerja Excel)');
  }
  return rows;
}
