/**
 * Wire shapes of the services' REST APIs that are not in `@seleksi/domain` (request wrappers, pages,
 * and the assessment service's records). Candidates to move into the domain contracts when stable.
 */
import type {
  ApplicationDto,
  ApplicationStatus,
  AuditChainHead,
  AuditRecordDto,
  ErrorCode,
  HolidayYear,
  RegionalDayOff,
  ScoreKind,
  SelectionDto,
  SelectionStage,
  StageEventDto,
  TalentFillingActor,
} from '@seleksi/domain';

/** A page of a cursor-paginated list; pass `nextCursor` as `after` for the next page (null = last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many match, when the list answers it (a selection's searched or sorted applications). */
  total?: number;
}

/** `{ items }` wrapper of the unpaginated lists. */
export interface ItemList<T> {
  items: T[];
}

/** Body of `PUT /selections/:id`: the read model without its stage history (kept by stage events; ignored if sent). */
export type SelectionUpsertDto = Omit<SelectionDto, 'stageHistory'>;

export interface SelectionListQuery {
  agencyCode?: string;
  stage?: SelectionStage;
  limit?: number;
  after?: string;
}

/** Body of `POST /selections/:id/stage-events`. */
export interface StageEventRequest extends StageEventDto {
  /** Status for the applications' timeline entries; defaults to the stage's mapping. */
  applicationStatus?: ApplicationStatus | null;
  /**
   * false: record the event only; its applications are then reached page by page through
   * `POST /selections/:id/stage-events/:eventId/fan-out` (a round of thousands in calls of bounded size).
   * Default true: all of them in this call (small selections, older callers).
   */
  fanOut?: boolean;
}

/** Body of `POST /selections/:id/stage-events/:eventId/fan-out`: one page of the selection's applications by id. */
export interface StageEventFanOutRequest {
  applicationStatus?: ApplicationStatus | null;
  /** The previous page's `next`; absent for the first page. */
  after?: string | null;
  /** Applications per page (default 250, at most 1,000). */
  limit?: number;
}

export interface StageEventFanOutResult {
  /** Entries added by this page (0 when repeated). */
  added: number;
  /** The cursor of the next page, or null after the last. */
  next: string | null;
}

/** Body of `POST /applications`. `id` must be `applicationId(vacancyId, candidateId)`. */
export interface CreateApplicationRequest {
  id: string;
  selectionId: string;
  vacancyId: string;
  candidateId: string;
  submittedAt: string;
  /** Permission of the candidate's home PPK to apply; stored as sent by the first submission. */
  homePpkPermission?: boolean;
}

/** Answer of `POST /applications`: `created` is false on an idempotent retry (HTTP 200 instead of 201). */
/** A selection without its stage history (GET /selections/:id/summary: one `_id` lookup). */
export type SelectionSummaryDto = Omit<SelectionDto, 'stageHistory'>;

export type CreateApplicationResult = ApplicationDto & { created: boolean };

/** One application of `POST /applications/submissions`: the record, its audit record and the files to link. */
export interface ApplicationSubmission {
  application: CreateApplicationRequest;
  audit: AuditRecordDto;
  /** Stored files of this application (candidate × vacancy) to link; none when sent without documents. */
  fileIds?: string[];
}

/** Per submission, in order: the stored application, or the typed reason it was not stored. */
export type ApplicationSubmissionResult =
  | { application: ApplicationDto; error?: undefined }
  | { application?: undefined; error: { code: ErrorCode; message: string; field?: string } };

