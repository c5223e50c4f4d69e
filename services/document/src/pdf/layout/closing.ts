/** The end of every official document: closing text, signature, copies and verification box kept on one page. */
import { ensureSpace } from '../document';
import type { Doc } from '../document';
import { drawSignatureBlock, signatureBlockHeight, type SignatureBlock } from './signature';
import { titledList, titledListHeight } from './text';
import {
  drawVerificationBox,
  VERIFICATION_BOX_GAP,
  VERIFICATION_BOX_HEIGHT,
  type VerificationBox,
} from './verification';

/** Something drawn right before the signature and never separated from it (the closing paragraph). */
export interface KeptBlock {
  height: number;
  draw: () => void;
}

export interface DocumentEnd {
  keepWithSignature?: KeptBlock | null;
  signature: SignatureBlock;
  /** 'Tembusan' (copies to), listed under the signature. */
  copies?: readonly string[] | null;
  /** Null when more pages follow (a decree's attachment then ends with the box). */
  verification: VerificationBox | null;
}

const COPIES_HEADING = 'Tembusan:';

/**
 * Moves to a new page when the kept block, the signature, the copies and the verification box do not
 * all fit on this one, so a signature never stands alone at the top of a page.
 */
export function drawDocumentEnd(doc: Doc, end: DocumentEnd): void {
  // Measured in the current (body) font: callers end their content with the body style set.
  const gap = doc.currentLineHeight(true) * 0.5;
  const copies = end.copies ?? [];
  const tail =
    (end.keepWithSignature?.height ?? 0) +
    gap +
    signatureBlockHeight(doc, end.signature) +
    (copies.length > 0 ? 2 * gap + titledListHeight(doc, COPIES_HEADING, copies) : 0) +
    (end.verification ? VERIFICATION_BOX_GAP + VERIFICATION_BOX_HEIGHT : 0);
  if (!ensureSpace(doc, gap + tail)) doc.y += gap;
  end.keepWithSignature?.draw();
  doc.y += gap;
  drawSignatureBlock(doc, end.signature);
  if (copies.length > 0) {
    doc.y += 2 * gap;
    titledList(doc, COPIES_HEADING, copies);
  }
  if (end.verification) drawVerificationBox(doc, end.verification);
}
