/** Enums of the open-selection process; values mirror the workflow's exported unions. */
import {
  CORRECTABLE_STAGES,
  type OverseerSubject,
  type OverseerVerdict,
  type PanselMemberPlan,
  type VacancyOutcome,
  type VacancyState,
  type VacancyStatus,
  type CompleteStageArgs,
  type DeadlineState,
  type ObjectionState,
} from '@seleksi/workflows';
import type { OverseerEra } from '@seleksi/domain';
import { builder } from '../builder';

type Described<T extends string> = Record<T, { description: string }>;

export const OverseerSubjectEnum = builder.enumType('OverseerSubject', {
  values: {
    PLAN: { description: 'The selection plan (before the announcement)' },
    RESULT: { description: 'The result: the 3 names per vacancy' },
  } satisfies Described<OverseerSubject>,
});

export const OverseerVerdictEnum = builder.enumType('OverseerVerdict', {
  values: {
    APPROVE: { description: 'Recommendation / technical approval given' },
    REQUEST_CORRECTION: { description: 'Back to the stage at fault (the plan, or stageAtFault for the result)' },
    REJECT: { description: 'The selection is cancelled' },
  } satisfies Described<OverseerVerdict>,
});

export const CorrectableStageEnum = builder.enumType('CorrectableStage', { values: CORRECTABLE_STAGES });

export const CompletableStageEnum = builder.enumType('CompletableStage', {
  values: {
    ADMINISTRATIVE_SCREENING: { description: 'Administrative screening' },
    COMPETENCY_ASSESSMENT: { description: 'Competency assessment (every score recorded)' },
    INTERVIEW: { description: 'Interview (every member scored every candidate)' },
    TRACK_RECORD: { description: 'Track record (every candidate checked)' },
  } satisfies Described<CompleteStageArgs['stage']>,
});

export const VacancyOutcomeEnum = builder.enumType('VacancyOutcome', {
  values: {
    CANCEL: { description: 'Cancel the vacancy' },
    SWITCH_ROUTE: { description: 'Fill it by another route (e.g. the talent pool)' },
    REANNOUNCE: { description: 'Announce it again in a new selection' },
  } satisfies Described<VacancyOutcome>,
});

export const PanselRoleEnum = builder.enumType('PanselRole', {
  values: {
    CHAIR: { description: 'Ketua' },
    SECRETARY: { description: 'Sekretaris' },
    MEMBER: { description: 'Anggota' },
  } satisfies Described<PanselMemberPlan['role']>,
});

export const ProcessVacancyStatusEnum = builder.enumType('ProcessVacancyStatus', {
  values: {
    OPEN: { description: 'Registration open' },
    EXTENDED: { description: 'Registration extended: too few applicants' },
    AWAITING_DECISION: { description: 'Waiting for the Pansel to decide (see pendingDecision)' },
    IN_SELECTION: { description: 'In selection' },
    SHORTLISTED: { description: '3 names ranked' },
    APPOINTEE_CHOSEN: { description: 'One of the 3 chosen' },
    DECREED: { description: 'Appointment decree issued' },
    FILLED: { description: 'Appointee inaugurated' },
    CANCELLED: { description: 'Cancelled' },
    SWITCHED_ROUTE: { description: 'Filled by another route' },
    REANNOUNCE: { description: 'To be announced again' },
  } satisfies Described<VacancyStatus>,
});

export const PendingDecisionEnum = builder.enumType('PendingDecision', {
  values: {
    TOO_FEW_APPLICANTS: { description: 'Fewer applicants than the minimum after the extensions' },
    TOO_FEW_QUALIFIED: { description: 'Fewer than 3 qualified candidates' },
  } satisfies Described<NonNullable<VacancyState['pendingDecision']>>,
});

export const DeadlineLabelEnum = builder.enumType('DeadlineLabel', {
  values: {
    REGISTRATION: { description: 'Registration closes' },
    OBJECTIONS: { description: 'The objection window closes' },
    OVERSEER: { description: "The overseer's decision is due" },
  } satisfies Described<DeadlineState['label']>,
});

export const ObjectionPhaseEnum = builder.enumType('ObjectionPhase', {
  values: {
    ADMINISTRATIVE: { description: 'On the administrative screening result' },
    FINAL: { description: 'On the final result' },
  } satisfies Described<ObjectionState['phase']>,
});

export const OverseerEraEnum = builder.enumType('OverseerEra', {
  values: {
    KASN: { description: 'KASN era (until 2024): binding recommendation on the plan and the result' },
    BKN: { description: 'BKN era (since 2024): technical approval, silence counts as approval' },
    GENERIC: { description: 'The future independent body' },
  } satisfies Described<OverseerEra>,
});

export const SelectionScopeEnum = builder.enumType('SelectionScope', {
  values: {
    NATIONAL: { description: 'Open to civil servants nationwide' },
    PROVINCE: { description: "Open to civil servants of the agency's province" },
  },
});

export const ScheduledStageEnum = builder.enumType('ScheduledStage', {
  values: {
    COMPETENCY_ASSESSMENT: { description: 'Competency assessment (schedulable during that stage)' },
    INTERVIEW: { description: 'Interview (schedulable during the assessment or the interview)' },
  } as const,
});
