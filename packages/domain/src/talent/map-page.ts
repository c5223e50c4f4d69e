import type { LocalDate } from '../calendar';
import type { SkpPredicate } from '../contracts';
import { talentMapEntryId } from '../talent-records';
import type { TalentMapEntryDto } from '../talent-records';
import { scoreTalent, type TalentScoringRules } from './levels';

/** The inputs of one page of employees: their SKP, and the assessment results and track records found for them. */
export interface TalentMapPage {
  agencyCode: string;
  period: string;
  asOf: LocalDate;
  runId: string;
  mappedAt: string;
  employees: readonly { id: string; skp: readonly { year: number; predicate: SkpPredicate }[] }[];
  assessments: readonly {
    candidateId: string;
    assessedAt: LocalDate;
    validUntil: LocalDate;
    managerial: number;
    socioCultural: number;
  }[];
  trackRecords: readonly { candidateId: string; recordedAt: string; value: number }[];
}

/**
 * The map entries of a page (newest assessment, valid on `asOf`, and newest track record per employee),
 * with the page's head-count per box. Pure: the workflow's activity and the assessment service share it.
 */
export function mapTalentPage(
  page: TalentMapPage,
  rules: TalentScoringRules,
): { entries: TalentMapEntryDto[]; unmapped: number; byBox: Record<string, number> } {
  const latestAssessment = new Map<string, TalentMapPage['assessments'][number]>();
  for (const a of page.assessments) {
    const seen = latestAssessment.get(a.candidateId);
    if (!seen || a.assessedAt > seen.assessedAt) latestAssessment.set(a.candidateId, a);
  }
  const latestTrack = new Map<string, TalentMapPage['trackRecords'][number]>();
  for (const r of page.trackRecords) {
    const seen = latestTrack.get(r.candidateId);
    if (!seen || r.recordedAt > seen.recordedAt) latestTrack.set(r.candidateId, r);
  }
  const asOfYear = Number(page.asOf.slice(0, 4));
  const byBox: Record<string, number> = {};
  let unmapped = 0;
  const entries = page.employees.map((p): TalentMapEntryDto => {
    const a = latestAssessment.get(p.id);
    const t = scoreTalent(
      {
        skp: p.skp.map((s) => ({ year: s.year, predicate: s.predicate })),
        assessment:
          a && a.validUntil >= page.asOf
            ? { managerial: a.managerial, socioCultural: a.socioCultural, assessedAt: a.assessedAt }
            : null,
        trackRecord: latestTrack.get(p.id)?.value ?? null,
      },
      asOfYear,
      rules,
    );
    if (t.box === null) unmapped += 1;
    else byBox[String(t.box)] = (byBox[String(t.box)] ?? 0) + 1;
    return {
      id: talentMapEntryId(page.agencyCode, page.period, p.id),
      agencyCode: page.agencyCode,
      period: page.period,
      employeeId: p.id,
      box: t.box,
      potential: t.potential,
      performance: t.performance,
      performanceScore: t.performanceScore,
      potentialScore: t.potentialScore,
      score: t.score,
      missing: t.missing,
      mappedAt: page.mappedAt,
      runId: page.runId,
    };
  });
  return { entries, unmapped, byBox };
}
