/**
 * The ASN professionalism index (Indeks Profesionalitas ASN, PermenPANRB 38/2018; procedure Perban BKN
 * 8/2019) of one employee for one period (a calendar year), from the profile the agency imports:
 *
 * - qualification: the highest formal education;
 * - competency development: leadership training held and development hours (JP) in the year;
 * - performance: the SKP predicate of the year;
 * - discipline: the most severe sanction imposed in the year (or the years before, see `disciplineYears`).
 *
 * Every dimension is scored 0–100 from a table; the index is the weighted sum (weights in %, summing to
 * 100), two decimals. Weights and tables are configuration (`IpAsnSettings`): only the qualification
 * weight (25 %) and the top of its table (S3 = 25, S2 = 20 of 25 points) are sourced [S63]; the other
 * weights (40 / 30 / 5) are commonly cited but NOT confirmed from the regulation's text, and the other
 * table values are defaults of this project. Pure: no I/O.
 */
import { EDUCATION_LEVELS, SANCTION_LEVELS, SKP_PREDICATES, type ProfileDto, type SanctionLevel } from '../contracts';
import type { RuleProblem } from '../rules/problems';
import { deepFreeze, intInRange, isNonEmptyString } from './internal';

export const IP_ASN_DIMENSIONS = ['QUALIFICATION', 'COMPETENCY', 'PERFORMANCE', 'DISCIPLINE'] as const;
export type IpAsnDimension = (typeof IP_ASN_DIMENSIONS)[number];

export const IP_ASN_DIMENSION_NAMES: Record<IpAsnDimension, string> = {
  QUALIFICATION: 'Kualifikasi',
  COMPETENCY: 'Kompetensi',
  PERFORMANCE: 'Kinerja',
  DISCIPLINE: 'Disiplin',
};

/** Highest first. */
export const IP_ASN_CATEGORIES = ['SANGAT_TINGGI', 'TINGGI', 'SEDANG', 'RENDAH', 'SANGAT_RENDAH'] as const;
export type IpAsnCategory = (typeof IP_ASN_CATEGORIES)[number];

export const IP_ASN_CATEGORY_NAMES: Record<IpAsnCategory, string> = {
  SANGAT_TINGGI: 'Sangat Tinggi',
  TINGGI: 'Tinggi',
  SEDANG: 'Sedang',
  RENDAH: 'Rendah',
  SANGAT_RENDAH: 'Sangat Rendah',
};

/**
 * Sangat Tinggi 91–100, Tinggi 81–90, Sedang 71–80, Rendah 61–70, Sangat Rendah ≤ 60 [S63]. The bands are
 * written in whole numbers; a score between two bands (90.5) belongs to the higher one, since only
 * "≤ 60" is closed from above: every band is "above the previous band's upper bound".
 */
export function ipAsnCategory(score: number): IpAsnCategory {
  if (!Number.isFinite(score)) throw new RangeError(`IP ASN score is not a number: ${score}`);
  if (score > 90) return 'SANGAT_TINGGI';
  if (score > 80) return 'TINGGI';
  if (score > 70) return 'SEDANG';
  if (score > 60) return 'RENDAH';
  return 'SANGAT_RENDAH';
}

export interface IpAsnSettings {
  version: string;
  /** Percent per dimension, integers summing to 100. */
  weights: Record<IpAsnDimension, number>;
  /** Score 0–100 per education level. */
  qualification: Record<(typeof EDUCATION_LEVELS)[number], number>;
  competency: {
    /** Points (of 100) for having completed a leadership training (PIM/PKN/PKA/PKP/Latsar…). */
    leadershipTraining: number;
    /** Points (of 100) for reaching `hoursTarget` development hours in the year; fewer hours earn a share. */
    developmentHours: number;
    /** Hours (JP) a year every civil servant is entitled to (PP 11/2017: at least 20 JP a year). */
    hoursTarget: number;
  };
  /** Score 0–100 per SKP predicate of the period's year; a year without SKP scores `missing`. */
  performance: Record<(typeof SKP_PREDICATES)[number], number> & { missing: number };
  /** Score 0–100 by the most severe sanction in the window; NONE without one. */
  discipline: Record<SanctionLevel | 'NONE', number>;
  /** Sanctions imposed in the period's year and the `disciplineYears - 1` years before count. */
  disciplineYears: number;
}

/**
 * The defaults. Qualification: 25/20/15/15/10/1 points of its 25 %, as 0–100 (S3 and S2 sourced, the rest
 * recalled). Weights 40/30/5 for competency/performance/discipline: commonly cited, NOT confirmed.
 */
