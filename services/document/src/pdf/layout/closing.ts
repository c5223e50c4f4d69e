/** The end of every official document: closing text, signature and verification box kept on one page. */
import { ensureSpace } from '../document';
import type { Doc } from '../document';
import { drawSignatureBlock, signatureBlockHeight, type SignatureBlock } from './signature';
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
  verification: VerificationBox;
}

/**
 * Moves to a new page when the kept block, the signature and the verification box do not all fit
 * on this one, so a signature never stands alone at the top of a page.
 */
export function drawDocumentEnd(doc: Doc, end: DocumentEnd): void {
  // Measured in the current (body) font: callers end their content with the body style set.
  const gap = doc.currentLineHeight(true) * 0.5;
  const tail =
    (end.keepWithSignature?.height ?? 0) +
    gap +
    signatureBlockHeight(doc, end.signature) +
    VERIFICATION_BOX_GAP +
    VERIFICATION_BOX_HEIGHT;
  if (!ensureSpace(doc, gap + tail)) doc.y += gap;
  end.keepWithSignature?.draw();
  doc.y += gap;
  drawSignatureBlock(doc, end.signature);
  drawVerificationBox(doc, end.verification);
}
