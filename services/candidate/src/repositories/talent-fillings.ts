import type { TalentFillingViewDto } from '@seleksi/domain';
import { decodeCursor, encodeCursor, isDuplicateKeyError, type Page } from '@seleksi/kit';
import { z } from 'zod';
import type { CandidateModels, TalentFillingDoc } from '../models';
import type { TalentFillingListQuery } from '../talent-filling-schemas';

const listCursor = z.object({ c: z.iso.datetime(), i: z.string() });
const inboxCursor = z.object({ w: z.iso.datetime(), i: z.string() });

function toDto(doc: TalentFillingDoc): TalentFillingViewDto {
  return {
    id: doc._id,
    agencyCode: doc.agencyCode,
    workflowId: doc.workflowId,
    postId: doc.postId,
    position: doc.position,
    unit: doc.unit,
    level: doc.level,
    stage: doc.stage,
    route: doc.route,
    waitingOn: doc.waitingOn ?? null,
    waitingSince: doc.waitingSince ? doc.waitingSince.toISOString() : null,
    deadline: doc.deadline ? doc.deadline.toISOString() : null,
    appointedEmployeeId: doc.appointedEmployeeId ?? null,
    fallbackSelectionId: doc.fallbackSelectionId ?? null,
    seq: doc.seq,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** A page of `limit + 1` fetched documents: the first `limit`, and the cursor after the last when more exist. */
function pageOf(
  docs: TalentFillingDoc[],
  limit: number,
  cursorAfter: (last: TalentFillingDoc) => string | null,
): { items: TalentFillingViewDto[]; nextCursor: string | null } {
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: docs.length > limit && last ? cursorAfter(last) : null };
}

export function createTalentFillingRepository({ TalentFilling }: CandidateModels) {
  return {
    /**
     * Writes the projection unless a later one (higher `seq`) is stored: the filter matches only an older or
     * equal row, so a stale write finds none and its upsert's insert hits the `_id` (a duplicate key, ignored).
     * Answers the row as stored.
     */
    async put(dto: TalentFillingViewDto): Promise<{ filling: TalentFillingViewDto; applied: boolean }> {
      const { id, ...rest } = dto;
      const set = {
        ...rest,
        waitingSince: dto.waitingSince ? new Date(dto.waitingSince) : null,
        deadline: dto.deadline ? new Date(dto.deadline) : null,
        createdAt: new Date(dto.createdAt),
        updatedAt: new Date(dto.updatedAt),
      };
      let applied = true;
      try {
        await TalentFilling.updateOne({ _id: id, seq: { $lte: dto.seq } }, { $set: set }, { upsert: true });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        applied = false;
      }
      const stored = await TalentFilling.findById(id).lean<TalentFillingDoc>();
      if (!stored) throw new Error('talent filling vanished after its write');
      return { filling: toDto(stored), applied };
    },

    async get(id: string): Promise<TalentFillingViewDto | null> {
      const doc = await TalentFilling.findById(id).lean<TalentFillingDoc>();
      return doc ? toDto(doc) : null;
    },

    /** Without `waitingOn`: newest first. With it (an inbox): the oldest wait first. */
    async list(q: TalentFillingListQuery): Promise<Page<TalentFillingViewDto>> {
      const query: Record<string, unknown> = {};
      if (q.agencyCode) query.agencyCode = q.agencyCode;
      if (q.stage) query.stage = q.stage;
      if (q.waitingOn) {
        query.waitingOn = q.waitingOn;
        if (q.after) {
          const { w, i } = decodeCursor(q.after, inboxCursor);
          const at = new Date(w);
          query.$or = [{ waitingSince: { $gt: at } }, { waitingSince: at, _id: { $gt: i } }];
        }
        const docs = await TalentFilling.find(query)
          .sort({ waitingSince: 1, _id: 1 })
          .limit(q.limit + 1)
          .lean<TalentFillingDoc[]>();
        return pageOf(docs, q.limit, (last) =>
          last.waitingSince ? encodeCursor({ w: last.waitingSince.toISOString(), i: last._id }) : null,
        );
      }
      if (q.after) {
        const { c, i } = decodeCursor(q.after, listCursor);
        const at = new Date(c);
        query.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: i } }];
      }
      const docs = await TalentFilling.find(query)
        .sort({ createdAt: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<TalentFillingDoc[]>();
      return pageOf(docs, q.limit, (last) => encodeCursor({ c: last.createdAt.toISOString(), i: last._id }));
    },
  };
}
export type TalentFillingRepository = ReturnType<typeof createTalentFillingRepository>;
