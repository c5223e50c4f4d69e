/** Request schemas of the candidate portal's routes (profile confirmations, application files, change feed). */
import {
  APPLICATION_DOCUMENT_KINDS,
  PROFILE_DISPUTE_NOTE_MIN,
  PROFILE_FIELDS,
  ROLES,
  type ProfileConfirmationRequest,
  type StoreApplicationFileRequest,
} from '@seleksi/domain';
import { idField, idListParam, instantField, limitParam } from '@seleksi/kit';
import { z } from 'zod';

const actorBody = z.object({
  userId: idField,
  role: z.enum(ROLES),
  displayName: z.string().max(200).optional(),
});

export const profileConfirmationBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('CONFIRMED'), by: actorBody, at: instantField }),
  z.object({
    status: z.literal('DISPUTED'),
    note: z.string().trim().min(PROFILE_DISPUTE_NOTE_MIN).max(2000),
    fields: z
      .array(z.enum(PROFILE_FIELDS))
      .min(1)
      .max(PROFILE_FIELDS.length)
      .transform((f) => [...new Set(f)]),
    by: actorBody,
    at: instantField,
  }),
]) satisfies z.ZodType<ProfileConfirmationRequest, unknown>;

export const profileConfirmationListQuery = z.object({ ids: idListParam(200) });

/** Body of `POST /application-files`: the metadata and the PDF in base64. */
export const storeApplicationFileBody = z.object({
  candidateId: idField,
  selectionId: idField,
  vacancyId: idField,
  kind: z.enum(APPLICATION_DOCUMENT_KINDS),
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().min(1),
}) satisfies z.ZodType<StoreApplicationFileRequest & { contentBase64: string }, unknown>;

export const applicationFileListQuery = z.object({ applicationIds: idListParam(200) });

export const linkApplicationFilesBody = z.object({
  applicationId: idField,
  ids: z.array(idField).min(1).max(50),
});

export const changeListQuery = z.object({
  since: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  after: z.string().max(500).optional(),
  limit: limitParam(200, 1000),
});
