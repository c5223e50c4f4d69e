/**
 * Successor ranking and the succession-plan group (KRS) of a target post (domain.md §3;
 * domain-research §3.4).
 *
 * - Only talent-pool boxes count ((P2,K3), (P3,K2), (P3,K3) in the agency's numbering).
 * - A pool member is excluded (kept in the list, with reasons) when they fail the eligibility rules
 *   of the post's level (evaluateEligibility, national scope, home-PPK permission assumed for
 *   members of the selecting agency) or when they retire before `excludeWithinMonths` months after
 *   the planned inauguration.
 * - The rest are ordered by SUCCESSOR_TIE_BREAK: box preference (boxRank: (P3,K3), (P3,K2), (P2,K3),
 *   i.e. 9, 8, 7 in the PermenPANRB numbering), then talent score (highest first), then employee id
 *   (ascending by code unit, no locale) so the order is total and deterministic.
 *
 * Retirement convention (BUP, batas usia pensiun): a civil servant is honourably discharged at the end
 * of the month in which they reach the retirement age, and the pension runs from the first day of
 * the next month. retirementDate returns that first day (TMT pensiun): born 10 May 1966 with BUP 60
 * → 1 June 2026. A member serves less than `excludeWithinMonths` months when their retirement date
 * falls before inauguration + that many months (exactly 12 months of service is enough).
 * BUP defaults: 60 years for every JPT level (UU 5/2014 Pasal 90 and UU 20/2023; configurable per
 * level).
 */
import { isLocalDate, type LocalDate } from '../calendar';
import type { ProfileDto } from '../contracts';
import { DomainError } from '../errors';
import { JPT_LEVELS, type JptLevel } from '../levels';
import { checkNip } from '../nip';
import { LEVEL_NAME_ID } from '../requirements';
import { addMonths } from '../rules/durations';
import { evaluateEligibility } from '../rules/eligibility';
import type { RuleProblem } from '../rules/problems';
import type { EligibilityRules } from '../rules/selection-rules';
import { deepFreeze, fieldPath, formatDateId, intInRange } from './internal';
import { boxRank, isTalentPoolBox, type NineBoxNumbering } from './nine-box';

export interface RetirementRules {
  /** BUP in years per JPT level. */
  retirementAgeByLevel: Record<JptLevel, number>;
  /** Exclude members who would serve fewer months than this after the planned inauguration. */
  excludeWithinMonths: number;
}

export const DEFAULT_RETIREMENT_RULES: RetirementRules = deepFreeze({
  retirementAgeByLevel: { UTAMA: 60, MADYA: 60, PRATAMA: 60 },
  excludeWithinMonths: 12,
});

export function validateRetirementRules(rules: RetirementRules, prefix = ''): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ code: 'VALIDATION_FAILED', field: fieldPath(prefix, field), message });
  if (!rules || typeof rules !== 'object') {
    bad('', 'Aturan batas usia pensiun wajib diisi');
    return problems;
  }
  for (const level of JPT_LEVELS)
    if (!intInRange(rules.retirementAgeByLevel?.[level], 50, 70))
      bad(
        `retirementAgeByLevel.${level}`,
        `Batas usia pensiun JPT ${LEVEL_NAME_ID[level]} harus bilangan bulat 50 sampai 70 tahun`,
      );
  if (!intInRange(rules.excludeWithinMonths, 0, 60))
    bad('excludeWithinMonths', 'Batas masa kerja sebelum pensiun harus bilangan bulat 0 sampai 60 bulan');
  return problems;
}

function assertValid(problems: RuleProblem[]): void {
  if (problems.length > 0) throw new DomainError('INVALID_RULES', problems[0]!.message, problems[0]!.field);
}

/**
 * First day of the month after the month in which the holder of `nip` reaches the retirement age of
 * `level` (TMT pensiun), or null when the NIP is invalid.
 */
