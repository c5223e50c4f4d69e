/**
 * Gate of the talent-pool route (domain.md §3; domain-research §3.1): an agency may fill a JPT post
 * from its talent pool only when
 * 1. its merit-system index is at least `minMeritCategory` (Baik by default; some sources say
 *    Sangat Baik, so it is configurable),
 * 2. its talent-management system is approved by the overseer (formerly KASN, now BKN), and
 * (both from the overseer's recorded decisions: merit-assessment.ts; never from the agency's settings)
 * 3. its talent map is recent: the latest mapping is at most `maxMapAgeMonths` old on `asOf`
 *    (a map made exactly 12 months earlier, same day of month, still counts).
 * Each failed condition gives one Indonesian reason. Bad data (a score outside 100..400, an
 * approval dated after `asOf`) closes the gate with a reason; only invalid dates or rules throw.
 */
import { isLocalDate, type LocalDate } from '../calendar';
import { DomainError } from '../errors';
import type { RuleProblem } from '../rules/problems';
import { addMonths } from '../rules/durations';
import { deepFreeze, fieldPath, formatDateId, intInRange, isNonEmptyString } from './internal';
import {
  compareMerit,
  isMeritCategory,
  isMeritScore,
  meritCategoryOf,
  MERIT_CATEGORY_NAMES,
  type MeritCategory,
} from './merit';

export interface TalentGateRules {
  /** Lowest merit category allowed to use the talent pool. */
  minMeritCategory: MeritCategory;
  /** Oldest talent map (in months) still usable. */
  maxMapAgeMonths: number;
}

export const DEFAULT_TALENT_GATE_RULES: TalentGateRules = deepFreeze({ minMeritCategory: 'BAIK', maxMapAgeMonths: 12 });

/** The thresholds the talent route's gate may be set to. */
export const MIN_GATE_CATEGORIES: readonly MeritCategory[] = ['BAIK', 'SANGAT_BAIK'];

export function validateTalentGateRules(rules: TalentGateRules, prefix = ''): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ code: 'VALIDATION_FAILED', field: fieldPath(prefix, field), message });
  if (!rules || typeof rules !== 'object') {
    bad('', 'Aturan syarat jalur talenta wajib diisi');
    return problems;
  }
  // The talent route is for agencies whose merit system is at least Baik (domain §3): Baik or Sangat Baik only.
  if (!isMeritCategory(rules.minMeritCategory) || !MIN_GATE_CATEGORIES.includes(rules.minMeritCategory))
    bad('minMeritCategory', 'Kategori sistem merit minimal harus Baik atau Sangat Baik');
  if (!intInRange(rules.maxMapAgeMonths, 1, 60))
    bad('maxMapAgeMonths', 'Umur maksimal pemetaan talenta harus bilangan bulat 1 sampai 60 bulan');
  return problems;
}

export interface TalentGateInput {
  meritIndexScore: number | null;
  talentSystemApproval: { approvedOn: LocalDate; reference: string } | null;
  latestMapDate: LocalDate | null;
  asOf: LocalDate;
}

export interface TalentGateResult {
  open: boolean;
  meritCategory: MeritCategory | null;
  /** One Indonesian reason per failed condition; empty when open. */
  reasons: string[];
}

function checkDate(value: LocalDate, field: string): void {
  if (!isLocalDate(value)) throw new DomainError('VALIDATION_FAILED', `Tanggal tidak valid: ${value}`, field);
}

export function checkTalentGate(input: TalentGateInput, rules: TalentGateRules): TalentGateResult {
  const problems = validateTalentGateRules(rules);
  if (problems.length > 0) throw new DomainError('INVALID_RULES', problems[0]!.message, problems[0]!.field);
  checkDate(input.asOf, 'asOf');
  const reasons: string[] = [];
  const min = MERIT_CATEGORY_NAMES[rules.minMeritCategory];

  // 1. Merit-system index.
  let meritCategory: MeritCategory | null = null;
  const score = input.meritIndexScore;
  if (score === null || score === undefined)
    reasons.push(`Indeks sistem merit instansi belum divalidasi pengawas; syarat paling rendah ${min}`);
  else if (!isMeritScore(score))
    reasons.push(`Nilai indeks sistem merit tidak valid (${String(score)}); nilai harus 100 sampai 400`);
  else {
    meritCategory = meritCategoryOf(score);
    if (compareMerit(meritCategory, rules.minMeritCategory) < 0)
      reasons.push(
        `Kategori sistem merit instansi ${MERIT_CATEGORY_NAMES[meritCategory]} (nilai ${score}), di bawah syarat paling rendah ${min}`,
      );
  }

  // 2. Approval of the talent-management system.
  const approval = input.talentSystemApproval;
  if (!approval) reasons.push('Sistem manajemen talenta instansi belum mendapat persetujuan pengawas');
  else {
    checkDate(approval.approvedOn, 'talentSystemApproval.approvedOn');
    if (!isNonEmptyString(approval.reference))
      reasons.push('Nomor/rujukan persetujuan sistem manajemen talenta belum diisi');
    else if (approval.approvedOn > input.asOf)
      reasons.push(
        `Persetujuan sistem manajemen talenta (${approval.reference}) baru berlaku ${formatDateId(approval.approvedOn)}`,
      );
  }

  // 3. A recent talent map.
  if (!input.latestMapDate) reasons.push('Belum ada pemetaan talenta');
  else {
    checkDate(input.latestMapDate, 'latestMapDate');
    const usableUntil = addMonths(input.latestMapDate, rules.maxMapAgeMonths);
    if (usableUntil < input.asOf)
      reasons.push(
        `Pemetaan talenta terakhir tanggal ${formatDateId(input.latestMapDate)} sudah lebih dari ` +
          `${rules.maxMapAgeMonths} bulan (berlaku sampai ${formatDateId(usableUntil)}); lakukan pemetaan ulang`,
      );
  }

  return { open: reasons.length === 0, meritCategory, reasons };
}
