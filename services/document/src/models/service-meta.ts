import { Schema } from 'mongoose';

/**
 * Facts about the store itself, one document each (`_id` names the fact). `signingSince`: when this store
 * first ran with document signing, so documents issued before it verify as unsigned legacy ones instead of
 * as forgeries, and documents issued after it must carry a valid signature.
 */
export interface ServiceMetaDoc {
  _id: string;
  at: Date;
}

export const serviceMetaSchema = new Schema<ServiceMetaDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
