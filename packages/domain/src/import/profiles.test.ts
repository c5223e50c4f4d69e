import { describe, expect, it } from 'vitest';
import {
  mapProfileHeader,
  parseDateCell,
  parseEducation,
  parsePositionKind,
  parseYesNo,
  validateProfileRow,
  validateProfileRows,
  type ProfileHeaderMap,
} from './profiles';

const HEADER = [
  'NIP',
  'NAMA',
  'TANGGAL_LAHIR',
  'GOLONGAN',
  'TMT_GOLONGAN',
  'PENDIDIKAN',
  'JURUSAN',
  'JABATAN',
  'JENIS_JABATAN',
  'UNIT_KERJA',
  'TMT_JABATAN',
  'RIWAYAT_JABATAN',
  'HUKUMAN_DISIPLIN',
  'LHKPN',
  'DIKLAT',
  'EMAIL',
  'SKP_2024',
  'SKP_2025',
];
const GOOD = [
  '197503122000031002',
  'Andi Pratama, S.E., M.M.',
  '12-03-1975',
  'iv/b',
  '2019-04-01',
  'S-2',
  'Manajemen',
  'Kepala Bidang Anggaran',
  'Administrator',
  'Badan Keuangan Daerah',
  '02/01/2018',
  'Kepala Seksi Belanja | PENGAWAS | BKD | 2010-01-04 | 2017-12-31',
  'Tidak',
  'Sudah',
  'PKA; PIM III',
  'Andi@Kaltimprov.go.id',
  'Sangat Baik',
  'baik',
];
const ctx = { agencyCode: 'KALTIM', today: '2026-12-06' };

function header(h: string[] = HEADER): ProfileHeaderMap {
  const r = mapProfileHeader(h);
  if (!r.ok) throw new Error(`header refused: ${JSON.stringify(r)}`);
  return r.map;
}

function row(overrides: Record<string, string>): string[] {
  return HEADER.map((h, i) => overrides[h] ?? GOOD[i]!);
}

describe('mapProfileHeader', () => {
  it('recognises SIASN export names, case and punctuation aside', () => {
    const r = mapProfileHeader([
      'NIP Baru',
      'Nama',
      'Gol Akhir Nama',
      'Tingkat Pendidikan Nama',
      'Jabatan Nama',
      'Jenis Jabatan Nama',
      'TMT Jabatan',
      'Pernah Hukdis',
      'Status LHKPN',
      'Predikat Kinerja 2025',
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.map.index.nip).toBe(0);
      expect(r.map.index.rank).toBe(2);
      expect(r.map.skpYears).toEqual([{ year: 2025, index: 9, header: 'Predikat Kinerja 2025' }]);
    }
  });

  it('names every required column that is missing', () => {
    const r = mapProfileHeader(['NIP', 'NAMA', 'JABATAN']);
    expect(r).toEqual({
      ok: false,
      missing: ['GOLONGAN', 'PENDIDIKAN', 'JENIS_JABATAN', 'TMT_JABATAN', 'HUKUMAN_DISIPLIN', 'LHKPN'],
    });
  });

  it('refuses a column given twice (under two names)', () => {
    const r = mapProfileHeader([...HEADER, 'NIP_BARU']);
    expect(r).toMatchObject({ ok: false, duplicate: 'NIP_BARU' });
  });
});

describe('cell parsers', () => {
  it.each([
    ['2019-04-01', '2019-04-01'],
    ['1-4-2019', '2019-04-01'],
    ['01/04/2019', '2019-04-01'],
    ['31-02-2019', null],
    ['2019/04/01', null],
    ['kemarin', null],
  ])('date %s → %s', (raw, out) => expect(parseDateCell(raw)).toBe(out));

  it.each([
    ['S-1', 'S1'],
    ['Strata 2', 'S2'],
    ['D-IV', 'D4'],
    ['SLTA', 'SMA'],
    ['Doktor', 'S3'],
    ['SD', null],
  ])('education %s → %s', (raw, out) => expect(parseEducation(raw)).toBe(out));

  it.each([
    ['JPT Pratama', 'JPT_PRATAMA'],
    ['Jabatan Pimpinan Tinggi Madya', 'JPT_MADYA'],
    ['Fungsional Ahli Madya', 'JF_AHLI_MADYA'],
    ['JF Ahli Muda', 'JF_AHLI_MUDA'],
    ['pelaksana', 'PELAKSANA'],
    ['Eselon II', null],
  ])('position kind %s → %s', (raw, out) => expect(parsePositionKind(raw)).toBe(out));

  it.each([
    ['Ya', true],
    ['Sudah lapor', true],
    ['Tidak pernah', false],
    ['Belum', false],
    ['', false],
    ['mungkin', null],
  ])('yes/no %s → %s', (raw, out) => expect(parseYesNo(raw)).toBe(out));
});

