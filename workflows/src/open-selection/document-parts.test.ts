import { describe, expect, it } from 'vitest';
import type { DocumentApplication, StageDocumentSpec } from './activities';
import { openVacancyState, type VacancyState } from './definitions';
import { splitIntoParts, withParts } from './document-parts';

const VACANCIES = ['SEL-V1', 'SEL-V2', 'SEL-V3'];

function application(i: number): DocumentApplication {
  const vacancyId = VACANCIES[i % VACANCIES.length]!;
  return {
    applicationId: `${vacancyId}.c${i}`,
    candidateId: `c${i}`,
    vacancyId,
    eligible: i % 7 !== 0,
    failedRequirements: i % 7 === 0 ? ['Pangkat/golongan: belum IV/a'] : [],
    withdrawn: false,
    assessment: { managerial: 80, socioCultural: 75, paper: 70, presentation: 85, score: 78.5 },
    trackRecord: { score: 80, eliminated: false },
    total: 79.25 - i / 1000,
    interviewScore: 77,
  };
}

function rankedVacancies(apps: readonly DocumentApplication[]): VacancyState[] {
  return VACANCIES.map((id) => ({
    ...openVacancyState(id),
    status: 'SHORTLISTED' as const,
    shortlist: apps
      .filter((a) => a.vacancyId === id)
      .slice(0, 3)
      .map((a) => a.applicationId),
    ranking: apps
      .filter((a) => a.vacancyId === id)
      .map((a, k) => ({
        applicationId: a.applicationId,
        rank: a.eligible ? k + 1 : null,
        total: a.total,
        qualified: a.eligible === true,
        shortlisted: k < 3,
        note: a.eligible ? '' : 'Tidak memenuhi syarat',
      })),
  }));
}

function spec(applications: DocumentApplication[], vacancies: VacancyState[]): StageDocumentSpec {
  return {
    kind: 'SCORE_SHEET',
    key: 'wf:SCORE_SHEET:1',
    date: '2026-12-06',
    input: {} as StageDocumentSpec['input'],
    state: { pansel: [], vacancies, applications },
    vacancyIds: VACANCIES,
    applicationIds: null,
    withScores: true,
    withScreening: false,
    extra: {},
  };
}

describe('stage document rows in staged parts', () => {
  it('reads back to the same rows and rankings as one input, in order', () => {
    const apps = Array.from({ length: 1_100 }, (_, i) => application(i));
    const vacancies = rankedVacancies(apps);
    const staged = splitIntoParts(apps, vacancies, 250);
    expect(staged.parts).toHaveLength(5);
    expect(staged.vacancies.every((v) => v.ranking.length === 0 && v.shortlist.length === 3)).toBe(true);
    const read = withParts({ ...spec([], staged.vacancies), parts: staged.parts.length }, staged.parts);
    expect(read.state).toEqual(spec(apps, vacancies).state);
  });

  it('keeps every part of a 5,000-applicant score sheet far under the 2 MB payload limit', () => {
    const apps = Array.from({ length: 5_000 }, (_, i) => application(i));
    const staged = splitIntoParts(apps, rankedVacancies(apps), 250);
    const sizes = staged.parts.map((p) => Buffer.byteLength(JSON.stringify(p)));
    expect(Buffer.byteLength(JSON.stringify(spec(apps, rankedVacancies(apps)).state))).toBeGreaterThan(2_000_000);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
    expect(Buffer.byteLength(JSON.stringify(staged.vacancies))).toBeLessThan(64 * 1024);
  });

  it('needs no part when nothing is printed', () => {
    const staged = splitIntoParts([], [openVacancyState('SEL-V1')], 250);
    expect(staged.parts).toEqual([]);
    const s = spec([], staged.vacancies);
    expect(withParts(s, [])).toBe(s);
  });
});
