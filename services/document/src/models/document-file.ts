import { Schema } from 'mongoose';

/** The bytes of a document (`_id` = document id). A Buffer field, not GridFS (unsupported on FerretDB v1). */
export interface DocumentFileDoc {
  _id: string;
  bytes: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
  createdAt: Date;
}

export const documentFileSchema = new Schema<DocumentFileDoc>(
  {
    _id: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    contentType: { type: String, required: true },
    fileName: { type: String, required: true },
    sha256: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
