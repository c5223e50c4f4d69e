/**
 * Reads that many viewers share — selection summaries, the lists of selections and documents by id —
 * kept for a short time (SHARED_READ_TTL_MS) for the public and for candidates, who make almost all
 * reads: at a registration's close thousands refresh the home page and their status page, and each
 * refresh asked the services for the same few selections again. Staff always read fresh.
 *
 * Staleness is bounded: a mutation by staff through this gateway clears everything (their next read
 * and everyone's is fresh); a change made elsewhere (another gateway, a workflow's timer or activity)
 * shows to the public and candidates within the TTL. A read that was under way while the cache was
 * cleared is answered but not kept, so it cannot put back what the clear removed.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { sharesReads, type GraphQLContext } from './context';

export class SharedReads {
  readonly #cache: LRUCache<string, { value: object }> | null;
  #generation = 0;

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
   * keys, in order) and kept. A null answer (not found) is not kept: a record created a moment later
   * shows at once.
   */
  async many<T extends object>(
    kind: string,
    keys: readonly string[],
    load: (missing: string[]) => Promise<readonly (T | null)[]>,
  ): Promise<(T | null)[]> {
    const cache = this.#cache;
    if (!cache) return [...(await load([...keys]))];
    const values = keys.map((k) => (cache.get(`${kind}\u0000${k}`)?.value as T | undefined) ?? null);
    const missing = keys.flatMap((k, i) => (values[i] === null ? [i] : []));
    if (missing.length === 0) return values;
    const generation = this.#generation;
    const loaded = await load(missing.map((i) => keys[i]!));
    const keep = generation === this.#generation;
    missing.forEach((i, j) => {
      const value = loaded[j] ?? null;
      values[i] = value;
      if (keep && value !== null) cache.set(`${kind}\u0000${keys[i]}`, { value });
    });
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
