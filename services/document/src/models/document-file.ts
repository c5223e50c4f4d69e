import { Schema } from 'mongoose';
import { forbidChanges } from './document';

/** The bytes of a document (`_id` = document id). A Buffer field, not GridFS (unsupported on FerretDB v1). */
export interface DocumentFileDoc {
  _id: string;
  bytes: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
  createdAt: Date;
  /**
   * The request it was rendered from, as JSON: a correction starts from it (null for documents issued
   * before it was kept). A string because FerretDB v1 stores no nested arrays (table rows are ones).
   */
  sourceJson: string | null;
}

export const documentFileSchema = new Schema<DocumentFileDoc>(
  {
    _id: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    contentType: { type: String, required: true },
    fileName: { type: String, required: true },
    sha256: { type: String, required: true },
    createdAt: { type: Date, required: true },
    sourceJson: { type: String, default: null },
  },
  { versionKey: false },
);
forbidChanges(documentFileSchema);