export const DEFAULT_IP_ASN_SETTINGS: IpAsnSettings = deepFreeze({
  version: 'ipasn-default-2026',
  weights: { QUALIFICATION: 25, COMPETENCY: 40, PERFORMANCE: 30, DISCIPLINE: 5 },
  qualification: { S3: 100, S2: 80, S1: 60, D4: 60, D3: 40, SMA: 4 },
  competency: { leadershipTraining: 40, developmentHours: 60, hoursTarget: 20 },
  performance: { SANGAT_BAIK: 100, BAIK: 80, BUTUH_PERBAIKAN: 60, KURANG: 40, SANGAT_KURANG: 20, missing: 0 },
  discipline: { NONE: 100, RINGAN: 60, SEDANG: 40, BERAT: 0 },
  disciplineYears: 1,
});

const score100 = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Every problem of a settings object (code VALIDATION_FAILED, a field path, a message in Bahasa Indonesia). */
export function validateIpAsnSettings(s: IpAsnSettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ code: 'VALIDATION_FAILED', field, message });
  if (!s || typeof s !== 'object') return [{ code: 'VALIDATION_FAILED', field: '', message: 'Pengaturan wajib diisi' }];
  if (!isNonEmptyString(s.version)) bad('version', 'Versi pengaturan IP ASN wajib diisi');
  let sum = 0;
  for (const d of IP_ASN_DIMENSIONS) {
    const w = s.weights?.[d];
    if (!intInRange(w, 0, 100)) bad(`weights.${d}`, `Bobot ${IP_ASN_DIMENSION_NAMES[d]} harus bilangan bulat 0–100`);
    else sum += w;
  }
  if (problems.length === 0 && sum !== 100) bad('weights', `Jumlah bobot keempat dimensi harus 100%, saat ini ${sum}%`);
  for (const e of EDUCATION_LEVELS)
    if (!score100(s.qualification?.[e])) bad(`qualification.${e}`, `Nilai pendidikan ${e} harus 0–100`);
  const c = s.competency;
  if (!score100(c?.leadershipTraining))
    bad('competency.leadershipTraining', 'Nilai pelatihan kepemimpinan harus 0–100');
  if (!score100(c?.developmentHours)) bad('competency.developmentHours', 'Nilai jam pengembangan harus 0–100');
  if (
    score100(c?.leadershipTraining) &&
    score100(c?.developmentHours) &&
    c.leadershipTraining + c.developmentHours > 100
  )
    bad('competency', 'Jumlah nilai pelatihan kepemimpinan dan jam pengembangan paling banyak 100');
  if (!intInRange(c?.hoursTarget, 1, 1000))
    bad('competency.hoursTarget', 'Target JP setahun harus bilangan bulat 1–1000');
  for (const p of [...SKP_PREDICATES, 'missing'] as const)
    if (!score100(s.performance?.[p])) bad(`performance.${p}`, `Nilai kinerja ${p} harus 0–100`);
  for (const l of ['NONE', ...SANCTION_LEVELS] as const)
    if (!score100(s.discipline?.[l])) bad(`discipline.${l}`, `Nilai disiplin ${l} harus 0–100`);
  if (!intInRange(s.disciplineYears, 1, 10)) bad('disciplineYears', 'Jumlah tahun hukuman disiplin harus 1–10');
  return problems;
}

/** What the index needs of a profile (a projection of `ProfileDto`). */
export type IpAsnInput = Pick<
  ProfileDto,
  'education' | 'skp' | 'trainings' | 'developmentHours' | 'sanctions' | 'disciplinarySanction'
>;

/** A data gap that cost points (shown to the agency so it can complete its import). */
export const IP_ASN_GAPS = ['NO_SKP', 'NO_DEVELOPMENT_HOURS', 'UNDATED_SANCTION'] as const;
export type IpAsnGap = (typeof IP_ASN_GAPS)[number];

export const IP_ASN_GAP_TEXT_ID: Record<IpAsnGap, string> = {
  NO_SKP: 'Predikat SKP tahun ini belum ada pada data yang diimpor (dinilai 0)',
  NO_DEVELOPMENT_HOURS: 'JP pengembangan kompetensi tahun ini belum ada pada data yang diimpor',
  UNDATED_SANCTION: 'Hukuman disiplin sedang/berat tanpa riwayat bertanggal (dihitung sebagai hukuman sedang)',
};

export interface IpAsnResult {
  period: number;
  /** Weighted sum, 0–100, two decimals. */
  total: number;
  category: IpAsnCategory;
  /** Each dimension's 0–100 score, its weight (%) and its share of the total (score × weight / 100). */
  dimensions: { dimension: IpAsnDimension; score: number; weight: number; weighted: number }[];
  gaps: IpAsnGap[];
  settingsVersion: string;
}

