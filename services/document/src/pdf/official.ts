/**
 * Every official document of an open selection and of the talent route other than the vacancy
 * announcement, in one of three layouts: decree (keputusan), minutes-style titled document (berita
 * acara, pengumuman, lembar penilaian) and letter (surat dinas). The text comes from the request;
 * this file only lays it out.
 */
import { DOCUMENT_KINDS, DomainError } from '@seleksi/domain';
import type { OfficialDocumentRequest } from '@seleksi/domain';
import { bodyText, cm, contentLeft, contentWidth, createOfficialDocument, toBuffer, type IssueMeta } from './document';
import { FONT } from './fonts';
import { formatDateId } from './format';
import { drawBody, keptBlock, labelColumnWidth, parseBody, tablePlaceholder, type BodyContext } from './layout/body';
import { drawDocumentEnd } from './layout/closing';
import { drawPageFooters } from './layout/footer';
import { drawLetterHeader } from './layout/letter';
import { agencyLetterhead, drawLetterhead } from './layout/letterhead';
import type { SignatureBlock } from './layout/signature';
import { drawDocumentTable } from './layout/table';
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

type LayoutInput = Pick<OfficialDocumentRequest, 'paragraphs' | 'tables' | 'closing'>;

/**
 * What the schema cannot express: rows as wide as their table, '{{table:N}}' pointing at an existing
 * table placed once, and some content. Checked by the request schema (so a bad request never claims a
 * number) and again by the renderer.
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
  if (req.paragraphs.length === 0 && tables.length === 0) {
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

export async function renderOfficialDocument(req: OfficialDocumentRequest, meta: IssueMeta): Promise<Buffer> {
  const problem = officialDocumentProblems(req)[0];
  if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, problem.path.join('.'));
  if (Number.isNaN(meta.issuedAt.getTime())) throw new DomainError('VALIDATION_FAILED', 'Invalid issuedAt', 'issuedAt');
  const spec = OFFICIAL_KINDS[req.kind];
  const { agency, signatory } = req;
  const date = formatDateId(req.date, agency.timeZone);
  const office = officeHeading(signatory.title);
  const title = req.title.trim();

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
  drawLetterhead(doc, agencyLetterhead(agency));

  const body = parseBody(req.paragraphs);
  const closing = parseBody(req.closing ?? []);
  const ctx: BodyContext = {
    tables: req.tables ?? [],
    indent: spec.layout === 'DECREE' ? 0 : cm(1.25),
    labelWidth: labelColumnWidth(doc, [...body, ...closing]),
  };

  const person = { name: signatory.name, nip: signatory.nip ?? null };
  let signature: SignatureBlock;
  switch (spec.layout) {
    case 'DECREE': {
      drawTitleBlock(doc, { kind: `KEPUTUSAN ${office}`, number: meta.number, numberLabel: 'NOMOR ', about: title });
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
      signature = { placeDate: `${agency.city}, ${date}`, title: signatory.title, ...person };
      break;
    case 'LETTER':
      drawLetterHeader(doc, {
        placeDate: `${agency.city}, ${date}`,
        number: meta.number,
        sifat: req.visibility === 'RESTRICTED' ? 'Terbatas' : 'Biasa',
        lampiran: '-',
        perihal: req.subject?.trim() || title,
        recipient: req.recipient ?? null,
      });
      signature = { title: signatory.title, ...person };
      break;
  }

  const placed = drawBody(doc, body, ctx);
  ctx.tables.forEach((table, i) => {
    if (!placed.has(i)) drawDocumentTable(doc, table);
  });
  drawBody(doc, closing.slice(0, -1), ctx);
  drawDocumentEnd(doc, {
    keepWithSignature: keptBlock(doc, closing.at(-1), ctx),
    signature,
    verification: { code: meta.verificationCode, url: meta.verifyUrl },
  });
  drawPageFooters(doc, { label: `${spec.name} Nomor: ${meta.number}` });
  return toBuffer(doc);
}
