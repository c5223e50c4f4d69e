import { describe, expect, it } from 'vitest';
import { createSelectionCache } from './selection-cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('selection cache', () => {
  it('serves a read again until a write clears it', async () => {
    const cache = createSelectionCache<string>(60_000);
    let reads = 0;
    const read = async () => `v${++reads}`;
    expect(await cache.get('a', read)).toBe('v1');
    expect(await cache.get('a', read)).toBe('v1');
    await cache.write(async () => undefined);
    expect(await cache.get('a', read)).toBe('v2');
  });

  it('does not keep a read that overlapped a write (it may predate the write)', async () => {
    const cache = createSelectionCache<string>(60_000);
    const stale = deferred<string>();
    const pending = cache.get('a', () => stale.promise);
    await cache.write(async () => undefined);
    stale.resolve('before the write');
    expect(await pending).toBe('before the write');
    expect(await cache.get('a', async () => 'after the write')).toBe('after the write');

    // Nor one that ran while a write was under way.
    const writing = deferred<void>();
    const write = cache.write(() => writing.promise);
    expect(await cache.get('b', async () => 'during')).toBe('during');
    writing.resolve();
    await write;
    expect(await cache.get('b', async () => 'fresh')).toBe('fresh');
  });

  it('reads again once an entry is older than its maximum age', async () => {
    const cache = createSelectionCache<string>(0);
    expect(await cache.get('a', async () => 'one')).toBe('one');
    expect(await cache.get('a', async () => 'two')).toBe('two');
  });
});
