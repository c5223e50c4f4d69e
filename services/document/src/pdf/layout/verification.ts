/** Verification box at the foot of the last page: a vector QR code and the code and address to check it. */
import QRCode from 'qrcode';
import { bodyText, cm, contentLeft, contentWidth, TEXT_SIZE } from '../document';
import type { Doc } from '../document';
import type { AuditChainHead } from '@seleksi/domain';
import { FONT } from '../fonts';

export interface VerificationBox {
  code: string;
  url: string;
  /** The round's decision chain head at issue: whoever holds the paper can check the record has not changed. */
  chain?: AuditChainHead | null;
}

const QR_SIZE = cm(2.2);
const PADDING = cm(0.3);

/**
 * Draws a QR code of `text` as filled rectangles (crisp at any zoom, no raster, deterministic).
 * Dark modules in a row are merged into runs so viewers show no seams between them.
 */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2; // modules of white border; the surrounding box provides the rest
  const cell = size / (modules.size + 2 * quiet);
  doc.save();
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor('black').fill();
  doc.restore();
}

/** Height the box takes, for callers that reserve room for it. */
export const VERIFICATION_BOX_HEIGHT = QR_SIZE + 2 * PADDING;
/** Least room kept between the content and the box. */
export const VERIFICATION_BOX_GAP = cm(0.8);

/** Draws the box at the bottom of the current page, or of a new page when the content reaches too low. */
export function drawVerificationBox(doc: Doc, box: VerificationBox): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  if (doc.y + VERIFICATION_BOX_GAP + VERIFICATION_BOX_HEIGHT > doc.page.maxY()) doc.addPage();
  const top = doc.page.maxY() - VERIFICATION_BOX_HEIGHT;

  doc.save().lineWidth(0.6).strokeColor('#444444').rect(left, top, width, VERIFICATION_BOX_HEIGHT).stroke().restore();
  drawQrCode(doc, box.url, left + PADDING, top + PADDING, QR_SIZE);

  const textLeft = left + PADDING * 2 + QR_SIZE;
  const textWidth = width - (textLeft - left) - PADDING;
  const size = TEXT_SIZE.note;
  const lead = `Kode verifikasi: ${box.code} — keaslian dokumen dapat diperiksa di`;
  const hint = 'atau dengan memindai kode QR di samping.';
  const chain = box.chain ? `Rantai catatan keputusan: tautan ke-${box.chain.seq}, ${box.chain.hash}` : null;
  // The address gets a line of its own, shrunk if needed, so it is never broken inside.
  doc.font(FONT.sans).fontSize(size);
  const urlSize = Math.max(6, Math.min(size, (size * textWidth) / doc.widthOfString(box.url)));
  const leadHeight = doc.heightOfString(lead, { width: textWidth, lineGap: 1 });
  const hintHeight = doc.heightOfString(hint, { width: textWidth, lineGap: 1 });
  const urlHeight = doc.fontSize(urlSize).currentLineHeight(true) + 1;
  // The 64-digit hash on one line: shrunk to the width like the address, never broken.
  doc.font(FONT.sans).fontSize(TEXT_SIZE.small);
  const chainSize = chain
    ? Math.max(5, Math.min(TEXT_SIZE.small, (TEXT_SIZE.small * textWidth) / doc.widthOfString(chain)))
    : 0;
  const chainHeight = chain ? doc.fontSize(chainSize).currentLineHeight(true) + 2 : 0;
  let y = top + (VERIFICATION_BOX_HEIGHT - leadHeight - urlHeight - hintHeight - chainHeight) / 2;

  doc.fontSize(size).fillColor('black');
  doc.text('Kode verifikasi: ', textLeft, y, { width: textWidth, lineGap: 1, continued: true });
  doc.font(FONT.sansBold).text(box.code, { continued: true });
  doc.font(FONT.sans).text(' — keaslian dokumen dapat diperiksa di');
  y += leadHeight;
  doc.fontSize(urlSize).fillColor('#1a4f9c');
  doc.text(box.url, textLeft, y, { width: textWidth, lineBreak: false, link: box.url });
  y += urlHeight;
  doc.fontSize(size).fillColor('black').text(hint, textLeft, y, { width: textWidth, lineGap: 1 });
  if (chain) {
    y += hintHeight + 2;
    doc.fontSize(chainSize).fillColor('#444444').text(chain, textLeft, y, { width: textWidth, lineBreak: false });
  }
  bodyText(doc);
  doc.x = left;
  doc.y = top + VERIFICATION_BOX_HEIGHT;
}
