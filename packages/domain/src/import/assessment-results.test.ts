import { describe, expect, it } from 'vitest';
import {
  mapAssessmentResultHeader,
  parsePotentialLevel,
  parseScoreCell,
  sameAssessmentResult,
  validateAssessmentResultRow,
  validateAssessmentResultRows,
} from './assessment-results';
import type { ProfileHeaderMap } from './profiles';

const HEADER = [
  'NIP',
  'NAMA',
  'TANGGAL_ASESMEN',
  'LEMBAGA',
  'NILAI_MANAJERIAL',
  'NILAI_SOSIAL_KULTURAL',
  'TINGKAT_POTENSIAL',
  'BERLAKU_SAMPAI',
];
const GOOD = ['197503122000031002', 'Andi', '14-08-2025', 'UPT Penilaian Kompetensi', '78,5', '80', 'Tinggi', ''];
const ctx = { today: '2026-12-06' };

function header(h: string[] = HEADER): ProfileHeaderMap {
  const r = mapAssessmentResultHeader(h);
  if (!r.ok) throw new Error(`header refused: ${JSON.stringify(r)}`);
  return r.map;
}
const row = (patch: Record<string, string>) => HEADER.map((h, i) => patch[h] ?? GOOD[i]!);

describe('assessment result import', () => {
  it('recognises assessment-centre and SIASN-like column names and lists missing required ones', () => {
    const m = header([
      'nip baru',
      'Tgl. Asesmen',
      'Lembaga Penyelenggara',
      'Manajerial',
      'Sosial Kultural',
      'Potensial',
    ]);
    expect(m.index).toEqual({ nip: 0, assessedAt: 1, provider: 2, managerial: 3, socioCultural: 4, potentialLevel: 5 });
    expect(m.headers.assessedAt).toBe('Tgl. Asesmen');
    expect(mapAssessmentResultHeader(['NIP', 'LEMBAGA'])).toEqual({
      ok: false,
      missing: ['TANGGAL_ASESMEN', 'NILAI_MANAJERIAL', 'NILAI_SOSIAL_KULTURAL'],
    });
  });

  it('reads a good row: decimal comma, potential level, validity from the default 24 months', () => {
    expect(validateAssessmentResultRow(GOOD, header(), 2, ctx)).toEqual({
      row: {
        nip: '197503122000031002',
        provider: 'UPT Penilaian Kompetensi',
        assessedAt: '2025-08-14',
        managerial: 78.5,
        socioCultural: 80,
        validUntil: '2027-08-14',
        potentialLevel: 3,
      },
      errors: [],
    });
    expect(
      validateAssessmentResultRow(row({ BERLAKU_SAMPAI: '2026-08-14', TINGKAT_POTENSIAL: '' }), header(), 2, ctx).row,
    ).toMatchObject({ validUntil: '2026-08-14', potentialLevel: null });
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['bad NIP', { NIP: '197503122000031000' }, 'NIP', /Nomor urut/],
    ['date not real', { TANGGAL_ASESMEN: '31-02-2025' }, 'TANGGAL_ASESMEN', /bukan tanggal yang valid/],
    ['date in the future', { TANGGAL_ASESMEN: '2027-01-04' }, 'TANGGAL_ASESMEN', /tidak boleh setelah hari ini/],
    ['date before CPNS', { TANGGAL_ASESMEN: '1999-01-04' }, 'TANGGAL_ASESMEN', /sebelum pengangkatan CPNS/],
    ['score above 100', { NILAI_MANAJERIAL: '120' }, 'NILAI_MANAJERIAL', /0 sampai 100/],
    ['three decimals', { NILAI_SOSIAL_KULTURAL: '80,125' }, 'NILAI_SOSIAL_KULTURAL', /2 desimal/],
    ['not a number', { NILAI_SOSIAL_KULTURAL: 'baik' }, 'NILAI_SOSIAL_KULTURAL', /0 sampai 100/],
    ['unknown level', { TINGKAT_POTENSIAL: 'Luar biasa' }, 'TINGKAT_POTENSIAL', /tidak dikenal/],
    ['validity before the date', { BERLAKU_SAMPAI: '2025-08-01' }, 'BERLAKU_SAMPAI', /setelah tanggal asesmen/],
    ['no institution', { LEMBAGA: ' ' }, 'LEMBAGA', /Wajib diisi/],
  ])('refuses %s, naming the column', (_l, patch, column, message) => {
    const r = validateAssessmentResultRow(row(patch), header(), 7, ctx);
    expect(r.row).toBeNull();
    expect(r.errors).toEqual([{ line: 7, column, message: expect.stringMatching(message) }]);
  });

  it('refuses both rows of one NIP and date given twice, but takes two dates of one NIP', () => {
    const v = validateAssessmentResultRows(
      [GOOD, row({ TANGGAL_ASESMEN: '2023-05-02' }), row({ LEMBAGA: 'Lain' }), ['', '']],
      header(),
      ctx,
    );
    expect(v.rows).toBe(3);
    expect(v.accepted.map((a) => a.line)).toEqual([3]);
    expect(v.refusedRows).toBe(2);
    expect(v.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'TANGGAL_ASESMEN'],
      [4, 'TANGGAL_ASESMEN'],
    ]);
  });

  it('parses scores and levels', () => {
    expect(['0', '100', '99.99', '87,5', '101', '-1', '1e2', ''].map(parseScoreCell)).toEqual([
      0,
      100,
      99.99,
      87.5,
      null,
      null,
      null,
      null,
    ]);
    expect(['Tinggi', 'potensial menengah', 'SEDANG', 'rendah', '2', 'Optimal'].map(parsePotentialLevel)).toEqual([
      3,
      2,
      2,
      1,
      2,
      null,
    ]);
  });

  it('compares results on every imported field', () => {
    const a = validateAssessmentResultRow(GOOD, header(), 2, ctx).row!;
    expect(sameAssessmentResult(a, { ...a })).toBe(true);
    expect(sameAssessmentResult(a, { ...a, managerial: 78.51 })).toBe(false);
    expect(sameAssessmentResult(a, { ...a, potentialLevel: null })).toBe(false);
  });
});
