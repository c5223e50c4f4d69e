import { agencyOfWorkflowId, DomainError, type AuditRecordDto } from '@seleksi/domain';
import {
  decodeCursor,
  encodeCursor,
  isDuplicateKeyError,
  type AuditChainHead,
  type AuditVerification,
  type Page,
  type RecordAuditResult,
} from '@seleksi/kit';
import { z } from 'zod';
import { GENESIS_HASH, linkHash, verifyChain, type StoredAuditRecord } from '../audit-chain';
import { toActor, type AuditRecordDoc, type CandidateModels } from '../models';

/** Appends lost to another writer before giving up (each loss means that writer's link was stored). */
const APPEND_ATTEMPTS = 50;
/** Chain heads remembered per process (a miss costs one read). */
const HEAD_CACHE_MAX = 10_000;
/** Marks the one-time chaining of records stored before the chain existed. */
const LEGACY_MARKER = { _id: 'audit-chain-v1' };
const META_COLLECTION = 'auditChainMeta';

export interface AuditRecordFilter {
  selectionId?: string;
  subjectId?: string;
  kind?: string;
}

const cursorSchema = z.object({ a: z.iso.datetime(), i: z.string() });

function toDto(doc: AuditRecordDoc): AuditRecordDto {
  return {
    decisionId: doc._id,
    selectionId: doc.selectionId,
    workflowId: doc.workflowId,
    kind: doc.kind,
    by: toActor(doc.by),
    at: doc.at.toISOString(),
    reason: doc.reason ?? null,
    subjectId: doc.subjectId ?? null,
    payload: doc.payload ?? {},
  };
}

/**
 * Chains the records stored before the chain existed, once: per chain in their stored order (`at`,
 * then decisionId), after any link already there, so an interrupted run resumes. A marker makes later
 * start-ups skip it, so a record written around the chain afterwards is never chained here but reported
 * as UNCHAINED. Runs before the model's indexes are built: on MongoDB, records without `seq` would
 * collide in the unique { selectionId, seq } index. Answers how many records it chained.
 */
