/**
 * Filling a JPT post from the talent pool (domain.md §3): gate → successor proposal → committee
 * confirmation → overseer → PPK decision → decree → inauguration; an open selection when the gate
 * fails or no eligible talent exists. Imported by workflow code, activities, the gateway and tests.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  appointmentRoute,
  talentDecisionUpdateName,
  type TalentDecisionName,
  type TalentFillingStage,
  type Actor,
  type AgencyDto,
  type AppointmentRouteKind,
  type DocumentDto,
  type LocalDate,
  type OverseerRules,
  type SelectionRules,
  type TalentDecisionArgs,
} from '@seleksi/domain';
import type { UpdateDefinition } from '@temporalio/common';
import type { RecordedDecision, VacancyPlan } from '../open-selection/definitions';
import type { AppointmentPermissionArgs, ElectionGuardState } from '../election/definitions';

/** The filling's steps and its decisions are declared in @seleksi/domain (talent-decisions.ts). */
export { TALENT_FILLING_STAGES, type TalentFillingStage } from '@seleksi/domain';

export interface TalentPoolFillingInput {
  fillingId: string;
  agency: AgencyDto;
  post: VacancyPlan;
  plannedInaugurationDate: LocalDate;
  ppkTitle: string;
  overseer: OverseerRules;
  /** Rules the fallback open selection starts with. */
  fallbackRules: SelectionRules;
  signatory: { name: string; title: string; nip?: string | null };
  createdBy: Actor;
  createdAt: string;
  /** The open-selection vacancy whose Pansel switched it to this route (decideVacancy SWITCH_ROUTE). */
  switchedFrom?: { selectionId: string; vacancyId: string } | null;
}

export interface SuccessorView {
  employeeId: string;
  box: number;
  score: number;
  order: number | null;
  excluded: boolean;
  reasons: string[];
}

export interface TalentPoolFillingState {
  fillingId: string;
  agencyCode: string;
  postId: string;
  post: VacancyPlan;
  plannedInaugurationDate: LocalDate;
  stage: TalentFillingStage;
  gate: { open: boolean; meritCategory: string | null; reasons: string[]; period: string | null } | null;
  successors: SuccessorView[];
  confirmed: boolean;
  overseerVerdict: 'APPROVE' | 'REJECT' | null;
  /** Who appoints (domain.md §1.2): the PPK, or the President on the PPK's proposal. */
  route: AppointmentRouteKind;
  /** The PPK's decision: the appointee (route PPK) or the successor proposed to the President. */
  proposedEmployeeId: string | null;
  /** The President's decree (Keppres) as the secretariat recorded it; null on the PPK route. */
  presidentialDecree: { number: string; date: LocalDate } | null;
  appointedEmployeeId: string | null;
  decree: DocumentDto | null;
  inaugurationDate: LocalDate | null;
  fallback: { selectionId: string; workflowId: string; reason: string; invited: string[] } | null;
  decisions: RecordedDecision[];
  /** The pilkada guard (absent in fillings started before it). */
  election?: ElectionGuardState;
  /** As in the input: the vacancy of an open selection this filling continues. */
  switchedFrom?: { selectionId: string; vacancyId: string } | null;
}

export interface ConfirmProposalArgs {
  actor: Actor;
  confirm: boolean;
  reason: string;
}
export interface TalentOverseerArgs {
  actor: Actor;
  verdict: 'APPROVE' | 'REJECT';
  reason: string;
  reference?: string | null;
}
export interface DecideSuccessorArgs {
  actor: Actor;
  employeeId: string;
  /** Required when the first successor is not the one appointed. */
  justification?: string | null;
}
export interface TalentPresidentialDecisionArgs {
  actor: Actor;
  employeeId: string;
  decreeNumber: string;
  decreeDate: LocalDate;
  /** Required when the President appoints other than the first successor. */
  justification?: string | null;
}
export interface TalentInaugurationArgs {
  actor: Actor;
  date: LocalDate;
  place: string;
}

export const confirmProposalUpdate = defineUpdate<RecordedDecision, [ConfirmProposalArgs]>('confirmProposal');
export const talentOverseerDecisionUpdate = defineUpdate<RecordedDecision, [TalentOverseerArgs]>(
  'talentOverseerDecision',
);
export const decideSuccessorUpdate = defineUpdate<RecordedDecision, [DecideSuccessorArgs]>('decideSuccessor');
export const recordTalentPresidentialDecisionUpdate = defineUpdate<RecordedDecision, [TalentPresidentialDecisionArgs]>(
  'recordTalentPresidentialDecision',
);
export const recordTalentInaugurationUpdate = defineUpdate<RecordedDecision, [TalentInaugurationArgs]>(
  'recordTalentInauguration',
);
/** The Update arguments of the talent decisions, written before their declarations. */
interface WrittenTalentDecisionArgs {
  confirmProposal: ConfirmProposalArgs;
  talentOverseerDecision: TalentOverseerArgs;
  decideSuccessor: DecideSuccessorArgs;
  recordTalentPresidentialDecision: TalentPresidentialDecisionArgs;
  recordTalentInauguration: TalentInaugurationArgs;
  recordTalentElectionPermission: AppointmentPermissionArgs;
}

/** A declared talent decision's Update arguments: the acting user and its declared arguments (without fillingId). */
export type TalentDecisionUpdateArgs<N extends TalentDecisionName> = N extends keyof WrittenTalentDecisionArgs
  ? WrittenTalentDecisionArgs[N]
  : { actor: Actor } & Omit<TalentDecisionArgs<N>, 'fillingId'>;

/** A declared talent decision's Update (its declared Update name), answered with the recorded decision. */
export function talentDecisionUpdate<N extends TalentDecisionName>(
  name: N,
): UpdateDefinition<RecordedDecision, [TalentDecisionUpdateArgs<N>]> {
  return defineUpdate<RecordedDecision, [TalentDecisionUpdateArgs<N>]>(talentDecisionUpdateName(name));
}

/** A filling as it starts (the workflow's first state; also what the gateway answers before the workflow does). */
export function initialFillingState(input: TalentPoolFillingInput): TalentPoolFillingState {
  return {
    fillingId: input.fillingId,
    agencyCode: input.agency.code,
    postId: input.post.id,
    post: input.post,
    plannedInaugurationDate: input.plannedInaugurationDate,
    stage: 'GATE_CHECK',
    gate: null,
    successors: [],
    confirmed: false,
    overseerVerdict: null,
    route: appointmentRoute(input.post.level, {
      agencyKind: input.agency.kind,
      isRegionalSecretary: input.post.regionalSecretary ?? false,
    }),
    proposedEmployeeId: null,
    presidentialDecree: null,
    appointedEmployeeId: null,
    decree: null,
    inaugurationDate: null,
    fallback: null,
    decisions: [],
    switchedFrom: input.switchedFrom ?? null,
  };
}

export const getFillingStateQuery = defineQuery<TalentPoolFillingState>('getFillingState');

/** Patch: Madya/Utama posts wait for the President's decree after the PPK's proposal. */
export const TALENT_PRESIDENT_ROUTE = 'talent-president-route';
/** Patch: the filling projects itself into the candidate service's read model at each step. */
export const TALENT_READ_MODEL = 'talent-filling-read-model';

export function talentFillingWorkflowId(agencyCode: string, fillingId: string): string {
  return `talent-filling:${agencyCode}:${fillingId}`;
}
