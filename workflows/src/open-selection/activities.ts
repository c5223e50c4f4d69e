/**
 * Activities of the open selection: each is an idempotent call to a service that owns the data.
 * Built by a factory so tests and the worker inject real service clients.
 */
import type {
  Actor,
  AgencyDto,
  ApplicationDto,
  ApplicationStatus,
  AuditRecordDto,
  ConflictDeclarationDto,
  DocumentDto,
  DocumentKind,
  EligibilityRules,
  IssueDocumentRequest,
  JptLevel,
  LocalDate,
  ProfileDto,
  ScoreRecordDto,
  ScreeningDto,
  SelectionDto,
  SelectionStage,
  StageEventDto,
  TimelineEntryDto,
  VacancyDto,
  VacancyAnnouncementRequest,
} from '@seleksi/domain';
import { evaluateEligibility, REQUIREMENT_LABELS, selectionWorkflowId } from '@seleksi/domain';
import type { CreateApplicationRequest } from '@seleksi/kit';
import { Context } from '@temporalio/activity';
import { callService } from '../activity-errors';
import type {
  ApplicationState,
  OpenSelectionInput,
  PanselMemberPlan,
  VacancyState,
  VacancyStatus,
} from './definitions';
import { withParts, type StageDocumentPart } from './document-parts';
import { buildStageDocument } from './documents';

/** The service operations these activities need (satisfied by the kit's service clients). */
export interface OpenSelectionPorts {
  candidate: {
    upsertSelection(dto: Omit<SelectionDto, 'stageHistory'>): Promise<unknown>;
    recordStageEvent(
      selectionId: string,
      event: StageEventDto & { applicationStatus?: ApplicationStatus; fanOut?: boolean },
    ): Promise<unknown>;
    fanOutStageEvent(
      selectionId: string,
      eventId: string,
      page: { applicationStatus?: ApplicationStatus | null; after?: string | null; limit?: number },
    ): Promise<{ added: number; next: string | null }>;
    createApplication(body: CreateApplicationRequest): Promise<ApplicationDto>;
    getApplication(id: string): Promise<ApplicationDto | null>;
    appendTimeline(applicationId: string, entry: TimelineEntryDto): Promise<unknown>;
    putScreening(applicationId: string, dto: ScreeningDto): Promise<unknown>;
    getProfilesByIds(ids: readonly string[]): Promise<(ProfileDto | null)[]>;
    getAgency(code: string): Promise<AgencyDto | null>;
    recordAudit(dto: AuditRecordDto): Promise<unknown>;
    submitApplications(items: readonly ApplicationSubmission[]): Promise<ApplicationSubmissionResult[]>;
  };
  assessment: {
    putScoreRecord(dto: ScoreRecordDto): Promise<unknown>;
    putConflict(dto: ConflictDeclarationDto): Promise<unknown>;
  };
  document: {
    issueVacancyAnnouncement(req: VacancyAnnouncementRequest): Promise<DocumentDto>;
    issueDocument(req: IssueDocumentRequest): Promise<DocumentDto>;
    putDocumentPart(key: string, index: number, part: object): Promise<void>;
    getDocumentPart<T>(key: string, index: number): Promise<T | null>;
  };
}

/** Documents of the open selection's stages (the announcement has its own request; talent documents are the talent route's). */
export type StageDocumentKind = Exclude<
  DocumentKind,
  'VACANCY_ANNOUNCEMENT' | 'SUCCESSION_GROUP_DECISION' | 'SUCCESSOR_PROPOSAL'
>;

/** What the workflow knows when a stage asks for its document; names are looked up by the activity. */
export interface StageDocumentSpec {
  kind: StageDocumentKind;
  /** Idempotency key: the same key never yields a second document or number. */
  key: string;
  date: LocalDate;
  input: OpenSelectionInput;
  state: {
    pansel: PanselMemberPlan[];
    vacancies: VacancyState[];
    applications: DocumentApplication[];
  };
  vacancyIds: string[];
  applicationIds: string[] | null;
  withScores: boolean;
  withScreening: boolean;
  extra: Record<string, string | number | boolean | null>;
  /**
   * How many parts of rows the workflow staged first (`stageDocumentPart`): their applications and
   * ranking entries complete `state`. Absent in histories from before the parts.
   */
  parts?: number;
}

/** What a stage document prints of an application (scores only on score documents). */
export type DocumentApplication = Pick<
  ApplicationState,
  | 'applicationId'
  | 'candidateId'
  | 'vacancyId'
  | 'eligible'
  | 'failedRequirements'
  | 'withdrawn'
  | 'assessment'
  | 'trackRecord'
