/**
 * An agency's talent configuration: its merit-index result, the approval of its talent-management
 * system, the scoring, gate and retirement rules, and the target posts whose succession-plan group
 * (KRS) is derived every year.
 */
import { isLocalDate, type LocalDate } from '../calendar';
import { JPT_LEVELS, type JptLevel } from '../levels';
import type { RuleProblem } from '../rules/problems';
import { DEFAULT_TALENT_GATE_RULES, validateTalentGateRules, type TalentGateRules } from './gate';
import { isNonEmptyString } from './internal';
import { defaultTalentScoringRules, validateTalentScoringRules, type TalentScoringRules } from './levels';
import { isMeritScore } from './merit';
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

export interface TalentSettings {
  agencyCode: string;
  /** Merit-system index score (100..400), null while not assessed. */
  meritIndexScore: number | null;
  meritAssessedOn: LocalDate | null;
  /** Overseer's approval of the agency's talent-management system. */
  talentSystemApproval: { approvedOn: LocalDate; reference: string } | null;
  scoring: TalentScoringRules;
  gate: TalentGateRules;
  retirement: RetirementRules;
  targetPosts: TargetPost[];
}

/** Settings of an agency that has configured nothing yet (fresh, mutable copies of the defaults). */
export function defaultTalentSettings(agencyCode: string): TalentSettings {
  return {
    agencyCode,
    meritIndexScore: null,
    meritAssessedOn: null,
    talentSystemApproval: null,
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
  if (s.meritIndexScore !== null && !isMeritScore(s.meritIndexScore))
    bad('meritIndexScore', 'Nilai indeks sistem merit harus 100 sampai 400');
  if (s.meritAssessedOn !== null && !isLocalDate(s.meritAssessedOn))
    bad('meritAssessedOn', 'Tanggal penilaian sistem merit tidak valid');
  if (s.meritIndexScore !== null && s.meritAssessedOn === null)
    bad('meritAssessedOn', 'Tanggal penilaian sistem merit wajib diisi bila nilai indeks diisi');

  const a = s.talentSystemApproval;
  if (a !== null) {
    if (!a || typeof a !== 'object') bad('talentSystemApproval', 'Persetujuan sistem manajemen talenta tidak valid');
    else {
      if (!isLocalDate(a.approvedOn))
        bad('talentSystemApproval.approvedOn', 'Tanggal persetujuan sistem manajemen talenta tidak valid');
      if (!isNonEmptyString(a.reference))
        bad('talentSystemApproval.reference', 'Nomor/rujukan persetujuan sistem manajemen talenta wajib diisi');
    }
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
