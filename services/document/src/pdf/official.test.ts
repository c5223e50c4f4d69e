import { DECREE_KINDS, type OfficialDocumentRequest } from '@seleksi/domain';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OFFICIAL_DOCUMENT_KINDS,
  OFFICIAL_KINDS,
  formatNip,
  officeHeading,
  officialDocumentProblems,
  parseBody,
  renderOfficialDocument,
} from './index';
import type { IssueMeta, OfficialDocumentKind } from './index';
import {
  SAMPLE_OFFICIAL_REQUESTS,
  sampleAdministrativeResultAnnouncement,
  sampleDecreeRequest,
  sampleLetterRequest,
  sampleMeta,
  sampleMinutesRequest,
  sampleReportToPpkRequest,
} from './test-fixtures';
import { fontsOf, layoutPagesOf, pagesOf, renderedBeforeAll, writeArtefact } from './test-poppler';

async function infoOf(pdf: Buffer): Promise<Record<string, unknown>> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  return (await proxy.getMetadata()).info as Record<string, unknown>;
}

function metaWith(number: string, issuedAt?: Date): IssueMeta {
  return { ...sampleMeta(issuedAt), number };
}

function expectVerifiedAndNumbered(pages: string[], meta: IssueMeta): void {
  expect(pages.at(-1)).toContain(
    `Kode verifikasi: ${meta.verificationCode} — keaslian dokumen dapat diperiksa di ${meta.verifyUrl}`,
  );
  pages.forEach((page, i) => expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`));
}

/** Every text in `texts` occurs in `all`, in this order. */
function expectInOrder(all: string, texts: readonly string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = all.indexOf(text, from);
    expect(at, `"${text}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + text.length;
  }
}

