/**
 * When an application was first received but answered BUSY (a full apply queue), by candidate × vacancy:
 * the resend the portal makes keeps that receipt time, so a full queue never turns an in-time application
 * into a late one. Kept in the gateway's store, so the resend may land on any gateway behind the proxy.
 * The first receipt wins: an insert keyed by `_id` (a second BUSY's insert is a duplicate key, ignored),
 * atomic on MongoDB and FerretDB alike. No TTL index (FerretDB has none): a receipt is removed when its
 * application is taken, and one older than MAX_AGE is not honoured.
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

/** A portal resends within seconds; a receipt this old is from an abandoned attempt. */
export const BUSY_RECEIPT_MAX_AGE_MS = 24 * 3600_000;

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

  constructor(conn: Connection) {
    this.model = conn.model<BusyReceiptDoc>('ApplyBusyReceipt', busyReceiptSchema, 'apply_busy_receipts');
  }

  async get(candidateId: string, vacancyId: string): Promise<Date | null> {
    const d = await this.model.findById(keyOf(candidateId, vacancyId), { receivedAt: 1 }).lean();
    if (!d || Date.now() - d.receivedAt.getTime() > BUSY_RECEIPT_MAX_AGE_MS) return null;
    return d.receivedAt;
  }

  async remember(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void> {
    try {
      await this.model.collection.insertOne({ _id: keyOf(candidateId, vacancyId), receivedAt } as never);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // An abandoned attempt's receipt is replaced; a live one is kept (the filter matches only a stale one).
      await this.model.updateOne(
        { _id: keyOf(candidateId, vacancyId), receivedAt: { $lt: new Date(Date.now() - BUSY_RECEIPT_MAX_AGE_MS) } },
        { $set: { receivedAt } },
      );
    }
  }

  async forget(candidateId: string, vacancyId: string): Promise<void> {
    await this.model.deleteOne({ _id: keyOf(candidateId, vacancyId) });
  }
}

/** One process's receipts (unit tests, and a gateway without a store). */
export class MemoryBusyReceipts implements BusyReceipts {
  private readonly receipts = new Map<string, Date>();

  async get(candidateId: string, vacancyId: string): Promise<Date | null> {
    return this.receipts.get(keyOf(candidateId, vacancyId)) ?? null;
  }

  async remember(candidateId: string, vacancyId: string, receivedAt: Date): Promise<void> {
    const key = keyOf(candidateId, vacancyId);
    if (!this.receipts.has(key)) this.receipts.set(key, receivedAt);
  }

  async forget(candidateId: string, vacancyId: string): Promise<void> {
    this.receipts.delete(keyOf(candidateId, vacancyId));
  }
}
