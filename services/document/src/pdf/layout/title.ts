/** Centred title block of an official document: kind, number, and the subject after "TENTANG". */
import { bodyText, cm, contentLeft, contentWidth, TEXT_SIZE } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';

export interface TitleBlock {
  /** 'PENGUMUMAN', 'BERITA ACARA', 'KEPUTUSAN …'. */
  kind: string;
  number: string;
  /** Printed before the number; default 'NOMOR: ' (decrees use 'NOMOR '). */
  numberLabel?: string;
  /** Printed under "TENTANG" in capitals; each entry starts a new line (and wraps if too long). */
  about?: string | readonly string[] | null;
}

export function drawTitleBlock(doc: Doc, title: TitleBlock): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  // The subject wraps inside a narrower column so it reads as a centred block, not a paragraph.
  const inset = cm(1);

  doc
    .font(FONT.bold)
    .fontSize(TEXT_SIZE.heading)
    .text(title.kind.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc
    .font(FONT.body)
    .fontSize(TEXT_SIZE.body)
    .text(`${title.numberLabel ?? 'NOMOR: '}${title.number}`, left, doc.y, { width, align: 'center' });
  const about = typeof title.about === 'string' ? [title.about] : (title.about ?? []);
  if (about.length > 0) {
    doc.moveDown(0.3);
    doc.text('TENTANG', left, doc.y, { width, align: 'center' });
    doc.font(FONT.bold);
    for (const line of about) {
      doc.text(line.toUpperCase(), left + inset, doc.y, { width: width - 2 * inset, align: 'center', lineGap: 1 });
    }
  }
  bodyText(doc);
  doc.x = left;
  doc.moveDown(1.2);
}
