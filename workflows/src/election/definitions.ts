/**
 * The pilkada guard of every route that appoints (domain.md §4 "Pilkada windows"): message and state
 * shapes shared by the workflows, the gateway and tests.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { Actor, DateWindow, LocalDate } from '@seleksi/domain';
import type { RecordedDecision } from '../open-selection/definitions';

/** Patch id: windows resolved from the region's schedules instead of the input's hand-typed ones. */
export const ELECTION_WINDOWS_FROM_DATA = 'election-windows-from-data';

export interface AppointmentPermissionArgs {
  actor: Actor;
  letterNumber: string;
  letterDate: LocalDate;
  /** What the letter permits (the post, the appointee). */
  scope: string;
  reason: string;
}

/** The Minister's written permission as recorded (who and when: the decision it was recorded by). */
export interface RecordedElectionPermission {
  letterNumber: string;
  letterDate: LocalDate;
  scope?: string;
  recordedBy?: string;
  recordedAt?: string;
}

/** What a route knows of the windows: resolved once the appointment step opens. */
export interface ElectionGuardState {
  /** The region's windows (null before the appointment step, or for a run started before the data existed). */
  windows: DateWindow[] | null;
  permission: RecordedElectionPermission | null;
  /** The duty to report opened after acting inside a window. */
  reportDutyId: string | null;
}

/** Talent route: records the Minister's written permission (the open selection has its own update). */
export const recordAppointmentPermissionUpdate = defineUpdate<RecordedDecision, [AppointmentPermissionArgs]>(
  'recordAppointmentPermission',
);