> & { total: number | null; interviewScore: number | null };

/** One timeline entry of one application. */
export interface ApplicationEvent {
  applicationId: string;
  entry: TimelineEntryDto;
}

/** One application of a batch: its record, its audit record and the files to link (one service call for all). */
export interface ApplicationSubmission {
  application: Parameters<OpenSelectionPorts['candidate']['createApplication']>[0];
  audit: AuditRecordDto;
  fileIds?: string[];
}

export type ApplicationSubmissionResult =
  | { application: ApplicationDto; error?: undefined }
  | { application?: undefined; error: { code: string; message: string; field?: string } };

/** A decision's audit record and what it changes, written by one activity (each part idempotent). */
export interface DecisionEffects {
  audit: AuditRecordDto;
  scores?: ScoreRecordDto[];
  conflict?: ConflictDeclarationDto;
  screeningOverride?: { applicationId: string; eligible: boolean; reason: string; actor: Actor; at: string };
  events?: ApplicationEvent[];
  /** The application to store (a candidate applying); stored before the audit record names it. */
  application?: Parameters<OpenSelectionPorts['candidate']['createApplication']>[0];
}

/** Calls per batch activity that run at once against a service. */
const PARALLEL_CALLS = 8;

/** Runs `fn` over `items` with at most `limit` calls at once, heartbeating as items complete. */
async function eachLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!);
      heartbeat(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Applications per page of a stage event's fan-out. */
const FAN_OUT_PAGE = 250;

/**
 * The cursor a previous attempt of this event's fan-out reached (null: the event was recorded, no page
 * done yet), or undefined for a first attempt (or outside an activity).
 */
function resumeCursor(eventId: string): string | null | undefined {
  try {
    const d = Context.current().info.heartbeatDetails as { eventId?: string; after?: string | null } | undefined;
    return d?.eventId === eventId && d.after !== undefined ? d.after : undefined;
  } catch {
    return undefined;
  }
}

/** Heartbeats when running inside an activity (not when a unit test calls the function directly). */
function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // outside an activity context
  }
}

export interface ScreeningRequest {
  selectionId: string;
  agency: AgencyDto;
  scope: 'NATIONAL' | 'PROVINCE';
  eligibility: EligibilityRules;
  plannedInaugurationDate: LocalDate;
  asOf: LocalDate;
  at: string;
  applications: {
    applicationId: string;
    candidateId: string;
    homePpkPermission: boolean;
    vacancy: { level: JptLevel; field: string | null };
  }[];
}

export interface ScreeningOutcome {
  applicationId: string;
  eligible: boolean;
  /** Labels of the failed requirements with their reasons (Bahasa Indonesia). */
  failedRequirements: string[];
}

/** Read-model vacancy status for each workflow vacancy status. */
const VACANCY_STATUS: Record<VacancyStatus, VacancyDto['status']> = {
  OPEN: 'OPEN',
  EXTENDED: 'OPEN',
  AWAITING_DECISION: 'CLOSED',
  IN_SELECTION: 'CLOSED',
  SHORTLISTED: 'CLOSED',
  APPOINTEE_CHOSEN: 'CLOSED',
  DECREED: 'CLOSED',
  FILLED: 'FILLED',
  CANCELLED: 'CANCELLED',
  SWITCHED_ROUTE: 'CANCELLED',
  REANNOUNCE: 'CANCELLED',
};

