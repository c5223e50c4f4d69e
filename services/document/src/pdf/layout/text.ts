/** Flowing body text: paragraphs, section headings, numbered lists and label–value rows. */
import { bodyText, cm, contentLeft, contentWidth, ensureSpace, LINE_GAP } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';

const PARAGRAPH_GAP = 6;

export interface ParagraphOptions {
  /** First-line indent in points (Indonesian letters often indent paragraphs). */
  indent?: number;
  /** Extra left indent of the whole paragraph, e.g. under a section heading. */
  inset?: number;
  align?: 'justify' | 'left' | 'center' | 'right';
}

/** Height `paragraph` will take with the same options (including the gap after it). */
export function paragraphHeight(doc: Doc, text: string, options: ParagraphOptions = {}): number {
  bodyText(doc);
  const width = contentWidth(doc) - (options.inset ?? 0);
  return doc.heightOfString(text, { width, lineGap: LINE_GAP, indent: options.indent ?? 0 }) + PARAGRAPH_GAP;
}

export function paragraph(doc: Doc, text: string, options: ParagraphOptions = {}): void {
  const inset = options.inset ?? 0;
  const width = contentWidth(doc) - inset;
  bodyText(doc);
  // Keep at least two lines together so a paragraph never starts on the last line of a page.
  ensureSpace(
    doc,
    Math.min(doc.heightOfString(text, { width, lineGap: LINE_GAP }), 2 * doc.currentLineHeight(true) + 2 * LINE_GAP),
  );
  doc.text(text, contentLeft(doc) + inset, doc.y, {
    width,
    align: options.align ?? 'justify',
    lineGap: LINE_GAP,
    indent: options.indent ?? 0,
  });
  doc.x = contentLeft(doc);
  doc.y += PARAGRAPH_GAP;
}

/** A bold heading such as 'A. Jabatan yang Lowong', kept on the same page as what follows. */
export function sectionHeading(doc: Doc, text: string, keepWithNext = cm(2.5)): void {
  bodyText(doc);
  ensureSpace(doc, doc.currentLineHeight(true) + keepWithNext);
  doc.font(FONT.bold).text(text, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap: LINE_GAP });
  bodyText(doc);
  doc.x = contentLeft(doc);
  doc.y += 3;
}

export interface ListOptions {
  inset?: number;
  /** Marker of item i (0-based); default '1.', '2.', … */
  marker?: (index: number) => string;
  markerWidth?: number;
}

/** Numbered list with hanging indent; an item that fits on a page is never split across two. */
export function numberedList(doc: Doc, items: readonly string[], options: ListOptions = {}): void {
  const left = contentLeft(doc) + (options.inset ?? 0);
  const markerWidth = options.markerWidth ?? cm(0.8);
  const width = contentWidth(doc) - (options.inset ?? 0) - markerWidth;
  const marker = options.marker ?? ((i: number) => `${i + 1}.`);
  bodyText(doc);
  items.forEach((item, i) => {
    ensureSpace(doc, doc.heightOfString(item, { width, lineGap: LINE_GAP }));
    const y = doc.y;
    doc.text(marker(i), left, y, { width: markerWidth, lineBreak: false });
    doc.text(item, left + markerWidth, y, { width, align: 'justify', lineGap: LINE_GAP });
    doc.y += 2;
  });
  doc.x = contentLeft(doc);
  doc.y += PARAGRAPH_GAP - 2;
}

function listGeometry(doc: Doc, options: ListOptions) {
  const markerWidth = options.markerWidth ?? cm(0.8);
  return { markerWidth, width: contentWidth(doc) - (options.inset ?? 0) - markerWidth };
}

/** Height `titledList` takes with the same arguments (including the gap after it). */
export function titledListHeight(
  doc: Doc,
  heading: string,
  items: readonly string[],
  options: ListOptions = {},
): number {
  const { width } = listGeometry(doc, options);
  bodyText(doc);
  const headingHeight = doc.currentLineHeight(true) + LINE_GAP;
  const itemsHeight = items.reduce((h, item) => h + doc.heightOfString(item, { width, lineGap: LINE_GAP }) + 2, 0);
  return headingHeight + itemsHeight + PARAGRAPH_GAP - 2;
}

/**
 * A heading line such as 'Lampiran:' or 'Tembusan:' over a numbered list; the heading never stands
 * alone at the foot of a page.
 */
export function titledList(doc: Doc, heading: string, items: readonly string[], options: ListOptions = {}): void {
  if (items.length === 0) return;
  const { width } = listGeometry(doc, options);
  bodyText(doc);
  const first = doc.heightOfString(items[0] ?? '', { width, lineGap: LINE_GAP });
  ensureSpace(doc, doc.currentLineHeight(true) + LINE_GAP + first);
  doc.text(heading, contentLeft(doc) + (options.inset ?? 0), doc.y, { width: contentWidth(doc), lineGap: LINE_GAP });
  numberedList(doc, items, options);
}

/** 'Hari/Tanggal : Senin, …' rows as used in minutes (berita acara) and decrees. */
export function labelValueRows(
  doc: Doc,
  rows: readonly (readonly [label: string, value: string])[],
  options: { inset?: number; labelWidth?: number; valueWidth?: number } = {},
): void {
  const left = contentLeft(doc) + (options.inset ?? 0);
  const labelWidth = options.labelWidth ?? cm(4);
  const colonWidth = cm(0.5);
  const valueWidth = options.valueWidth ?? contentWidth(doc) - (options.inset ?? 0) - labelWidth - colonWidth;
  bodyText(doc);
  for (const [label, value] of rows) {
    ensureSpace(doc, doc.heightOfString(value, { width: valueWidth, lineGap: LINE_GAP }));
    const y = doc.y;
    doc.text(label, left, y, { width: labelWidth, lineGap: LINE_GAP });
    const afterLabel = doc.y;
    doc.text(':', left + labelWidth, y, { width: colonWidth, lineBreak: false });
    doc.text(value, left + labelWidth + colonWidth, y, { width: valueWidth, lineGap: LINE_GAP });
    doc.y = Math.max(doc.y, afterLabel);
  }
  doc.x = contentLeft(doc);
  doc.y += PARAGRAPH_GAP;
}
