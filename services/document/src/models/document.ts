import { Schema } from 'mongoose';
import { DOCUMENT_KINDS, type DocumentDto } from '@seleksi/domain';

/** Metadata of an issued document; the bytes live in `documentFiles` so lists never load them. */
export interface DocumentDoc extends Omit<DocumentDto, 'id' | 'issuedAt'> {
  _id: string;
  issuedAt: Date;
  idempotencyKey: string;
  documentClass: string;
  year: number;
  seq: number;
}

export const documentSchema = new Schema<DocumentDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    agencyCode: { type: String, required: true },
    selectionId: { type: String, default: null, index: true },
    number: { type: String, required: true },
    title: { type: String, required: true },
    visibility: { type: String, enum: ['PUBLIC', 'RESTRICTED'], required: true },
    sha256: { type: String, required: true, index: true },
    verificationCode: { type: String, required: true, unique: true },
    sizeBytes: { type: Number, required: true },
    issuedAt: { type: Date, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    documentClass: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false },
);
documentSchema.index({ agencyCode: 1, year: 1, documentClass: 1, seq: 1 }, { unique: true });
