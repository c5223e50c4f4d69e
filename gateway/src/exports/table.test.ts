import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  ClientGone,
  exportHeaders,
  localDateTime,
  streamPages,
  writeExport,
  XLSX_DATETIME_FORMAT,
  type Cell,
  type ExportTable,
} from './table';

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) {
    await Promise.resolve();
    yield r;
  }
}

function table(rows: Cell[][]): ExportTable {
  return {
    fileName: 'peringkat-akhir-seleksi 1',
    sheetName: 'Peringkat Akhir',
    timeZone: 'WIT',
    columns: [{ header: 'Nama' }, { header: 'Nilai' }, { header: 'Waktu (WIT)' }],
    rows: rowsOf(rows),
  };
}

async function written(t: ExportTable, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeExport(out, t, format);
  return Buffer.concat(chunks);
}

const ROWS: Cell[][] = [
  ['Sri Wahyuni, "S.E."', 88.25, { at: '2026-12-31T15:30:00.000Z' }],
  ['Ahmad, M.M.', null, null],
];

describe('export tables', () => {
  it('writes CSV with a BOM, quoted fields and times at the agency (WIT = UTC+9, across the new year)', async () => {
    const text = (await written(table(ROWS), 'csv')).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Nama,Nilai,Waktu (WIT)',
      '"Sri Wahyuni, ""S.E.""",88.25,2027-01-01 00:30',
      '"Ahmad, M.M.",,',
      '',
    ]);
    expect(localDateTime('2026-12-06T16:00:00Z', 'WITA')).toBe('2026-12-07 00:00');
  });

  it('ends a list cut by its read cap with the notice, in both formats, and says so in a header', async () => {
    const cut = (): ExportTable => ({ ...table(ROWS.slice(1)), incomplete: 'Data tidak lengkap: uji' });
    const text = (await written(cut(), 'csv')).toString('utf8');
    expect(text.slice(1).split('\r\n')).toEqual([
      'Nama,Nilai,Waktu (WIT)',
      '"Ahmad, M.M.",,',
      'Data tidak lengkap: uji',
      '',
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await written(cut(), 'xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Peringkat Akhir')!;
    expect([sheet.rowCount, sheet.getRow(3).getCell(1).value]).toEqual([3, 'Data tidak lengkap: uji']);
    expect(exportHeaders(cut(), 'csv')['X-Export-Incomplete']).toBe('true');
    expect(exportHeaders(table([]), 'csv')['X-Export-Incomplete']).toBeUndefined();
  });

  it('writes XLSX with a bold header and date cells showing the local wall clock', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await written(table(ROWS), 'xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Peringkat Akhir')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nama', 'Nilai', 'Waktu (WIT)']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const when = sheet.getRow(2).getCell(3);
    expect((when.value as Date).toISOString()).toBe('2027-01-01T00:30:00.000Z');
    expect(when.numFmt).toBe(XLSX_DATETIME_FORMAT);
    expect(sheet.getRow(2).getCell(2).value).toBe(88.25);
    expect(sheet.rowCount).toBe(3);
  });

  it('names the file in an attachment header, with an ASCII fallback', () => {
    expect(exportHeaders(table([]), 'xlsx')['Content-Disposition']).toBe(
      `attachment; filename="peringkat-akhir-seleksi_1.xlsx"; filename*=UTF-8''peringkat-akhir-seleksi%201.xlsx`,
    );
  });

  it.each(['xlsx', 'csv'] as const)('stops reading rows when the client leaves (%s)', async (format) => {
    let read = 0;
    async function* many(): AsyncGenerator<Cell[]> {
      for (let i = 0; i < 100_000; i++) {
        read++;
        await new Promise((r) => setImmediate(r));
        yield [`Pegawai ${i}`, i, null];
      }
    }
    const out = new PassThrough();
    out.once('data', () => out.destroy());
    const t = { ...table([]), rows: many() };
    await expect(writeExport(out, t, format)).rejects.toBeInstanceOf(ClientGone);
    expect(read).toBeLessThan(100_000);
  });
});

describe('streamPages', () => {
  it('reads page after page, each with the cursor of the one before, until a page has none', async () => {
    const asked: (string | undefined)[] = [];
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'c2' },
      c2: { items: [3], nextCursor: 'c3' },
      c3: { items: [], nextCursor: null },
    };
    const read = (after: string | undefined) => {
      asked.push(after);
      return Promise.resolve(pages[after ?? 'first']!);
    };
    const seen: number[][] = [];
    for await (const items of streamPages(read)) seen.push(items);
    expect(seen).toEqual([[1, 2], [3], []]);
    expect(asked).toEqual([undefined, 'c2', 'c3']);
  });

  it('reads no further page once the reader stops', async () => {
    let reads = 0;
    const read = () => {
      reads += 1;
      return Promise.resolve({ items: [reads], nextCursor: 'more' });
    };
    for await (const items of streamPages(read)) if (items[0] === 2) break;
    expect(reads).toBe(2);
  });
});
