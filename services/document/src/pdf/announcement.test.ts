import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { jptPhrase, renderVacancyAnnouncement } from './index';
import { sampleMeta, sampleRequest } from './test-fixtures';
import { fontsOf, layoutPagesOf, pagesOf, rawPagesOf, renderedBeforeAll, writeArtefact } from './test-poppler';

describe('renderVacancyAnnouncement', () => {
  const req = sampleRequest();
  const meta = sampleMeta();
  const doc = renderedBeforeAll(() => renderVacancyAnnouncement(req, meta));

  it('produces a PDF with the expected content', () => {
    expect(doc.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(doc.all).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
    expect(doc.all).toContain(req.agency.name);
    expect(doc.all).toContain('PENGUMUMAN');
    expect(doc.all).toContain(`NOMOR: ${meta.number}`);
    expect(doc.all).toContain(
      'SELEKSI TERBUKA JABATAN PIMPINAN TINGGI PRATAMA DI LINGKUNGAN PEMERINTAH PROVINSI KALIMANTAN TIMUR',
    );
    // Wrapped cells read in one piece in content order.
    const raw = rawPagesOf(doc.pdf).join(' ');
    for (const v of req.selection.vacancies) expect(raw).toContain(`${v.position} ${v.unit} Pratama`);
    for (const r of req.selection.requirements) expect(doc.all).toContain(r);
    expect(doc.all).toContain(
      'Pendaftaran dibuka sejak 24 November 2026 sampai dengan 8 Desember 2026 pukul 23.59 WITA',
    );
    expect(doc.all).toContain('Samarinda, 24 November 2026');
    expect(doc.all).toContain(req.signatory.name);
    expect(doc.all).toContain('NIP. 19710312 199703 2 004');
  });

  it('ends with the verification box and numbers every page', () => {
    const last = doc.pages.at(-1) ?? '';
    expect(last).toContain(
      `Kode verifikasi: ${meta.verificationCode} — keaslian dokumen dapat diperiksa di ${meta.verifyUrl}`,
    );
    doc.pages.forEach((page, i) => expect(page).toContain(`Halaman ${i + 1} dari ${doc.pages.length}`));
  });

  it('sets the metadata from the request and the injected clock', async () => {
    const proxy = await getDocumentProxy(new Uint8Array(doc.pdf));
    const info = (await proxy.getMetadata()).info as Record<string, unknown>;
    expect(info.Title).toContain(meta.number);
    expect(info.Author).toBe(req.agency.name);
    expect(info.Subject).toBe(req.selection.title);
    expect(info.CreationDate).toBe('D:20261124013000Z');
  });

  it('is byte-identical for equal input and clock, and differs when the clock differs', async () => {
    const again = await renderVacancyAnnouncement(sampleRequest(), sampleMeta());
    expect(again.equals(doc.pdf)).toBe(true);
    const later = await renderVacancyAnnouncement(sampleRequest(), sampleMeta(new Date('2026-11-24T01:30:01.000Z')));
    expect(later.equals(doc.pdf)).toBe(false);
  });

  it('embeds every font it uses', () => {
    expect(doc.pdf.includes('/FontFile2')).toBe(true);
    const fonts = fontsOf(doc.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('writes page 1 as a PNG artefact', () => {
    expect(writeArtefact('VACANCY_ANNOUNCEMENT', doc.pdf)).toMatch(/VACANCY_ANNOUNCEMENT\.png$/);
  });
});

describe('a corrected announcement', () => {
  it('prints the correction note under the title block', async () => {
    const correction = {
      number: '800.2.2/4126/BKD-III',
      date: '2026-11-20',
      reason: 'Batas waktu pendaftaran diubah.',
    };
    const all = pagesOf(await renderVacancyAnnouncement(sampleRequest(), { ...sampleMeta(), correction })).join(' ');
    expect(all).toContain(
      'DI LINGKUNGAN PEMERINTAH PROVINSI KALIMANTAN TIMUR Dokumen ini merupakan perbaikan atas dokumen Nomor ' +
        '800.2.2/4126/BKD-III tanggal 20 November 2026 yang dinyatakan tidak berlaku. Alasan perbaikan: Batas ' +
        'waktu pendaftaran diubah. Dalam rangka pengisian',
    );
    const original = pagesOf(await renderVacancyAnnouncement(sampleRequest(), sampleMeta())).join(' ');
    expect(original).not.toContain('perbaikan');
  });
});

describe('a long announcement', () => {
  it('continues the vacancy table over several pages with its header on each', async () => {
    const req = sampleRequest(60);
    const pdf = await renderVacancyAnnouncement(req, sampleMeta());
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);

    // Each page that continues the table starts with its header line.
    const continued = layoutPagesOf(pdf)
      .slice(1)
      .filter((page) => req.selection.vacancies.some((v) => page.includes(v.unit)));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const page of continued) {
      const first = page.split('\n').find((line) => line.trim() !== '');
      expect(first).toMatch(/^\s*No\.\s+Jabatan\s+Unit Kerja\s+Tingkat\s*$/);
    }

    const all = rawPagesOf(pdf).join(' ');
    for (const v of req.selection.vacancies) expect(all).toMatch(new RegExp(`\\b${v.position}\\b`));
    expect(pages[1]).toContain(`Halaman 2 dari ${pages.length}`);
    expect(pages.at(-1)).toContain('Kode verifikasi: K7QX-2M9D');
  });
});

describe('subject line', () => {
  it('names the level only when all vacancies share it', async () => {
    expect(jptPhrase(['PRATAMA', 'PRATAMA'])).toBe('Jabatan Pimpinan Tinggi Pratama');
    expect(jptPhrase(['MADYA'])).toBe('Jabatan Pimpinan Tinggi Madya');
    expect(jptPhrase(['PRATAMA', 'MADYA'])).toBe('Jabatan Pimpinan Tinggi');

    const req = sampleRequest(2);
    req.selection.vacancies[1] = { ...req.selection.vacancies[1]!, level: 'MADYA' };
    const all = pagesOf(await renderVacancyAnnouncement(req, sampleMeta())).join(' ');
    expect(all).toContain('SELEKSI TERBUKA JABATAN PIMPINAN TINGGI DI LINGKUNGAN PEMERINTAH PROVINSI KALIMANTAN TIMUR');
    expect(all).toMatch(/Pratama .*Madya/);
  });

  it('refuses an announcement without vacancies', async () => {
    const req = sampleRequest(0);
    await expect(renderVacancyAnnouncement(req, sampleMeta())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
