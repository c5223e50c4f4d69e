/**
 * The talent filling as its read model shows it (services/candidate): pure, so the workflow and the
 * tests build the same row. Lists and inboxes read this row, never the workflow.
 */
import type { TalentFillingActor, TalentFillingViewDto } from '@seleksi/domain';
import type { TalentFillingStage, TalentPoolFillingInput, TalentPoolFillingState } from './definitions';

/** Whose decision each waiting stage needs; the other stages wait on nobody (the system works or it is over). */
export const TALENT_STAGE_ACTOR: Partial<Record<TalentFillingStage, TalentFillingActor>> = {
  CONFIRMATION: 'PANSEL_SECRETARY',
  OVERSEER_APPROVAL: 'OVERSEER',
  PPK_DECISION: 'PPK',
  // The President decides outside the system; the secretariat records the Keppres once received.
  PRESIDENTIAL_DECISION: 'PANSEL_SECRETARY',
  INAUGURATION: 'PANSEL_SECRETARY',
};

export function talentFillingView(args: {
  input: TalentPoolFillingInput;
  state: TalentPoolFillingState;
  workflowId: string;
  seq: number;
  /** Instant the current stage was entered. */
  stageSince: string;
  /** Instant the current decision is due, if the stage has a deadline. */
  deadline: string | null;
  now: string;
}): TalentFillingViewDto {
  const { input, state } = args;
  const waitingOn = TALENT_STAGE_ACTOR[state.stage] ?? null;
  return {
    id: input.fillingId,
    agencyCode: input.agency.code,
    workflowId: args.workflowId,
    postId: input.post.id,
    position: input.post.position,
    unit: input.post.unit,
    level: input.post.level,
    stage: state.stage,
    route: state.route,
    waitingOn,
    waitingSince: waitingOn ? args.stageSince : null,
    deadline: waitingOn ? args.deadline : null,
    appointedEmployeeId: state.appointedEmployeeId,
    fallbackSelectionId: state.fallback?.selectionId ?? null,
    seq: args.seq,
    createdAt: input.createdAt,
    updatedAt: args.now,
  };
}
