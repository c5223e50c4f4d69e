import type { ReannouncementData } from '../../components/Reannouncement';

/** Shapes of the staff queries' answers (see queries/staff.ts). */
import type { RouteStageRow } from '../../components/StageStepper';

export interface DecisionView {
  decisionId: string;
  kind: string;
  at: string;
  reason: string | null;
  subjectId: string | null;
  by: { userId: string; role: string; displayName: string | null };
}

export interface StageEventView {
  stage: string;
  at: string;
  expectedNextAt: string | null;
  reasonText?: string;
}

export interface SelectionListItem {
  id: string;
  title: string;
  stage: string;
  agencyCode: string;
  announcementDate: string;
  registrationClosesAt: string;
  simulation: boolean;
  vacancies: { id: string; position: string; level: string }[];
  stageHistory: StageEventView[];
}

export interface SelectionsData {
  selections: {
    edges: { node: SelectionListItem }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface RankedEntryView {
  applicationId: string;
  rank: number | null;
  total: number | null;
  qualified: boolean;
  shortlisted: boolean;
  note: string;
}

export interface ProcessVacancyView {
  id: string;
  level: string | null;
  position: string | null;
  unit: string | null;
  status: string;
  extensions: number;
  applicants: number;
  pendingDecision: string | null;
  outcome: string | null;
  shortlist: string[];
  ranking: RankedEntryView[];
  proposedApplicationId: string | null;
  appointedApplicationId: string | null;
  decreeNumber: string | null;
  inaugurationDate: string | null;
}

export interface InterviewScoreView {
  memberId: string;
  value: number;
  round: number;
  at: string;
}

export interface ProcessApplicationView {
  applicationId: string;
  candidateId: string;
  candidateName: string | null;
  vacancyId: string;
  status: string;
  submittedAt: string;
  eligible: boolean | null;
  failedRequirements: string[];
  screeningReopened: boolean;
  withdrawn: boolean;
  assessment: { managerial: number; socioCultural: number; paper: number; presentation: number; score: number } | null;
  trackRecord: { score: number; eliminated: boolean } | null;
  calibrationRound: number;
  calibrationRequested: boolean;
  interviewScoreCount: number;
  interviewScores: InterviewScoreView[] | null;
}

export interface ObjectionView {
  objectionId: string;
  applicationId: string;
  phase: string;
  filedAt: string;
  text: string | null;
  upheld: boolean | null;
  answer: string | null;
  answeredAt: string | null;
  reopenStage: string | null;
}

export interface PanselMemberView {
  id: string;
  name: string;
  institution: string;
  internal: boolean;
  role: string;
  isMe: boolean;
}

export interface StageScheduleView {
  stage: 'COMPETENCY_ASSESSMENT' | 'INTERVIEW';
  startsAt: string;
  localDate: string;
  /** "HH:mm" at the agency */
  localTime: string;
  timeZone: string;
  /** "Senin, 14 Desember 2026 pukul 08.30 WITA" */
  text: string;
  place: string;
  notes: string | null;
  revision: number;
}

export interface SelectionProcessView {
  selectionId: string;
  stage: string;
  title: string;
  simulation: boolean;
  registrationClosesAt: string;
  myMemberId: string | null;
  /** `provisional`: computed on a calendar whose year has no SKB yet (kalender sementara). */
  deadline: { label: string; at: string; lastDay: string; provisional?: boolean } | null;
  overseer: { subject: string; round: number; requestedAt: string; escalations: number } | null;
  electionPermission: { letterNumber: string; letterDate: string; scope: string | null } | null;
  /** The region's pilkada windows, resolved when the appointment step opened. */
  electionWindows: { from: string; to: string; label: string | null }[] | null;
  /** The duty to report an appointment made inside a window (null outside one). */
  electionReportDutyId?: string | null;
  schedules: StageScheduleView[];
  vacancies: ProcessVacancyView[];
  pansel: PanselMemberView[];
  recusals: { memberId: string; candidateId: string }[];
  applications: ProcessApplicationView[];
  objections: ObjectionView[];
  decisions: DecisionView[] | null;
}

export interface SelectionView {
  id: string;
  title: string;
  stage: string;
  agencyCode: string;
  announcementDate: string;
  registrationClosesAt: string;
  simulation: boolean;
  timeZone: string;
  workflowId: string;
  temporalUiUrl: string | null;
  stageHistory: StageEventView[];
  route: RouteStageRow[];
  vacancies: {
    id: string;
    position: string;
    unit: string;
    level: string;
    status: string;
    followUp?: ReannouncementData['vacancies'][number]['followUp'];
  }[];
  reannouncementOf?: ReannouncementData['reannouncementOf'];
}

export interface DashboardData {
  selection: SelectionView | null;
  selectionProcess: SelectionProcessView;
}

export interface DocumentRow {
  id: string;
  kind: string;
  number: string;
  title: string;
  date: string;
  version: number;
  visibility: string;
  downloadUrl: string;
  correctionReason: string | null;
  supersededBy: { id: string; number: string } | null;
}

/** What a panel needs: the process, a way to reload it, and who is looking. */
export interface PanelProps {
  process: SelectionProcessView;
  reload: () => void;
}
