import { Schema } from 'mongoose';
import type { Actor, SelectionRules } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * One version of the default selection rules of a scope ('NATIONAL' or an agency code). Append-only:
 * `_id = compoundId(scope, revision)`, so two administrators saving at once cannot both write the same
 * revision (inserts on the primary key are atomic on FerretDB too). The current defaults are the highest revision.
 */
export interface RuleSetVersionDoc {
  _id: string;
  scope: string;
  revision: number;
  rules: SelectionRules;
  changedBy: Actor;
  changedAt: Date;
  reason: string;
}

export const ruleSetVersionSchema = new Schema<RuleSetVersionDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    revision: { type: Number, required: true },
    rules: { type: Schema.Types.Mixed, required: true },
    changedBy: { type: actorSchema, required: true },
    changedAt: { type: Date, required: true },
    reason: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
ruleSetVersionSchema.index({ scope: 1, revision: -1 });
