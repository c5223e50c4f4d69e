import { documentPartId, type DocumentModels, type DocumentPartDoc } from '../models';

/** Staged parts of stage-document inputs (see models/document-part.ts); `_id` lookups only. */
export function createDocumentPartRepository({ DocumentPart }: DocumentModels) {
  return {
    /** Idempotent: a retried stage of the same part replaces it with the same content. */
    async put(key: string, index: number, json: string): Promise<void> {
      await DocumentPart.replaceOne(
        { _id: documentPartId(key, index) },
        { json, createdAt: new Date() },
        { upsert: true },
      );
    },

    async get(key: string, index: number): Promise<string | null> {
      const doc = await DocumentPart.findById(documentPartId(key, index), { json: 1 }).lean<
        Pick<DocumentPartDoc, 'json'>
      >();
      return doc?.json ?? null;
    },
  };
}
