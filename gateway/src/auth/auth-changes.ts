/**
 * The feed of sign-in changes shared by every gateway process: a session signed out or an account
 * changed (deactivated, role, agency, password reset, registration) is written here after the change
 * itself, and each gateway polls it every few seconds to drop what it had cached. So a gateway can
 * trust a session it checked for minutes instead of reading it again every 30 s, and a sign-out or
 * deactivation through one gateway reaches the others within about one poll instead of 30 s.
 *
 * Records are read by `bucket` equality (the 10-second slot of their time; FerretDB v1 pushes that down
 * to the index), never by a time range, which it would answer by reading the whole collection. When
 * the poll has not succeeded lately (the store away), the repository falls back to rereading sessions
 * every SESSION_RECHECK_MS, so an unhealthy feed never extends how long a stale session is trusted.
 */
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { FEED_BUCKET_MS, feedBucketOf } from '@seleksi/kit';
import type { Logger } from 'pino';

export type AuthChangeKind = 'SESSION' | 'ACCOUNT';

export interface AuthChange {
  id: string;
  kind: AuthChangeKind;
  /** The session id (SESSION) or the account id (ACCOUNT). */
  ref: string;
}

interface AuthChangeDoc {
  _id: string;
  kind: AuthChangeKind;
  ref: string;
  bucket: number;
  /** The day of `at` (UTC day number): old records are dropped a day at a time, by equality too. */
  day: number;
  at: Date;
}

const authChangeSchema = new Schema<AuthChangeDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['SESSION', 'ACCOUNT'] },
    ref: { type: String, required: true },
    bucket: { type: Number, required: true, index: true },
    day: { type: Number, required: true, index: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

/**
 * Gets the changes read, each once; `resync` is true when changes may have been missed (the first poll, or
 * a gap since the last successful one longer than the buckets a poll reads): the listener must then drop
 * everything it cached.
 */
export type FeedListener = (changes: AuthChange[], resync: boolean) => void;

export interface AuthChangeFeedOptions {
  /** How often the feed is read (ms). */
  pollMs: number;
  logger?: Logger;
}

export class AuthChangeFeed {
  private readonly model: Model<AuthChangeDoc>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastPollOkAt = 0;
  /** Change ids already handed on, per bucket (a bucket is read on several polls). */
  private readonly seen = new Map<number, Set<string>>();
  private lastPrunedAt = 0;
  private listener: FeedListener | null = null;

  constructor(
    conn: Connection,
    private readonly options: AuthChangeFeedOptions,
  ) {
    this.model = conn.model<AuthChangeDoc>('AuthChange', authChangeSchema, 'auth_changes');
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /** Records a change (after the change itself is stored, so a reader that drops its cache reads the new state). */
  async publish(kind: AuthChangeKind, refs: string[]): Promise<void> {
    if (refs.length === 0) return;
    const at = new Date();
    const bucket = feedBucketOf(at);
    await this.model.insertMany(
      refs.map((ref) => ({ _id: randomUUID(), kind, ref, bucket, day: dayOf(at), at })),
      { ordered: false },
    );
  }

  /** Starts polling; `listener` gets each change once. The first poll runs at once. */
  start(listener: FeedListener): void {
    this.listener = listener;
    const tick = () => {
      this.running = this.poll()
        .then(() => undefined)
        .catch((err: unknown) => this.options.logger?.warn({ err }, 'auth change feed poll failed'))
        .finally(() => {
          this.running = null;
          if (this.listener) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.listener = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * True while the feed has been read lately: a cached session may then be trusted for longer, since a
   * change made anywhere reaches this process within about a poll.
   */
  healthy(now = Date.now()): boolean {
    return this.listener !== null && now - this.lastPollOkAt < 3 * this.options.pollMs;
  }

  /** Reads the buckets a change written since the last poll can be in (one each side for clock skew). */
  async poll(): Promise<AuthChange[]> {
    const startedAt = Date.now();
    const current = feedBucketOf(new Date(startedAt));
    const buckets = [current - 1, current, current + 1];
    const docs = (await Promise.all(buckets.map((bucket) => this.model.find({ bucket }).lean()))).flat();
    const fresh: AuthChange[] = [];
    for (const d of docs) {
      let ids = this.seen.get(d.bucket);
      if (!ids) this.seen.set(d.bucket, (ids = new Set()));
      if (ids.has(d._id)) continue;
      ids.add(d._id);
      fresh.push({ id: d._id, kind: d.kind, ref: d.ref });
    }
    for (const b of this.seen.keys()) if (b < current - 2) this.seen.delete(b);
    // A poll reads back to the start of the bucket before the current one, so at least FEED_BUCKET_MS: a
    // longer gap since the last successful poll (the store slow or away, the process paused) may have
    // skipped changes, and everything cached before it is dropped rather than trusted.
    const resync = this.lastPollOkAt === 0 || startedAt - this.lastPollOkAt > FEED_BUCKET_MS;
    if (fresh.length > 0 || resync) this.listener?.(fresh, resync);
    this.lastPollOkAt = startedAt;
    await this.prune();
    return fresh;
  }

  /**
   * Once an hour drops the records of the days before yesterday, a week back (far older than any poll gap
   * the feed still counts as healthy; by day equality, indexed, rather than a range the store would scan).
   */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrunedAt < 3600_000) return;
    this.lastPrunedAt = Date.now();
    const today = dayOf(new Date());
    await Promise.all([2, 3, 4, 5, 6, 7, 8].map((ago) => this.model.deleteMany({ day: today - ago })));
  }
}
