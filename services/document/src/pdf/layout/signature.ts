/** Signature block in the right half: place and date, title, room to sign, name and NIP. */
import { bodyText, cm, contentLeft, contentWidth, ensureSpace, LINE_GAP } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';
import { formatNip } from '../format';

export interface SignatureBlock {
  /** 'Samarinda, 24 November 2026', or lines such as ['Ditetapkan di Samarinda', 'pada tanggal …']. */
  placeDate?: string | readonly string[] | null;
  /** Signatory's office, one entry per line, e.g. ['a.n. GUBERNUR KALIMANTAN TIMUR', 'SEKRETARIS DAERAH']. */
  title: string | readonly string[];
  name: string;
  nip?: string | null;
  /** e.g. 'Pembina Utama Madya (IV/d)'. */
  rank?: string | null;
  /** Room for the wet signature and stamp. */
  signatureSpace?: number;
}

interface Prepared {
  x: number;
  opts: { width: number; align: 'center'; lineGap: number };
  placeLines: string[];
  titleLines: string[];
  space: number;
  lineHeight: number;
  height: number;
}

function prepare(doc: Doc, block: SignatureBlock): Prepared {
  const width = contentWidth(doc) * 0.5;
  const x = contentLeft(doc) + contentWidth(doc) - width;
  const space = block.signatureSpace ?? cm(2.2);
  const titleLines = typeof block.title === 'string' ? [block.title] : [...block.title];
  // An office title ends with a comma on Indonesian letters.
  const last = titleLines.length - 1;
  if (last >= 0 && !/[,.:]$/.test(titleLines[last] ?? '')) titleLines[last] = `${titleLines[last]},`;
  const placeLines = (typeof block.placeDate === 'string' ? [block.placeDate] : [...(block.placeDate ?? [])]).filter(
    (line) => line.length > 0,
  );
  const opts = { width, align: 'center' as const, lineGap: LINE_GAP };

  bodyText(doc);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  const titleHeight = titleLines.reduce((h, l) => h + doc.heightOfString(l, opts), 0);
  const height =
    (placeLines.length > 0 ? lineHeight * (placeLines.length + 0.5) : 0) +
    titleHeight +
    space +
    doc.font(FONT.bold).heightOfString(block.name, opts) +
    (block.rank ? lineHeight : 0) +
    (block.nip ? lineHeight : 0);
  bodyText(doc);
  return { x, opts, placeLines, titleLines, space, lineHeight, height };
}

/** Height the block will take, so callers can keep a closing paragraph on the same page. */
export function signatureBlockHeight(doc: Doc, block: SignatureBlock): number {
  return prepare(doc, block).height;
}

export function drawSignatureBlock(doc: Doc, block: SignatureBlock): void {
  const { x, opts, placeLines, titleLines, space, lineHeight, height } = prepare(doc, block);
  ensureSpace(doc, height);

  if (placeLines.length > 0) {
    for (const line of placeLines) doc.text(line, x, doc.y, opts);
    doc.y += lineHeight * 0.5;
  }
  for (const line of titleLines) doc.text(line, x, doc.y, opts);
  doc.y += space;
  doc.font(FONT.bold).text(block.name, x, doc.y, { ...opts, underline: true });
  bodyText(doc);
  if (block.rank) doc.text(block.rank, x, doc.y, opts);
  if (block.nip) doc.text(`NIP. ${formatNip(block.nip)}`, x, doc.y, opts);
  doc.x = contentLeft(doc);
}
