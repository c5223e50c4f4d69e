import { ROLES, SCORE_KINDS, type Actor, type ConflictDeclarationDto, type ScoreRecordDto } from '@seleksi/domain';
import { idField, instantField, isoDateField, type AssessmentResultDto, type PanselMemberDto } from '@seleksi/kit';
import { z } from 'zod';

export const panselMemberBody = z.object({
  id: idField,
  userId: idField.nullish(),
  name: z.string().trim().min(1).max(200),
  institution: z.string().trim().min(1).max(300),
  internal: z.boolean(),
  partyMember: z.boolean(),
  bknOfficial: z.boolean().optional(),
  // Deduplicated so membership queries and counts stay exact.
  selectionIds: z
    .array(idField)
    .max(500)
    .transform((ids) => [...new Set(ids)]),
}) satisfies z.ZodType<PanselMemberDto, unknown>;

const score = z.number().min(0).max(100);

export const assessmentResultBody = z
  .object({
    id: idField,
    candidateId: idField,
    provider: z.string().trim().min(1).max(300),
    assessedAt: isoDateField,
    managerial: score,
    socioCultural: score,
    validUntil: isoDateField,
  })
  .refine((r) => r.validUntil >= r.assessedAt, {
    message: 'validUntil must not precede assessedAt',
    path: ['validUntil'],
  }) satisfies z.ZodType<AssessmentResultDto, unknown>;

export const panselMemberListQuery = z.object({ selectionId: idField });
export const assessmentResultListQuery = z.object({ candidateId: idField });

const actorBody = z.object({
  userId: idField,
  role: z.enum(ROLES),
  displayName: z.string().max(200).optional(),
}) satisfies z.ZodType<Actor, unknown>;

/** Keys of `components`: plain identifiers, so they store alike on MongoDB and FerretDB. */
const componentKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier');

export const scoreRecordBody = z.object({
  id: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[^\s,/]+$/, 'must not contain spaces, commas or slashes'),
  selectionId: idField,
  applicationId: idField,
  candidateId: idField,
  kind: z.enum(SCORE_KINDS),
  memberId: idField.nullable(),
  round: z.number().int().min(0).max(100),
  value: score,
  components: z
    .record(componentKey, score)
    .refine((c) => Object.keys(c).length <= 20, 'at most 20 components')
    .nullish(),
  note: z.string().trim().max(4000).nullable(),
  recordedBy: actorBody,
  recordedAt: instantField,
}) satisfies z.ZodType<ScoreRecordDto, unknown>;

export const scoreRecordListQuery = z
  .object({
    selectionId: idField.optional(),
    applicationId: idField.optional(),
    kind: z.enum(SCORE_KINDS).optional(),
    memberId: idField.optional(),
  })
  .refine((q) => q.selectionId || q.applicationId, {
    message: 'selectionId or applicationId is required',
    path: ['selectionId'],
  });

export const conflictBody = z
  .object({
    id: idField,
    selectionId: idField,
    memberId: idField,
    candidateId: idField,
    hasConflict: z.boolean(),
    reason: z.string().trim().max(2000).nullable(),
    declaredBy: actorBody,
    declaredAt: instantField,
  })
  .refine((d) => !d.hasConflict || !!d.reason, {
    message: 'a declared conflict states its reason',
    path: ['reason'],
  }) satisfies z.ZodType<ConflictDeclarationDto, unknown>;

export const conflictListQuery = z
  .object({
    selectionId: idField.optional(),
    memberId: idField.optional(),
    candidateId: idField.optional(),
  })
  .refine((q) => q.selectionId || q.memberId || q.candidateId, {
    message: 'selectionId, memberId or candidateId is required',
    path: ['selectionId'],
  });