/** Orders of a selection's applications (each on an index led by selectionId). */
export const APPLICATION_SORTS = ['ID', 'NAME', 'SUBMITTED_AT'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export interface ApplicationListQuery {
  candidateId?: string;
  selectionId?: string;
  vacancyId?: string;
  limit?: number;
  after?: string;
  /** With selectionId: a name prefix, or digits as a NIP prefix (case-insensitive). */
  search?: string;
  /** With selectionId; ID (the default) pages by id, the others by position. */
  sort?: ApplicationSort;
  desc?: boolean;
}

/** A member of a selection committee (Pansel), owned by services/assessment. Personal data: name. */
export interface PanselMemberDto {
  id: string;
  userId?: string | null;
  name: string;
  institution: string;
  /** From inside the agency (the rest must be external). */
  internal: boolean;
  partyMember: boolean;
  /** An official of BKN (the civil-service agency) sitting on the committee. */
  bknOfficial?: boolean;
  selectionIds: string[];
}

/** A managerial/socio-cultural competency assessment of a candidate, owned by services/assessment. */
export interface AssessmentResultDto {
  id: string;
  candidateId: string;
  provider: string;
  assessedAt: string; // YYYY-MM-DD
  managerial: number; // 0–100
  socioCultural: number; // 0–100
  validUntil: string; // YYYY-MM-DD
  /** The assessor's potential level (1 rendah, 2 menengah, 3 tinggi), when reported (imports). */
  potentialLevel?: 1 | 2 | 3 | null;
}

/**
 * A year of the holiday calendar as services/candidate serves it: the shipped year (`revision` 0,
 * `updatedAt` null) or the latest amendment an administrator stored (`revision` 1, 2, …).
 */
export interface HolidayYearRecord extends HolidayYear {
  revision: number;
  updatedAt: string | null;
}

/** An agency's regional days off (`GET/PUT /agencies/:code/regional-holidays`). */
export interface RegionalHolidaysRecord {
  agencyCode: string;
  days: RegionalDayOff[];
  /** 0 when never saved; +1 per change. */
  revision: number;
  updatedAt: string | null;
}

/** Answer of `POST /audit-records`: `created` is false when the decision was already recorded (HTTP 200). */
export type RecordAuditResult = AuditRecordDto & { created: boolean };

/** Query of `GET /audit-records` (oldest first). */
export interface AuditRecordListQuery {
  selectionId?: string;
  subjectId?: string;
  kind?: string;
  limit?: number;
  after?: string;
}

/** Query of `GET /score-records`: `selectionId`, `applicationId` or `candidateIds` (≤ 200) is required. */
export interface ScoreRecordListQuery {
  selectionId?: string;
  applicationId?: string;
  candidateIds?: readonly string[];
  kind?: ScoreKind;
  memberId?: string;
}

/** Query of `GET /conflicts`: at least one filter is required. */
export interface ConflictListQuery {
  selectionId?: string;
  memberId?: string;
  candidateId?: string;
}

/** Query of `GET /profiles` by agency: a page in id order (pass the previous page's `nextCursor` as `after`). */
export interface ProfilePageQuery {
  agencyCode: string;
  /** 1–1000, default 100. */
  limit?: number;
  after?: string | null;
}

/** Answer of the bulk upserts (`PUT /profiles`, `PUT /talent-map/entries`). */
export interface BulkUpsertResult {
  upserted: number;
}

/** Query of `GET /talent-fillings`. */
export interface TalentFillingListQuery {
  agencyCode?: string;
  stage?: string;
  /** The inbox of one role: fillings waiting on its decision, oldest wait first. */
  waitingOn?: TalentFillingActor;
  /** 1–100, default 20. */
  limit?: number;
  after?: string;
}

/** Query of `GET /invitations`: at least one filter is required. */
export interface InvitationListQuery {
  candidateId?: string;
  selectionId?: string;
}

/**
 * Query of the talent map's drill-down: score descending (unscored last), then employeeId. `box` is
 * 1–9 or 'none' (the unmapped); `after` is the previous page's `nextCursor`.
 */
export interface TalentMapEntryListQuery {
  agencyCode: string;
  period: string;
  box?: number | 'none';
  /** 1–1000, default 100. */
  limit?: number;
  after?: string | null;
}

/** Query of `GET /succession-groups`. */
export interface SuccessionGroupListQuery {
  agencyCode: string;
  year?: number;
}

export type { AuditChainHead };

/** Why a link of an audit chain is broken (`GET /audit-records/verify`). */
export type AuditLinkProblem =
  /** The stored hash is not the hash of the record as stored: the record was edited. */
  | 'HASH_MISMATCH'
  /** The record does not name the previous record's hash: a link was replaced. */
  | 'PREVIOUS_HASH_MISMATCH'
  /** A sequence number is missing: a record was deleted. */
  | 'MISSING_LINK'
  /** A sequence number out of order (repeated, not whole): a record was inserted. */
  | 'UNEXPECTED_SEQUENCE'
  /** The record carries no sequence number or hash: written around the chain. */
  | 'UNCHAINED';

/** The first broken link of an audit chain. */
export interface AuditBrokenLink {
  /** The sequence number the chain expected at this position (1-based). */
  seq: number;
  /** The record found there, null when none was. */
  decisionId: string | null;
  problem: AuditLinkProblem;
}

/** Answer of `GET /audit-records/verify?selectionId=`: the chain recomputed from the store. */
export interface AuditVerification {
  selectionId: string;
  ok: boolean;
  /** Records read. */
  length: number;
  /** The last link when the chain is whole, else the last intact one before the break (null if none). */
  head: AuditChainHead | null;
  firstBroken: AuditBrokenLink | null;
  /** Asked with a printed head: whether that link is in the intact part of the chain, unchanged (else null). */
  printedHeadFound: boolean | null;
}
