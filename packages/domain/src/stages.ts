/**
 * Stages of an open selection, in the order of the regulation (domain.md §1).
 * Mirrored as the GraphQL enum `SelectionStage` and stored in the `SelectionStage` search attribute.
 */
export const SELECTION_STAGES = [
  'PLANNED',
  'PLAN_APPROVAL',
  'REGISTRATION_OPEN',
  'REGISTRATION_EXTENDED',
  'REGISTRATION_CLOSED',
  'ADMINISTRATIVE_SCREENING',
  'COMPETENCY_ASSESSMENT',
  'INTERVIEW',
  'TRACK_RECORD',
  'FINAL_RANKING',
  'REPORTED_TO_PPK',
  'OVERSEER_RECOMMENDATION',
  'APPOINTMENT_CHOICE',
  'DECREE',
  'INAUGURATION',
  'COMPLETED',
  'CANCELLED',
] as const;
export type SelectionStage = (typeof SELECTION_STAGES)[number];

/** Status of one application (candidate × vacancy), shown on the candidate's timeline. */
export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'AWAITING_SCREENING',
  'ELIGIBLE',
  'NOT_ELIGIBLE',
  'IN_ASSESSMENT',
  'SHORTLISTED',
  'NOT_SHORTLISTED',
  'APPOINTED',
  'NOT_APPOINTED',
  'WITHDRAWN',
  'CANCELLED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Reason codes on timeline entries: stable machine codes; the portal shows `REASON_TEXT_ID`.
 * Add codes here, never free text in code paths.
 */
export const REASON_CODES = [
  'SELECTION_PLANNED',
  'REGISTRATION_OPENED',
  'APPLICATION_SUBMITTED',
  'REGISTRATION_CLOSED',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** User-facing text (Bahasa Indonesia) for each reason code. */
export const REASON_TEXT_ID: Record<ReasonCode, string> = {
  SELECTION_PLANNED: 'Seleksi direncanakan',
  REGISTRATION_OPENED: 'Pengumuman lowongan diterbitkan; pendaftaran dibuka',
  APPLICATION_SUBMITTED: 'Lamaran diterima',
  REGISTRATION_CLOSED: 'Pendaftaran ditutup; menunggu seleksi administrasi',
};
