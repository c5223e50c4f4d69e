/** Pengumuman Seleksi Terbuka JPT: the public vacancy announcement that opens registration. */
import { DomainError } from '@seleksi/domain';
import type { JptLevel, VacancyAnnouncementRequest } from '@seleksi/domain';
import { cm, createOfficialDocument, toBuffer, type IssueMeta } from './document';
import { formatDateId, formatTimeId, levelNameId } from './format';
import { drawDocumentEnd } from './layout/closing';
import { drawCorrectionNote } from './layout/correction';
import { drawPageFooters } from './layout/footer';
import { agencyLetterhead, drawLetterhead } from './layout/letterhead';
import { drawTable } from './layout/table';
import { numberedList, paragraph, paragraphHeight, sectionHeading } from './layout/text';
import { drawTitleBlock } from './layout/title';

export type { IssueMeta } from './document';

type Vacancy = VacancyAnnouncementRequest['selection']['vacancies'][number];

/** 'Jabatan Pimpinan Tinggi Pratama', or without the level when the vacancies mix levels. */
export function jptPhrase(levels: readonly JptLevel[]): string {
  const distinct = [...new Set(levels)];
  return distinct.length === 1 && distinct[0]
    ? `Jabatan Pimpinan Tinggi ${levelNameId(distinct[0])}`
    : 'Jabatan Pimpinan Tinggi';
}

export async function renderVacancyAnnouncement(req: VacancyAnnouncementRequest, meta: IssueMeta): Promise<Buffer> {
  const { agency, selection, signatory } = req;
  if (selection.vacancies.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'An announcement needs at least one vacancy', 'selection.vacancies');
  }
  if (Number.isNaN(meta.issuedAt.getTime())) throw new DomainError('VALIDATION_FAILED', 'Invalid issuedAt', 'issuedAt');
  const tz = selection.timeZone;
  const jpt = jptPhrase(selection.vacancies.map((v) => v.level));
  const about = [`Seleksi Terbuka ${jpt}`, `di Lingkungan ${agency.name}`];
  const subject = about.join(' ');

  const doc = createOfficialDocument({
    title: `Pengumuman Nomor ${meta.number} tentang ${subject}`,
    subject: selection.title,
    author: agency.name,
    keywords: `pengumuman; seleksi terbuka; JPT; ${meta.verificationCode}`,
    issuedAt: meta.issuedAt,
  });

  drawLetterhead(doc, agencyLetterhead(agency, { logo: meta.logo ?? null }));
  drawTitleBlock(doc, { kind: 'Pengumuman', number: meta.number, about });
  if (meta.correction) drawCorrectionNote(doc, meta.correction, tz);

  paragraph(
    doc,
    `Dalam rangka pengisian ${jpt} di lingkungan ${agency.name}, berdasarkan Undang-Undang Nomor 20 Tahun 2023 ` +
      'tentang Aparatur Sipil Negara dan Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri ' +
      'Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020, dengan ini diumumkan kepada ' +
      'Pegawai Negeri Sipil yang memenuhi persyaratan untuk mengikuti seleksi terbuka dengan ketentuan sebagai berikut.',
    { indent: cm(1.25) },
  );

  const sections: { heading: string; draw: () => void }[] = [
    {
      heading: 'Jabatan yang Lowong',
      draw: () =>
        drawTable<Vacancy>(doc, {
          rows: selection.vacancies,
          columns: [
            { header: 'No.', width: cm(1.1), align: 'center', value: (_, i) => `${i + 1}.` },
            { header: 'Jabatan', width: '*', value: (v) => v.position },
            { header: 'Unit Kerja', width: '*', value: (v) => v.unit },
            { header: 'Tingkat', width: cm(2.3), align: 'center', value: (v) => levelNameId(v.level) },
          ],
        }),
    },
  ];
  if (selection.requirements.length > 0) {
    sections.push({
      heading: 'Persyaratan',
      draw: () => {
        paragraph(doc, 'Pelamar wajib memenuhi persyaratan sebagai berikut:', { inset: SECTION_INSET });
        numberedList(doc, selection.requirements, { inset: SECTION_INSET });
      },
    });
  }
  sections.push({
    heading: 'Jadwal Pendaftaran',
    draw: () =>
      paragraph(
        doc,
        `Pendaftaran dibuka sejak ${formatDateId(selection.announcementDate, tz)} sampai dengan ` +
          `${formatDateId(new Date(selection.registrationClosesAt), tz)} pukul ` +
          `${formatTimeId(selection.registrationClosesAt, tz)} ${tz}. Pendaftaran yang diterima setelah batas waktu ` +
          'tersebut tidak diproses.' +
          (selection.registrationProvisional
            ? ' Catatan: batas waktu ini dihitung dengan kalender sementara, karena hari libur nasional dan cuti ' +
              'bersama tahun tersebut belum ditetapkan dengan SKB; perubahan batas waktu diumumkan melalui portal.'
            : ''),
        { inset: SECTION_INSET },
      ),
  });

  sections.forEach((section, i) => {
    sectionHeading(doc, `${String.fromCharCode(65 + i)}. ${section.heading}`);
    section.draw();
  });

  // The closing paragraph, the signature and the verification box stay together on the last page.
  const closing =
    'Seluruh tahapan seleksi tidak dipungut biaya. Demikian pengumuman ini disampaikan untuk diketahui dan ' +
    'menjadi perhatian.';
  const closingOptions = { indent: cm(1.25) };
  drawDocumentEnd(doc, {
    keepWithSignature: {
      height: paragraphHeight(doc, closing, closingOptions),
      draw: () => paragraph(doc, closing, closingOptions),
    },
    signature: {
      placeDate: `${agency.city}, ${formatDateId(selection.announcementDate, tz)}`,
      title: signatory.title,
      name: signatory.name,
      nip: signatory.nip ?? null,
    },
    verification: { code: meta.verificationCode, url: meta.verifyUrl, chain: meta.auditChainHead ?? null },
  });
  drawPageFooters(doc, { label: `Pengumuman Nomor: ${meta.number}` });
  return toBuffer(doc);
}

const SECTION_INSET = cm(0.6);
