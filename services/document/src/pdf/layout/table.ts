/**
 * Bordered table that continues across pages and repeats its header on each one. pdfkit's doc.table
 * does not repeat headers (0.20), hence our own row loop with page-break detection.
 */
import type { DocumentTable } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth, ensureSpace, TEXT_SIZE } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';

export interface TableColumn<Row> {
  header: string;
  /** Points, or '*' to share the remaining width equally with the other '*' columns. */
  width: number | '*';
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  value: (row: Row, index: number) => string;
}

export interface TableOptions<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  fontSize?: number;
  padding?: number;
  headerFill?: string;
  /** Indent from the left margin (a table in the value column of a decree); the table narrows by as much. */
  inset?: number;
  /** Called once per page that receives rows, with the 1-based page number (tests, audits). */
  onPage?: (pageIndex: number) => void;
}

const BORDER = 0.6;

export function drawTable<Row>(doc: Doc, options: TableOptions<Row>): void {
  const inset = options.inset ?? 0;
  const left = contentLeft(doc) + inset;
  const widths = resolveWidths(options.columns, contentWidth(doc) - inset);
  const fontSize = options.fontSize ?? TEXT_SIZE.body - 1;
  const padding = options.padding ?? 4;
  const headerCells = options.columns.map((c) => c.header);
  const headerSize = headerFontSize(doc, headerCells, widths, fontSize, padding);
  const sizeOf = (header: boolean) => (header ? headerSize : fontSize);

  const measure = (cells: readonly string[], header: boolean): number => {
    doc.font(header ? FONT.bold : FONT.body).fontSize(sizeOf(header));
    const tallest = Math.max(
      ...cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * padding })),
    );
    return tallest + 2 * padding;
  };
  const headerHeight = measure(headerCells, true);

  const drawRow = (cells: readonly string[], height: number, header: boolean): void => {
    const y = doc.y;
    let x = left;
    doc.save();
    if (header) doc.rect(left, y, sum(widths), height).fill(options.headerFill ?? '#e8e8e8');
    doc.fillColor('black').lineWidth(BORDER);
    cells.forEach((text, i) => {
      const column = options.columns[i];
      const w = widths[i] ?? 0;
      doc.rect(x, y, w, height).stroke();
      doc.font(header ? FONT.bold : FONT.body).fontSize(sizeOf(header));
      const textHeight = doc.heightOfString(text, { width: w - 2 * padding });
      const valign = header ? 'middle' : (column?.valign ?? 'top');
      const ty = valign === 'middle' ? y + (height - textHeight) / 2 : y + padding;
      doc.text(text, x + padding, ty, { width: w - 2 * padding, align: header ? 'center' : (column?.align ?? 'left') });
      x += w;
    });
    doc.restore();
    doc.x = contentLeft(doc);
    doc.y = y + height;
  };

  let pageWithRows = -1;
  options.rows.forEach((row, index) => {
    const cells = options.columns.map((c) => c.value(row, index));
    const height = measure(cells, false);
    const isFirst = index === 0;
    // The header never stands alone at the foot of a page: it moves with the first row that follows.
    const broke = ensureSpace(doc, (isFirst ? headerHeight : 0) + height + 1);
    if (isFirst || broke) drawRow(headerCells, headerHeight, true);
    const page = currentPageNumber(doc);
    if (page !== pageWithRows) {
      pageWithRows = page;
      options.onPage?.(page);
    }
    drawRow(cells, height, false);
  });
  bodyText(doc);
  doc.y += 8;
}

/** Smallest size a header may shrink to so that none of its words is broken inside. */
const MIN_HEADER_SIZE = 6.5;

/**
 * The header row's size: the body size, or smaller when a header word ('Presentasi', 'Peringkat') is
 * wider than its column, so narrow columns of wide tables never break a word in the middle.
 */
function headerFontSize(
  doc: Doc,
  headers: readonly string[],
  widths: readonly number[],
  size: number,
  padding: number,
): number {
  doc.font(FONT.bold).fontSize(size);
  let scale = 1;
  headers.forEach((header, i) => {
    const room = (widths[i] ?? 0) - 2 * padding;
    for (const word of header.split(/\s+/)) {
      const width = doc.widthOfString(word);
      if (width > room && room > 0) scale = Math.min(scale, room / width);
    }
  });
  return Math.max(MIN_HEADER_SIZE, Math.floor(size * scale * 2) / 2);
}

/** Wide tables (score sheets) drop a point so more fits on a line. */
const WIDE_TABLE_COLUMNS = 6;

/**
 * A table given as strings (official documents): relative column widths become shares of the text
 * width, the caption is a bold line kept with the header, and a table without rows prints one row of
 * '-' so an empty list still shows on paper.
 */
export function drawDocumentTable(doc: Doc, table: DocumentTable, options: { inset?: number } = {}): void {
  const inset = options.inset ?? 0;
  const total = contentWidth(doc) - inset;
  const relative = table.columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const share = sum(relative);
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => '-')];
  if (table.caption) {
    bodyText(doc);
    ensureSpace(doc, doc.currentLineHeight(true) + cm(2));
    doc.font(FONT.bold).text(table.caption, contentLeft(doc) + inset, doc.y, { width: total });
    bodyText(doc);
    doc.x = contentLeft(doc);
    doc.y += 3;
  }
  drawTable<readonly string[]>(doc, {
    rows,
    inset,
    fontSize: table.columns.length > WIDE_TABLE_COLUMNS ? TEXT_SIZE.note : TEXT_SIZE.body - 1,
    columns: table.columns.map((column, i) => ({
      header: column.header,
      width: (total * (relative[i] ?? 1)) / share,
      align: column.align ?? 'left',
      value: (row) => row[i] ?? '',
    })),
  });
}

function resolveWidths<Row>(columns: readonly TableColumn<Row>[], total: number): number[] {
  const fixed = sum(columns.map((c) => (c.width === '*' ? 0 : c.width)));
  const stars = columns.filter((c) => c.width === '*').length;
  const star = stars > 0 ? Math.max(0, total - fixed) / stars : 0;
  return columns.map((c) => (c.width === '*' ? star : c.width));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** 1-based number of the page being drawn (pages are buffered). */
export function currentPageNumber(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}
