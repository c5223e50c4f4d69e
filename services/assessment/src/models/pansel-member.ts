import { Schema } from 'mongoose';
import type { PanselMemberDto } from '@seleksi/kit';

/** A Pansel member. Personal data: name. */
export interface PanselMemberDoc extends Omit<PanselMemberDto, 'id'> {
  _id: string;
  updatedAt: Date;
}

export const panselMemberSchema = new Schema<PanselMemberDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, default: null },
    name: { type: String, required: true },
    institution: { type: String, required: true },
    internal: { type: Boolean, required: true },
    partyMember: { type: Boolean, required: true },
    bknOfficial: { type: Boolean },
    selectionIds: { type: [String], default: [], index: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
