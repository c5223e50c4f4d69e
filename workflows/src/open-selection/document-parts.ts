/**
 * A stage document's rows in parts of bounded size (a claim check): the workflow stages the parts in the
 * document service, then asks for the document with their count; the activity reads them back. A score
 * sheet of 5,000 applicants was 2.9 MB in one activity input, past Temporal's 2 MB payload limit.
 * Pure and deterministic (used by workflow code).
 */
import type { DocumentApplication, StageDocumentSpec } from './activities';
import type { RankedEntry, VacancyState } from './definitions';

export interface StageDocumentPart {
  applications: DocumentApplication[];
  ranking: [vacancyId: string, entry: RankedEntry][];
}

/** The printed rows cut into parts; the vacancies without their rankings (which travel in the parts). */
export function splitIntoParts(
  applications: readonly DocumentApplication[],
  vacancies: readonly VacancyState[],
  rowsPerPart: number,
): { parts: StageDocumentPart[]; vacancies: VacancyState[] } {
  const ranking = vacancies.flatMap((v) => v.ranking.map((e): [string, RankedEntry] => [v.id, e]));
  const count = Math.ceil(Math.max(applications.length, ranking.length) / rowsPerPart);
  const slice = <T>(list: readonly T[], i: number) => list.slice(i * rowsPerPart, (i + 1) * rowsPerPart);
  return {
    parts: Array.from({ length: count }, (_x, i) => ({
      applications: slice(applications, i),
      ranking: slice(ranking, i),
    })),
    vacancies: vacancies.map((v) => ({ ...v, ranking: [] })),
  };
}

/** The spec with its staged parts read back into `state` (in order; rankings in their vacancies). */
export function withParts(spec: StageDocumentSpec, parts: readonly StageDocumentPart[]): StageDocumentSpec {
  if (parts.length === 0) return spec;
  const ranking = new Map<string, RankedEntry[]>();
  for (const [vacancyId, entry] of parts.flatMap((p) => p.ranking)) {
    const list = ranking.get(vacancyId);
    if (list) list.push(entry);
    else ranking.set(vacancyId, [entry]);
  }
  return {
    ...spec,
    state: {
      ...spec.state,
      applications: [...spec.state.applications, ...parts.flatMap((p) => p.applications)],
      vacancies: spec.state.vacancies.map((v) => (ranking.has(v.id) ? { ...v, ranking: ranking.get(v.id)! } : v)),
    },
  };
}
