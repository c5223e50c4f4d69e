/**
 * Agency records (instansi): the letterhead, the registers and the officials who sign its documents.
 * Owned by services/candidate; the gateway edits them, the worker reads them when it issues a document.
 */

/** Kinds of agency as the regulations name them. */
export const AGENCY_KINDS = ['KEMENTERIAN', 'LEMBAGA', 'PROVINSI', 'KABUPATEN', 'KOTA'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds stored before agencies had records of their own; accepted on input and read as the new ones. */
export const LEGACY_AGENCY_KINDS = ['CENTRAL', 'PROVINCE', 'REGENCY', 'CITY'] as const;
export type LegacyAgencyKind = (typeof LEGACY_AGENCY_KINDS)[number];

export const AGENCY_KIND_NAME_ID: Record<AgencyKind, string> = {
  KEMENTERIAN: 'Kementerian',
  LEMBAGA: 'Lembaga',
  PROVINSI: 'Pemerintah Provinsi',
  KABUPATEN: 'Pemerintah Kabupaten',
  KOTA: 'Pemerintah Kota',
};

/** The current kind of a stored or legacy one; CENTRAL splits by name (a ministry or another body). */
export function agencyKindOf(kind: AgencyKind | LegacyAgencyKind, name = ''): AgencyKind {
  switch (kind) {
    case 'CENTRAL':
      return /^kementerian\b/i.test(name.trim()) ? 'KEMENTERIAN' : 'LEMBAGA';
    case 'PROVINCE':
      return 'PROVINSI';
    case 'REGENCY':
      return 'KABUPATEN';
    case 'CITY':
      return 'KOTA';
    default:
      return kind;
  }
}

/** Standing officials of an agency (one each): the appointing official, the regional secretary, the BKD head. */
export const AGENCY_OFFICIAL_ROLES = ['PPK', 'SEKDA', 'BKD_HEAD'] as const;
export type AgencyOfficialRole = (typeof AGENCY_OFFICIAL_ROLES)[number];

export const AGENCY_OFFICIAL_ROLE_NAME_ID: Record<AgencyOfficialRole, string> = {
  PPK: 'Pejabat Pembina Kepegawaian (PPK)',
  SEKDA: 'Pejabat yang Berwenang / Sekretaris Daerah',
  BKD_HEAD: 'Kepala Badan Kepegawaian Daerah',
};

/** A person who signs: printed as name, title and 'NIP …' under the signature. */
export interface OfficialDto {
  name: string;
  title: string; // 'Gubernur Kalimantan Timur'
  nip: string | null; // 18 digits (checkNip); null for political officials without one (a governor)
}

export interface AgencyOfficialDto extends OfficialDto {
  role: AgencyOfficialRole;
}

/** The Pansel chair and secretary of one selection round, kept with the agency's records. */
export interface SelectionOfficialsDto {
  selectionId: string;
  chair: OfficialDto | null;
  secretary: OfficialDto | null;
}

/** A register (buku agenda): overrides the default number pattern of one document class. */
export interface AgencyRegisterDto {
  documentClass: string; // e.g. '800.1.2.2/Pansel'
  pattern: string; // `{seq:N}`, `{seq}`, `{year}`, `{agency}` placeholders, e.g. '800.1.2.2/{seq:3}/Pansel-KT/{year}'
}

/** The agency's logo as stored by services/document (content-addressed, so an issued document keeps its own). */
export interface AgencyLogoDto {
  sha256: string;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
}

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 4000;

/** The image a logo upload holds, read from its bytes (never from its name or declared type). */
export interface ImageInfo {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads the format and dimensions of a PNG (IHDR) or baseline/progressive JPEG (SOFn marker), walking
 * the file's structure; null when the bytes are neither or are cut short.
 */
export function inspectImage(bytes: Uint8Array): ImageInfo | null {
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const u32 = (i: number) => ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
  if (bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // The first chunk must be a 13-byte IHDR.
    if (u32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { contentType: 'image/png', width, height } : null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 4 <= bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null; // end or scan before any frame header
      const length = u16(i + 2);
      if (length < 2) return null;
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (i + 9 > bytes.length) return null;
        const height = u16(i + 5);
        const width = u16(i + 7);
        return width > 0 && height > 0 ? { contentType: 'image/jpeg', width, height } : null;
      }
      i += 2 + length;
    }
  }
  return null;
}