export async function chainLegacyAuditRecords(AuditRecord: CandidateModels['AuditRecord']): Promise<number> {
  const meta = AuditRecord.db.collection<{ _id: string }>(META_COLLECTION);
  if (await meta.findOne(LEGACY_MARKER)) return 0;
  const legacy = (await AuditRecord.collection
    .find({ seq: { $exists: false } })
    .toArray()) as unknown as StoredAuditRecord[];
  const byChain = new Map<string, StoredAuditRecord[]>();
  for (const r of legacy) byChain.set(r.selectionId, [...(byChain.get(r.selectionId) ?? []), r]);
  let chained = 0;
  for (const [selectionId, records] of byChain) {
    records.sort((a, b) => a.at.getTime() - b.at.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    let head = await readHeadOf(AuditRecord, selectionId);
    for (const r of records) {
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? GENESIS_HASH;
      let hash: string;
      try {
        hash = linkHash(r, seq, prevHash);
      } catch {
        continue; // no canonical form (e.g. NaN stored before the checks): left unchained, so reported
      }
      await AuditRecord.collection.updateOne({ _id: r._id, seq: { $exists: false } } as never, {
        $set: { seq, prevHash, hash },
      });
      head = { seq, hash };
      chained += 1;
    }
  }
  await meta.updateOne(LEGACY_MARKER, { $set: { chainedAt: new Date(), chained } }, { upsert: true });
  return chained;
}

const AGENCY_MARKER = { _id: 'audit-agency-v1' };

/**
 * Gives the records stored before the oversight view their `agencyCode` (from `workflowId`), once; a
 * marker makes later start-ups skip it. `agencyCode` is derived and not hashed, so the chain is unchanged.
 */
export async function tagAuditRecordAgencies(AuditRecord: CandidateModels['AuditRecord']): Promise<number> {
  const meta = AuditRecord.db.collection<{ _id: string }>(META_COLLECTION);
  if (await meta.findOne(AGENCY_MARKER)) return 0;
  const untagged = await AuditRecord.collection
    .find({ agencyCode: { $exists: false } }, { projection: { _id: 1, workflowId: 1 } })
    .toArray();
  let tagged = 0;
  for (const r of untagged) {
    const agencyCode = agencyOfWorkflowId(String(r.workflowId));
    await AuditRecord.collection.updateOne({ _id: r._id }, { $set: { agencyCode } });
    tagged += 1;
  }
  await meta.updateOne(AGENCY_MARKER, { $set: { taggedAt: new Date(), tagged } }, { upsert: true });
  return tagged;
}

/** The chain's last stored link (highest `seq`), null for an empty chain. */
async function readHeadOf(
  AuditRecord: CandidateModels['AuditRecord'],
  selectionId: string,
): Promise<AuditChainHead | null> {
  const [last] = await AuditRecord.collection
    .find({ selectionId, seq: { $exists: true } })
    .sort({ seq: -1 })
    .limit(1)
    .toArray();
  return last ? { seq: Number(last.seq), hash: String(last.hash) } : null;
}

/** The stored record, or CONFLICT when `dto` reuses its decisionId for another decision. */
function sameDecision(existing: AuditRecordDoc, dto: AuditRecordDto): AuditRecordDto {
  if (
    existing.selectionId !== dto.selectionId ||
    existing.kind !== dto.kind ||
    (existing.subjectId ?? null) !== dto.subjectId
  ) {
    throw new DomainError('CONFLICT', 'decisionId is already recorded for another decision', 'decisionId');
  }
  return toDto(existing);
}

export function createAuditRecordRepository({ AuditRecord }: CandidateModels) {
  const heads = new Map<string, AuditChainHead>();
  const tails = new Map<string, Promise<unknown>>();

  function remember(selectionId: string, head: AuditChainHead): void {
    if (heads.size >= HEAD_CACHE_MAX) heads.clear();
    heads.set(selectionId, head);
  }

  const readHead = (selectionId: string) => readHeadOf(AuditRecord, selectionId);

  async function headOf(selectionId: string): Promise<AuditChainHead | null> {
    const known = heads.get(selectionId);
    if (known) return known;
    const head = await readHead(selectionId);
    if (head) remember(selectionId, head);
    return head;
  }

  /**
   * Follows the links other writers stored after `head`, by equality on { selectionId, seq } (FerretDB
   * pushes that down; it would read the whole chain to sort for the highest `seq`).
   */
  async function advance(selectionId: string, head: AuditChainHead | null): Promise<AuditChainHead | null> {
    for (;;) {
      const next = await AuditRecord.collection.findOne({ selectionId, seq: (head?.seq ?? 0) + 1 });
      if (!next) return head;
      head = { seq: Number(next.seq), hash: String(next.hash) };
    }
  }

  /** Runs `fn` after the previous append to the same chain in this process has settled. */
  function serial<T>(chain: string, fn: () => Promise<T>): Promise<T> {
    const run = (tails.get(chain) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(chain, tail);
    void tail.then(() => {
      if (tails.get(chain) === tail) tails.delete(chain);
    });
    return run;
  }

  /** The record as stored, before its link fields; VALIDATION_FAILED when its payload has no JSON form. */
  function baseOf(dto: AuditRecordDto) {
    let payload: Record<string, unknown>;
    try {
      // Stored and hashed as JSON: what a round trip through the store gives back (no undefined, no Date).
      payload = JSON.parse(JSON.stringify(dto.payload ?? {})) as Record<string, unknown>;
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'Data keputusan tidak dapat dicatat', 'payload');
    }
    return {
      _id: dto.decisionId,
      selectionId: dto.selectionId,
      workflowId: dto.workflowId,
      kind: dto.kind,
      agencyCode: agencyOfWorkflowId(dto.workflowId),
      by: toActor(dto.by),
      at: new Date(dto.at),
      reason: dto.reason,
      subjectId: dto.subjectId,
      payload,
    };
  }

  /** The link after `head` for `base`. */
  function linkAfter(base: ReturnType<typeof baseOf>, head: AuditChainHead | null): AuditRecordDoc {
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const unhashed = { ...base, recordedAt: new Date(), seq, prevHash, hash: '' };
    try {
      return { ...unhashed, hash: linkHash(unhashed, seq, prevHash) };
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'Data keputusan tidak dapat dicatat', 'payload');
    }
  }

  /** One append, inside `serial` for its chain: retried after each link another writer took first. */
  async function appendOne(dto: AuditRecordDto, base: ReturnType<typeof baseOf>): Promise<RecordAuditResult> {
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const head = await headOf(dto.selectionId);
      const doc = linkAfter(base, head);
      try {
        // Raw insert: stored exactly as hashed, never updated afterwards.
        await AuditRecord.collection.insertOne(doc as never);
        remember(dto.selectionId, { seq: doc.seq, hash: doc.hash });
        return { ...toDto(doc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      // Either this decision is recorded already (idempotent retry) or another writer took `seq`.
      const existing = await AuditRecord.findById(dto.decisionId).lean<AuditRecordDoc>();
      if (existing) return { ...sameDecision(existing, dto), created: false };
      const moved = await advance(dto.selectionId, head);
      if (moved) remember(dto.selectionId, moved);
      else heads.delete(dto.selectionId);
    }
    throw new DomainError('CONFLICT', 'Jejak audit sedang sibuk, silakan ulangi', 'selectionId');
  }

  return {
    /**
     * Appends the decision, idempotent by decisionId: a retry (even with a recomputed `at` or
     * payload) answers the first recording with `created: false`. The same decisionId for another
     * selection, kind or subject is a CONFLICT.
     */
    async record(dto: AuditRecordDto): Promise<RecordAuditResult> {
      const base = baseOf(dto);
      // One append at a time per chain in this process; the unique { selectionId, seq } index settles
      // races with other processes.
      return serial(dto.selectionId, () => appendOne(dto, base));
    },

    /**
     * Appends several decisions of one chain in one insert (the apply path's batches): the links are
     * built one after another from the head and stored in order. Should the insert stop at a link that
     * is already there (a retried batch) or taken by another writer, the batch goes again one by one as
     * `record` does (those stored meanwhile answer `created: false`), so the chain is the same as after
     * recording each in turn.
     */
    async recordMany(dtos: readonly AuditRecordDto[]): Promise<RecordAuditResult[]> {
      if (dtos.length === 0) return [];
      const selectionId = dtos[0]!.selectionId;
      if (dtos.some((d) => d.selectionId !== selectionId)) {
        throw new DomainError('VALIDATION_FAILED', 'Decisions of one batch belong to one selection', 'selectionId');
      }
      const bases = dtos.map(baseOf);
      return serial(selectionId, async () => {
        const head = await headOf(selectionId);
        const docs: AuditRecordDoc[] = [];
        for (const base of bases) docs.push(linkAfter(base, docs.at(-1) ?? head));
        let stored = docs.length;
        try {
          await AuditRecord.collection.insertMany(docs as never[], { ordered: true });
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          // Not trusting the store's account of how far the insert got: every link is checked again one
          // by one (a stored one answers `created: false`), so a miscounted index can never leave a gap.
          stored = 0;
        }
        const results: RecordAuditResult[] = docs.slice(0, stored).map((d) => ({ ...toDto(d), created: true }));
        if (stored > 0) remember(selectionId, { seq: docs[stored - 1]!.seq, hash: docs[stored - 1]!.hash });
        else heads.delete(selectionId);
        for (let i = stored; i < dtos.length; i++) results.push(await appendOne(dtos[i]!, bases[i]!));
        return results;
      });
    },

    /** The chain's last link as stored (null for an empty chain); not a verification. */
    async head(selectionId: string): Promise<AuditChainHead | null> {
      return readHead(selectionId);
    },

    /** Recomputes the chain of `selectionId` from the store and names its first broken link. */
    async verify(selectionId: string, printed: AuditChainHead | null = null): Promise<AuditVerification> {
      const docs = await AuditRecord.collection.find({ selectionId }).toArray();
      return verifyChain(selectionId, docs as unknown as StoredAuditRecord[], printed);
    },

    /**
     * The records of one kind, across agencies or for one agency, oldest first: equality on the
     * { kind, agencyCode, at } index (the oversight signals; these kinds are a few per round). At most the
     * newest `cap`.
     */
    async listOfKind(
      kind: string,
      agencyCode: string | null,
      cap: number,
      period: { from?: Date; to?: Date } = {},
    ): Promise<{ items: AuditRecordDto[]; truncated: boolean }> {
      const query: Record<string, unknown> = agencyCode ? { kind, agencyCode } : { kind };
      // The period bounds `at` in the same index ({ kind, agencyCode, at }) before the cap counts.
      if (period.from || period.to) {
        query.at = { ...(period.from ? { $gte: period.from } : {}), ...(period.to ? { $lt: period.to } : {}) };
      }
      // One more than the cap tells whether the cap cut the list (the newest are kept).
      const docs = await AuditRecord.find(query)
        .sort({ at: -1, _id: -1 })
        .limit(cap + 1)
        .lean<AuditRecordDoc[]>();
      return { items: docs.slice(0, cap).reverse().map(toDto), truncated: docs.length > cap };
    },

    /** Oldest first (by `at`, then decisionId); `after` is the previous page's `nextCursor`. */
    async list(filter: AuditRecordFilter, limit: number, after?: string): Promise<Page<AuditRecordDto>> {
      const query: Record<string, unknown> = {};
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.subjectId) query.subjectId = filter.subjectId;
      if (filter.kind) query.kind = filter.kind;
      if (after) {
        const { a, i } = decodeCursor(after, cursorSchema);
        const at = new Date(a);
        query.$or = [{ at: { $gt: at } }, { at, _id: { $gt: i } }];
      }
      const docs = await AuditRecord.find(query)
        .sort({ at: 1, _id: 1 })
        .limit(limit + 1)
        .lean<AuditRecordDoc[]>();
      const page = docs.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toDto),
        nextCursor: docs.length > limit && last ? encodeCursor({ a: last.at.toISOString(), i: last._id }) : null,
      };
    },
  };
}
export type AuditRecordRepository = ReturnType<typeof createAuditRecordRepository>;
