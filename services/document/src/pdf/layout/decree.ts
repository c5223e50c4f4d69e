/**
 * The parts of a decree (keputusan) that only decrees have: the body in the order of the naskah-dinas
 * rules (Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, the dictums KESATU, KEDUA, …) built as body
 * blocks for the label column, and the heading of its attachment (lampiran).
 */
import type { DecreeContent } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth } from '../document';
import type { Doc } from '../document';
import { dictumLabel } from '../format';
import { splitListMarker, type BodyBlock } from './body';
import { labelValueRows } from './text';

/** 'a.', 'b.', …, 'z.', then 'aa.', 'bb.', … as legislative drafting letters its points. */
export function letterMarker(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return `${letter.repeat(Math.floor(index / 26) + 1)}.`;
}

/** A Menimbang or Mengingat entry ends with ';' (a full stop or comma left by the writer is replaced). */
function clause(text: string): string {
  const trimmed = text.trim();
  return /[;:]$/.test(trimmed) ? trimmed : `${trimmed.replace(/[.,]+$/, '')};`;
}

/** A label row whose entries are listed in the value column; a single entry has no marker. */
function listUnderLabel(label: string, entries: readonly string[], marker: (i: number) => string): BodyBlock[] {
  const texts = entries.map(clause);
  if (texts.length === 1) return [{ type: 'labelled', label, text: texts[0] ?? '', marker: null }];
  return texts.map((text, i) =>
    i === 0
      ? { type: 'labelled', label, text, marker: marker(0) }
      : { type: 'item', marker: marker(i), text, underLabel: true },
  );
}

/**
 * One dictum: the first line in the label row; further lines ('\n') continue in the value column, those
 * starting 'a.', '1.', '-' as hanging items.
 */
function dictum(n: number, text: string): BodyBlock[] {
  const [first = '', ...rest] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return [
    { type: 'labelled', label: dictumLabel(n), text: first, marker: null },
    ...rest.map((line): BodyBlock => {
      const item = splitListMarker(line);
      return item ? { type: 'item', ...item, underLabel: true } : { type: 'value', text: line };
    }),
  ];
}

/**
 * The body of a decree as blocks for `drawBody`: considerations lettered a., b., …, the legal basis
 * numbered 1., 2., …, 'MEMUTUSKAN:', 'Menetapkan : <enactment>' and the dictums.
 */
export function decreeBlocks(content: DecreeContent, enactment: string): BodyBlock[] {
  const enacted = enactment.trim().replace(/[.;,]+$/, '');
  return [
    ...listUnderLabel('Menimbang', content.considering, letterMarker),
    ...listUnderLabel('Mengingat', content.legalBasis, (i) => `${i + 1}.`),
    { type: 'centred', text: 'MEMUTUSKAN:' },
    // Capitals set justified leave wide gaps: the enactment is set ragged right.
    { type: 'labelled', label: 'Menetapkan', text: `${enacted}.`, marker: null, align: 'left' },
    ...content.decisions.flatMap((text, i) => dictum(i + 1, text)),
  ];
}

export interface DecreeAttachmentHeading {
  /** 'GUBERNUR KALIMANTAN TIMUR'. */
  office: string;
  number: string;
  /** Printed date, e.g. '2 November 2026'. */
  date: string;
  /** The decree's subject (after TENTANG), printed in capitals. */
  about: string;
}

/**
 * Starts the attachment of a decree on a new page with its heading in the right half:
 * 'LAMPIRAN KEPUTUSAN <office>', then NOMOR, TANGGAL and TENTANG rows.
 */
export function drawDecreeAttachmentHeading(doc: Doc, heading: DecreeAttachmentHeading): void {
  doc.addPage();
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const inset = width * 0.45;
  bodyText(doc);
  doc.text(`LAMPIRAN KEPUTUSAN ${heading.office}`, left + inset, doc.y, { width: width - inset });
  labelValueRows(
    doc,
    [
      ['NOMOR', heading.number],
      ['TANGGAL', heading.date],
      ['TENTANG', heading.about.trim().toUpperCase()],
    ],
    { inset, labelWidth: cm(2.2) },
  );
  bodyText(doc);
  doc.x = left;
  doc.moveDown(1);
}
