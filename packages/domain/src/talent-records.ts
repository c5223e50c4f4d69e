/**
 * Wire shapes of the talent route's records: the nine-box map per agency and period and the
 * succession-plan groups (KRS), owned by services/assessment; invitations to apply, owned by
 * services/candidate. The scoring rules that fill them live elsewhere; these are plain data.
 */
import type { JptLevel } from './levels';
import type { SkpPredicate } from './contracts';
import type { TalentScoringRules } from './talent/levels';

/** What talent mapping reads of a profile (services/candidate): the id and the SKP predicates. */
export interface TalentInputDto {
  id: string;
  skp: { year: number; predicate: SkpPredicate }[];
}

/** A page of employees to map (slots [fromSlot, toSlot) of an agency, sent with their SKP). */
export interface TalentMapSlotsRequest {
  fromSlot: number;
  toSlot: number;
  asOf: string;
  runId: string;
  mappedAt: string;
  scoring: TalentScoringRules;
  employees: readonly TalentInputDto[];
}

/** What mapping a page of employees adds to the map's head-count. */
export interface TalentMapSlotsResult {
  processed: number;
  unmapped: number;
  byBox: Record<string, number>;
}

/** One employee's place on the nine-box map of an agency for a period. */
export interface TalentMapEntryDto {
  /** `talentMapEntryId(agencyCode, period, employeeId)`. */
  id: string;
  agencyCode: string;
  /** Mapping period, e.g. '2026' or '2026-S2'. */
  period: string;
  /** `ProfileDto.id`. */
  employeeId: string;
  /** 1–9 in the agency's numbering; null when the data did not allow mapping (see `missing`). */
  box: number | null;
  potential: 1 | 2 | 3 | null;
  performance: 1 | 2 | 3 | null;
  performanceScore: number | null;
  potentialScore: number | null;
  score: number | null;
  /** What was missing to map the employee (empty when mapped). */
  missing: string[];
  /** Instant. */
  mappedAt: string;
  runId: string;
}

/** Head-count of a map: every box '1'..'9' (0 when empty), the unmapped (box null) and the total. */
export interface TalentMapCounts {
  agencyCode: string;
  period: string;
  total: number;
  unmapped: number;
  byBox: Record<string, number>;
}

/** A mapped period of an agency: when it was last mapped and how many entries it has. */
export interface TalentMapPeriodDto {
  period: string;
  /** Latest `mappedAt` of its entries. */
  mappedAt: string;
  total: number;
}

/** The succession-plan group (KRS) of one target post for a year, in successor order. */
export interface SuccessionGroupDto {
  /** `successionGroupId(agencyCode, year, postId)`. */
  id: string;
  agencyCode: string;
  year: number;
  postId: string;
  postTitle: string;
  level: JptLevel;
  members: { employeeId: string; order: number; box: number; score: number }[];
  /** The map period the group was derived from. */
  derivedFrom: string;
  /** Instant of publication; null while a draft. */
  publishedAt: string | null;
  /** The KRS decision (`SUCCESSION_GROUP_DECISION`), once issued. */
  documentId: string | null;
}

/** An invitation of a talent to apply to an open selection (the talent route's fallback). */
export interface InvitationDto {
  /** `invitationId(selectionId, candidateId)`. */
  id: string;
  candidateId: string;
  selectionId: string;
  vacancyId: string;
  reason: string;
  /** Instant. */
  invitedAt: string;
}

/** Who acts next on a talent filling: the committee's secretariat, the overseer or the PPK. */
export const TALENT_FILLING_ACTORS = ['PANSEL_SECRETARY', 'OVERSEER', 'PPK'] as const;
export type TalentFillingActor = (typeof TALENT_FILLING_ACTORS)[number];

/** Who appoints: the PPK (Pratama), the President (Madya/Utama), through the Home Affairs Minister (provincial Sekda). */
export type AppointmentRouteKind = 'PPK' | 'PRESIDENT' | 'PRESIDENT_VIA_HOME_AFFAIRS';

/**
 * Read model of a talent-pool filling (services/candidate), written by the filling's workflow at each
 * step. `seq` grows with every projection of one filling: a write with a lower `seq` than the stored one
 * is stale and ignored, the same `seq` rewrites the same content (a retried activity).
 */
export interface TalentFillingViewDto {
  /** The filling id. */
  id: string;
  agencyCode: string;
  workflowId: string;
  postId: string;
  position: string;
  unit: string;
  level: JptLevel;
  /** A `TalentFillingStage` of the workflow. */
  stage: string;
  route: AppointmentRouteKind;
  /** Whose decision the filling waits for; null while the system works or once finished. */
  waitingOn: TalentFillingActor | null;
  /** Instant the wait began (null when not waiting). */
  waitingSince: string | null;
  /** Instant by which the decision is due (null when the step has no deadline). */
  deadline: string | null;
  appointedEmployeeId: string | null;
  fallbackSelectionId: string | null;
  seq: number;
  /** Instant the filling started. */
  createdAt: string;
  /** Instant of this projection. */
  updatedAt: string;
}

export function talentMapEntryId(agencyCode: string, period: string, employeeId: string): string {
  return `${agencyCode}:${period}:${employeeId}`;
}

export function successionGroupId(agencyCode: string, year: number, postId: string): string {
  return `${agencyCode}:${year}:${postId}`;
}

export function invitationId(selectionId: string, candidateId: string): string {
  return `${selectionId}:${candidateId}`;
}

/** Mapping periods: a year, optionally with a part of it ('2026', '2026-S2', '2026-Q1'). Sorted as text. */
export const TALENT_PERIOD_PATTERN = /^\d{4}(-(S[12]|Q[1-4]))?$/;
