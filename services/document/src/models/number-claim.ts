import { Schema } from 'mongoose';

/**
 * A reserved document number. `_id` encodes (agency, year, class, seq), so two requests can never
 * claim the same number: the primary key rejects the second insert atomically, on FerretDB too
 * (where read-modify-write counters lose updates). The claim also fixes the document's id, code and
 * issue time, so a retry after a failed render re-issues the very same document.
 */
export interface NumberClaimDoc {
  _id: string;
  agencyCode: string;
  year: number;
  documentClass: string;
  seq: number;
  number: string;
  idempotencyKey: string;
  documentId: string;
  verificationCode: string;
  issuedAt: Date;
}

export const numberClaimSchema = new Schema<NumberClaimDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    year: { type: Number, required: true },
    documentClass: { type: String, required: true },
    seq: { type: Number, required: true },
    number: { type: String, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    documentId: { type: String, required: true },
    verificationCode: { type: String, required: true, unique: true },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
numberClaimSchema.index({ agencyCode: 1, year: 1, documentClass: 1, seq: -1 });

export function numberClaimId(scope: { agencyCode: string; year: number; documentClass: string }, seq: number): string {
  return JSON.stringify([scope.agencyCode, scope.year, scope.documentClass, seq]);
}