const SEVERITY: Record<SanctionLevel, number> = { RINGAN: 1, SEDANG: 2, BERAT: 3 };
/** Leadership trainings as registers write them: PIM I–IV / Diklatpim, PKN, PKA, PKP, Latsar / Prajabatan excluded. */
const LEADERSHIP = /\b(PIM|DIKLATPIM|PKN|PKA|PKP|PELATIHAN KEPEMIMPINAN|SPAMEN|SPAMA|SESPIM|LEMHANNAS)\b/i;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The employee's index for the period (a year), with the four dimension scores. */
export function scoreIpAsn(p: IpAsnInput, period: number, s: IpAsnSettings = DEFAULT_IP_ASN_SETTINGS): IpAsnResult {
  const gaps: IpAsnGap[] = [];

  const qualification = s.qualification[p.education] ?? 0;

  const leadership = (p.trainings ?? []).some((t) => LEADERSHIP.test(t)) ? s.competency.leadershipTraining : 0;
  const hours = p.developmentHours?.find((h) => h.year === period)?.hours;
  if (hours === undefined) gaps.push('NO_DEVELOPMENT_HOURS');
  const hoursShare = Math.min(1, (hours ?? 0) / s.competency.hoursTarget);
  const competency = leadership + s.competency.developmentHours * hoursShare;

  const skp = p.skp.find((x) => x.year === period)?.predicate;
  if (!skp) gaps.push('NO_SKP');
  const performance = skp ? s.performance[skp] : s.performance.missing;

  const from = period - s.disciplineYears + 1;
  let worst: SanctionLevel | 'NONE' = 'NONE';
  for (const x of p.sanctions ?? []) {
    const y = Number(x.since.slice(0, 4));
    if (y >= from && y <= period && (worst === 'NONE' || SEVERITY[x.level] > SEVERITY[worst])) worst = x.level;
  }
  // The register's flag (a moderate or severe sanction, undated) without a dated history: counted as a
  // moderate one in the period, so that a missing history never raises the score.
  if (worst === 'NONE' && p.disciplinarySanction && !(p.sanctions ?? []).some((x) => x.level !== 'RINGAN')) {
    worst = 'SEDANG';
    gaps.push('UNDATED_SANCTION');
  }
  const discipline = s.discipline[worst];

  const scores: Record<IpAsnDimension, number> = {
    QUALIFICATION: qualification,
    COMPETENCY: round2(competency),
    PERFORMANCE: performance,
    DISCIPLINE: discipline,
  };
  const dimensions = IP_ASN_DIMENSIONS.map((d) => ({
    dimension: d,
    score: scores[d],
    weight: s.weights[d],
    weighted: round2((scores[d] * s.weights[d]) / 100),
  }));
  // Summed from the unrounded shares, then rounded once.
  const total = round2(IP_ASN_DIMENSIONS.reduce((a, d) => a + (scores[d] * s.weights[d]) / 100, 0));
  return { period, total, category: ipAsnCategory(total), dimensions, gaps, settingsVersion: s.version };
}

/** Employees per category plus the sum of totals: what a batch returns and a summary adds up. */
export interface IpAsnTally {
  employees: number;
  /** Sum of totals in hundredths (integers, so that adding batches never drifts). */
  totalHundredths: number;
  counts: Record<IpAsnCategory, number>;
}

export function emptyIpAsnTally(): IpAsnTally {
  return {
    employees: 0,
    totalHundredths: 0,
    counts: { SANGAT_TINGGI: 0, TINGGI: 0, SEDANG: 0, RENDAH: 0, SANGAT_RENDAH: 0 },
  };
}

export function addToIpAsnTally(t: IpAsnTally, r: Pick<IpAsnResult, 'total' | 'category'>): void {
  t.employees += 1;
  t.totalHundredths += Math.round(r.total * 100);
  t.counts[r.category] += 1;
}

export function mergeIpAsnTallies(a: IpAsnTally, b: IpAsnTally): IpAsnTally {
  const out = emptyIpAsnTally();
  out.employees = a.employees + b.employees;
  out.totalHundredths = a.totalHundredths + b.totalHundredths;
  for (const c of IP_ASN_CATEGORIES) out.counts[c] = a.counts[c] + b.counts[c];
  return out;
}

/** The average (two decimals) and its category; null for an agency without employees. */
export function ipAsnAverage(t: IpAsnTally): { average: number; category: IpAsnCategory } | null {
  if (t.employees === 0) return null;
  const average = Math.round(t.totalHundredths / t.employees) / 100;
  return { average, category: ipAsnCategory(average) };
}

/** An agency's distribution for a period, as stored by the candidate service. */
export interface IpAsnSummaryDto extends IpAsnTally {
  agencyCode: string;
  period: number;
  average: number | null;
  category: IpAsnCategory | null;
  settingsVersion: string;
  weights: Record<IpAsnDimension, number>;
  computedAt: string;
}

/** One employee's stored index for a period. */
export interface IpAsnScoreDto extends IpAsnResult {
  profileId: string;
  agencyCode: string;
  computedAt: string;
}

/** What a batch of slots scored: its tally and the next slot (null when the range is done). */
export interface IpAsnSlotsResult {
  tally: IpAsnTally;
  nextSlot: number | null;
}
