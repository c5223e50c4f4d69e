import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OfficialDocumentRequest } from '@seleksi/domain';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { officeHeading, officialDocumentProblems, parseBody, renderOfficialDocument } from './index';
import type { IssueMeta } from './index';
import {
  sampleDecreeRequest,
  sampleLetterRequest,
  sampleMeta,
  sampleMinutesRequest,
  sampleSuccessionGroupDecisionRequest,
  sampleSuccessorProposalRequest,
} from './test-fixtures';

/** Text of each page with runs of whitespace collapsed (wrapped cells and lines become single spaces). */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

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

/** Writes the PDF and its first page as PNG under test/artifacts/documents when pdftoppm is installed. */
function writeArtefact(name: string, pdf: Buffer): void {
  if (spawnSync('which', ['pdftoppm']).status !== 0) return;
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/artifacts/documents');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    file.replace(/\.pdf$/, '-p1'),
  ]);
  expect(run.status).toBe(0);
}

describe('decree layout', () => {
  const req = sampleDecreeRequest();
  const meta = metaWith('800.1.2.2/K.1/2026');
  let pdf: Buffer;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    pdf = await renderOfficialDocument(req, meta);
    pages = await pagesOf(pdf);
    all = pages.join(' ');
  });

  it('prints the KEPUTUSAN heading with NOMOR, TENTANG and the preamble', () => {
    expect(all).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
    expect(all).toContain(
      'KEPUTUSAN GUBERNUR KALIMANTAN TIMUR NOMOR 800.1.2.2/K.1/2026 TENTANG PEMBENTUKAN PANITIA SELEKSI TERBUKA ' +
        'JABATAN PIMPINAN TINGGI PRATAMA TAHUN 2026 DENGAN RAHMAT TUHAN YANG MAHA ESA GUBERNUR KALIMANTAN TIMUR,',
    );
    expect(all).not.toContain('NOMOR:');
  });

  it('lays out the label column, the placed table and the closing in order', () => {
    expect(all).toMatch(/Menimbang : a\. bahwa untuk mengisi .* b\. bahwa berdasarkan pertimbangan/);
    expect(all).toMatch(/Mengingat : 1\. Undang-Undang Nomor 20 Tahun 2023 .* 2\. Peraturan Pemerintah Nomor 11/);
    const order = [
      'MEMUTUSKAN:',
      'Menetapkan : KEPUTUSAN GUBERNUR',
      'KESATU : Membentuk Panitia Seleksi',
      'No. Nama Unsur Kedudukan',
      'Dr. Rahmawati Siregar',
      'KEDUA : Panitia Seleksi bertugas',
      'KETIGA : Keputusan ini mulai berlaku',
      'Ditetapkan di Samarinda pada tanggal 2 November 2026 GUBERNUR KALIMANTAN TIMUR,',
      'Dr. H. Rudy Mas’ud, S.E., M.E.',
    ].map((text) => all.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('ends with the verification box, numbers every page and sets the metadata', async () => {
    expectVerifiedAndNumbered(pages, meta);
    const info = await infoOf(pdf);
    expect(info.Title).toBe(
      'Keputusan Gubernur Kalimantan Timur Nomor 800.1.2.2/K.1/2026 tentang Pembentukan Panitia Seleksi Terbuka ' +
        'Jabatan Pimpinan Tinggi Pratama Tahun 2026',
    );
    expect(info.Author).toBe(req.agency.name);
    expect(info.CreationDate).toBe('D:20261124013000Z');
    writeArtefact('pansel-decree', pdf);
  });

  it('is byte-identical for equal input and clock', async () => {
    expect((await renderOfficialDocument(sampleDecreeRequest(), metaWith(meta.number))).equals(pdf)).toBe(true);
    const later = await renderOfficialDocument(
      sampleDecreeRequest(),
      metaWith(meta.number, new Date(1_800_000_000_000)),
    );
    expect(later.equals(pdf)).toBe(false);
  });
});

describe('minutes layout', () => {
  const meta = metaWith('800.1.2.2/001/Pansel/2026');

  it('prints the title, the number and the subject under TENTANG, signed with place and date', async () => {
    const req = sampleMinutesRequest(4);
    const pdf = await renderOfficialDocument(req, meta);
    const pages = await pagesOf(pdf);
    const all = pages.join(' ');
    expect(all).toContain(
      'BERITA ACARA HASIL SELEKSI ADMINISTRASI NOMOR: 800.1.2.2/001/Pansel/2026 TENTANG SELEKSI TERBUKA JPT PRATAMA',
    );
    expect(all).toContain('Hari/Tanggal : Jumat, 11 Desember 2026 Tempat : Ruang Rapat Badan Kepegawaian Daerah');
    expect(all).toContain('A. Hasil Penilaian Daftar Hasil Seleksi Administrasi No. Nama Pelamar');
    expect(all).toMatch(/1\. Pelamar yang dinyatakan Memenuhi Syarat .* 2\. Keputusan Panitia Seleksi bersifat final/);
    expect(all).toContain('Samarinda, 11 Desember 2026 Sekretaris Daerah Provinsi Kalimantan Timur selaku Ketua');
    expect(all).toContain('NIP. 19710312 199703 2 004');
    expectVerifiedAndNumbered(pages, meta);
    expect((await renderOfficialDocument(sampleMinutesRequest(4), meta)).equals(pdf)).toBe(true);
  });

  it('continues a long table over pages with its header repeated on each', async () => {
    const req = sampleMinutesRequest(40);
    const pdf = await renderOfficialDocument(req, meta);
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);

    const rowNames = req.tables![0]!.rows.map((row) => row[1]!);
    const withRows = pages.filter((page) => rowNames.some((name) => new RegExp(`\\b${name}\\b`).test(page)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toContain('No. Nama Pelamar Jabatan yang Dilamar Hasil Keterangan');

    const all = pages.join(' ');
    for (const name of rowNames) expect(all).toMatch(new RegExp(`\\b${name}\\b`));
    // The last row comes before the text that follows the table, and the caption is printed once.
    expect(all.indexOf('Pelamar Nomor 40')).toBeLessThan(all.indexOf('B. Ketentuan Lain'));
    expect(all.split('Daftar Hasil Seleksi Administrasi')).toHaveLength(2);
    expect(pages[1]).toContain('Berita Acara Nomor: 800.1.2.2/001/Pansel/2026');
    expectVerifiedAndNumbered(pages, meta);
    writeArtefact('administrative-result-minutes', pdf);
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
    const all = (await pagesOf(await renderOfficialDocument(req, meta))).join(' ');
    expect(all).toContain('LEMBAR PENILAIAN WAWANCARA NOMOR: 800.1.2.2/001/Pansel/2026 Penilaian wawancara');
    expect(all).not.toContain('TENTANG');
    expect(all).toMatch(/dilaksanakan sesuai jadwal\. Nama Peserta Nilai - - Demikian berita acara/);
  });
});

describe('letter layout', () => {
  const req = sampleLetterRequest();
  const meta = metaWith('800.1.2.2/0002/BKD/2027');
  let pdf: Buffer;
  let all: string;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderOfficialDocument(req, meta);
    pages = await pagesOf(pdf);
    all = pages.join(' ');
  });

  it('prints place and date, Nomor/Sifat/Lampiran/Perihal and the recipient instead of a title', () => {
    expect(all).toContain('Samarinda, 15 Januari 2027');
    expect(all).toContain(
      'Nomor : 800.1.2.2/0002/BKD/2027 Sifat : Terbatas Lampiran : - Perihal : Permohonan Rekomendasi Hasil ' +
        'Seleksi Terbuka JPT Pratama Yth. Kepala Badan Kepegawaian Negara di Jakarta Dengan hormat',
    );
    expect(all).not.toContain('NOMOR');
    expect(all).not.toContain('SURAT PERMOHONAN');
  });

  it('prints the body, the table and the closing, signed without place and date', () => {
    expect(all).toMatch(/tiga nama terbaik sebagai berikut: Peringkat Nama Nilai Akhir 1 Dr\. Andi Pratama/);
    expect(all).toMatch(/81,90 Sehubungan dengan hal tersebut/);
    expect(all).toMatch(/terima kasih\. Gubernur Kalimantan Timur, Dr\. H\. Rudy Mas’ud, S\.E\., M\.E\./);
    expect(all.split('Samarinda, 15 Januari 2027')).toHaveLength(2);
    expectVerifiedAndNumbered(pages, meta);
    writeArtefact('letter-to-overseer', pdf);
  });

  it('is byte-identical for equal input and clock; Sifat follows the visibility', async () => {
    expect((await renderOfficialDocument(sampleLetterRequest(), meta)).equals(pdf)).toBe(true);
    const pub = await renderOfficialDocument({ ...sampleLetterRequest(), visibility: 'PUBLIC', subject: null }, meta);
    const text = (await pagesOf(pub)).join(' ');
    expect(text).toContain('Sifat : Biasa');
    expect(text).toContain('Perihal : Surat Permohonan Rekomendasi Hasil Seleksi');
  });
});

