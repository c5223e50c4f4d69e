import type { ReadModelChangeDto } from '@seleksi/domain';
import { decodeCursor, encodeCursor, type Page } from '@seleksi/kit';
import { z } from 'zod';
import { feedBucketOf, type CandidateModels, type StageEventDoc, type TimelineEntryDoc } from '../models';

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
 * How far back the feed reaches: subscribers poll every second or so and re-read a few seconds; an older
 * `since` is read from here, so a poll after a long quiet spell costs a bounded number of lookups.
 */
export const CHANGE_FEED_LOOKBACK_MS = 10 * 60_000;

/**
 * The change feed of the read model: timeline entries and stage events in the order they were
 * recorded (recordedAt, then id), for the gateway's subscriptions (FerretDB has no change streams).
 * Writers set `recordedAt` before inserting, so a reader must re-read a few seconds back to see
 * late commits; change ids are stable for that de-duplication. Reads go slot by slot (`feedBucket`
 * equality, an index on FerretDB too) from the cursor up to now, and stop after the slot that fills the page.
 */
export function createChangeRepository({ TimelineEntry, StageEvent }: CandidateModels) {
  return {
    async list(since: Date, limit: number, after?: string, now = new Date()): Promise<Page<ReadModelChangeDto>> {
      const cursor = after ? decodeCursor(after, cursorSchema) : null;
      const oldest = new Date(now.getTime() - CHANGE_FEED_LOOKBACK_MS);
      const from = new Date(Math.max(since.getTime(), cursor ? Date.parse(cursor.t) : 0, oldest.getTime()));
      const floor = since > oldest ? since : oldest;
      // One slot past now: a writer on another clock may be slightly ahead.
      const lastBucket = feedBucketOf(now) + 1;
      const all: ReadModelChangeDto[] = [];
      for (let bucket = feedBucketOf(from); bucket <= lastBucket && all.length <= limit; bucket++) {
        const [entries, events] = await Promise.all([
          TimelineEntry.find({ feedBucket: bucket, ...afterCursor(TIMELINE, floor, cursor) }).lean<
            TimelineEntryDoc[]
          >(),
          StageEvent.find({ feedBucket: bucket, ...afterCursor(STAGE, floor, cursor) }).lean<StageEventDoc[]>(),
        ]);
        all.push(...entries.map(fromTimeline), ...events.map(fromStageEvent));
      }
      all.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
