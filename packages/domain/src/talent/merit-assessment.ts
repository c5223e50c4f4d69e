/**
 * The merit-system assessment (domain.md §4, PermenPANRB 40/2018): the agency scores itself aspect by
 * aspect with a note and evidence, the overseer (BKN / KemenPANRB) reviews it, may adjust any aspect's
 * score with a reason, returns it for correction or validates it. Only a validated assessment yields
 * the merit index (100–400) and its category, which the talent route's gate reads.
 *
 * The aspects, their weights and score ranges are configuration pinned on each assessment when it is
 * started; the defaults below are the eight areas of ASN management the assessment covers in practice
 * (not taken from the regulation's form: verify the current instrument and adjust the configuration).
 *
 * Index = 100 + 300 × Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ, rounded to two decimals: every aspect at its
 * lowest score gives 100, every aspect at its highest 400. With the default 1–4 scale and equal weights
 * this is 100 × the mean score.
 */
import type { Actor } from '../roles';
import type { RuleProblem } from '../rules/problems';
import { isNonEmptyString } from './internal';
import { MERIT_SCORE_MAX, MERIT_SCORE_MIN, meritCategoryOf, type MeritCategory } from './merit';

export interface MeritAspect {
  /** Stable code, e.g. NEEDS_PLANNING. */
  code: string;
  /** Indonesian name shown to the agency and the overseer. */
  name: string;
  /** Relative weight (> 0); weights need not sum to anything. */
  weight: number;
  minScore: number;
  maxScore: number;
}

export interface MeritAspectConfig {
  /** Names the configuration pinned on an assessment. */
  version: string;
  aspects: MeritAspect[];
}

const aspect = (code: string, name: string): MeritAspect => ({ code, name, weight: 1, minScore: 1, maxScore: 4 });

/** From practice: the eight aspects, equal weights, each scored 1 (lowest) to 4 (highest). */
export const DEFAULT_MERIT_ASPECT_CONFIG: MeritAspectConfig = Object.freeze({
  version: 'praktik-2024',
  aspects: [
    aspect('NEEDS_PLANNING', 'Perencanaan kebutuhan'),
    aspect('PROCUREMENT', 'Pengadaan'),
    aspect('CAREER_DEVELOPMENT', 'Pengembangan karier'),
    aspect('PROMOTION_TRANSFER', 'Promosi dan mutasi'),
    aspect('PERFORMANCE_MANAGEMENT', 'Manajemen kinerja'),
    aspect('PAY_AWARDS_DISCIPLINE', 'Penggajian, penghargaan, dan disiplin'),
    aspect('PROTECTION_SERVICES', 'Perlindungan dan pelayanan'),
    aspect('INFORMATION_SYSTEM', 'Sistem informasi'),
  ].map((a) => Object.freeze(a)),
}) as MeritAspectConfig;

/** Fresh, mutable copy of the default configuration. */
export function defaultMeritAspectConfig(): MeritAspectConfig {
  return {
    version: DEFAULT_MERIT_ASPECT_CONFIG.version,
    aspects: DEFAULT_MERIT_ASPECT_CONFIG.aspects.map((a) => ({ ...a })),
  };
}

export function validateMeritAspectConfig(config: MeritAspectConfig): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ code: 'VALIDATION_FAILED', field, message });
  if (!isNonEmptyString(config?.version)) bad('version', 'Versi konfigurasi aspek wajib diisi');
  if (!Array.isArray(config?.aspects) || config.aspects.length === 0) {
    bad('aspects', 'Paling sedikit satu aspek penilaian sistem merit');
    return problems;
  }
  const seen = new Set<string>();
  config.aspects.forEach((a, i) => {
    const at = `aspects.${i}`;
    if (!isNonEmptyString(a?.code) || !/^[A-Z0-9_]{1,40}$/.test(a.code))
      bad(`${at}.code`, 'Kode aspek hanya huruf besar, angka dan _ (paling banyak 40)');
    else if (seen.has(a.code)) bad(`${at}.code`, `Kode aspek ${a.code} ganda`);
    else seen.add(a.code);
    if (!isNonEmptyString(a?.name)) bad(`${at}.name`, 'Nama aspek wajib diisi');
    if (typeof a?.weight !== 'number' || !Number.isFinite(a.weight) || a.weight <= 0)
      bad(`${at}.weight`, 'Bobot aspek harus bilangan lebih dari 0');
    if (
      typeof a?.minScore !== 'number' ||
      typeof a?.maxScore !== 'number' ||
      !Number.isFinite(a.minScore) ||
      !Number.isFinite(a.maxScore) ||
      a.minScore >= a.maxScore
    )
      bad(`${at}.maxScore`, 'Rentang nilai aspek tidak valid (nilai terendah harus di bawah nilai tertinggi)');
  });
  return problems;
}

