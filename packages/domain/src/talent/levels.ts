/**
 * Talent scoring (domain.md §3; domain-research §3.3): performance from SKP predicates, potential
 * from the assessment results and the track record, both turned into levels 1..3 for the nine-box.
 *
 * - Performance score: the mean of `skpPoints` of the predicates of the `skpYears` calendar years
 *   before `asOfYear` (2 decimals, half up). Several predicates in one year: the lowest counts (as in
 *   the eligibility check). A missing year leaves performance null, with the reason.
 * - Potential score: managerial × w1 + socio-cultural × w2 + track record × w3 (weights in percent).
 *   No assessment leaves potential null, with the reason.
 * - Track record null: no recorded findings. It counts as DEFAULT_TRACK_RECORD_POINTS (80, the points
 *   of an SKP "Baik": a clean record is a good record, not a perfect one) unless the rules set
 *   `trackRecordWhenMissing` (a number, or null to leave potential null until it is recorded). This
 *   keeps the yearly map of every employee possible, since track records are mostly traced during a
 *   selection; the substitution is reported in `notes`.
 * - Levels: score < medium → 1, < high → 2, otherwise 3 (so a score equal to a threshold is in the
 *   higher level).
 * - Talent score: (performanceWeight × performance + potentialWeight × potential) / 100; BKN 2025
 *   uses 50/50 [SECONDARY].
 *
 * All arithmetic is on integer hundredths (see rules/scoring), so results never drift. Bad employee
 * data (an unknown predicate, a score outside 0..100) never throws: it is reported in `missing`
 * and leaves the axis null. Invalid rules throw DomainError INVALID_RULES.
 */
import type { LocalDate } from '../calendar';
import { SKP_PREDICATES, type SkpPredicate } from '../contracts';
import { DomainError } from '../errors';
import { SKP_PREDICATE_NAMES, SKP_PREDICATE_ORDER } from '../rules/eligibility';
import type { RuleProblem } from '../rules/problems';
import { isValidScore, meanScore, toHundredths } from '../rules/scoring';
import { deepFreeze, fieldPath, intInRange, isNonEmptyString } from './internal';
import { isNineBoxNumbering, nineBox, type Level3, type NineBoxNumbering } from './nine-box';

export const TALENT_SCORING_RULES_VERSION = 'TALENTA-2026.1';

/** Points of a track record with no findings, when the rules do not say otherwise. */
export const DEFAULT_TRACK_RECORD_POINTS = 80;

export interface TalentScoringRules {
  version: string;
  /** Percent (integers summing to 100); BKN 2025: 50/50. */
  performanceWeight: number;
  potentialWeight: number;
  /** Calendar years before the mapping year whose SKP counts. */
  skpYears: number;
  /** SKP predicate → points 0..100. */
  skpPoints: Record<SkpPredicate, number>;
  /** Points → level: < medium → 1, < high → 2, else 3. */
  performanceThresholds: { medium: number; high: number };
  /** Percent (integers summing to 100). */
  potentialWeights: { managerial: number; socioCultural: number; trackRecord: number };
  potentialThresholds: { medium: number; high: number };
  numbering: NineBoxNumbering;
  /**
   * Points used when an employee has no track-record value. Undefined: DEFAULT_TRACK_RECORD_POINTS;
   * null: potential stays null until a track record is recorded.
   */
  trackRecordWhenMissing?: number | null;
}

export const DEFAULT_TALENT_SCORING_RULES: TalentScoringRules = deepFreeze({
  version: TALENT_SCORING_RULES_VERSION,
  performanceWeight: 50,
  potentialWeight: 50,
  skpYears: 2,
  skpPoints: { SANGAT_BAIK: 100, BAIK: 80, BUTUH_PERBAIKAN: 60, KURANG: 40, SANGAT_KURANG: 20 },
  performanceThresholds: { medium: 70, high: 90 },
  potentialWeights: { managerial: 40, socioCultural: 30, trackRecord: 30 },
  potentialThresholds: { medium: 70, high: 85 },
  numbering: 'PERMENPANRB_3_2020',
});

/** A fresh, mutable copy of the default scoring rules. */
export function defaultTalentScoringRules(): TalentScoringRules {
  const d = DEFAULT_TALENT_SCORING_RULES;
  return {
    ...d,
    skpPoints: { ...d.skpPoints },
    performanceThresholds: { ...d.performanceThresholds },
    potentialWeights: { ...d.potentialWeights },
    potentialThresholds: { ...d.potentialThresholds },
  };
}

function checkThresholds(
  t: { medium: number; high: number } | undefined,
  field: string,
  what: string,
  bad: (field: string, message: string) => void,
): void {
  if (!t || typeof t !== 'object') {
    bad(field, `Batas tingkat ${what} wajib diisi`);
    return;
  }
  if (!isValidScore(t.medium) || !isValidScore(t.high)) {
    if (!isValidScore(t.medium))
      bad(`${field}.medium`, `Batas tingkat ${what} menengah harus 0 sampai 100 dengan paling banyak 2 desimal`);
    if (!isValidScore(t.high))
      bad(`${field}.high`, `Batas tingkat ${what} tinggi harus 0 sampai 100 dengan paling banyak 2 desimal`);
    return;
  }
  if (t.medium >= t.high) bad(`${field}.medium`, `Batas tingkat ${what} menengah harus lebih kecil dari batas tinggi`);
}

