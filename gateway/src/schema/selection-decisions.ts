/**
 * Every declared decision of an open selection (SELECTION_DECISIONS in @seleksi/domain) as a mutation, from
 * its declaration: description, scopes, arguments and their validation. Most are the usual decision on a
 * round (onOwnRound); the few that need more (the acting member, the candidate's own application, the
 * Pansel's accounts, the talent route's gate) name their resolver here.
 */
import { SELECTION_DECISION_NAMES, type SelectionDecisionName } from '@seleksi/domain';
import { withdrawApplication } from './application';
import { decisionMutation, type DecisionResolver } from './decision';
import { setPansel } from './plan';
import { declareConflict, submitInterviewScore } from './scoring';
import { decideVacancy, fileObjection } from './screening';

const RESOLVERS: { [N in SelectionDecisionName]?: DecisionResolver<N> } = {
  setPansel,
  decideVacancy,
  fileObjection,
  declareConflict,
  submitInterviewScore,
  withdrawApplication,
};

/** Whose round it is before what is wrong with the input: another agency's secretary learns nothing. */
const ROUND_FIRST: ReadonlySet<SelectionDecisionName> = new Set(['scheduleStage']);

function register<N extends SelectionDecisionName>(name: N): void {
  decisionMutation(name, RESOLVERS[name] as DecisionResolver<N> | undefined, { roundFirst: ROUND_FIRST.has(name) });
}

for (const name of SELECTION_DECISION_NAMES) register(name);
