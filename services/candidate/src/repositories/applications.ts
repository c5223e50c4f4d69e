import {
  APPLICATION_SLOTS,
  applicationId,
  applicationSlot,
  DomainError,
  type ApplicationDto,
  type ApplicationStatus,
  type ScreeningDto,
  type StageEventDto,
  type TimelineEntryDto,
} from '@seleksi/domain';
import {
  decodeCursor,
  encodeCursor,
  insertManyIgnoringDuplicates,
  isDuplicateKeyError,
  type ApplicationSort,
  type CreateApplicationRequest,
  type Page,
  findEachEqual,
  mapInLanes,
} from '@seleksi/kit';
import { z } from 'zod';
import {
  applicationNameKey,
  compoundId,
  feedBucketOf,
  toActor,
  type ApplicationDoc,
  type CandidateModels,
  type ScreeningDoc,
  type TimelineEntryDoc,
} from '../models';
import { fanOutStatus } from '../status-map';
import type { NoticeRepository } from './notices';

/** eventId of the entry every application starts with. */
export const SUBMITTED_EVENT_ID = 'APPLICATION_SUBMITTED';
/** Applications of one batch inserted at once: enough to overlap the store's round trips, few enough not to flood it. */
const INSERTS_IN_PARALLEL = 8;

export interface ApplicationFilter {
  candidateId?: string;
  selectionId?: string;
  vacancyId?: string;
  search?: string;
  sort?: ApplicationSort;
  desc?: boolean;
}

/** The stored field each order reads (indexes { selectionId, field, _id } on the model). */
const SORT_FIELD: Record<ApplicationSort, string> = { ID: '_id', NAME: 'nameKey', SUBMITTED_AT: 'submittedAt' };

/**
 * The filter of a search within one selection: digits are a NIP prefix, anything else a name prefix; both
 * a range on a field indexed after selectionId (the equality FerretDB pushes down), never a regex scan.
 */
export function applicationSearchFilter(search: string): Record<string, unknown> {
  const q = applicationNameKey(search);
  if (/^\d+$/.test(q)) return { nip: { $gte: q, $lt: `${q}:` } }; // ':' follows '9'
  return { nameKey: { $gte: q, $lt: `${q}\uffff` } };
}

function byTime(a: TimelineEntryDoc, b: TimelineEntryDoc): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    a.recordedAt.getTime() - b.recordedAt.getTime() ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

function currentStatus(sortedEntries: TimelineEntryDoc[]): ApplicationStatus {
  return sortedEntries.at(-1)?.status ?? 'SUBMITTED';
}

function toEntryDto(e: TimelineEntryDoc): TimelineEntryDto {
  return {
    eventId: e.eventId,
    at: e.at.toISOString(),
    status: e.status,
    reasonCode: e.reasonCode,
    note: e.note ?? null,
    expectedNextAt: e.expectedNextAt ? e.expectedNextAt.toISOString() : null,
  };
}

function toScreeningDto(s: ScreeningDoc): ScreeningDto {
  return {
    eligible: s.eligible,
    requirements: s.requirements.map((r) => ({
      key: r.key,
      label: r.label,
      met: r.met,
      detail: r.detail,
      reason: r.reason ?? null,
    })),
    rulesVersion: s.rulesVersion,
    decidedBy: s.decidedBy,
    overrideReason: s.overrideReason ?? null,
    decidedAt: s.decidedAt.toISOString(),
    actor: s.actor ? toActor(s.actor) : null,
  };
}

function toScreeningDoc(s: ScreeningDto): ScreeningDoc {
  return {
    eligible: s.eligible,
    requirements: s.requirements.map((r) => ({ ...r })),
    rulesVersion: s.rulesVersion,
    decidedBy: s.decidedBy,
    overrideReason: s.overrideReason,
    decidedAt: new Date(s.decidedAt),
    actor: s.actor ? toActor(s.actor) : null,
  };
}

/** Optional fields appear only once stored, so older records read back unchanged. */
function toDto(app: ApplicationDoc, sortedEntries: TimelineEntryDoc[]): ApplicationDto {
  const dto: ApplicationDto = {
    id: app._id,
    selectionId: app.selectionId,
    vacancyId: app.vacancyId,
    candidateId: app.candidateId,
    status: currentStatus(sortedEntries),
    submittedAt: app.submittedAt.toISOString(),
    timeline: sortedEntries.map(toEntryDto),
  };
  if (typeof app.homePpkPermission === 'boolean') dto.homePpkPermission = app.homePpkPermission;
  if (app.screening) dto.screening = toScreeningDto(app.screening);
  return dto;
}

