/**
 * Records of what happened to an application or a selection: the administrative screening result,
 * the audit record of human decisions, scores and conflict-of-interest declarations. Owned by
 * services/candidate (screening, audit) and services/assessment (scores, conflicts).
 */
import type { Actor } from './roles';

/** One requirement of the administrative screening, with the engine's verdict. */
export interface ScreeningRequirementDto {
  key: string;
  label: string;
  met: boolean;
  detail: string;
  reason: string | null;
}

/** Result of the administrative screening of one application, as stored on the application. */
export interface ScreeningDto {
  eligible: boolean;
  requirements: ScreeningRequirementDto[];
  rulesVersion: string;
  /** PANSEL when the secretary overrode the engine. */
  decidedBy: 'ENGINE' | 'PANSEL';
  overrideReason: string | null;
  decidedAt: string; // instant
  /** Who overrode. */
  actor: Actor | null;
}

/** One human decision in the audit record: who, when, what, why. Append-only. */
export interface AuditRecordDto {
  /** Unique: recording twice is a no-op. */
  decisionId: string;
  selectionId: string;
  workflowId: string;
  kind: string; // e.g. 'SCREENING_OVERRIDDEN'
  by: Actor;
  at: string; // instant
  reason: string | null;
  subjectId: string | null; // applicationId, vacancyId, …
  /** The decision's data (no NIP or other personal data). */
  payload: Record<string, unknown>;
}

export const SCORE_KINDS = ['ASSESSMENT', 'PAPER', 'PRESENTATION', 'INTERVIEW', 'TRACK_RECORD'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

export interface ScoreRecordDto {
  /** Deterministic, e.g. `${applicationId}:INTERVIEW:${memberId}:${round}`. */
  id: string;
  selectionId: string;
  applicationId: string;
  candidateId: string;
  kind: ScoreKind;
  /** Interview scorecards: the Pansel member. */
  memberId: string | null;
  /** 0 first scoring, 1.. calibration rounds. */
  round: number;
  value: number; // 0..100
  /** e.g. { managerial, socioCultural } for ASSESSMENT. */
  components?: Record<string, number> | null;
  note: string | null;
  recordedBy: Actor;
  recordedAt: string; // instant
}

export interface ConflictDeclarationDto {
  id: string;
  selectionId: string;
  memberId: string;
  candidateId: string;
  hasConflict: boolean;
  reason: string | null;
  declaredBy: Actor;
  declaredAt: string; // instant
}
