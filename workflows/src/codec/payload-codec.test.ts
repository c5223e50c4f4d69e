import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  ensureDevPayloadKeys,
  generatePayloadKey,
  KEY_ID_METADATA,
  parsePayloadKeyRing,
  PayloadDecryptionError,
  PayloadKeyConfigError,
  payloadKeyRingFromEnv,
  UnknownPayloadKeyError,
} from './index';

const A = generatePayloadKey('key-a');
const B = generatePayloadKey('key-b');
const text = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
const personal = { name: 'Siti Rahmawati', nip: '198503212010012001', score: 87.5, reason: 'nilai wawancara' };
const payload = (): Payload => defaultPayloadConverter.toPayload(personal);

describe('AesGcmPayloadCodec', () => {
  const codecA = new AesGcmPayloadCodec(parsePayloadKeyRing(A));

  it('encrypts: no clear text, the key id and the encrypted encoding in the metadata', async () => {
    const [enc] = await codecA.encode([payload()]);
    expect(text(enc!.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(enc!.metadata![KEY_ID_METADATA])).toBe('key-a');
    const raw = Buffer.from(enc!.data!).toString('latin1');
    expect(raw).not.toContain(personal.nip);
    expect(raw).not.toContain('Siti');
    expect(raw).not.toContain('json/plain');
    const [dec] = await codecA.decode([enc!]);
    expect(defaultPayloadConverter.fromPayload(dec!)).toEqual(personal);
  });

  it('uses a fresh IV for every payload (same value, different bytes)', async () => {
    const [x, y] = await codecA.encode([payload(), payload()]);
    expect(Buffer.from(x!.data!).subarray(0, 12).equals(Buffer.from(y!.data!).subarray(0, 12))).toBe(false);
    expect(Buffer.from(x!.data!).equals(Buffer.from(y!.data!))).toBe(false);
  });

  it('passes payloads without the encrypted encoding through (histories from before encryption)', async () => {
    const plain = payload();
    const [dec] = await codecA.decode([plain]);
    expect(dec).toBe(plain);
  });

  it('rotation: new payloads carry the current key, older keys still decrypt', async () => {
    const [old] = await codecA.encode([payload()]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeyRing(`${A},${B}`, 'key-b'));
    const [fresh] = await rotated.encode([payload()]);
    expect(text(fresh!.metadata![KEY_ID_METADATA])).toBe('key-b');
    const decoded = await rotated.decode([old!, fresh!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([personal, personal]);
  });

  it('an unknown key id is a clear error, never clear text', async () => {
    const [fromB] = await new AesGcmPayloadCodec(parsePayloadKeyRing(B)).encode([payload()]);
    await expect(codecA.decode([fromB!])).rejects.toThrow(UnknownPayloadKeyError);
    await expect(codecA.decode([fromB!])).rejects.toThrow(/key id "key-b".*not in the key ring/);
  });

  it('refuses changed bytes, a payload moved under another key id, and other bytes under the same id', async () => {
    const [enc] = await codecA.encode([payload()]);
    const flipped = Buffer.from(enc!.data!);
    flipped[20]! ^= 1;
    await expect(codecA.decode([{ ...enc!, data: flipped }])).rejects.toThrow(PayloadDecryptionError);
    const both = new AesGcmPayloadCodec(parsePayloadKeyRing(`${A},${B}`, 'key-a'));
    const moved = { ...enc!, metadata: { ...enc!.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('key-b') } };
    await expect(both.decode([moved])).rejects.toThrow(PayloadDecryptionError);
    const sameIdOtherBytes = new AesGcmPayloadCodec(parsePayloadKeyRing(generatePayloadKey('key-a')));
    await expect(sameIdOtherBytes.decode([enc!])).rejects.toThrow(PayloadDecryptionError);
  });
});

describe('payload key configuration', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'payload-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a ring; several keys need the current id', () => {
    expect(parsePayloadKeyRing(`${A}, ${B}`, 'key-a').currentKeyId).toBe('key-a');
    expect(parsePayloadKeyRing(A).currentKeyId).toBe('key-a');
    expect(() => parsePayloadKeyRing(`${A},${B}`)).toThrow(/TEMPORAL_PAYLOAD_KEY_ID is required/);
    expect(() => parsePayloadKeyRing(A, 'key-x')).toThrow(/not one of the ids/);
    expect(() => parsePayloadKeyRing('key-a:c2hvcnQ=')).toThrow(/AES-256 needs 32/);
    expect(() => parsePayloadKeyRing(`${A},${A}`, 'key-a')).toThrow(/appears twice/);
    expect(() => parsePayloadKeyRing('')).toThrow(PayloadKeyConfigError);
  });

  it('production refuses to start without keys; development makes one ring per data dir, once', () => {
    expect(() => payloadKeyRingFromEnv({ NODE_ENV: 'production' })).toThrow(/Production needs TEMPORAL_PAYLOAD_KEYS/);
    const first = payloadKeyRingFromEnv({ SELEKSI_DATA_DIR: dir });
    const again = payloadKeyRingFromEnv({ SELEKSI_DATA_DIR: dir });
    expect(again.currentKeyId).toBe(first.currentKeyId);
    expect(again.keys.get(again.currentKeyId)!.equals(first.keys.get(first.currentKeyId)!)).toBe(true);
    expect(ensureDevPayloadKeys(dir).TEMPORAL_PAYLOAD_KEY_ID).toBe(first.currentKeyId);
    expect(readFileSync(path.join(dir, 'temporal-payload-keys.json'), 'utf8')).toContain(first.currentKeyId);
    // Configured keys win over the development ring.
    expect(payloadKeyRingFromEnv({ SELEKSI_DATA_DIR: dir, TEMPORAL_PAYLOAD_KEYS: B }).currentKeyId).toBe('key-b');
  });
});
