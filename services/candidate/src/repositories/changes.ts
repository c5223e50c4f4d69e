import type { ReadModelChangeDto } from '@seleksi/domain';
import { decodeCursor, encodeCursor, type Page } from '@seleksi/kit';
import { z } from 'zod';
import type { CandidateModels, StageEventDoc, TimelineEntryDoc } from '../models';

/** Change ids: the record's `_id` behind a prefix per collection ('S' stage events sort before 'T' timeline entries). */
const STAGE = 'S:';
const TIMELINE = 'T:';

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.string() });

function fromTimeline(e: TimelineEntryDoc): ReadModelChangeDto {
  return {
    kind: 'APPLICATION_STATUS',
    id: TIMELINE + e._id,
    recordedAt: e.recordedAt.toISOString(),
    applicationId: e.applicationId,
    status: e.status,
    reasonCode: e.reasonCode,
    at: e.at.toISOString(),
    expectedNextAt: e.expectedNextAt ? e.expectedNextAt.toISOString() : null,
  };
}

function fromStageEvent(e: StageEventDoc): ReadModelChangeDto {
  return {
    kind: 'SELECTION_STAGE',
    id: STAGE + e._id,
    recordedAt: e.recordedAt.toISOString(),
    selectionId: e.selectionId,
    stage: e.stage,
    reasonCode: e.reasonCode,
    at: e.at.toISOString(),
    expectedNextAt: e.expectedNextAt ? e.expectedNextAt.toISOString() : null,
  };
}

/** Filter of one collection for the changes strictly after the cursor (recordedAt, change id). */
function afterCursor(prefix: string, since: Date, after: { t: string; i: string } | null): Record<string, unknown> {
  if (!after) return { recordedAt: { $gte: since } };
  const t = new Date(after.t);
  const from = t > since ? t : since;
  if (from > t) return { recordedAt: { $gte: from } };
  const cursorPrefix = after.i.slice(0, 2);
  if (cursorPrefix < prefix) return { recordedAt: { $gte: t } };
  if (cursorPrefix > prefix) return { recordedAt: { $gt: t } };
  return { $or: [{ recordedAt: { $gt: t } }, { recordedAt: t, _id: { $gt: after.i.slice(2) } }] };
}

/**
 * The change feed of the read model: timeline entries and stage events in the order they were
 * recorded (recordedAt, then id), for the gateway's subscriptions (FerretDB has no change streams).
 * Writers set `recordedAt` before inserting, so a reader must re-read a few seconds back to see
 * late commits; change ids are stable for that de-duplication.
 */
export function createChangeRepository({ TimelineEntry, StageEvent }: CandidateModels) {
  return {
    async list(since: Date, limit: number, after?: string): Promise<Page<ReadModelChangeDto>> {
      const cursor = after ? decodeCursor(after, cursorSchema) : null;
      const [entries, events] = await Promise.all([
        TimelineEntry.find(afterCursor(TIMELINE, since, cursor))
          .sort({ recordedAt: 1, _id: 1 })
          .limit(limit + 1)
          .lean<TimelineEntryDoc[]>(),
        StageEvent.find(afterCursor(STAGE, since, cursor))
          .sort({ recordedAt: 1, _id: 1 })
          .limit(limit + 1)
          .lean<StageEventDoc[]>(),
      ]);
      const all = [...entries.map(fromTimeline), ...events.map(fromStageEvent)].sort(
        (a, b) => a.recordedAt.localeCompare(b.recordedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const page = all.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page,
        nextCursor: all.length > limit && last ? encodeCursor({ t: last.recordedAt, i: last.id }) : null,
      };
    },
  };
}
export type ChangeRepository = ReturnType<typeof createChangeRepository>;
