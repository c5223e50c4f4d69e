/**
 * AES-256-GCM payload codec: every payload the project's clients and workers send to Temporal (workflow and
 * activity arguments and results, Update and query arguments, memos, failure details) is encrypted before it
 * leaves the process, so histories on the Temporal server hold no names, NIPs, scores or reasons in clear text.
 * Search attributes do not pass through codecs: they must never carry personal data (search-attributes.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
// CommonJS package whose named exports Node's ESM loader cannot detect: take the default export.
import proto from '@temporalio/proto';
import type { PayloadKeyRing } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PayloadMessage = proto.temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A payload encrypted with a key id the key ring does not hold (a key removed too early, or a foreign cluster). */
export class UnknownPayloadKeyError extends Error {
  constructor(
    readonly keyId: string,
    known: readonly string[],
  ) {
    super(
      `Temporal payload encrypted with key id "${keyId}", which is not in the key ring (TEMPORAL_PAYLOAD_KEYS holds ${known.map((k) => `"${k}"`).join(', ')}); ` +
        'restore that key: histories that reference it cannot be read without it',
    );
    this.name = 'UnknownPayloadKeyError';
  }
}

/** An encrypted payload that does not decrypt: wrong key bytes under a known id, or changed bytes. */
export class PayloadDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

export function isEncryptedPayload(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && encoding !== null && fromUtf8.decode(encoding) === ENCRYPTED_ENCODING;
}

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly ring: PayloadKeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.currentKeyId;
    const key = this.ring.keys.get(keyId)!;
    return payloads.map((payload) => {
      const plain = PayloadMessage.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The key id is authenticated too: moving a payload under another id makes it fail, not decrypt.
      cipher.setAAD(utf8.encode(keyId));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8.encode(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8.encode(keyId),
        },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    // Payloads without the encrypted encoding pass through: histories of rounds started before encryption
    // was turned on must still replay and be read.
    return payloads.map((payload) => (isEncryptedPayload(payload) ? this.decrypt(payload) : payload));
  }

  private decrypt(payload: Payload): Payload {
    const idBytes = payload.metadata?.[KEY_ID_METADATA];
    if (!idBytes) throw new PayloadDecryptionError(`encrypted Temporal payload without "${KEY_ID_METADATA}" metadata`);
    const keyId = fromUtf8.decode(idBytes);
    const key = this.ring.keys.get(keyId);
    if (!key) throw new UnknownPayloadKeyError(keyId, [...this.ring.keys.keys()]);
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError(`encrypted Temporal payload too short (${data.length} bytes)`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(idBytes);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `Temporal payload under key id "${keyId}" does not decrypt: the key's bytes differ from the ones it was encrypted with, or the payload was changed`,
      );
    }
    return PayloadMessage.decode(plain);
  }
}
