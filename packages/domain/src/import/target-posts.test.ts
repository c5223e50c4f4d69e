import { describe, expect, it } from 'vitest';
import type { ProfileHeaderMap } from './profiles';
import {
  mapTargetPostHeader,
  parseJptLevel,
  sameTargetPost,
  validateTargetPostRow,
  validateTargetPostRows,
} from './target-posts';

const HEADER = ['KODE_JABATAN', 'NAMA_JABATAN', 'JENJANG', 'UNIT_KERJA', 'BIDANG'];
const GOOD = ['ASISTEN-1', 'Asisten  Pemerintahan', 'JPT Pratama', 'Sekretariat Daerah', 'Pemerintahan'];

function header(h: string[] = HEADER): ProfileHeaderMap {
  const r = mapTargetPostHeader(h);
  if (!r.ok) throw new Error(`header refused: ${JSON.stringify(r)}`);
  return r.map;
}
const row = (patch: Record<string, string>) => HEADER.map((h, i) => patch[h] ?? GOOD[i]!);

describe('target post import', () => {
  it('recognises SIASN-like names and lists missing required columns', () => {
    expect(header(['Jabatan ID', 'Nama Jabatan', 'Eselon', 'UNOR_NAMA']).index).toEqual({
      id: 0,
      title: 1,
      level: 2,
      unit: 3,
    });
    expect(mapTargetPostHeader(['KODE_JABATAN', 'NAMA_JABATAN'])).toEqual({
      ok: false,
      missing: ['JENJANG', 'UNIT_KERJA'],
    });
  });

  it('reads a good row (spaces collapsed, empty field = any)', () => {
    expect(validateTargetPostRow(GOOD, header(), 2)).toEqual({
      row: {
        id: 'ASISTEN-1',
        title: 'Asisten Pemerintahan',
        level: 'PRATAMA',
        unit: 'Sekretariat Daerah',
        field: 'Pemerintahan',
      },
      errors: [],
    });
    expect(validateTargetPostRow(row({ BIDANG: '' }), header(), 2).row?.field).toBeNull();
  });

  it('maps levels and eselon, and refuses the ambiguous eselon I.a', () => {
    expect(
      ['JPT Utama', 'Pimpinan Tinggi Madya', 'pratama', 'II.a', 'II/b', 'Eselon I.b', 'III.a', 'I.a'].map(
        parseJptLevel,
      ),
    ).toEqual(['UTAMA', 'MADYA', 'PRATAMA', 'PRATAMA', 'PRATAMA', 'MADYA', null, null]);
    const r = validateTargetPostRow(row({ JENJANG: 'I.a' }), header(), 5);
    expect(r.row).toBeNull();
    expect(r.errors).toEqual([{ line: 5, column: 'JENJANG', message: expect.stringContaining('Eselon I.a') }]);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['a code with spaces', { KODE_JABATAN: 'ASISTEN 1' }, 'KODE_JABATAN', /Kode jabatan hanya/],
    ['an unknown level', { JENJANG: 'Administrator' }, 'JENJANG', /Jenjang tidak dikenal/],
    ['no unit', { UNIT_KERJA: '' }, 'UNIT_KERJA', /Wajib diisi/],
  ])('refuses %s', (_l, patch, column, message) => {
    const r = validateTargetPostRow(row(patch), header(), 3);
    expect(r.row).toBeNull();
    expect(r.errors).toEqual([{ line: 3, column, message: expect.stringMatching(message) }]);
  });

  it('refuses both rows of a code given twice', () => {
    const v = validateTargetPostRows([GOOD, row({ KODE_JABATAN: 'KADIS-2' }), row({ NAMA_JABATAN: 'Lain' })], header());
    expect(v.accepted.map((a) => a.row.id)).toEqual(['KADIS-2']);
    expect(v.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'KODE_JABATAN', 'Kode jabatan muncul lebih dari sekali dalam berkas (baris 2)'],
      [4, 'KODE_JABATAN', 'Kode jabatan muncul lebih dari sekali dalam berkas (baris 2)'],
    ]);
  });

  it('compares posts on every imported field', () => {
    const p = validateTargetPostRow(GOOD, header(), 2).row!;
    expect(sameTargetPost(p, { ...p })).toBe(true);
    expect(sameTargetPost(p, { ...p, field: null })).toBe(false);
  });
});
