/**
 * Activities of the pilkada guard, shared by every route that appoints: the windows of the agency's
 * region (from the schedules administrators maintain, with the configured months) and the duty to
 * report an appointment made inside one to the Home Affairs Minister.
 */
import {
  electionReportDueOn,
  type AgencyElectionWindowsDto,
  type DateWindow,
  type ElectionReportDutyDto,
  type HolidayCalendar,
  type LocalDate,
} from '@seleksi/domain';
import { callService } from '../activity-errors';

export interface ElectionPorts {
  candidate: {
    getAgencyElectionWindows(agencyCode: string): Promise<AgencyElectionWindowsDto | null>;
    getAgencyCalendar(agencyCode: string): Promise<HolidayCalendar>;
    openElectionReportDuty(
      body: Omit<ElectionReportDutyDto, 'id' | 'report' | 'createdAt'>,
    ): Promise<ElectionReportDutyDto>;
  };
}

export interface OpenReportDutyArgs {
  agencyCode: string;
  subjectId: string;
  route: ElectionReportDutyDto['route'];
  position: string;
  actedOn: LocalDate;
  window: DateWindow;
  permission: ElectionReportDutyDto['permission'];
}

export function createElectionActivities(ports: ElectionPorts) {
  return {
    /** The windows the agency's appointments fall under (none for a central agency or an unscheduled region). */
    async resolveElectionWindows(args: { agencyCode: string }): Promise<DateWindow[]> {
      const found = await callService(() => ports.candidate.getAgencyElectionWindows(args.agencyCode));
      // An agency without a record governs no region this service knows of: no windows.
      return found?.windows ?? [];
    },

    /** Opens the 7-working-day duty to report (the agency's calendar) and tells the agency; idempotent. */
    async openElectionReportDuty(args: OpenReportDutyArgs): Promise<ElectionReportDutyDto> {
      const calendar = await callService(() => ports.candidate.getAgencyCalendar(args.agencyCode));
      return callService(() =>
        ports.candidate.openElectionReportDuty({ ...args, dueOn: electionReportDueOn(args.actedOn, calendar) }),
      );
    },
  };
}
export type ElectionActivities = ReturnType<typeof createElectionActivities>;
