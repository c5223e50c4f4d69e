import { DomainError, type ApplicationStatus, type SelectionDto, type StageEventDto } from '@seleksi/domain';
import {
  decodeCursor,
  encodeCursor,
  insertManyIgnoringDuplicates,
  isDuplicateKeyError,
  type Page,
  type SelectionSummaryDto,
  type SelectionUpsertDto,
  findEachEqual,
} from '@seleksi/kit';
import { z } from 'zod';
import { compoundId, feedBucketOf, type CandidateModels, type SelectionDoc, type StageEventDoc } from '../models';
import type { NoticeRepository } from './notices';
import type { ApplicationRepository } from './applications';
import { createSelectionCache } from './selection-cache';

/** How long a cached summary may be served at most (see selection-cache.ts: only another instance's writes need it). */
const SUMMARY_MAX_AGE_MS = 30_000;

export interface SelectionFilter {
  agencyCode?: string;
  stage?: string;
}

const cursorSchema = z.object({ c: z.iso.datetime(), i: z.string() });

function toStageEventDto(e: StageEventDoc): StageEventDto {
  return {
    eventId: e.eventId,
    stage: e.stage,
    at: e.at.toISOString(),
    reasonCode: e.reasonCode,
    expectedNextAt: e.expectedNextAt ? e.expectedNextAt.toISOString() : null,
  };
}

function toDto(doc: SelectionDoc, history: StageEventDoc[]): SelectionDto {
  return {
    id: doc._id,
    agencyCode: doc.agencyCode,
    title: doc.title,
    workflowId: doc.workflowId,
    stage: doc.stage,
    timeZone: doc.timeZone,
    announcementDate: doc.announcementDate,
    registrationClosesAt: doc.registrationClosesAt.toISOString(),
    vacancies: doc.vacancies.map((v) => ({
      id: v.id,
      level: v.level,
      position: v.position,
      unit: v.unit,
      status: v.status,
      // Optional fields round-trip as sent: absent stays absent, null stays null.
      ...(v.outcome !== undefined ? { outcome: v.outcome } : {}),
      ...(v.extendedUntil !== undefined ? { extendedUntil: v.extendedUntil } : {}),
      ...(v.shortlist !== undefined ? { shortlist: v.shortlist ? [...v.shortlist] : null } : {}),
      ...(v.followUp
        ? { followUp: { kind: v.followUp.kind, id: v.followUp.id, workflowId: v.followUp.workflowId } }
        : {}),
    })),
    announcementDocumentId: doc.announcementDocumentId ?? null,
    simulation: doc.simulation ?? false,
    ...(doc.rules ? { rules: doc.rules } : {}),
    ...(doc.origin ? { origin: { selectionId: doc.origin.selectionId, vacancyId: doc.origin.vacancyId } } : {}),
    stageHistory: history.map(toStageEventDto),
    createdBy: doc.createdBy.displayName
      ? { userId: doc.createdBy.userId, role: doc.createdBy.role, displayName: doc.createdBy.displayName }
      : { userId: doc.createdBy.userId, role: doc.createdBy.role },
    createdAt: doc.createdAt.toISOString(),
  };
}

function toSummary(doc: SelectionDoc): SelectionSummaryDto {
  const { stageHistory: _history, ...summary } = toDto(doc, []);
  return summary;
}

