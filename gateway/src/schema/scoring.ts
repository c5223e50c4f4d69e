/**
 * Scored stages: the decisions a Pansel member takes as a member of the round (conflict-of-interest
 * declarations, blind interview scores). The secretariat's ones (assessment, track record, schedule,
 * closing a stage) are registered from their declarations (selection-decisions.ts).
 */
import { declareConflictUpdate, submitInterviewScoreUpdate } from '@seleksi/workflows';
import { decide, memberIdOf, selectionFor, type DecisionResolver } from './decision';

export const declareConflict: DecisionResolver<'declareConflict'> = async (input, ctx) => {
  const s = await selectionFor(ctx, input.selectionId);
  const memberId = await memberIdOf(ctx, s);
  return decide(ctx, s, declareConflictUpdate, {
    memberId,
    candidateId: input.candidateId,
    hasConflict: input.hasConflict,
    reason: input.reason,
  });
};

export const submitInterviewScore: DecisionResolver<'submitInterviewScore'> = async (input, ctx) => {
  const s = await selectionFor(ctx, input.selectionId);
  const memberId = await memberIdOf(ctx, s);
  return decide(ctx, s, submitInterviewScoreUpdate, {
    memberId,
    applicationId: input.applicationId,
    score: input.score,
    reason: input.reason,
  });
};
