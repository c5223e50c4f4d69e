/**
 * An agency's talent configuration: the scoring, gate and retirement rules, and the target posts whose
 * succession-plan group (KRS) is derived every year. The merit index and the approval of the
 * talent-management system are not settings: they are the overseer's decisions (merit-assessment.ts).
 */
import type { LocalDate } from '../calendar';
import { JPT_LEVELS, type JptLevel } from '../levels';
import type { RuleProblem } from '../rules/problems';
import { DEFAULT_TALENT_GATE_RULES, validateTalentGateRules, type TalentGateRules } from './gate';
import { isNonEmptyString } from './internal';
import { defaultTalentScoringRules, validateTalentScoringRules, type TalentScoringRules } from './levels';
import { DEFAULT_RETIREMENT_RULES, validateRetirementRules, type RetirementRules } from './succession';

/** A critical post (jabatan target) filled from the talent pool. */
export interface TargetPost {
  id: string;
  title: string;
  level: JptLevel;
  unit: string;
  /** Field of duty for related experience; null = any managerial or expert post. */
  field?: string | null;
}

/**
 * The merit index and approval an agency once set in its own settings, before they became the
 * overseer's decisions: kept to be shown as awaiting the overseer's validation, never read by the gate.
 */
export interface LegacyTalentGateValues {
  meritIndexScore: number | null;
  meritAssessedOn: LocalDate | null;
  talentSystemApproval: { approvedOn: LocalDate; reference: string } | null;
}

/** Keys that were settings before the overseer owned the gate. */
export const LEGACY_TALENT_GATE_KEYS = ['meritIndexScore', 'meritAssessedOn', 'talentSystemApproval'] as const;

export interface TalentSettings {
  agencyCode: string;
  scoring: TalentScoringRules;
  gate: TalentGateRules;
  retirement: RetirementRules;
  targetPosts: TargetPost[];
  /** Unvalidated values set through the settings before; absent for agencies that never set them. */
  legacyGate?: LegacyTalentGateValues | null;
}

/**
 * Moves the gate values of settings stored before the overseer owned the gate into `legacyGate`
 * (read-time migration: nothing is rewritten). Settings without them are answered unchanged.
 */
export function migrateLegacyTalentSettings<T extends object>(stored: T): T {
  if (!LEGACY_TALENT_GATE_KEYS.some((k) => k in stored)) return stored;
  const { meritIndexScore, meritAssessedOn, talentSystemApproval, ...rest } = stored as Record<string, unknown>;
  const legacy: LegacyTalentGateValues = {
    meritIndexScore: typeof meritIndexScore === 'number' ? meritIndexScore : null,
    meritAssessedOn: typeof meritAssessedOn === 'string' ? meritAssessedOn : null,
    talentSystemApproval:
      talentSystemApproval && typeof talentSystemApproval === 'object'
        ? (talentSystemApproval as LegacyTalentGateValues['talentSystemApproval'])
        : null,
  };
  const any = legacy.meritIndexScore !== null || legacy.talentSystemApproval !== null;
  return { ...rest, ...(any ? { legacyGate: legacy } : {}) } as unknown as T;
}

/** Settings of an agency that has configured nothing yet (fresh, mutable copies of the defaults). */
export function defaultTalentSettings(agencyCode: string): TalentSettings {
  return {
    agencyCode,
    scoring: defaultTalentScoringRules(),
    gate: { ...DEFAULT_TALENT_GATE_RULES },
    retirement: {
      retirementAgeByLevel: { ...DEFAULT_RETIREMENT_RULES.retirementAgeByLevel },
      excludeWithinMonths: DEFAULT_RETIREMENT_RULES.excludeWithinMonths,
    },
    targetPosts: [],
  };
}

/** Every problem of the settings (empty when valid), with field paths such as 'scoring.performanceWeight'. */
export function validateTalentSettings(s: TalentSettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ code: 'VALIDATION_FAILED', field, message });

  if (!isNonEmptyString(s.agencyCode)) bad('agencyCode', 'Kode instansi wajib diisi');
  for (const key of LEGACY_TALENT_GATE_KEYS) {
    if (key in s)
      bad(
        key,
        key === 'talentSystemApproval'
          ? 'Persetujuan sistem manajemen talenta diberikan oleh pengawas, bukan diatur instansi'
          : 'Indeks sistem merit hanya berasal dari penilaian mandiri yang divalidasi pengawas',
      );
  }

  problems.push(
    ...validateTalentScoringRules(s.scoring, 'scoring.'),
    ...validateTalentGateRules(s.gate, 'gate.'),
    ...validateRetirementRules(s.retirement, 'retirement.'),
  );

  if (!Array.isArray(s.targetPosts)) bad('targetPosts', 'Daftar jabatan target wajib berupa daftar');
  else {
    const seen = new Set<string>();
    s.targetPosts.forEach((p, i) => {
      const at = `targetPosts.${i}`;
      if (!isNonEmptyString(p?.id)) bad(`${at}.id`, 'ID jabatan target wajib diisi');
      else if (seen.has(p.id)) bad(`${at}.id`, `ID jabatan target ${p.id} ganda`);
      else seen.add(p.id);
      if (!isNonEmptyString(p?.title)) bad(`${at}.title`, 'Nama jabatan target wajib diisi');
      if (!(JPT_LEVELS as readonly string[]).includes(p?.level))
        bad(`${at}.level`, 'Jenjang jabatan target harus JPT Utama, Madya, atau Pratama');
      if (!isNonEmptyString(p?.unit)) bad(`${at}.unit`, 'Unit kerja jabatan target wajib diisi');
      if (p?.field !== undefined && p.field !== null && typeof p.field !== 'string')
        bad(`${at}.field`, 'Bidang tugas jabatan target harus berupa teks');
    });
  }
  return problems;
}
