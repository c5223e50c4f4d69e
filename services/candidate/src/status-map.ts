import type { ApplicationStatus, SelectionStage } from '@seleksi/domain';

/**
 * Application status implied by a selection stage, for the stage-event fan-out. null = the stage
 * does not change an application's status (the entry keeps the current one).
 */
export const STATUS_FOR_STAGE: Record<SelectionStage, ApplicationStatus | null> = {
  PLANNED: null,
  PLAN_APPROVAL: null,
  REGISTRATION_OPEN: null,
  REGISTRATION_EXTENDED: null,
  REGISTRATION_CLOSED: 'AWAITING_SCREENING',
  ADMINISTRATIVE_SCREENING: 'AWAITING_SCREENING',
  ADMINISTRATIVE_OBJECTIONS: null,
  COMPETENCY_ASSESSMENT: 'IN_ASSESSMENT',
  INTERVIEW: 'IN_ASSESSMENT',
  TRACK_RECORD: 'IN_ASSESSMENT',
  FINAL_RANKING: 'IN_ASSESSMENT',
  FINAL_OBJECTIONS: null,
  REPORTED_TO_PPK: null,
  OVERSEER_RECOMMENDATION: null,
  APPOINTMENT_CHOICE: null,
  DECREE: null,
  INAUGURATION: null,
  COMPLETED: null,
  CANCELLED: 'CANCELLED',
};

/** Statuses after which selection-wide events no longer reach an application. */
export const CLOSED_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'NOT_ELIGIBLE',
  'NOT_SHORTLISTED',
  'APPOINTED',
  'NOT_APPOINTED',
  'WITHDRAWN',
  'CANCELLED',
]);

/** Status of the fan-out entry for an application currently in `current`, or null to skip it. */
export function fanOutStatus(
  stage: SelectionStage,
  current: ApplicationStatus,
  override?: ApplicationStatus | null,
): ApplicationStatus | null {
  if (CLOSED_STATUSES.has(current)) return null;
  return override ?? STATUS_FOR_STAGE[stage] ?? current;
}
