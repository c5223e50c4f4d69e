import mongoose, { type Connection, type Model } from 'mongoose';
import type { Logger } from './logger';
import { traceStoreCommands, tracingEnabled } from './telemetry';

export interface DatabaseOptions {
  uri: string;
  dbName: string;
  logger?: Logger;
  /**
   * How long one operation waits for a reachable server before it fails (then answered UNAVAILABLE).
   * Short, so that a store that is down is reported at once instead of after the driver's 30 s.
   */
  serverSelectionTimeoutMS?: number;
  /** How long the first connection is retried at start-up (the store may still be starting). */
  connectTimeoutMs?: number;
}

/**
 * Opens a dedicated connection (never mongoose's global default one), so several services can
 * share a process in tests. Indexes are built explicitly by `initModels`, not in the background.
 * Commands are not buffered while the connection is down: they go to the driver, which fails them
 * after `serverSelectionTimeoutMS` (mongoose would otherwise hold them for 10 s).
 */
export async function connectDatabase({
  uri,
  dbName,
  logger,
  serverSelectionTimeoutMS = 1500,
  connectTimeoutMs = 5000,
}: DatabaseOptions): Promise<Connection> {
  // Read by mongoose at query time, so setting it here covers every schema.
  mongoose.set('strictQuery', true);
  const deadline = Date.now() + connectTimeoutMs;
  for (;;) {
    const conn = mongoose.createConnection(uri, {
      dbName,
      serverSelectionTimeoutMS,
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
      // The driver reports each command only when asked; they become spans when tracing is on.
      monitorCommands: tracingEnabled(),
    });
    if (tracingEnabled()) traceStoreCommands(conn, dbName);
    conn.on('disconnected', () => logger?.warn({ dbName }, 'mongo disconnected'));
    conn.on('reconnected', () => logger?.info({ dbName }, 'mongo reconnected'));
    conn.on('error', (err: unknown) => logger?.error({ err, dbName }, 'mongo connection error'));
    try {
      await conn.asPromise();
      logger?.info({ dbName }, 'mongo connected');
      return conn;
    } catch (err) {
      await conn.close().catch(() => undefined);
      if (Date.now() >= deadline || !isDatabaseUnavailableError(err)) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * True when the store could not be reached (no server selectable, network failure, closed client):
 * the request may succeed later, and is answered UNAVAILABLE rather than as an internal error.
 */
export function isDatabaseUnavailableError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { name, message, code } = err as { name?: unknown; message?: unknown; code?: unknown };
  // The driver writing on a connection the store has just closed (not always wrapped as a MongoNetworkError).
  if (code === 'EPIPE' || code === 'ECONNRESET' || code === 'ECONNREFUSED') return true;
  if (
    typeof name === 'string' &&
    /^Mongo(?:ose)?(?:ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared)Error$/.test(name)
  ) {
    return true;
  }
  return (
    name === 'MongooseError' &&
    typeof message === 'string' &&
    /buffering timed out|before initial connection is complete|Connection was force closed/.test(message)
  );
}

/**
 * Creates collections and syncs indexes before serving, so an index option the store rejects
 * (TTL, partial, text on FerretDB) fails at start instead of at the first write.
 */
export async function initModels(
  models: readonly Pick<Model<unknown>, 'createCollection' | 'syncIndexes'>[],
): Promise<void> {
  for (const model of models) {
    await model.createCollection().catch((err: unknown) => {
      // 48 NamespaceExists: another process (or a previous run) created it first.
      if ((err as { code?: number }).code !== 48) throw err;
    });
    await model.syncIndexes();
  }
}

/** Pings the database; resolves false on failure or after `timeoutMs`. */
export async function pingDatabase(conn: Connection, timeoutMs = 2000): Promise<boolean> {
  if (conn.readyState !== 1 || !conn.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      conn.db
        .command({ ping: 1 })
        .then((r) => r.ok === 1)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function errorsOf(err: unknown): Record<string, unknown>[] {
  if (!err || typeof err !== 'object') return [];
  const e = err as Record<string, unknown>;
  const nested = Array.isArray(e.writeErrors) ? (e.writeErrors as Record<string, unknown>[]) : [];
  return [e, ...nested, ...(e.cause && typeof e.cause === 'object' ? [e.cause as Record<string, unknown>] : [])];
}

/**
 * True for a unique-index violation in either shape: code 11000 (MongoDB; FerretDB on insert and
 * upsert) or FerretDB v1's InternalError wrapping SQLite's "UNIQUE constraint failed" or PostgreSQL's
 * "duplicate key value violates unique constraint" on update.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  return errorsOf(err).some((e) => {
    if (e.code === 11000 || e.code === 11001 || e.codeName === 'DuplicateKey') return true;
    const message = typeof e.errmsg === 'string' ? e.errmsg : typeof e.message === 'string' ? e.message : '';
    return /E11000 duplicate key|UNIQUE constraint failed|duplicate key value violates unique constraint/.test(message);
  });
}

/**
 * Unordered insert that treats unique-key collisions as "already there" (idempotent fan-out);
 * returns how many documents were new. Any other write error is rethrown.
 */
export async function insertManyIgnoringDuplicates(
  model: Pick<Model<unknown>, 'collection'>,
  docs: object[],
): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
    return docs.length;
  } catch (err) {
    const e = err as { writeErrors?: unknown[]; insertedCount?: number; result?: { insertedCount?: number } };
    const writeErrors = Array.isArray(e.writeErrors) ? e.writeErrors : [];
    if (writeErrors.length === 0 || !writeErrors.every((w) => isDuplicateKeyError(w))) throw err;
    return e.insertedCount ?? e.result?.insertedCount ?? docs.length - writeErrors.length;
  }
}

/**
 * Idempotent "PUT": replaces the document with this `_id` or inserts it. Two first writers race to
 * insert; the loser's duplicate-key error is retried once as a plain replace.
 */
export async function replaceById<T extends { _id: string }>(model: Model<T>, id: string, doc: object): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await model.replaceOne({ _id: id }, { ...doc, _id: id }, { upsert: true });
      return;
    } catch (err) {
      if (attempt === 0 && isDuplicateKeyError(err) && (await model.exists({ _id: id }))) continue;
      throw err;
    }
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Replaces in flight per bulk request. Each is its own one-statement `update`, which holds at most two
 * of FerretDB's pooled backend connections (50 on PostgreSQL, 100 on SQLite) shared by every client.
 */
const REPLACE_CONCURRENCY = 4;

export interface BulkReplaceOptions<T> {
  /**
   * True when the stored document already holds what `next` would write (ignoring stamps such as
   * `updatedAt`): such documents are left alone, so a retried batch costs reads, not writes.
   */
  same?: (stored: T, next: object & { _id: string }) => boolean;
}

/**
 * Idempotent bulk "PUT": replaces or inserts every document by `_id` (cast and validated by the
 * model). All go in one unordered `insertMany`; those refused as duplicates (already there, or
 * inserted meanwhile by another writer) are then replaced by `_id`, a few at a time, skipping those
 * `options.same` finds unchanged. Not atomic across documents: a failure part-way leaves some
 * written, and a retry completes them.
 *
 * Shaped by FerretDB v1.24 (same handler code for SQLite and PostgreSQL): an `update` command (so a
 * `bulkWrite`) keeps every matched statement's cursor, and its pooled connection, open until the
 * command ends: past the pool's size (50 on PostgreSQL, 100 on SQLite, shared by all clients) it
 * deadlocks, and four concurrent bulkWrites of 25 replaces left FerretDB on PostgreSQL unable to
 * serve until restarted. Each statement is its own transaction anyway, so batching them saves
 * nothing (measured: about 30 ms per changed document on SQLite either way, 2 ms per unchanged one). Inserting is one transaction per
 * command; `_id: { $in }` scans the collection, so existing documents are read one `_id` at a time.
 */
export async function bulkReplaceById<T extends { _id: string }>(
  model: Model<T>,
  docs: readonly (object & { _id: string })[],
  options: BulkReplaceOptions<T> = {},
): Promise<number> {
  if (docs.length === 0) return 0;
  let refused: (object & { _id: string })[] = [];
  try {
    await model.insertMany(docs, { ordered: false, throwOnValidationError: true });
  } catch (err) {
    const e = err as { writeErrors?: { index?: unknown; err?: { index?: unknown } }[] };
    if (!isDuplicateKeyError(err) || !Array.isArray(e.writeErrors)) throw err;
    const indexes = e.writeErrors.map((w) => w.index ?? w.err?.index);
    // Without the positions (another driver's error shape), replacing everything is still correct.
    refused = indexes.every((i) => typeof i === 'number') ? (indexes as number[]).map((i) => docs[i]!) : [...docs];
  }
  await forEachLimited(refused, REPLACE_CONCURRENCY, async (doc) => {
    if (options.same) {
      const stored = await model.findById(doc._id).lean<T>();
      if (stored && options.same(stored, doc)) return;
    }
    await replaceById(model, doc._id, doc);
  });
  return docs.length;
}

/**
 * `run(value)` for every distinct value, at most `concurrency` at a time, results concatenated in the order of
 * `values`. The replacement for `{ field: { $in: values } }` on hot paths: FerretDB v1 pushes an equality on an
 * indexed field down to an index, but reads the whole collection for `$in`.
 */
export async function eachDistinct<V, T>(
  values: readonly V[],
  run: (value: V) => Promise<T[]>,
  concurrency = 16,
): Promise<T[]> {
  return (await mapInLanes([...new Set(values)], concurrency, run)).flat();
}

/** `run` over `items` with at most `lanes` calls in flight; answers in the order of `items`. */
export async function mapInLanes<V, T>(items: readonly V[], lanes: number, run: (item: V) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}

/** Lean documents whose `field` equals one of `values`: one indexed equality query per distinct value. */
export function findEachEqual<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model; the caller names the lean type
  model: Model<any>,
  field: string,
  values: readonly unknown[],
  extra: Record<string, unknown> = {},
  projection?: Record<string, 0 | 1>,
): Promise<T[]> {
  return eachDistinct(values, (v) =>
    model
      .find({ ...extra, [field]: v }, projection)
      .lean<T[]>()
      .exec(),
  );
}