export function retirementDate(nip: string, level: JptLevel, rules: RetirementRules): LocalDate | null {
  assertValid(validateRetirementRules(rules));
  const parsed = checkNip(nip);
  if (!parsed.ok) return null;
  const [by, bm] = parsed.value.birthDate.split('-').map(Number) as [number, number];
  const idx = (by + rules.retirementAgeByLevel[level]) * 12 + bm; // month index after the birthday month
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

export interface PoolMember {
  employeeId: string;
  profile: ProfileDto;
  box: number;
  score: number;
  mappedAt: LocalDate;
}

export interface SuccessorCandidate extends PoolMember {
  /** 1.. for included candidates, null for excluded ones. */
  order: number | null;
  excluded: boolean;
  /** Why the member is excluded (Bahasa Indonesia); empty when included. */
  reasons: string[];
  /** TMT pensiun, null when the NIP is invalid. */
  retirementDate?: LocalDate | null;
}

/** Order of successors, most important key first. */
export const SUCCESSOR_TIE_BREAK = ['BOX_RANK', 'SCORE_DESC', 'EMPLOYEE_ID_ASC'] as const;

/** The ordering rule as printed in the KRS decision. */
export const SUCCESSOR_TIE_BREAK_ID =
  'Urutan calon suksesor: kotak talenta (kinerja di atas ekspektasi dan potensial tinggi lebih dahulu, ' +
  'lalu kinerja sesuai ekspektasi dan potensial tinggi, lalu kinerja di atas ekspektasi dan potensial menengah), ' +
  'kemudian nilai talenta tertinggi, kemudian ID pegawai';

export interface RankSuccessorsArgs {
  pool: PoolMember[];
  level: JptLevel;
  /** Field of duty of the target post; null = any managerial or expert post counts as related. */
  field?: string | null;
  asOf: LocalDate;
  plannedInaugurationDate: LocalDate;
  numbering: NineBoxNumbering;
  eligibility: EligibilityRules;
  retirement: RetirementRules;
  selectionAgency: { code: string; province: string };
}

function sortScore(score: number): number {
  return typeof score === 'number' && Number.isFinite(score) ? score : Number.NEGATIVE_INFINITY;
}

/** Comparator implementing SUCCESSOR_TIE_BREAK for pool members in talent-pool boxes of `numbering`. */
export function compareSuccessors(numbering: NineBoxNumbering): (a: PoolMember, b: PoolMember) => number {
  return (a, b) =>
    boxRank(a.box, numbering) - boxRank(b.box, numbering) ||
    sortScore(b.score) - sortScore(a.score) ||
    (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0);
}

function retirementReason(date: LocalDate, age: number, inauguration: LocalDate, months: number): string {
  const when = `pensiun terhitung mulai ${formatDateId(date)} (batas usia pensiun ${age} tahun)`;
  return date <= inauguration
    ? `Memasuki masa ${when}, sebelum rencana pelantikan ${formatDateId(inauguration)}`
    : `Memasuki masa ${when}, kurang dari ${months} bulan setelah rencana pelantikan ${formatDateId(inauguration)}`;
}

/**
 * The talent-pool members of a target post, ranked: included candidates first (order 1..), then the
 * excluded ones with their reasons, each group in SUCCESSOR_TIE_BREAK order. Members outside the
 * talent-pool boxes are left out. Throws DomainError VALIDATION_FAILED for invalid dates and
 * INVALID_RULES for invalid retirement rules.
 */
export function rankSuccessors(args: RankSuccessorsArgs): SuccessorCandidate[] {
  assertValid(validateRetirementRules(args.retirement, 'retirement.'));
  for (const [field, value] of [
    ['asOf', args.asOf],
    ['plannedInaugurationDate', args.plannedInaugurationDate],
  ] as const)
    if (!isLocalDate(value)) throw new DomainError('VALIDATION_FAILED', `Tanggal tidak valid: ${value}`, field);

  const months = args.retirement.excludeWithinMonths;
  const age = args.retirement.retirementAgeByLevel[args.level];
  const serveUntil = addMonths(args.plannedInaugurationDate, months);
  const field = args.field?.trim() ? args.field.trim() : null;

  const ranked: SuccessorCandidate[] = args.pool
    .filter((m) => isTalentPoolBox(m.box, args.numbering))
    .map((m) => {
      const sameAgency = m.profile.agencyCode === args.selectionAgency.code;
      const eligibility = evaluateEligibility(
        {
          profile: m.profile,
          candidateAgencyProvince: sameAgency ? args.selectionAgency.province : null,
          vacancy: { level: args.level, field },
          selectionAgency: args.selectionAgency,
          scope: 'NATIONAL',
          plannedInaugurationDate: args.plannedInaugurationDate,
          asOf: args.asOf,
          homePpkPermission: sameAgency,
        },
        args.eligibility,
      );
      const reasons = eligibility.requirements.filter((r) => !r.met).map((r) => r.reason ?? r.label);
      const retires = retirementDate(m.profile.nip, args.level, args.retirement);
      if (retires !== null && (retires <= args.plannedInaugurationDate || retires < serveUntil))
        reasons.push(retirementReason(retires, age, args.plannedInaugurationDate, months));
      return { ...m, order: null, excluded: reasons.length > 0, reasons, retirementDate: retires };
    })
    .sort(compareSuccessors(args.numbering));

  const included = ranked.filter((c) => !c.excluded).map((c, i) => ({ ...c, order: i + 1 }));
  const excluded = ranked.filter((c) => c.excluded);
  return [...included, ...excluded];
}

/** The succession-plan group (KRS) of a target post: the first `size` (default 3) included successors. */
export function deriveSuccessionGroup(args: RankSuccessorsArgs & { size?: number }): SuccessorCandidate[] {
  const size = args.size ?? 3;
  if (!intInRange(size, 1, 100))
    throw new DomainError('VALIDATION_FAILED', 'Jumlah anggota kelompok rencana suksesi harus 1 sampai 100', 'size');
  return rankSuccessors(args)
    .filter((c) => !c.excluded)
    .slice(0, size);
}
