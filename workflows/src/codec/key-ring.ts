/**
 * The payload key ring: every key that may still be needed to read a history, by id, and the one new payloads
 * are encrypted with. Rotation adds a key and makes it current; old keys stay for as long as any history
 * (retention included) references them.
 *
 *   TEMPORAL_PAYLOAD_KEYS    `id:base64,id:base64,…` (each key 32 random bytes, base64)
 *   TEMPORAL_PAYLOAD_KEY_ID  the id new payloads are encrypted with (may be omitted when the ring holds one key)
 *
 * Without TEMPORAL_PAYLOAD_KEYS, outside production, the development ring in `<SELEKSI_DATA_DIR>/temporal-payload-keys.json`
 * is used, created on first use (never committed: `.data/` is ignored).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export interface PayloadKeyRing {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Thrown at start-up when the key configuration cannot be used. */
export class PayloadKeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadKeyConfigError';
  }
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES = 32;

export const PAYLOAD_KEYS_ENV = 'TEMPORAL_PAYLOAD_KEYS';
export const PAYLOAD_KEY_ID_ENV = 'TEMPORAL_PAYLOAD_KEY_ID';
export const DEV_PAYLOAD_KEYS_FILE = 'temporal-payload-keys.json';

/**
 * The two settings in a process's config schema (gateway, worker): declared there so deployments are checked
 * against them; `seleksiDataConverter()` reads them from the environment.
 */
export const payloadKeysEnv = {
  /** `id:base64,…`: every key histories may still reference (production: required). */
  TEMPORAL_PAYLOAD_KEYS: z.string().optional(),
  /** The id new payloads are encrypted with. */
  TEMPORAL_PAYLOAD_KEY_ID: z.string().optional(),
};

/** Parses `id:base64,…` and the current id into a ring; every problem is a PayloadKeyConfigError. */
export function parsePayloadKeyRing(keys: string, currentKeyId?: string): PayloadKeyRing {
  const ring = new Map<string, Buffer>();
  for (const entry of keys
    .split(/[,\s]+/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(id))
      throw new PayloadKeyConfigError(
        `${PAYLOAD_KEYS_ENV}: each entry is id:base64 with an id of letters, digits, ".", "_" or "-" (1–64)`,
      );
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (key.length !== KEY_BYTES)
      throw new PayloadKeyConfigError(
        `${PAYLOAD_KEYS_ENV}: key "${id}" is ${key.length} bytes, AES-256 needs ${KEY_BYTES} (openssl rand -base64 32)`,
      );
    if (ring.has(id)) throw new PayloadKeyConfigError(`${PAYLOAD_KEYS_ENV}: key id "${id}" appears twice`);
    ring.set(id, key);
  }
  if (ring.size === 0) throw new PayloadKeyConfigError(`${PAYLOAD_KEYS_ENV} holds no key`);
  const current = currentKeyId ?? (ring.size === 1 ? [...ring.keys()][0]! : undefined);
  if (current === undefined)
    throw new PayloadKeyConfigError(`${PAYLOAD_KEY_ID_ENV} is required when ${PAYLOAD_KEYS_ENV} holds several keys`);
  if (!ring.has(current))
    throw new PayloadKeyConfigError(`${PAYLOAD_KEY_ID_ENV}="${current}" is not one of the ids in ${PAYLOAD_KEYS_ENV}`);
  return { currentKeyId: current, keys: ring };
}

/** A new random key entry (`id:base64`). */
export function generatePayloadKey(id: string): string {
  if (!KEY_ID.test(id)) throw new PayloadKeyConfigError(`invalid key id "${id}"`);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

/** The repository's `.data` (where `npm start` and the tests keep local state) unless SELEKSI_DATA_DIR says otherwise. */
function dataDirOf(env: NodeJS.ProcessEnv): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  return path.resolve(repoRoot, env.SELEKSI_DATA_DIR || '.data');
}

/**
 * The development key settings in `<dataDir>/temporal-payload-keys.json`, created once (atomically: processes
 * starting together all end up with the same ring). Deleting the file makes the histories in the same data dir
 * unreadable, as losing a production key would.
 */
export function ensureDevPayloadKeys(dataDir: string): PayloadKeyEnv {
  const file = path.join(dataDir, DEV_PAYLOAD_KEYS_FILE);
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  try {
    const saved = read();
    return { [PAYLOAD_KEYS_ENV]: saved[PAYLOAD_KEYS_ENV]!, [PAYLOAD_KEY_ID_ENV]: saved[PAYLOAD_KEY_ID_ENV]! };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const id = `dev-${new Date().toISOString().slice(0, 10)}`;
  const settings = { [PAYLOAD_KEYS_ENV]: generatePayloadKey(id), [PAYLOAD_KEY_ID_ENV]: id };
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
  try {
    linkSync(tmp, file); // fails if another process created it first: then theirs wins
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  const saved = read();
  return { [PAYLOAD_KEYS_ENV]: saved[PAYLOAD_KEYS_ENV]!, [PAYLOAD_KEY_ID_ENV]: saved[PAYLOAD_KEY_ID_ENV]! };
}

export type PayloadKeyEnv = Record<typeof PAYLOAD_KEYS_ENV | typeof PAYLOAD_KEY_ID_ENV, string>;

/**
 * The key settings the environment configures, or outside production (NODE_ENV=production must set
 * TEMPORAL_PAYLOAD_KEYS) the development ring of the data dir. `npm start` and the test set-up pass the result to
 * every process they start, so all of them share one ring.
 */
export function payloadKeyEnv(env: NodeJS.ProcessEnv = process.env): PayloadKeyEnv {
  const keys = env[PAYLOAD_KEYS_ENV]?.trim();
  if (keys) return { [PAYLOAD_KEYS_ENV]: keys, [PAYLOAD_KEY_ID_ENV]: env[PAYLOAD_KEY_ID_ENV]?.trim() ?? '' };
  if (env.NODE_ENV === 'production')
    throw new PayloadKeyConfigError(
      `Production needs ${PAYLOAD_KEYS_ENV} (and ${PAYLOAD_KEY_ID_ENV}): Temporal payloads are encrypted with them`,
    );
  return ensureDevPayloadKeys(dataDirOf(env));
}

/** The key ring of `payloadKeyEnv(env)`. */
export function payloadKeyRingFromEnv(env: NodeJS.ProcessEnv = process.env): PayloadKeyRing {
  const settings = payloadKeyEnv(env);
  return parsePayloadKeyRing(settings[PAYLOAD_KEYS_ENV], settings[PAYLOAD_KEY_ID_ENV] || undefined);
}
