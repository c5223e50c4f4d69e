/**
 * Import of ASN profiles from a spreadsheet (CSV/XLSX read elsewhere into rows of text cells): the
 * columns of the template and the SIASN export names they also go by, and the validation of every row
 * with the domain's rules (NIP, ranks, consistent dates). Pure: the gateway parses the file, the
 * candidate service stores what passes. Messages are in Bahasa Indonesia.
 */
import { checkNip, NIP_PROBLEM_TEXT_ID } from '../nip';
import { parseRank } from '../rules/ranks';
import {
  EDUCATION_LEVELS,
  POSITION_KINDS,
  SANCTION_LEVELS,
  SKP_PREDICATES,
  type CareerEntryDto,
  type EducationLevel,
  type PositionKind,
  type ProfileDto,
  type SkpPredicate,
} from '../contracts';
import type { ImportKind } from './kinds';

/** One column of an import template. `aliases` are the names SIASN exports (and common variants) use. */
export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  aliases: readonly string[];
  description: string;
  example: string;
}

/** Columns of the profile template, in template order; SKP columns (`SKP_<tahun>`) come after them. */
export const PROFILE_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'nip',
    header: 'NIP',
    required: true,
    aliases: ['NIP_BARU', 'NIP_18'],
    description: 'NIP 18 angka',
    example: '197503122000031002',
  },
  {
    key: 'name',
    header: 'NAMA',
    required: true,
    aliases: ['NAMA_LENGKAP', 'NAMA_PNS'],
    description: 'Nama lengkap dengan gelar',
    example: 'Dr. Andi Pratama, S.E., M.M.',
  },
  {
    key: 'birthDate',
    header: 'TANGGAL_LAHIR',
    required: false,
    aliases: ['TGL_LAHIR'],
    description: 'Tanggal lahir (harus sama dengan NIP)',
    example: '1975-03-12',
  },
  {
    key: 'rank',
    header: 'GOLONGAN',
    required: true,
    aliases: ['GOL_AKHIR_NAMA', 'GOL_RUANG', 'GOLONGAN_RUANG', 'PANGKAT_GOLONGAN'],
    description: 'Golongan ruang, mis. IV/b',
    example: 'IV/b',
  },
  {
    key: 'rankSince',
    header: 'TMT_GOLONGAN',
    required: false,
    aliases: ['TMT_GOL_AKHIR', 'TMT_GOL'],
    description: 'TMT golongan',
    example: '2019-04-01',
  },
  {
    key: 'education',
    header: 'PENDIDIKAN',
    required: true,
    aliases: ['TINGKAT_PENDIDIKAN_NAMA', 'TK_PENDIDIKAN', 'TINGKAT_PENDIDIKAN', 'PENDIDIKAN_TERAKHIR'],
    description: 'Jenjang: SMA, D3, S1, D4, S2, S3',
    example: 'S2',
  },
  {
    key: 'educationMajor',
    header: 'JURUSAN',
    required: false,
    aliases: ['PENDIDIKAN_NAMA', 'PROGRAM_STUDI'],
    description: 'Jurusan / program studi',
    example: 'Manajemen',
  },
  {
    key: 'position',
    header: 'JABATAN',
    required: true,
    aliases: ['JABATAN_NAMA', 'NAMA_JABATAN'],
    description: 'Jabatan saat ini',
    example: 'Kepala Bidang Anggaran',
  },
  {
    key: 'positionKind',
    header: 'JENIS_JABATAN',
    required: true,
    aliases: ['JENIS_JABATAN_NAMA', 'ESELON_JENIS'],
    description: `Jenis jabatan: ${POSITION_KINDS.join(', ')}`,
    example: 'ADMINISTRATOR',
  },
  {
    key: 'unit',
    header: 'UNIT_KERJA',
    required: false,
    aliases: ['UNOR_NAMA', 'UNIT_ORGANISASI'],
    description: 'Unit kerja',
    example: 'Badan Keuangan Daerah',
  },
  {
    key: 'positionSince',
    header: 'TMT_JABATAN',
    required: true,
    aliases: ['TMT_JABATAN_AKHIR'],
    description: 'TMT jabatan saat ini',
    example: '2018-01-02',
  },
  {
    key: 'careerHistory',
    header: 'RIWAYAT_JABATAN',
    required: false,
    aliases: [],
    description: 'Jabatan sebelumnya: "Jabatan | JENIS | Unit | dari | sampai", dipisah titik koma',
    example: 'Kepala Seksi Belanja | PENGAWAS | Badan Keuangan Daerah | 2010-01-04 | 2017-12-31',
  },
  {
    key: 'disciplinarySanction',
    header: 'HUKUMAN_DISIPLIN',
    required: true,
    aliases: ['PERNAH_HUKDIS', 'HUKDIS'],
    description: 'Pernah dijatuhi hukuman disiplin sedang/berat: Ya / Tidak',
    example: 'Tidak',
  },
  {
    key: 'sanctions',
    header: 'RIWAYAT_HUKDIS',
    required: false,
    aliases: ['RIWAYAT_HUKUMAN_DISIPLIN'],
    description:
      'Hukuman disiplin yang pernah dijatuhkan: "TINGKAT | TMT" (RINGAN, SEDANG, BERAT), dipisah titik koma; kosong bila tidak ada',
    example: '',
  },
  {
    key: 'lhkpnFiled',
    header: 'LHKPN',
    required: true,
    aliases: ['STATUS_LHKPN', 'LAPOR_LHKPN'],
    description: 'LHKPN tahun terakhir dilaporkan: Sudah / Belum',
    example: 'Sudah',
  },
  {
    key: 'trainings',
    header: 'DIKLAT',
    required: false,
    aliases: ['DIKLAT_STRUKTURAL', 'PELATIHAN_KEPEMIMPINAN', 'DIKLAT_PIM'],
    description: 'Pelatihan kepemimpinan (PIM/PKN/PKA/PKP), dipisah titik koma',
    example: 'PKA; PIM III',
  },
  {
    key: 'email',
    header: 'EMAIL',
    required: false,
    aliases: ['EMAIL_GOV', 'EMAIL_KANTOR'],
    description: 'E-mail pada SIASN',
    example: 'andi.pratama@kaltimprov.go.id',
  },
];

