import { AGENCY_TIME_ZONES, JPT_LEVELS, type VacancyAnnouncementRequest } from '@seleksi/domain';
import { idField, instantField, isoDateField } from '@seleksi/kit';
import { z } from 'zod';

const text = (max = 300) => z.string().trim().min(1).max(max);

export const vacancyAnnouncementBody = z.object({
  idempotencyKey: z.string().min(1).max(300),
  kind: z.literal('VACANCY_ANNOUNCEMENT'),
  agency: z.object({
    code: idField,
    name: text(),
    address: z.string().max(500),
    city: text(100),
    province: z.string().max(100),
    timeZone: z.enum(AGENCY_TIME_ZONES),
    kind: z.enum(['CENTRAL', 'PROVINCE', 'REGENCY', 'CITY']),
  }),
  selection: z.object({
    id: idField,
    title: text(500),
    announcementDate: isoDateField,
    registrationClosesAt: instantField,
    timeZone: z.enum(AGENCY_TIME_ZONES),
    // At least one: validated before a number is claimed, so a bad request cannot leave a gap.
    vacancies: z
      .array(z.object({ id: idField, level: z.enum(JPT_LEVELS), position: text(), unit: z.string().max(300) }))
      .min(1)
      .max(50),
    requirements: z.array(text(2000)).max(50),
  }),
  signatory: z.object({ name: text(200), title: text(500), nip: z.string().max(40).nullish() }),
}) satisfies z.ZodType<VacancyAnnouncementRequest, unknown>;

export const documentListQuery = z.object({ selectionId: idField });
