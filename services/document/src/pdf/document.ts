/**
 * The page set-up shared by every official document (naskah dinas): A4, letter margins, embedded DejaVu
 * fonts, metadata from an injected clock, buffered pages so the footer can say "Halaman i dari N".
 */
import PDFDocument from 'pdfkit';
import type { AuditChainHead, CorrectionNote } from '@seleksi/domain';
import { FONT, initialFont, registerFonts } from './fonts';

export type Doc = PDFKit.PDFDocument;

const POINTS_PER_CM = 72 / 2.54;
export const cm = (value: number): number => value * POINTS_PER_CM;

/** Official-letter margins (left wider for binding); the bottom one leaves room for the page footer. */
export const PAGE_MARGINS = { top: cm(2), left: cm(3), right: cm(2), bottom: cm(2.5) } as const;

export const TEXT_SIZE = { small: 8, note: 9, body: 11, heading: 12 } as const;
export const LINE_GAP = 2;

/** What every renderer gets besides its request: the claimed number and code, and the clock. */
export interface IssueMeta {
  number: string;
  verificationCode: string;
  verifyUrl: string;
  /** The render's only clock: PDF CreationDate/ModDate. */
  issuedAt: Date;
  /** Set on a correction: the document it replaces and why, printed under the title. */
  correction?: CorrectionNote | null;
  /** The agency's logo (PNG/JPEG bytes) for the letterhead; the placeholder without one. */
  logo?: Buffer | null;
  /** The round's decision chain head at issue, printed in the verification box. */
  auditChainHead?: AuditChainHead | null;
}

export interface OfficialDocumentOptions {
  title: string;
  subject: string;
  author: string;
  keywords?: string;
  /** Becomes CreationDate and ModDate: the only clock a render sees, so equal input gives equal bytes. */
  issuedAt: Date;
}

export function createOfficialDocument(options: OfficialDocumentOptions): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...PAGE_MARGINS },
    bufferPages: true,
    font: initialFont(),
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: options.title,
      Subject: options.subject,
      Author: options.author,
      Creator: 'Seleksi JPT',
      Producer: 'Seleksi JPT (PDFKit)',
      ...(options.keywords ? { Keywords: options.keywords } : {}),
      CreationDate: options.issuedAt,
      ModDate: options.issuedAt,
    },
  });
  registerFonts(doc);
  bodyText(doc);
  return doc;
}

/** Resets font, size and colour to the body style. */
export function bodyText(doc: Doc): Doc {
  return doc.font(FONT.body).fontSize(TEXT_SIZE.body).fillColor('black').strokeColor('black');
}

export function contentLeft(doc: Doc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` points still fit above the bottom margin. Returns true on a break. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= doc.page.maxY()) return false;
  doc.addPage();
  doc.x = contentLeft(doc);
  return true;
}

export function moveDown(doc: Doc, points: number): void {
  doc.y += points;
}

/** Ends the document and collects its bytes. Call after the footer has been drawn on every page. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
