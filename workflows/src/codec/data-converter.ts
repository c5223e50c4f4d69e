/**
 * The one place the project's Temporal DataConverter is built: every client (gateway, scripts, tests,
 * benchmarks) and every worker passes `seleksiDataConverter()`. Codecs run in the worker's main thread, outside
 * the workflow sandbox, so bundled workflow code needs nothing of this.
 */
import type { DataConverter } from '@temporalio/common';
import { payloadKeyRingFromEnv, type PayloadKeyRing } from './key-ring';
import { AesGcmPayloadCodec } from './payload-codec';

let fromEnv: DataConverter | undefined;

/** With a ring: that ring (tests of rotation). Without: the environment's ring, read once per process. */
export function seleksiDataConverter(ring?: PayloadKeyRing): DataConverter {
  if (ring) return { payloadCodecs: [new AesGcmPayloadCodec(ring)] };
  fromEnv ??= { payloadCodecs: [new AesGcmPayloadCodec(payloadKeyRingFromEnv())] };
  return fromEnv;
}
