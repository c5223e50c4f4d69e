import { Schema } from 'mongoose';

/**
 * Marks a document as being corrected (`_id` = the replaced document's id). The primary key makes the
 * correction exclusive, also on FerretDB: two concurrent corrections of one document cannot both win,
 * so the versions of a document form a line, never a fork.
 */
export interface CorrectionLinkDoc {
  _id: string;
  correctionKey: string;
  createdAt: Date;
}

export const correctionLinkSchema = new Schema<CorrectionLinkDoc>(
  {
    _id: { type: String, required: true },
    correctionKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
