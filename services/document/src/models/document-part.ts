import { Schema } from 'mongoose';

/**
 * One part of a stage document's input, staged by the selection workflow before it asks for the document
 * (a claim check): a round of thousands prints more than one Temporal payload may carry (2 MB), so the
 * rows travel in parts of bounded size and the issuing activity reads them back. Kept after issue as
 * the record of what the document was built from. `_id` = `${key}#${index}`; the content is opaque here.
 */
export interface DocumentPartDoc {
  _id: string;
  json: string;
  createdAt: Date;
}

export const documentPartSchema = new Schema<DocumentPartDoc>(
  {
    _id: { type: String, required: true },
    json: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const documentPartId = (key: string, index: number): string => `${key}#${index}`;
