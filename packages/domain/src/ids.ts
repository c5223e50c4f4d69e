/**
 * Readable workflow ids and their inverses (architecture §2). Ids never contain personal data.
 * Parts must not contain ':'; the helpers reject such input so the inverse stays exact.
 */
function assertPart(name: string, value: string): void {
  if (!value || value.includes(':')) throw new Error(`invalid ${name} for a workflow id: ${JSON.stringify(value)}`);
}

export function selectionWorkflowId(agencyCode: string, selectionId: string): string {
  assertPart('agencyCode', agencyCode);
  assertPart('selectionId', selectionId);
  return `selection:${agencyCode}:${selectionId}`;
}

export function parseSelectionWorkflowId(workflowId: string): { agencyCode: string; selectionId: string } | null {
  const m = /^selection:([^:]+):([^:]+)$/.exec(workflowId);
  return m ? { agencyCode: m[1]!, selectionId: m[2]! } : null;
}

export function applicationWorkflowId(selectionId: string, applicationId: string): string {
  assertPart('selectionId', selectionId);
  assertPart('applicationId', applicationId);
  return `application:${selectionId}:${applicationId}`;
}

export function parseApplicationWorkflowId(workflowId: string): { selectionId: string; applicationId: string } | null {
  const m = /^application:([^:]+):([^:]+)$/.exec(workflowId);
  return m ? { selectionId: m[1]!, applicationId: m[2]! } : null;
}

/** Vacancy ids are scoped by their selection: `<selectionId>-V<n>` (n from 1). */
export function vacancyId(selectionId: string, index: number): string {
  return `${selectionId}-V${index + 1}`;
}

export function selectionIdOfVacancy(vacancyIdValue: string): string | null {
  const m = /^(.+)-V\d+$/.exec(vacancyIdValue);
  return m ? m[1]! : null;
}

/**
 * One application per candidate and vacancy, so its id is derived from both: retries and double
 * submissions converge on the same record (idempotent writes).
 */
export function applicationId(vacancyIdValue: string, candidateId: string): string {
  assertPart('vacancyId', vacancyIdValue);
  assertPart('candidateId', candidateId);
  return `${vacancyIdValue}.${candidateId}`;
}

/** Number of slots `employeeBucket` spreads the employees of an agency over. */
export const EMPLOYEE_BUCKETS = 1024;

/**
 * A fixed slot (0 … EMPLOYEE_BUCKETS-1) of an employee id (FNV-1a): an agency's profiles are paged slot by
 * slot with an equality on it, which FerretDB v1 answers from an index, so each page costs the same however
 * large the agency (a range on the id would be read in full for every page).
 */
export function employeeBucket(id: string): number {
  return fnv1a(id) % EMPLOYEE_BUCKETS;
}

/** Number of slots `applicationSlot` spreads a selection's applications over. */
export const APPLICATION_SLOTS = 64;

/**
 * A fixed slot (0 … APPLICATION_SLOTS-1) of an application id: a stage event reaches a selection's
 * applications slot by slot with an equality on (selection, slot), which FerretDB v1 answers from an
 * index, so each page reads about 1/64 of the round instead of all of it.
 */
export function applicationSlot(id: string): number {
  return fnv1a(id) % APPLICATION_SLOTS;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
