/**
 * Open selection (seleksi terbuka): inputs, rules pinned per selection, messages and failure types.
 * Imported by workflow code, activities, the gateway and tests: keep it free of Node built-ins.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  AgencyDto,
  ApplicationStatus,
  DayKind,
  DocumentDto,
  ErrorCode,
  LocalDate,
  SelectionStage,
  VacancyDto,
} from '@seleksi/domain';

/** Task queue served by the Seleksi JPT worker. */
export const TASK_QUEUE = 'seleksi-jpt';

/** Version of the rule-set shape; bump when the meaning of a field changes. */
export const RULES_VERSION = '2026.1';

/**
 * Rules pinned on the selection when it starts (domain.md §1): a later change of defaults never
 * alters a running selection.
 */
export interface SelectionRules {
  version: string;
  registrationDays: number;
  registrationDayKind: DayKind;
  minApplicantsPerVacancy: number;
  vacanciesPerCandidate: number;
  extension: { days: number; maxTimes: number };
  scope: 'NATIONAL' | 'PROVINCE';
  overseerEra: 'KASN' | 'BKN' | 'GENERIC';
}

export const DEFAULT_SELECTION_RULES: SelectionRules = {
  version: RULES_VERSION,
  registrationDays: 15,
  registrationDayKind: 'CALENDAR',
  minApplicantsPerVacancy: 4,
  vacanciesPerCandidate: 1,
  extension: { days: 7, maxTimes: 2 },
  scope: 'NATIONAL',
  overseerEra: 'BKN',
};

export type VacancyPlan = Pick<VacancyDto, 'id' | 'level' | 'position' | 'unit'>;

export interface OpenSelectionInput {
  selectionId: string;
  agency: AgencyDto;
  title: string;
  /** Local date the announcement is published and registration opens. */
  announcementDate: LocalDate;
  /** Computed at creation with the working-day engine and pinned; amendments come as updates. */
  registrationClosesAt: string;
  vacancies: VacancyPlan[];
  rules: SelectionRules;
  /** Requirement lines printed in the announcement (Bahasa Indonesia). */
  requirements: string[];
  signatory: { name: string; title: string; nip?: string | null };
  createdBy: Actor;
  createdAt: string;
}

/** A human decision as kept in the audit record: who, when, what and why. */
export interface RecordedDecision {
  decisionId: string;
  kind: 'APPLICATION_SUBMITTED';
  by: Actor;
  at: string;
  reason: string | null;
  subjectId: string;
}

export interface SubmitApplicationArgs {
  candidateId: string;
  vacancyId: string;
  actor: Actor;
}

export interface SubmitApplicationResult {
  applicationId: string;
  vacancyId: string;
  status: ApplicationStatus;
  submittedAt: string;
  decision: RecordedDecision;
}

export interface OpenSelectionState {
  selectionId: string;
  agencyCode: string;
  stage: SelectionStage;
  registrationClosesAt: string;
  announcementDocument: DocumentDto | null;
  applicationsPerVacancy: Record<string, number>;
  decisions: RecordedDecision[];
}

export const submitApplicationUpdate = defineUpdate<SubmitApplicationResult, [SubmitApplicationArgs]>(
  'submitApplication',
);
export const getSelectionStateQuery = defineQuery<OpenSelectionState>('getSelectionState');

/** Failure types thrown by this workflow; the gateway maps them to GraphQL error codes. */
export type OpenSelectionFailureType = Extract<
  ErrorCode,
  | 'REGISTRATION_CLOSED'
  | 'WRONG_STAGE'
  | 'UNKNOWN_VACANCY'
  | 'DUPLICATE_APPLICATION'
  | 'APPLICATION_LIMIT_REACHED'
  | 'FORBIDDEN'
>;

/** Details attached to every business failure: the input field at fault. */
export interface FailureDetails {
  field?: string;
}