function checkPercentWeights(
  entries: [string, unknown][],
  group: string,
  what: string,
  bad: (field: string, message: string) => void,
): void {
  let ok = true;
  for (const [key, w] of entries)
    if (!intInRange(w, 0, 100)) {
      ok = false;
      bad(`${group}.${key}`, `Bobot ${what} harus bilangan bulat 0 sampai 100`);
    }
  if (!ok) return;
  const sum = entries.reduce((acc, [, w]) => acc + (w as number), 0);
  if (sum !== 100) bad(group, `Jumlah bobot ${what} harus 100%, saat ini ${sum}%`);
}

/**
 * Checks scoring rules; every problem has code VALIDATION_FAILED and its field path prefixed with
 * `prefix` (e.g. 'scoring.' inside the talent settings).
 */
export function validateTalentScoringRules(r: TalentScoringRules, prefix = ''): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ code: 'VALIDATION_FAILED', field: fieldPath(prefix, field), message });
  if (!r || typeof r !== 'object') {
    bad('', 'Aturan penilaian talenta wajib diisi');
    return problems;
  }
  if (!isNonEmptyString(r.version)) bad('version', 'Versi aturan penilaian talenta wajib diisi');

  const pw = r.performanceWeight;
  const qw = r.potentialWeight;
  if (!intInRange(pw, 0, 100)) bad('performanceWeight', 'Bobot kinerja harus bilangan bulat 0 sampai 100');
  if (!intInRange(qw, 0, 100)) bad('potentialWeight', 'Bobot potensial harus bilangan bulat 0 sampai 100');
  if (intInRange(pw, 0, 100) && intInRange(qw, 0, 100) && pw + qw !== 100)
    bad('performanceWeight', `Jumlah bobot kinerja dan potensial harus 100%, saat ini ${pw + qw}%`);

  if (!intInRange(r.skpYears, 1, 5)) bad('skpYears', 'Jumlah tahun SKP harus bilangan bulat 1 sampai 5');

  if (!r.skpPoints || typeof r.skpPoints !== 'object') bad('skpPoints', 'Nilai predikat SKP wajib diisi');
  else {
    let allValid = true;
    for (const p of SKP_PREDICATES)
      if (!isValidScore(r.skpPoints[p])) {
        allValid = false;
        bad(`skpPoints.${p}`, `Nilai predikat SKP ${SKP_PREDICATE_NAMES[p]} harus 0 sampai 100`);
      }
    if (allValid)
      for (let i = 1; i < SKP_PREDICATES.length; i += 1) {
        const higher = SKP_PREDICATES[i - 1]!;
        const lower = SKP_PREDICATES[i]!;
        if (r.skpPoints[lower] > r.skpPoints[higher])
          bad(
            `skpPoints.${lower}`,
            `Nilai predikat ${SKP_PREDICATE_NAMES[lower]} tidak boleh melebihi nilai ${SKP_PREDICATE_NAMES[higher]}`,
          );
      }
  }

  checkThresholds(r.performanceThresholds, 'performanceThresholds', 'kinerja', bad);

  const w = r.potentialWeights;
  if (!w || typeof w !== 'object') bad('potentialWeights', 'Bobot unsur potensial wajib diisi');
  else
    checkPercentWeights(
      [
        ['managerial', w.managerial],
        ['socioCultural', w.socioCultural],
        ['trackRecord', w.trackRecord],
      ],
      'potentialWeights',
      'unsur potensial',
      bad,
    );

  checkThresholds(r.potentialThresholds, 'potentialThresholds', 'potensial', bad);

  if (!isNineBoxNumbering(r.numbering)) bad('numbering', 'Penomoran kotak talenta tidak dikenal');
  if (
    r.trackRecordWhenMissing !== undefined &&
    r.trackRecordWhenMissing !== null &&
    !isValidScore(r.trackRecordWhenMissing)
  )
    bad('trackRecordWhenMissing', 'Nilai rekam jejak pengganti harus 0 sampai 100');
  return problems;
}

export interface TalentInput {
  skp: { year: number; predicate: SkpPredicate }[];
  /** Latest valid assessment-centre result (the caller drops expired ones), or null. */
  assessment: { managerial: number; socioCultural: number; assessedAt: LocalDate } | null;
  /** Track-record score 0..100; null = nothing recorded (see trackRecordWhenMissing). */
  trackRecord: number | null;
}

