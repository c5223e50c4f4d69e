/**
 * Every official document of an open selection and of the talent route other than the vacancy
 * announcement, in one of three layouts: decree (keputusan), minutes-style titled document (berita
 * acara, pengumuman, lembar penilaian) and letter (surat dinas). The text comes from the request;
 * this file only lays it out. Every layout lists the titles of `attachments` after the body ('Lampiran:')
 * and `copies` under the signature ('Tembusan:'); a correction prints its note under the title.
 */
import { DOCUMENT_KINDS, DomainError } from '@seleksi/domain';
import type { OfficialDocumentRequest } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth, createOfficialDocument, toBuffer, type IssueMeta } from './document';
import { FONT } from './fonts';
import { countId, formatDateId } from './format';
import { drawBody, keptBlock, labelColumnWidth, parseBody, tablePlaceholder, type BodyContext } from './layout/body';
import { drawDocumentEnd } from './layout/closing';
import { drawCorrectionNote } from './layout/correction';
import { decreeBlocks, drawDecreeAttachmentHeading } from './layout/decree';
import { drawPageFooters } from './layout/footer';
import { drawLetterHeader } from './layout/letter';
import { agencyLetterhead, drawLetterhead } from './layout/letterhead';
import type { SignatureBlock } from './layout/signature';
import { drawDocumentTable } from './layout/table';
import { titledList } from './layout/text';
import { drawTitleBlock } from './layout/title';

export type OfficialDocumentKind = OfficialDocumentRequest['kind'];
export type OfficialLayout = 'DECREE' | 'MINUTES' | 'LETTER';

export interface OfficialKindSpec {
  layout: OfficialLayout;
  /** Short name for the page footer and the PDF keywords: 'Berita Acara Nomor: …'. */
  name: string;
}

export const OFFICIAL_KINDS: Record<OfficialDocumentKind, OfficialKindSpec> = {
  PANSEL_DECREE: { layout: 'DECREE', name: 'Keputusan' },
  EXTENSION_NOTICE: { layout: 'MINUTES', name: 'Pengumuman' },
  VACANCY_CANCELLATION: { layout: 'MINUTES', name: 'Pengumuman' },
  ADMINISTRATIVE_RESULT_MINUTES: { layout: 'MINUTES', name: 'Berita Acara' },
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: { layout: 'MINUTES', name: 'Pengumuman' },
  SCORE_SHEET: { layout: 'MINUTES', name: 'Lembar Penilaian' },
  FINAL_RESULT_MINUTES: { layout: 'MINUTES', name: 'Berita Acara' },
  FINAL_RESULT_ANNOUNCEMENT: { layout: 'MINUTES', name: 'Pengumuman' },
  REPORT_TO_PPK: { layout: 'LETTER', name: 'Laporan' },
  LETTER_TO_OVERSEER: { layout: 'LETTER', name: 'Surat' },
  OVERSEER_RECOMMENDATION: { layout: 'LETTER', name: 'Rekomendasi' },
  APPOINTMENT_DECREE: { layout: 'DECREE', name: 'Keputusan' },
  INAUGURATION_MINUTES: { layout: 'MINUTES', name: 'Berita Acara' },
  COMPLETION_REPORT: { layout: 'LETTER', name: 'Laporan' },
  SUCCESSION_GROUP_DECISION: { layout: 'DECREE', name: 'Keputusan' },
  SUCCESSOR_PROPOSAL: { layout: 'LETTER', name: 'Usulan' },
};

/** Every kind but the vacancy announcement, in stage order. */
export const OFFICIAL_DOCUMENT_KINDS = DOCUMENT_KINDS.filter(
  (kind): kind is OfficialDocumentKind => kind !== 'VACANCY_ANNOUNCEMENT',
);

export interface LayoutProblem {
  path: (string | number)[];
  message: string;
}

type LayoutInput = Pick<OfficialDocumentRequest, 'paragraphs' | 'tables' | 'closing' | 'decree'>;

