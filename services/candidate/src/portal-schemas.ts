/** Request schemas of the candidate portal's routes (profile confirmations, application files, change feed). */
import {
  APPLICATION_DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  POSITION_KINDS,
  PROFILE_DISPUTE_NOTE_MIN,
  PROFILE_DISPUTE_OUTCOMES,
  PROFILE_DISPUTE_REASON_MIN,
  SKP_PREDICATES,
  type ProfileDisputeDecisionRequest,
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

/** Shapes only: the domain's `profileCorrectionIssues` judges the values against the dispute and the rules. */
const correctionsBody = z
  .object({
    name: z.string().max(200).optional(),
    nip: z.string().max(40).optional(),
    rank: z.string().max(20).optional(),
    agencyCode: z.string().max(60).optional(),
    education: z.enum(EDUCATION_LEVELS).optional(),
    educationMajor: z.string().max(200).nullable().optional(),
    careers: z
      .array(
        z.object({
          position: z.string().max(300),
          positionKind: z.enum(POSITION_KINDS),
          unit: z.string().max(300).default(''),
          agencyCode: z.string().max(60),
          from: z.string().max(10),
          to: z.string().max(10).nullish(),
          fields: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
        }),
      )
      .max(100)
      .optional(),
    skp: z
      .array(z.object({ year: z.number().int(), predicate: z.enum(SKP_PREDICATES) }))
      .max(50)
      .optional(),
    lhkpnFiled: z.boolean().optional(),
    disciplinarySanction: z.boolean().optional(),
  })
  .strict();

/** Body of `POST /profile-disputes/:id/decision`. */
export const profileDisputeDecisionBody = z
  .object({
    outcome: z.enum(PROFILE_DISPUTE_OUTCOMES),
    reason: z.string().trim().max(2000).nullable(),
    corrections: correctionsBody.default({}),
    by: actorBody,
    at: instantField,
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'REJECTED' && (r.reason ?? '').length < PROFILE_DISPUTE_REASON_MIN) {
      ctx.addIssue({ code: 'custom', message: 'a rejection states its reason', path: ['reason'] });
    }
  }) satisfies z.ZodType<ProfileDisputeDecisionRequest, unknown>;

/** `GET /profile-disputes`: open disputes of an agency (all agencies without it), oldest first. */
export const profileDisputeListQuery = z.object({
  agencyCode: idField.optional(),
  limit: limitParam(50, 100),
  after: z.string().max(500).optional(),
});

/** Body of `POST /application-files`: the metadata and the PDF in base64. */
export const storeApplicationFileBody = z.object({
  candidateId: idField,
  selectionId: idField,
  vacancyId: idField,
  kind: z.enum(APPLICATION_DOCUMENT_KINDS),
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().min(1),
}) satisfies z.ZodType<StoreApplicationFileRequest & { contentBase64: string }, unknown>;

/**
 * Body of `POST /application-files/batch`: the files of one application in one request (within the
 * service's 8 MB JSON limit: the caller keeps a request's files to 5 MB together).
 */
export const storeApplicationFilesBody = z.object({ files: z.array(storeApplicationFileBody).min(1).max(50) });

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
