import { withRegionalHolidays } from '@seleksi/domain';
import type { AgencyChangeRequest } from './agency';
import type {
  Actor,
  AgencyDto,
  OpenRoundDto,
  ClaimedNoticeDto,
  CreateProfileImportRequest,
  ClassifyImportRowsRequest,
  CommitImportRowsRequest,
  ImportChunkDto,
  ImportKind,
  ImportRowClass,
  ImportVersionDto,
  StageClassifiedChunkRequest,
  ImportCellError,
  ImportCountsDto,
  ProfileImportDto,
  ProfileVersionDto,
  StageImportChunkRequest,
  NoticeDto,
  NoticeStatus,
  AgencyLogoDto,
  ApplicationDto,
  ApplicationFileDto,
  AuditRecordDto,
  ConflictDeclarationDto,
  CorrectDocumentRequest,
  DocumentDto,
  DocumentVerificationDto,
  IssueDocumentRequest,
  HolidayCalendar,
  HolidayYear,
  InvitationDto,
  TalentFillingViewDto,
  RuleSetVersionDto,
  RegionalDayOff,
  AgencyElectionWindowsDto,
  ElectionRegionDto,
  ElectionRegionSave,
  ElectionRegionSaved,
  ElectionReportDutyDto,
  ScoreKind,
  ScoreRecordDto,
  ScreeningDto,
  ProfileConfirmationDto,
  ProfileConfirmationRequest,
  ProfileDisputeDecisionRequest,
  ProfileDisputeDecisionResult,
  ProfileDisputeDto,
  ProfileDto,
  ReadModelChangeDto,
  SelectionDto,
  StoreApplicationFileRequest,
  SuccessionGroupDto,
  TalentMapCounts,
  TalentMapEntryDto,
  TalentInputDto,
  TalentMapPeriodDto,
  TalentMapSlotsRequest,
  TalentMapSlotsResult,
  TalentSettings,
  MeritAspectConfig,
  MeritAssessmentDecisionRequest,
  MeritAssessmentDto,
  MeritAssessmentStatus,
  MeritEvidenceDto,
  TalentGateDecisionDto,
  TalentGateStateDto,
  TalentSystemApprovalRequest,
  TimelineEntryDto,
  VacancyAnnouncementRequest,
  IpAsnScoreDto,
  IpAsnSettings,
  IpAsnSlotsResult,
  IpAsnSummaryDto,
  IpAsnTally,
} from '@seleksi/domain';
import type { ServiceUrls } from './config';
import type {
  ApplicationListQuery,
  ApplicationSubmission,
  ApplicationSubmissionResult,
  AssessmentResultDto,
  AuditRecordListQuery,
  AuditChainHead,
  AuditVerification,
  BulkUpsertResult,
  ConflictListQuery,
  CreateApplicationRequest,
  CreateApplicationResult,
  HolidayYearRecord,
  RegionalHolidaysRecord,
  InvitationListQuery,
  ItemList,
  TalentFillingListQuery,
  Page,
  PanselMemberDto,
  ProfilePageQuery,
  RecordAuditResult,
  ScoreRecordListQuery,
  SelectionListQuery,
  SelectionSummaryDto,
  SelectionUpsertDto,
  StageEventFanOutRequest,
  StageEventFanOutResult,
  StageEventRequest,
  SuccessionGroupListQuery,
  TalentMapEntryListQuery,
} from './contracts';
import { createServiceClient, seg, ServiceError, type ServiceClient } from './http-client';
import type { ServiceTokenProvider } from './service-auth';

/** A capped read: the items, and whether the cap left some out. */
export interface CappedRead<T> {
  items: T[];
  truncated: boolean;
}
export interface TypedClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The caller's service credential (`serviceTokenProviderFromEnv`); null only against a stand-in server. */
  auth: ServiceTokenProvider | null;
}

/**
 * Time allowed to a bulk write request (up to 1000 documents). Each changed document is its own
 * FerretDB transaction (about 30 ms on SQLite, several times that on a loaded machine).
 */
export const BULK_TIMEOUT_MS = 120_000;

/** Ids per batch request, so URLs stay short whatever DataLoader hands us. */
const BATCH_SIZE = 100;

async function batched<T>(
  ids: readonly string[],
  load: (chunk: string[]) => Promise<(T | null)[]>,
): Promise<(T | null)[]> {
  const out: (T | null)[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) out.push(...(await load(ids.slice(i, i + BATCH_SIZE))));
  return out;
}

function client(baseUrlOrClient: string | ServiceClient, name: string, options: TypedClientOptions): ServiceClient {
  return typeof baseUrlOrClient === 'string'
    ? createServiceClient(baseUrlOrClient, {
        name,
        timeoutMs: options.timeoutMs ?? 10_000,
        fetch: options.fetch,
        auth: options.auth,
      })
    : baseUrlOrClient;
}

