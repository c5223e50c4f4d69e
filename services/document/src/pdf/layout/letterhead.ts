/** Kop surat: logo at left, agency name in capitals and address centred beside it, a double rule below. */
import type { AgencyDto } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth } from '../document';
import type { Doc } from '../document';
import { FONT } from '../fonts';

export interface LetterheadContent {
  /** Printed in capitals, e.g. 'PEMERINTAH PROVINSI KALIMANTAN TIMUR'. */
  name: string;
  /** Optional unit under the agency name, e.g. 'BADAN KEPEGAWAIAN DAERAH'. */
  unit?: string | null;
  /** Address lines in normal case. */
  addressLines: string[];
  /** PNG or JPEG bytes; without one a vector placeholder is drawn. */
  logo?: Buffer | null;
}

const LOGO_SIZE = cm(2.2);
const LOGO_GAP = cm(0.4);
const NAME_MAX_SIZE = 15;
const NAME_MIN_SIZE = 11;

export function agencyLetterhead(agency: AgencyDto, extra: Partial<LetterheadContent> = {}): LetterheadContent {
  // The agency's own letterhead lines and contact when its records have them.
  if (agency.addressLines?.length) {
    const contact = [
      agency.phone ? `Telepon ${agency.phone}` : null,
      agency.email ? `Surel ${agency.email}` : null,
      agency.website ? `Laman ${agency.website}` : null,
    ].filter((x): x is string => x !== null);
    return {
      name: agency.name,
      addressLines: [...agency.addressLines, ...(contact.length ? [contact.join(' · ')] : [])],
      ...extra,
    };
  }
  const address = agency.address.trim();
  const mentionsCity = address.toLowerCase().includes(agency.city.trim().toLowerCase());
  return {
    name: agency.name,
    addressLines: mentionsCity ? [address] : [address, agency.city.trim().toUpperCase()],
    ...extra,
  };
}

/** Draws the letterhead at the top margin and leaves doc.y below the double rule. */
export function drawLetterhead(doc: Doc, content: LetterheadContent): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const top = doc.page.margins.top;

  const textLeft = left + LOGO_SIZE + LOGO_GAP;
  const textWidth = width - LOGO_SIZE - LOGO_GAP;
  const name = content.name.trim().toUpperCase();
  const nameSize = fitFontSize(doc, FONT.sansBold, name, textWidth, NAME_MAX_SIZE, NAME_MIN_SIZE);

  const lines: { text: string; font: string; size: number; gap: number }[] = [
    { text: name, font: FONT.sansBold, size: nameSize, gap: 2 },
  ];
  if (content.unit) lines.push({ text: content.unit.trim().toUpperCase(), font: FONT.sansBold, size: 12, gap: 2 });
  for (const line of content.addressLines) lines.push({ text: line, font: FONT.sans, size: 9, gap: 1 });

  const heights = lines.map((l) => doc.font(l.font).fontSize(l.size).heightOfString(l.text, { width: textWidth }));
  const textHeight = heights.reduce((sum, h, i) => sum + h + (lines[i]?.gap ?? 0), 0);
  const blockHeight = Math.max(LOGO_SIZE, textHeight);

  drawLogo(doc, content.logo ?? null, left, top + (blockHeight - LOGO_SIZE) / 2);

  let y = top + (blockHeight - textHeight) / 2;
  lines.forEach((line, i) => {
    doc.font(line.font).fontSize(line.size).text(line.text, textLeft, y, { width: textWidth, align: 'center' });
    y += (heights[i] ?? 0) + line.gap;
  });

  const ruleY = top + blockHeight + cm(0.25);
  doc
    .save()
    .lineWidth(2.25)
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke();
  doc
    .lineWidth(0.75)
    .moveTo(left, ruleY + 3)
    .lineTo(left + width, ruleY + 3)
    .stroke()
    .restore();

  bodyText(doc);
  doc.x = left;
  doc.y = ruleY + 3 + cm(0.6);
}

/** Largest size in [min, max] at which `text` fits on one line; long names then wrap at `min`. */
function fitFontSize(doc: Doc, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

function drawLogo(doc: Doc, logo: Buffer | null, x: number, y: number): void {
  if (logo) {
    doc.image(logo, x, y, { fit: [LOGO_SIZE, LOGO_SIZE], align: 'center', valign: 'center' });
    return;
  }
  // Placeholder shield until the agency uploads its coat of arms.
  const w = LOGO_SIZE * 0.78;
  const h = LOGO_SIZE * 0.92;
  const sx = x + (LOGO_SIZE - w) / 2;
  const sy = y + (LOGO_SIZE - h) / 2;
  doc.save().lineWidth(1).strokeColor('#555555');
  doc
    .moveTo(sx, sy)
    .quadraticCurveTo(sx + w / 2, sy + h * 0.08, sx + w, sy)
    .lineTo(sx + w, sy + h * 0.55)
    .quadraticCurveTo(sx + w, sy + h * 0.85, sx + w / 2, sy + h)
    .quadraticCurveTo(sx, sy + h * 0.85, sx, sy + h * 0.55)
    .closePath()
    .stroke();
  doc.font(FONT.sans).fontSize(6).fillColor('#777777');
  doc.text('LOGO', sx, sy + h * 0.42, { width: w, align: 'center', lineBreak: false });
  doc.restore().fillColor('black').strokeColor('black');
}
