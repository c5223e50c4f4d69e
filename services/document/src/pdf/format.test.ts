import { afterEach, describe, expect, it } from 'vitest';
import type { AgencyTimeZone } from '@seleksi/domain';
import {
  countId,
  dictumLabel,
  formatDateId,
  formatDateTimeId,
  formatNip,
  formatTimeId,
  levelNameId,
  numberWordsId,
  ordinalId,
} from './format';

describe('formatDateId', () => {
  it.each<[Date | string, AgencyTimeZone, string]>([
    ['2026-11-24', 'WITA', '24 November 2026'],
    ['2026-01-01', 'WIB', '1 Januari 2026'],
    ['2028-02-29', 'WIT', '29 Februari 2028'],
    // Local calendar dates are never shifted, whatever the zone.
    ['2026-12-31', 'WIT', '31 Desember 2026'],
    // 16:30 UTC on 23 Nov is 23:30 WIB but already 00:30 on 24 Nov in WITA.
    [new Date('2026-11-23T16:30:00Z'), 'WIB', '23 November 2026'],
    [new Date('2026-11-23T16:30:00Z'), 'WITA', '24 November 2026'],
    [new Date('2026-11-23T16:30:00Z'), 'WIT', '24 November 2026'],
    ['2026-11-23T16:30:00Z', 'WITA', '24 November 2026'],
    [new Date('2026-12-31T15:00:00Z'), 'WIT', '1 Januari 2027'],
    [new Date('2026-12-31T15:00:00Z'), 'WITA', '31 Desember 2026'],
  ])('%s in %s → %s', (input, tz, expected) => {
    expect(formatDateId(input, tz)).toBe(expected);
  });

  it('rejects impossible dates and unparsable instants', () => {
    expect(() => formatDateId('2026-02-30', 'WIB')).toThrow(/Invalid calendar date/);
    expect(() => formatDateId('kemarin', 'WIB')).toThrow(/Invalid instant/);
    expect(() => formatDateId(new Date(Number.NaN), 'WIB')).toThrow(/Invalid instant/);
  });

  describe('ignores the machine time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC'])('TZ=%s', (tz) => {
      process.env.TZ = tz;
      expect(formatDateId(new Date('2026-11-23T16:30:00Z'), 'WITA')).toBe('24 November 2026');
      expect(formatDateTimeId('2026-12-08T15:59:00Z', 'WITA')).toBe('8 Desember 2026 pukul 23.59 WITA');
    });
  });
});

describe('formatDateTimeId and formatTimeId', () => {
  it.each<[string, AgencyTimeZone, string]>([
    ['2026-12-08T15:59:00Z', 'WITA', '8 Desember 2026 pukul 23.59 WITA'],
    ['2026-12-08T15:59:00Z', 'WIB', '8 Desember 2026 pukul 22.59 WIB'],
    ['2026-12-08T15:59:00Z', 'WIT', '9 Desember 2026 pukul 00.59 WIT'],
    ['2026-03-01T00:05:00Z', 'WIB', '1 Maret 2026 pukul 07.05 WIB'],
  ])('%s in %s → %s', (instant, tz, expected) => {
    expect(formatDateTimeId(instant, tz)).toBe(expected);
  });

  it('uses a dot between hours and minutes', () => {
    expect(formatTimeId(new Date('2026-11-24T01:05:00Z'), 'WITA')).toBe('09.05');
  });
});

describe('levelNameId and formatNip', () => {
  it('names JPT levels', () => {
    expect(levelNameId('PRATAMA')).toBe('Pratama');
    expect(levelNameId('MADYA')).toBe('Madya');
    expect(levelNameId('UTAMA')).toBe('Utama');
  });

  it('groups an 18-digit NIP and leaves anything else alone', () => {
    expect(formatNip('197103121997032004')).toBe('19710312 199703 2 004');
    expect(formatNip('19710312 199703 2 004')).toBe('19710312 199703 2 004');
    expect(formatNip(' 12345 ')).toBe('12345');
  });
});

describe('numbers in words', () => {
  it.each<[number, string]>([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1945, 'seribu sembilan ratus empat puluh lima'],
    [2026, 'dua ribu dua puluh enam'],
    [1_500_000, 'satu juta lima ratus ribu'],
  ])('%i → %s', (n, words) => {
    expect(numberWordsId(n)).toBe(words);
  });

  it('writes counts as letters do and refuses what it cannot write', () => {
    expect(countId(3, 'berkas')).toBe('3 (tiga) berkas');
    expect(() => numberWordsId(-1)).toThrow();
    expect(() => numberWordsId(1.5)).toThrow();
  });
});

describe('dictum ordinals', () => {
  it('names dictums 1–20 and beyond as decrees do', () => {
    expect(Array.from({ length: 20 }, (_, i) => dictumLabel(i + 1))).toEqual([
      'KESATU',
      'KEDUA',
      'KETIGA',
      'KEEMPAT',
      'KELIMA',
      'KEENAM',
      'KETUJUH',
      'KEDELAPAN',
      'KESEMBILAN',
      'KESEPULUH',
      'KESEBELAS',
      'KEDUA BELAS',
      'KETIGA BELAS',
      'KEEMPAT BELAS',
      'KELIMA BELAS',
      'KEENAM BELAS',
      'KETUJUH BELAS',
      'KEDELAPAN BELAS',
      'KESEMBILAN BELAS',
      'KEDUA PULUH',
    ]);
    expect(dictumLabel(21)).toBe('KEDUA PULUH SATU');
    expect(ordinalId(100)).toBe('keseratus');
    expect(() => ordinalId(0)).toThrow();
  });
});
