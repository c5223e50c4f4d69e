/**
 * Sign-in throttling per account (by the e-mail typed, known or not) and per client address. The
 * state lives in the gateway's store, one counter document per key, so it holds across restarts and
 * across several gateways; every update is a single findOneAndUpdate ($inc/upsert). That is atomic on
 * MongoDB; FerretDB v1 reads and rewrites the document, so concurrent increments can be lost there
 * (measured: 200 concurrent $inc over 4 connections left 140). An account's count is therefore made exact
 * by claims: each counted attempt also inserts a claim document whose `_id` is the key, its window and
 * the count it got; a unique `_id` insert is atomic on both stores, so two attempts that got the same
 * count (a lost increment) cannot both hold it: the loser counts again. The claims, not the counter,
 * decide the lock. An address's count (a far higher limit, shared by an office) stays on the counter alone.
 * No TTL index (FerretDB has none): windows are timestamps in the documents and a periodic cleanup removes
 * the stale ones.
 *
 * Policy: an account's first ACCOUNT_FREE failures in a window cost nothing; each further one doubles
 * a wait (BACKOFF_BASE, 2×, 4×… up to BACKOFF_MAX) before the next attempt; ACCOUNT_LOCK failures in
 * the window lock the account for LOCKOUT. An address is locked after ADDRESS_LOCK failures in a window
 * (higher: many people may sign in from one office). A success resets the account's counter and does
 * not count against the address. Refused attempts never check the password and never count.
 */
import { GraphQLError } from 'graphql';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from 'pino';
import { SecurityEvents, type SecurityEventKind } from './events';

export interface ThrottlePolicy {
  accountFreeFailures: number;
  accountLockFailures: number;
  addressLockFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
}

export interface ThrottleSettings {
  SIGNIN_ACCOUNT_FREE_FAILURES: number;
  SIGNIN_ACCOUNT_LOCK_FAILURES: number;
  SIGNIN_ADDRESS_LOCK_FAILURES: number;
  SIGNIN_WINDOW_SECONDS: number;
  SIGNIN_LOCKOUT_SECONDS: number;
  SIGNIN_BACKOFF_BASE_SECONDS: number;
  SIGNIN_BACKOFF_MAX_SECONDS: number;
  SECURITY_EVENT_RETENTION_DAYS: number;
  SIGNIN_CLEANUP_INTERVAL_SECONDS: number;
}

export function throttlePolicy(c: ThrottleSettings): ThrottlePolicy {
  return {
    accountFreeFailures: c.SIGNIN_ACCOUNT_FREE_FAILURES,
    accountLockFailures: c.SIGNIN_ACCOUNT_LOCK_FAILURES,
    addressLockFailures: c.SIGNIN_ADDRESS_LOCK_FAILURES,
    windowSeconds: c.SIGNIN_WINDOW_SECONDS,
    lockoutSeconds: c.SIGNIN_LOCKOUT_SECONDS,
    backoffBaseSeconds: c.SIGNIN_BACKOFF_BASE_SECONDS,
    backoffMaxSeconds: c.SIGNIN_BACKOFF_MAX_SECONDS,
  };
}

export type ThrottleScope = 'ACCOUNT' | 'ADDRESS';

/** One key's counter: failures since `windowStart`, the last one's time, and a lockout. */
export interface CounterState {
  failures: number;
  windowStart: Date;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

interface CounterDoc extends CounterState {
  _id: string;
}

const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true, default: 0 },
    windowStart: { type: Date, required: true },
    lastFailureAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
  },
  { versionKey: false },
);

/** An account attempt's hold on one count of its window: `<key>|<window start ms>|<count>`. */
interface ClaimDoc {
  _id: string;
  at: Date;
}

const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
claimSchema.index({ at: 1 });