export function createSelectionRepository(
  { Selection, StageEvent }: CandidateModels,
  applications: ApplicationRepository,
  notices: Pick<NoticeRepository, 'enqueueForStageEvent'>,
) {
  // Summaries and summary lists (status pages, the public lists) are read far more often than written.
  const cache = createSelectionCache<unknown>(SUMMARY_MAX_AGE_MS);

  function getSummary(id: string): Promise<SelectionSummaryDto | null> {
    return cache.get(`id:${id}`, async () => {
      const doc = await Selection.findById(id).lean<SelectionDoc>();
      return doc ? toSummary(doc) : null;
    }) as Promise<SelectionSummaryDto | null>;
  }

  async function histories(ids: string[]): Promise<Map<string, StageEventDoc[]>> {
    const map = new Map<string, StageEventDoc[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    const events = await findEachEqual<StageEventDoc>(StageEvent, 'selectionId', ids);
    for (const e of events) map.get(e.selectionId)?.push(e);
    for (const list of map.values()) {
      list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime());
    }
    return map;
  }

  async function withHistories(docs: SelectionDoc[]): Promise<SelectionDto[]> {
    const map = await histories(docs.map((d) => d._id));
    return docs.map((d) => toDto(d, map.get(d._id) ?? []));
  }

  async function get(id: string): Promise<SelectionDto | null> {
    const doc = await Selection.findById(id).lean<SelectionDoc>();
    if (!doc) return null;
    return toDto(doc, (await histories([id])).get(id) ?? []);
  }

  return {
    get,

    /** The selection without its stage history: one `_id` lookup (the apply path needs no more), or none when cached. */
    getSummary,

    /**
     * In the order of `ids`, null where unknown: one `_id` lookup per selection and one of its history;
     * without the history (summaries: lists and status pages rarely show it), cached.
     */
    async getMany(ids: string[], withHistory = true): Promise<(SelectionDto | SelectionSummaryDto | null)[]> {
      if (!withHistory) return Promise.all(ids.map(getSummary));
      const docs = await findEachEqual<SelectionDoc>(Selection, '_id', ids);
      const dtos = await withHistories(docs);
      const byId = new Map(dtos.map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** Upserts the read model; `createdAt` is kept from the first write and the stage history is untouched. */
    async upsert(dto: SelectionUpsertDto): Promise<SelectionDto> {
      const now = new Date();
      const set = {
        agencyCode: dto.agencyCode,
        title: dto.title,
        workflowId: dto.workflowId,
        stage: dto.stage,
        timeZone: dto.timeZone,
        announcementDate: dto.announcementDate,
        registrationClosesAt: new Date(dto.registrationClosesAt),
        vacancies: dto.vacancies,
        announcementDocumentId: dto.announcementDocumentId ?? null,
        simulation: dto.simulation ?? false,
        // Written by projections that know them (rounds projected before they existed keep none).
        ...(dto.rules ? { rules: dto.rules } : {}),
        ...(dto.origin ? { origin: dto.origin } : {}),
        createdBy: dto.createdBy,
        updatedAt: now,
      };
      const update = { $set: set, $setOnInsert: { createdAt: new Date(dto.createdAt), stageAt: null } };
      await cache.write(async () => {
        try {
          await Selection.updateOne({ _id: dto.id }, update, { upsert: true });
        } catch (err) {
          // Two first writers raced to insert: the loser updates.
          if (!isDuplicateKeyError(err)) throw err;
          await Selection.updateOne({ _id: dto.id }, update, { upsert: true });
        }
      });
      return (await get(dto.id))!;
    },

    /** Newest first; without their stage histories when `withHistory` is false (then cached). */
    async list(
      filter: SelectionFilter,
      limit: number,
      after?: string,
      withHistory = true,
    ): Promise<Page<SelectionDto | SelectionSummaryDto>> {
      if (!withHistory) {
        const key = `list:${JSON.stringify([filter.agencyCode ?? null, filter.stage ?? null, limit, after ?? null])}`;
        return cache.get(key, () => listFromStore(filter, limit, after, false)) as Promise<Page<SelectionSummaryDto>>;
      }
      return listFromStore(filter, limit, after, true);
    },

    /**
     * Records a stage event (idempotent by eventId), moves the stage unless a later event already
     * did, and fans the event out to the applications (unless `fanOut` is false: then page by page
     * through `fanOutPage`). Every step is repeatable, so a retry after a partial failure completes the work.
     */
    async recordStageEvent(
      selectionId: string,
      event: StageEventDto,
      applicationStatus?: ApplicationStatus | null,
      fanOut = true,
    ): Promise<SelectionDto> {
      if (!(await Selection.exists({ _id: selectionId })))
        throw new DomainError('NOT_FOUND', 'Seleksi tidak ditemukan');
      const id = compoundId(selectionId, event.eventId);
      // The selection's own writes clear the summaries; the fan-out after them does not touch selections.
      const stored = await cache.write(async () => {
        const recordedAt = new Date();
        await insertManyIgnoringDuplicates(StageEvent, [
          {
            _id: id,
            selectionId,
            eventId: event.eventId,
            stage: event.stage,
            at: new Date(event.at),
            reasonCode: event.reasonCode,
            expectedNextAt: event.expectedNextAt ? new Date(event.expectedNextAt) : null,
            recordedAt,
            feedBucket: feedBucketOf(recordedAt),
          } satisfies StageEventDoc,
        ]);
        // A retry may carry a recomputed `at`: the first recording of the event is the one that counts.
        const first = await StageEvent.findById(id).lean<StageEventDoc>();
        if (!first) throw new Error('stage event vanished after insert');
        await Selection.updateOne(
          { _id: selectionId, $or: [{ stageAt: null }, { stageAt: { $lte: first.at } }] },
          {
            $set: {
              stage: first.stage,
              stageAt: first.at,
              stageDueAt: first.expectedNextAt,
              stageReason: first.reasonCode,
              updatedAt: new Date(),
            },
          },
        );
        return first;
      });
      const owner = await Selection.findById(selectionId, { agencyCode: 1, timeZone: 1, simulation: 1 }).lean<
        Pick<SelectionDoc, 'agencyCode' | 'timeZone' | 'simulation'>
      >();
      if (owner) await notices.enqueueForStageEvent(stored, owner);
      if (fanOut) await applications.fanOutStageEvent(selectionId, toStageEventDto(stored), applicationStatus);
      return (await get(selectionId))!;
    },

    /** One page (by application id) of a recorded event's fan-out: bounded work per call whatever the round's size. */
    async fanOutPage(
      selectionId: string,
      eventId: string,
      applicationStatus: ApplicationStatus | null | undefined,
      page: { after: string | null; limit: number },
    ): Promise<{ added: number; next: string | null }> {
      const stored = await StageEvent.findById(compoundId(selectionId, eventId)).lean<StageEventDoc>();
      if (!stored) throw new DomainError('NOT_FOUND', 'Peristiwa tahap seleksi tidak ditemukan', 'eventId');
      return applications.fanOutStageEventPage(selectionId, toStageEventDto(stored), applicationStatus, page);
    },
  };

  /** Newest first, from the store. */
  async function listFromStore(
    filter: SelectionFilter,
    limit: number,
    after: string | undefined,
    withHistory: boolean,
  ): Promise<Page<SelectionDto | SelectionSummaryDto>> {
    const query: Record<string, unknown> = {};
    if (filter.agencyCode) query.agencyCode = filter.agencyCode;
    if (filter.stage) query.stage = filter.stage;
    if (after) {
      const { c, i } = decodeCursor(after, cursorSchema);
      const at = new Date(c);
      query.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: i } }];
    }
    const docs = await Selection.find(query)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<SelectionDoc[]>();
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return {
      items: withHistory ? await withHistories(page) : page.map(toSummary),
      nextCursor: docs.length > limit && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last._id }) : null,
    };
  }
}
export type SelectionRepository = ReturnType<typeof createSelectionRepository>;