describe('talent-route documents', () => {
  it('lays out the KRS decision as a decree of the PPK with the group in successor order', async () => {
    const meta = metaWith('800.1.3.3/K.3/2026');
    const pdf = await renderOfficialDocument(sampleSuccessionGroupDecisionRequest(), meta);
    const pages = await pagesOf(pdf);
    const all = pages.join(' ');
    expect(all).toContain(
      'KEPUTUSAN GUBERNUR KALIMANTAN TIMUR NOMOR 800.1.3.3/K.3/2026 TENTANG KELOMPOK RENCANA SUKSESI JABATAN ' +
        'PIMPINAN TINGGI PRATAMA TAHUN 2026 DENGAN RAHMAT TUHAN YANG MAHA ESA',
    );
    expect(all).toMatch(/Urutan Nama Kotak Nilai 1 Dr\. Andi Pratama, S\.T\., M\.T\. 9 91,20 2 Siti Aminah/);
    expect(all).toContain('Ditetapkan di Samarinda pada tanggal 15 Desember 2026');
    expect(all).toContain('Keputusan Nomor: 800.1.3.3/K.3/2026');
    expectVerifiedAndNumbered(pages, meta);
    writeArtefact('succession-group-decision', pdf);
  });

  it('lays out the successor proposal as a restricted letter', async () => {
    const meta = metaWith('800.1.3.3/0001/BKD/2027');
    const pdf = await renderOfficialDocument(sampleSuccessorProposalRequest(), meta);
    const pages = await pagesOf(pdf);
    const all = pages.join(' ');
    expect(all).toContain('Samarinda, 1 Februari 2027');
    expect(all).toContain(
      'Nomor : 800.1.3.3/0001/BKD/2027 Sifat : Terbatas Lampiran : - Perihal : Usulan Pengisian Jabatan Kepala ' +
        'Dinas Kesehatan dari Kelompok Rencana Suksesi Yth. Kepala Badan Kepegawaian Negara di Jakarta',
    );
    expectVerifiedAndNumbered(pages, meta);
    writeArtefact('successor-proposal', pdf);
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
