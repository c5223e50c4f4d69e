/** The framed note a correction prints under its title: which document it replaces, and why. */
import type { AgencyTimeZone, CorrectionNote } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth, ensureSpace, LINE_GAP, TEXT_SIZE } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';
import { formatDateId } from '../format';

const PADDING = cm(0.3);
const GAP_AFTER = cm(0.5);

/** The two sentences of the note, as printed. */
export function correctionNoteLines(note: CorrectionNote, timeZone: AgencyTimeZone): [string, string] {
  return [
    `Dokumen ini merupakan perbaikan atas dokumen Nomor ${note.number.trim()} tanggal ` +
      `${formatDateId(note.date, timeZone)} yang dinyatakan tidak berlaku.`,
    `Alasan perbaikan: ${note.reason.trim()}`,
  ];
}

export function drawCorrectionNote(doc: Doc, note: CorrectionNote, timeZone: AgencyTimeZone): void {
  const [statement, reason] = correctionNoteLines(note, timeZone);
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const textWidth = width - 2 * PADDING;
  const options = { width: textWidth, lineGap: LINE_GAP - 1 };
  const size = TEXT_SIZE.note + 1;
  const statementHeight = doc.font(FONT.bold).fontSize(size).heightOfString(statement, options);
  const reasonHeight = doc.font(FONT.body).fontSize(size).heightOfString(reason, options);
  const height = statementHeight + reasonHeight + 2 * PADDING + 2;
  ensureSpace(doc, height + GAP_AFTER);

  const top = doc.y;
  doc.save().lineWidth(1).strokeColor('#333333').rect(left, top, width, height).stroke().restore();
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor('black')
    .text(statement, left + PADDING, top + PADDING, options);
  doc
    .font(FONT.body)
    .fontSize(size)
    .text(reason, left + PADDING, top + PADDING + statementHeight + 2, options);
  bodyText(doc);
  doc.x = left;
  doc.y = top + height + GAP_AFTER;
}