describe('validateProfileRow', () => {
  it('builds the profile of a good row: careers in order, SKP by year, e-mail in lower case', () => {
    const { profile, errors } = validateProfileRow(GOOD, header(), 2, ctx);
    expect(errors).toEqual([]);
    expect(profile).toEqual({
      nip: '197503122000031002',
      name: 'Andi Pratama, S.E., M.M.',
      rank: 'IV/b',
      rankSince: '2019-04-01',
      agencyCode: 'KALTIM',
      education: 'S2',
      educationMajor: 'Manajemen',
      careers: [
        {
          position: 'Kepala Seksi Belanja',
          positionKind: 'PENGAWAS',
          unit: 'BKD',
          agencyCode: 'KALTIM',
          from: '2010-01-04',
          to: '2017-12-31',
        },
        {
          position: 'Kepala Bidang Anggaran',
          positionKind: 'ADMINISTRATOR',
          unit: 'Badan Keuangan Daerah',
          agencyCode: 'KALTIM',
          from: '2018-01-02',
          to: null,
        },
      ],
      skp: [
        { year: 2024, predicate: 'SANGAT_BAIK' },
        { year: 2025, predicate: 'BAIK' },
      ],
      lhkpnFiled: true,
      disciplinarySanction: false,
      trainings: ['PKA', 'PIM III'],
      email: 'andi@kaltimprov.go.id',
    });
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['bad NIP checksum part', { NIP: '197503122000031000' }, 'NIP', /Nomor urut/],
    ['NIP of 17 digits', { NIP: '19750312200003100' }, 'NIP', /18 angka/],
    ['birth date not the NIP one', { TANGGAL_LAHIR: '1975-03-13' }, 'TANGGAL_LAHIR', /1975-03-12/],
    ['unknown rank', { GOLONGAN: 'V/a' }, 'GOLONGAN', /Golongan tidak dikenal/],
    ['rank TMT before CPNS', { TMT_GOLONGAN: '1999-01-01' }, 'TMT_GOLONGAN', /sebelum pengangkatan CPNS/],
    ['position date in the future', { TMT_JABATAN: '2027-01-01' }, 'TMT_JABATAN', /setelah hari ini/],
    ['missing position date', { TMT_JABATAN: '' }, 'TMT_JABATAN', /Wajib diisi/],
    ['unknown education', { PENDIDIKAN: 'SD' }, 'PENDIDIKAN', /tidak dikenal/],
    [
      'history overlapping the current post',
      { RIWAYAT_JABATAN: 'Kasi | PENGAWAS | BKD | 2010-01-04 | 2018-06-30' },
      'RIWAYAT_JABATAN',
      /berakhir pada\/setelah TMT jabatan/,
    ],
    ['history malformed', { RIWAYAT_JABATAN: 'Kasi, 2010' }, 'RIWAYAT_JABATAN', /Jabatan \| JENIS/],
    ['unknown SKP predicate', { SKP_2025: 'Istimewa' }, 'SKP_2025', /Predikat SKP tidak dikenal/],
    ['bad yes/no', { HUKUMAN_DISIPLIN: 'mungkin' }, 'HUKUMAN_DISIPLIN', /Ya/],
    ['bad e-mail', { EMAIL: 'andi@' }, 'EMAIL', /e-mail/],
  ])('refuses %s, naming the column in Bahasa Indonesia', (_label, overrides, column, message) => {
    const { profile, errors } = validateProfileRow(row(overrides), header(), 7, ctx);
    expect(profile).toBeNull();
    expect(errors).toContainEqual({ line: 7, column, message: expect.stringMatching(message) });
  });

  it('refuses an SKP year that has not begun', () => {
    const h = header([...HEADER, 'SKP_2027']);
    const { errors } = validateProfileRow([...GOOD, 'Baik'], h, 3, ctx);
    expect(errors).toEqual([{ line: 3, column: 'SKP_2027', message: 'Tahun SKP 2027 belum berjalan' }]);
  });

  it('reports every bad cell of a row at once', () => {
    const { errors } = validateProfileRow(row({ GOLONGAN: 'X', PENDIDIKAN: 'SD', LHKPN: '?' }), header(), 4, ctx);
    expect(errors.map((e) => e.column)).toEqual(['GOLONGAN', 'PENDIDIKAN', 'LHKPN']);
  });
});

describe('validateProfileRows', () => {
  it('skips blank rows, refuses both rows of a NIP given twice, counts refused rows once', () => {
    const other = row({ NIP: '198001012005012003', TANGGAL_LAHIR: '', GOLONGAN: 'III/d' });
    const r = validateProfileRows(
      [GOOD, ['', ''], other, row({ NAMA: 'Andi lagi' }), row({ GOLONGAN: 'Z', PENDIDIKAN: 'SD', NIP: '1' })],
      header(),
      ctx,
    );
    expect(r.rows).toBe(4);
    expect(r.accepted.map((a) => a.line)).toEqual([4]);
    expect(r.refusedRows).toBe(3);
    expect(r.errors.filter((e) => e.message.includes('lebih dari sekali')).map((e) => e.line)).toEqual([2, 5]);
  });

  it('keeps at most maxErrors messages but counts every refused row', () => {
    const bad = Array.from({ length: 50 }, () => row({ GOLONGAN: 'Z' }));
    const r = validateProfileRows(bad, header(), ctx, 10);
    expect(r.errors).toHaveLength(10);
    expect(r.refusedRows).toBe(50);
  });
});
