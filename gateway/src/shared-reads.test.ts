import { describe, expect, it } from 'vitest';
import { SharedReads } from './shared-reads';

/** A loader that records the keys it was asked for and answers `value:key` (null for keys starting with '-'). */
function recording() {
  const asked: string[][] = [];
  const load = async (keys: string[]) => {
    asked.push(keys);
    return keys.map((k) => (k.startsWith('-') ? null : { v: `value:${k}` }));
  };
  return { asked, load };
}

describe('SharedReads', () => {
  it('reads only the keys it does not keep, in one call, and answers in the order asked', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    expect(await reads.many('s', ['a', 'b'], load)).toEqual([{ v: 'value:a' }, { v: 'value:b' }]);
    expect(await reads.many('s', ['c', 'a', 'd', 'b'], load)).toEqual([
      { v: 'value:c' },
      { v: 'value:a' },
      { v: 'value:d' },
      { v: 'value:b' },
    ]);
    expect(asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // Kinds are kept apart: the same key of another kind is read.
    await reads.many('d', ['a'], load);
    expect(asked.at(-1)).toEqual(['a']);
  });

  it('does not keep a not-found answer: a record created a moment later shows at once', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    expect(await reads.many('s', ['-x'], load)).toEqual([null]);
    expect(await reads.many('s', ['-x'], load)).toEqual([null]);
    expect(asked).toEqual([['-x'], ['-x']]);
  });

  it('reads again once the time to keep has passed', async () => {
    const reads = new SharedReads(20, 100);
    const { asked, load } = recording();
    await reads.one('l', 'q', () => load(['q']).then((v) => v[0]!));
    await reads.one('l', 'q', () => load(['q']).then((v) => v[0]!));
    expect(asked).toHaveLength(1);
    // Well past the 20 ms kept (any later moment would do: nothing waits on this but the clock).
    await new Promise((r) => setTimeout(r, 60));
    await reads.one('l', 'q', () => load(['q']).then((v) => v[0]!));
    expect(asked).toHaveLength(2);
  });

  it('a clear drops what was kept, and a read under way during the clear is answered but not kept', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    await reads.many('s', ['a'], load);
    reads.clear();
    await reads.many('s', ['a'], load);
    expect(asked).toHaveLength(2);

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = reads.many('s', ['b'], async (keys) => {
      await gate;
      return load(keys);
    });
    reads.clear();
    release();
    expect(await slow).toEqual([{ v: 'value:b' }]);
    await reads.many('s', ['b'], load);
    expect(asked.filter((k) => k[0] === 'b')).toHaveLength(2);
  });

  it('concurrent reads of a record share one load; a load under way during a clear is not shared', async () => {
    const reads = new SharedReads(60_000, 100);
    const asked: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async (keys: string[]) => {
      asked.push(keys);
      await gate;
      return keys.map((k) => ({ v: k }));
    };
    const first = reads.many('s', ['a', 'b'], load);
    const second = reads.many('s', ['b', 'c'], load);
    reads.clear();
    const third = reads.many('s', ['a'], load);
    release();
    expect(await Promise.all([first, second, third])).toEqual([
      [{ v: 'a' }, { v: 'b' }],
      [{ v: 'b' }, { v: 'c' }],
      [{ v: 'a' }],
    ]);
    expect(asked).toEqual([['a', 'b'], ['c'], ['a']]);
  });

  it('a failed load fails every read waiting on it, and the next read loads again', async () => {
    const reads = new SharedReads(60_000, 100);
    let fail = true;
    const load = async (keys: string[]) => {
      if (fail) throw new Error('service unavailable');
      return keys.map((k) => ({ v: k }));
    };
    const results = await Promise.allSettled([reads.many('s', ['a'], load), reads.many('s', ['a'], load)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await reads.many('s', ['a'], load)).toEqual([{ v: 'a' }]);
  });

  it('keeps nothing when the time to keep is 0', async () => {
    const reads = new SharedReads(0, 100);
    const { asked, load } = recording();
    await reads.many('s', ['a'], load);
    await reads.many('s', ['a'], load);
    expect(reads.enabled).toBe(false);
    expect(asked).toEqual([['a'], ['a']]);
  });

  it('keeps at most its number of records, dropping the least recently used', async () => {
    const reads = new SharedReads(60_000, 2);
    const { asked, load } = recording();
    await reads.many('s', ['a', 'b'], load);
    await reads.many('s', ['a'], load); // a used last
    await reads.many('s', ['c'], load); // b goes
    await reads.many('s', ['a', 'b'], load);
    expect(asked).toEqual([['a', 'b'], ['c'], ['b']]);
  });
});
