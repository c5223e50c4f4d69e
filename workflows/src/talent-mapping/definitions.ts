/**
 * Talent mapping (pemetaan talenta): every employee of an agency placed in the nine-box for a period,
 * in batches, then the succession-plan groups (KRS) derived per target post.
 * Imported by workflow code, activities, the gateway and tests: no Node built-ins.
 */
import { defineQuery } from '@temporalio/workflow';
import type { Actor, LocalDate, TalentSettings } from '@seleksi/domain';

export interface TalentMappingInput {
  agencyCode: string;
  /** e.g. '2026' or '2026-S2': one map per agency and period (re-running it overwrites, never duplicates). */
  period: string;
  /** The date the map is "as of": SKP years and assessment validity are counted from it. */
  asOf: LocalDate;
  /** Employees per batch (one activity each). */
  batchSize: number;
  /** Derive and publish the KRS of every target post when the map is complete. */
  deriveSuccessionGroups: boolean;
  /** Batches per run before continue-as-new (default BATCHES_PER_RUN). */
  batchesPerRun?: number;
  requestedBy: Actor;
  /** Carried over by continue-as-new. */
  progress?: TalentMappingProgress;
  /**
   * The agency's talent settings, read once when the run starts and carried over by continue-as-new,
   * so every batch and the KRS use one rule set even if the settings change mid-run.
   */
  settings?: TalentSettings;
}

export const TALENT_MAPPING_STATUSES = ['STARTING', 'MAPPING', 'DERIVING_KRS', 'COMPLETED'] as const;
export type TalentMappingStatus = (typeof TALENT_MAPPING_STATUSES)[number];

export interface TalentMappingProgress {
  agencyCode: string;
  period: string;
  status: TalentMappingStatus;
  /** Employees of the agency when the run started. */
  total: number;
  processed: number;
  batchesDone: number;
  /** Cursor of the next page of employees (null before the first page and after the last). */
  cursor: string | null;
  /** Mapped employees per box ('1'..'9'); `unmapped` lacks data for a box (reasons stay on each entry). */
  byBox: Record<string, number>;
  unmapped: number;
  successionGroups: number;
  startedAt: string;
  finishedAt: string | null;
}

export const getMappingProgressQuery = defineQuery<TalentMappingProgress>('getMappingProgress');

export function talentMappingWorkflowId(agencyCode: string, period: string): string {
  return `talent-mapping:${agencyCode}:${period}`;
}

/** Batches per run before continue-as-new, so the history stays small for 50,000 employees. */
export const BATCHES_PER_RUN = 40;
