import {
  AGENCY_KINDS,
  AGENCY_TIME_ZONES,
  LEGACY_AGENCY_KINDS,
  APPLICATION_STATUSES,
  EDUCATION_LEVELS,
  EMPLOYEE_BUCKETS,
  JPT_LEVELS,
  POSITION_KINDS,
  REASON_CODES,
  ROLES,
  SELECTION_STAGES,
  SANCTION_LEVELS,
  SKP_PREDICATES,
  isLocalDate,
  type Actor,
  type AgencyDto,
  type AuditRecordDto,
  type HolidayYear,
  type InvitationDto,
  type ProfileDto,
  type ScreeningDto,
  type RuleSetVersionDto,
  type SelectionRules,
  type TimelineEntryDto,
} from '@seleksi/domain';
import { APPLICATION_SORTS } from '@seleksi/kit';
import {
  agencyLetterheadShape,
  agencyOfficialsSchema,
  selectionOfficialsSchema,
  idField,
  idListParam,
  instantField,
  isoDateField,
  limitParam,
  type CreateApplicationRequest,
  type SelectionUpsertDto,
  type StageEventFanOutRequest,
  type StageEventRequest,
} from '@seleksi/kit';
import { z } from 'zod';
import { payloadIssue } from './audit-payload';
import { holidayYearIssues } from './holiday-calendar';

const text = (max = 300) => z.string().trim().min(1).max(max);

export const actorBody = z.object({
  userId: idField,
  role: z.enum(ROLES),
  displayName: z.string().max(200).optional(),
}) satisfies z.ZodType<Actor, unknown>;

export const agencyBody = z.object({
  code: idField,
  name: text(),
  address: z.string().max(500).default(''),
  city: text(100),
  province: z.string().max(100).default(''),
  timeZone: z.enum(AGENCY_TIME_ZONES),
  kind: z.enum([...AGENCY_KINDS, ...LEGACY_AGENCY_KINDS]),
  // The records an administrator keeps (seeds may write them too); checked as the changes route checks them.
  ...agencyLetterheadShape,
  officials: agencyOfficialsSchema.optional(),
  selectionOfficials: z.array(selectionOfficialsSchema).max(500).optional(),
  version: z.number().int().min(0).optional(),
}) satisfies z.ZodType<AgencyDto, unknown>;

const careerBody = z.object({
  position: text(),
  positionKind: z.enum(POSITION_KINDS),
  unit: z.string().max(300).default(''),
  agencyCode: idField,
  from: isoDateField,
  to: isoDateField.nullish(),
  fields: z.array(text(200)).max(50).optional(),
});

/** NIP is only shape-checked here; `parseNip` gives the precise INVALID_NIP reason. */
export const profileBody = z.object({
  id: idField,
  nip: z.string().max(40),
  name: text(200),
  rank: text(20),
  rankSince: isoDateField.optional(),
  agencyCode: idField,
  education: z.enum(EDUCATION_LEVELS),
  educationMajor: z.string().max(200).optional(),
  careers: z.array(careerBody).max(100),
  skp: z.array(z.object({ year: z.number().int().min(1900).max(2200), predicate: z.enum(SKP_PREDICATES) })).max(50),
  lhkpnFiled: z.boolean(),
  disciplinarySanction: z.boolean(),
  trainings: z.array(text(200)).max(20).optional(),
  developmentHours: z
    .array(z.object({ year: z.number().int().min(1900).max(2200), hours: z.number().int().min(0).max(1000) }))
    .max(50)
    .optional(),
  sanctions: z
    .array(z.object({ level: z.enum(SANCTION_LEVELS), since: isoDateField }))
    .max(20)
    .optional(),
  email: z.string().trim().toLowerCase().email().max(200).nullish(),
}) satisfies z.ZodType<ProfileDto, unknown>;

export const selectionBody = z.object({
  id: idField,
  agencyCode: idField,
  title: text(500),
  workflowId: text(300),
  stage: z.enum(SELECTION_STAGES),
  timeZone: z.enum(AGENCY_TIME_ZONES),
  announcementDate: isoDateField,
  registrationClosesAt: instantField,
  vacancies: z
    .array(
      z.object({
        id: idField,
        level: z.enum(JPT_LEVELS),
        position: text(),
        unit: z.string().max(300).default(''),
        status: z.enum(['OPEN', 'CLOSED', 'CANCELLED', 'FILLED']),
        outcome: z.string().trim().max(500).nullish(),
        extendedUntil: z.union([isoDateField, instantField]).nullish(),
        shortlist: z.array(idField).max(50).nullish(),
        followUp: z
          .object({ kind: z.enum(['REANNOUNCED', 'TALENT_FILLING']), id: idField, workflowId: text(300) })
          .nullish(),
      }),
    )
    .max(50),
  announcementDocumentId: idField.nullish(),
  simulation: z.boolean().optional(),
  // The pinned rule set as the workflow carries it: shape-checked there (validateSelectionRules) before it starts.
  rules: z
    .custom<SelectionRules>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'rules must be an object')
    .nullish(),
  origin: z.object({ selectionId: idField, vacancyId: idField }).nullish(),
  createdBy: actorBody,
  createdAt: instantField,
}) satisfies z.ZodType<SelectionUpsertDto, unknown>;

