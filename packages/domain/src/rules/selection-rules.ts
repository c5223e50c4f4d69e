/**
 * The rule set pinned on each selection when it starts (domain.md §1): every number the workflow,
 * the screening engine and the documents use. A later change of the defaults never alters a
 * running selection, because the selection carries its own copy.
 */
import type { DayKind } from '../calendar';
import { EDUCATION_LEVELS, SKP_PREDICATES, type EducationLevel, type SkpPredicate } from '../contracts';
import { JPT_LEVELS, type JptLevel } from '../levels';
import { LEVEL_REQUIREMENTS, type LevelRequirements } from '../requirements';
import { validateLegalBasis, type LegalBasisOverrides } from './legal-basis';
import { isRank, type Rank } from './ranks';
import type { RuleProblem } from './problems';

/** Version of the rule-set shape; bump when the meaning of a field changes. */
export const RULES_VERSION = '2026.2';

/** Version of the eligibility rules: legal basis + rule-set version. */
export const ELIGIBILITY_RULES_VERSION = `PP11-2017+PP17-2020/${RULES_VERSION}`;

export interface EligibilityRules {
  version: string;
  /** Lowest education; D4 counts as S1, S2 and S3 are higher. */
  minEducation: EducationLevel;
  levels: Record<JptLevel, LevelRequirements>;
  /** Lowest rank per level; agencies vary, so it is configurable. */
  minRank: Record<JptLevel, Rank>;
  /** How many calendar years before the screening year must have an SKP predicate. */
  skpYears: number;
  minSkpPredicate: SkpPredicate;
  requireLhkpn: boolean;
  requireNoDisciplinarySanction: boolean;
  /** Candidates from another agency need their home PPK's permission. */
  requireHomePpkPermission: boolean;
}

/** Weights in percent (integers summing to 100). */
export interface ScoringWeights {
  assessment: number;
  paper: number;
  presentation: number;
  interview: number;
  trackRecord: number;
}

export interface ScoringRules {
  weights: ScoringWeights;
  /** Lowest final score (0–100) to be ranked. */
  passMark: number;
  /** How long an earlier assessment-centre result may be reused. */
  assessmentValidityMonths: number;
}

export interface InterviewRules {
  /** Largest allowed spread (max − min) of the panel's scores before calibration. */
  calibrationThreshold: number;
  maxCalibrationRounds: number;
}

export interface PanselRules {
  minMembers: number;
  maxMembers: number;
  requireOdd: boolean;
  /** Lowest share (0–1) of members from outside the agency. */
  minExternalShare: number;
  allowPartyMembers: false;
  /** Since July 2025 BKN officials no longer sit on JPT Pansels. */
  allowBknOfficials: boolean;
}

export interface ObjectionRules {
  workingDays: number;
}

export type OverseerEra = 'KASN' | 'BKN' | 'GENERIC';
export const OVERSEER_ERAS: readonly OverseerEra[] = ['KASN', 'BKN', 'GENERIC'];

export interface OverseerRules {
  era: OverseerEra;
  decisionWorkingDays: number;
  /** BKN era: no decision within `decisionWorkingDays` counts as approval. */
  silenceMeansApproval: boolean;
  escalationWorkingDays: number;
}

export interface ExtensionRules {
  days: number;
  maxTimes: number;
  dayKind: DayKind;
}

export interface SelectionRules {
  version: string;
  registrationDays: number;
  registrationDayKind: DayKind;
  minApplicantsPerVacancy: number;
  vacanciesPerCandidate: number;
  extension: ExtensionRules;
  scope: 'NATIONAL' | 'PROVINCE';
  /** Fixed by law at 3 names per vacancy. */
  shortlistSize: number;
  eligibility: EligibilityRules;
  scoring: ScoringRules;
  interview: InterviewRules;
  pansel: PanselRules;
  objections: ObjectionRules;
  overseer: OverseerRules;
  /**
   * The agency's own legal basis ('Mengingat') per decree kind. Undefined or null, and any kind not
   * given: the defaults of the overseer era (DEFAULT_LEGAL_BASIS, resolved by legalBasisFor).
   */
  legalBasis?: LegalBasisOverrides | null;
  /**
   * The stored defaults the round started from (a rule-set version: scope and revision); absent when it
   * started from the shipped defaults or before rule sets were versioned.
   */
  defaults?: { scope: string; revision: number } | null;
}

