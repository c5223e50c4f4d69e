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
