/**
 * Selection summaries (by id, and summary lists) kept in this process. The candidate service is the
 * only writer of `selections` and `stageEvents` (upserts and stage events both go through its
 * selection repository), so each write clears the cache and nothing read before a write is kept
 * after it: a read remembers what it read only if no write began or was under way meanwhile.
 * `maxAgeMs` bounds what a second instance of the service (none in a stack) could leave stale.
 */
export function createSelectionCache<V>(maxAgeMs: number, maxEntries = 10_000) {
  const items = new Map<string, { value: V; at: number }>();
  let generation = 0;
  let writing = 0;

  return {
    /** Runs a write of selections: the cache is cleared before and after it. */
    async write<T>(fn: () => Promise<T>): Promise<T> {
      writing++;
      generation++;
      items.clear();
      try {
        return await fn();
      } finally {
        writing--;
        generation++;
        items.clear();
      }
    },

    /** The cached value of `key`, or `read()`'s, remembered when no write overlapped it. */
    async get(key: string, read: () => Promise<V>): Promise<V> {
      const hit = items.get(key);
      if (hit && Date.now() - hit.at < maxAgeMs) return hit.value;
      const before = generation;
      const value = await read();
      if (writing === 0 && generation === before) {
        if (items.size >= maxEntries) items.clear();
        items.set(key, { value, at: Date.now() });
      }
      return value;
    },
  };
}