/** One aspect's score as given by the agency and, when the overseer changed it, as adjusted. */
export interface MeritAspectScore {
  code: string;
  /** The agency's self-assessed score; null while not filled in. */
  score: number | null;
  note: string | null;
  /** The overseer's score, replacing the agency's for the index; null when not adjusted. */
  adjustedScore: number | null;
  adjustmentReason: string | null;
}

/** The score that counts: the overseer's when adjusted, otherwise the agency's. */
export function effectiveScore(s: MeritAspectScore): number | null {
  return s.adjustedScore ?? s.score;
}

/** A problem when `score` is no number within the aspect's range (at most two decimals). */
export function aspectScoreProblem(a: MeritAspect, score: unknown): string | null {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < a.minScore || score > a.maxScore)
    return `Nilai aspek ${a.name} harus ${a.minScore} sampai ${a.maxScore}`;
  if (Math.abs(Math.round(score * 100) - score * 100) > 1e-6)
    return `Nilai aspek ${a.name} paling banyak dua angka desimal`;
  return null;
}

export interface MeritIndex {
  index: number;
  category: MeritCategory;
}

/**
 * The index and category from the effective aspect scores. Every aspect of the configuration must be
 * scored within its range: a missing or invalid score is a VALIDATION_FAILED problem naming
 * `aspects.<code>`, and no index is given.
 */
export function computeMeritIndex(
  config: MeritAspectConfig,
  scores: readonly Pick<MeritAspectScore, 'code' | 'score' | 'adjustedScore'>[],
): { ok: true; value: MeritIndex } | { ok: false; problems: RuleProblem[] } {
  const problems = validateMeritAspectConfig(config);
  if (problems.length > 0) return { ok: false, problems };
  const byCode = new Map(scores.map((s) => [s.code, s]));
  let weighted = 0;
  let weights = 0;
  for (const a of config.aspects) {
    const s = byCode.get(a.code);
    const value = s ? (s.adjustedScore ?? s.score) : null;
    if (value === null || value === undefined) {
      problems.push({
        code: 'VALIDATION_FAILED',
        field: `aspects.${a.code}`,
        message: `Aspek ${a.name} belum dinilai`,
      });
      continue;
    }
    const problem = aspectScoreProblem(a, value);
    if (problem) {
      problems.push({ code: 'VALIDATION_FAILED', field: `aspects.${a.code}`, message: problem });
      continue;
    }
    weighted += a.weight * ((value - a.minScore) / (a.maxScore - a.minScore));
    weights += a.weight;
  }
  for (const s of scores) {
    if (!config.aspects.some((a) => a.code === s.code))
      problems.push({
        code: 'VALIDATION_FAILED',
        field: `aspects.${s.code}`,
        message: `Aspek ${s.code} tidak dikenal`,
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  const raw = MERIT_SCORE_MIN + (MERIT_SCORE_MAX - MERIT_SCORE_MIN) * (weighted / weights);
  // Two decimals, kept inside 100..400 against floating-point drift.
  const index = Math.min(MERIT_SCORE_MAX, Math.max(MERIT_SCORE_MIN, Math.round(raw * 100) / 100));
  return { ok: true, value: { index, category: meritCategoryOf(index) } };
}

// ---------------------------------------------------------------------------------------------
// States and decisions

export const MERIT_ASSESSMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'VALIDATED'] as const;
export type MeritAssessmentStatus = (typeof MERIT_ASSESSMENT_STATUSES)[number];

export const MERIT_ASSESSMENT_STATUS_NAMES: Record<MeritAssessmentStatus, string> = {
  DRAFT: 'Draf',
  SUBMITTED: 'Diajukan',
  RETURNED: 'Dikembalikan untuk perbaikan',
  VALIDATED: 'Divalidasi',
};

/** Every decision on an agency's talent gate, recorded with who, when and why. */
export const TALENT_GATE_DECISION_KINDS = [
  'ASSESSMENT_SUBMITTED',
  'ASSESSMENT_ADJUSTED',
  'ASSESSMENT_RETURNED',
  'ASSESSMENT_VALIDATED',
  'TALENT_SYSTEM_APPROVED',
  'TALENT_SYSTEM_WITHDRAWN',
] as const;
export type TalentGateDecisionKind = (typeof TALENT_GATE_DECISION_KINDS)[number];

/** Actions on an assessment, by whom they are taken. */
export const MERIT_ASSESSMENT_ACTIONS = {
  EDIT: 'AGENCY',
  SUBMIT: 'AGENCY',
  ADJUST: 'OVERSEER',
  RETURN: 'OVERSEER',
  VALIDATE: 'OVERSEER',
} as const;
export type MeritAssessmentAction = keyof typeof MERIT_ASSESSMENT_ACTIONS;

/** The states each action is allowed in, and the state it leads to. */
const TRANSITIONS: Record<
  MeritAssessmentAction,
  { from: readonly MeritAssessmentStatus[]; to: MeritAssessmentStatus | null }
> = {
  EDIT: { from: ['DRAFT', 'RETURNED'], to: null },
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  ADJUST: { from: ['SUBMITTED'], to: null },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  VALIDATE: { from: ['SUBMITTED'], to: 'VALIDATED' },
};

const WRONG_STATE: Record<MeritAssessmentAction, string> = {
  EDIT: 'Penilaian hanya dapat diubah selagi draf atau dikembalikan untuk perbaikan',
  SUBMIT: 'Penilaian hanya dapat diajukan dari draf atau setelah dikembalikan untuk perbaikan',
  ADJUST: 'Nilai hanya dapat disesuaikan pada penilaian yang sedang diajukan',
  RETURN: 'Hanya penilaian yang sedang diajukan yang dapat dikembalikan',
  VALIDATE:
    'Hanya penilaian yang sedang diajukan yang dapat divalidasi; penilaian yang dikembalikan harus diajukan ulang',
};

/**
 * The state after `action`, or a WRONG_STAGE problem (field `assessmentId`) when the action is not
 * allowed in `status`. EDIT and ADJUST keep the state.
 */
export function meritAssessmentTransition(
  status: MeritAssessmentStatus,
  action: MeritAssessmentAction,
): { ok: true; next: MeritAssessmentStatus } | { ok: false; problem: RuleProblem } {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status))
    return {
      ok: false,
      problem: {
        code: 'WRONG_STAGE',
        field: 'assessmentId',
        message: `${WRONG_STATE[action]} (status sekarang: ${MERIT_ASSESSMENT_STATUS_NAMES[status]})`,
      },
    };
  return { ok: true, next: t.to ?? status };
}

