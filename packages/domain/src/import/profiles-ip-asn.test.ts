/** The profile import's fields for the IP ASN: development hours per year and the dated sanction history. */
import { describe, expect, it } from 'vitest';
import { mapProfileHeader, validateProfileRow, type ProfileHeaderMap } from './profiles';

const HEADER = [
  'NIP',
  'NAMA',
  'GOLONGAN',
  'PENDIDIKAN',
  'JABATAN',
  'JENIS_JABATAN',
  'TMT_JABATAN',
  'HUKUMAN_DISIPLIN',
  'LHKPN',
  'RIWAYAT_HUKDIS',
  'JP_2024',
  'Jam Pelajaran 2025',
];
const GOOD = [
  '197503122000031002',
  'Andi Pratama',
  'IV/b',
  'S2',
  'Kepala Bidang',
  'Administrator',
  '2018-01-02',
  'Tidak',
  'Sudah',
  'Ringan | 2024-03-01',
  '20',
  '36',
];
const ctx = { agencyCode: 'KALTIM', today: '2026-12-06' };

function header(): ProfileHeaderMap {
  const r = mapProfileHeader(HEADER);
  if (!r.ok) throw new Error(`header refused: ${JSON.stringify(r)}`);
  return r.map;
}
const row = (o: Record<string, string>) => HEADER.map((h, i) => o[h] ?? GOOD[i]!);

describe('profile import: IP ASN fields', () => {
  it('maps JP_<tahun> columns and their aliases', () => {
    expect(header().hourYears).toEqual([
      { year: 2024, index: 10, header: 'JP_2024' },
      { year: 2025, index: 11, header: 'Jam Pelajaran 2025' },
    ]);
  });

  it('refuses a year twice among the hour columns', () => {
    expect(mapProfileHeader([...HEADER, 'JP 2024'])).toMatchObject({ ok: false, duplicate: 'JP 2024' });
  });

  it('reads the hours and the dated sanctions', () => {
    const r = validateProfileRow(row({}), header(), 2, ctx);
    expect(r.errors).toEqual([]);
    expect(r.profile).toMatchObject({
      developmentHours: [
        { year: 2024, hours: 20 },
        { year: 2025, hours: 36 },
      ],
      sanctions: [{ level: 'RINGAN', since: '2024-03-01' }],
    });
  });

  it('leaves both out when the cells are empty (profiles without them stay as they were)', () => {
    const r = validateProfileRow(row({ RIWAYAT_HUKDIS: '', JP_2024: '', 'Jam Pelajaran 2025': '' }), header(), 2, ctx);
    expect(r.profile).not.toHaveProperty('developmentHours');
    expect(r.profile).not.toHaveProperty('sanctions');
  });

  it.each<[string, Record<string, string>, string, string]>([
    ['hours that are not a whole number', { JP_2024: '12,5' }, 'JP_2024', 'JP harus bilangan bulat'],
    ['too many hours', { JP_2024: '5000' }, 'JP_2024', 'JP harus bilangan bulat 0–1000'],
    [
      'an unknown sanction level',
      { RIWAYAT_HUKDIS: 'Teguran | 2024-01-01' },
      'RIWAYAT_HUKDIS',
      'tingkat tidak dikenal',
    ],
    ['a sanction without a date', { RIWAYAT_HUKDIS: 'BERAT' }, 'RIWAYAT_HUKDIS', 'TINGKAT | TMT'],
    ['a sanction dated in the future', { RIWAYAT_HUKDIS: 'RINGAN | 2027-01-01' }, 'RIWAYAT_HUKDIS', 'setelah hari ini'],
    [
      'a severe sanction while the flag says none',
      { RIWAYAT_HUKDIS: 'Berat | 2022-05-01' },
      'HUKUMAN_DISIPLIN',
      'sedang/berat',
    ],
  ])('refuses %s', (_label, o, column, message) => {
    const r = validateProfileRow(row(o), header(), 2, ctx);
    expect(r.profile).toBeNull();
    expect(r.errors).toEqual([{ line: 2, column, message: expect.stringContaining(message) }]);
  });

  it('takes a severe sanction when the flag says so', () => {
    const r = validateProfileRow(
      row({ HUKUMAN_DISIPLIN: 'Ya', RIWAYAT_HUKDIS: 'BERAT | 01-05-2022; ringan | 2021-01-04' }),
      header(),
      2,
      ctx,
    );
    expect(r.profile?.sanctions).toEqual([
      { level: 'RINGAN', since: '2021-01-04' },
      { level: 'BERAT', since: '2022-05-01' },
    ]);
  });
});