export interface TalentScore {
  performanceScore: number | null;
  performance: Level3 | null;
  potentialScore: number | null;
  potential: Level3 | null;
  /** Nine-box box in the rules' numbering, when both axes are known. */
  box: number | null;
  /** Weighted total, 2 decimals, when both axes are known. */
  score: number | null;
  /** Why an axis is unknown (Bahasa Indonesia), e.g. 'SKP tahun 2025 belum ada'. */
  missing: string[];
  /** Substitutions made (Bahasa Indonesia), e.g. the default track record. */
  notes?: string[];
}

/** Level of a score: < medium → 1, < high → 2, else 3. */
export function levelOf(score: number, thresholds: { medium: number; high: number }): Level3 {
  if (score < thresholds.medium) return 1;
  if (score < thresholds.high) return 2;
  return 3;
}

/** Σ score × weight% with half-up rounding to 2 decimals (weights are integer percents). */
function weighted(parts: readonly (readonly [number, number])[]): number {
  const acc = parts.reduce((sum, [score, weight]) => sum + toHundredths(score) * weight, 0);
  // acc / 100 is the result in hundredths; round half up.
  return Math.floor((2 * acc + 100) / 200) / 100;
}

function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * Scores one employee for the talent map of `asOfYear` (the SKP years are the `skpYears` years
 * before it). Throws DomainError INVALID_RULES when `rules` are invalid and VALIDATION_FAILED when
 * `asOfYear` is not a year.
 */
export function scoreTalent(input: TalentInput, asOfYear: number, rules: TalentScoringRules): TalentScore {
  const problems = validateTalentScoringRules(rules);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new DomainError('INVALID_RULES', first.message, first.field);
  }
  if (!intInRange(asOfYear, 1900, 9999))
    throw new DomainError('VALIDATION_FAILED', `Tahun pemetaan tidak valid: ${asOfYear}`, 'asOfYear');

  const missing: string[] = [];
  const notes: string[] = [];

  // Performance.
  const points: number[] = [];
  let performanceKnown = true;
  for (let i = 1; i <= rules.skpYears; i += 1) {
    const year = asOfYear - i;
    const entries = (input.skp ?? []).filter((s) => s.year === year);
    if (entries.length === 0) {
      performanceKnown = false;
      missing.push(`SKP tahun ${year} belum ada`);
      continue;
    }
    const unknown = entries.find((s) => !(SKP_PREDICATES as readonly string[]).includes(s.predicate));
    if (unknown) {
      performanceKnown = false;
      missing.push(`Predikat SKP tahun ${year} tidak dikenal: ${String(unknown.predicate)}`);
      continue;
    }
    const worst = entries.reduce((a, b) =>
      SKP_PREDICATE_ORDER[b.predicate] < SKP_PREDICATE_ORDER[a.predicate] ? b : a,
    );
    points.push(rules.skpPoints[worst.predicate]);
  }
  const performanceScore = performanceKnown ? meanScore(points, 'skp') : null;
  const performance = performanceScore === null ? null : levelOf(performanceScore, rules.performanceThresholds);

  // Potential.
  let potentialScore: number | null = null;
  const a = input.assessment;
  let assessmentOk = false;
  if (!a) missing.push('Belum ada hasil asesmen');
  else {
    assessmentOk = true;
    if (!isValidScore(a.managerial)) {
      assessmentOk = false;
      missing.push(`Nilai asesmen kompetensi manajerial tidak valid: ${String(a.managerial)}`);
    }
    if (!isValidScore(a.socioCultural)) {
      assessmentOk = false;
      missing.push(`Nilai asesmen kompetensi sosial kultural tidak valid: ${String(a.socioCultural)}`);
    }
  }
  let track: number | null = null;
  if (input.trackRecord === null || input.trackRecord === undefined) {
    const fallback =
      rules.trackRecordWhenMissing === undefined ? DEFAULT_TRACK_RECORD_POINTS : rules.trackRecordWhenMissing;
    if (fallback === null) missing.push('Belum ada nilai rekam jejak');
    else {
      track = fallback;
      notes.push(`Belum ada nilai rekam jejak; dihitung ${formatNumber(fallback)} (tidak ada catatan temuan)`);
    }
  } else if (!isValidScore(input.trackRecord))
    missing.push(`Nilai rekam jejak tidak valid: ${String(input.trackRecord)}`);
  else track = input.trackRecord;

  if (a && assessmentOk && track !== null) {
    const w = rules.potentialWeights;
    potentialScore = weighted([
      [a.managerial, w.managerial],
      [a.socioCultural, w.socioCultural],
      [track, w.trackRecord],
    ]);
  }
  const potential = potentialScore === null ? null : levelOf(potentialScore, rules.potentialThresholds);

  const box = potential !== null && performance !== null ? nineBox(potential, performance, rules.numbering) : null;
  const score =
    performanceScore !== null && potentialScore !== null
      ? weighted([
          [performanceScore, rules.performanceWeight],
          [potentialScore, rules.potentialWeight],
        ])
      : null;

  return { performanceScore, performance, potentialScore, potential, box, score, missing, notes };
}
