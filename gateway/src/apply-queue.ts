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
    'Sistem sedang menerima sangat banyak lamaran. Lamaran Anda belum diproses; silakan kirim ulang dalam beberapa detik (waktu penerimaan dicatat saat Anda mengirim ulang, berkas yang sama tidak disimpan dua kali).',
  );
}