/** The defaults per overseer era (domain.md §2). */
export function overseerRulesFor(era: OverseerEra): OverseerRules {
  switch (era) {
    case 'BKN':
      return { era, decisionWorkingDays: 5, silenceMeansApproval: true, escalationWorkingDays: 5 };
    case 'KASN':
      return { era, decisionWorkingDays: 10, silenceMeansApproval: false, escalationWorkingDays: 10 };
    case 'GENERIC':
      return { era, decisionWorkingDays: 10, silenceMeansApproval: false, escalationWorkingDays: 10 };
  }
}

function cloneLevels(): Record<JptLevel, LevelRequirements> {
  return {
    UTAMA: { ...LEVEL_REQUIREMENTS.UTAMA, qualifyingPostKinds: [...LEVEL_REQUIREMENTS.UTAMA.qualifyingPostKinds] },
    MADYA: { ...LEVEL_REQUIREMENTS.MADYA, qualifyingPostKinds: [...LEVEL_REQUIREMENTS.MADYA.qualifyingPostKinds] },
    PRATAMA: {
      ...LEVEL_REQUIREMENTS.PRATAMA,
      qualifyingPostKinds: [...LEVEL_REQUIREMENTS.PRATAMA.qualifyingPostKinds],
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Default eligibility rules (frozen: copy with buildSelectionRules to change them). */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = deepFreeze({
  version: ELIGIBILITY_RULES_VERSION,
  minEducation: 'S1',
  levels: cloneLevels(),
  minRank: { PRATAMA: 'IV/a', MADYA: 'IV/c', UTAMA: 'IV/d' },
  skpYears: 2,
  minSkpPredicate: 'BAIK',
  requireLhkpn: true,
  requireNoDisciplinarySanction: true,
  requireHomePpkPermission: true,
});

/** Default rules of a new selection (frozen: copy with buildSelectionRules to change them). */
export const DEFAULT_SELECTION_RULES: SelectionRules = deepFreeze({
  version: RULES_VERSION,
  registrationDays: 15,
  registrationDayKind: 'CALENDAR',
  minApplicantsPerVacancy: 4,
  vacanciesPerCandidate: 1,
  extension: { days: 7, maxTimes: 2, dayKind: 'CALENDAR' },
  scope: 'NATIONAL',
  shortlistSize: 3,
  eligibility: DEFAULT_ELIGIBILITY_RULES,
  scoring: {
    weights: { assessment: 40, paper: 10, presentation: 10, interview: 25, trackRecord: 15 },
    passMark: 70,
    assessmentValidityMonths: 24,
  },
  interview: { calibrationThreshold: 20, maxCalibrationRounds: 1 },
  pansel: {
    minMembers: 5,
    maxMembers: 9,
    requireOdd: true,
    minExternalShare: 0.55,
    allowPartyMembers: false,
    allowBknOfficials: false,
  },
  objections: { workingDays: 3 },
  overseer: overseerRulesFor('BKN'),
});

/** Overrides of the defaults, one level deep: a nested object is merged field by field. */
export type SelectionRulesOverrides = {
  [K in keyof SelectionRules]?: SelectionRules[K] extends object ? Partial<SelectionRules[K]> : SelectionRules[K];
};

/** Deep copy of plain JSON data (rules are plain data; structuredClone is not in every sandbox). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The rules for a new selection: `base` (the defaults) with `overrides` applied one level deep.
 * Undefined override values are ignored. When `overrides.overseer.era` is given, the era's
 * defaults (overseerRulesFor) replace the base overseer rules before the other overseer fields of
 * the override apply. The result is a fresh copy: mutating it never changes `base`.
 */
export function buildSelectionRules(
  overrides: SelectionRulesOverrides = {},
  base: SelectionRules = DEFAULT_SELECTION_RULES,
): SelectionRules {
  const result = copy(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides) as [keyof SelectionRules, unknown][]) {
    if (value === undefined) continue;
    const current = result[key];
    if (key === 'overseer') {
      const o = definedOnly(value as Partial<OverseerRules>);
      const start = o.era ? overseerRulesFor(o.era) : (current as OverseerRules);
      result[key] = { ...start, ...copy(o) };
    } else if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      result[key] = { ...(current as object), ...copy(definedOnly(value as object)) };
    } else {
      result[key] = copy(value);
    }
  }
  return result as unknown as SelectionRules;
}

const DAY_KINDS: readonly DayKind[] = ['CALENDAR', 'WORKING'];

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function inRange(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;
}

function intInRange(n: unknown, min: number, max: number): n is number {
  return isInt(n) && n >= min && n <= max;
}

/**
 * Checks a rule set before it is pinned on a selection. Returns every problem found (empty when
 * valid), each with code 'VALIDATION_FAILED' and the field path under `rules.`.
 */
export function validateSelectionRules(rules: SelectionRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ code: 'VALIDATION_FAILED', field: `rules.${field}`, message });

  if (typeof rules.version !== 'string' || rules.version.trim() === '') bad('version', 'Versi aturan wajib diisi');
  if (!intInRange(rules.registrationDays, 1, 60))
    bad('registrationDays', 'Lama pendaftaran harus bilangan bulat 1 sampai 60 hari');
  if (!DAY_KINDS.includes(rules.registrationDayKind))
    bad('registrationDayKind', 'Jenis hari pendaftaran harus hari kalender atau hari kerja');
  if (!isInt(rules.minApplicantsPerVacancy) || rules.minApplicantsPerVacancy < 3)
    bad('minApplicantsPerVacancy', 'Jumlah pelamar minimal per jabatan paling sedikit 3 orang');
  if (!isInt(rules.vacanciesPerCandidate) || rules.vacanciesPerCandidate < 1)
    bad('vacanciesPerCandidate', 'Jumlah jabatan yang dapat dilamar per peserta paling sedikit 1');
  if (!rules.extension) bad('extension', 'Aturan perpanjangan pendaftaran wajib diisi');
  else {
    if (!intInRange(rules.extension.days, 1, 30))
      bad('extension.days', 'Lama perpanjangan pendaftaran harus bilangan bulat 1 sampai 30 hari');
    if (!intInRange(rules.extension.maxTimes, 0, 5))
      bad('extension.maxTimes', 'Perpanjangan pendaftaran paling banyak 0 sampai 5 kali');
    if (!DAY_KINDS.includes(rules.extension.dayKind))
      bad('extension.dayKind', 'Jenis hari perpanjangan harus hari kalender atau hari kerja');
  }
  if (rules.scope !== 'NATIONAL' && rules.scope !== 'PROVINCE')
    bad('scope', 'Lingkup seleksi harus nasional atau provinsi');
  if (rules.shortlistSize !== 3)
    bad('shortlistSize', 'Jumlah calon yang diusulkan per jabatan ditetapkan undang-undang sebanyak 3 orang');

  validateEligibility(rules.eligibility, bad);

  const s = rules.scoring;
  if (!s) bad('scoring', 'Aturan penilaian wajib diisi');
  else {
    const w = s.weights;
    const values = w
      ? [w.assessment, w.paper, w.presentation, w.interview, w.trackRecord]
      : ([] as unknown[] as number[]);
    if (!w || values.some((v) => !isInt(v) || v < 0)) {
      bad('scoring.weights', 'Bobot penilaian harus bilangan bulat tidak negatif');
    } else {
      const sum = values.reduce((a, b) => a + b, 0);
      if (sum !== 100) bad('scoring.weights', `Jumlah bobot penilaian harus 100%, saat ini ${sum}%`);
    }
    if (!inRange(s.passMark, 0, 100)) bad('scoring.passMark', 'Nilai ambang batas harus 0 sampai 100');
    if (!intInRange(s.assessmentValidityMonths, 0, 120))
      bad('scoring.assessmentValidityMonths', 'Masa berlaku hasil asesmen harus bilangan bulat 0 sampai 120 bulan');
  }

  const i = rules.interview;
  if (!i) bad('interview', 'Aturan wawancara wajib diisi');
  else {
    if (!inRange(i.calibrationThreshold, 1, 100))
      bad('interview.calibrationThreshold', 'Batas selisih nilai wawancara untuk kalibrasi harus 1 sampai 100');
    if (!intInRange(i.maxCalibrationRounds, 0, 5))
      bad('interview.maxCalibrationRounds', 'Jumlah putaran kalibrasi harus bilangan bulat 0 sampai 5');
  }

  const p = rules.pansel;
  if (!p) bad('pansel', 'Aturan Pansel wajib diisi');
  else {
    if (!isInt(p.minMembers) || p.minMembers < 1)
      bad('pansel.minMembers', 'Jumlah minimal anggota Pansel harus bilangan bulat paling sedikit 1');
    if (!isInt(p.maxMembers) || p.maxMembers < 1)
      bad('pansel.maxMembers', 'Jumlah maksimal anggota Pansel harus bilangan bulat paling sedikit 1');
    if (isInt(p.minMembers) && isInt(p.maxMembers)) {
      if (p.minMembers > p.maxMembers)
        bad('pansel.minMembers', 'Jumlah minimal anggota Pansel tidak boleh melebihi jumlah maksimal');
      else if (p.requireOdd && p.minMembers === p.maxMembers && p.minMembers % 2 === 0)
        bad(
          'pansel',
          'Jumlah anggota Pansel wajib ganjil, tetapi batas minimal dan maksimal hanya memungkinkan angka genap',
        );
    }
    if (!inRange(p.minExternalShare, 0, 1))
      bad('pansel.minExternalShare', 'Porsi minimal anggota eksternal harus antara 0 dan 1');
    if (p.allowPartyMembers !== false)
      bad('pansel.allowPartyMembers', 'Anggota partai politik tidak boleh menjadi anggota Pansel');
  }

  if (!rules.objections || !intInRange(rules.objections.workingDays, 1, 30))
    bad('objections.workingDays', 'Masa sanggah harus bilangan bulat 1 sampai 30 hari kerja');

  const o = rules.overseer;
  if (!o) bad('overseer', 'Aturan pengawas wajib diisi');
  else {
    if (!OVERSEER_ERAS.includes(o.era)) bad('overseer.era', 'Lembaga pengawas harus KASN, BKN, atau GENERIC');
    if (!isInt(o.decisionWorkingDays) || o.decisionWorkingDays < 1)
      bad('overseer.decisionWorkingDays', 'Batas waktu keputusan pengawas paling sedikit 1 hari kerja');
    if (!isInt(o.escalationWorkingDays) || o.escalationWorkingDays < 1)
      bad('overseer.escalationWorkingDays', 'Batas waktu eskalasi paling sedikit 1 hari kerja');
  }
  problems.push(...validateLegalBasis(rules.legalBasis, 'rules.legalBasis'));
  return problems;
}

