import { Schema } from 'mongoose';
import type { Actor, MeritEvidenceDto } from '@seleksi/domain';
import { actorSchema } from '@seleksi/kit';

/**
 * An agency's merit-system self-assessment, its current state. The body (pinned aspect configuration,
 * scores, notes) is kept as JSON text like the talent settings; the fields queried are columns.
 * `lastDecision` is the decision that made this version (JSON, or null after an edit): it is appended to
 * the decision log after the write and again on any later read that finds it missing.
 */
export interface MeritAssessmentDoc {
  _id: string; // MA-<agency>-<seq>
  agencyCode: string;
  seq: number;
  status: string;
  version: number;
  json: string;
  lastDecision: string | null;
  updatedAt: Date;
}

export const meritAssessmentSchema = new Schema<MeritAssessmentDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    json: { type: String, required: true },
    lastDecision: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
meritAssessmentSchema.index({ agencyCode: 1, seq: -1 });
meritAssessmentSchema.index({ status: 1, updatedAt: 1 });

/** A PDF attached to an aspect as evidence. A Buffer field, not GridFS (unsupported on FerretDB v1). */
export interface MeritEvidenceDoc extends Omit<MeritEvidenceDto, 'id' | 'uploadedAt'> {
  _id: string;
  bytes: Buffer;
  uploadedAt: Date;
}

export const meritEvidenceSchema = new Schema<MeritEvidenceDoc>(
  {
    _id: { type: String, required: true },
    assessmentId: { type: String, required: true, index: true },
    agencyCode: { type: String, required: true },
    aspectCode: { type: String, required: true },
    fileName: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: actorSchema, required: true },
  },
  { versionKey: false },
);

/**
 * One decision on an agency's talent gate: append-only, never updated. `_id` is `<stream>:<seq>` (the
 * assessment and its version, or `approval:<agency>` and its count), so two deciders acting on the same
 * state cannot both be recorded, and recording a decision again is a no-op.
 */
export interface TalentGateDecisionDoc {
  _id: string;
  agencyCode: string;
  stream: string;
  seq: number;
  kind: string;
  assessmentId: string | null;
  by: Actor;
  at: Date;
  reason: string | null;
  payload: string;
  recordedAt: Date;
}

export const talentGateDecisionSchema = new Schema<TalentGateDecisionDoc>(
  {
    _id: { type: String, required: true },
    agencyCode: { type: String, required: true },
    stream: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    assessmentId: { type: String, default: null },
    by: { type: actorSchema, required: true },
    at: { type: Date, required: true },
    reason: { type: String, default: null },
    payload: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
talentGateDecisionSchema.index({ agencyCode: 1, at: 1, _id: 1 });
talentGateDecisionSchema.index({ stream: 1, seq: -1 });
