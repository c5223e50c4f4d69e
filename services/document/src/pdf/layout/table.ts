/**
 * Bordered table that continues across pages and repeats its header on each one. pdfkit's doc.table
 * does not repeat headers (0.20), hence our own row loop with page-break detection.
 */
import { bodyText, contentLeft, contentWidth, ensureSpace, TEXT_SIZE } from '../document';
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
  /** Called once per page that receives rows, with the 1-based page number (tests, audits). */
  onPage?: (pageIndex: number) => void;
}

const BORDER = 0.6;

export function drawTable<Row>(doc: Doc, options: TableOptions<Row>): void {
  const left = contentLeft(doc);
  const widths = resolveWidths(options.columns, contentWidth(doc));
  const fontSize = options.fontSize ?? TEXT_SIZE.body - 1;
  const padding = options.padding ?? 4;
  const headerCells = options.columns.map((c) => c.header);

  const measure = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(fontSize);
    const tallest = Math.max(
      ...cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * padding })),
    );
    return tallest + 2 * padding;
  };
  const headerHeight = measure(headerCells, FONT.bold);

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
      doc.font(header ? FONT.bold : FONT.body).fontSize(fontSize);
      const textHeight = doc.heightOfString(text, { width: w - 2 * padding });
      const valign = header ? 'middle' : (column?.valign ?? 'top');
      const ty = valign === 'middle' ? y + (height - textHeight) / 2 : y + padding;
      doc.text(text, x + padding, ty, { width: w - 2 * padding, align: header ? 'center' : (column?.align ?? 'left') });
      x += w;
    });
    doc.restore();
    doc.x = left;
    doc.y = y + height;
  };

  let pageWithRows = -1;
  options.rows.forEach((row, index) => {
    const cells = options.columns.map((c) => c.value(row, index));
    const height = measure(cells, FONT.body);
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