/** When the key may try again (null: now). Pure, so the policy is unit-tested without a store. */
export function blockedUntil(scope: ThrottleScope, s: CounterState | null, p: ThrottlePolicy, now: Date): Date | null {
  if (!s) return null;
  if (s.lockedUntil && s.lockedUntil.getTime() > now.getTime()) return s.lockedUntil;
  if (scope === 'ADDRESS' || !s.lastFailureAt) return null;
  const windowLive = s.windowStart.getTime() + p.windowSeconds * 1000 > now.getTime();
  if (!windowLive || s.failures < p.accountFreeFailures || p.backoffBaseSeconds <= 0) return null;
  const wait = Math.min(p.backoffMaxSeconds, p.backoffBaseSeconds * 2 ** (s.failures - p.accountFreeFailures));
  const until = new Date(s.lastFailureAt.getTime() + wait * 1000);
  return until.getTime() > now.getTime() ? until : null;
}

/** Whole seconds to wait, at least 1. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** "30 detik", "5 menit", "2 jam": how long to wait, in the words of the message. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} detik`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} menit`;
  return `${Math.ceil(seconds / 3600)} jam`;
}

/** The typed refusal: `TOO_MANY_ATTEMPTS` with `retryAfterSeconds`, HTTP 429 with Retry-After. */
export function tooManyAttempts(retryAfterSeconds: number, action = 'SIGN_IN'): GraphQLError {
  const what = action === 'PASSWORD_RESET' ? 'permintaan atur ulang kata sandi' : 'percobaan masuk yang gagal';
  return new GraphQLError(`Terlalu banyak ${what}. Silakan coba lagi dalam ${waitText(retryAfterSeconds)}.`, {
    extensions: {
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds,
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
  });
}

export interface AttemptOrigin {
  /** The e-mail as typed (normalised); null for an entry that names no account. */
  account: string | null;
  address: string;
  /**
   * What was tried, for the record: SIGN_IN, PASSWORD_LINK (both count against the same address),
   * PASSWORD_RESET (requests for a reset mail: counted apart, every request counts).
   */
  action: string;
}

interface ThrottleKey {
  id: string;
  scope: ThrottleScope;
}

/** One key's count taken by an attempt: the counter after it, how often it counted, its claim if any. */
interface Claimed {
  key: ThrottleKey;
  doc: CounterDoc;
  bumps: number;
  claim: string | null;
}

export class SignInThrottle {
  private readonly counters: Model<CounterDoc>;
  private readonly claims: Model<ClaimDoc>;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    conn: Connection,
    private readonly policy: ThrottlePolicy,
    readonly events: SecurityEvents,
    private readonly logger: Logger,
  ) {
    this.counters = conn.model<CounterDoc>('SignInCounter', counterSchema, 'signin_counters');
    this.claims = conn.model<ClaimDoc>('SignInClaim', claimSchema, 'signin_claims');
  }

  async init(): Promise<void> {
    await Promise.all([this.counters.init(), this.claims.init(), this.events.init()]);
  }

  /**
   * Runs one credential check under the throttle. `check` throws when the credential is wrong
   * (`isFailure` tells such an error from an outage, which counts for nothing); its result is
   * returned on success. A refused attempt throws TOO_MANY_ATTEMPTS without calling `check`.
   */
  async guard<T>(
    origin: AttemptOrigin,
    check: () => Promise<T>,
    isFailure: (err: unknown) => boolean,
    opts: { countSuccess?: boolean } = {},
  ): Promise<T> {
    const now = new Date();
    const keys = this.keysOf(origin);
    const docs = await this.counters.find({ _id: { $in: keys.map((k) => k.id) } }).lean();
    const seen = new Map(docs.map((d) => [d._id, d]));
    let until: { at: Date; scope: ThrottleScope } | null = null;
    for (const k of keys) {
      const at = blockedUntil(k.scope, seen.get(k.id) ?? null, this.policy, now);
      if (at && (!until || at > until.at)) until = { at, scope: k.scope };
    }
    if (until) return this.refuse(origin, until.scope, secondsUntil(until.at, now), now);

    // Claimed up front: concurrent attempts each get their own count, so a burst sent at once cannot
    // all pass the check above while none has been counted yet. A claim past the lock count, or past
    // the free failures out of turn (another attempt got in since the read), is refused.
    const claimed: Claimed[] = [];
    try {
      for (const k of keys) claimed.push(await this.claim(k, now));
    } catch (err) {
      await this.release(claimed).catch(() => undefined);
      throw err;
    }
    const overrun = claimed.find(({ key, doc, bumps }) => {
      // Locked by an attempt that failed between this one's read and its count.
      if (doc.lockedUntil && doc.lockedUntil.getTime() > now.getTime()) return true;
      if (key.scope === 'ADDRESS') return doc.failures > this.policy.addressLockFailures;
      return (
        doc.failures > this.policy.accountLockFailures ||
        // In turn: the count right after the one read (counting again past counts already held moves it on).
        (doc.failures > this.policy.accountFreeFailures && doc.failures !== (seen.get(key.id)?.failures ?? 0) + bumps)
      );
    });
    if (overrun) {
      await this.release(claimed);
      const wait = blockedUntil(overrun.key.scope, overrun.doc, this.policy, now);
      const locking = overrun.doc.failures > this.policy.accountLockFailures || overrun.key.scope === 'ADDRESS';
      const seconds = wait ? secondsUntil(wait, now) : locking ? this.policy.lockoutSeconds : 1;
      return this.refuse(origin, overrun.key.scope, seconds, now);
    }

    let result: T;
    try {
      result = await check();
    } catch (err) {
      if (isFailure(err)) await this.failed(origin, claimed, now);
      else await this.release(claimed);
      throw err;
    }
    // Requests limited by number (reset mails) count whatever their outcome.
    if (opts.countSuccess) {
      await this.failed(origin, claimed, now);
      return result;
    }
    // A success: the account starts again; the address gives back the count it claimed.
    for (const c of claimed) {
      if (c.key.scope === 'ACCOUNT') await this.counters.deleteOne({ _id: c.key.id });
      else await this.release([c]);
    }
    return result;
  }

  private keysOf(origin: AttemptOrigin): ThrottleKey[] {
    const keys: ThrottleKey[] = [];
    const prefix = origin.action === 'PASSWORD_RESET' ? 'reset:' : '';
    if (origin.account) keys.push({ id: `${prefix}account:${origin.account}`, scope: 'ACCOUNT' });
    keys.push({ id: `${prefix}address:${origin.address}`, scope: 'ADDRESS' });
    return keys;
  }

  /** Counts one failure on a key in its live window (a stale window starts again at one). */
  private async bump(id: string, now: Date): Promise<CounterDoc> {
    const cutoff = new Date(now.getTime() - this.policy.windowSeconds * 1000);
    const live = await this.counters
      .findOneAndUpdate(
        { _id: id, windowStart: { $gt: cutoff } },
        { $inc: { failures: 1 }, $set: { lastFailureAt: now } },
        { new: true },
      )
      .lean();
    if (live) return live;
    // Conditional on the stale window: of two requests racing here only one starts the new window.
    await this.counters.updateOne(
      { _id: id, windowStart: { $lte: cutoff } },
      { $set: { windowStart: now, failures: 0 } },
    );
    for (let attempt = 0; ; attempt++) {
      try {
        const d = await this.counters
          .findOneAndUpdate(
            { _id: id },
            {
              $inc: { failures: 1 },
              $set: { lastFailureAt: now },
              $setOnInsert: { windowStart: now, lockedUntil: null },
            },
            { new: true, upsert: true },
          )
          .lean();
        return d!;
      } catch (err) {
        // Two first failures of a key at once: one insert wins, the other updates.
        if ((err as { code?: number }).code !== 11000 || attempt > 2) throw err;
      }
    }
  }

  /**
   * Counts one attempt on a key. For an account the count is held by a claim (see the head comment):
   * a count another attempt already holds means an increment was lost or a count was given back, so the
   * attempt counts again, a bounded number of times (then it is treated as past the limit).
   */
  private async claim(key: ThrottleKey, now: Date): Promise<Claimed> {
    let bumps = 0;
    for (;;) {
      const doc = await this.bump(key.id, now);
      bumps++;
      if (key.scope === 'ADDRESS' || doc.failures > this.policy.accountLockFailures)
        return { key, doc, bumps, claim: null };
      const claim = `${key.id}|${doc.windowStart.getTime()}|${doc.failures}`;
      try {
        await this.claims.create({ _id: claim, at: now });
        return { key, doc, bumps, claim };
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        if (bumps > this.policy.accountLockFailures + 4)
          return { key, doc: { ...doc, failures: this.policy.accountLockFailures + 1 }, bumps, claim: null };
      }
    }
  }

  /**
   * Gives back the count an attempt that was refused or could not be checked holds: its claim and one
   * count. Only one: its further counts made up for increments the store lost or for counts others hold,
   * and taking them off too would leave the counter behind the claims.
   */
  private async release(claimed: Claimed[]): Promise<void> {
    for (const c of claimed) {
      if (c.claim) await this.claims.deleteOne({ _id: c.claim });
      await this.counters.updateOne({ _id: c.key.id, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
    }
  }

  private async failed(origin: AttemptOrigin, claimed: Claimed[], now: Date): Promise<void> {
    for (const { key, doc } of claimed) {
      const limit = key.scope === 'ACCOUNT' ? this.policy.accountLockFailures : this.policy.addressLockFailures;
      if (doc.failures < limit) continue;
      const lockedUntil = new Date(now.getTime() + this.policy.lockoutSeconds * 1000);
      // The lockout replaces the window: once it ends, counting starts again.
      await this.counters.updateOne(
        { _id: key.id },
        { $set: { lockedUntil, failures: 0, windowStart: now, lastFailureAt: null } },
      );
      await this.record(
        key.scope === 'ACCOUNT' ? 'ACCOUNT_LOCKED' : 'ADDRESS_LOCKED',
        origin,
        key.scope,
        this.policy.lockoutSeconds,
        now,
      );
    }
  }

  private async refuse(
    origin: AttemptOrigin,
    scope: ThrottleScope,
    retryAfterSeconds: number,
    now: Date,
  ): Promise<never> {
    await this.record('ATTEMPT_THROTTLED', origin, scope, retryAfterSeconds, now);
    throw tooManyAttempts(retryAfterSeconds, origin.action);
  }

  private async record(
    kind: SecurityEventKind,
    origin: AttemptOrigin,
    scope: ThrottleScope,
    retryAfterSeconds: number,
    now: Date,
  ): Promise<void> {
    const event = {
      kind,
      action: origin.action,
      account: origin.account,
      address: origin.address,
      scope,
      retryAfterSeconds,
      at: now,
    };
    this.logger.warn({ securityEvent: event }, `security event ${kind}`);
    await this.events.record(event);
  }

  /** Removes counters whose window and lockout are over, and events past their retention. */
  async cleanup(now = new Date(), retentionDays?: number): Promise<{ counters: number; events: number }> {
    // A counter still matters while its window is live or its last failure's wait may run.
    const cutoff = new Date(now.getTime() - (this.policy.windowSeconds + this.policy.backoffMaxSeconds) * 1000);
    const counters = await this.counters.deleteMany({
      windowStart: { $lt: cutoff },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
    });
    await this.claims.deleteMany({ at: { $lt: cutoff } });
    const events = retentionDays ? await this.events.purge(new Date(now.getTime() - retentionDays * 86_400_000)) : 0;
    return { counters: counters.deletedCount, events };
  }

  /** Runs the cleanup every `intervalSeconds` (every gateway may: deleting twice is harmless). */
  start(intervalSeconds: number, retentionDays: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.cleanup(new Date(), retentionDays).catch((err: unknown) =>
        this.logger.warn({ err }, 'sign-in counter cleanup failed'),
      );
    }, intervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
