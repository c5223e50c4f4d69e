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
 * one record share its load.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { sharesReads, type GraphQLContext } from './context';

export class SharedReads {
  readonly #cache: LRUCache<string, { value: object }> | null;
  #generation = 0;
  /** Loads under way by key, with the generation they started in (a clear makes them unshared). */
  readonly #loading = new Map<string, { generation: number; value: Promise<object | null> }>();

  constructor(
    readonly ttlMs: number,
    maxEntries: number,
  ) {
    this.#cache = ttlMs > 0 ? new LRUCache({ max: maxEntries, ttl: ttlMs }) : null;
  }

  get enabled(): boolean {
    return this.#cache !== null;
  }

  /** The value under `kind`/`key`, read by `load` when not kept (or kept too long) and then kept. */
  async one<T extends object>(kind: string, key: string, load: () => Promise<T>): Promise<T> {
    const [value] = await this.many<T>(kind, [key], async () => [await load()]);
    return value!;
  }

  /**
   * The values of `keys` in order; the ones not kept are read by one call of `load` (with only those
   * keys, in order) and kept. A key another read is already loading is not loaded again: when what was
   * kept runs out, the many requests in flight then make one call, not one each. A null answer (not
   * found) is not kept: a record created a moment later shows at once.
   */
  async many<T extends object>(
    kind: string,
    keys: readonly string[],
    load: (missing: string[]) => Promise<readonly (T | null)[]>,
  ): Promise<(T | null)[]> {
    const cache = this.#cache;
    if (!cache) return [...(await load([...keys]))];
    const generation = this.#generation;
    const values: (T | null)[] = new Array<T | null>(keys.length).fill(null);
    const waits: Promise<void>[] = [];
    const missing: number[] = [];
    keys.forEach((k, i) => {
      const id = `${kind}\u0000${k}`;
      const kept = cache.get(id);
      if (kept) values[i] = kept.value as T;
      else {
        const loading = this.#loading.get(id);
        if (loading?.generation === generation) waits.push(loading.value.then((v) => void (values[i] = v as T | null)));
        else missing.push(i);
      }
    });
    if (missing.length > 0) {
      const batch = load(missing.map((i) => keys[i]!));
      missing.forEach((i, j) => {
        const id = `${kind}\u0000${keys[i]}`;
        const value = batch.then((loaded) => loaded[j] ?? null);
        this.#loading.set(id, { generation, value });
        const done = () => {
          if (this.#loading.get(id)?.value === value) this.#loading.delete(id);
        };
        waits.push(
          value.then(
            (v) => {
              done();
              values[i] = v;
              if (v !== null && generation === this.#generation) cache.set(id, { value: v });
            },
            (err: unknown) => {
              done();
              throw err;
            },
          ),
        );
      });
    }
    await Promise.all(waits);
    return values;
  }

  /** Drops everything kept, and whatever reads under way would keep. */
  clear(): void {
    this.#generation += 1;
    this.#cache?.clear();
  }
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
