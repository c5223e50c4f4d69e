/**
 * Contracts of the candidate portal's records in services/candidate: the candidate's confirmation or
 * dispute of their ASN profile, the files uploaded with an application, and the change feed the
 * gateway polls for its subscriptions.
 */
import type { Actor } from './roles';
import type { ProfileDisputeResolutionDto } from './profile-disputes';
import type { ApplicationStatus, ReasonCode, SelectionStage } from './stages';

export const PROFILE_CONFIRMATION_STATUSES = ['UNCONFIRMED', 'CONFIRMED', 'DISPUTED'] as const;
export type ProfileConfirmationStatus = (typeof PROFILE_CONFIRMATION_STATUSES)[number];

/** Parts of an ASN profile a candidate may dispute (names of `ProfileDto` fields or groups of them). */
export const PROFILE_FIELDS = [
  'name',
  'nip',
  'rank',
  'agencyCode',
  'education',
  'educationMajor',
  'careers',
  'skp',
  'lhkpnFiled',
  'disciplinarySanction',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Minimum length of the note that explains a dispute. */
export const PROFILE_DISPUTE_NOTE_MIN = 10;

/** The candidate's answer to their prefilled profile; UNCONFIRMED (no `at`, no `by`) until they answer. */
export interface ProfileConfirmationDto {
  candidateId: string;
  status: ProfileConfirmationStatus;
  /** Why the data is wrong (DISPUTED only). */
  note: string | null;
  /** The disputed parts (DISPUTED only). */
  fields: ProfileField[];
  at: string | null;
  by: Actor | null;
  /** The open or decided dispute (DISPUTED only). */
  disputeId?: string | null;
  /** The staff's decision on the dispute, once taken (the candidate's in-portal status). */
  resolution?: ProfileDisputeResolutionDto | null;
}

/** Body of `PUT /profile-confirmations/:candidateId`. */
export interface ProfileConfirmationRequest {
  status: Exclude<ProfileConfirmationStatus, 'UNCONFIRMED'>;
  note?: string | null;
  fields?: ProfileField[];
  by: Actor;
  at: string;
}

export const APPLICATION_DOCUMENT_KINDS = [
  'APPLICATION_LETTER',
  'CV',
  'STATEMENT_LETTER',
  'SKP',
  'LHKPN_RECEIPT',
  'PERMISSION_LETTER',
  'OTHER',
] as const;
export type ApplicationDocumentKind = (typeof APPLICATION_DOCUMENT_KINDS)[number];

/** Kinds every application with documents must carry. */
export const REQUIRED_APPLICATION_DOCUMENT_KINDS: readonly ApplicationDocumentKind[] = ['APPLICATION_LETTER', 'CV'];

/**
 * A file uploaded with an application (metadata; the bytes are served separately). Stored once per
 * (candidate, vacancy, kind, sha256) before the application is submitted, and `linked` once it is.
 */
export interface ApplicationFileDto {
  id: string;
  candidateId: string;
  selectionId: string;
  vacancyId: string;
  /** `applicationId(vacancyId, candidateId)`: known before the application exists. */
  applicationId: string;
  kind: ApplicationDocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  /** Set once the application was submitted; unlinked files are never shown. */
  linkedAt: string | null;
}

/** Metadata of `POST /application-files` (the body is the PDF itself). */
export interface StoreApplicationFileRequest {
  candidateId: string;
  selectionId: string;
  vacancyId: string;
  kind: ApplicationDocumentKind;
  fileName: string;
}

/** One change of the read model, as the change feed (`GET /changes`) reports it. */
export type ReadModelChangeDto =
  | {
      kind: 'APPLICATION_STATUS';
      /** Unique per change (the timeline entry's id). */
      id: string;
      recordedAt: string;
      applicationId: string;
      status: ApplicationStatus;
      reasonCode: ReasonCode;
      at: string;
      expectedNextAt: string | null;
    }
  | {
      kind: 'SELECTION_STAGE';
      id: string;
      recordedAt: string;
      selectionId: string;
      stage: SelectionStage;
      reasonCode: ReasonCode;
      at: string;
      expectedNextAt: string | null;
    };