/** The application an entry belongs to: its id, and its candidate (stored with the entry for "my applications"). */
type EntryOwner = Pick<ApplicationDoc, '_id' | 'candidateId'>;
/** An application as a stage event's fan-out needs it: its owner and when it was submitted. */
type FanOutTarget = EntryOwner & Pick<ApplicationDoc, 'submittedAt'>;

function entryDoc(app: EntryOwner, entry: TimelineEntryDto, recordedAt: Date): TimelineEntryDoc {
  return {
    _id: compoundId(app._id, entry.eventId),
    applicationId: app._id,
    candidateId: app.candidateId,
    eventId: entry.eventId,
    at: new Date(entry.at),
    status: entry.status,
    reasonCode: entry.reasonCode,
    note: entry.note ?? null,
    expectedNextAt: entry.expectedNextAt ? new Date(entry.expectedNextAt) : null,
    recordedAt,
    feedBucket: feedBucketOf(recordedAt),
  };
}

/** The vacancies of a selection (null when unknown); the selection repository answers it from its cache. */
export type VacanciesOf = (selectionId: string) => Promise<readonly { id: string }[] | null>;

export function createApplicationRepository(
  { Application, TimelineEntry, Selection, Profile }: CandidateModels,
  notices: Pick<NoticeRepository, 'enqueueForEntries'>,
  vacanciesOf: VacanciesOf = async (selectionId) =>
    (await Selection.findById(selectionId, { vacancies: 1 }).lean<{ vacancies: { id: string }[] }>())?.vacancies ??
    null,
) {
  async function timelines(ids: string[]): Promise<Map<string, TimelineEntryDoc[]>> {
    const map = new Map<string, TimelineEntryDoc[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    const entries = await findEachEqual<TimelineEntryDoc>(TimelineEntry, 'applicationId', ids);
    for (const e of entries) map.get(e.applicationId)?.push(e);
    for (const list of map.values()) list.sort(byTime);
    return map;
  }

  /**
   * The timelines of one candidate's applications: one indexed equality on `candidateId` for all of
   * them. An application whose first entry is not among them was recorded before entries carried
   * their candidate: its timeline is read by its id.
   */
  async function timelinesOfCandidate(candidateId: string, ids: string[]): Promise<Map<string, TimelineEntryDoc[]>> {
    const map = new Map<string, TimelineEntryDoc[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    for (const e of await TimelineEntry.find({ candidateId }).lean<TimelineEntryDoc[]>())
      map.get(e.applicationId)?.push(e);
    const older = ids.filter((id) => !map.get(id)!.some((e) => e.eventId === SUBMITTED_EVENT_ID));
    for (const [id, entries] of await timelines(older)) map.set(id, entries);
    for (const list of map.values()) list.sort(byTime);
    return map;
  }

  async function withTimelines(apps: ApplicationDoc[], candidateId?: string): Promise<ApplicationDto[]> {
    const ids = apps.map((a) => a._id);
    const map = candidateId ? await timelinesOfCandidate(candidateId, ids) : await timelines(ids);
    return apps.map((a) => toDto(a, map.get(a._id) ?? []));
  }

  async function get(id: string): Promise<ApplicationDto | null> {
    const app = await Application.findById(id).lean<ApplicationDoc>();
    return app ? ((await withTimelines([app]))[0] ?? null) : null;
  }

  /** Inserts the entry unless one with its eventId exists; an insert (not an update) so concurrent writers never lose entries. */
  async function insertEntries(docs: TimelineEntryDoc[]): Promise<number> {
    const added = await insertManyIgnoringDuplicates(TimelineEntry, docs);
    // After the entries: a notice is only handed out once its entry is readable. Also for entries already
    // there, which heals a crash between the two inserts (no transactions on FerretDB).
    await notices.enqueueForEntries(docs);
    return added;
  }

  /**
   * Adds the event's entry to each of `apps` submitted by the time of the event that lacks it and whose
   * status it moves (an application that arrives while a stage's fan-out runs does not get the stage's
   * earlier events).
   */
  async function fanOut(
    all: FanOutTarget[],
    event: StageEventDto,
    statusOverride?: ApplicationStatus | null,
  ): Promise<number> {
    const at = new Date(event.at).getTime();
    const apps = all.filter((a) => a.submittedAt.getTime() <= at);
    const owners = new Map(apps.map((a) => [a._id, a]));
    const map = await timelines(apps.map((a) => a._id));
    const recordedAt = new Date();
    const docs: TimelineEntryDoc[] = [];
    for (const [appId, entries] of map) {
      if (entries.some((e) => e.eventId === event.eventId)) continue;
      const status = fanOutStatus(event.stage, currentStatus(entries), statusOverride);
      if (!status) continue;
      docs.push(
        entryDoc(
          owners.get(appId)!,
          {
            eventId: event.eventId,
            at: event.at,
            status,
            reasonCode: event.reasonCode,
            expectedNextAt: event.expectedNextAt ?? null,
          },
          recordedAt,
        ),
      );
    }
    return insertEntries(docs);
  }

  function assertSameApplication(existing: ApplicationDoc, req: CreateApplicationRequest): void {
    if (
      existing.selectionId !== req.selectionId ||
      existing.vacancyId !== req.vacancyId ||
      existing.candidateId !== req.candidateId
    ) {
      throw new DomainError('CONFLICT', 'An application with this id exists with other data', 'id');
    }
  }

  /**
   * Inserts the application (one round trip for a new one, read only on a duplicate). Answers the
   * stored document when it is new, null when the same application was stored before.
   */
  /**
   * One selection's applications searched and/or sorted, paged by position (the cursor is the offset of
   * the next page): the filter is the selectionId equality plus a range on an indexed field.
   */
  async function listSorted(filter: ApplicationFilter, limit: number, after?: string): Promise<Page<ApplicationDto>> {
    if (!filter.selectionId) {
      throw new DomainError('VALIDATION_FAILED', 'search and sort need selectionId', 'selectionId');
    }
    const query: Record<string, unknown> = {
      selectionId: filter.selectionId,
      ...(filter.vacancyId ? { vacancyId: filter.vacancyId } : {}),
      ...(filter.search ? applicationSearchFilter(filter.search) : {}),
    };
    const offset = after ? decodeCursor(after, z.object({ o: z.number().int().min(0) })).o : 0;
    const dir = filter.desc ? -1 : 1;
    const field = SORT_FIELD[filter.sort ?? 'ID'];
    const [apps, total] = await Promise.all([
      Application.find(query)
        .sort(field === '_id' ? { _id: dir } : { [field]: dir, _id: dir })
        .skip(offset)
        .limit(limit + 1)
        .lean<ApplicationDoc[]>(),
      Application.countDocuments(query),
    ]);
    const page = apps.slice(0, limit);
    return {
      items: await withTimelines(page),
      nextCursor: apps.length > limit ? encodeCursor({ o: offset + limit }) : null,
      total,
    };
  }

  /** Name keys and NIPs of the candidates, by candidate id (one indexed equality per candidate). */
  async function searchKeys(candidateIds: readonly string[]): Promise<Map<string, { nameKey: string; nip: string }>> {
    const profiles = await findEachEqual<{ _id: string; name: string; nip: string }>(
      Profile,
      '_id',
      [...new Set(candidateIds)],
      {},
      { _id: 1, name: 1, nip: 1 },
    );
    return new Map(profiles.map((p) => [p._id, { nameKey: applicationNameKey(p.name), nip: p.nip }]));
  }

  async function insertApplication(
    req: CreateApplicationRequest,
    keys?: { nameKey: string; nip: string },
  ): Promise<ApplicationDoc | null> {
    if (req.id !== applicationId(req.vacancyId, req.candidateId)) {
      throw new DomainError('VALIDATION_FAILED', 'id must be applicationId(vacancyId, candidateId)', 'id');
    }
    const vacancies = await vacanciesOf(req.selectionId);
    if (!vacancies || !vacancies.some((v) => v.id === req.vacancyId)) {
      throw new DomainError('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan', 'vacancyId');
    }
    const doc: ApplicationDoc = {
      _id: req.id,
      selectionId: req.selectionId,
      vacancyId: req.vacancyId,
      candidateId: req.candidateId,
      submittedAt: new Date(req.submittedAt),
      createdAt: new Date(),
      slot: applicationSlot(req.id),
      ...(req.homePpkPermission === undefined ? {} : { homePpkPermission: req.homePpkPermission }),
      ...(keys ?? {}),
    };
    try {
      await Application.collection.insertOne({ ...doc } as never);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const winner = await Application.findById(req.id).lean<ApplicationDoc>();
    if (!winner) throw new DomainError('DUPLICATE_APPLICATION', 'Lamaran untuk lowongan ini sudah ada', 'vacancyId');
    assertSameApplication(winner, req);
    return null;
  }

  /**
   * `create` for a batch (the apply path): the applications are inserted side by side, then their
   * first timeline entries go in one insert (and their notices in one more) while `alongside` runs
   * with the indexes of the applications stored (the batch's audit records and file links). Each
   * item answers its own typed refusal (UNKNOWN_VACANCY, CONFLICT, DUPLICATE_APPLICATION); any other
   * failure fails the call, which is safe to repeat.
   */
  async function createMany(
    reqs: readonly CreateApplicationRequest[],
    alongside?: (stored: number[]) => Promise<unknown>,
  ): Promise<Array<{ application: ApplicationDto; created: boolean } | { error: DomainError }>> {
    type Inserted = { doc: ApplicationDoc | null } | { error: DomainError };
    const keys = await searchKeys(reqs.map((r) => r.candidateId));
    const outcomes = await mapInLanes(reqs, INSERTS_IN_PARALLEL, async (req): Promise<Inserted> => {
      try {
        return { doc: await insertApplication(req, keys.get(req.candidateId)) };
      } catch (err) {
        if (err instanceof DomainError) return { error: err };
        throw err;
      }
    });
    const stored = outcomes.flatMap((o, i) => ('doc' in o ? [i] : []));
    const recordedAt = new Date();
    // Also on retries: heals a crash between the inserts (no transactions on FerretDB).
    const firsts = stored.map((i) =>
      entryDoc(
        { _id: reqs[i]!.id, candidateId: reqs[i]!.candidateId },
        {
          eventId: SUBMITTED_EVENT_ID,
          at: reqs[i]!.submittedAt,
          status: 'SUBMITTED',
          reasonCode: 'APPLICATION_SUBMITTED',
        },
        recordedAt,
      ),
    );
    await Promise.all([insertEntries(firsts), stored.length ? alongside?.(stored) : null]);
    return Promise.all(
      outcomes.map(
        async (o, i): Promise<{ application: ApplicationDto; created: boolean } | { error: DomainError }> => {
          if ('error' in o) return { error: o.error };
          // Just inserted, so its one entry is all there is: answered without a read-back (the apply path).
          if (o.doc) return { application: toDto(o.doc, [firsts[stored.indexOf(i)]!]), created: true };
          const application = await get(reqs[i]!.id);
          if (!application) throw new Error('application vanished after insert');
          return { application, created: false };
        },
      ),
    );
  }

  return {
    get,

    /**
     * Creates the application with its first timeline entry. Idempotent: a retry with the same id
     * returns the stored record with `created: false`. `alongside` (e.g. its audit record) runs once
     * the application is stored, concurrently with its timeline entry, and is awaited: the call answers
     * only when all of it is stored.
     */
    async create(
      req: CreateApplicationRequest,
      alongside?: () => Promise<unknown>,
    ): Promise<{ application: ApplicationDto; created: boolean }> {
      const [outcome] = await createMany([req], alongside && (() => alongside()));
      if ('error' in outcome!) throw outcome.error;
      return outcome!;
    },

    createMany,

    /** In the order of `ids`, null where unknown. */
    async getMany(ids: string[]): Promise<(ApplicationDto | null)[]> {
      const apps = await findEachEqual<ApplicationDoc>(Application, '_id', ids);
      const byId = new Map((await withTimelines(apps)).map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** Ordered by id; `after` is the previous page's `nextCursor`. Searched or sorted: see `listSorted`. */
    async list(filter: ApplicationFilter, limit: number, after?: string): Promise<Page<ApplicationDto>> {
      if (filter.search || (filter.sort && filter.sort !== 'ID') || filter.desc) {
        return listSorted(filter, limit, after);
      }
      const query: Record<string, unknown> = {};
      if (filter.candidateId) query.candidateId = filter.candidateId;
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.vacancyId) query.vacancyId = filter.vacancyId;
      if (after) query._id = { $gt: decodeCursor(after, z.string()) };
      const apps = await Application.find(query)
        .sort({ _id: 1 })
        .limit(limit + 1)
        .lean<ApplicationDoc[]>();
      const page = apps.slice(0, limit);
      const last = page.at(-1);
      return {
        items: await withTimelines(page, filter.candidateId),
        nextCursor: apps.length > limit && last ? encodeCursor(last._id) : null,
      };
    },

    /**
     * Sets (overwrites) the application's screening result: idempotent, last write wins. The
     * selection's workflow is the single writer, and nothing else ever rewrites this document.
     */
    async putScreening(id: string, screening: ScreeningDto): Promise<ApplicationDto> {
      const { matchedCount } = await Application.updateOne(
        { _id: id },
        { $set: { screening: toScreeningDoc(screening) } },
      );
      if (matchedCount === 0) throw new DomainError('NOT_FOUND', 'Lamaran tidak ditemukan');
      return (await get(id))!;
    },

    /** Idempotent by eventId; the status becomes the latest entry's. */
    async appendTimeline(id: string, entry: TimelineEntryDto): Promise<ApplicationDto> {
      const app = await Application.findById(id, { candidateId: 1 }).lean<EntryOwner>();
      if (!app) throw new DomainError('NOT_FOUND', 'Lamaran tidak ditemukan');
      await insertEntries([entryDoc(app, entry, new Date())]);
      return (await get(id))!;
    },

    /**
     * Appends the stage event to every application of the selection that lacks it and is still
     * open; returns how many entries were added. Safe to repeat and to run concurrently.
     */
    async fanOutStageEvent(
      selectionId: string,
      event: StageEventDto,
      statusOverride?: ApplicationStatus | null,
    ): Promise<number> {
      const apps = await Application.find({ selectionId }, { _id: 1, candidateId: 1, submittedAt: 1 }).lean<
        FanOutTarget[]
      >();
      return fanOut(apps, event, statusOverride);
    },

    /**
     * The same for one page of the selection's applications: slot by slot (`applicationSlot`), in id order
     * within a slot, at most `limit` applications. `after` is the previous page's `next` ("slot|lastId");
     * null after the last slot. Each slot is an indexed equality, so a page reads about `limit`
     * applications whatever the round's size. Any other cursor (the id cursors of the earlier paging)
     * starts again at slot 0: the fan-out is idempotent, so that only repeats work.
     */
    async fanOutStageEventPage(
      selectionId: string,
      event: StageEventDto,
      statusOverride: ApplicationStatus | null | undefined,
      { after, limit }: { after: string | null; limit: number },
    ): Promise<{ added: number; next: string | null }> {
      const cursor = /^(\d+)\|(.*)$/.exec(after ?? '');
      let slot = cursor ? Number(cursor[1]) : 0;
      let afterId = cursor?.[2] ?? '';
      const page: FanOutTarget[] = [];
      let next: string | null = null;
      let group = 8; // slots read at once while they are small; one at a time once they are large
      while (slot < APPLICATION_SLOTS && page.length < limit) {
        const slots = Array.from({ length: Math.min(group, APPLICATION_SLOTS - slot) }, (_, k) => slot + k);
        const read = await Promise.all(
          slots.map((s) =>
            Application.find({ selectionId, slot: s }, { _id: 1, candidateId: 1, submittedAt: 1 }).lean<
              FanOutTarget[]
            >(),
          ),
        );
        for (const apps of read) {
          const rest = apps.filter((a) => a._id > afterId).sort((a, b) => (a._id < b._id ? -1 : 1));
          const take = rest.slice(0, limit - page.length);
          page.push(...take);
          group = Math.max(1, Math.min(8, Math.floor(limit / (apps.length + 1))));
          if (take.length < rest.length) {
            next = `${slot}|${take.at(-1)?._id ?? afterId}`;
            break;
          }
          slot++;
          afterId = '';
        }
        if (next) break;
      }
      if (!next && slot < APPLICATION_SLOTS) next = `${slot}|`;
      return { added: await fanOut(page, event, statusOverride), next };
    },

    /** Gives applications stored before search keys existed their candidate's name key and NIP (once). */
    async backfillSearchKeys(): Promise<number> {
      const missing = await Application.find({ nameKey: { $exists: false } }, { _id: 1, candidateId: 1 }).lean<
        EntryOwner[]
      >();
      const keys = await searchKeys(missing.map((a) => a.candidateId));
      let n = 0;
      for (const a of missing) {
        const k = keys.get(a.candidateId);
        if (!k) continue;
        await Application.updateOne({ _id: a._id }, { $set: k });
        n++;
      }
      return n;
    },

    /** Gives applications stored before slots existed their slot (once; a no-op afterwards). */
    async backfillSlots(): Promise<number> {
      const missing = await Application.find({ slot: { $exists: false } }, { _id: 1 }).lean<{ _id: string }[]>();
      for (const { _id } of missing) await Application.updateOne({ _id }, { $set: { slot: applicationSlot(_id) } });
      return missing.length;
    },
  };
}
export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
