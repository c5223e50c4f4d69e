/**
 * `Application.scores`: the application's scores and place in the final ranking, from the selection
 * workflow's state. The owning candidate sees them once the final ranking is published (stage
 * FINAL_OBJECTIONS or later); the selection's staff always (a Pansel member, under blind scoring,
 * once they scored the application or the ranking is computed); everyone else gets null.
 */
import { SELECTION_STAGES, interviewScore, type ApplicationDto, type SelectionStage } from '@seleksi/domain';
import type { OpenSelectionState } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { ApplicationType } from './application';

const stageIndex = (s: SelectionStage) => SELECTION_STAGES.indexOf(s);

/** The final ranking is public from its announcement on (a correction sending the round back hides it again). */
export function rankingPublished(stage: SelectionStage): boolean {
  return (
    stage !== 'CANCELLED' &&
    stageIndex(stage) >= stageIndex('FINAL_OBJECTIONS') &&
    stageIndex(stage) <= stageIndex('COMPLETED')
  );
}

export interface ApplicationScores {
  assessment: number | null;
  interview: number | null;
  trackRecord: number | null;
  total: number | null;
  rank: number | null;
  passed: boolean | null;
  shortlisted: boolean | null;
}

/** The scores of one application in the workflow's state (null when the state does not hold it). */
export function scoresOf(state: OpenSelectionState, applicationId: string): ApplicationScores | null {
  const a = state.applications.find((x) => x.applicationId === applicationId);
  if (!a) return null;
  const ranked = state.vacancies
    .find((v) => v.id === a.vacancyId)
    ?.ranking.find((r) => r.applicationId === a.applicationId);
  const interview = Object.values(a.interview).map((s) => s.value);
  return {
    assessment: a.assessment?.score ?? null,
    interview: interview.length > 0 ? interviewScore(interview) : null,
    trackRecord: a.trackRecord?.score ?? null,
    total: ranked?.total ?? null,
    rank: ranked?.rank ?? null,
    passed: ranked ? ranked.qualified : null,
    shortlisted: ranked ? ranked.shortlisted : null,
  };
}

async function maySeeScores(ctx: GraphQLContext, a: ApplicationDto, state: OpenSelectionState): Promise<boolean> {
  const u = ctx.user;
  if (!u) return false;
  switch (u.role) {
    case 'CANDIDATE':
      return u.candidateId === a.candidateId && rankingPublished(state.stage);
    case 'ADMIN':
    case 'OVERSEER':
      return true;
    case 'PANSEL_SECRETARY':
    case 'PPK': {
      const s = await ctx.loaders.selection.load(a.selectionId);
      return s?.agencyCode === u.agencyCode;
    }
    case 'PANSEL_MEMBER': {
      const m = state.pansel.find((x) => x.userId === u.id);
      if (!m) return false;
      const scored = state.applications.find((x) => x.applicationId === a.id)?.interview[m.id] !== undefined;
      return scored || stageIndex(state.stage) >= stageIndex('FINAL_RANKING');
    }
    case 'AGENCY_ADMIN':
      return false;
  }
}

const ApplicationScoresType = builder.objectRef<ApplicationScores>('ApplicationScores').implement({
  description: 'Scores of an application and its place in the final ranking (weighted total, pass mark)',
  fields: (t) => ({
    assessment: t.float({ nullable: true, description: 'Assessment-centre score', resolve: (s) => s.assessment }),
    interview: t.float({
      nullable: true,
      description: "Mean of the Pansel members' scores",
      resolve: (s) => s.interview,
    }),
    trackRecord: t.float({ nullable: true, resolve: (s) => s.trackRecord }),
    total: t.float({ nullable: true, description: 'Weighted final score', resolve: (s) => s.total }),
    rank: t.int({ nullable: true, description: 'Place among the applicants to the vacancy', resolve: (s) => s.rank }),
    passed: t.boolean({
      nullable: true,
      description: 'At or above the pass mark and not eliminated (null before the ranking)',
      resolve: (s) => s.passed,
    }),
    shortlisted: t.boolean({
      nullable: true,
      description: 'Among the 3 names proposed for the vacancy (null before the ranking)',
      resolve: (s) => s.shortlisted,
    }),
  }),
});

builder.objectField(ApplicationType, 'scores', (t) =>
  t.field({
    type: ApplicationScoresType,
    nullable: true,
    description:
      "The application's scores: for the owning candidate once the final ranking is published (FINAL_OBJECTIONS or later), for the selection's staff always; null otherwise",
    resolve: async (a, _x, ctx) => {
      const state = await ctx.loaders.process.load(a.selectionId).catch((err: unknown) => {
        ctx.logger.warn({ err, selectionId: a.selectionId }, 'selection state unavailable for scores');
        return null;
      });
      if (!state || !(await maySeeScores(ctx, a, state))) return null;
      return scoresOf(state, a.id);
    },
  }),
);
