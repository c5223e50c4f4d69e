import type {
  AgencyDto,
  ApplicationDto,
  DocumentDto,
  ProfileDto,
  SelectionDto,
  TimelineEntryDto,
  VacancyAnnouncementRequest,
} from '@seleksi/domain';
import type { ServiceUrls } from './config';
import type {
  ApplicationListQuery,
  AssessmentResultDto,
  CreateApplicationRequest,
  CreateApplicationResult,
  ItemList,
  Page,
  PanselMemberDto,
  SelectionListQuery,
  SelectionUpsertDto,
  StageEventRequest,
} from './contracts';
import { createServiceClient, seg, type ServiceClient } from './http-client';

export interface TypedClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

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
    ? createServiceClient(baseUrlOrClient, { name, timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch })
    : baseUrlOrClient;
}

/** Client of services/candidate. Reads by id resolve to null when the record does not exist. */
export class CandidateClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions = {}) {
    this.http = client(baseUrl, 'candidate', options);
  }

  upsertAgency(dto: AgencyDto): Promise<AgencyDto> {
    return this.http.put(`/agencies/${seg(dto.code)}`, dto);
  }
  getAgency(code: string): Promise<AgencyDto | null> {
    return this.http.get(`/agencies/${seg(code)}`, { nullOn404: true });
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

  upsertSelection(dto: SelectionUpsertDto): Promise<SelectionDto> {
    return this.http.put(`/selections/${seg(dto.id)}`, dto);
  }
  getSelection(id: string): Promise<SelectionDto | null> {
    return this.http.get(`/selections/${seg(id)}`, { nullOn404: true });
  }
  /** Newest first. */
  listSelections(query: SelectionListQuery = {}): Promise<Page<SelectionDto>> {
    return this.http.get('/selections', { query: { ...query } });
  }
  /** Idempotent by `eventId`; also appends the event to the timeline of every open application. */
  recordStageEvent(selectionId: string, event: StageEventRequest): Promise<SelectionDto> {
    return this.http.post(`/selections/${seg(selectionId)}/stage-events`, event);
  }

  /** Idempotent: a retry with the same id answers the existing record with `created: false`. */
  createApplication(req: CreateApplicationRequest): Promise<CreateApplicationResult> {
    return this.http.post('/applications', req);
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
  /** Idempotent by `eventId`; the application's status follows its latest entry. */
  appendTimeline(applicationId: string, entry: TimelineEntryDto): Promise<ApplicationDto> {
    return this.http.post(`/applications/${seg(applicationId)}/timeline`, entry);
  }
}

/** Client of services/assessment. */
export class AssessmentClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions = {}) {
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
}

export interface PdfFile {
  bytes: Buffer;
  contentType: string;
  filename: string | null;
}

/** Client of services/document. */
export class DocumentClient {
  readonly http: ServiceClient;
  constructor(baseUrl: string | ServiceClient, options: TypedClientOptions = {}) {
    // Rendering a PDF takes longer than a read.
    this.http = client(baseUrl, 'document', { timeoutMs: 30_000, ...options });
  }

  /** Idempotent by `idempotencyKey`: the same key always yields the same document and number. */
  issueVacancyAnnouncement(req: VacancyAnnouncementRequest): Promise<DocumentDto> {
    return this.http.post('/documents', req);
  }
  getDocument(id: string): Promise<DocumentDto | null> {
    return this.http.get(`/documents/${seg(id)}`, { nullOn404: true });
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
  /** The document a printed verification code (QR) belongs to, or null. */
  verifyCode(code: string): Promise<DocumentDto | null> {
    return this.http.get(`/verify/${seg(code)}`, { nullOn404: true });
  }
  /** The document whose stored bytes equal `pdf` exactly (SHA-256), or null. */
  async verifyFile(pdf: Uint8Array): Promise<DocumentDto | null> {
    const res = await this.http.raw('POST', '/verify-file', {
      body: pdf,
      contentType: 'application/pdf',
      nullOn404: true,
    });
    return res ? (JSON.parse(res.bytes.toString('utf8')) as DocumentDto) : null;
  }
}

export interface ServiceClients {
  candidate: CandidateClient;
  assessment: AssessmentClient;
  document: DocumentClient;
}

/** The three typed clients from the `serviceUrlsEnv` config fragment. */
export function createServiceClients(urls: ServiceUrls, options: TypedClientOptions = {}): ServiceClients {
  return {
    candidate: new CandidateClient(urls.CANDIDATE_SERVICE_URL, options),
    assessment: new AssessmentClient(urls.ASSESSMENT_SERVICE_URL, options),
    document: new DocumentClient(urls.DOCUMENT_SERVICE_URL, options),
  };
}