/** Text specific to each sample (besides the number, title, date and signatory checked for every kind). */
const KEY_TEXT: Record<OfficialDocumentKind, readonly string[]> = {
  PANSEL_DECREE: [
    'KESATU : Membentuk Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama',
    'KEDUA : Panitia Seleksi sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:',
    'a. menyusun jadwal, persyaratan, dan metode seleksi;',
    'KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.',
    'Susunan Keanggotaan Panitia Seleksi',
    'Dr. Rahmawati Siregar, S.H., M.H.',
  ],
  EXTENSION_NOTICE: [
    'belum memenuhi batas minimal 4 (empat) orang',
    'Kepala Biro Hukum Sekretariat Daerah',
    'diperpanjang (perpanjangan ke-1) sampai dengan tanggal 16 Desember 2026 pukul 23.59 WITA',
  ],
  VACANCY_CANCELLATION: [
    'Panitia Seleksi memutuskan bahwa pengisian jabatan berikut dibatalkan',
    'Pertimbangan : Hanya 2 (dua) pelamar',
  ],
  ADMINISTRATIVE_RESULT_MINUTES: [
    'Hari/Tanggal : Jumat, 11 Desember 2026',
    'Tempat : Ruang Rapat Badan Kepegawaian Daerah',
    'A. Hasil Penilaian Daftar Hasil Seleksi Administrasi',
    '2. Keputusan Panitia Seleksi bersifat final.',
  ],
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: [
    'Peserta yang dinyatakan Memenuhi Syarat (MS) mengikuti tahap uji kompetensi',
    'No Nama NIP Hasil',
    '5 Peserta Seleksi Nomor 005 ********200005**** TMS',
    'Peserta dapat mengajukan sanggahan dalam 3 hari kerja',
  ],
  SCORE_SHEET: [
    'nilai ambang batas 70.',
    'Kepala Dinas Kesehatan (JPT Pratama)',
    '1 Dr. Andi Pratama, S.T., M.T. 88,00 85,00 86,00 87,50 82,00 86,40',
  ],
  FINAL_RESULT_MINUTES: [
    'Panitia Seleksi dalam sidang pleno menetapkan peringkat akhir',
    'Tempat : Ruang Rapat Sekretariat Daerah',
    '2 Siti Aminah, S.E., M.Ak. 84,15 3 terbaik',
  ],
  FINAL_RESULT_ANNOUNCEMENT: [
    '(disusun menurut abjad)',
    '1 Dr. Andi Pratama, S.T., M.T. ********200501**** 2 Siti Aminah, S.E., M.Ak.',
  ],
  REPORT_TO_PPK: [
    'Lampiran : 3 (tiga) berkas',
    'Yth. Gubernur Kalimantan Timur melalui Sekretaris Daerah selaku Pejabat yang Berwenang',
    '1 Dr. Andi Pratama, S.T., M.T. 86,40',
    'Lampiran: 1. Berita Acara Sidang Pleno Panitia Seleksi 2. Rekapitulasi Nilai Seleksi Terbuka 3. Hasil',
  ],
  LETTER_TO_OVERSEER: [
    'Lampiran : -',
    'Yth. Kepala Badan Kepegawaian Negara di Jakarta',
    '3 Yohanes Kristianto, S.H., M.H. 81,90',
  ],
  OVERSEER_RECOMMENDATION: ['memberikan persetujuan', 'Nomor surat : 2/R/BKN/2027'],
  APPOINTMENT_DECREE: [
    'KESATU : Mengangkat Saudara Dr. Andi Pratama, S.T., M.T., NIP 19780512 200501 1 003, dalam jabatan Kepala',
    'KETIGA : Keputusan ini mulai berlaku pada tanggal pelantikan.',
    'Tembusan: 1. Kepala Badan Kepegawaian Negara di Jakarta 2. Inspektur Provinsi Kalimantan Timur 3. Yang',
  ],
  INAUGURATION_MINUTES: [
    'telah melantik Dr. Andi Pratama, S.T., M.T. dalam jabatan Kepala Dinas Kesehatan',
    'Tempat : Pendopo Lamin Etam, Samarinda',
    'Saksi : 1. Dr. Sri Wahyuni, S.Sos., M.Si. 2. Ir. Hendra Gunawan, M.T.',
  ],
  COMPLETION_REPORT: [
    'Yth. Kepala Badan Kepegawaian Negara di Jakarta',
    'Dr. Andi Pratama, S.T., M.T., dilantik 15 Februari 2027',
    'Tembusan: 1. Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta',
  ],
  SUCCESSION_GROUP_DECISION: [
    'KESATU : Menetapkan kelompok rencana suksesi jabatan Kepala Dinas Kesehatan',
    'Urutan Nama Kotak Nilai 1 Dr. Andi Pratama, S.T., M.T. 9 91,20 2 Siti Aminah',
  ],
  SUCCESSOR_PROPOSAL: ['Yth. Kepala Badan Kepegawaian Negara di Jakarta', 'Urutan Nama Kotak 1 Dr. Andi Pratama'],
};

