/** PDF rendering of official documents. Layout pieces are exported for the documents that follow. */
export { renderDocument } from './render';
export { renderVacancyAnnouncement, jptPhrase } from './announcement';
export {
  OFFICIAL_DOCUMENT_KINDS,
  OFFICIAL_KINDS,
  letterAttachmentCount,
  officeHeading,
  officialDocumentProblems,
  renderOfficialDocument,
} from './official';
export type { LayoutProblem, OfficialDocumentKind, OfficialKindSpec, OfficialLayout } from './official';
export * from './format';
export {
  PAGE_MARGINS,
  TEXT_SIZE,
  bodyText,
  cm,
  contentLeft,
  contentWidth,
  createOfficialDocument,
  ensureSpace,
  toBuffer,
} from './document';
export type { Doc, IssueMeta, OfficialDocumentOptions } from './document';
export { FONT, fontDirectory, fontPath, registerFonts } from './fonts';
export { agencyLetterhead, drawLetterhead } from './layout/letterhead';
export type { LetterheadContent } from './layout/letterhead';
export { drawTitleBlock } from './layout/title';
export type { TitleBlock } from './layout/title';
export {
  labelValueRows,
  numberedList,
  paragraph,
  paragraphHeight,
  sectionHeading,
  titledList,
  titledListHeight,
} from './layout/text';
export type { ListOptions, ParagraphOptions } from './layout/text';
export { currentPageNumber, drawDocumentTable, drawTable } from './layout/table';
export type { TableColumn, TableOptions } from './layout/table';
export { drawSignatureBlock, signatureBlockHeight } from './layout/signature';
export type { SignatureBlock } from './layout/signature';
export { VERIFICATION_BOX_GAP, VERIFICATION_BOX_HEIGHT, drawQrCode, drawVerificationBox } from './layout/verification';
export type { VerificationBox } from './layout/verification';
export { drawPageFooters } from './layout/footer';
export { drawDocumentEnd } from './layout/closing';
export type { DocumentEnd, KeptBlock } from './layout/closing';
export {
  blockHeight,
  drawBlock,
  drawBody,
  keptBlock,
  labelColumnWidth,
  parseBody,
  splitListMarker,
  tablePlaceholder,
} from './layout/body';
export { decreeBlocks, drawDecreeAttachmentHeading, letterMarker } from './layout/decree';
export type { DecreeAttachmentHeading } from './layout/decree';
export { correctionNoteLines, drawCorrectionNote } from './layout/correction';
export type { BodyBlock, BodyContext } from './layout/body';
export { drawLetterHeader, recipientLines } from './layout/letter';
export type { LetterHeader } from './layout/letter';
export type { FooterOptions } from './layout/footer';
