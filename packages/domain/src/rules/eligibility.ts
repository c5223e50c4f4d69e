/**
 * Administrative screening engine (domain.md §1.4): checks a candidate's register data against the
 * eligibility rules pinned on the selection, and explains every requirement (met or not) so the
 * berita acara and the public MS/TMS list can print the full table.
 */
import { isLocalDate, type LocalDate } from '../calendar';
import type { CareerEntryDto, EducationLevel, PositionKind, ProfileDto, SkpPredicate } from '../contracts';
import { DomainError } from '../errors';
import type { JptLevel } from '../levels';
import { ageOn, checkNip, NIP_PROBLEM_TEXT_ID } from '../nip';
import { LEVEL_NAME_ID } from '../requirements';
import { durationOfPeriods, formatDuration, monthsAndDays, type ServiceDuration } from './durations';
import { compareRanks, isRank, rankLabel } from './ranks';
import type { EligibilityRules } from './selection-rules';

export const REQUIREMENT_KEYS = [
  'NIP',
  'EDUCATION',
  'RELATED_EXPERIENCE',
  'QUALIFYING_POST',
  'AGE',
  'RANK',
  'SKP',
  'DISCIPLINE',
  'LHKPN',
  'HOME_PPK_PERMISSION',
  'SCOPE',
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

/** Heading of each requirement in the screening table. */
export const REQUIREMENT_LABELS: Record<RequirementKey, string> = {
  NIP: 'Nomor Induk Pegawai (NIP) valid',
  EDUCATION: 'Kualifikasi pendidikan',
  RELATED_EXPERIENCE: 'Pengalaman jabatan dalam bidang tugas terkait',
  QUALIFYING_POST: 'Sedang/pernah menduduki jabatan yang dipersyaratkan',
  AGE: 'Usia pada saat pelantikan',
  RANK: 'Pangkat/golongan ruang',
  SKP: 'Predikat kinerja (SKP)',
  DISCIPLINE: 'Tidak sedang menjalani hukuman disiplin',
  LHKPN: 'Penyampaian LHKPN',
  HOME_PPK_PERMISSION: 'Izin PPK instansi asal',
  SCOPE: 'Lingkup asal instansi peserta',
};

export interface RequirementResult {
  key: RequirementKey;
  label: string;
  met: boolean;
  /** What was computed, in Bahasa Indonesia. */
  detail: string;
  /** Why the requirement is not met (Bahasa Indonesia), null when met. */
  reason: string | null;
}

export interface EligibilityInput {
  profile: ProfileDto;
  candidateAgencyProvince: string | null;
  vacancy: { level: JptLevel; field?: string | null };
  selectionAgency: { code: string; province: string };
  scope: 'NATIONAL' | 'PROVINCE';
  plannedInaugurationDate: LocalDate;
  /** Screening date: experience counts up to it; SKP years are the ones before its year. */
  asOf: LocalDate;
  homePpkPermission: boolean;
}

export interface EligibilityResult {
  eligible: boolean;
  requirements: RequirementResult[];
  rulesVersion: string;
}

/** SMA < D3 < S1 = D4 < S2 < S3. */
export const EDUCATION_ORDER: Record<EducationLevel, number> = { SMA: 0, D3: 1, S1: 2, D4: 2, S2: 3, S3: 4 };

export function compareEducation(a: EducationLevel, b: EducationLevel): number {
  return EDUCATION_ORDER[a] - EDUCATION_ORDER[b];
}

const EDUCATION_NAME_ID: Record<EducationLevel, string> = {
  SMA: 'SMA/sederajat',
  D3: 'D-III',
  S1: 'S1',
  D4: 'D-IV',
  S2: 'S2',
  S3: 'S3',
};

/** SANGAT_BAIK (highest) … SANGAT_KURANG (lowest). */
export const SKP_PREDICATE_ORDER: Record<SkpPredicate, number> = {
  SANGAT_KURANG: 0,
  KURANG: 1,
  BUTUH_PERBAIKAN: 2,
  BAIK: 3,
  SANGAT_BAIK: 4,
};

export const SKP_PREDICATE_NAMES: Record<SkpPredicate, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const POSITION_KIND_NAMES: Record<PositionKind, string> = {
  JPT_UTAMA: 'JPT Utama',
  JPT_MADYA: 'JPT Madya',
  JPT_PRATAMA: 'JPT Pratama',
  ADMINISTRATOR: 'Administrator',
  PENGAWAS: 'Pengawas',
  PELAKSANA: 'Pelaksana',
  JF_AHLI_UTAMA: 'JF Ahli Utama',
  JF_AHLI_MADYA: 'JF Ahli Madya',
  JF_AHLI_MUDA: 'JF Ahli Muda',
  JF_AHLI_PERTAMA: 'JF Ahli Pertama',
};

/** Kinds counted as related experience when the vacancy names no field of duty. */
export const MANAGERIAL_OR_EXPERT_KINDS: readonly PositionKind[] = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'JF_AHLI_UTAMA',
  'JF_AHLI_MADYA',
  'JF_AHLI_MUDA',
  'JF_AHLI_PERTAMA',
];

