import { Schema, type MongooseQueryMiddleware } from 'mongoose';
import { DOCUMENT_KINDS, type DocumentDto } from '@seleksi/domain';

/**
 * Metadata of an issued document; the bytes live in `documentFiles` so lists never load them. Written
 * once and never changed: `supersededById` of the DTO is derived from the correction that names it.
 */
export interface DocumentDoc extends Omit<DocumentDto, 'id' | 'issuedAt' | 'supersededById'> {
  _id: string;
  issuedAt: Date;
  idempotencyKey: string;
  documentClass: string;
  year: number;
  seq: number;
  /** Who asked for a correction (null for an original). */
  correctedBy: { userId: string; displayName: string } | null;
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
    date: { type: String, required: true },
    issuedBy: {
      agencyName: { type: String, required: true },
      signatoryName: { type: String, required: true },
      signatoryTitle: { type: String, required: true },
    },
    version: { type: Number, required: true },
    supersedesId: { type: String, default: null, index: true },
    correctionReason: { type: String, default: null },
    correctedBy: { type: Schema.Types.Mixed, default: null },
    auditChainHead: { type: Schema.Types.Mixed, default: null },
    auditChainId: { type: String, default: null },
    idempotencyKey: { type: String, required: true, unique: true },
    documentClass: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false },
);
documentSchema.index({ agencyCode: 1, year: 1, documentClass: 1, seq: 1 }, { unique: true });

const WRITES_AFTER_ISSUE: MongooseQueryMiddleware[] = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
];

/** Issued documents and their bytes are immutable: any update or delete through the model fails loudly. */
export function forbidChanges(schema: Schema): void {
  schema.pre(WRITES_AFTER_ISSUE, () => {
    throw new Error('Issued documents are immutable; issue a correction instead');
  });
}
forbidChanges(documentSchema);