/** Client of services/candidate. Reads by id resolve to null when the record does not exist. */
export class CandidateClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions) {
    this.http = client(baseUrl, 'candidate', options);
  }

  upsertAgency(dto: AgencyDto): Promise<AgencyDto> {
    return this.http.put(`/agencies/${seg(dto.code)}`, dto);
  }
  getAgency(code: string): Promise<AgencyDto | null> {
    return this.http.get(`/agencies/${seg(code)}`, { nullOn404: true });
  }
  /** Every agency, in code order. */
  async listAgencies(): Promise<AgencyDto[]> {
    return (await this.http.get<{ items: AgencyDto[] }>('/agencies')).items;
  }
  /** An administrator's change (validated, version-checked, audited with before/after). */
  changeAgency(code: string, req: AgencyChangeRequest): Promise<AgencyDto> {
    return this.http.post(`/agencies/${seg(code)}/changes`, req);
  }

  upsertProfile(dto: ProfileDto): Promise<ProfileDto> {
    return this.http.put(`/profiles/${seg(dto.id)}`, dto);
  }
  getProfile(id: string): Promise<ProfileDto | null> {
    return this.http.get(`/profiles/${seg(id)}`, { nullOn404: true });
  }
  getProfileByNip(nip: string): Promise<ProfileDto | null> {
    return this.http.get(`/profiles/by-nip/${seg(nip)}`, { nullOn404: true });
  }
  /** In the order of `ids`, null where unknown (DataLoader-ready). */
  getProfilesByIds(ids: readonly string[]): Promise<(ProfileDto | null)[]> {
    return batched(
      ids,
      async (chunk) => (await this.http.get<ItemList<ProfileDto | null>>('/profiles', { query: { ids: chunk } })).items,
    );
  }
  /** The profiles of an agency in id order, a page at a time (pass `nextCursor` as `after`). */
  listProfilesPage(query: ProfilePageQuery): Promise<Page<ProfileDto>> {
    return this.http.get('/profiles', { query: { ...query } });
  }
  /**
   * What talent mapping reads of an agency's profiles (id, SKP): whole slots from `fromSlot` (before `toSlot`,
   * default all) until at least `limit` (default 1000) employees; `nextSlot` null when `toSlot` is reached.
   */
  listTalentInputs(query: {
    agencyCode: string;
    fromSlot: number;
    toSlot?: number;
    limit?: number;
  }): Promise<{ items: TalentInputDto[]; nextSlot: number | null }> {
    return this.http.get('/profiles/talent-inputs', { query: { ...query }, timeoutMs: BULK_TIMEOUT_MS });
  }
  // IP ASN (the run writes, the gateway reads)
  clearIpAsnScores(agencyCode: string, period: number): Promise<unknown> {
    return this.http.post(`/ip-asn/${seg(agencyCode)}/${period}/clear`, {}, { timeoutMs: BULK_TIMEOUT_MS });
  }
  /** Scores whole slots from `fromSlot` (before `toSlot`) until at least `limit` employees; their tally. */
  scoreIpAsnSlots(
    agencyCode: string,
    period: number,
    body: { fromSlot: number; toSlot: number; limit: number; settings: IpAsnSettings; computedAt: string },
  ): Promise<IpAsnSlotsResult> {
    return this.http.post(`/ip-asn/${seg(agencyCode)}/${period}/slots`, body, { timeoutMs: BULK_TIMEOUT_MS });
  }
  putIpAsnSummary(
    agencyCode: string,
    period: number,
    body: { tally: IpAsnTally; settings: IpAsnSettings; computedAt: string },
  ): Promise<IpAsnSummaryDto> {
    return this.http.put(`/ip-asn/${seg(agencyCode)}/${period}/summary`, body);
  }
  getIpAsnSummary(agencyCode: string, period: number): Promise<IpAsnSummaryDto | null> {
    return this.http.get(`/ip-asn/${seg(agencyCode)}/${period}/summary`, { nullOn404: true });
  }
  /** Every agency's summary of `period`, or one agency's summaries (newest first). */
  async listIpAsnSummaries(q: { period: number } | { agencyCode: string }): Promise<IpAsnSummaryDto[]> {
    return (await this.http.get<ItemList<IpAsnSummaryDto>>('/ip-asn/summaries', { query: { ...q } })).items;
  }
  getIpAsnScore(profileId: string, period: number): Promise<IpAsnScoreDto | null> {
    return this.http.get(`/ip-asn/scores/${seg(profileId)}/${period}`, { nullOn404: true });
  }
  async countProfiles(agencyCode: string): Promise<number> {
    // FerretDB v1 counts by reading the agency's profiles: linear, once per mapping, longer than a page.
    return (await this.http.get<{ count: number }>('/profiles/count', { query: { agencyCode }, timeoutMs: 120_000 }))
      .count;
  }
  /**
   * Bulk upsert (seeding, benchmarks), checked like `upsertProfile`; a failing request writes none of
   * its profiles, fields are `items.N.…` within it. Sent 250 per request (the service takes 1000), so
   * a slow store costs one short request, not the whole batch; unchanged profiles are not rewritten.
   */
  async upsertProfiles(items: readonly ProfileDto[]): Promise<BulkUpsertResult> {
    let upserted = 0;
    for (let i = 0; i < items.length; i += 250) {
      const body = { items: items.slice(i, i + 250) };
      upserted += (await this.http.put<BulkUpsertResult>('/profiles', body, { timeoutMs: BULK_TIMEOUT_MS })).upserted;
    }
    return { upserted };
  }

  /** Profile imports (staged for a preview, then committed by the import workflow). */
  createProfileImport(req: CreateProfileImportRequest): Promise<ProfileImportDto> {
    return this.http.post('/profile-imports', req);
  }
  stageProfileImportChunk(
    importId: string,
    n: number,
    req: StageImportChunkRequest,
  ): Promise<{ counts: ImportCountsDto; errors: ImportCellError[] }> {
    return this.http.put(`/profile-imports/${seg(importId)}/chunks/${n}`, req, { timeoutMs: BULK_TIMEOUT_MS });
  }
  /** Stages a chunk of another kind, classified already by the service owning its data. */
  stageClassifiedImportChunk(
    importId: string,
    n: number,
    req: StageClassifiedChunkRequest,
  ): Promise<{ counts: ImportCountsDto; errors: ImportCellError[] }> {
    return this.http.put(`/profile-imports/${seg(importId)}/classified-chunks/${n}`, req, {
      timeoutMs: BULK_TIMEOUT_MS,
    });
  }
  getImportChunk(importId: string, n: number): Promise<ImportChunkDto> {
    return this.http.get(`/profile-imports/${seg(importId)}/chunks/${n}`, { timeoutMs: BULK_TIMEOUT_MS });
  }
  /** Records the outcome of a chunk committed by another service; answers the first one recorded. */
  importChunkCommitted(importId: string, n: number, counts: ImportCountsDto): Promise<ImportCountsDto> {
    return this.http.post(`/profile-imports/${seg(importId)}/chunks/${n}/committed`, counts);
  }
  /** The profiles of these NIPs (≤ 1,000): id and agency. */
  async profileOwnersByNip(nips: readonly string[]): Promise<{ nip: string; id: string; agencyCode: string }[]> {
    return (
      await this.http.post<{ items: { nip: string; id: string; agencyCode: string }[] }>(
        '/profiles/owners-by-nip',
        { nips },
        { timeoutMs: BULK_TIMEOUT_MS },
      )
    ).items;
  }
  sealProfileImport(importId: string): Promise<ProfileImportDto> {
    return this.http.post(`/profile-imports/${seg(importId)}/seal`, {});
  }
  getProfileImport(importId: string): Promise<ProfileImportDto | null> {
    return this.http.get(`/profile-imports/${seg(importId)}`, { nullOn404: true });
  }
  async listProfileImports(agencyCode: string, limit = 20, kind?: ImportKind): Promise<ProfileImportDto[]> {
    const query = { agencyCode, limit, ...(kind ? { kind } : {}) };
    return (await this.http.get<{ items: ProfileImportDto[] }>('/profile-imports', { query })).items;
  }
  /** false when the import is already completed. */
  async beginProfileImport(importId: string): Promise<boolean> {
    return (await this.http.post<{ proceed: boolean }>(`/profile-imports/${seg(importId)}/begin`, {})).proceed;
  }
  commitProfileImportChunk(importId: string, n: number, at: string): Promise<ImportCountsDto> {
    return this.http.post(
      `/profile-imports/${seg(importId)}/chunks/${n}/commit`,
      { at },
      { timeoutMs: BULK_TIMEOUT_MS },
    );
  }
  finishProfileImport(importId: string, committed: ImportCountsDto, at: string): Promise<ProfileImportDto> {
    return this.http.post(`/profile-imports/${seg(importId)}/finish`, { committed, at });
  }
  /** The previous versions an import kept of a profile, newest first. */
  async listProfileVersions(profileId: string): Promise<ProfileVersionDto[]> {
    return (await this.http.get<{ items: ProfileVersionDto[] }>(`/profiles/${seg(profileId)}/versions`)).items;
  }

  /** Records the invitation once (`id` = `${selectionId}:${candidateId}`); a repeat answers the first recording. */
  putInvitation(dto: InvitationDto): Promise<InvitationDto> {
    return this.http.put(`/invitations/${seg(dto.id)}`, dto);
  }
  /** Newest first; `candidateId` or `selectionId` is required. */
  async listInvitations(query: InvitationListQuery): Promise<InvitationDto[]> {
    return (await this.http.get<ItemList<InvitationDto>>('/invitations', { query: { ...query } })).items;
  }

  /** Writes a talent filling's read-model row; a stale one (lower `seq`) leaves the stored row, which it answers. */
  putTalentFilling(dto: TalentFillingViewDto): Promise<TalentFillingViewDto> {
    return this.http.put(`/talent-fillings/${seg(dto.id)}`, dto);
  }
  getTalentFilling(id: string): Promise<TalentFillingViewDto | null> {
    return this.http.get(`/talent-fillings/${seg(id)}`, { nullOn404: true });
  }
  /** Newest first; with `waitingOn`, the inbox of that role (oldest wait first). */
  listTalentFillings(query: TalentFillingListQuery = {}): Promise<Page<TalentFillingViewDto>> {
    return this.http.get('/talent-fillings', { query: { ...query } });
  }
  /** Versions of the default selection rules of a scope ('NATIONAL' or an agency code), newest first. */
  async listRuleSetVersions(scope: string): Promise<RuleSetVersionDto[]> {
    return (await this.http.get<ItemList<RuleSetVersionDto>>(`/rule-sets/${seg(scope)}/versions`)).items;
  }
  /** Appends the next version; CONFLICT (409) when `revision` is not the next one. */
  appendRuleSetVersion(dto: RuleSetVersionDto): Promise<RuleSetVersionDto> {
    return this.http.post(`/rule-sets/${seg(dto.scope)}/versions`, dto);
  }

  upsertSelection(dto: SelectionUpsertDto): Promise<SelectionDto> {
    return this.http.put(`/selections/${seg(dto.id)}`, dto);
  }
  getSelection(id: string): Promise<SelectionDto | null> {
    return this.http.get(`/selections/${seg(id)}`, { nullOn404: true });
  }
  /** The selection without its stage history: a single `_id` lookup in the service (for the apply path). */
  getSelectionSummary(id: string): Promise<SelectionSummaryDto | null> {
    return this.http.get(`/selections/${seg(id)}/summary`, { nullOn404: true });
  }
  /** In the order of `ids`, null where unknown (DataLoader-ready). */
  getSelectionsByIds(ids: readonly string[]): Promise<(SelectionDto | null)[]> {
    return batched(
      ids,
      async (chunk) =>
        (await this.http.get<ItemList<SelectionDto | null>>('/selections', { query: { ids: chunk } })).items,
    );
  }
  /** Like `getSelectionsByIds` without the stage histories (half the lookups). */
  getSelectionSummariesByIds(ids: readonly string[]): Promise<(SelectionSummaryDto | null)[]> {
    return batched(
      ids,
      async (chunk) =>
        (
          await this.http.get<ItemList<SelectionSummaryDto | null>>('/selections', {
            query: { ids: chunk, history: 'false' },
          })
        ).items,
    );
  }
  /** Newest first. */
  listSelections(query: SelectionListQuery = {}): Promise<Page<SelectionDto>> {
    return this.http.get('/selections', { query: { ...query } });
  }
  /** Like `listSelections` without the stage histories. */
  listSelectionSummaries(query: SelectionListQuery = {}): Promise<Page<SelectionSummaryDto>> {
    return this.http.get('/selections', { query: { ...query, history: 'false' } });
  }
  /** Idempotent by `eventId`; also appends the event to the timeline of every open application. */
  recordStageEvent(selectionId: string, event: StageEventRequest): Promise<SelectionDto> {
    return this.http.post(`/selections/${seg(selectionId)}/stage-events`, event);
  }
  /** One page of a recorded stage event's fan-out to the selection's applications; idempotent. */
  fanOutStageEvent(
    selectionId: string,
    eventId: string,
    page: StageEventFanOutRequest,
  ): Promise<StageEventFanOutResult> {
    return this.http.post(`/selections/${seg(selectionId)}/stage-events/${seg(eventId)}/fan-out`, page);
  }

  /** Idempotent: a retry with the same id answers the existing record with `created: false`. */
  createApplication(req: CreateApplicationRequest): Promise<CreateApplicationResult> {
    return this.http.post('/applications', req);
  }
  /**
   * Several applications in one round trip, each stored with its first timeline entry, its audit
   * record and its linked files; every part idempotent. A typed refusal of one is its own `error`.
   */
  async submitApplications(items: readonly ApplicationSubmission[]): Promise<ApplicationSubmissionResult[]> {
    return (await this.http.post<ItemList<ApplicationSubmissionResult>>('/applications/submissions', { items })).items;
  }
  getApplication(id: string): Promise<ApplicationDto | null> {
    return this.http.get(`/applications/${seg(id)}`, { nullOn404: true });
  }
  listApplications(query: ApplicationListQuery): Promise<Page<ApplicationDto>> {
    return this.http.get('/applications', { query: { ...query } });
  }
  /** Every page of `listApplications`. */
  async listAllApplications(query: Omit<ApplicationListQuery, 'after'>): Promise<ApplicationDto[]> {
    const all: ApplicationDto[] = [];
    let after: string | undefined;
    do {
      const page = await this.listApplications({ ...query, after });
      all.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after);
    return all;
  }
  /** In the order of `ids`, null where unknown (DataLoader-ready). */
  getApplicationsByIds(ids: readonly string[]): Promise<(ApplicationDto | null)[]> {
    return batched(
      ids,
      async (chunk) =>
        (await this.http.get<ItemList<ApplicationDto | null>>('/applications', { query: { ids: chunk } })).items,
    );
  }
  /** The outbox: takes up to `limit` due notices for `leaseMs` (see services/candidate repositories/notices.ts). */
  claimNotices(limit: number, leaseMs: number): Promise<ClaimedNoticeDto[]> {
    return this.http.post('/notices/claim', { limit, leaseMs });
  }
  /** The sender's outcome for one claimed notice; FAILED with `retryAt` null gives up. */
  reportNotice(
    id: string,
    report: { outcome: 'SENT' | 'SKIPPED' | 'FAILED'; error?: string | null; retryAt?: string | null },
  ): Promise<NoticeDto> {
    return this.http.post(`/notices/${seg(id)}/report`, report);
  }
  /** Newest first; delivery state only. */
  listNotices(query: { status?: NoticeStatus[]; limit?: number } = {}): Promise<NoticeDto[]> {
    return this.http.get('/notices', {
      query: { ...(query.status?.length ? { status: query.status.join(',') } : {}), limit: query.limit },
    });
  }
  /** Puts FAILED notices back in the queue; answers how many. */
  retryNotices(ids: string[]): Promise<{ retried: number }> {
    return this.http.post('/notices/retry', { ids });
  }
  /** Idempotent by `eventId`; the application's status follows its latest entry. */
  appendTimeline(applicationId: string, entry: TimelineEntryDto): Promise<ApplicationDto> {
    return this.http.post(`/applications/${seg(applicationId)}/timeline`, entry);
  }
  /** Sets (overwrites) the application's screening result; idempotent. NOT_FOUND for an unknown application. */
  putScreening(applicationId: string, dto: ScreeningDto): Promise<ApplicationDto> {
    return this.http.put(`/applications/${seg(applicationId)}/screening`, dto);
  }

  /** Every year of the holiday calendar (shipped, or amended by an administrator), sorted by year. */
  async listHolidayYears(): Promise<HolidayYearRecord[]> {
    return (await this.http.get<ItemList<HolidayYearRecord>>('/calendars')).items;
  }
  /** One year, or null when it is neither shipped nor stored. */
  getHolidayYear(year: number): Promise<HolidayYearRecord | null> {
    return this.http.get(`/calendars/${year}`, { nullOn404: true });
  }
  /** The calendar for the working-day engine: plain `HolidayYear` data (no revision metadata) keyed by year. */
  async getHolidayCalendar(): Promise<HolidayCalendar> {
    const calendar: HolidayCalendar = {};
    for (const { year, holidays, cutiBersama, source, provisional } of await this.listHolidayYears()) {
      calendar[year] = { year, holidays, cutiBersama, source, ...(provisional ? { provisional } : {}) };
    }
    return calendar;
  }
  /** Stores an amended year as its next revision (saving the current data again adds none). */
  putHolidayYear(y: HolidayYear): Promise<HolidayYearRecord> {
    return this.http.put(`/calendars/${y.year}`, y);
  }
  getRegionalHolidays(agencyCode: string): Promise<RegionalHolidaysRecord> {
    return this.http.get(`/agencies/${encodeURIComponent(agencyCode)}/regional-holidays`);
  }
  putRegionalHolidays(agencyCode: string, days: RegionalDayOff[]): Promise<RegionalHolidaysRecord> {
    return this.http.put(`/agencies/${encodeURIComponent(agencyCode)}/regional-holidays`, { days });
  }
  /** The calendar an agency's selections count working days on: national plus the agency's regional days off. */
  async getAgencyCalendar(agencyCode: string): Promise<HolidayCalendar> {
    const [calendar, regional] = await Promise.all([this.getHolidayCalendar(), this.getRegionalHolidays(agencyCode)]);
    return withRegionalHolidays(calendar, regional.days);
  }

  /** Every region's pilkada schedules, by id. */
  async listElectionRegions(): Promise<ElectionRegionDto[]> {
    return (await this.http.get<ItemList<ElectionRegionDto>>('/election-regions')).items;
  }
  getElectionRegion(id: string): Promise<ElectionRegionDto | null> {
    return this.http.get(`/election-regions/${seg(id)}`, { nullOn404: true });
  }
  /**
   * The windows an agency's appointments fall under (its region's schedules with the configured months); null for
   * an agency the service does not know (its 404 names the field `agencyCode`). Any other 404 — a service from
   * before this route, during a rollout — is UNAVAILABLE (status 503, so activities retry): the pilkada guard
   * fails closed instead of reading "no windows".
   */
  async getAgencyElectionWindows(agencyCode: string): Promise<AgencyElectionWindowsDto | null> {
    try {
      return await this.http.get<AgencyElectionWindowsDto>(`/agencies/${seg(agencyCode)}/election-windows`);
    } catch (err) {
      if (!(err instanceof ServiceError) || err.status !== 404) throw err;
      if (err.code === 'NOT_FOUND' && err.field === 'agencyCode') return null;
      throw new ServiceError(
        err.service,
        'UNAVAILABLE',
        `${err.service} has no election windows for ${agencyCode} (answered 404 ${err.code}: ${err.message})`,
        503,
      );
    }
  }
  /** Replaces a region's schedules; saving the same again answers `changed: false`. */
  putElectionRegion(id: string, body: ElectionRegionSave): Promise<ElectionRegionSaved> {
    return this.http.put(`/election-regions/${seg(id)}`, body);
  }
  /** Opens the duty to report an appointment made inside a window (idempotent by subject) and tells the agency. */
  openElectionReportDuty(
    body: Omit<ElectionReportDutyDto, 'id' | 'report' | 'createdAt'>,
  ): Promise<ElectionReportDutyDto> {
    return this.http.post('/election-report-duties', body);
  }
  getElectionReportDuty(id: string): Promise<ElectionReportDutyDto | null> {
    return this.http.get(`/election-report-duties/${seg(id)}`, { nullOn404: true });
  }
  async listElectionReportDuties(agencyCode?: string): Promise<ElectionReportDutyDto[]> {
    return (
      await this.http.get<ItemList<ElectionReportDutyDto>>('/election-report-duties', {
        query: agencyCode ? { agencyCode } : {},
      })
    ).items;
  }
  recordElectionReport(
    id: string,
    report: NonNullable<ElectionReportDutyDto['report']>,
  ): Promise<{ duty: ElectionReportDutyDto; changed: boolean }> {
    return this.http.post(`/election-report-duties/${seg(id)}/report`, report);
  }

  /** Appends a human decision; idempotent by `decisionId` (a retry answers the first recording, `created: false`). */
  recordAudit(dto: AuditRecordDto): Promise<RecordAuditResult> {
    return this.http.post('/audit-records', dto);
  }
  /** Oldest first. */
  listAuditRecords(query: AuditRecordListQuery = {}): Promise<Page<AuditRecordDto>> {
    return this.http.get('/audit-records', { query: { ...query } });
  }
  /** The audit chain of a selection (or talent filling) recomputed from the store. */
  verifyAudit(selectionId: string, printed: AuditChainHead | null = null): Promise<AuditVerification> {
    const query = printed ? { selectionId, seq: String(printed.seq), hash: printed.hash } : { selectionId };
    return this.http.get('/audit-records/verify', { query });
  }
  /** The oversight view: every round not yet completed or cancelled (one indexed read per stage). */
  async listOpenRounds(agencyCode: string | null = null): Promise<OpenRoundDto[]> {
    return (await this.readOpenRounds(agencyCode)).items;
  }
  /** `listOpenRounds` with whether the service's cap per stage cut it (false from a service that does not say). */
  async readOpenRounds(agencyCode: string | null = null, cap?: number): Promise<CappedRead<OpenRoundDto>> {
    const query: Record<string, string> = agencyCode ? { agencyCode } : {};
    if (cap) query.cap = String(cap);
    const r = await this.http.get<{ items: OpenRoundDto[]; truncated?: boolean }>('/oversight/open-rounds', { query });
    return { items: r.items, truncated: r.truncated === true };
  }
  /** The oversight signals: every audit record of one kind, across agencies or for one agency, oldest first. */
  async listAuditRecordsOfKind(kind: string, agencyCode: string | null = null): Promise<AuditRecordDto[]> {
    return (await this.readAuditRecordsOfKind(kind, agencyCode)).items;
  }
  /**
   * `listAuditRecordsOfKind` within a period (instants: from inclusive, to exclusive; applied in the indexed read
   * before the cap), with whether the cap cut it (the newest are kept).
   */
  async readAuditRecordsOfKind(
    kind: string,
    agencyCode: string | null = null,
    period: { from?: Date | null; to?: Date | null } = {},
    cap?: number,
  ): Promise<CappedRead<AuditRecordDto>> {
    const query: Record<string, string> = agencyCode ? { kind, agencyCode } : { kind };
    if (cap) query.cap = String(cap);
    if (period.from) query.from = period.from.toISOString();
    if (period.to) query.to = period.to.toISOString();
    const r = await this.http.get<{ items: AuditRecordDto[]; truncated?: boolean }>('/oversight/audit-records', {
      query,
    });
    // An older service ignores the period: bound it here too, so the answer means the same.
    const items = r.items.filter(
      (x) => (!period.from || new Date(x.at) >= period.from) && (!period.to || new Date(x.at) < period.to),
    );
    return { items, truncated: r.truncated === true };
  }
  /** Every page of `listAuditRecords`. */
  async listAllAuditRecords(query: Omit<AuditRecordListQuery, 'after'> = {}): Promise<AuditRecordDto[]> {
    const all: AuditRecordDto[] = [];
    let after: string | undefined;
    do {
      const page = await this.listAuditRecords({ ...query, after });
      all.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after);
    return all;
  }

  /** The candidate's answer to their prefilled profile (UNCONFIRMED when none). */
  getProfileConfirmation(candidateId: string): Promise<ProfileConfirmationDto> {
    return this.http.get(`/profile-confirmations/${seg(candidateId)}`);
  }
  /** In the order of `ids` (DataLoader-ready). */
  getProfileConfirmations(ids: readonly string[]): Promise<ProfileConfirmationDto[]> {
    return batched(
      ids,
      async (chunk) =>
        (await this.http.get<ItemList<ProfileConfirmationDto>>('/profile-confirmations', { query: { ids: chunk } }))
          .items,
    ) as Promise<ProfileConfirmationDto[]>;
  }
  /** Records a confirmation or dispute (last answer wins); NOT_FOUND without a profile. */
  putProfileConfirmation(candidateId: string, req: ProfileConfirmationRequest): Promise<ProfileConfirmationDto> {
    return this.http.put(`/profile-confirmations/${seg(candidateId)}`, req);
  }

  /** Open profile disputes of an agency (every agency without one), oldest first, with their count. */
  listProfileDisputes(query: {
    agencyCode?: string;
    limit?: number;
    after?: string;
  }): Promise<{ items: ProfileDisputeDto[]; nextCursor: string | null; totalCount: number }> {
    return this.http.get('/profile-disputes', { query });
  }
  /** A dispute, open or decided; null when unknown. */
  getProfileDispute(id: string): Promise<ProfileDisputeDto | null> {
    return this.http.get(`/profile-disputes/${seg(id)}`, { nullOn404: true });
  }
  /** Decides a dispute once; the same outcome again answers the recorded decision (`created: false`). */
  decideProfileDispute(id: string, req: ProfileDisputeDecisionRequest): Promise<ProfileDisputeDecisionResult> {
    return this.http.post(`/profile-disputes/${seg(id)}/decision`, req);
  }

  /** Stores a PDF of an application once per (candidate, vacancy, kind, sha256); `created` is false on a repeat. */
  storeApplicationFile(
    req: StoreApplicationFileRequest,
    bytes: Uint8Array,
  ): Promise<ApplicationFileDto & { created: boolean }> {
    return this.http.post('/application-files', { ...req, contentBase64: Buffer.from(bytes).toString('base64') });
  }
  /**
   * `storeApplicationFile` for several files in one request (one insert for new files), answered in
   * order. The service takes 8 MB of JSON: keep a request's files to 5 MB together.
   */
  async storeApplicationFiles(
    files: readonly { req: StoreApplicationFileRequest; bytes: Uint8Array }[],
  ): Promise<(ApplicationFileDto & { created: boolean })[]> {
    const body = { files: files.map((f) => ({ ...f.req, contentBase64: Buffer.from(f.bytes).toString('base64') })) };
    return (await this.http.post<ItemList<ApplicationFileDto & { created: boolean }>>('/application-files/batch', body))
      .items;
  }
  getApplicationFile(id: string): Promise<ApplicationFileDto | null> {
    return this.http.get(`/application-files/${seg(id)}`, { nullOn404: true });
  }
  async getApplicationFileContent(id: string): Promise<Buffer | null> {
    return (await this.http.raw('GET', `/application-files/${seg(id)}/content`, { nullOn404: true }))?.bytes ?? null;
  }
  /** The linked files of these applications, grouped by application in input order. */
  async listApplicationFiles(applicationIds: readonly string[]): Promise<ApplicationFileDto[]> {
    const ids = [...new Set(applicationIds)];
    const out: ApplicationFileDto[] = [];
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      const query = { applicationIds: ids.slice(i, i + BATCH_SIZE) };
      out.push(...(await this.http.get<ItemList<ApplicationFileDto>>('/application-files', { query })).items);
    }
    return out;
  }
  /** Links stored files to their (now submitted) application; idempotent. */
  async linkApplicationFiles(applicationId: string, ids: readonly string[]): Promise<ApplicationFileDto[]> {
    return (await this.http.post<ItemList<ApplicationFileDto>>('/application-files/link', { applicationId, ids }))
      .items;
  }
  /** Removes a stored file that was never linked (its application was refused); linked files stay. */
  async discardApplicationFile(id: string): Promise<boolean> {
    const res = await this.http.raw('DELETE', `/application-files/${seg(id)}`);
    return (JSON.parse(res!.bytes.toString('utf8')) as { deleted: boolean }).deleted;
  }

  /** The read model's changes recorded at or after `since`, in recording order; page with `nextCursor`. */
  listChanges(query: { since: string; after?: string | null; limit?: number }): Promise<Page<ReadModelChangeDto>> {
    return this.http.get('/changes', { query: { ...query } });
  }
}