/** Where the number, title, place and date are printed, by layout. */
function headingOf(req: OfficialDocumentRequest, number: string): { heading: string; placeDate: string } {
  const date = formatDate(req.date);
  const title = req.title.toUpperCase();
  switch (OFFICIAL_KINDS[req.kind].layout) {
    case 'DECREE':
      return {
        heading: `KEPUTUSAN ${officeHeading(req.signatory.title)} NOMOR ${number} TENTANG ${title}`,
        placeDate: `Ditetapkan di ${req.agency.city} pada tanggal ${date}`,
      };
    case 'MINUTES':
      return {
        heading: `${title} NOMOR: ${number}${req.subject ? ` TENTANG ${req.subject.toUpperCase()}` : ''}`,
        placeDate: `${req.agency.city}, ${date}`,
      };
    case 'LETTER':
      // The place and date stand at the right of the number line.
      return {
        heading: `Nomor : ${number} ${req.agency.city}, ${date} Sifat : Terbatas`,
        placeDate: `Perihal : ${req.subject ?? req.title}`,
      };
  }
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober'];
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${[...MONTHS, 'November', 'Desember'][m - 1]} ${y}`;
}

describe.each(OFFICIAL_DOCUMENT_KINDS)('%s', (kind) => {
  const req = SAMPLE_OFFICIAL_REQUESTS[kind]();
  const meta = metaWith('800.1.2.2/0042/BKD/2026');
  const layout = OFFICIAL_KINDS[kind].layout;
  const doc = renderedBeforeAll(() => renderOfficialDocument(req, meta));

  it('prints the number, the title, place and date, the body and the signatory', () => {
    expect(req.kind).toBe(kind);
    const { heading, placeDate } = headingOf(req, meta.number);
    expect(doc.all).toContain(heading);
    expect(doc.all).toContain(placeDate);
    for (const text of KEY_TEXT[kind]) expect(doc.all).toContain(text);
    const signatoryTitle = layout === 'DECREE' ? `${officeHeading(req.signatory.title)},` : req.signatory.title;
    expectInOrder(doc.all, [signatoryTitle, req.signatory.name]);
    if (req.signatory.nip) expect(doc.all).toContain(`${req.signatory.name} NIP. ${formatNip(req.signatory.nip)}`);
    expectVerifiedAndNumbered(doc.pages, meta);
    if (doc.pages.length > 1) expect(doc.pages[1]).toContain(`${OFFICIAL_KINDS[kind].name} Nomor: ${meta.number}`);
  });

  it('is byte-identical for equal input and clock', async () => {
    expect((await renderOfficialDocument(SAMPLE_OFFICIAL_REQUESTS[kind](), meta)).equals(doc.pdf)).toBe(true);
  });

  it('embeds every font it uses', () => {
    expect(doc.pdf.includes('/FontFile2')).toBe(true);
    const fonts = fontsOf(doc.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => f.name.includes('DejaVu'))).toBe(true);
  });

  it('writes page 1 as a PNG artefact', () => {
    expect(writeArtefact(kind, doc.pdf)).toMatch(new RegExp(`${kind}\\.png$`));
  });
});

describe.each(DECREE_KINDS)('%s as a decree', (kind) => {
  const req = SAMPLE_OFFICIAL_REQUESTS[kind]();
  const meta = metaWith('800.1.2.2/0042/BKD/2026');

  it('prints the parts of a decree in order, its tables as the attachment', async () => {
    const pdf = await renderOfficialDocument(req, meta);
    const pages = pagesOf(pdf);
    const all = pages.join(' ');
    const office = officeHeading(req.signatory.title);
    expectInOrder(all, [
      'DENGAN RAHMAT TUHAN YANG MAHA ESA',
      `${office}, Menimbang : a. ${req.decree!.considering[0]!.slice(0, 40)}`,
      'Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; 2. Peraturan Pemerintah',
      'MEMUTUSKAN: Menetapkan : ' + `KEPUTUSAN ${office} TENTANG ${req.title.toUpperCase()}.`,
      'KESATU :',
      'KEDUA :',
      `Ditetapkan di ${req.agency.city}`,
    ]);
    // Dictum labels start their lines in the label column.
    const lines = layoutPagesOf(pdf).join('\n');
    req.decree!.decisions.forEach((_, i) =>
      expect(lines).toMatch(new RegExp(`^${['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT'][i]}\\s+: \\S`, 'm')),
    );
    expect(lines).toMatch(/^Menimbang\s+: a\. bahwa /m);
    if ((req.tables ?? []).length > 0) {
      const attachment = pages.findIndex((page) => page.startsWith(`LAMPIRAN KEPUTUSAN ${office}`));
      expect(attachment).toBeGreaterThan(0);
      expect(pages[attachment]).toContain(
        `NOMOR : ${meta.number} TANGGAL : ${formatDate(req.date)} TENTANG : ${req.title.toUpperCase()}`,
      );
      expect(pages.slice(0, attachment).join(' ')).not.toContain(req.tables![0]!.caption!);
      expectInOrder(pages.slice(attachment).join(' '), [req.tables![0]!.caption!, `${office},`, req.signatory.name]);
    }
  });
});

describe('decree layout', () => {
  const req = sampleDecreeRequest();
  const meta = metaWith('800.1.2.2/K.1/2026');
  const doc = renderedBeforeAll(() => renderOfficialDocument(req, meta));

  it('prints the KEPUTUSAN heading with NOMOR, TENTANG and the preamble', () => {
    expect(doc.all).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
    expect(doc.all).toContain(
      'KEPUTUSAN GUBERNUR KALIMANTAN TIMUR NOMOR 800.1.2.2/K.1/2026 TENTANG PEMBENTUKAN PANITIA SELEKSI TERBUKA ' +
        'JABATAN PIMPINAN TINGGI PRATAMA TAHUN 2026 DENGAN RAHMAT TUHAN YANG MAHA ESA GUBERNUR KALIMANTAN TIMUR,',
    );
    expect(doc.all).not.toContain('NOMOR:');
  });

  it('letters the considerations, numbers the legal basis and ends each with a semicolon', () => {
    expect(doc.all).toMatch(
      /Menimbang : a\. bahwa untuk mengisi .* b\. bahwa untuk melaksanakan .* c\. bahwa berdasarkan/,
    );
    expect(doc.all).toContain('sistem merit; b.');
    expect(doc.all).toContain('Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; 2.');
    expect(doc.all).toContain('di Lingkungan Instansi Pemerintah; MEMUTUSKAN:');
  });

  it('keeps the last dictum with the signature, lists the copies under it and ends with the attachment', () => {
    expectInOrder(doc.all, [
      'KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      'Ditetapkan di Samarinda pada tanggal 2 November 2026 GUBERNUR KALIMANTAN TIMUR, Dr. H. Rudy Mas’ud, S.E., M.E.',
      'Tembusan: 1. Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta 2. Kepala Badan',
      'LAMPIRAN KEPUTUSAN GUBERNUR KALIMANTAN TIMUR NOMOR : 800.1.2.2/K.1/2026',
      'No. Nama Unsur Kedudukan 1. Dr. Sri Wahyuni, S.Sos., M.Si. Internal Ketua',
      'GUBERNUR KALIMANTAN TIMUR, Dr. H. Rudy Mas’ud, S.E., M.E. Kode verifikasi: K7QX-2M9D',
    ]);
    const signed = doc.pages.findIndex((page) => page.includes('Ditetapkan di Samarinda'));
    expect(doc.pages[signed]).toContain('KEEMPAT : Keputusan ini mulai berlaku');
    expect(doc.pages[signed]).not.toContain('Kode verifikasi');
    expect(doc.all.split('Kode verifikasi')).toHaveLength(2);
  });

  it('sets the metadata from the request and the clock', async () => {
    const info = await infoOf(doc.pdf);
    expect(info.Title).toBe(
      'Keputusan Gubernur Kalimantan Timur Nomor 800.1.2.2/K.1/2026 tentang Pembentukan Panitia Seleksi Terbuka ' +
        'Jabatan Pimpinan Tinggi Pratama Tahun 2026',
    );
    expect(info.Author).toBe(req.agency.name);
    expect(info.CreationDate).toBe('D:20261124013000Z');
    const later = await renderOfficialDocument(
      sampleDecreeRequest(),
      metaWith(meta.number, new Date(1_800_000_000_000)),
    );
    expect(later.equals(doc.pdf)).toBe(false);
  });

  it('names dictums with Indonesian ordinals beyond ten, and a single consideration has no letter', async () => {
    const decisions = Array.from({ length: 12 }, (_, i) => `Diktum nomor ${i + 1} dari keputusan ini.`);
    const many: OfficialDocumentRequest = {
      ...sampleDecreeRequest(),
      tables: [],
      copies: null,
      decree: {
        considering: ['bahwa perlu menetapkan keputusan'],
        legalBasis: ['Undang-Undang Nomor 20 Tahun 2023'],
        decisions,
      },
    };
    const text = pagesOf(await renderOfficialDocument(many, meta)).join(' ');
    expect(text).toContain(
      'Menimbang : bahwa perlu menetapkan keputusan; Mengingat : Undang-Undang Nomor 20 Tahun 2023;',
    );
    for (const [label, n] of [
      ['KESATU', 1],
      ['KESEPULUH', 10],
      ['KESEBELAS', 11],
      ['KEDUA BELAS', 12],
    ] as const) {
      expect(text).toContain(`${label} : Diktum nomor ${n} dari keputusan ini.`);
    }
    expect(text).not.toContain('LAMPIRAN KEPUTUSAN');
  });

  it('still lays out a decree given as paragraphs only (requests from before `decree`)', async () => {
    const legacy: OfficialDocumentRequest = {
      ...sampleDecreeRequest(),
      decree: null,
      paragraphs: [
        'Menimbang : a. bahwa perlu dibentuk Panitia Seleksi;',
        'MEMUTUSKAN:',
        'KESATU : Membentuk:',
        '{{table:0}}',
      ],
    };
    const text = pagesOf(await renderOfficialDocument(legacy, meta)).join(' ');
    expect(text).toContain('Menimbang : a. bahwa perlu dibentuk Panitia Seleksi; MEMUTUSKAN: KESATU : Membentuk:');
    expect(text).toContain('Susunan Keanggotaan Panitia Seleksi');
    expect(text).not.toContain('LAMPIRAN KEPUTUSAN');
  });
});

describe('minutes layout', () => {
  const meta = metaWith('800.1.2.2/001/Pansel/2026');

  it('prints the title, the number and the subject under TENTANG, signed with place and date', async () => {
    const pdf = await renderOfficialDocument(sampleMinutesRequest(4), meta);
    const all = pagesOf(pdf).join(' ');
    expect(all).toContain(
      'BERITA ACARA HASIL SELEKSI ADMINISTRASI NOMOR: 800.1.2.2/001/Pansel/2026 TENTANG SELEKSI TERBUKA JPT PRATAMA',
    );
    expect(all).toMatch(/1\. Pelamar yang dinyatakan Memenuhi Syarat .* 2\. Keputusan Panitia Seleksi bersifat final/);
    expect(all).toContain(
      'Samarinda, 11 Desember 2026 Sekretaris Daerah Provinsi Kalimantan Timur selaku Ketua Panitia Seleksi,',
    );
  });

  it('prints tables without a placeholder after the paragraphs and before the closing, empty ones as one row', async () => {
    const req: OfficialDocumentRequest = {
      ...sampleMinutesRequest(0),
      kind: 'SCORE_SHEET',
      title: 'Lembar Penilaian Wawancara',
      subject: null,
      paragraphs: ['Penilaian wawancara dilaksanakan sesuai jadwal.'],
      tables: [{ columns: [{ header: 'Nama Peserta' }, { header: 'Nilai', align: 'right' }], rows: [] }],
    };
    const all = pagesOf(await renderOfficialDocument(req, meta)).join(' ');
    expect(all).toContain('LEMBAR PENILAIAN WAWANCARA NOMOR: 800.1.2.2/001/Pansel/2026 Penilaian wawancara');
    expect(all).not.toContain('TENTANG');
    expect(all).toMatch(/dilaksanakan sesuai jadwal\. Nama Peserta Nilai - - Demikian berita acara/);
  });

  it('lists the attachments after the body and the copies under the signature', async () => {
    const req: OfficialDocumentRequest = {
      ...sampleMinutesRequest(2),
      attachments: ['Daftar hadir Panitia Seleksi', 'Rekapitulasi berkas pelamar'],
      copies: ['Gubernur Kalimantan Timur', 'Kepala Badan Kepegawaian Negara'],
    };
    const all = pagesOf(await renderOfficialDocument(req, meta)).join(' ');
    expectInOrder(all, [
      '2. Keputusan Panitia Seleksi bersifat final.',
      'Lampiran: 1. Daftar hadir Panitia Seleksi 2. Rekapitulasi berkas pelamar',
      'Demikian berita acara ini dibuat',
      'NIP. 19710312 199703 2 004',
      'Tembusan: 1. Gubernur Kalimantan Timur 2. Kepala Badan Kepegawaian Negara',
      'Kode verifikasi',
    ]);
  });
});

describe('a 200-row table', () => {
  const req = sampleAdministrativeResultAnnouncement(200);
  const meta = metaWith('800.1.2.2/0099/Pansel/2026');
  let pages: string[];
  let layout: string[];

  beforeAll(async () => {
    const pdf = await renderOfficialDocument(req, meta);
    pages = pagesOf(pdf);
    layout = layoutPagesOf(pdf);
  });

  it('spans several pages and repeats its header at the top of the table on each', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const header = /^\s*No\s+Nama\s+NIP\s+Hasil\s*$/m;
    for (const [i, page] of layout.entries()) {
      if (i === 0) continue;
      const rows = page.match(/Peserta Seleksi Nomor \d{3}/g) ?? [];
      if (rows.length === 0) continue;
      // Page 2+ starts with the repeated header line, then the rows.
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      expect(lines[0], `page ${i + 1}`).toMatch(header);
      expect(page.indexOf(rows[0]!)).toBeGreaterThan(page.search(header));
    }
    const withRows = layout.filter((page) => /Peserta Seleksi Nomor \d{3}/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(4);
  });

  it('prints every row once, in order, and the closing after the last', () => {
    const all = pages.join(' ');
    const numbers = [...all.matchAll(/Peserta Seleksi Nomor (\d{3})/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(all.indexOf('Nomor 200')).toBeLessThan(all.indexOf('Peserta dapat mengajukan sanggahan'));
    expect(all.split('Kepala Dinas Kesehatan (JPT Pratama)')).toHaveLength(2);
    pages.slice(1).forEach((page) => expect(page).toContain(`Pengumuman Nomor: ${meta.number}`));
    expectVerifiedAndNumbered(pages, meta);
  });
});

describe('letter layout', () => {
  const meta = metaWith('800.1.2.2/0002/BKD/2027');

  it('prints place and date at the number, Nomor/Sifat/Lampiran/Perihal and the recipient instead of a title', async () => {
    const all = pagesOf(await renderOfficialDocument(sampleLetterRequest(), meta)).join(' ');
    expect(all).toContain(
      'Nomor : 800.1.2.2/0002/BKD/2027 Samarinda, 15 Januari 2027 Sifat : Terbatas Lampiran : - Perihal : ' +
        'Permohonan Rekomendasi Hasil Seleksi Terbuka JPT Pratama Yth. Kepala Badan Kepegawaian Negara di Jakarta ' +
        'Dengan hormat',
    );
    expect(all).not.toContain('NOMOR');
    expect(all).not.toContain('SURAT PERMOHONAN');
    expect(all).toMatch(/terima kasih\. Gubernur Kalimantan Timur, Dr\. H\. Rudy Mas’ud, S\.E\., M\.E\./);
    expect(all.split('Samarinda, 15 Januari 2027')).toHaveLength(2);
  });

  it('counts the attachments in words on the Lampiran line and lists them after the body', async () => {
    const all = pagesOf(await renderOfficialDocument(sampleReportToPpkRequest(), meta)).join(' ');
    expect(all).toContain('Lampiran : 3 (tiga) berkas Perihal :');
    expectInOrder(all, [
      '3 Yohanes Kristianto, S.H., M.H. 81,90',
      'Lampiran: 1. Berita Acara Sidang Pleno Panitia Seleksi',
      'Demikian laporan ini',
    ]);
    const one = { ...sampleReportToPpkRequest(), attachments: ['Berita Acara Sidang Pleno Panitia Seleksi'] };
    expect(pagesOf(await renderOfficialDocument(one, meta)).join(' ')).toContain('Lampiran : 1 (satu) berkas');
  });

  it('follows the visibility in Sifat and falls back on the title for Perihal', async () => {
    const pub = await renderOfficialDocument({ ...sampleLetterRequest(), visibility: 'PUBLIC', subject: null }, meta);
    const text = pagesOf(pub).join(' ');
    expect(text).toContain('Sifat : Biasa');
    expect(text).toContain('Perihal : Surat Permohonan Rekomendasi Hasil Seleksi');
  });
});

describe('correction note', () => {
  const correction = { number: '800.1.2.2/0041/BKD/2026', date: '2026-11-24', reason: 'Salah penulisan NIP anggota.' };
  const meta: IssueMeta = { ...metaWith('800.1.2.2/0042/BKD/2026'), correction };
  const note =
    'Dokumen ini merupakan perbaikan atas dokumen Nomor 800.1.2.2/0041/BKD/2026 tanggal 24 November 2026 yang ' +
    'dinyatakan tidak berlaku. Alasan perbaikan: Salah penulisan NIP anggota.';

  it.each<[string, () => OfficialDocumentRequest, string, string]>([
    ['a decree, under the title block', sampleDecreeRequest, 'TAHUN 2026', 'DENGAN RAHMAT TUHAN YANG MAHA ESA'],
    ['minutes, under the title block', () => sampleMinutesRequest(2), 'TAHUN 2026', 'Pada hari ini Jumat'],
    ['a letter, under the letter header', sampleLetterRequest, 'di Jakarta', 'Dengan hormat'],
  ])('is printed on %s', async (_name, make, before, after) => {
    const all = pagesOf(await renderOfficialDocument(make(), meta)).join(' ');
    expect(all).toContain(`${before} ${note} ${after}`);
  });

  it('is absent from an original', async () => {
    const all = pagesOf(await renderOfficialDocument(sampleMinutesRequest(2), metaWith('X/1/2026'))).join(' ');
    expect(all).not.toContain('perbaikan');
  });
});

describe('request checks', () => {
  it('refuses misplaced tables and ragged rows with the failing field', async () => {
    const meta = metaWith('X/1/2026');
    const unknownTable = { ...sampleLetterRequest(), paragraphs: ['{{table:3}}'] };
    await expect(renderOfficialDocument(unknownTable, meta)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'paragraphs.0',
    });
    const ragged = sampleMinutesRequest(3);
    ragged.tables![0]!.rows[1] = ['2.', 'Pelamar'];
    await expect(renderOfficialDocument(ragged, meta)).rejects.toMatchObject({ field: 'tables.0.rows.1' });

    expect(
      officialDocumentProblems({
        paragraphs: ['{{table:0}}', '{{ table : 0 }}'],
        tables: [{ columns: [{ header: 'A' }], rows: [] }],
      }),
    ).toEqual([{ path: ['paragraphs', 1], message: 'Table 0 is placed twice' }]);
    expect(officialDocumentProblems({ paragraphs: ['x'], closing: ['{{table:0}}'] })[0]?.path).toEqual(['closing', 0]);
    expect(officialDocumentProblems({ paragraphs: [] })[0]?.path).toEqual(['paragraphs']);
  });

  it('accepts a decree whose content is all in `decree`', () => {
    const { paragraphs, tables, closing, decree } = sampleDecreeRequest();
    expect(paragraphs).toEqual([]);
    expect(officialDocumentProblems({ paragraphs, tables, closing, decree })).toEqual([]);
    expect(officialDocumentProblems({ paragraphs: [], decree })).toEqual([]);
  });
});

describe('paragraph conventions', () => {
  it('classifies labels, items, headings, placeholders and plain text', () => {
    expect(
      parseBody([
        'Menimbang : a. bahwa seleksi perlu dilaksanakan;',
        'b. bahwa perlu ditetapkan;',
        'Hari/Tanggal : Jumat, 11 Desember 2026',
        '1. Butir yang tidak di bawah label.',
        'KESATU : Membentuk panitia sebagai berikut:',
        '{{table:0}}',
        'A. Hasil Penilaian',
        'MEMUTUSKAN:',
        'Demikian berita acara ini dibuat.',
      ]),
    ).toEqual([
      { type: 'labelled', label: 'Menimbang', text: 'a. bahwa seleksi perlu dilaksanakan;' },
      { type: 'item', marker: 'b.', text: 'bahwa perlu ditetapkan;', underLabel: true },
      { type: 'labelled', label: 'Hari/Tanggal', text: 'Jumat, 11 Desember 2026' },
      { type: 'item', marker: '1.', text: 'Butir yang tidak di bawah label.', underLabel: false },
      { type: 'labelled', label: 'KESATU', text: 'Membentuk panitia sebagai berikut:' },
      { type: 'table', index: 0, underLabel: true },
      { type: 'section', text: 'A. Hasil Penilaian' },
      { type: 'centred', text: 'MEMUTUSKAN:' },
      { type: 'paragraph', text: 'Demikian berita acara ini dibuat.' },
    ]);
    expect(parseBody(['Sehubungan dengan surat Saudara tanggal 2 Januari : kami sampaikan.'])[0]?.type).toBe(
      'paragraph',
    );
  });

  it('turns the signatory office into the decree heading', () => {
    expect(officeHeading(' Bupati Jepara, ')).toBe('BUPATI JEPARA');
  });
});
