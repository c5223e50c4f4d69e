/**
 * Body of a generic official document. Plain strings become the printed shapes of naskah dinas by a few
 * conventions (documented on `OfficialDocumentRequest`): a label column ('Menimbang : a. bahwa …',
 * 'KESATU : …', 'Hari/Tanggal : …'), hanging list items, section and centred headings, and
 * '{{table:N}}' placing a table.
 */
import type { DocumentTable } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth, ensureSpace, LINE_GAP } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';
import type { KeptBlock } from './closing';
import { currentPageNumber, drawDocumentTable } from './table';
import { paragraph, paragraphHeight, sectionHeading } from './text';

export type BodyBlock =
  | { type: 'table'; index: number; underLabel: boolean }
  | { type: 'centred'; text: string }
  | { type: 'section'; text: string }
  /** `marker`: given by builders (null for none); parsed from the text when absent. Justified by default. */
  | { type: 'labelled'; label: string; text: string; marker?: string | null; align?: 'left' | 'justify' }
  | { type: 'item'; marker: string; text: string; underLabel: boolean }
  /** Text continuing in the value column of the label row above it (built, never parsed). */
  | { type: 'value'; text: string }
  | { type: 'paragraph'; text: string };

const TABLE = /^\{\{\s*table\s*:\s*(\d+)\s*\}\}$/;
/** 1–3 words starting with a capital, whitespace on both sides of the colon, then the value. */
const LABELLED = /^(\p{Lu}[\p{L}\p{N}/.()-]*(?: [\p{L}\p{N}/.()-]+){0,2})[ \t]+:[ \t]+(\S[\s\S]*)$/u;
const ITEM = /^((?:[a-z]|\d{1,2})[.)]|[-•–])[ \t]+(\S[\s\S]*)$/;
const SECTION = /^(?:[A-Z]|[IVX]{1,5})\.[ \t]+\S/;
const MAX_LABEL_LENGTH = 30;
const MAX_HEADING_LENGTH = 120;

const COLON_WIDTH = cm(0.4);
const MARKER_WIDTH = cm(0.7);
const LIST_INSET = cm(0.6);
const ROW_GAP = 3;
const ITEM_GAP = 2;
const CENTRED_GAP = 4;

