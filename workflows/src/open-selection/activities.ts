/**
 * Activities of the open selection: each is an idempotent call to a service that owns the data.
 * Built by a factory so tests and the worker inject real service clients.
 */
import type {
  AgencyDto,
  ApplicationDto,
  ApplicationStatus,
  DocumentDto,
  SelectionDto,
  SelectionStage,
  StageEventDto,
  VacancyAnnouncementRequest,
} from '@seleksi/domain';
import { selectionWorkflowId } from '@seleksi/domain';
import { callService } from '../activity-errors';
import type { OpenSelectionInput } from './definitions';

/** The service operations these activities need (satisfied by the kit's service clients). */
export interface OpenSelectionPorts {
  candidate: {
    upsertSelection(dto: Omit<SelectionDto, 'stageHistory'>): Promise<unknown>;
    recordStageEvent(
      selectionId: string,
      event: StageEventDto & { applicationStatus?: ApplicationStatus },
    ): Promise<unknown>;
    createApplication(body: {
      id: string;
      selectionId: string;
      vacancyId: string;
      candidateId: string;
      submittedAt: string;
    }): Promise<ApplicationDto>;
  };
  document: {
    issueVacancyAnnouncement(req: VacancyAnnouncementRequest): Promise<DocumentDto>;
  };
}

export function createOpenSelectionActivities(ports: OpenSelectionPorts) {
  return {
    async projectSelection(
      input: OpenSelectionInput,
      stage: SelectionStage,
      announcementDocumentId: string | null,
    ): Promise<void> {
      await callService(() =>
        ports.candidate.upsertSelection({
          id: input.selectionId,
          agencyCode: input.agency.code,
          title: input.title,
          workflowId: selectionWorkflowId(input.agency.code, input.selectionId),
          stage,
          timeZone: input.agency.timeZone,
          announcementDate: input.announcementDate,
          registrationClosesAt: input.registrationClosesAt,
          vacancies: input.vacancies.map((v) => ({ ...v, status: 'OPEN' as const })),
          announcementDocumentId,
          createdBy: input.createdBy,
          createdAt: input.createdAt,
        }),
      );
    },

    async recordSelectionStage(
      selectionId: string,
      event: StageEventDto & { applicationStatus?: ApplicationStatus },
    ): Promise<void> {
      await callService(() => ports.candidate.recordStageEvent(selectionId, event));
    },

    async issueVacancyAnnouncement(input: OpenSelectionInput): Promise<DocumentDto> {
      const agency: AgencyDto = input.agency;
      return callService(() =>
        ports.document.issueVacancyAnnouncement({
          idempotencyKey: `${selectionWorkflowId(agency.code, input.selectionId)}:VACANCY_ANNOUNCEMENT`,
          kind: 'VACANCY_ANNOUNCEMENT',
          agency,
          selection: {
            id: input.selectionId,
            title: input.title,
            announcementDate: input.announcementDate,
            registrationClosesAt: input.registrationClosesAt,
            timeZone: agency.timeZone,
            vacancies: input.vacancies,
            requirements: input.requirements,
          },
          signatory: input.signatory,
        }),
      );
    },

    async storeApplication(body: {
      id: string;
      selectionId: string;
      vacancyId: string;
      candidateId: string;
      submittedAt: string;
    }): Promise<ApplicationDto> {
      return callService(() => ports.candidate.createApplication(body));
    },
  };
}

export type OpenSelectionActivities = ReturnType<typeof createOpenSelectionActivities>;
