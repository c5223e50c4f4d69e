import { describe, expect, it } from 'vitest';
import { isPdf } from './pdf';
import { minimalPdf } from './test-pdf';

describe('isPdf (by content)', () => {
  it('accepts a well-formed PDF with a classic cross-reference table', () => {
    expect(isPdf(minimalPdf('Surat lamaran'))).toBe(true);
  });

  it('accepts trailing whitespace after %%EOF', () => {
    expect(isPdf(Buffer.concat([minimalPdf('x'), Buffer.from('\r\n\n')]))).toBe(true);
  });

  it('refuses files that only start like a PDF', () => {
    expect(isPdf(Buffer.from('%PDF-1.4\nthis is not really a PDF at all, just text\n'))).toBe(false);
  });

  it('refuses a PDF cut short (no trailer)', () => {
    const pdf = minimalPdf('terpotong');
    expect(isPdf(pdf.subarray(0, pdf.length - 40))).toBe(false);
  });

  it('refuses a startxref offset that points nowhere', () => {
    const text = minimalPdf('x')
      .toString('latin1')
      .replace(/startxref\s+\d+/, 'startxref 999999');
    expect(isPdf(Buffer.from(text, 'latin1'))).toBe(false);
  });

  it('refuses other formats whatever they are called', () => {
    expect(isPdf(Buffer.from('PK\u0003\u0004 a zip or docx file padded to length .........'))).toBe(false);
    expect(isPdf(Buffer.alloc(0))).toBe(false);
  });

  it('accepts a cross-reference stream', () => {
    const head = '%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n';
    const xrefAt = head.length;
    const body = `${head}3 0 obj << /Type /XRef /Size 4 /Root 1 0 R /W [1 2 1] /Length 0 >> stream\nendstream endobj\nstartxref\n${xrefAt}\n%%EOF\n`;
    expect(isPdf(Buffer.from(body, 'latin1'))).toBe(true);
  });
});
