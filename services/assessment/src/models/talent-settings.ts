import { Schema } from 'mongoose';

/**
 * An agency's talent settings, kept as the JSON text it was given: the talent rules own their shape
 * (and may use what FerretDB v1 cannot store as a document, e.g. nested arrays or dotted keys).
 */
export interface TalentSettingsDoc {
  _id: string; // the agency code
  json: string;
  updatedAt: Date;
}

export const talentSettingsSchema = new Schema<TalentSettingsDoc>(
  {
    _id: { type: String, required: true },
    json: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
