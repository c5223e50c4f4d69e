/**
 * One export as a table (headers in Bahasa Indonesia, rows produced page by page) and its two
 * renderings, both streamed to the response as the rows arrive: XLSX (exceljs' streaming writer) and
 * CSV (csv-stringify, UTF-8 with a BOM so spreadsheet programs read the accents).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { TIME_ZONES, type AgencyTimeZone } from '@seleksi/domain';

/** An instant, written in the agency's time zone. */
export interface InstantCell {
  at: string;
}
export type Cell = string | number | null | InstantCell;

export interface ExportColumn {
  header: string;
  width?: number;
}

export interface ExportTable {
  /** Without extension, e.g. `pelamar-<selection>`; made safe for a header here. */
  fileName: string;
  /** At most 31 characters (XLSX). */
  sheetName: string;
  columns: ExportColumn[];
  rows: AsyncIterable<Cell[]>;
  timeZone: AgencyTimeZone;
  /**
   * Said when a read behind the rows hit its cap: the file then ends with a row holding this notice (in Bahasa
   * Indonesia) and the response carries `X-Export-Incomplete: true`, so a partial list never passes as whole.
   */
  incomplete?: string;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Date and time cells in XLSX: the agency's wall-clock time (spreadsheets have no time zones). */
export const XLSX_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

export const instant = (at: string | null | undefined): Cell => (at ? { at } : null);

/**
 * A service's cursor-paged list, a page at a time (each `nextCursor` passed as the next `after`): the next
 * page is read only when the export asks for more rows, so a client that leaves stops the reading.
 */
export async function* streamPages<T>(
  read: (after: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): AsyncGenerator<T[]> {
  let after: string | undefined;
  do {
    const page = await read(after);
    yield page.items;
    after = page.nextCursor ?? undefined;
  } while (after);
}

/** ' (WITA)' etc., for the headers of date columns. */
export const zoneSuffix = (tz: AgencyTimeZone) => ` (${tz})`;

/** The wall-clock time at the agency as a UTC-based Date (what a spreadsheet cell shows as is). */
function wallClock(at: string, tz: AgencyTimeZone): Date {
  return new Date(new Date(at).getTime() + TIME_ZONES[tz].offsetMinutes * 60_000);
}

/** 'YYYY-MM-DD HH:mm' at the agency. */
export function localDateTime(at: string, tz: AgencyTimeZone): string {
  return wallClock(at, tz).toISOString().slice(0, 16).replace('T', ' ');
}

const isInstant = (c: Cell): c is InstantCell => typeof c === 'object' && c !== null;

function contentDisposition(fileName: string, format: ExportFormat): string {
  const name = `${fileName}.${format}`;
  const ascii = name.replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Headers of a download; set once every check has passed, just before the first byte. */
export function exportHeaders(
  table: Pick<ExportTable, 'fileName' | 'incomplete'>,
  format: ExportFormat,
): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': contentDisposition(table.fileName, format),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(table.incomplete ? { 'X-Export-Incomplete': 'true' } : {}),
  };
}

/** The client closed the connection before the whole file was sent. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection during the export');
    this.name = 'ClientGone';
  }
}

/**
 * Resolves once `out` has sent everything, rejects with ClientGone when it closes before. Created before
 * the first write (the events may come before the writer is done) and never left unhandled.
 */
function whenSent(out: Writable): Promise<void> {
  const sent = new Promise<void>((resolve, reject) => {
    out.once('finish', () => resolve());
    out.once('close', () => (out.writableFinished ? resolve() : reject(new ClientGone())));
  });
  sent.catch(() => undefined);
  return sent;
}

/** The rows until the client goes away: then no further page is read from the services. */
async function* whileConnected(out: Writable, rows: AsyncIterable<Cell[]>): AsyncGenerator<Cell[]> {
  for await (const cells of rows) {
    if (out.destroyed) throw new ClientGone();
    yield cells;
  }
}

/** Writes the table to `out` (the HTTP response) in `format`; resolves when everything is sent. */
export async function writeExport(out: Writable, table: ExportTable, format: ExportFormat): Promise<void> {
  const sent = whenSent(out);
  // A write to a response whose client left is answered with an error event; the row loop then stops.
  out.on('error', () => undefined);
  const rows = whileConnected(out, table.rows);
  if (format === 'xlsx') await writeXlsx(out, table, rows);
  else await writeCsv(out, table, rows, sent);
  await sent;
}

async function writeXlsx(out: Writable, table: ExportTable, rows: AsyncIterable<Cell[]>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Seleksi JPT';
  const sheet = book.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2));
  });
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const cells of rows) {
    const row = sheet.addRow(cells.map((c) => (isInstant(c) ? wallClock(c.at, table.timeZone) : c)));
    cells.forEach((c, i) => {
      if (isInstant(c)) row.getCell(i + 1).numFmt = XLSX_DATETIME_FORMAT;
    });
    row.commit();
  }
  if (table.incomplete) {
    const note = sheet.addRow([table.incomplete]);
    note.font = { bold: true };
    note.commit();
  }
  sheet.commit();
  await book.commit();
}

async function writeCsv(
  out: Writable,
  table: ExportTable,
  rows: AsyncIterable<Cell[]>,
  sent: Promise<void>,
): Promise<void> {
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  csv.pipe(out);
  // Waits for the response to take more, or for the client to leave (then `sent` rejects).
  const write = async (cells: (string | number | null)[]) => {
    if (!csv.write(cells)) await Promise.race([once(csv, 'drain'), sent]);
  };
  await write(table.columns.map((c) => c.header));
  for await (const cells of rows) {
    await write(cells.map((c) => (isInstant(c) ? localDateTime(c.at, table.timeZone) : c)));
  }
  if (table.incomplete) await write([table.incomplete]);
  csv.end();
}
