/**
 * The oversight view's reads (issue 16): the open rounds by stage, and the audit records a signal is
 * derived from. Each read is equality on an index FerretDB pushes down: one `find` per open stage (with
 * the agency, on { agencyCode, stage }), one per audit kind (on { kind, agencyCode, at }).
 */
import { OVERSIGHT_OPEN_STAGES, type OpenRoundDto } from '@seleksi/domain';
import type { CandidateModels, SelectionDoc, StageEventDoc } from '../models';

type RoundRow = Pick<
  SelectionDoc,
  '_id' | 'agencyCode' | 'title' | 'stage' | 'stageAt' | 'stageDueAt' | 'stageReason' | 'simulation'
>;

const ROUND_FIELDS = {
  _id: 1,
  agencyCode: 1,
  title: 1,
  stage: 1,
  stageAt: 1,
  stageDueAt: 1,
  stageReason: 1,
  simulation: 1,
} as const;

export function createOversightRepository({ Selection, StageEvent }: CandidateModels) {
  return {
    /**
     * Gives the rounds stored before the oversight view their stage's due time: `expectedNextAt` of their
     * latest stage event of the current stage (rounds without one get null). Runs at start; later starts find none.
     */
    async backfillStageDue(): Promise<number> {
      const missing = await Selection.find({ stageDueAt: { $exists: false } }, { _id: 1, stage: 1 }).lean<
        Pick<SelectionDoc, '_id' | 'stage'>[]
      >();
      for (const s of missing) {
        const [last] = await StageEvent.find({ selectionId: s._id }).sort({ at: -1 }).limit(1).lean<StageEventDoc[]>();
        const current = last && last.stage === s.stage ? last : null;
        await Selection.updateOne(
          { _id: s._id, stageDueAt: { $exists: false } },
          { $set: { stageDueAt: current?.expectedNextAt ?? null, stageReason: current?.reasonCode ?? null } },
        );
      }
      return missing.length;
    },

    /**
     * Every round in a stage that is not final, across agencies or for one agency; at most `cap` per stage, the
     * longest in their stage first (on the { stage, stageAt } indexes); `truncated` when a stage held more.
     */
    async openRounds(agencyCode: string | null, cap: number): Promise<{ items: OpenRoundDto[]; truncated: boolean }> {
      const perStage = await Promise.all(
        OVERSIGHT_OPEN_STAGES.map((stage) =>
          Selection.find(agencyCode ? { agencyCode, stage } : { stage }, ROUND_FIELDS)
            .sort({ stageAt: 1, _id: 1 })
            .limit(cap + 1)
            .lean<RoundRow[]>(),
        ),
      );
      const truncated = perStage.some((rows) => rows.length > cap);
      const items = perStage
        .flatMap((rows) => rows.slice(0, cap))
        .map((d) => ({
          selectionId: d._id,
          agencyCode: d.agencyCode,
          title: d.title,
          stage: d.stage,
          stageAt: d.stageAt ? d.stageAt.toISOString() : null,
          dueAt: d.stageDueAt ? d.stageDueAt.toISOString() : null,
          stageReason: d.stageReason ?? null,
          simulation: d.simulation ?? false,
        }));
      return { items, truncated };
    },
  };
}
export type OversightRepository = ReturnType<typeof createOversightRepository>;