/** Client of services/assessment. */
export class AssessmentClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions) {
    this.http = client(baseUrl, 'assessment', options);
  }

  upsertPanselMember(dto: PanselMemberDto): Promise<PanselMemberDto> {
    return this.http.put(`/pansel-members/${seg(dto.id)}`, dto);
  }
  getPanselMember(id: string): Promise<PanselMemberDto | null> {
    return this.http.get(`/pansel-members/${seg(id)}`, { nullOn404: true });
  }
  async listPanselMembers(query: { selectionId: string }): Promise<PanselMemberDto[]> {
    return (await this.http.get<ItemList<PanselMemberDto>>('/pansel-members', { query })).items;
  }

  upsertAssessmentResult(dto: AssessmentResultDto): Promise<AssessmentResultDto> {
    return this.http.put(`/assessment-results/${seg(dto.id)}`, dto);
  }
  getAssessmentResult(id: string): Promise<AssessmentResultDto | null> {
    return this.http.get(`/assessment-results/${seg(id)}`, { nullOn404: true });
  }
  /** Newest assessment first. */
  async listAssessmentResults(query: { candidateId: string }): Promise<AssessmentResultDto[]> {
    return (await this.http.get<ItemList<AssessmentResultDto>>('/assessment-results', { query })).items;
  }
  /** The results of many candidates (≤ 100 per request), grouped by candidate in input order, each newest first. */
  async listAssessmentResultsFor(candidateIds: readonly string[]): Promise<AssessmentResultDto[]> {
    const ids = [...new Set(candidateIds)];
    const out: AssessmentResultDto[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const query = { candidateIds: ids.slice(i, i + 100) };
      out.push(...(await this.http.get<ItemList<AssessmentResultDto>>('/assessment-results', { query })).items);
    }
    return out;
  }

  /** Upsert by `dto.id` (the whole record is replaced). */
  putScoreRecord(dto: ScoreRecordDto): Promise<ScoreRecordDto> {
    return this.http.put(`/score-records/${seg(dto.id)}`, dto);
  }
  /** Sorted by applicationId, kind, memberId (null first), round; `selectionId` or `applicationId` is required. */
  async listScoreRecords(query: ScoreRecordListQuery): Promise<ScoreRecordDto[]> {
    return (await this.http.get<ItemList<ScoreRecordDto>>('/score-records', { query: { ...query } })).items;
  }
  /** The score records of many candidates (≤ 100 per request), optionally of one kind (e.g. TRACK_RECORD). */
  async listScoreRecordsFor(candidateIds: readonly string[], kind?: ScoreKind): Promise<ScoreRecordDto[]> {
    const ids = [...new Set(candidateIds)];
    const out: ScoreRecordDto[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      out.push(...(await this.listScoreRecords({ candidateIds: ids.slice(i, i + 100), kind })));
    }
    return out;
  }

  /** Upsert by `dto.id`; one declaration per (selection, member, candidate), CONFLICT on field `id` otherwise. */
  putConflict(dto: ConflictDeclarationDto): Promise<ConflictDeclarationDto> {
    return this.http.put(`/conflicts/${seg(dto.id)}`, dto);
  }
  /** Ordered by selectionId, memberId, candidateId; at least one filter is required. */
  async listConflicts(query: ConflictListQuery): Promise<ConflictDeclarationDto[]> {
    return (await this.http.get<ItemList<ConflictDeclarationDto>>('/conflicts', { query: { ...query } })).items;
  }

  /**
   * Stores an agency's talent settings as given (only `agencyCode` and being a JSON object are checked
   * here; the talent rules validate the rest) and answers them.
   */
  /** Classes of an import chunk's rows of a kind this service owns (the preview). */
  async classifyImportRows(req: ClassifyImportRowsRequest): Promise<ImportRowClass[]> {
    return (
      await this.http.post<{ classes: ImportRowClass[] }>('/imports/classify', req, { timeoutMs: BULK_TIMEOUT_MS })
    ).classes;
  }
  /** Commits an import chunk's rows of a kind this service owns; idempotent. */
  commitImportRows(req: CommitImportRowsRequest): Promise<ImportCountsDto> {
    return this.http.post('/imports/commit', req, { timeoutMs: BULK_TIMEOUT_MS });
  }
  /** What imports replaced of a result (its id) or a target post (`<agency>:<post id>`), newest first. */
  async listImportVersions(subjectId: string): Promise<ImportVersionDto[]> {
    return (await this.http.get<ItemList<ImportVersionDto>>(`/import-versions/${seg(subjectId)}`)).items;
  }
  putTalentSettings(settings: TalentSettings): Promise<TalentSettings> {
    return this.http.put(`/talent-settings/${seg(settings.agencyCode)}`, settings);
  }
  /** The agency's settings as stored by `putTalentSettings`, or null when it has none. */
  getTalentSettings(agencyCode: string): Promise<TalentSettings | null> {
    return this.http.get(`/talent-settings/${seg(agencyCode)}`, { nullOn404: true });
  }

  /** A new draft merit-system assessment; CONFLICT while the agency's latest one is not validated. */
  startMeritAssessment(req: {
    agencyCode: string;
    period: string;
    config: MeritAspectConfig;
    by: Actor;
  }): Promise<MeritAssessmentDto> {
    return this.http.post('/merit-assessments', req);
  }
  getMeritAssessment(id: string): Promise<MeritAssessmentDto | null> {
    return this.http.get(`/merit-assessments/${seg(id)}`, { nullOn404: true });
  }
  /** An agency's assessments newest first, or every agency's in one status. */
  async listMeritAssessments(query: {
    agencyCode?: string;
    status?: MeritAssessmentStatus;
  }): Promise<MeritAssessmentDto[]> {
    return (await this.http.get<ItemList<MeritAssessmentDto>>('/merit-assessments', { query: { ...query } })).items;
  }
  /** The agency's scores and notes of a draft or returned assessment, at the version read. */
  editMeritAssessment(
    id: string,
    req: { expectedVersion: number; aspects: { code: string; score: number | null; note: string | null }[] },
  ): Promise<MeritAssessmentDto> {
    return this.http.put(`/merit-assessments/${seg(id)}/scores`, req);
  }
  /** Submit, adjust, return or validate: the new state and the recorded decision. */
  decideMeritAssessment(
    id: string,
    req: MeritAssessmentDecisionRequest,
  ): Promise<{ assessment: MeritAssessmentDto; decision: TalentGateDecisionDto }> {
    return this.http.post(`/merit-assessments/${seg(id)}/decisions`, req);
  }
  /** Stores an evidence PDF once per (assessment, aspect, content). */
  storeMeritEvidence(
    assessmentId: string,
    req: { aspectCode: string; fileName: string; by: Actor },
    bytes: Uint8Array,
  ): Promise<MeritEvidenceDto> {
    return this.http.post(`/merit-assessments/${seg(assessmentId)}/evidence`, {
      ...req,
      contentBase64: Buffer.from(bytes).toString('base64'),
    });
  }
  getMeritEvidence(id: string): Promise<MeritEvidenceDto | null> {
    return this.http.get(`/merit-evidence/${seg(id)}`, { nullOn404: true });
  }
  async getMeritEvidenceContent(id: string): Promise<Buffer | null> {
    return (await this.http.raw('GET', `/merit-evidence/${seg(id)}/content`, { nullOn404: true }))?.bytes ?? null;
  }
  /** The overseer's approval of the agency's talent-management system, or its withdrawal (recorded). */
  decideTalentSystemApproval(agencyCode: string, req: TalentSystemApprovalRequest): Promise<TalentGateDecisionDto> {
    return this.http.post(`/talent-gate/${seg(agencyCode)}/approval`, req);
  }
  /** What the talent route's gate reads: the latest validated index and the standing approval. */
  getTalentGateState(agencyCode: string): Promise<TalentGateStateDto> {
    return this.http.get(`/talent-gate/${seg(agencyCode)}`);
  }
  /** Every decision on the agency's talent gate, oldest first. */
  async listTalentGateDecisions(agencyCode: string): Promise<TalentGateDecisionDto[]> {
    return (await this.http.get<ItemList<TalentGateDecisionDto>>(`/talent-gate/${seg(agencyCode)}/decisions`)).items;
  }

  /**
   * Idempotent upsert by entry id. Sent 250 per request (the service takes 1000): each changed entry
   * is its own FerretDB transaction, while new ones go in one insert, so re-mapping a period from
   * scratch is faster after `deleteTalentMapPeriod`.
   */
  async putTalentMapEntries(items: readonly TalentMapEntryDto[]): Promise<BulkUpsertResult> {
    let upserted = 0;
    for (let i = 0; i < items.length; i += 250) {
      const body = { items: items.slice(i, i + 250) };
      upserted += (await this.http.put<BulkUpsertResult>('/talent-map/entries', body, { timeoutMs: BULK_TIMEOUT_MS }))
        .upserted;
    }
    return { upserted };
  }
  /**
   * Maps a page of employees (slots [fromSlot, toSlot) of the agency, sent with their SKP) in one request: the
   * service reads the slots' assessments and track records, scores and writes the entries. Idempotent.
   */
  mapTalentSlots(agencyCode: string, period: string, body: TalentMapSlotsRequest): Promise<TalentMapSlotsResult> {
    return this.http.post(`/talent-map/${seg(agencyCode)}/${seg(period)}/slots`, body, { timeoutMs: BULK_TIMEOUT_MS });
  }
  /** Entries per box '1'..'9', unmapped (box null) and total of an agency's map for a period. */
  getTalentMapCounts(agencyCode: string, period: string): Promise<TalentMapCounts> {
    return this.http.get(`/talent-map/${seg(agencyCode)}/${seg(period)}/counts`);
  }
  /** A page of the map (or of one box): score descending with unscored last, then employeeId. */
  listTalentMapEntries({ agencyCode, period, ...query }: TalentMapEntryListQuery): Promise<Page<TalentMapEntryDto>> {
    return this.http.get(`/talent-map/${seg(agencyCode)}/${seg(period)}/entries`, { query: { ...query } });
  }
  /**
   * Deletes an agency's map of a period, answering how many entries it had. For re-mapping a period
   * from scratch: on FerretDB v1 inserting is cheap, replacing a changed entry is not.
   */
  async deleteTalentMapPeriod(agencyCode: string, period: string): Promise<{ deleted: number }> {
    const res = await this.http.raw('DELETE', `/talent-map/${seg(agencyCode)}/${seg(period)}`);
    return JSON.parse(res!.bytes.toString('utf8')) as { deleted: number };
  }
  /** Every period's entry of a person, newest period first. */
  async getTalentHistory(employeeId: string): Promise<TalentMapEntryDto[]> {
    return (await this.http.get<ItemList<TalentMapEntryDto>>(`/talent-map/history/${seg(employeeId)}`)).items;
  }
  /** The mapped periods of an agency, newest first, with their latest `mappedAt` and size. */
  async listTalentMapPeriods(agencyCode: string): Promise<TalentMapPeriodDto[]> {
    return (await this.http.get<ItemList<TalentMapPeriodDto>>(`/talent-map/${seg(agencyCode)}/periods`)).items;
  }

  /** Upsert by `dto.id` (= `${agencyCode}:${year}:${postId}`); the whole group is replaced. */
  putSuccessionGroup(dto: SuccessionGroupDto): Promise<SuccessionGroupDto> {
    return this.http.put(`/succession-groups/${seg(dto.id)}`, dto);
  }
  /** An agency's groups, newest year first, then by post. */
  async listSuccessionGroups(query: SuccessionGroupListQuery): Promise<SuccessionGroupDto[]> {
    return (await this.http.get<ItemList<SuccessionGroupDto>>('/succession-groups', { query: { ...query } })).items;
  }
  getSuccessionGroup(id: string): Promise<SuccessionGroupDto | null> {
    return this.http.get(`/succession-groups/${seg(id)}`, { nullOn404: true });
  }
}

