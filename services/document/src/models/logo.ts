import { Schema } from 'mongoose';
import { forbidChanges } from './document';

/** An agency logo, content-addressed (`_id` = SHA-256): an issued document's logo can never change. */
export interface LogoDoc {
  _id: string;
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
  createdAt: Date;
}

export const logoSchema = new Schema<LogoDoc>(
  {
    _id: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    contentType: { type: String, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
forbidChanges(logoSchema);
