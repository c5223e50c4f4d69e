/** Page footer drawn on every buffered page once the page count is known. */
import { cm, TEXT_SIZE } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';

export interface FooterOptions {
  /** Small text at the left of every page after the first, e.g. the document number. */
  label?: string | null;
}

/** "Halaman i dari N" on every page. Needs `bufferPages: true`; call just before ending the document. */
export function drawPageFooters(doc: Doc, options: FooterOptions = {}): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    const bottom = margins.bottom;
    margins.bottom = 0;
    const y = height - cm(1.5);
    const textWidth = width - margins.left - margins.right;
    doc.font(FONT.sans).fontSize(TEXT_SIZE.small).fillColor('#333333');
    if (options.label && i > range.start) {
      doc.text(options.label, margins.left, y, { width: textWidth / 2, align: 'left', lineBreak: false });
    }
    doc.text(`Halaman ${i - range.start + 1} dari ${total}`, margins.left, y, {
      width: textWidth,
      align: options.label ? 'right' : 'center',
      lineBreak: false,
    });
    doc.fillColor('black');
    margins.bottom = bottom;
  }
}
