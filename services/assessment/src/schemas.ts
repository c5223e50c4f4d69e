import { idField, isoDateField, type AssessmentResultDto, type PanselMemberDto } from '@seleksi/kit';
import { z } from 'zod';

export const panselMemberBody = z.object({
  id: idField,
  userId: idField.nullish(),
  name: z.string().trim().min(1).max(200),
  institution: z.string().trim().min(1).max(300),
  internal: z.boolean(),
  partyMember: z.boolean(),
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