/**
 * What the schema cannot express: rows as wide as their table, '{{table:N}}' pointing at an existing
 * table placed once, and some content (a decree's Menimbang/Mengingat/dictums are content enough).
 * Checked by the request schema (so a bad request never claims a number) and again by the renderer.
 */
export function officialDocumentProblems(req: LayoutInput): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const tables = req.tables ?? [];
  tables.forEach((table, t) =>
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length) {
        problems.push({
          path: ['tables', t, 'rows', r],
          message: `Row has ${row.length} cells but the table has ${table.columns.length} columns`,
        });
      }
    }),
  );
  const placed = new Set<number>();
  req.paragraphs.forEach((text, i) => {
    const index = tablePlaceholder(text);
    if (index === null) return;
    if (index >= tables.length) {
      problems.push({ path: ['paragraphs', i], message: `No table ${index}: there are ${tables.length} tables` });
    } else if (placed.has(index)) {
      problems.push({ path: ['paragraphs', i], message: `Table ${index} is placed twice` });
    }
    placed.add(index);
  });
  (req.closing ?? []).forEach((text, i) => {
    if (tablePlaceholder(text) !== null) {
      problems.push({ path: ['closing', i], message: 'Tables are placed in paragraphs, not in the closing' });
    }
  });
  if (req.paragraphs.length === 0 && tables.length === 0 && !req.decree) {
    problems.push({ path: ['paragraphs'], message: 'The document needs at least one paragraph or table' });
  }
  return problems;
}

/** 'Gubernur Kalimantan Timur,' → 'GUBERNUR KALIMANTAN TIMUR': the office heading a decree. */
export function officeHeading(signatoryTitle: string): string {
  return signatoryTitle
    .trim()
    .replace(/[\s,.:;]+$/, '')
    .toUpperCase();
}

/** The 'Lampiran' line of a letter: how many attachments, or '-'. */
export function letterAttachmentCount(attachments: readonly string[] | null | undefined): string {
  const n = attachments?.length ?? 0;
  return n > 0 ? countId(n, 'berkas') : '-';
}

/**
 * Renders any official document but the vacancy announcement. A decree with `decree` content prints
 * Menimbang, Mengingat, MEMUTUSKAN, Menetapkan and the dictums, then its paragraphs, and its unplaced
 * tables as the attachment (lampiran) on pages of their own after the signature; the verification box
 * then closes the attachment. A decree without it (requests from before `decree` existed) is laid out
 * from its paragraphs alone.
 */