/**
 * Like `findEachEqual`, for values that each belong to a slot (`slotOf`, stored in `slotField` and indexed):
 * a slot holding `minPerSlot` or more of the values is read with one equality on the slot (filtered here to
 * the values), the others one value at a time. Pages of employees come slot by slot, so the lookups of a
 * page of 1,000 cost a few slot reads instead of 1,000 queries.
 */
export async function findEachEqualBySlot<T extends Record<string, unknown>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model; the caller names the lean type
  model: Model<any>,
  field: string,
  values: readonly string[],
  slot: { field: string; of: (value: string) => number; minPerSlot?: number },
  extra: Record<string, unknown> = {},
): Promise<T[]> {
  const bySlot = new Map<number, Set<string>>();
  for (const v of values) {
    const s = slot.of(v);
    const set = bySlot.get(s) ?? new Set<string>();
    set.add(v);
    bySlot.set(s, set);
  }
  const dense = [...bySlot.entries()].filter(([, set]) => set.size >= (slot.minPerSlot ?? 4));
  const sparse = [...bySlot.values()].filter((set) => set.size < (slot.minPerSlot ?? 4)).flatMap((set) => [...set]);
  const [fromSlots, fromValues] = await Promise.all([
    eachDistinct(
      dense,
      async ([s, set]) =>
        (
          await model
            .find({ ...extra, [slot.field]: s })
            .lean<T[]>()
            .exec()
        ).filter((d) => set.has(d[field] as string)),
      4,
    ),
    findEachEqual<T>(model, field, sparse, extra),
  ]);
  return [...fromSlots, ...fromValues];
}

/** A Buffer path of a lean read: BSON `Binary` (or a Buffer), as a Buffer over the same bytes. */
export function asBuffer(value: unknown, what = 'file'): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value && typeof (value as { value?: unknown }).value === 'function') {
    const bytes = (value as { value(): Uint8Array }).value();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new Error(`stored ${what} bytes have an unexpected type`);
}