/** A rule set's scope: 'NATIONAL' or an agency code. */
export const ruleSetScopeParam = idField;

export const ruleSetVersionBody = z.object({
  scope: ruleSetScopeParam,
  revision: z.number().int().min(1),
  // Checked as a whole by the gateway (validateSelectionRules) before it is stored.
  rules: z.custom<SelectionRules>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'rules must be an object',
  ),
  changedBy: actorBody,
  changedAt: instantField,
  reason: text(1000),
}) satisfies z.ZodType<RuleSetVersionDto, unknown>;

export const selectionListQuery = z.object({
  /** Batch read by id (in that order, null where unknown); not combined with the other filters. */
  ids: idListParam(200).optional(),
  agencyCode: idField.optional(),
  stage: z.enum(SELECTION_STAGES).optional(),
  limit: limitParam(20, 100),
  after: z.string().max(500).optional(),
  /** 'false': summaries without the stage history (one lookup less per selection). */
  history: z.enum(['true', 'false']).optional(),
});

const eventId = z.string().min(1).max(300);

export const stageEventBody = z.object({
  eventId,
  stage: z.enum(SELECTION_STAGES),
  at: instantField,
  reasonCode: z.enum(REASON_CODES),
  expectedNextAt: instantField.nullish(),
  applicationStatus: z.enum(APPLICATION_STATUSES).nullish(),
  fanOut: z.boolean().optional(),
}) satisfies z.ZodType<StageEventRequest, unknown>;

export const stageEventFanOutBody = z.object({
  applicationStatus: z.enum(APPLICATION_STATUSES).nullish(),
  after: idField.nullish(),
  limit: z.number().int().min(1).max(1000).default(250),
}) satisfies z.ZodType<StageEventFanOutRequest, unknown>;

export const createApplicationBody = z.object({
  id: idField,
  selectionId: idField,
  vacancyId: idField,
  candidateId: idField,
  submittedAt: instantField,
  homePpkPermission: z.boolean().optional(),
}) satisfies z.ZodType<CreateApplicationRequest, unknown>;

export const timelineEntryBody = z.object({
  eventId,
  at: instantField,
  status: z.enum(APPLICATION_STATUSES),
  reasonCode: z.enum(REASON_CODES),
  note: z.string().max(2000).nullish(),
  expectedNextAt: instantField.nullish(),
}) satisfies z.ZodType<TimelineEntryDto, unknown>;

export const applicationListQuery = z.object({
  candidateId: idField.optional(),
  selectionId: idField.optional(),
  vacancyId: idField.optional(),
  ids: idListParam(200).optional(),
  limit: limitParam(100, 500),
  after: z.string().max(500).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(APPLICATION_SORTS).optional(),
  desc: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** `GET /profiles`: `ids=` (batch by id, in that order) or `agencyCode=` (paged in id order). */
export const profileListQuery = z
  .object({
    ids: idListParam(200).optional(),
    agencyCode: idField.optional(),
    limit: limitParam(100, 1000),
    after: z.string().max(500).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.ids && (q.agencyCode || q.after)) {
      ctx.addIssue({ code: 'custom', message: 'ids cannot be combined with agencyCode or after', path: ['ids'] });
    } else if (!q.ids && !q.agencyCode) {
      ctx.addIssue({ code: 'custom', message: 'ids or agencyCode is required', path: ['agencyCode'] });
    }
  });

export const profileCountQuery = z.object({ agencyCode: idField });

/** Query of `GET /profiles/talent-inputs`: whole slots from `fromSlot` (before `toSlot`) until `limit` employees. */
export const talentInputsQuery = z
  .object({
    agencyCode: idField,
    fromSlot: z.coerce.number().int().min(0).max(EMPLOYEE_BUCKETS),
    toSlot: z.coerce.number().int().min(0).max(EMPLOYEE_BUCKETS).default(EMPLOYEE_BUCKETS),
    limit: limitParam(1000, 2000),
  })
  .refine((q) => q.toSlot >= q.fromSlot, { message: 'toSlot must not be before fromSlot', path: ['toSlot'] });

/** Body of `PUT /profiles` (bulk upsert). */
export const profilesBulkBody = z.object({ items: z.array(profileBody).min(1).max(1000) });

export const invitationBody = z
  .object({
    // `${selectionId}:${candidateId}`, so may be longer than one id.
    id: z
      .string()
      .min(1)
      .max(401)
      .regex(/^[^\s,/]+$/, 'must not contain spaces, commas or slashes'),
    candidateId: idField,
    selectionId: idField,
    vacancyId: idField,
    reason: text(2000),
    invitedAt: instantField,
  })
  .refine((v) => v.id === `${v.selectionId}:${v.candidateId}`, {
    message: 'id must be <selectionId>:<candidateId>',
    path: ['id'],
  }) satisfies z.ZodType<InvitationDto, unknown>;

export const invitationListQuery = z
  .object({ candidateId: idField.optional(), selectionId: idField.optional() })
  .refine((q) => q.candidateId || q.selectionId, {
    message: 'candidateId or selectionId is required',
    path: ['candidateId'],
  });

/** `:code` of an agency's regional holiday routes. */
export const agencyCodeParams = z.object({ code: idField });

/** Body of `PUT /agencies/:code/regional-holidays`: real dates, once each, with a name and a legal basis. */
export const regionalHolidaysBody = z.object({
  days: z
    .array(
      z.object({
        date: z.string().refine(isLocalDate, 'not a real date (YYYY-MM-DD)'),
        name: z.string().trim().min(1).max(300),
        basis: z.string().trim().min(1).max(1000),
      }),
    )
    .max(200)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: `${d.date} appears twice`, path: [i, 'date'] });
        seen.add(d.date);
      });
    }),
});