function validateEligibility(e: EligibilityRules | undefined, bad: (field: string, message: string) => void): void {
  if (!e) {
    bad('eligibility', 'Aturan persyaratan administrasi wajib diisi');
    return;
  }
  if (typeof e.version !== 'string' || e.version.trim() === '')
    bad('eligibility.version', 'Versi aturan persyaratan wajib diisi');
  if (!EDUCATION_LEVELS.includes(e.minEducation))
    bad('eligibility.minEducation', 'Jenjang pendidikan minimal tidak dikenal');
  if (!intInRange(e.skpYears, 0, 5)) bad('eligibility.skpYears', 'Jumlah tahun SKP harus bilangan bulat 0 sampai 5');
  if (!SKP_PREDICATES.includes(e.minSkpPredicate))
    bad('eligibility.minSkpPredicate', 'Predikat SKP minimal tidak dikenal');
  for (const level of JPT_LEVELS) {
    if (!isRank(e.minRank?.[level]))
      bad(`eligibility.minRank.${level}`, `Pangkat minimal untuk JPT ${level} tidak dikenal`);
    const r = e.levels?.[level];
    if (!r) {
      bad(`eligibility.levels.${level}`, `Persyaratan untuk JPT ${level} wajib diisi`);
      continue;
    }
    if (!inRange(r.relatedExperienceYears, 0, 40))
      bad(`eligibility.levels.${level}.relatedExperienceYears`, 'Lama pengalaman terkait harus 0 sampai 40 tahun');
    if (!inRange(r.qualifyingPostYears, 0, 40))
      bad(`eligibility.levels.${level}.qualifyingPostYears`, 'Lama menduduki jabatan syarat harus 0 sampai 40 tahun');
    if (!Array.isArray(r.qualifyingPostKinds) || r.qualifyingPostKinds.length === 0)
      bad(`eligibility.levels.${level}.qualifyingPostKinds`, 'Jabatan yang dipersyaratkan wajib diisi');
    if (!intInRange(r.maxAgeAtInauguration, 18, 70))
      bad(`eligibility.levels.${level}.maxAgeAtInauguration`, 'Batas usia harus bilangan bulat 18 sampai 70 tahun');
  }
}
