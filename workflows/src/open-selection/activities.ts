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
import { callService } from '../activity-errors';
import type {
  ApplicationState,
  OpenSelectionInput,
  PanselMemberPlan,
  VacancyState,
  VacancyStatus,
} from './definitions';
import { buildStageDocument } from './documents';

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
      homePpkPermission?: boolean;
    }): Promise<ApplicationDto>;
    getApplication(id: string): Promise<ApplicationDto | null>;
    appendTimeline(applicationId: string, entry: TimelineEntryDto): Promise<unknown>;
    putScreening(applicationId: string, dto: ScreeningDto): Promise<unknown>;
    getProfilesByIds(ids: readonly string[]): Promise<(ProfileDto | null)[]>;
    getAgency(code: string): Promise<AgencyDto | null>;
    recordAudit(dto: AuditRecordDto): Promise<unknown>;
  };
  assessment: {
    putScoreRecord(dto: ScoreRecordDto): Promise<unknown>;
    putConflict(dto: ConflictDeclarationDto): Promise<unknown>;
  };
  document: {
    issueVacancyAnnouncement(req: VacancyAnnouncementRequest): Promise<DocumentDto>;
    issueDocument(req: IssueDocumentRequest): Promise<DocumentDto>;
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
    applications: (ApplicationState & { total: number | null; interviewScore: number | null })[];
  };
  vacancyIds: string[];
  applicationIds: string[] | null;
  withScores: boolean;
  withScreening: boolean;
  extra: Record<string, string | number | null>;
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
            };
          }),
          announcementDocumentId: snapshot.announcementDocumentId,
          simulation: !!input.simulation,
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

    async recordApplicationEvent(applicationId: string, entry: TimelineEntryDto): Promise<void> {
      await callService(() => ports.candidate.appendTimeline(applicationId, entry));
    },

    async recordAudit(dto: AuditRecordDto): Promise<void> {
      await callService(() => ports.candidate.recordAudit(dto));
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
            title: input.simulation ? `[SIMULASI] ${input.title}` : input.title,
            announcementDate: input.announcementDate,
            registrationClosesAt: input.registrationClosesAt,
            timeZone: agency.timeZone,
            vacancies: input.vacancies.map((v) => ({ id: v.id, level: v.level, position: v.position, unit: v.unit })),
            requirements: input.requirements,
          },
          signatory: input.signatory,
        }),
      );
    },

    async issueStageDocument(spec: StageDocumentSpec): Promise<DocumentDto> {
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
      const outcomes: ScreeningOutcome[] = [];
      for (const [i, a] of req.applications.entries()) {
        const profile = profiles[i];
        if (!profile) {
          outcomes.push({
            applicationId: a.applicationId,
            eligible: false,
            failedRequirements: ['Data ASN tidak ditemukan'],
          });
          continue;
        }
        if (!provinces.has(profile.agencyCode)) {
          const agency = await callService(() => ports.candidate.getAgency(profile.agencyCode));
          provinces.set(profile.agencyCode, agency?.province ?? null);
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
        outcomes.push({
          applicationId: a.applicationId,
          eligible: result.eligible,
          failedRequirements: result.requirements
            .filter((r) => !r.met)
            .map((r) => `${REQUIREMENT_LABELS[r.key] ?? r.label}: ${r.reason ?? r.detail}`),
        });
      }
      return outcomes;
    },

    /** Keeps the engine's requirement table and records the Pansel's decision over it. */
    async storeScreeningOverride(
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