/** Overseer's approval of the agency's talent-management system as recorded (null when withdrawn or never given). */
export interface TalentSystemApprovalRecord {
  approvedOn: string;
  reference: string;
  decisionId: string;
  by: Actor;
  at: string;
}

// ---------------------------------------------------------------------------------------------
// Records exchanged with services/assessment

/** A PDF the agency attached to an aspect as evidence (metadata; the bytes stay in the service). */
export interface MeritEvidenceDto {
  id: string;
  assessmentId: string;
  agencyCode: string;
  aspectCode: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: Actor;
}

export interface MeritAssessmentDto {
  /** `MA-<agency>-<n>`: the agency's n-th assessment. */
  id: string;
  agencyCode: string;
  /** Year assessed, e.g. '2026'. */
  period: string;
  status: MeritAssessmentStatus;
  /** Aspects, weights and ranges pinned when the assessment was started. */
  config: MeritAspectConfig;
  aspects: MeritAspectScore[];
  evidence: MeritEvidenceDto[];
  /** Increases with every change; a write names the version it read. */
  version: number;
  /** How often it was submitted (1 for the first submission). */
  submissions: number;
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  returnReason: string | null;
  validatedAt: string | null;
  /** Only once validated. */
  index: number | null;
  category: MeritCategory | null;
}

/** One decision on an agency's talent gate (append-only). */
export interface TalentGateDecisionDto {
  decisionId: string;
  agencyCode: string;
  kind: TalentGateDecisionKind;
  /** The assessment decided on; null for approvals and withdrawals. */
  assessmentId: string | null;
  by: Actor;
  at: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

/** What the gate reads: the latest validated assessment and the standing approval, both from decisions. */
export interface TalentGateStateDto {
  agencyCode: string;
  validated: {
    assessmentId: string;
    period: string;
    index: number;
    category: MeritCategory;
    validatedOn: string;
    decisionId: string;
  } | null;
  approval: TalentSystemApprovalRecord | null;
}

export type MeritAssessmentDecisionRequest =
  | { action: 'SUBMIT'; expectedVersion: number; by: Actor; reason?: string | null }
  | { action: 'ADJUST'; expectedVersion: number; by: Actor; reason: string; aspectCode: string; score: number }
  | { action: 'RETURN'; expectedVersion: number; by: Actor; reason: string }
  | { action: 'VALIDATE'; expectedVersion: number; by: Actor; reason?: string | null; validatedOn: string };

export type TalentSystemApprovalRequest =
  | { action: 'APPROVE'; by: Actor; reason: string; approvedOn: string; reference: string }
  | { action: 'WITHDRAW'; by: Actor; reason: string; withdrawnOn: string; reference: string };
