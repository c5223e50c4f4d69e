import { JPT_LEVELS, TALENT_FILLING_ACTORS, type TalentFillingViewDto } from '@seleksi/domain';
import { idField, instantField, limitParam } from '@seleksi/kit';
import { z } from 'zod';

/** Body of `PUT /talent-fillings/:id` (the workflow's projection). */
export const talentFillingBody = z.object({
  id: idField,
  agencyCode: idField,
  workflowId: z.string().min(1).max(400),
  postId: idField,
  position: z.string().min(1).max(200),
  unit: z.string().max(200),
  level: z.enum(JPT_LEVELS),
  stage: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[A-Z_]+$/),
  route: z.enum(['PPK', 'PRESIDENT', 'PRESIDENT_VIA_HOME_AFFAIRS']),
  waitingOn: z.enum(TALENT_FILLING_ACTORS).nullable(),
  waitingSince: instantField.nullable(),
  deadline: instantField.nullable(),
  appointedEmployeeId: idField.nullable(),
  fallbackSelectionId: idField.nullable(),
  seq: z.number().int().min(1),
  createdAt: instantField,
  updatedAt: instantField,
}) satisfies z.ZodType<TalentFillingViewDto, unknown>;

/** Query of `GET /talent-fillings`: a list (newest first) or, with `waitingOn`, an inbox (oldest wait first). */
export const talentFillingListQuery = z.object({
  agencyCode: idField.optional(),
  stage: z
    .string()
    .max(60)
    .regex(/^[A-Z_]+$/)
    .optional(),
  waitingOn: z.enum(TALENT_FILLING_ACTORS).optional(),
  limit: limitParam(20, 100),
  after: z.string().max(500).optional(),
});
export type TalentFillingListQuery = z.infer<typeof talentFillingListQuery>;
