import { Schema } from 'mongoose';
import { JPT_LEVELS, type SuccessionGroupDto } from '@seleksi/domain';

/** The succession-plan group (KRS) of a target post for a year (`SuccessionGroupDto`), replaced as a whole by id. */
export interface SuccessionGroupDoc extends Omit<SuccessionGroupDto, 'id' | 'publishedAt'> {
  _id: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

const memberSchema = new Schema(
  {
    employeeId: { type: String, required: true },
    order: { type: Number, required: true },
    box: { type: Number, required: true },
    score: { type: Number, required: true },
  },
  { _id: false },
);

export const successionGroupSchema = new Schema<SuccessionGroupDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    year: { type: Number, required: true },
    postId: { type: String, required: true },
    postTitle: { type: String, required: true },
    level: { type: String, enum: JPT_LEVELS, required: true },
    members: { type: [memberSchema], default: [] },
    derivedFrom: { type: String, required: true },
    publishedAt: { type: Date, default: null },
    documentId: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// An agency's groups, newest year first, then by post.
successionGroupSchema.index({ agencyCode: 1, year: -1, postId: 1 });
