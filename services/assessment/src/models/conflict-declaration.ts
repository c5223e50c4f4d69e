import { Schema } from 'mongoose';
import type { ConflictDeclarationDto } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * A Pansel member's conflict-of-interest declaration about one candidate. One per (selection,
 * member, candidate): a revised declaration replaces it under the same id.
 */
export interface ConflictDeclarationDoc extends Omit<ConflictDeclarationDto, 'id' | 'declaredAt'> {
  _id: string;
  declaredAt: Date;
  updatedAt: Date;
}

export const conflictDeclarationSchema = new Schema<ConflictDeclarationDoc>(
  {
    _id: { type: String, required: true },
    // All three required: the unique index then behaves the same on MongoDB and FerretDB.
    selectionId: { type: String, required: true },
    memberId: { type: String, required: true, index: true },
    candidateId: { type: String, required: true, index: true },
    hasConflict: { type: Boolean, required: true },
    reason: { type: String, default: null },
    declaredBy: { type: actorSchema, required: true },
    declaredAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
conflictDeclarationSchema.index({ selectionId: 1, memberId: 1, candidateId: 1 }, { unique: true });
