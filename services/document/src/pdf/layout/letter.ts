/** Head of an official letter (surat dinas): place and date at right, Nomor/Sifat/Lampiran/Perihal, recipient. */
import { bodyText, cm, contentLeft, contentWidth, LINE_GAP } from '../document';
import type { Doc } from '../document';
import { labelValueRows } from './text';

export interface LetterHeader {
  /** 'Samarinda, 24 November 2026', printed at right on the line of the number. */
  placeDate: string;
  number: string;
  /** Security class: 'Biasa', 'Terbatas', 'Rahasia'. */
  sifat: string;
  lampiran: string;
  perihal: string;
  /** 'Yth. …' block; the first line gets 'Yth. ' unless it starts with 'Yth' or 'Kepada'. */
  recipient?: readonly string[] | null;
}

const LABEL_WIDTH = cm(2.3);
const COLON_WIDTH = cm(0.5); // as in labelValueRows
const DATE_GAP = cm(0.8);

/** Recipient lines as printed. */
export function recipientLines(recipient: readonly string[]): string[] {
  const lines = recipient.map((line) => line.trim()).filter((line) => line.length > 0);
  const first = lines[0];
  if (first !== undefined && !/^(yth\b|kepada\b)/i.test(first)) lines[0] = `Yth. ${first}`;
  return lines;
}

export function drawLetterHeader(doc: Doc, header: LetterHeader): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  bodyText(doc);
  const top = doc.y;
  const dateWidth = doc.widthOfString(header.placeDate);
  doc.text(header.placeDate, left, top, { width, align: 'right', lineBreak: false });
  doc.y = top;
  labelValueRows(
    doc,
    [
      ['Nomor', header.number],
      ['Sifat', header.sifat],
      ['Lampiran', header.lampiran],
      ['Perihal', header.perihal],
    ],
    { labelWidth: LABEL_WIDTH, valueWidth: width - LABEL_WIDTH - COLON_WIDTH - dateWidth - DATE_GAP },
  );

  const lines = recipientLines(header.recipient ?? []);
  if (lines.length > 0) {
    doc.y += doc.currentLineHeight(true) * 0.5;
    for (const line of lines) doc.text(line, left, doc.y, { width: width * 0.6, lineGap: LINE_GAP });
  }
  bodyText(doc);
  doc.x = left;
  doc.moveDown(1.2);
}
