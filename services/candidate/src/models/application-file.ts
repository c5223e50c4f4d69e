import { Schema } from 'mongoose';
import { APPLICATION_DOCUMENT_KINDS, type ApplicationFileDto } from '@seleksi/domain';

/**
 * A PDF uploaded with an application. `_id` is derived from (candidate, vacancy, kind, sha256), so
 * storing the same file again is a no-op. A Buffer field, not GridFS (unsupported on FerretDB v1).
 */
export interface ApplicationFileDoc extends Omit<ApplicationFileDto, 'id' | 'uploadedAt' | 'linkedAt'> {
  _id: string;
  bytes: Buffer;
  uploadedAt: Date;
  linkedAt: Date | null;
}

export const applicationFileSchema = new Schema<ApplicationFileDoc>(
  {
    _id: { type: String, required: true },
    candidateId: { type: String, required: true },
    selectionId: { type: String, required: true },
    vacancyId: { type: String, required: true },
    applicationId: { type: String, required: true, index: true },
    kind: { type: String, enum: APPLICATION_DOCUMENT_KINDS, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    uploadedAt: { type: Date, required: true },
    linkedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