/** The table index of a '{{table:N}}' paragraph, or null for any other text. */
export function tablePlaceholder(text: string): number | null {
  const m = TABLE.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** 'a. text' → { marker: 'a.', text: 'text' }; null when the text does not start with a list marker. */
export function splitListMarker(text: string): { marker: string; text: string } | null {
  const m = ITEM.exec(text);
  return m?.[1] && m[2] ? { marker: m[1], text: m[2] } : null;
}

/** Classifies each paragraph; see the conventions on `OfficialDocumentRequest`. */
export function parseBody(paragraphs: readonly string[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const raw of paragraphs) {
    const text = raw.trim();
    const prev = blocks.at(-1);
    const table = tablePlaceholder(text);
    const labelled = LABELLED.exec(text);
    const item = ITEM.exec(text);
    const short = text.length <= MAX_HEADING_LENGTH && !text.includes('\n') && !text.endsWith('.');
    // In the value column after a label row that opens a list ('Menimbang : a. …', 'KESATU : … berikut:').
    const underLabel =
      (prev?.type === 'labelled' && (ITEM.test(prev.text) || prev.text.endsWith(':'))) ||
      (prev?.type === 'item' && prev.underLabel);
    if (table !== null) {
      blocks.push({ type: 'table', index: table, underLabel });
    } else if (labelled?.[1] && labelled[2] && labelled[1].length <= MAX_LABEL_LENGTH) {
      blocks.push({ type: 'labelled', label: labelled[1], text: labelled[2] });
    } else if (item?.[1] && item[2]) {
      blocks.push({ type: 'item', marker: item[1], text: item[2], underLabel });
    } else if (short && SECTION.test(text)) {
      blocks.push({ type: 'section', text });
    } else if (short && !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 3) {
      blocks.push({ type: 'centred', text });
    } else {
      blocks.push({ type: 'paragraph', text });
    }
  }
  return blocks;
}

export interface BodyContext {
  tables: readonly DocumentTable[];
  /** First-line indent of plain paragraphs. */
  indent: number;
  /** Width of the label column, the same for every label row of the document (`labelColumnWidth`). */
  labelWidth: number;
}

/** The label column fits the widest label, within 2.5–4.5 cm. */
export function labelColumnWidth(doc: Doc, blocks: readonly BodyBlock[]): number {
  bodyText(doc);
  const widths = blocks.map((b) => (b.type === 'labelled' ? doc.widthOfString(b.label) : 0));
  return Math.min(cm(4.5), Math.max(cm(2.5), Math.max(0, ...widths) + cm(0.2)));
}

interface Geometry {
  left: number;
  width: number;
  valueX: number;
  valueWidth: number;
}

function geometry(doc: Doc, ctx: BodyContext): Geometry {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const valueX = left + ctx.labelWidth + COLON_WIDTH;
  return { left, width, valueX, valueWidth: width - ctx.labelWidth - COLON_WIDTH };
}

/** Where a hanging item sits: in the value column under a label, else slightly inset. */
function itemBox(g: Geometry, underLabel: boolean): { x: number; width: number } {
  return underLabel
    ? { x: g.valueX, width: g.valueWidth - MARKER_WIDTH }
    : { x: g.left + LIST_INSET, width: g.width - LIST_INSET - MARKER_WIDTH };
}

/** A label row's value split into an optional list marker and its text. */
function labelledValue(block: Extract<BodyBlock, { type: 'labelled' }>): { marker: string | null; text: string } {
  if (block.marker !== undefined) return { marker: block.marker, text: block.text };
  const sub = ITEM.exec(block.text);
  return sub?.[1] && sub[2] ? { marker: sub[1], text: sub[2] } : { marker: null, text: block.text };
}

const textOptions = (width: number) => ({ width, lineGap: LINE_GAP });

/** Height the block takes, including the gap after it (tables: 0, they are never kept with anything). */
export function blockHeight(doc: Doc, block: BodyBlock, ctx: BodyContext): number {
  const g = geometry(doc, ctx);
  bodyText(doc);
  switch (block.type) {
    case 'table':
      return 0;
    case 'paragraph':
      return paragraphHeight(doc, block.text, { indent: ctx.indent });
    case 'section':
      return doc.font(FONT.bold).heightOfString(block.text, textOptions(g.width)) + 3;
    case 'centred':
      return doc.font(FONT.bold).heightOfString(block.text, textOptions(g.width)) + 2 * CENTRED_GAP;
    case 'item':
      return doc.heightOfString(block.text, textOptions(itemBox(g, block.underLabel).width)) + ITEM_GAP;
    case 'value':
      return doc.heightOfString(block.text, textOptions(g.valueWidth)) + ITEM_GAP;
    case 'labelled': {
      const value = labelledValue(block);
      const valueWidth = g.valueWidth - (value.marker ? MARKER_WIDTH : 0);
      return (
        Math.max(
          doc.heightOfString(block.label, textOptions(ctx.labelWidth)),
          doc.heightOfString(value.text, textOptions(valueWidth)),
        ) + ROW_GAP
      );
    }
  }
}

/** Keeps a block on one page when it fits on a page; a longer one starts with at least two lines. */
function keepTogether(doc: Doc, height: number): void {
  const page = doc.page.maxY() - doc.page.margins.top;
  ensureSpace(doc, height <= page ? height : 2 * (doc.currentLineHeight(true) + LINE_GAP));
}

/** Leaves doc.y below whatever went lowest, unless the text flowed onto a new page. */
function finishRow(doc: Doc, left: number, page: number, lowest: number, gap: number): void {
  if (currentPageNumber(doc) === page) doc.y = Math.max(doc.y, lowest);
  doc.x = left;
  doc.y += gap;
  bodyText(doc);
}

export function drawBlock(doc: Doc, block: BodyBlock, ctx: BodyContext): void {
  const g = geometry(doc, ctx);
  bodyText(doc);
  switch (block.type) {
    case 'table': {
      const table = ctx.tables[block.index];
      if (table) drawDocumentTable(doc, table, { inset: block.underLabel ? g.valueX - g.left : 0 });
      return;
    }
    case 'paragraph':
      paragraph(doc, block.text, { indent: ctx.indent });
      return;
    case 'section':
      sectionHeading(doc, block.text);
      return;
    case 'centred': {
      ensureSpace(doc, blockHeight(doc, block, ctx) + cm(1.5));
      doc.y += CENTRED_GAP;
      doc.font(FONT.bold).text(block.text, g.left, doc.y, { ...textOptions(g.width), align: 'center' });
      finishRow(doc, g.left, currentPageNumber(doc), doc.y, CENTRED_GAP);
      return;
    }
    case 'item': {
      const box = itemBox(g, block.underLabel);
      keepTogether(doc, blockHeight(doc, block, ctx) - ITEM_GAP);
      const y = doc.y;
      doc.text(block.marker, box.x, y, { width: MARKER_WIDTH, lineBreak: false });
      doc.text(block.text, box.x + MARKER_WIDTH, y, { ...textOptions(box.width), align: 'justify' });
      finishRow(doc, g.left, currentPageNumber(doc), doc.y, ITEM_GAP);
      return;
    }
    case 'value': {
      keepTogether(doc, blockHeight(doc, block, ctx) - ITEM_GAP);
      doc.text(block.text, g.valueX, doc.y, { ...textOptions(g.valueWidth), align: 'justify' });
      finishRow(doc, g.left, currentPageNumber(doc), doc.y, ITEM_GAP);
      return;
    }
    case 'labelled': {
      const value = labelledValue(block);
      keepTogether(doc, blockHeight(doc, block, ctx) - ROW_GAP);
      const y = doc.y;
      const page = currentPageNumber(doc);
      doc.text(block.label, g.left, y, textOptions(ctx.labelWidth));
      const belowLabel = doc.y;
      doc.text(':', g.left + ctx.labelWidth, y, { width: COLON_WIDTH, lineBreak: false });
      let x = g.valueX;
      if (value.marker) {
        doc.text(value.marker, x, y, { width: MARKER_WIDTH, lineBreak: false });
        x += MARKER_WIDTH;
      }
      doc.text(value.text, x, y, { ...textOptions(g.valueX + g.valueWidth - x), align: block.align ?? 'justify' });
      finishRow(doc, g.left, page, belowLabel, ROW_GAP);
      return;
    }
  }
}

/** A block ending with ':' ('KEDUA : … mempunyai tugas:') introduces the next one and stays with it. */
function introducesNext(block: BodyBlock): boolean {
  return block.type !== 'table' && block.text.trimEnd().endsWith(':');
}

/** Draws the blocks in order; returns the indexes of the tables they placed. */
export function drawBody(doc: Doc, blocks: readonly BodyBlock[], ctx: BodyContext): Set<number> {
  const placed = new Set<number>();
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (next && next.type !== 'table' && introducesNext(block)) {
      const twoLines = 2 * (doc.currentLineHeight(true) + LINE_GAP);
      const height = blockHeight(doc, block, ctx) + Math.min(blockHeight(doc, next, ctx), twoLines);
      if (height <= doc.page.maxY() - doc.page.margins.top) ensureSpace(doc, height);
    }
    if (block.type === 'table') placed.add(block.index);
    drawBlock(doc, block, ctx);
  });
  bodyText(doc);
  return placed;
}

/** The block kept with the signature (the last closing paragraph), measured at draw time. */
export function keptBlock(doc: Doc, block: BodyBlock | undefined, ctx: BodyContext): KeptBlock | null {
  return block ? { height: blockHeight(doc, block, ctx), draw: () => drawBlock(doc, block, ctx) } : null;
}
