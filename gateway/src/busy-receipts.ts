/**
 * When an application was first received but answered BUSY (a full apply queue), by candidate × vacancy:
 * the resend the portal makes keeps that receipt time, so a full queue never turns an in-time application
 * into a late one. Kept in the gateway's store, so the resend may land on any gateway behind the proxy.
 * The first receipt wins: an insert keyed by `_id` (a second BUSY's insert is a duplicate key, ignored),
 * atomic on MongoDB and FerretDB alike. No TTL index (FerretDB has none): a receipt is removed on the
 * workflow's final answer (taken or refused), and one older than APPLY_BUSY_RECEIPT_MAX_AGE_MS is not
 * honoured — the portal resends within seconds, so an old receipt must not date a later, different attempt.
 */
import { isDuplicateKeyError } from '@seleksi/kit';
import { Schema, type Connection, type Model } from 'mongoose';

export interface BusyReceipts {
  /** The first BUSY-answered receipt of this candidate × vacancy, or null. */
  get(candidateId: string, vacancyId: string): Promise<Date | null>;
  /** Records `receivedAt` unless a receipt is already recorded (the first one is kept). */
  remember(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void>;
  forget(candidateId: string, vacancyId: string): Promise<void>;
}

/** The clock receipts are aged by (a test passes its own). */
export type Clock = () => number;

const keyOf = (candidateId: string, vacancyId: string): string => JSON.stringify([candidateId, vacancyId]);

interface BusyReceiptDoc {
  _id: string;
  receivedAt: Date;
}

const busyReceiptSchema = new Schema<BusyReceiptDoc>(
  { _id: { type: String, required: true }, receivedAt: { type: Date, required: true } },
  { versionKey: false },
);

/** The store every gateway shares (collection `apply_busy_receipts` in the gateway's database). */
export class StoredBusyReceipts implements BusyReceipts {
  private readonly model: Model<BusyReceiptDoc>;

  /** `maxAgeMs`: a receipt older than this is from an abandoned attempt (APPLY_BUSY_RECEIPT_MAX_AGE_MS). */
  constructor(
    conn: Connection,
    private readonly maxAgeMs: number,
    private readonly now: Clock = Date.now,
  ) {
    this.model = conn.model<BusyReceiptDoc>('ApplyBusyReceipt', busyReceiptSchema, 'apply_busy_receipts');
  }

  async get(candidateId: string, vacancyId: string): Promise<Date | null> {
    const d = await this.model.findById(keyOf(candidateId, vacancyId), { receivedAt: 1 }).lean();
    if (!d || this.now() - d.receivedAt.getTime() > this.maxAgeMs) return null;
    return d.receivedAt;
  }

  async remember(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void> {
    try {
      await this.model.collection.insertOne({ _id: keyOf(candidateId, vacancyId), receivedAt } as never);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // An abandoned attempt's receipt is replaced; a live one is kept (the filter matches only a stale one).
      await this.model.updateOne(
        { _id: keyOf(candidateId, vacancyId), receivedAt: { $lt: new Date(this.now() - this.maxAgeMs) } },
        { $set: { receivedAt } },
      );
    }
  }

  async forget(candidateId: string, vacancyId: string): Promise<void> {
    await this.model.deleteOne({ _id: keyOf(candidateId, vacancyId) });
  }
}

/** One process's receipts (unit tests, and a gateway without a store): aged like the stored ones, and capped. */
export class MemoryBusyReceipts implements BusyReceipts {
  private readonly receipts = new Map<string, Date>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxSize = 100_000,
    private readonly now: Clock = Date.now,
  ) {}

  async get(candidateId: string, vacancyId: string): Promise<Date | null> {
    const at = this.receipts.get(keyOf(candidateId, vacancyId));
    return at && !this.stale(at) ? at : null;
  }

  async remember(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void> {
    const key = keyOf(candidateId, vacancyId);
    const at = this.receipts.get(key);
    if (at && !this.stale(at)) return; // the first live receipt is kept
    if (!at && this.receipts.size >= this.maxSize) {
      for (const [k, v] of this.receipts) if (this.stale(v)) this.receipts.delete(k);
      // Still full of live receipts: drop the oldest inserted (its resend is then judged on its own arrival).
      if (this.receipts.size >= this.maxSize) this.receipts.delete(this.receipts.keys().next().value as string);
    }
    this.receipts.delete(key);
    this.receipts.set(key, receivedAt);
  }

  async forget(candidateId: string, vacancyId: string): Promise<void> {
    this.receipts.delete(keyOf(candidateId, vacancyId));
  }

  get size(): number {
    return this.receipts.size;
  }

  private stale(at: Date): boolean {
    return this.now() - at.getTime() > this.maxAgeMs;
  }
}
