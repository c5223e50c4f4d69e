import { describe, expect, it } from 'vitest';
import { Batcher, BoundedQueue, QueueFullError, type ItemOutcome } from './apply-queue';

function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('BoundedQueue', () => {
  it('runs at most `concurrency` jobs at once and the rest in arrival order', async () => {
    const q = new BoundedQueue(2, 10);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const done = gates.map((g, i) =>
      q.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(q.stats()).toEqual({ running: 2, waiting: 2, refused: 0 });
    gates[1]!.resolve();
    await done[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.resolve();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3]);
    expect(q.stats()).toEqual({ running: 0, waiting: 0, refused: 0 });
  });

  it('refuses only when the waiting line is full, and frees the slot of a failed job', async () => {
    const q = new BoundedQueue(1, 1);
    const gate = deferred();
    const first = q.run(() => gate.promise);
    const second = q.run(() => Promise.reject(new Error('boom')));
    await expect(q.run(() => Promise.resolve('x'))).rejects.toBeInstanceOf(QueueFullError);
    expect(q.stats().refused).toBe(1);
    gate.resolve();
    await first;
    await expect(second).rejects.toThrow('boom');
    expect(await q.run(() => Promise.resolve('after'))).toBe('after');
    expect(q.stats()).toEqual({ running: 0, waiting: 0, refused: 1 });
  });
});

describe('Batcher', () => {
  it('sends an item alone when a slot is free, and what arrives meanwhile together in the next batch', async () => {
    const sends: { items: number[]; gate: { promise: Promise<void>; resolve: () => void } }[] = [];
    const b = new Batcher<number, string>(1, 3, async (items) => {
      const gate = deferred();
      sends.push({ items, gate });
      await gate.promise;
      return items.map((i): ItemOutcome<string> =>
        i % 2 === 0 ? { ok: `taken ${i}` } : { error: new Error(`refused ${i}`) },
      );
    });
    const answers = [0, 1, 2, 3, 4, 5].map((i) =>
      b.submit(i).then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    await new Promise((r) => setImmediate(r));
    expect(sends.map((s) => s.items)).toEqual([[0]]);
    sends[0]!.gate.resolve();
    await new Promise((r) => setImmediate(r));
    // Up to maxBatch of the five that waited, in arrival order; the rest in the batch after.
    expect(sends.map((s) => s.items)).toEqual([[0], [1, 2, 3]]);
    sends[1]!.gate.resolve();
    await new Promise((r) => setImmediate(r));
    expect(sends.map((s) => s.items)).toEqual([[0], [1, 2, 3], [4, 5]]);
    sends[2]!.gate.resolve();
    // Each caller gets its own outcome: the refused items do not fail the others of their batch.
    expect(await Promise.all(answers)).toEqual([
      'taken 0',
      'refused 1',
      'taken 2',
      'refused 3',
      'taken 4',
      'refused 5',
    ]);
    expect(b.idle()).toBe(true);
  });

  it('lets an item still being prepared wait for the batch in flight, and sends it once ready', async () => {
    const sends: { items: string[]; gate: { promise: Promise<void>; resolve: () => void } }[] = [];
    const b = new Batcher<string, string>(1, 10, async (items) => {
      const gate = deferred();
      sends.push({ items, gate });
      await gate.promise;
      return items.map((i) => ({ ok: i.toUpperCase() }));
    });
    const settle = () => new Promise((r) => setImmediate(r));
    const slow = deferred<string>();
    const failing = deferred<string>();
    const answers = [
      b.submit('a'),
      b.submit(slow.promise),
      b.submit('c'),
      b.submit(failing.promise).catch((e: Error) => e.message),
    ];
    await settle();
    expect(sends.map((s) => s.items)).toEqual([['a']]);
    // Prepared while 'a' is in flight: a failure fails that item alone; the ready ones go next in order.
    failing.reject(new Error('upload not stored'));
    sends[0]!.gate.resolve();
    await settle();
    expect(sends.map((s) => s.items)).toEqual([['a'], ['c']]);
    slow.resolve('b');
    await settle();
    expect(sends.map((s) => s.items)).toEqual([['a'], ['c']]);
    sends[1]!.gate.resolve();
    await settle();
    expect(sends.map((s) => s.items)).toEqual([['a'], ['c'], ['b']]);
    sends[2]!.gate.resolve();
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C', 'upload not stored']);
    expect(b.idle()).toBe(true);
  });

  it('fails every item of a failed send, and keeps sending the ones after it', async () => {
    let calls = 0;
    const b = new Batcher<string, string>(2, 10, async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('Temporal unavailable');
      return items.map((i) => ({ ok: i.toUpperCase() }));
    });
    const first = b.submit('a');
    await expect(first).rejects.toThrow('Temporal unavailable');
    expect(await Promise.all([b.submit('b'), b.submit('c')])).toEqual(['B', 'C']);
    expect(b.idle()).toBe(true);
  });
});

