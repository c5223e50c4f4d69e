import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, localDateIn, zoneLabel } from './format';

// A WITA deadline: the end of 10 December 2026 in Makassar (23.59.59 WITA = 15.59.59 UTC).
const DEADLINE = '2026-12-10T15:59:59.999Z';
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('formatDate (agency zone, labelled)', () => {
  it.each(['UTC', 'Asia/Jakarta'])('shows a WITA deadline as 23.59 WITA with the process zone %s', (tz) => {
    process.env.TZ = tz;
    // The switch took effect: the browser-zone clock of the old formatter would differ per zone.
    expect(new Date(DEADLINE).getHours()).toBe(tz === 'UTC' ? 15 : 22);
    expect(formatDate(DEADLINE, true, 'Asia/Makassar')).toBe('10 Desember 2026 pukul 23.59 WITA');
    expect(formatDate(DEADLINE, true, 'WITA')).toBe('10 Desember 2026 pukul 23.59 WITA');
    expect(formatDate(DEADLINE, 'seconds', 'WITA')).toBe('10 Desember 2026 pukul 23.59.59 WITA');
    expect(formatDate(DEADLINE, false, 'WITA')).toBe('10 Desember 2026');
  });

  it('changes the date with the zone, labels every Indonesian zone, and shows WIB when none is known', () => {
    process.env.TZ = 'UTC';
    const lateEvening = '2026-12-10T16:30:00.000Z'; // 23.30 WIB, 00.30 WITA, 01.30 WIT
    expect(formatDate(lateEvening, true, 'Asia/Jakarta')).toBe('10 Desember 2026 pukul 23.30 WIB');
    expect(formatDate(lateEvening, true, 'WITA')).toBe('11 Desember 2026 pukul 00.30 WITA');
    expect(formatDate(lateEvening, true, 'Asia/Jayapura')).toBe('11 Desember 2026 pukul 01.30 WIT');
    expect(formatDate(lateEvening, true)).toBe('10 Desember 2026 pukul 23.30 WIB');
    expect(localDateIn(new Date(lateEvening), 'WIT')).toBe('2026-12-11');
    expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
  });

  it('shows a local date as it is (no zone), and a dash for nothing', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2026-01-05', true, 'WIT')).toBe('5 Januari 2026');
    expect(formatDate(null)).toBe('-');
    expect(formatDate('bukan tanggal', true)).toBe('bukan tanggal');
  });
});
