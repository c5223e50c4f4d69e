/** The service operations the gateway reads and writes; built from the kit's typed REST clients. */
import type { AgencyDto, ApplicationDto, DocumentDto, SelectionDto, SelectionStage } from '@seleksi/domain';

export interface ServiceClients {
  candidate: {
    getAgency(code: string): Promise<AgencyDto | null>;
    getSelectionsByIds(ids: string[]): Promise<(SelectionDto | null)[]>;
    listSelections(q: {
      agencyCode?: string;
      stage?: SelectionStage;
      limit: number;
      after?: string;
    }): Promise<{ items: SelectionDto[]; nextCursor: string | null }>;
    getApplicationsByIds(ids: string[]): Promise<(ApplicationDto | null)[]>;
    listApplications(q: { candidateId?: string; selectionId?: string; vacancyId?: string }): Promise<ApplicationDto[]>;
  };
  document: {
    getDocumentsByIds(ids: string[]): Promise<(DocumentDto | null)[]>;
    getPdf(id: string): Promise<Buffer>;
    verifyCode(code: string): Promise<DocumentDto | null>;
  };
}