export interface PdfFile {
  bytes: Buffer;
  contentType: string;
  filename: string | null;
}

/** Client of services/document. */
export class DocumentClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions) {
    // Rendering a PDF takes longer than a read.
    this.http = client(baseUrl, 'document', { timeoutMs: 30_000, ...options });
  }

  /** Idempotent by `idempotencyKey`: the same key always yields the same document and number. */
  issueVacancyAnnouncement(req: VacancyAnnouncementRequest): Promise<DocumentDto> {
    return this.http.post('/documents', req);
  }
  /**
   * Issues any official document (announcement, decree, minutes, letter…), numbered from the agency's
   * scheme. Idempotent by `idempotencyKey`; a key reused for another kind or agency is a 409 CONFLICT.
   */
  issueDocument(req: IssueDocumentRequest): Promise<DocumentDto> {
    return this.http.post('/documents', req);
  }
  /** Stages one part of a document's input (idempotent by key and index); see services/document models/document-part.ts. */
  async putDocumentPart(key: string, index: number, part: object): Promise<void> {
    await this.http.put(`/document-parts/${seg(key)}/${index}`, { part });
  }
  /** A staged part as it was put; null when unknown. */
  getDocumentPart<T>(key: string, index: number): Promise<T | null> {
    return this.http.get(`/document-parts/${seg(key)}/${index}`, { nullOn404: true });
  }
  getDocument(id: string): Promise<DocumentDto | null> {
    return this.http.get(`/documents/${seg(id)}`, { nullOn404: true });
  }
  /** In the order of `ids`, null where unknown (DataLoader-ready). */
  getDocumentsByIds(ids: readonly string[]): Promise<(DocumentDto | null)[]> {
    return batched(
      ids,
      async (chunk) =>
        (await this.http.get<ItemList<DocumentDto | null>>('/documents', { query: { ids: chunk } })).items,
    );
  }
  async listDocuments(query: { selectionId: string }): Promise<DocumentDto[]> {
    return (await this.http.get<ItemList<DocumentDto>>('/documents', { query })).items;
  }
  async getPdf(id: string): Promise<PdfFile | null> {
    const res = await this.http.raw('GET', `/documents/${seg(id)}/pdf`, { nullOn404: true });
    if (!res) return null;
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
    return { bytes: res.bytes, contentType: res.contentType, filename };
  }
  /** Every version of a document's line (original and corrections), oldest first; null when unknown. */
  async listVersions(id: string): Promise<DocumentDto[] | null> {
    const res = await this.http.get<ItemList<DocumentDto>>(`/documents/${seg(id)}/versions`, { nullOn404: true });
    return res ? res.items : null;
  }
  /** The request a document was rendered from (what a correction edits); null when not kept. */
  getDocumentSource(id: string): Promise<IssueDocumentRequest | null> {
    return this.http.get(`/documents/${seg(id)}/source`, { nullOn404: true });
  }
  /** Issues the next version of `id`; idempotent by `idempotencyKey`; CONFLICT when `id` was already corrected. */
  correctDocument(id: string, req: CorrectDocumentRequest): Promise<DocumentDto> {
    return this.http.post(`/documents/${seg(id)}/corrections`, req);
  }
  /** Stores a logo after checking its content (INVALID_IMAGE on field `logo` otherwise). */
  async putLogo(bytes: Uint8Array): Promise<AgencyLogoDto> {
    const res = await this.http.raw('POST', '/logos', { body: bytes, contentType: 'application/octet-stream' });
    if (!res) throw new Error('logos returned no body');
    return JSON.parse(res.bytes.toString('utf8')) as AgencyLogoDto;
  }
  /** A stored logo's bytes by content hash; null when unknown. */
  async getLogo(sha256: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const res = await this.http.raw('GET', `/logos/${seg(sha256)}`, { nullOn404: true });
    return res ? { bytes: res.bytes, contentType: res.contentType } : null;
  }
  /** What a printed verification code (QR) says: VALID, SUPERSEDED (with the newest version) or NOT_FOUND. */
  verifyCode(code: string): Promise<DocumentVerificationDto> {
    return this.http.get(`/verify/${seg(code)}`);
  }
  /**
   * Checks a file byte for byte (SHA-256). With `code`, the file must be the document that code belongs
   * to; without, any issued document. FILE_MISMATCH when it is not.
   */
  async verifyFile(pdf: Uint8Array, code?: string | null): Promise<DocumentVerificationDto> {
    const res = await this.http.raw('POST', '/verify-file', {
      body: pdf,
      contentType: 'application/pdf',
      ...(code ? { query: { code } } : {}),
    });
    if (!res) throw new Error('verify-file returned no body');
    return JSON.parse(res.bytes.toString('utf8')) as DocumentVerificationDto;
  }
}

export interface ServiceClients {
  candidate: CandidateClient;
  assessment: AssessmentClient;
  document: DocumentClient;
}

/** The three typed clients from the `serviceUrlsEnv` config fragment. */
export function createServiceClients(urls: ServiceUrls, options: TypedClientOptions): ServiceClients {
  return {
    candidate: new CandidateClient(urls.CANDIDATE_SERVICE_URL, options),
    assessment: new AssessmentClient(urls.ASSESSMENT_SERVICE_URL, options),
    document: new DocumentClient(urls.DOCUMENT_SERVICE_URL, options),
  };
}
