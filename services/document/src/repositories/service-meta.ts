import type { DocumentModels } from '../models';

/** The store's start of document signing: written once (the first start that signs), read ever after. */
export function createServiceMetaRepository({ ServiceMeta }: DocumentModels) {
  return {
    async signingSince(now: Date): Promise<Date> {
      const doc = await ServiceMeta.findOneAndUpdate(
        { _id: 'signingSince' },
        { $setOnInsert: { at: now } },
        { upsert: true, new: true, lean: true },
      );
      return doc?.at ?? now;
    },
  };
}
