/**
 * A bounded in-process queue: at most `concurrency` jobs run at once, at most `maxWaiting` wait their
 * turn, and only a job that finds the waiting line full is refused (BUSY). A burst of applications
 * near a deadline therefore waits instead of timing out against Temporal and the services; the
 * receipt time is taken before a job queues, so waiting never costs a candidate their deadline.
 */
import { gqlError } from './errors';

export interface QueueStats {
  running: number;
  waiting: number;
  /** Jobs refused because the waiting line was full, since start. */
  refused: number;
}

export class QueueFullError extends Error {
  constructor() {
    super('apply queue full');
    this.name = 'QueueFullError';
  }
}

export class BoundedQueue {
  private running = 0;
  private refused = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (concurrency < 1) throw new Error('concurrency must be at least 1');
  }

  /** Runs `job` when a slot is free; throws QueueFullError at once when the waiting line is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) {
      this.running += 1;
    } else {
      if (this.waiting.length >= this.maxWaiting) {
        this.refused += 1;
        throw new QueueFullError();
      }
      // The finishing job hands its slot over, so `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  stats(): QueueStats {
    return { running: this.running, waiting: this.waiting.length, refused: this.refused };
  }
}

/** The candidate-facing answer to a full queue: typed BUSY, and safe to send again unchanged. */
export function busyError(): Error {
  return gqlError(
    'BUSY',
    'Sistem sedang menerima sangat banyak lamaran. Lamaran Anda belum diproses; silakan kirim ulang dalam beberapa detik (waktu penerimaan permintaan ini tetap tercatat untuk pengiriman ulang, berkas yang sama tidak disimpan dua kali).',
  );
}

/** One item's answer from a batch: its own result, or its own error. */
export type ItemOutcome<O> = { ok: O } | { error: unknown };

/**
 * Collects the jobs of one key (a selection) into batches: at most `inFlight` batches are sent at
 * once, each with up to `maxBatch` items; whatever arrives while they are in flight waits and goes in
 * the next batch together. So under load many applications share one Update (one workflow task, one
 * activity, one service call) instead of each waiting for a slot of its own; alone, an item is sent
 * at once. Each caller gets its own outcome; a failure of the whole send fails each of its items.
 */
export class Batcher<I, O> {
  /** In arrival order; an item still being prepared (its promise pending) keeps its place but is not sent yet. */
  private readonly waiting: { item?: I; ready: boolean; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private sending = 0;

  constructor(
    readonly inFlight: number,
    readonly maxBatch: number,
    private readonly send: (items: I[]) => Promise<ItemOutcome<O>[]>,
  ) {
    if (inFlight < 1 || maxBatch < 1) throw new Error('inFlight and maxBatch must be at least 1');
  }

  /**
   * Queues an item, or the promise of one (the apply path's uploads still being stored): it waits for
   * the batch in flight while it is prepared, and goes in the first batch sent once it is ready. A
   * rejected promise fails this item alone.
   */
  submit(item: I | PromiseLike<I>): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (!isThenable(item)) {
        this.waiting.push({ item, ready: true, resolve, reject });
        this.pump();
        return;
      }
      const entry: (typeof this.waiting)[number] = { ready: false, resolve, reject };
      this.waiting.push(entry);
      item.then(
        (prepared) => {
          entry.item = prepared;
          entry.ready = true;
          this.pump();
        },
        (err: unknown) => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(err);
        },
      );
    });
  }

  /** True when nothing waits and nothing is being sent (the owner may drop this batcher). */
  idle(): boolean {
    return this.sending === 0 && this.waiting.length === 0;
  }

  private pump(): void {
    while (this.sending < this.inFlight) {
      const batch: typeof this.waiting = [];
      for (let i = 0; i < this.waiting.length && batch.length < this.maxBatch;) {
        if (this.waiting[i]!.ready) batch.push(...this.waiting.splice(i, 1));
        else i++;
      }
      if (batch.length === 0) return;
      this.sending += 1;
      this.send(batch.map((b) => b.item as I))
        .then(
          (outcomes) =>
            batch.forEach((b, i) => {
              const o = outcomes[i];
              if (o && 'ok' in o) b.resolve(o.ok);
              else b.reject(o ? o.error : new Error('batch answered fewer outcomes than items'));
            }),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          this.sending -= 1;
          this.pump();
        });
    }
  }
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}