/** `:year` of the calendar routes. */
export const calendarYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) });

const dayOffBody = z.object({ date: z.string().max(20), name: z.string().max(300) });

/** Body of `PUT /calendars/:year`; see `holidayYearIssues` for the rules. */
export function holidayYearBody(year: number) {
  return z
    .object({
      year: z.number().int(),
      holidays: z.array(dayOffBody).max(100),
      cutiBersama: z.array(dayOffBody).max(100),
      source: z.string().max(1000),
      skbNumber: z.string().max(300).nullish(),
      skbDate: z.string().max(20).nullish(),
    })
    .superRefine((y, ctx) => {
      for (const { field, message } of holidayYearIssues(y, year)) {
        ctx.addIssue({ code: 'custom', message, path: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
      }
    }) satisfies z.ZodType<HolidayYear, unknown>;
}

export const screeningBody = z
  .object({
    eligible: z.boolean(),
    requirements: z
      .array(
        z.object({
          key: z.string().trim().min(1).max(100),
          label: text(500),
          met: z.boolean(),
          detail: z.string().max(2000),
          reason: z.string().max(2000).nullable(),
        }),
      )
      .max(100),
    rulesVersion: text(100),
    decidedBy: z.enum(['ENGINE', 'PANSEL']),
    overrideReason: z.string().trim().max(2000).nullable(),
    decidedAt: instantField,
    actor: actorBody.nullable(),
  })
  .superRefine((s, ctx) => {
    // An override is a human decision: on the record with who and why.
    if (s.decidedBy !== 'PANSEL') return;
    if (!s.actor) ctx.addIssue({ code: 'custom', message: 'an override names its actor', path: ['actor'] });
    if (!s.overrideReason) {
      ctx.addIssue({ code: 'custom', message: 'an override states its reason', path: ['overrideReason'] });
    }
  }) satisfies z.ZodType<ScreeningDto, unknown>;

export const auditRecordBody = z
  .object({
    decisionId: z.string().min(1).max(300),
    selectionId: idField,
    workflowId: text(300),
    kind: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
    by: actorBody,
    at: instantField,
    reason: z.string().trim().max(4000).nullable(),
    subjectId: idField.nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .superRefine((r, ctx) => {
    const issue = payloadIssue(r.payload);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.') });
  }) satisfies z.ZodType<AuditRecordDto, unknown>;

export const auditRecordListQuery = z.object({
  selectionId: idField.optional(),
  subjectId: idField.optional(),
  kind: z.string().min(1).max(100).optional(),
  limit: limitParam(100, 500),
  after: z.string().max(500).optional(),
});

/** Query of `GET /audit-records/verify` and `/head`: one chain. */
export const auditChainQuery = z.object({ selectionId: idField });

/** `GET /audit-records/verify`: optionally with a head printed on a document (`seq` and `hash` together). */
export const auditVerifyQuery = auditChainQuery
  .extend({
    seq: z.coerce.number().int().min(1).optional(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine((q) => (q.seq === undefined) === (q.hash === undefined), {
    message: 'seq and hash go together',
    path: ['hash'],
  });

/** Body of `POST /applications/submissions`: applications recorded in one round trip (the apply path's batches). */
export const applicationSubmissionsBody = z.object({
  items: z
    .array(
      z.object({
        application: createApplicationBody,
        audit: auditRecordBody,
        fileIds: z.array(idField).max(50).optional(),
      }),
    )
    .min(1)
    .max(200),
});
