/**
 * Security events (throttled sign-in attempts, lockouts) in the gateway's store, for a national
 * administrator to read through GraphQL. Append-only; removed only by the retention cleanup.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

export const SECURITY_EVENT_KINDS = ['ATTEMPT_THROTTLED', 'ACCOUNT_LOCKED', 'ADDRESS_LOCKED'] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEvent {
  id: string;
  kind: SecurityEventKind;
  /** SIGN_IN, PASSWORD_LINK or PASSWORD_RESET. */
  action: string;
  /** The e-mail tried (whether or not an account has it); null when the entry names none. */
  account: string | null;
  address: string;
  /** Which limit applied: the account's or the address's. */
  scope: 'ACCOUNT' | 'ADDRESS';
  retryAfterSeconds: number;
  at: Date;
}

interface SecurityEventDoc extends Omit<SecurityEvent, 'id'> {
  _id: string;
}

const eventSchema = new Schema<SecurityEventDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: SECURITY_EVENT_KINDS },
    action: { type: String, required: true },
    account: { type: String, default: null },
    address: { type: String, required: true },
    scope: { type: String, required: true, enum: ['ACCOUNT', 'ADDRESS'] },
    retryAfterSeconds: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// Newest first; the id (time-ordered) breaks ties and is the page cursor.
eventSchema.index({ at: -1, _id: -1 });
eventSchema.index({ account: 1, at: -1 });

export interface SecurityEventFilter {
  kind?: SecurityEventKind | null;
  account?: string | null;
  address?: string | null;
}

/** Ids that sort by time (milliseconds, zero-padded) then at random: newest first is `_id` descending. */
function eventId(at: Date): string {
  return `sev-${at.getTime().toString().padStart(14, '0')}-${randomBytes(6).toString('hex')}`;
}

export class SecurityEvents {
  private readonly events: Model<SecurityEventDoc>;

  constructor(conn: Connection) {
    this.events = conn.model<SecurityEventDoc>('SecurityEvent', eventSchema, 'security_events');
  }

  async init(): Promise<void> {
    await this.events.init();
  }

  async record(e: Omit<SecurityEvent, 'id'>): Promise<void> {
    await this.events.create({ _id: eventId(e.at), ...e });
  }

  /** One page, newest first (`after`: the last id of the previous page). */
  async list(
    filter: SecurityEventFilter,
    first: number,
    after: string | null,
  ): Promise<{ items: SecurityEvent[]; hasNext: boolean; totalCount: number }> {
    const q: Record<string, unknown> = {};
    if (filter.kind) q.kind = filter.kind;
    if (filter.account) q.account = filter.account.trim().toLowerCase();
    if (filter.address) q.address = filter.address.trim();
    const page = after ? { ...q, _id: { $lt: after } } : q;
    const [docs, totalCount] = await Promise.all([
      this.events
        .find(page)
        .sort({ _id: -1 })
        .limit(first + 1)
        .lean(),
      this.events.countDocuments(q),
    ]);
    return {
      items: docs.slice(0, first).map(({ _id, ...rest }) => ({ id: _id, ...rest })),
      hasNext: docs.length > first,
      totalCount,
    };
  }

  async purge(before: Date): Promise<number> {
    return (await this.events.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
