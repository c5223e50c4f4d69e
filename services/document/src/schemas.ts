import { AGENCY_KINDS, AGENCY_TIME_ZONES, DECREE_KINDS, JPT_LEVELS, LEGACY_AGENCY_KINDS } from '@seleksi/domain';
import type {
  AnnouncementChanges,
  CorrectDocumentRequest,
  IssueDocumentRequest,
  OfficialDocumentChanges,
  OfficialDocumentRequest,
  VacancyAnnouncementRequest,
} from '@seleksi/domain';
import { agencyLetterheadShape, idField, idListParam, instantField, isoDateField } from '@seleksi/kit';
import { z } from 'zod';
import { OFFICIAL_DOCUMENT_KINDS, officialDocumentProblems } from './pdf';

const text = (max = 300) => z.string().trim().min(1).max(max);

const idempotencyKey = z.string().min(1).max(300);

const agency = z.object({
  code: idField,
  name: text(),
  address: z.string().max(500),
  city: text(100),
  province: z.string().max(100),
  timeZone: z.enum(AGENCY_TIME_ZONES),
  kind: z.enum([...AGENCY_KINDS, ...LEGACY_AGENCY_KINDS]),
  // The letterhead and registers from the agency's records (officials are resolved into `signatory`).
  ...agencyLetterheadShape,
  version: z.number().int().min(0).optional(),
});

/** A decision chain's head as the candidate service answers it: printed, so checked like every printed field. */
const auditChainHead = z
  .object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in hex') })
  .nullish();

const signatory = z.object({ name: text(200), title: text(500), nip: z.string().max(40).nullish() });

export const vacancyAnnouncementBody = z.object({
  idempotencyKey,
  kind: z.literal('VACANCY_ANNOUNCEMENT'),
  agency,
  auditChainHead,
  selection: z.object({
    id: idField,
    title: text(500),
    announcementDate: isoDateField,
    registrationClosesAt: instantField,
    registrationProvisional: z.boolean().optional(),
    timeZone: z.enum(AGENCY_TIME_ZONES),
    // At least one: validated before a number is claimed, so a bad request cannot leave a gap.
    vacancies: z
      .array(z.object({ id: idField, level: z.enum(JPT_LEVELS), position: text(), unit: z.string().max(300) }))
      .min(1)
      .max(50),
    requirements: z.array(text(2000)).max(50),
  }),
  signatory,
}) satisfies z.ZodType<VacancyAnnouncementRequest, unknown>;

const documentTable = z.object({
  caption: text(300).optional(),
  columns: z
    .array(
      z.object({
        header: z.string().trim().max(200),
        width: z.number().positive().max(1000).optional(),
        align: z.enum(['left', 'center', 'right']).optional(),
      }),
    )
    .min(1)
    .max(12),
  rows: z.array(z.array(z.string().max(2000)).max(12)).max(2000),
});

const officialDocumentObject = z.object({
  idempotencyKey,
  kind: z.enum(OFFICIAL_DOCUMENT_KINDS),
  agency,
  selectionId: idField.nullable(),
  auditChainId: idField.nullish(),
  auditChainHead,
  title: text(500),
  subject: z.string().trim().max(500).nullish(),
  date: isoDateField,
  visibility: z.enum(['PUBLIC', 'RESTRICTED']),
  recipient: z.array(text(300)).max(10).nullish(),
  paragraphs: z.array(text(10_000)).max(300),
  tables: z.array(documentTable).max(20).optional(),
  closing: z.array(text(10_000)).max(50).nullish(),
  signatory,
  decree: z
    .object({
      considering: z.array(text(5_000)).min(1).max(30),
      legalBasis: z.array(text(1_000)).min(1).max(40),
      decisions: z.array(text(10_000)).min(1).max(20),
    })
    .nullish(),
  attachments: z.array(text(300)).max(20).nullish(),
  copies: z.array(text(300)).max(20).nullish(),
});

export const officialDocumentBody = officialDocumentObject.superRefine((req, ctx) => {
  const isDecree = (DECREE_KINDS as readonly string[]).includes(req.kind);
  if (isDecree && !req.decree) {
    ctx.addIssue({ code: 'custom', path: ['decree'], message: 'A decree needs Menimbang, Mengingat and Memutuskan' });
  }
  if (!isDecree && req.decree) {
    ctx.addIssue({ code: 'custom', path: ['decree'], message: `${req.kind} is not a decree` });
  }
  // Checked here too, so a request the renderer would refuse never claims a number.
  for (const problem of officialDocumentProblems(req)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
}) satisfies z.ZodType<OfficialDocumentRequest, unknown>;

/** `POST /documents`: one body per kind, told apart by `kind`. */
export const issueDocumentBody = z.discriminatedUnion('kind', [
  vacancyAnnouncementBody,
  officialDocumentBody,
]) satisfies z.ZodType<IssueDocumentRequest, unknown>;

/** `selectionId=` (a selection's documents) or `ids=` (batch by id, in that order, null where unknown). */
export const documentListQuery = z
  .object({ selectionId: idField.optional(), ids: idListParam(200).optional() })
  .refine((q) => Boolean(q.selectionId) !== Boolean(q.ids), {
    message: 'Exactly one of selectionId or ids is required',
    path: ['selectionId'],
  });

/** What a correction of an official document may change (the rest is copied from the replaced one). */
export const officialDocumentChanges = officialDocumentObject
  .pick({
    title: true,
    subject: true,
    date: true,
    recipient: true,
    paragraphs: true,
    tables: true,
    closing: true,
    signatory: true,
    decree: true,
    attachments: true,
    copies: true,
  })
  .partial()
  .strict() satisfies z.ZodType<OfficialDocumentChanges, unknown>;

/** What a correction of a vacancy announcement may change. */
export const announcementChanges = z
  .object({
    title: text(500),
    announcementDate: isoDateField,
    registrationClosesAt: instantField,
    requirements: z.array(text(2000)).max(50),
    signatory,
  })
  .partial()
  .strict() satisfies z.ZodType<AnnouncementChanges, unknown>;

/** `POST /documents/:id/corrections`; `changes` is checked against the kind of the replaced document. */
export const correctDocumentBody = z.object({
  idempotencyKey,
  reason: text(2000),
  correctedBy: z.object({ userId: z.string().min(1).max(200), displayName: text(200) }),
  changes: z.record(z.string(), z.unknown()),
  auditChainHead,
}) satisfies z.ZodType<CorrectDocumentRequest, unknown>;