/** SKP columns: `SKP_2025`, `SKP 2025`, `PREDIKAT_KINERJA_2025`, `PREDIKAT_SKP_2025`. */
const SKP_HEADER = /^(?:SKP|PREDIKAT_KINERJA|PREDIKAT_SKP|NILAI_SKP)_?(\d{4})$/;
/** Development-hours columns: `JP_2025`, `JP PENGEMBANGAN 2025`, `JAM_PELAJARAN_2025`. */
const HOURS_HEADER = /^(?:JP|JP_PENGEMBANGAN|JAM_PELAJARAN|JP_PENGEMBANGAN_KOMPETENSI)_?(\d{4})$/;
/** More hours than this in a year is a typing error (a working year has about 1,900 hours). */
const MAX_HOURS_A_YEAR = 1000;

/** Header text compared case- and punctuation-insensitively ('Tgl. Lahir' = 'TGL_LAHIR'). */
export function normalizeHeader(h: string): string {
  return h
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The columns found in a file's header (any kind; `skpYears` only for profiles). */
export type ImportHeaderMap = ProfileHeaderMap;

export interface ProfileHeaderMap {
  /** Column index of each key found. */
  index: Partial<Record<string, number>>;
  skpYears: { year: number; index: number; header: string }[];
  /** `JP_<tahun>` columns: competency-development hours of that year (profiles only). */
  hourYears: { year: number; index: number; header: string }[];
  /** The file's own header text per key, for error messages. */
  headers: Partial<Record<string, string>>;
}

export type HeaderResult = { ok: true; map: ProfileHeaderMap } | { ok: false; missing: string[]; duplicate?: string };

/**
 * Maps a header row onto a template's columns (any kind); `extra` claims the headers no column names
 * (answering false when it does not know one either). Lists the required columns not found.
 */
export function mapImportHeader(
  columns: readonly ImportColumn[],
  header: readonly string[],
  extra?: (normalized: string, index: number, raw: string, map: ProfileHeaderMap) => boolean | 'duplicate',
): HeaderResult {
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) for (const n of [c.header, ...c.aliases]) byName.set(normalizeHeader(n), c);
  const map: ProfileHeaderMap = { index: {}, skpYears: [], hourYears: [], headers: {} };
  for (const [i, raw] of header.entries()) {
    const h = normalizeHeader(raw);
    if (!h) continue;
    const col = byName.get(h);
    if (col) {
      if (map.index[col.key] !== undefined) return { ok: false, missing: [], duplicate: raw.trim() };
      map.index[col.key] = i;
      map.headers[col.key] = raw.trim();
      continue;
    }
    if (extra?.(h, i, raw, map) === 'duplicate') return { ok: false, missing: [], duplicate: raw.trim() };
  }
  const missing = columns.filter((c) => c.required && map.index[c.key] === undefined).map((c) => c.header);
  return missing.length ? { ok: false, missing } : { ok: true, map };
}

