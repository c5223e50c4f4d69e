/**
 * NIP (Nomor Induk Pegawai): `YYYYMMDD` birth date + `YYYYMM` start as CPNS + gender digit
 * (1 male, 2 female) + 3-digit serial = 18 digits (domain.md §4).
 */
import { DomainError } from './errors';

export interface ParsedNip {
  nip: string;
  birthDate: string; // YYYY-MM-DD
  cpnsStart: string; // YYYY-MM
  gender: 'MALE' | 'FEMALE';
  serial: number;
}

export type NipProblem =
  'FORMAT' | 'BIRTH_DATE' | 'CPNS_START' | 'START_BEFORE_AGE_18' | 'START_IN_FUTURE' | 'GENDER' | 'SERIAL';

/** Indonesian text for each problem, for errors shown to people. */
export const NIP_PROBLEM_TEXT_ID: Record<NipProblem, string> = {
  FORMAT: 'NIP harus terdiri atas 18 angka',
  BIRTH_DATE: 'Tanggal lahir pada NIP tidak valid',
  CPNS_START: 'Bulan/tahun pengangkatan CPNS pada NIP tidak valid',
  START_BEFORE_AGE_18: 'Pengangkatan CPNS pada NIP terjadi sebelum usia 18 tahun',
  START_IN_FUTURE: 'Bulan/tahun pengangkatan CPNS pada NIP berada di masa depan',
  GENDER: 'Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan)',
  SERIAL: 'Nomor urut pada NIP tidak boleh 000',
};

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Checks every part of a NIP. `today` (YYYY-MM-DD) bounds the CPNS start; pass the workflow's or
 * request's date so the check stays deterministic.
 */
export function checkNip(
  raw: string,
  today?: string,
): { ok: true; value: ParsedNip } | { ok: false; problem: NipProblem } {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip)) return { ok: false, problem: 'FORMAT' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const sy = Number(nip.slice(8, 12));
  const sm = Number(nip.slice(12, 14));
  const g = nip[14];
  const serial = Number(nip.slice(15, 18));
  if (by < 1900 || !isRealDate(by, bm, bd)) return { ok: false, problem: 'BIRTH_DATE' };
  if (sy < 1900 || sm < 1 || sm > 12) return { ok: false, problem: 'CPNS_START' };
  // Appointment as CPNS requires age 18; compare at month precision (the NIP holds no start day).
  if (sy * 12 + sm < (by + 18) * 12 + bm) return { ok: false, problem: 'START_BEFORE_AGE_18' };
  if (today && `${nip.slice(8, 12)}-${nip.slice(12, 14)}` > today.slice(0, 7))
    return { ok: false, problem: 'START_IN_FUTURE' };
  if (g !== '1' && g !== '2') return { ok: false, problem: 'GENDER' };
  if (serial === 0) return { ok: false, problem: 'SERIAL' };
  return {
    ok: true,
    value: {
      nip,
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      cpnsStart: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: g === '1' ? 'MALE' : 'FEMALE',
      serial,
    },
  };
}

/** Parses a NIP or throws `DomainError('INVALID_NIP', …, 'nip')` with the Indonesian reason. */
export function parseNip(raw: string, today?: string): ParsedNip {
  const r = checkNip(raw, today);
  if (!r.ok) throw new DomainError('INVALID_NIP', NIP_PROBLEM_TEXT_ID[r.problem], 'nip');
  return r.value;
}

export function isValidNip(raw: string, today?: string): boolean {
  return checkNip(raw, today).ok;
}

/** Whole years of age on `onDate` (YYYY-MM-DD) for someone born on `birthDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