export async function renderOfficialDocument(req: OfficialDocumentRequest, meta: IssueMeta): Promise<Buffer> {
  const problem = officialDocumentProblems(req)[0];
  if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, problem.path.join('.'));
  if (Number.isNaN(meta.issuedAt.getTime())) throw new DomainError('VALIDATION_FAILED', 'Invalid issuedAt', 'issuedAt');
  const spec = OFFICIAL_KINDS[req.kind];
  const { agency, signatory } = req;
  const timeZone = agency.timeZone;
  const date = formatDateId(req.date, timeZone);
  const office = officeHeading(signatory.title);
  const title = req.title.trim();
  const decree = spec.layout === 'DECREE' ? (req.decree ?? null) : null;

  const doc = createOfficialDocument({
    title:
      spec.layout === 'DECREE'
        ? `Keputusan ${signatory.title.trim()} Nomor ${meta.number} tentang ${title}`
        : `${title} Nomor ${meta.number}`,
    subject: req.subject?.trim() || title,
    author: agency.name,
    keywords: `${spec.name.toLowerCase()}; seleksi terbuka; JPT; ${meta.verificationCode}`,
    issuedAt: meta.issuedAt,
  });
  drawLetterhead(doc, agencyLetterhead(agency, { logo: meta.logo ?? null }));

  const decreeBody = decree ? decreeBlocks(decree, `KEPUTUSAN ${office} TENTANG ${title.toUpperCase()}`) : [];
  const body = parseBody(req.paragraphs);
  const closing = parseBody(req.closing ?? []);
  const ctx: BodyContext = {
    tables: req.tables ?? [],
    indent: spec.layout === 'DECREE' ? 0 : cm(1.25),
    labelWidth: labelColumnWidth(doc, [...decreeBody, ...body, ...closing]),
  };
  const correction = () => {
    if (meta.correction) drawCorrectionNote(doc, meta.correction, timeZone);
  };

  const person = { name: signatory.name, nip: signatory.nip ?? null };
  let signature: SignatureBlock;
  switch (spec.layout) {
    case 'DECREE': {
      drawTitleBlock(doc, { kind: `KEPUTUSAN ${office}`, number: meta.number, numberLabel: 'NOMOR ', about: title });
      correction();
      const [left, width] = [contentLeft(doc), contentWidth(doc)];
      doc.font(FONT.bold).text('DENGAN RAHMAT TUHAN YANG MAHA ESA', left, doc.y, { width, align: 'center' });
      doc.moveDown(0.6);
      doc.text(`${office},`, left, doc.y, { width, align: 'center' });
      bodyText(doc).moveDown(1.2);
      signature = { placeDate: [`Ditetapkan di ${agency.city}`, `pada tanggal ${date}`], title: office, ...person };
      break;
    }
    case 'MINUTES':
      drawTitleBlock(doc, { kind: title, number: meta.number, about: req.subject?.trim() || null });
      correction();
      signature = { placeDate: `${agency.city}, ${date}`, title: signatory.title, ...person };
      break;
    case 'LETTER':
      drawLetterHeader(doc, {
        placeDate: `${agency.city}, ${date}`,
        number: meta.number,
        sifat: req.visibility === 'RESTRICTED' ? 'Terbatas' : 'Biasa',
        lampiran: letterAttachmentCount(req.attachments),
        perihal: req.subject?.trim() || title,
        recipient: req.recipient ?? null,
      });
      correction();
      signature = { title: signatory.title, ...person };
      break;
  }

  // A decree's unplaced tables are its attachment; other documents print them after the paragraphs.
  const main = [...decreeBody, ...body];
  const placedInMain = new Set(main.flatMap((b) => (b.type === 'table' ? [b.index] : [])));
  const unplaced = ctx.tables.filter((_, i) => !placedInMain.has(i));
  const inline = decree ? [] : unplaced;
  const attachment = decree ? unplaced : [];
  const attachments = req.attachments ?? [];
  // The last block before the signature goes with it: the closing's, else the body's when nothing follows it.
  const last = main.at(-1);
  const keepLast = closing.length === 0 && inline.length === 0 && attachments.length === 0 && last?.type !== 'table';
  const kept = closing.length > 0 ? closing.at(-1) : keepLast ? last : undefined;

  drawBody(doc, keepLast ? main.slice(0, -1) : main, ctx);
  inline.forEach((table) => drawDocumentTable(doc, table));
  titledList(doc, 'Lampiran:', attachments);
  drawBody(doc, closing.slice(0, -1), ctx);
  const verification = { code: meta.verificationCode, url: meta.verifyUrl, chain: meta.auditChainHead ?? null };
  drawDocumentEnd(doc, {
    keepWithSignature: keptBlock(doc, kept, ctx),
    signature,
    copies: req.copies ?? null,
    verification: attachment.length > 0 ? null : verification,
  });
  if (attachment.length > 0) {
    drawDecreeAttachmentHeading(doc, { office, number: meta.number, date, about: title });
    attachment.forEach((table) => drawDocumentTable(doc, table));
    drawDocumentEnd(doc, { signature: { title: office, ...person }, verification });
  }
  drawPageFooters(doc, { label: `${spec.name} Nomor: ${meta.number}` });
  return toBuffer(doc);
}