export function createOpenSelectionActivities(ports: OpenSelectionPorts) {
  async function storeScreeningOverride(
    applicationId: string,
    o: { eligible: boolean; reason: string; actor: Actor; at: string },
  ): Promise<void> {
    const current = await callService(() => ports.candidate.getApplication(applicationId));
    const screening = current?.screening;
    await callService(() =>
      ports.candidate.putScreening(applicationId, {
        eligible: o.eligible,
        requirements: screening?.requirements ?? [],
        rulesVersion: screening?.rulesVersion ?? 'PANSEL',
        decidedBy: 'PANSEL',
        overrideReason: o.reason,
        decidedAt: o.at,
        actor: o.actor,
      }),
    );
  }

  return {
    async projectSelection(
      input: OpenSelectionInput,
      snapshot: {
        stage: SelectionStage;
        registrationClosesAt: string;
        announcementDocumentId: string | null;
        vacancies: VacancyState[];
      },
    ): Promise<void> {
      await callService(() =>
        ports.candidate.upsertSelection({
          id: input.selectionId,
          agencyCode: input.agency.code,
          title: input.title,
          workflowId: selectionWorkflowId(input.agency.code, input.selectionId),
          stage: snapshot.stage,
          timeZone: input.agency.timeZone,
          announcementDate: input.announcementDate,
          registrationClosesAt: snapshot.registrationClosesAt,
          vacancies: input.vacancies.map((v) => {
            const s = snapshot.vacancies.find((x) => x.id === v.id);
            return {
              id: v.id,
              level: v.level,
              position: v.position,
              unit: v.unit,
              status: s ? VACANCY_STATUS[s.status] : 'OPEN',
              outcome: s?.outcome ?? null,
              shortlist: s && s.shortlist.length > 0 ? s.shortlist : null,
              ...(s?.followUp ? { followUp: s.followUp } : {}),
            };
          }),
          announcementDocumentId: snapshot.announcementDocumentId,
          simulation: !!input.simulation,
          rules: input.rules,
          ...(input.reannouncementOf
            ? {
                origin: {
                  selectionId: input.reannouncementOf.selectionId,
                  vacancyId: input.reannouncementOf.vacancyId,
                },
              }
            : {}),
          createdBy: input.createdBy,
          createdAt: input.createdAt,
        }),
      );
    },

    /**
     * Records the stage event, then reaches the round's applications page by page (each call bounded,
     * whatever the round's size), heartbeating the cursor: a retry resumes after the last page done.
     */
    async recordSelectionStage(
      selectionId: string,
      event: StageEventDto & { applicationStatus?: ApplicationStatus },
    ): Promise<void> {
      const { applicationStatus, ...stageEvent } = event;
      const resumed = resumeCursor(event.eventId);
      if (resumed === undefined)
        await callService(() => ports.candidate.recordStageEvent(selectionId, { ...stageEvent, fanOut: false }));
      let after = resumed ?? null;
      do {
        const page = await callService(() =>
          ports.candidate.fanOutStageEvent(selectionId, event.eventId, {
            applicationStatus: applicationStatus ?? null,
            after,
            limit: FAN_OUT_PAGE,
          }),
        );
        after = page.next;
        heartbeat({ eventId: event.eventId, after });
      } while (after);
    },

    async recordApplicationEvent(applicationId: string, entry: TimelineEntryDto): Promise<void> {
      await callService(() => ports.candidate.appendTimeline(applicationId, entry));
    },

    async recordAudit(dto: AuditRecordDto): Promise<void> {
      await callService(() => ports.candidate.recordAudit(dto));
    },

    async issueVacancyAnnouncement(
      input: OpenSelectionInput & { registrationProvisional?: boolean },
    ): Promise<DocumentDto> {
      const agency: AgencyDto = input.agency;
      return callService(() =>
        ports.document.issueVacancyAnnouncement({
          idempotencyKey: `${selectionWorkflowId(agency.code, input.selectionId)}:VACANCY_ANNOUNCEMENT`,
          kind: 'VACANCY_ANNOUNCEMENT',
          agency,
          selection: {
            id: input.selectionId,
            title: input.simulation ? `[SIMULASI] ${input.title}` : input.title,
            announcementDate: input.announcementDate,
            registrationClosesAt: input.registrationClosesAt,
            ...(input.registrationProvisional ? { registrationProvisional: true } : {}),
            timeZone: agency.timeZone,
            vacancies: input.vacancies.map((v) => ({ id: v.id, level: v.level, position: v.position, unit: v.unit })),
            requirements: input.requirements,
          },
          signatory: input.signatory,
        }),
      );
    },

    /** Stages one part of a document's rows in the document service (idempotent by key and index). */
    async stageDocumentPart(key: string, index: number, part: StageDocumentPart): Promise<void> {
      await callService(() => ports.document.putDocumentPart(key, index, part));
    },

    async issueStageDocument(staged: StageDocumentSpec): Promise<DocumentDto> {
      const parts: StageDocumentPart[] = [];
      for (let i = 0; i < (staged.parts ?? 0); i += 1) {
        const part = await callService(() => ports.document.getDocumentPart<StageDocumentPart>(staged.key, i));
        // Staged by the workflow before this activity was scheduled: missing means the store lost it.
        if (!part) throw new Error(`document part ${i} of ${staged.key} is missing`);
        parts.push(part);
      }
      const spec = withParts(staged, parts);
      const ids = [...new Set(spec.state.applications.map((a) => a.candidateId))];
      const profiles = ids.length > 0 ? await callService(() => ports.candidate.getProfilesByIds(ids)) : [];
      const names = new Map(profiles.flatMap((p) => (p ? [[p.id, { name: p.name, nip: p.nip }] as const] : [])));
      const request = buildStageDocument(spec, names);
      return callService(() => ports.document.issueDocument(request));
    },

    async storeApplication(body: {
      id: string;
      selectionId: string;
      vacancyId: string;
      candidateId: string;
      submittedAt: string;
      homePpkPermission: boolean;
    }): Promise<ApplicationDto> {
      return callService(() => ports.candidate.createApplication(body));
    },

    /** Runs the eligibility engine on each application with the pinned rules and stores the result. */
    async screenApplications(req: ScreeningRequest): Promise<ScreeningOutcome[]> {
      const profiles = await callService(() =>
        ports.candidate.getProfilesByIds(req.applications.map((a) => a.candidateId)),
      );
      const provinces = new Map<string, string | null>();
      for (const code of new Set(profiles.flatMap((p) => (p ? [p.agencyCode] : [])))) {
        const agency = await callService(() => ports.candidate.getAgency(code));
        provinces.set(code, agency?.province ?? null);
      }
      return eachLimited([...req.applications.entries()], PARALLEL_CALLS, async ([i, a]): Promise<ScreeningOutcome> => {
        const profile = profiles[i];
        if (!profile) {
          return { applicationId: a.applicationId, eligible: false, failedRequirements: ['Data ASN tidak ditemukan'] };
        }
        const result = evaluateEligibility(
          {
            profile,
            candidateAgencyProvince: provinces.get(profile.agencyCode) ?? null,
            vacancy: a.vacancy,
            selectionAgency: { code: req.agency.code, province: req.agency.province },
            scope: req.scope,
            plannedInaugurationDate: req.plannedInaugurationDate,
            asOf: req.asOf,
            homePpkPermission: a.homePpkPermission,
          },
          req.eligibility,
        );
        await callService(() =>
          ports.candidate.putScreening(a.applicationId, {
            eligible: result.eligible,
            requirements: result.requirements,
            rulesVersion: result.rulesVersion,
            decidedBy: 'ENGINE',
            overrideReason: null,
            decidedAt: req.at,
            actor: null,
          }),
        );
        return {
          applicationId: a.applicationId,
          eligible: result.eligible,
          failedRequirements: result.requirements
            .filter((r) => !r.met)
            .map((r) => `${REQUIREMENT_LABELS[r.key] ?? r.label}: ${r.reason ?? r.detail}`),
        };
      });
    },

    /** Keeps the engine's requirement table and records the Pansel's decision over it. */
    storeScreeningOverride,

    /** Timeline entries of many applications (a batch of a stage's status changes). */
    async recordApplicationEvents(events: ApplicationEvent[]): Promise<void> {
      await eachLimited(events, PARALLEL_CALLS, (e) =>
        callService(() => ports.candidate.appendTimeline(e.applicationId, e.entry)),
      );
    },

    /**
     * One decision: the stored application (when applying), the scores, conflict or screening override
     * it records, the audit record and the timeline entries. Every part is idempotent, so a retry
     * after a partial failure completes it without doubling anything.
     */
    async recordDecision(effects: DecisionEffects): Promise<ApplicationDto | null> {
      const stored = effects.application
        ? await callService(() => ports.candidate.createApplication(effects.application!))
        : null;
      for (const r of effects.scores ?? []) await callService(() => ports.assessment.putScoreRecord(r));
      if (effects.conflict) await callService(() => ports.assessment.putConflict(effects.conflict!));
      if (effects.screeningOverride)
        await storeScreeningOverride(effects.screeningOverride.applicationId, effects.screeningOverride);
      await callService(() => ports.candidate.recordAudit(effects.audit));
      for (const e of effects.events ?? [])
        await callService(() => ports.candidate.appendTimeline(e.applicationId, e.entry));
      return stored;
    },

    /**
     * A batch of applications (the `submitApplications` Update) in one service call; idempotent, so a
     * retry after a partial failure completes it. Typed refusals come back per item.
     */
    async recordApplications(items: ApplicationSubmission[]): Promise<ApplicationSubmissionResult[]> {
      return callService(() => ports.candidate.submitApplications(items));
    },

    async storeScores(records: ScoreRecordDto[]): Promise<void> {
      for (const r of records) await callService(() => ports.assessment.putScoreRecord(r));
    },

    async storeConflict(dto: ConflictDeclarationDto): Promise<void> {
      await callService(() => ports.assessment.putConflict(dto));
    },
  };
}

export type OpenSelectionActivities = ReturnType<typeof createOpenSelectionActivities>;