/** Higher posts of each ladder: holding one of these also satisfies "held post X". */
const LADDERS: readonly (readonly PositionKind[])[] = [
  ['ADMINISTRATOR', 'JPT_PRATAMA', 'JPT_MADYA', 'JPT_UTAMA'],
  ['JF_AHLI_PERTAMA', 'JF_AHLI_MUDA', 'JF_AHLI_MADYA', 'JF_AHLI_UTAMA'],
];

/**
 * Kinds accepted for the qualifying-post requirement: the listed kinds plus the higher posts of
 * the same ladder (a JPT Pratama qualifies where Administrator is asked; JPT Utama where JPT Madya
 * is asked; JF Ahli Utama where JF Ahli Madya is asked).
 */
export function acceptedQualifyingKinds(kinds: readonly PositionKind[]): PositionKind[] {
  const out = new Set<PositionKind>(kinds);
  for (const kind of kinds) {
    for (const ladder of LADDERS) {
      const i = ladder.indexOf(kind);
      if (i >= 0) for (const k of ladder.slice(i + 1)) out.add(k);
    }
  }
  return [...out];
}

function norm(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

function met(key: RequirementKey, detail: string): RequirementResult {
  return { key, label: REQUIREMENT_LABELS[key], met: true, detail, reason: null };
}

function notMet(key: RequirementKey, detail: string, reason: string): RequirementResult {
  return { key, label: REQUIREMENT_LABELS[key], met: false, detail, reason };
}

function yearsText(years: number): string {
  return `${String(years).replace('.', ',')} tahun`;
}

function ignoredNote(d: ServiceDuration): string {
  return d.ignored ? `; ${d.ignored} riwayat jabatan tidak dihitung karena tanggalnya tidak valid` : '';
}

function checkEducation(profile: ProfileDto, rules: EligibilityRules): RequirementResult {
  const have = profile.education;
  const need = rules.minEducation;
  const detail = `Pendidikan ${EDUCATION_NAME_ID[have] ?? have}; syarat paling rendah ${need === 'S1' || need === 'D4' ? 'S1/D-IV' : EDUCATION_NAME_ID[need]}`;
  if (!(have in EDUCATION_ORDER)) return notMet('EDUCATION', detail, 'Jenjang pendidikan tidak dikenal');
  return compareEducation(have, need) >= 0
    ? met('EDUCATION', detail)
    : notMet('EDUCATION', detail, 'Jenjang pendidikan di bawah syarat minimal');
}

function checkRelatedExperience(input: EligibilityInput, rules: EligibilityRules): RequirementResult {
  const needYears = rules.levels[input.vacancy.level].relatedExperienceYears;
  const field = input.vacancy.field?.trim() ? input.vacancy.field.trim() : null;
  const relevant: CareerEntryDto[] = field
    ? input.profile.careers.filter((c) => (c.fields ?? []).some((f) => norm(f) === norm(field)))
    : input.profile.careers.filter((c) => MANAGERIAL_OR_EXPERT_KINDS.includes(c.positionKind));
  const d = durationOfPeriods(relevant, input.asOf);
  const basis = field
    ? `bidang ${field}`
    : 'jabatan administrator, pengawas, pimpinan tinggi, atau fungsional keahlian';
  const detail =
    `Pengalaman dalam ${basis} ${formatDuration(d)} (${relevant.length} riwayat jabatan) per ${input.asOf}; ` +
    `syarat paling singkat ${yearsText(needYears)}${ignoredNote(d)}`;
  return d.months >= needYears * 12
    ? met('RELATED_EXPERIENCE', detail)
    : notMet(
        'RELATED_EXPERIENCE',
        detail,
        `Pengalaman jabatan dalam bidang terkait kurang dari ${yearsText(needYears)}`,
      );
}

function checkQualifyingPost(input: EligibilityInput, rules: EligibilityRules): RequirementResult {
  const req = rules.levels[input.vacancy.level];
  const accepted = acceptedQualifyingKinds(req.qualifyingPostKinds);
  const relevant = input.profile.careers.filter((c) => accepted.includes(c.positionKind));
  const d = durationOfPeriods(relevant, input.asOf);
  const posts = req.qualifyingPostKinds.map((k) => POSITION_KIND_NAMES[k] ?? k).join(' atau ');
  const detail =
    `Masa menduduki ${posts} (atau jabatan yang lebih tinggi) ${formatDuration(d)} per ${input.asOf}; ` +
    `syarat paling singkat ${yearsText(req.qualifyingPostYears)}${ignoredNote(d)}`;
  if (d.months >= req.qualifyingPostYears * 12 && (relevant.length > 0 || req.qualifyingPostYears === 0))
    return met('QUALIFYING_POST', detail);
  return notMet(
    'QUALIFYING_POST',
    detail,
    relevant.length === 0
      ? `Belum pernah menduduki ${posts}`
      : `Masa menduduki ${posts} kurang dari ${yearsText(req.qualifyingPostYears)}`,
  );
}

function checkAge(birthDate: string | null, input: EligibilityInput, rules: EligibilityRules): RequirementResult {
  const max = rules.levels[input.vacancy.level].maxAgeAtInauguration;
  const on = input.plannedInaugurationDate;
  if (!birthDate)
    return notMet(
      'AGE',
      `Tanggal lahir tidak diketahui; batas ${max} tahun pada ${on}`,
      'Usia tidak dapat dihitung karena NIP tidak valid',
    );
  const years = ageOn(birthDate, on);
  // Whole months past the last birthday (ageOn decides the years, also for 29 February births).
  const months = birthDate <= on ? Math.min(11, Math.max(0, monthsAndDays(birthDate, on).months - years * 12)) : 0;
  const detail = `Usia ${years} tahun ${months} bulan pada ${on}; batas ${max} tahun untuk JPT ${LEVEL_NAME_ID[input.vacancy.level]}`;
  return years <= max
    ? met('AGE', detail)
    : notMet('AGE', detail, `Usia pada saat pelantikan melebihi batas ${max} tahun`);
}

function checkRank(input: EligibilityInput, rules: EligibilityRules): RequirementResult {
  const need = rules.minRank[input.vacancy.level];
  const have = input.profile.rank;
  if (!isRank(have))
    return notMet(
      'RANK',
      `Pangkat tercatat '${have}'; syarat paling rendah ${rankLabel(need)}`,
      'Pangkat/golongan ruang tidak dikenal',
    );
  const detail = `Pangkat ${rankLabel(have)}; syarat paling rendah ${rankLabel(need)}`;
  return compareRanks(have, need) >= 0
    ? met('RANK', detail)
    : notMet('RANK', detail, `Pangkat di bawah ${rankLabel(need)}`);
}

function checkSkp(input: EligibilityInput, rules: EligibilityRules): RequirementResult {
  if (rules.skpYears <= 0) return met('SKP', 'Tidak dipersyaratkan');
  const asOfYear = Number(input.asOf.slice(0, 4));
  const years = Array.from({ length: rules.skpYears }, (_, i) => asOfYear - 1 - i);
  const need = rules.minSkpPredicate;
  const parts: string[] = [];
  const reasons: string[] = [];
  for (const year of years) {
    const entries = input.profile.skp.filter((s) => s.year === year);
    if (entries.length === 0) {
      parts.push(`${year}: tidak ada`);
      reasons.push(`SKP tahun ${year} tidak tersedia`);
      continue;
    }
    // Several appraisals in one year: the lowest one counts.
    const worst = entries.reduce((a, b) =>
      (SKP_PREDICATE_ORDER[b.predicate] ?? -1) < (SKP_PREDICATE_ORDER[a.predicate] ?? -1) ? b : a,
    );
    const name = SKP_PREDICATE_NAMES[worst.predicate] ?? worst.predicate;
    parts.push(`${year}: ${name}`);
    if (!((SKP_PREDICATE_ORDER[worst.predicate] ?? -1) >= SKP_PREDICATE_ORDER[need]))
      reasons.push(`Predikat SKP tahun ${year} ${name}, di bawah ${SKP_PREDICATE_NAMES[need]}`);
  }
  const detail = `${parts.join('; ')}; syarat paling rendah ${SKP_PREDICATE_NAMES[need]} dalam ${rules.skpYears} tahun terakhir`;
  return reasons.length === 0 ? met('SKP', detail) : notMet('SKP', detail, reasons.join('; '));
}

function checkScope(input: EligibilityInput): RequirementResult {
  if (input.scope === 'NATIONAL') return met('SCOPE', 'Seleksi terbuka secara nasional');
  const home = input.candidateAgencyProvince;
  const want = input.selectionAgency.province;
  if (!home)
    return notMet(
      'SCOPE',
      `Seleksi terbatas Provinsi ${want}; provinsi instansi asal tidak diketahui`,
      'Provinsi instansi asal peserta tidak diketahui',
    );
  const detail = `Instansi asal di Provinsi ${home}; seleksi terbatas Provinsi ${want}`;
  return norm(home) === norm(want)
    ? met('SCOPE', detail)
    : notMet('SCOPE', detail, `Instansi asal berada di luar Provinsi ${want}`);
}

/**
 * Screens one application. Never throws on bad candidate data (an invalid NIP or an unknown rank
 * makes the requirement not met); throws DomainError VALIDATION_FAILED only for invalid dates in the
 * input itself (asOf, plannedInaugurationDate).
 */
export function evaluateEligibility(input: EligibilityInput, rules: EligibilityRules): EligibilityResult {
  for (const [field, value] of [
    ['asOf', input.asOf],
    ['plannedInaugurationDate', input.plannedInaugurationDate],
  ] as const) {
    if (!isLocalDate(value)) throw new DomainError('VALIDATION_FAILED', `Tanggal tidak valid: ${value}`, field);
  }
  const { profile } = input;
  const requirements: RequirementResult[] = [];

  const nip = checkNip(profile.nip, input.asOf);
  requirements.push(
    nip.ok
      ? met('NIP', `NIP valid (pengangkatan CPNS ${nip.value.cpnsStart})`)
      : notMet('NIP', 'NIP tidak valid', NIP_PROBLEM_TEXT_ID[nip.problem]),
  );
  requirements.push(checkEducation(profile, rules));
  requirements.push(checkRelatedExperience(input, rules));
  requirements.push(checkQualifyingPost(input, rules));
  requirements.push(checkAge(nip.ok ? nip.value.birthDate : null, input, rules));
  requirements.push(checkRank(input, rules));
  requirements.push(checkSkp(input, rules));

  if (!rules.requireNoDisciplinarySanction) requirements.push(met('DISCIPLINE', 'Tidak dipersyaratkan'));
  else
    requirements.push(
      profile.disciplinarySanction
        ? notMet('DISCIPLINE', 'Tercatat sedang menjalani hukuman disiplin', 'Sedang menjalani hukuman disiplin')
        : met('DISCIPLINE', 'Tidak tercatat sedang menjalani hukuman disiplin'),
    );

  if (!rules.requireLhkpn) requirements.push(met('LHKPN', 'Tidak dipersyaratkan'));
  else
    requirements.push(
      profile.lhkpnFiled
        ? met('LHKPN', 'LHKPN telah disampaikan')
        : notMet('LHKPN', 'Tidak tercatat menyampaikan LHKPN', 'Belum menyampaikan LHKPN'),
    );

  if (profile.agencyCode === input.selectionAgency.code)
    requirements.push(met('HOME_PPK_PERMISSION', 'Peserta dari instansi sendiri'));
  else if (!rules.requireHomePpkPermission)
    requirements.push(
      met('HOME_PPK_PERMISSION', `Peserta dari instansi ${profile.agencyCode}; izin tidak dipersyaratkan`),
    );
  else
    requirements.push(
      input.homePpkPermission
        ? met('HOME_PPK_PERMISSION', `Peserta dari instansi ${profile.agencyCode}; izin PPK instansi asal ada`)
        : notMet(
            'HOME_PPK_PERMISSION',
            `Peserta dari instansi ${profile.agencyCode}; izin PPK instansi asal tidak ada`,
            'Tidak ada izin dari PPK instansi asal',
          ),
    );

  requirements.push(checkScope(input));

  return { eligible: requirements.every((r) => r.met), requirements, rulesVersion: rules.version };
}