/** Maps a header row onto the profile template's columns and its `SKP_<tahun>` columns. */
export function mapProfileHeader(header: readonly string[]): HeaderResult {
  return mapImportHeader(PROFILE_COLUMNS, header, (h, i, raw, map) => {
    const skp = SKP_HEADER.exec(h);
    const jp = skp ? null : HOURS_HEADER.exec(h);
    if (!skp && !jp) return false;
    const list = skp ? map.skpYears : map.hourYears;
    const year = Number((skp ?? jp)![1]);
    if (list.some((s) => s.year === year)) return 'duplicate';
    list.push({ year, index: i, header: raw.trim() });
    return true;
  });
}

/** A refused cell: the file's line (header = 1), the column as named in the file, and why. */
export interface ImportCellError {
  line: number;
  column: string;
  message: string;
}

/** A profile as an import writes it: everything but the id, which the candidate service owns. */
export type ImportedProfile = Omit<ProfileDto, 'id'>;

export interface ProfileRowContext {
  agencyCode: string;
  /** YYYY-MM-DD, the agency's today: nothing may be dated after it. */
  today: string;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `2019-04-01`, `01-04-2019`, `1/4/2019` (day first, as Indonesian spreadsheets write it) → ISO, or null. */
export function parseDateCell(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [y, m, d] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
  else return null;
  if (y < 1900 || !isRealDate(y, m, d)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const EDUCATION_ALIASES: Record<string, EducationLevel> = {
  SMA: 'SMA',
  SMU: 'SMA',
  SMK: 'SMA',
  SLTA: 'SMA',
  D3: 'D3',
  DIII: 'D3',
  DIPLOMA_III: 'D3',
  S1: 'S1',
  STRATA_1: 'S1',
  STRATA_I: 'S1',
  SARJANA: 'S1',
  D4: 'D4',
  DIV: 'D4',
  DIPLOMA_IV: 'D4',
  S2: 'S2',
  STRATA_2: 'S2',
  STRATA_II: 'S2',
  MAGISTER: 'S2',
  S3: 'S3',
  STRATA_3: 'S3',
  STRATA_III: 'S3',
  DOKTOR: 'S3',
};

export function parseEducation(raw: string): EducationLevel | null {
  const n = normalizeHeader(raw).replace(/^([SD])_(\d|I+V?|IV)$/, '$1$2');
  return EDUCATION_ALIASES[n] ?? ((EDUCATION_LEVELS as readonly string[]).includes(n) ? (n as EducationLevel) : null);
}

/** `JPT Pratama`, `Jabatan Pimpinan Tinggi Pratama`, `Fungsional Ahli Madya`, `JF_AHLI_MADYA` → the kind. */
export function parsePositionKind(raw: string): PositionKind | null {
  const n = normalizeHeader(raw)
    .replace(/^JABATAN_/, '')
    .replace(/^PIMPINAN_TINGGI_/, 'JPT_')
    .replace(/^FUNGSIONAL_/, 'JF_')
    .replace(/^JF_(?!AHLI_)/, 'JF_AHLI_');
  return (POSITION_KINDS as readonly string[]).includes(n) ? (n as PositionKind) : null;
}

export function parseSkpPredicate(raw: string): SkpPredicate | null {
  const n = normalizeHeader(raw);
  return (SKP_PREDICATES as readonly string[]).includes(n) ? (n as SkpPredicate) : null;
}

/** Ya/Tidak, Sudah/Belum, Pernah/Tidak pernah, 1/0 → boolean; empty → false; anything else → null. */
export function parseYesNo(raw: string): boolean | null {
  if (!raw.trim()) return false;
  const n = normalizeHeader(raw);
  if (/^(TIDAK|BELUM|T|N|NO|FALSE|0)(_|$)/.test(n)) return false;
  if (/^(YA|Y|SUDAH|PERNAH|ADA|YES|TRUE|1)(_|$)/.test(n)) return true;
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads one data row's cells by column key and collects its errors (line, column as the file names it,
 * message), so every validator reports every cell at fault the same way.
 */
export function rowReader(
  cells: readonly string[],
  map: ProfileHeaderMap,
  line: number,
  { collapseSpaces = false } = {},
): {
  errors: ImportCellError[];
  cell: (key: string) => string;
  fail: (key: string, message: string) => void;
  required: (key: string) => string;
} {
  const errors: ImportCellError[] = [];
  const cell = (key: string): string => {
    const i = map.index[key];
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return collapseSpaces ? v.replace(/\s+/g, ' ') : v;
  };
  const fail = (key: string, message: string): void => {
    errors.push({ line, column: map.headers[key] ?? key, message });
  };
  const required = (key: string): string => {
    const v = cell(key);
    if (!v) fail(key, 'Wajib diisi');
    return v;
  };
  return { errors, cell, fail, required };
}

/**
 * Validates one data row. Returns the profile when every cell passes, otherwise the errors of every
 * cell at fault (all of them, so one upload shows everything to fix).
 */
export function validateProfileRow(
  cells: readonly string[],
  map: ProfileHeaderMap,
  line: number,
  ctx: ProfileRowContext,
): { profile: ImportedProfile | null; errors: ImportCellError[] } {
  const { errors, cell, fail, required } = rowReader(cells, map, line);
  const date = (key: string, label: string): string | null => {
    const v = cell(key);
    if (!v) return null;
    const d = parseDateCell(v);
    if (!d) fail(key, `${label} bukan tanggal yang valid (tulis TTTT-BB-HH atau HH-BB-TTTT): "${v}"`);
    else if (d > ctx.today) fail(key, `${label} tidak boleh setelah hari ini (${ctx.today})`);
    else return d;
    return null;
  };

  const nipRaw = required('nip');
  let cpnsStart: string | null = null;
  let nip = '';
  if (nipRaw) {
    const r = checkNip(nipRaw, ctx.today);
    if (!r.ok) fail('nip', NIP_PROBLEM_TEXT_ID[r.problem]);
    else {
      nip = r.value.nip;
      cpnsStart = r.value.cpnsStart;
      const birth = date('birthDate', 'Tanggal lahir');
      if (birth && birth !== r.value.birthDate)
        fail('birthDate', `Tanggal lahir tidak sama dengan tanggal lahir pada NIP (${r.value.birthDate})`);
    }
  }
  /** A date of service must not be before the CPNS start the NIP records (month precision). */
  const afterCpns = (key: string, label: string, d: string | null): void => {
    if (d && cpnsStart && d.slice(0, 7) < cpnsStart)
      fail(key, `${label} (${d}) sebelum pengangkatan CPNS pada NIP (${cpnsStart})`);
  };

  const name = required('name');
  if (name.length > 200) fail('name', 'Nama paling panjang 200 karakter');

  const rankRaw = required('rank');
  const rank = rankRaw ? parseRank(rankRaw) : null;
  if (rankRaw && !rank) fail('rank', `Golongan tidak dikenal: "${rankRaw}" (contoh: III/d, IV/b)`);
  const rankSince = date('rankSince', 'TMT golongan');
  afterCpns('rankSince', 'TMT golongan', rankSince);

  const eduRaw = required('education');
  const education = eduRaw ? parseEducation(eduRaw) : null;
  if (eduRaw && !education)
    fail('education', `Jenjang pendidikan tidak dikenal: "${eduRaw}" (${EDUCATION_LEVELS.join(', ')})`);

  const position = required('position');
  const kindRaw = required('positionKind');
  const positionKind = kindRaw ? parsePositionKind(kindRaw) : null;
  if (kindRaw && !positionKind) fail('positionKind', `Jenis jabatan tidak dikenal: "${kindRaw}"`);
  const unit = cell('unit');
  if (!cell('positionSince')) fail('positionSince', 'Wajib diisi');
  const positionSince = date('positionSince', 'TMT jabatan');
  afterCpns('positionSince', 'TMT jabatan', positionSince);

  const careers: CareerEntryDto[] = [];
  const history = cell('careerHistory');
  if (history) {
    for (const [k, entry] of history
      .split(/[;\n]/)
      .map((e) => e.trim())
      .filter(Boolean)
      .entries()) {
      const parts = entry.split('|').map((p) => p.trim());
      const label = `Riwayat ke-${k + 1}`;
      if (parts.length !== 5 || !parts[0]) {
        fail('careerHistory', `${label}: tulis "Jabatan | JENIS | Unit | dari | sampai"`);
        continue;
      }
      const kind = parsePositionKind(parts[1]!);
      const from = parseDateCell(parts[3]!);
      const to = parseDateCell(parts[4]!);
      if (!kind) fail('careerHistory', `${label}: jenis jabatan tidak dikenal: "${parts[1]}"`);
      if (!from || !to) fail('careerHistory', `${label}: tanggal tidak valid`);
      else if (from > to) fail('careerHistory', `${label}: tanggal mulai setelah tanggal selesai`);
      else if (positionSince && to >= positionSince)
        fail('careerHistory', `${label}: berakhir pada/setelah TMT jabatan saat ini (${positionSince})`);
      else afterCpns('careerHistory', label, from);
      if (kind && from && to)
        careers.push({ position: parts[0], positionKind: kind, unit: parts[2]!, agencyCode: ctx.agencyCode, from, to });
    }
    careers.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
  if (position && positionKind && positionSince)
    careers.push({ position, positionKind, unit, agencyCode: ctx.agencyCode, from: positionSince, to: null });

  const skp: ProfileDto['skp'] = [];
  const thisYear = Number(ctx.today.slice(0, 4));
  for (const s of [...map.skpYears].sort((a, b) => a.year - b.year)) {
    const v = (cells[s.index] ?? '').trim();
    if (!v) continue;
    const predicate = parseSkpPredicate(v);
    if (!predicate)
      errors.push({ line, column: s.header, message: `Predikat SKP tidak dikenal: "${v}" (${SKP_TEXT})` });
    else if (s.year > thisYear) errors.push({ line, column: s.header, message: `Tahun SKP ${s.year} belum berjalan` });
    else skp.push({ year: s.year, predicate });
  }

  const developmentHours: { year: number; hours: number }[] = [];
  for (const s of [...map.hourYears].sort((a, b) => a.year - b.year)) {
    const v = (cells[s.index] ?? '').trim();
    if (!v) continue;
    const hours = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(hours) || hours > MAX_HOURS_A_YEAR)
      errors.push({ line, column: s.header, message: `JP harus bilangan bulat 0–${MAX_HOURS_A_YEAR}: "${v}"` });
    else if (s.year > thisYear) errors.push({ line, column: s.header, message: `Tahun JP ${s.year} belum berjalan` });
    else developmentHours.push({ year: s.year, hours });
  }

  const sanction = parseYesNo(cell('disciplinarySanction'));
  if (sanction === null) fail('disciplinarySanction', 'Isi "Ya" atau "Tidak"');
  const sanctions: NonNullable<ProfileDto['sanctions']> = [];
  for (const [k, entry] of cell('sanctions')
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter(Boolean)
    .entries()) {
    const label = `Hukuman ke-${k + 1}`;
    const parts = entry.split('|').map((p) => p.trim());
    const level = parts.length === 2 ? normalizeHeader(parts[0]!) : '';
    const since = parts.length === 2 ? parseDateCell(parts[1]!) : null;
    if (parts.length !== 2) fail('sanctions', `${label}: tulis "TINGKAT | TMT", mis. "RINGAN | 2024-03-01"`);
    else if (!(SANCTION_LEVELS as readonly string[]).includes(level))
      fail('sanctions', `${label}: tingkat tidak dikenal: "${parts[0]}" (${SANCTION_LEVELS.join(', ')})`);
    else if (!since) fail('sanctions', `${label}: TMT bukan tanggal yang valid: "${parts[1]}"`);
    else if (since > ctx.today) fail('sanctions', `${label}: TMT tidak boleh setelah hari ini (${ctx.today})`);
    else sanctions.push({ level: level as (typeof SANCTION_LEVELS)[number], since });
  }
  if (sanctions.length > 20) fail('sanctions', 'Paling banyak 20 hukuman disiplin');
  // The flag answers "moderate or severe ever imposed": a history that holds one contradicts a "Tidak".
  if (sanction === false && sanctions.some((x) => x.level !== 'RINGAN'))
    fail('disciplinarySanction', 'Riwayat hukuman disiplin memuat hukuman sedang/berat; isi "Ya"');
  sanctions.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const lhkpn = parseYesNo(cell('lhkpnFiled'));
  if (lhkpn === null) fail('lhkpnFiled', 'Isi "Sudah" atau "Belum"');

  const trainings = cell('trainings')
    .split(/[;\n]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (trainings.length > 20) fail('trainings', 'Paling banyak 20 pelatihan');

  const email = cell('email').toLowerCase();
  if (email && (!EMAIL.test(email) || email.length > 200)) fail('email', `Alamat e-mail tidak valid: "${email}"`);

  if (errors.length || !rank || !education || sanction === null || lhkpn === null) return { profile: null, errors };
  const profile: ImportedProfile = {
    nip,
    name,
    rank,
    agencyCode: ctx.agencyCode,
    education,
    careers,
    skp,
    lhkpnFiled: lhkpn,
    disciplinarySanction: sanction,
  };
  const major = cell('educationMajor');
  if (major) profile.educationMajor = major;
  if (rankSince) profile.rankSince = rankSince;
  if (trainings.length) profile.trainings = trainings;
  if (developmentHours.length) profile.developmentHours = developmentHours;
  if (sanctions.length) profile.sanctions = sanctions;
  if (email) profile.email = email;
  return { profile, errors };
}

const SKP_TEXT = 'Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang';

/** The rows of a file that passed (with their line) and the refusals. */
export interface ValidatedRows<T> {
  /** Rows that passed, with their line in the file. */
  accepted: { line: number; row: T }[];
  errors: ImportCellError[];
  /** Rows refused (a row with several bad cells counts once). */
  refusedRows: number;
  /** Data rows read (blank rows skipped). */
  rows: number;
}

/** How one kind of import validates a row and names it (a key twice in a file refuses both rows). */
export interface RowRules<T> {
  validate(cells: readonly string[], line: number): { row: T | null; errors: ImportCellError[] };
  key(row: T): string;
  /** Column (header key) the duplicate refusal names, and its message given the first line. */
  keyColumn: string;
  duplicateMessage(firstLine: number): string;
}

/**
 * Validates every data row (line 2 onwards) of any kind and refuses a key that appears twice in the
 * file (both rows: which one is right is for the user to say). Stops collecting messages after
 * `maxErrors`, but keeps counting refused rows.
 */
export function validateImportRows<T>(
  rows: readonly (readonly string[])[],
  map: ProfileHeaderMap,
  rules: RowRules<T>,
  maxErrors = 500,
): ValidatedRows<T> {
  const out: ValidatedRows<T> = { accepted: [], errors: [], refusedRows: 0, rows: 0 };
  const lineOfKey = new Map<string, number>();
  const duplicated = new Set<string>();
  const pushErrors = (errs: ImportCellError[]): void => {
    for (const e of errs) if (out.errors.length < maxErrors) out.errors.push(e);
  };
  const valid: { line: number; row: T; key: string }[] = [];
  for (const [i, cells] of rows.entries()) {
    if (cells.every((c) => !c || !c.trim())) continue;
    out.rows++;
    const line = i + 2;
    const { row, errors } = rules.validate(cells, line);
    if (!row) {
      out.refusedRows++;
      pushErrors(errors);
      continue;
    }
    const key = rules.key(row);
    if (lineOfKey.has(key)) duplicated.add(key);
    else lineOfKey.set(key, line);
    valid.push({ line, row, key });
  }
  for (const v of valid) {
    if (!duplicated.has(v.key)) {
      out.accepted.push({ line: v.line, row: v.row });
      continue;
    }
    out.refusedRows++;
    pushErrors([
      {
        line: v.line,
        column: map.headers[rules.keyColumn] ?? rules.keyColumn,
        message: rules.duplicateMessage(lineOfKey.get(v.key)!),
      },
    ]);
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

export interface ValidatedProfileRows {
  /** Rows that passed, with their line in the file. */
  accepted: { line: number; profile: ImportedProfile }[];
  errors: ImportCellError[];
  refusedRows: number;
  rows: number;
}

/** Validates every profile row; a NIP twice in the file refuses both rows. */
export function validateProfileRows(
  rows: readonly (readonly string[])[],
  map: ProfileHeaderMap,
  ctx: ProfileRowContext,
  maxErrors = 500,
): ValidatedProfileRows {
  const v = validateImportRows<ImportedProfile>(
    rows,
    map,
    {
      validate: (cells, line) => {
        const r = validateProfileRow(cells, map, line, ctx);
        return { row: r.profile, errors: r.errors };
      },
      key: (p) => p.nip,
      keyColumn: 'nip',
      duplicateMessage: (first) => `NIP muncul lebih dari sekali dalam berkas (baris ${first})`,
    },
    maxErrors,
  );
  return { ...v, accepted: v.accepted.map((a) => ({ line: a.line, profile: a.row })) };
}

/** Rows per staged chunk and per commit activity. */
export const IMPORT_CHUNK_ROWS = 1000;

export const PROFILE_IMPORT_STATUSES = ['STAGING', 'PREVIEWED', 'COMMITTING', 'COMPLETED'] as const;
export type ProfileImportStatus = (typeof PROFILE_IMPORT_STATUSES)[number];

export interface ImportCountsDto {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
}

/** Who wrote a profile by an import, when (instant), and from which file. */
export interface ImportSourceDto {
  importId: string;
  fileName: string;
  byUserId: string;
  byName: string;
  at: string;
}

/** An import of an agency's profiles as the candidate service keeps it (preview, then commit progress). */
export interface ProfileImportDto {
  id: string;
  agencyCode: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  byUserId: string;
  byName: string;
  createdAt: string;
  status: ProfileImportStatus;
  rows: number;
  counts: ImportCountsDto;
  errors: ImportCellError[];
  chunkCount: number;
  chunksDone: number;
  committed: ImportCountsDto | null;
  committedAt: string | null;
}

export const PROFILE_CHANGE_KINDS = ['IMPORT', 'PROFILE_DISPUTE'] as const;
export type ProfileChangeKind = (typeof PROFILE_CHANGE_KINDS)[number];

/** What changed a profile (an import's file, or a dispute's decision and its reason), who and when (instant). */
export interface ProfileChangeDto {
  kind: ProfileChangeKind;
  /** The import's id, or the dispute's. */
  id: string;
  fileName: string | null;
  reason: string | null;
  byUserId: string;
  byName: string;
  at: string;
}

/** A profile as it was before a change: one history for imports and dispute decisions. */
export interface ProfileVersionDto {
  id: string;
  profileId: string;
  previous: ProfileDto;
  /** What wrote `previous`, when known (an import); null when it was written otherwise. */
  previousSource: ProfileChangeDto | null;
  replacedBy: ProfileChangeDto;
}

/** A new import's header, sent before its chunks. */
export interface CreateProfileImportRequest {
  agencyCode: string;
  /** Default PROFILES. */
  kind?: ImportKind;
  fileName: string;
  fileSha256: string;
  byUserId: string;
  byName: string;
  rows: number;
  refusedInFile: number;
  errors: ImportCellError[];
  chunkCount: number;
}

export interface StageImportChunkRequest {
  lines: number[];
  rows: ImportedProfile[];
}
