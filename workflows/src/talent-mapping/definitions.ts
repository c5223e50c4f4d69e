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
  /** Employees per page: one read at the candidate service and one mapping call at the assessment service. */
  batchSize: number;
  /** Slots (of EMPLOYEE_BUCKETS) per batch, one activity each (default SLOTS_PER_BATCH). */
  slotsPerBatch?: number;
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
  /**
   * Employees of the agency: exact when completed; while mapping by slot, estimated from the slots done (ids
   * spread evenly over the slots), 0 before the first batch. Runs started before the slots counted them first.
   */
  total: number;
  processed: number;
  batchesDone: number;
  /** Cursor of the next page of employees (runs started before mapping by slot; null otherwise). */
  cursor: string | null;
  /** Mapping by slot: the next slot to map (EMPLOYEE_BUCKETS when all are done); absent in older runs. */
  nextSlot?: number;
  /** Mapped employees per box ('1'..'9'); `unmapped` lacks data for a box (reasons stay on each entry). */
  byBox: Record<string, number>;
  unmapped: number;
  successionGroups: number;
  startedAt: string;
  finishedAt: string | null;
}

/** A run before its first batch: where the workflow starts, and what the gateway answers until it can ask it. */
export function startingMappingProgress(agencyCode: string, period: string, startedAt: string): TalentMappingProgress {
  return {
    agencyCode,
    period,
    status: 'STARTING',
    total: 0,
    processed: 0,
    batchesDone: 0,
    cursor: null,
    byBox: {},
    unmapped: 0,
    successionGroups: 0,
    startedAt,
    finishedAt: null,
  };
}

export const getMappingProgressQuery = defineQuery<TalentMappingProgress>('getMappingProgress');

export function talentMappingWorkflowId(agencyCode: string, period: string): string {
  return `talent-mapping:${agencyCode}:${period}`;
}

/** Batches per run before continue-as-new, so the history stays small whatever the batch size. */
export const BATCHES_PER_RUN = 40;

/** Slots per batch activity: 16 batches per agency, about 6,000 employees each at 100,000. */
export const SLOTS_PER_BATCH = 64;
