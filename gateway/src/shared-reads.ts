/**
 * Reads that many viewers share — selection summaries, the lists of selections and documents by id —
 * kept for a short time (SHARED_READ_TTL_MS) for the public and for candidates, who make almost all
 * reads: at a registration's close thousands refresh the home page and their status page, and each
 * refresh asked the services for the same few selections again. Staff always read fresh.
 *
 * Staleness is bounded: a mutation by staff through this gateway clears everything (their next read
 * and everyone's is fresh); a change made elsewhere (another gateway, a workflow's timer or activity)
 * shows to the public and candidates within the TTL. A read that was under way while the cache was
 * cleared is answered but not kept, so it cannot put back what the clear removed; concurrent reads of
 * one record share its load. Only what the services answered for the key asked is kept (a record
 * under its own id), and memory is bounded by records: a list page counts each record it holds.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Account } from './auth/accounts';
import type { GraphQLContext } from './context';

interface Kept {
  value: object;
  /** Records held (a list page: its items and itself). */
  size: number;
}

const keyOf = (kind: string, key: string) => `${kind}\u0000${key}`;

export class SharedReads {
  readonly #cache: LRUCache<string, Kept> | null;
  #generation = 0;
  /** Loads under way by key, with the generation they started in (a clear makes them unshared). */
  readonly #loading = new Map<string, { generation: number; value: Promise<object | null> }>();

  constructor(ttlMs: number, maxRecords: number) {
    // ttlResolution 0: every read asks the clock (lru-cache would otherwise reuse a reading for 1 ms).
    this.#cache =
      ttlMs > 0
        ? new LRUCache<string, Kept>({
            ttl: ttlMs,
            ttlResolution: 0,
            maxSize: maxRecords,
            sizeCalculation: (k) => k.size,
          })
        : null;
  }

  get enabled(): boolean {
    return this.#cache !== null;
  }

  /**
   * The value under `kind`/`key` (e.g. a list page by its query), read by `load` when not kept (or kept
   * too long) and then kept; `records` tells how many records it holds. Concurrent reads of one key share
   * the load (each reads its own should the shared one fail).
   */
  async one<T extends object>(
    kind: string,
    key: string,
    load: () => Promise<T>,
    records: (v: T) => number = () => 1,
  ): Promise<T> {
    const cache = this.#cache;
    if (!cache) return load();
    const id = keyOf(kind, key);
    const kept = cache.get(id);
    if (kept) return kept.value as T;
    const generation = this.#generation;
    const loading = this.#loading.get(id);
    if (loading?.generation === generation) {
      try {
        return (await loading.value) as T;
      } catch {
        return load();
      }
    }
    const value = load();
    this.#loading.set(id, { generation, value });
    try {
      const v = await value;
      if (generation === this.#generation) cache.set(id, { value: v, size: Math.max(1, records(v)) });
      return v;
    } finally {
      if (this.#loading.get(id)?.value === value) this.#loading.delete(id);
    }
  }

  /**
   * The records of `ids` in order; the ones not kept are read by one call of `load` (with only those
   * ids, in order) and kept. An id another read is already loading is not loaded again: when what was
   * kept runs out, the many requests in flight make one call, not one each (and should that shared
   * call fail, each of them reads its own). A null answer (not found) is not kept: a record created a
   * moment later shows at once. `load` must answer one entry per id asked, each that record or null;
   * anything else fails the read, and a record under another id is answered as not found, never kept.
   */
  async many<T extends { id: string }>(
    kind: string,
    ids: readonly string[],
    load: (missing: string[]) => Promise<readonly (T | null)[]>,
  ): Promise<(T | null)[]> {
    const cache = this.#cache;
    if (!cache) return [...(await load([...ids]))];
    const generation = this.#generation;
    const values: (T | null)[] = new Array<T | null>(ids.length).fill(null);
    const joined: Promise<void>[] = [];
    const failedJoins: number[] = [];
    const missing: number[] = [];
    ids.forEach((k, i) => {
      const kept = cache.get(keyOf(kind, k));
      if (kept) values[i] = kept.value as T;
      else {
        const loading = this.#loading.get(keyOf(kind, k));
        if (loading?.generation === generation)
          joined.push(
            loading.value.then(
              (v) => void (values[i] = v as T | null),
              () => void failedJoins.push(i),
            ),
          );
        else missing.push(i);
      }
    });
    // Awaited together: this read's own call may fail while the joined ones are still under way.
    const [own] = await Promise.all([
      missing.length > 0 ? this.#loadShared(kind, ids, missing, load, generation) : [],
      ...joined,
    ]);
    own.forEach((v, j) => (values[missing[j]!] = v));
    if (failedJoins.length > 0) {
      // Another read's call failed (its own ids, a timeout): this read asks for its ids itself, unshared.
      const answered = await checkedLoad(
        load,
        failedJoins.map((i) => ids[i]!),
      );
      failedJoins.forEach((i, j) => (values[i] = answered[j]!));
    }
    return values;
  }

  /** One call for `missing` (indexes into `ids`), shared with reads of the same ids meanwhile, then kept. */
  #loadShared<T extends { id: string }>(
    kind: string,
    ids: readonly string[],
    missing: number[],
    load: (missing: string[]) => Promise<readonly (T | null)[]>,
    generation: number,
  ): Promise<(T | null)[]> {
    const batch = checkedLoad(
      load,
      missing.map((i) => ids[i]!),
    );
    const shared = missing.map((i, j) => {
      const id = keyOf(kind, ids[i]!);
      const value = batch.then((answered) => answered[j]!);
      // Joiners handle its failure themselves; this read's own await below reports it.
      value.catch(() => undefined);
      this.#loading.set(id, { generation, value });
      return { id, value };
    });
    const done = () => {
      for (const { id, value } of shared) if (this.#loading.get(id)?.value === value) this.#loading.delete(id);
    };
    return batch.then(
      (answered) => {
        done();
        if (generation === this.#generation)
          for (const [j, v] of answered.entries())
            if (v !== null) this.#cache?.set(shared[j]!.id, { value: v, size: 1 });
        return answered;
      },
      (err: unknown) => {
        done();
        throw err;
      },
    );
  }

  /** Drops everything kept, and whatever reads under way would keep. */
  clear(): void {
    this.#generation += 1;
    this.#cache?.clear();
  }
}

/** `load` for `ids`, held to its contract: one entry per id, a record only under its own id. */
async function checkedLoad<T extends { id: string }>(
  load: (ids: string[]) => Promise<readonly (T | null)[]>,
  ids: string[],
): Promise<(T | null)[]> {
  const answered = await load(ids);
  if (answered.length !== ids.length)
    throw new Error(`shared read: ${answered.length} records answered for ${ids.length} ids`);
  return ids.map((id, j) => (answered[j]?.id === id ? answered[j]! : null));
}

/** The public and candidates read what is shared (they make almost all reads); staff read fresh. */
export function sharesReads(user: Pick<Account, 'role'> | null): boolean {
  return user === null || user.role === 'CANDIDATE';
}

/** Clears the shared reads once a mutation by staff has run (whatever it answered: it may have changed something). */
export function useSharedReadsClearing(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue;
      if (!ctx.sharedReads.enabled || sharesReads(ctx.user)) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => ctx.sharedReads.clear() };
    },
  };
}
