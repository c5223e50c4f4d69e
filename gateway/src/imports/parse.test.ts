import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  mapAssessmentResultHeader,
  mapProfileHeader,
  mapTargetPostHeader,
  validateAssessmentResultRows,
  validateTargetPostRows,
} from '@seleksi/domain';
import { readSheet, sniffFormat } from './parse';
import {
  profileTemplateCsv,
  profileTemplateHeader,
  profileTemplateXlsx,
  templateCsv,
  templateHeader,
  templateKind,
  templateXlsx,
  toCsv,
  writeXlsx,
} from './template';

const enc = (s: string) => new TextEncoder().encode(s);

async function refusal(p: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, field: err.field, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('sniffFormat', () => {
  it('decides by content, not by name', () => {
    expect(sniffFormat(enc('NIP,NAMA\n'))).toBe('CSV');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('XLSX');
  });

  it.each([
    ['a PDF', enc('%PDF-1.7\n\0\0binary')],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])],
    ['an empty file', new Uint8Array()],
  ])('refuses %s with INVALID_FILE', (_l, bytes) => {
    expect(() => sniffFormat(bytes)).toThrowError(DomainError);
    try {
      sniffFormat(bytes);
    } catch (err) {
      expect((err as DomainError).code).toBe('INVALID_FILE');
      expect((err as DomainError).field).toBe('file');
    }
  });
});

describe('readSheet', () => {
  it('reads CSV with ; as Excel writes it in Indonesia, BOM and quotes included', async () => {
    const s = await readSheet(enc('\uFEFFNIP;NAMA\n"197503122000031002";"Pratama; Andi"\n'));
    expect(s).toEqual({ format: 'CSV', header: ['NIP', 'NAMA'], rows: [['197503122000031002', 'Pratama; Andi']] });
  });

  it('refuses CSV that is not UTF-8, a formula, and too many rows', async () => {
    expect(await refusal(readSheet(new Uint8Array([0x4e, 0x49, 0x50, 0x0a, 0xff, 0xfe, 0x41])))).toMatchObject({
      code: 'INVALID_FILE',
    });
    expect(await refusal(readSheet(enc('NIP,NAMA\n1,=SUM(A1:A2)\n')))).toEqual({
      code: 'FORMULA_NOT_ALLOWED',
      field: 'file',
      message: expect.stringContaining('Sel B2 berisi rumus'),
    });
    const big = toCsv([['NIP'], ...Array.from({ length: 11 }, (_, i) => [String(i)])]);
    expect(await refusal(readSheet(enc(big), { maxBytes: 1e6, maxRows: 10 }))).toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect(await refusal(readSheet(enc(big), { maxBytes: 10, maxRows: 100 }))).toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('reads XLSX values as text: dates as ISO, numbers without exponent, the first sheet only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['NIP', 'TMT_JABATAN', 'ANGKA', 'KOSONG', 'AKHIR']);
    ws.addRow(['197503122000031002', new Date(Date.UTC(2018, 0, 2)), 42, null, 'x']);
    wb.addWorksheet('B').addRow(['lain']);
    const s = await readSheet(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(s.format).toBe('XLSX');
    expect(s.header).toEqual(['NIP', 'TMT_JABATAN', 'ANGKA', 'KOSONG', 'AKHIR']);
    expect(s.rows).toEqual([['197503122000031002', '2018-01-02', '42', '', 'x']]);
  });

  it('refuses an XLSX cell with a formula, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['NIP', 'NAMA']);
    ws.addRow(['197503122000031002', { formula: 'CONCAT("A","B")', result: 'AB' }]);
    expect(await refusal(readSheet(new Uint8Array(await wb.xlsx.writeBuffer())))).toMatchObject({
      code: 'FORMULA_NOT_ALLOWED',
      message: expect.stringContaining('Sel B2'),
    });
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const zipOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
    expect(await refusal(readSheet(zipOnly))).toMatchObject({ code: 'INVALID_FILE' });
  });
});

describe('templates', () => {
  it('the CSV and XLSX templates read back with every column the profile import needs', async () => {
    for (const bytes of [enc(profileTemplateCsv(2026)), new Uint8Array(await profileTemplateXlsx(2026))]) {
      const s = await readSheet(bytes);
      expect(s.header).toEqual(profileTemplateHeader(2026));
      expect(mapProfileHeader(s.header).ok).toBe(true);
      expect(s.rows).toHaveLength(1);
    }
  });

  it.each(['ASSESSMENT_RESULTS', 'TARGET_POSTS'] as const)(
    'the %s templates read back, and their example row passes the validation',
    async (kind) => {
      for (const bytes of [enc(templateCsv(kind, 2026)), new Uint8Array(await templateXlsx(kind, 2026))]) {
        const s = await readSheet(bytes);
        expect(s.header).toEqual(templateHeader(kind, 2026));
        const h = kind === 'TARGET_POSTS' ? mapTargetPostHeader(s.header) : mapAssessmentResultHeader(s.header);
        if (!h.ok) throw new Error(`template header refused: ${JSON.stringify(h)}`);
        const v =
          kind === 'TARGET_POSTS'
            ? validateTargetPostRows(s.rows, h.map)
            : validateAssessmentResultRows(s.rows, h.map, { today: '2026-12-06' });
        expect(v.errors).toEqual([]);
        expect(v.accepted).toHaveLength(1);
      }
    },
  );

  it('names a template by kind', () => {
    expect(['profil-asn', 'hasil-asesmen', 'jabatan-target', 'lain'].map(templateKind)).toEqual([
      'PROFILES',
      'ASSESSMENT_RESULTS',
      'TARGET_POSTS',
      null,
    ]);
  });

  it('writeXlsx keeps 18-digit NIPs as text', async () => {
    const s = await readSheet(new Uint8Array(await writeXlsx(['NIP'], [['197503122000031002']])));
    expect(s.rows).toEqual([['197503122000031002']]);
  });
});