describe('receipt time of a resend after BUSY', () => {
  const config = {
    APPLY_CONCURRENCY: 1,
    APPLY_QUEUE_MAX: 1,
    APPLY_UPDATES_PER_SELECTION: 8,
    APPLY_BUSY_RECEIPT_MAX_AGE_MS: 600_000,
  };

  it('keeps the first receipt of a candidate × vacancy answered BUSY, until the application is taken', async () => {
    const { ApplyPipeline } = await import('./apply');
    const p = new ApplyPipeline(config);
    const resend = new Date();
    const first = new Date(resend.getTime() - 5_000);
    expect(await p.receiptOf('c1', 'V1', resend)).toEqual({ at: resend, busy: false });
    await p.rememberBusy('c1', 'V1', first);
    await p.rememberBusy('c1', 'V1', resend); // a second BUSY does not move the first receipt
    expect(await p.receiptOf('c1', 'V1', resend)).toEqual({ at: first, busy: true });
    expect(await p.receiptOf('c2', 'V1', resend)).toEqual({ at: resend, busy: false });
    expect(await p.receiptOf('c1', 'V2', resend)).toEqual({ at: resend, busy: false });
    await p.forgetBusy('c1', 'V1');
    expect(await p.receiptOf('c1', 'V1', resend)).toEqual({ at: resend, busy: false });
  });

  it('ignores a receipt older than APPLY_BUSY_RECEIPT_MAX_AGE_MS, and a new BUSY replaces it', async () => {
    const { MemoryBusyReceipts } = await import('./busy-receipts');
    let now = Date.parse('2026-12-10T15:59:58.000Z');
    const r = new MemoryBusyReceipts(600_000, 100, () => now);
    const first = new Date(now);
    await r.remember('c1', 'V1', first);
    now += 600_000;
    expect(await r.get('c1', 'V1')).toBe(first); // exactly the setting: still honoured
    now += 1;
    expect(await r.get('c1', 'V1')).toBeNull();
    const later = new Date(now);
    await r.remember('c1', 'V1', later);
    expect(await r.get('c1', 'V1')).toBe(later);
  });

  it('holds at most its cap of receipts, dropping stale ones first, then the oldest', async () => {
    const { MemoryBusyReceipts } = await import('./busy-receipts');
    let now = 1_000_000_000;
    const r = new MemoryBusyReceipts(1_000, 3, () => now);
    await r.remember('old', 'V1', new Date(now));
    now += 2_000; // 'old' is stale now
    await r.remember('a', 'V1', new Date(now));
    await r.remember('b', 'V1', new Date(now));
    await r.remember('c', 'V1', new Date(now)); // full: the stale one goes
    expect(r.size).toBe(3);
    expect(await r.get('a', 'V1')).not.toBeNull();
    await r.remember('d', 'V1', new Date(now)); // full of live ones: the oldest inserted goes
    expect(r.size).toBe(3);
    expect(await r.get('a', 'V1')).toBeNull();
    expect(await r.get('d', 'V1')).not.toBeNull();
  });
});
