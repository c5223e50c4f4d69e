import { isDuplicateKeyError } from '@seleksi/kit';
import type { DocumentModels } from '../models';

/** The store's start of document signing: written once (the first start that signs), read ever after. */
export function createServiceMetaRepository({ ServiceMeta }: DocumentModels) {
  return {
    async signingSince(now: Date): Promise<Date> {
      const upsert = () =>
        ServiceMeta.findOneAndUpdate(
          { _id: 'signingSince' },
          { $setOnInsert: { at: now } },
          { upsert: true, new: true, lean: true },
        );
      try {
        return (await upsert())?.at ?? now;
      } catch (err) {
        // Two instances starting at once on a new store: one upsert inserts, the other's fails; it then reads.
        if (!isDuplicateKeyError(err)) throw err;
        return (await upsert())?.at ?? now;
      }
    },
  };
}
