import { describe, expect, it } from 'vitest';
import { BoundedQueue, QueueFullError } from './apply-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
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

describe('receipt time of a resend after BUSY', () => {
  it('keeps the first receipt of a candidate × vacancy answered BUSY, until the application is taken', async () => {
    const { ApplyPipeline } = await import('./apply');
    const p = new ApplyPipeline({ APPLY_CONCURRENCY: 1, APPLY_QUEUE_MAX: 1, APPLY_UPDATES_PER_SELECTION: 8 });
    const first = new Date('2026-12-10T15:59:58.000Z');
    const resend = new Date('2026-12-10T16:00:03.000Z');
    expect(p.receiptOf('c1', 'V1', resend)).toBe(resend);
    p.rememberBusy('c1', 'V1', first);
    p.rememberBusy('c1', 'V1', resend); // a second BUSY does not move the first receipt
    expect(p.receiptOf('c1', 'V1', resend)).toBe(first);
    expect(p.receiptOf('c2', 'V1', resend)).toBe(resend);
    expect(p.receiptOf('c1', 'V2', resend)).toBe(resend);
    p.forgetBusy('c1', 'V1');
    expect(p.receiptOf('c1', 'V1', resend)).toBe(resend);
  });
});
