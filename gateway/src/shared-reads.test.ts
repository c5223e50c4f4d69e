import { afterEach, describe, expect, it, vi } from 'vitest';
import { SharedReads } from './shared-reads';

/** A loader that records the ids it was asked for and answers `{ id }` (null for ids starting with '-'). */
function recording() {
  const asked: string[][] = [];
  const load = async (ids: string[]) => {
    asked.push(ids);
    return ids.map((id) => (id.startsWith('-') ? null : { id }));
  };
  return { asked, load };
}

/** A promise and the function that settles it (a load held until the test lets it go). */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
}

afterEach(() => vi.restoreAllMocks());

describe('SharedReads', () => {
  it('reads only the ids it does not keep, in one call, and answers in the order asked', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    expect(await reads.many('s', ['a', 'b'], load)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(await reads.many('s', ['c', 'a', 'd', 'b'], load)).toEqual([
      { id: 'c' },
      { id: 'a' },
      { id: 'd' },
      { id: 'b' },
    ]);
    expect(asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // Kinds are kept apart: the same id of another kind is read.
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

  it('keeps only what was answered for the id asked: a short or long answer fails, another id is not found', async () => {
    const reads = new SharedReads(60_000, 100);
    // 'X,P' split by a service into two ids: one answer too many, every later one off by one.
    const splitting = async (ids: string[]) => ids.flatMap((id) => id.split(',')).map((id) => ({ id }));
    await expect(reads.many('s', ['X,P', 'C'], splitting)).rejects.toThrow('3 records answered for 2 ids');
    const swapped = async (ids: string[]) => ids.map((id) => ({ id: id === 'C' ? 'P' : id }));
    expect(await reads.many('s', ['C', 'D'], swapped)).toEqual([null, { id: 'D' }]);
    const { asked, load } = recording();
    expect(await reads.many('s', ['C', 'D'], load)).toEqual([{ id: 'C' }, { id: 'D' }]);
    expect(asked).toEqual([['C']]);
  });

  it('reads again once the time to keep has passed', async () => {
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const reads = new SharedReads(1000, 100);
    const { asked, load } = recording();
    const list = () => load(['q']).then((v) => v[0]!);
    await reads.one('l', 'q', list);
    now += 999;
    await reads.one('l', 'q', list);
    await reads.many('s', ['a'], load);
    expect(asked).toEqual([['q'], ['a']]);
    now += 1001;
    await reads.one('l', 'q', list);
    await reads.many('s', ['a'], load);
    expect(asked).toEqual([['q'], ['a'], ['q'], ['a']]);
  });

  it('a clear drops what was kept, and a read under way during the clear is answered but not kept', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    await reads.many('s', ['a'], load);
    reads.clear();
    await reads.many('s', ['a'], load);
    expect(asked).toHaveLength(2);

    const { gate, release } = held();
    const slow = reads.many('s', ['b'], async (ids) => {
      await gate;
      return load(ids);
    });
    const slowList = reads.one('l', 'q', async () => {
      await gate;
      return { id: 'q' };
    });
    reads.clear();
    release();
    expect(await slow).toEqual([{ id: 'b' }]);
    expect(await slowList).toEqual({ id: 'q' });
    await reads.many('s', ['b'], load);
    await reads.one('l', 'q', () => load(['q']).then((v) => v[0]!));
    expect(asked.filter((k) => k[0] === 'b')).toHaveLength(2);
    expect(asked.at(-1)).toEqual(['q']);
  });

  it('concurrent reads of a record share one load; a load under way during a clear is not shared', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    const { gate, release } = held();
    const slow = async (ids: string[]) => {
      await gate;
      return load(ids);
    };
    const first = reads.many('s', ['a', 'b'], slow);
    const second = reads.many('s', ['b', 'c'], slow);
    const lists = [
      reads.one('l', 'q', () => slow(['q']).then((v) => v[0]!)),
      reads.one('l', 'q', () => slow(['q']).then((v) => v[0]!)),
    ];
    reads.clear();
    const third = reads.many('s', ['a'], slow);
    release();
    expect(await Promise.all([first, second, third, ...lists])).toEqual([
      [{ id: 'a' }, { id: 'b' }],
      [{ id: 'b' }, { id: 'c' }],
      [{ id: 'a' }],
      { id: 'q' },
      { id: 'q' },
    ]);
    expect(asked.sort()).toEqual([['a'], ['a', 'b'], ['c'], ['q']]);
  });

  it('a read that joined a load which then failed reads its own ids; the failing read fails alone', async () => {
    const reads = new SharedReads(60_000, 100);
    const { asked, load } = recording();
    const { gate, release } = held();
    // A batch with an id the service refuses fails as a whole (a 400), after a while.
    const refusing = async (ids: string[]) => {
      await gate;
      if (ids.some((id) => id.includes(' '))) throw new Error('400 VALIDATION_FAILED');
      return load(ids);
    };
    const bad = reads.many('s', ['a', 'bad id'], refusing);
    const good = reads.many('s', ['a'], refusing);
    const badList = reads.one('l', 'q', () => refusing(['bad id']).then(() => ({ id: 'q' })));
    const goodList = reads.one('l', 'q', async () => ({ id: 'q' }));
    release();
    await expect(bad).rejects.toThrow('400');
    await expect(badList).rejects.toThrow('400');
    expect(await good).toEqual([{ id: 'a' }]);
    expect(await goodList).toEqual({ id: 'q' });
    expect(asked).toEqual([['a']]);
  });

  it('keeps nothing when the time to keep is 0', async () => {
    const reads = new SharedReads(0, 100);
    const { asked, load } = recording();
    await reads.many('s', ['a'], load);
    await reads.many('s', ['a'], load);
    expect(reads.enabled).toBe(false);
    expect(asked).toEqual([['a'], ['a']]);
  });

  it('keeps at most its number of records, a list page counting each it holds, least recently used first', async () => {
    const reads = new SharedReads(60_000, 4);
    const { asked, load } = recording();
    await reads.many('s', ['a', 'b'], load);
    await reads.many('s', ['a'], load); // a used last
    // A page of two records and itself: 3 of the 4, so b (the least recently used) makes room.
    const page = { id: 'page', items: [{ id: 'x' }, { id: 'y' }] };
    await reads.one(
      'l',
      'p',
      async () => page,
      (p) => 1 + p.items.length,
    );
    await reads.many('s', ['a', 'b'], load);
    expect(asked).toEqual([['a', 'b'], ['b']]);
    // A page larger than everything kept is answered, not kept.
    let loads = 0;
    const big = async () => (loads++, { id: 'big', items: Array.from({ length: 10 }, (_, i) => ({ id: `${i}` })) });
    await reads.one('l', 'big', big, (p) => 1 + p.items.length);
    await reads.one('l', 'big', big, (p) => 1 + p.items.length);
    expect(loads).toBe(2);
  });
});
