/**
 * The legal basis ('Mengingat') printed on the decrees the system drafts, per decree and overseer era.
 *
 * These lists are DEFAULTS, the national regulations every agency cites. An agency replaces them with
 * its own list (adding, for instance, the regional-government law, its regional regulation on the
 * organisation of the regional apparatus, or a newer ministerial regulation) through the selection rules'
 * `legalBasis`, which is pinned on each selection like every other rule. Entries are written in full,
 * in the order of the hierarchy of regulations (laws, government regulations, ministerial regulations),
 * older first within a rank.
 */
import type { RuleProblem } from './problems';
import type { OverseerEra } from './selection-rules';

/** The decrees of an open selection whose legal basis the selection rules may replace. */
export const SELECTION_DECREE_KINDS = ['PANSEL_DECREE', 'APPOINTMENT_DECREE'] as const;
export type SelectionDecreeKind = (typeof SELECTION_DECREE_KINDS)[number];

/**
 * Decree kinds, with the talent route's appointment decree on a key of its own: it rests on the
 * talent-management regulation instead of the open-selection one.
 */
export const LEGAL_BASIS_KEYS = [
  ...SELECTION_DECREE_KINDS,
  'TALENT_APPOINTMENT_DECREE',
  'SUCCESSION_GROUP_DECISION',
] as const;
export type LegalBasisKey = (typeof LEGAL_BASIS_KEYS)[number];

/** Replacement lists per decree kind; a kind not given keeps the default of the selection's era. */
export type LegalBasisOverrides = Partial<Record<SelectionDecreeKind, string[]>>;

/** Limits the document service accepts for a decree's 'Mengingat'. */
export const LEGAL_BASIS_MAX_ENTRIES = 40;
export const LEGAL_BASIS_MAX_LENGTH = 1000;

/** The ASN law in force in each era: UU 5/2014 (with KASN) until UU 20/2023 repealed it. */
const ASN_LAW: Record<OverseerEra, string> = {
  KASN: 'Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara',
  BKN: 'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
  GENERIC: 'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
};

const PNS_MANAGEMENT =
  'Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah ' +
  'dengan Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan Pemerintah Nomor 11 Tahun ' +
  '2017 tentang Manajemen Pegawai Negeri Sipil';

const OPEN_SELECTION =
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2019 tentang ' +
  'Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan Kompetitif di Lingkungan Instansi Pemerintah';

const TALENT_MANAGEMENT =
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 3 Tahun 2020 tentang ' +
  'Manajemen Talenta Aparatur Sipil Negara';

function listsFor(era: OverseerEra): Record<LegalBasisKey, readonly string[]> {
  const open = Object.freeze([ASN_LAW[era], PNS_MANAGEMENT, OPEN_SELECTION]);
  const talent = Object.freeze([ASN_LAW[era], PNS_MANAGEMENT, TALENT_MANAGEMENT]);
  return Object.freeze({
    PANSEL_DECREE: open,
    APPOINTMENT_DECREE: open,
    TALENT_APPOINTMENT_DECREE: talent,
    SUCCESSION_GROUP_DECISION: talent,
  });
}

/** The default lists, by overseer era and decree (frozen; `defaultLegalBasis` gives a copy). */
export const DEFAULT_LEGAL_BASIS: Readonly<Record<OverseerEra, Record<LegalBasisKey, readonly string[]>>> =
  Object.freeze({ KASN: listsFor('KASN'), BKN: listsFor('BKN'), GENERIC: listsFor('GENERIC') });

/** A fresh copy of the default list for a decree in an era. */
export function defaultLegalBasis(key: LegalBasisKey, era: OverseerEra): string[] {
  return [...DEFAULT_LEGAL_BASIS[era][key]];
}

/**
 * The legal basis of an open selection's decree under its pinned rules: the rules' own list for that
 * kind when they carry one, else the default of the rules' overseer era.
 */
export function legalBasisFor(
  kind: SelectionDecreeKind,
  rules: { overseer: { era: OverseerEra }; legalBasis?: LegalBasisOverrides | null },
): string[] {
  const own = rules.legalBasis?.[kind];
  return own && own.length > 0 ? [...own] : defaultLegalBasis(kind, rules.overseer.era);
}

/**
 * Checks the `legalBasis` of selection rules (undefined and null mean "the defaults"): only the
 * selection's decree kinds, each a list of 1–40 regulations written out (at most 1000 characters each).
 * Field paths are prefixed with `prefix` (e.g. 'rules.legalBasis').
 */
export function validateLegalBasis(value: unknown, prefix = 'legalBasis'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ code: 'VALIDATION_FAILED', field: field ? `${prefix}.${field}` : prefix, message });
  if (value === undefined || value === null) return problems;
  if (typeof value !== 'object' || Array.isArray(value)) {
    bad('', 'Dasar hukum keputusan harus berupa daftar per jenis keputusan');
    return problems;
  }
  for (const [kind, list] of Object.entries(value as Record<string, unknown>)) {
    if (!(SELECTION_DECREE_KINDS as readonly string[]).includes(kind)) {
      bad(kind, `Jenis keputusan tidak dikenal: ${kind} (yang dapat diatur: ${SELECTION_DECREE_KINDS.join(', ')})`);
      continue;
    }
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0 || list.length > LEGAL_BASIS_MAX_ENTRIES) {
      bad(kind, `Dasar hukum keputusan harus berisi 1 sampai ${LEGAL_BASIS_MAX_ENTRIES} peraturan`);
      continue;
    }
    list.forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '')
        bad(`${kind}.${i}`, 'Peraturan dalam dasar hukum tidak boleh kosong');
      else if (entry.length > LEGAL_BASIS_MAX_LENGTH)
        bad(`${kind}.${i}`, `Peraturan dalam dasar hukum paling panjang ${LEGAL_BASIS_MAX_LENGTH} karakter`);
    });
  }
  return problems;
}
