/**
 * Turns the candidate service's change feed (`GET /changes`) into events for the GraphQL
 * subscriptions. FerretDB has no change streams, so ONE pump per gateway process polls the feed,
 * and only while someone subscribes. Writers stamp `recordedAt` before inserting, so a change may
 * become visible after later ones: every poll re-reads the last `lagMs` and drops the ids already
 * seen (the change ids are stable).
 */
import { createPubSub, Repeater, SlidingBuffer } from 'graphql-yoga';
import type { ApplicationStatus, ReadModelChangeDto, ReasonCode, SelectionStage } from '@seleksi/domain';
import type { CandidateClient } from '@seleksi/kit';
import type { Logger } from 'pino';

export interface ApplicationStatusEvent {
  applicationId: string;
  status: ApplicationStatus;
  reasonCode: ReasonCode;
  at: string;
  expectedNextAt: string | null;
  recordedAt: string;
}

export interface SelectionStageEvent {
  selectionId: string;
  stage: SelectionStage;
  reasonCode: ReasonCode;
  at: string;
  deadline: string | null;
  recordedAt: string;
}

type Topics = {
  applicationStatus: [applicationId: string, event: ApplicationStatusEvent];
  selectionStage: [selectionId: string, event: SelectionStageEvent];
};

export interface ChangePumpOptions {
  candidate: Pick<CandidateClient, 'listChanges'>;
  logger: Pick<Logger, 'warn' | 'debug'>;
  /** Between two polls (default 1 s). */
  intervalMs?: number;
  /** How far back each poll re-reads for late commits (default 5 s). */
  lagMs?: number;
  /** Changes per page (default 500). */
  pageSize?: number;
}

export class ChangePump {
  readonly pubSub = createPubSub<Topics>({ repeaterBuffer: new SlidingBuffer(1000) });
  private subscribers = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Latest `recordedAt` seen (ms); polls read from `high - lagMs`. */
  private high = 0;
  private readonly seen = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly lagMs: number;
  private readonly pageSize: number;

  constructor(private readonly options: ChangePumpOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.lagMs = options.lagMs ?? 5000;
    this.pageSize = options.pageSize ?? 500;
  }

  get active(): boolean {
    return this.subscribers > 0;
  }

  /** A subscriber arrived: starts polling with the first one. */
  acquire(): void {
    this.subscribers += 1;
    if (this.subscribers === 1) {
      this.high = Date.now();
      this.seen.clear();
      this.schedule(0);
    }
  }

  /** A subscriber left: stops polling with the last one. */
  release(): void {
    this.subscribers = Math.max(0, this.subscribers - 1);
    if (this.subscribers === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /**
   * The events of one topic for one subscriber, counted as a subscriber until the consumer stops.
   * Changes recorded more than `toleranceMs` before `since` (the re-read window) are not delivered.
   * A Repeater, not an async generator: a generator's `return()` would wait for the next event,
   * keeping a gone subscriber (and the polling) alive.
   */
  subscribe<K extends keyof Topics>(
    topic: K,
    id: string,
    since = Date.now(),
    toleranceMs = 2000,
  ): AsyncIterableIterator<Topics[K][1]> {
    return new Repeater<Topics[K][1]>(async (push, stop) => {
      const events = (this.pubSub.subscribe as (t: K, id: string) => AsyncIterableIterator<Topics[K][1]>)(topic, id);
      this.acquire();
      const stopped = stop.then(async () => {
        this.release();
        await events.return?.(undefined);
      });
      for await (const e of events) {
        if (Date.parse(e.recordedAt) >= since - toleranceMs) await push(e);
      }
      stop();
      await stopped;
    });
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await this.poll();
    } catch (err) {
      this.options.logger.warn({ err }, 'change feed poll failed; retrying');
    }
    if (this.subscribers > 0 && !this.timer) this.schedule(this.intervalMs);
  }

  /** One poll: every page since `high - lagMs`; publishes the changes not seen before. */
  async poll(): Promise<number> {
    const since = new Date(this.high - this.lagMs).toISOString();
    let after: string | null = null;
    let published = 0;
    for (let pages = 0; pages < 100; pages++) {
      const page = await this.options.candidate.listChanges({ since, after, limit: this.pageSize });
      for (const c of page.items) if (this.deliver(c)) published += 1;
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    const floor = this.high - this.lagMs;
    for (const [id, t] of this.seen) if (t < floor) this.seen.delete(id);
    return published;
  }

  private deliver(c: ReadModelChangeDto): boolean {
    if (this.seen.has(c.id)) return false;
    const t = Date.parse(c.recordedAt);
    this.seen.set(c.id, t);
    if (t > this.high) this.high = t;
    if (c.kind === 'APPLICATION_STATUS') {
      this.pubSub.publish('applicationStatus', c.applicationId, {
        applicationId: c.applicationId,
        status: c.status,
        reasonCode: c.reasonCode,
        at: c.at,
        expectedNextAt: c.expectedNextAt,
        recordedAt: c.recordedAt,
      });
    } else {
      this.pubSub.publish('selectionStage', c.selectionId, {
        selectionId: c.selectionId,
        stage: c.stage,
        reasonCode: c.reasonCode,
        at: c.at,
        deadline: c.expectedNextAt,
        recordedAt: c.recordedAt,
      });
    }
    return true;
  }
}

const pumps = new WeakMap<object, ChangePump>();

/** The one pump of a gateway process (keyed by its service clients). */
export function changePumpFor(deps: {
  services: { candidate: CandidateClient };
  logger: Logger;
  config: { CHANGE_FEED_POLL_MS: number };
}): ChangePump {
  let pump = pumps.get(deps.services);
  if (!pump) {
    pump = new ChangePump({
      candidate: deps.services.candidate,
      logger: deps.logger,
      intervalMs: deps.config.CHANGE_FEED_POLL_MS,
    });
    pumps.set(deps.services, pump);
  }
  return pump;
}
