import {
  EMPLOYEE_BUCKETS,
  JPT_LEVELS,
  SKP_PREDICATES,
  ROLES,
  SCORE_KINDS,
  TALENT_PERIOD_PATTERN,
  successionGroupId,
  talentMapEntryId,
  type Actor,
  type ConflictDeclarationDto,
  type ScoreRecordDto,
  type SuccessionGroupDto,
  type TalentMapEntryDto,
} from '@seleksi/domain';
import {
  idField,
  idListParam,
  instantField,
  isoDateField,
  limitParam,
  type AssessmentResultDto,
  type PanselMemberDto,
} from '@seleksi/kit';
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
    potentialLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  })
  .refine((r) => r.validUntil >= r.assessedAt, {
    message: 'validUntil must not precede assessedAt',
    path: ['validUntil'],
  }) satisfies z.ZodType<AssessmentResultDto, unknown>;

export const panselMemberListQuery = z.object({ selectionId: idField });
/** `candidateId=` (one candidate) or `candidateIds=a,b` / repeated (a batch, ≤ 200). */
export const assessmentResultListQuery = z
  .object({ candidateId: idField.optional(), candidateIds: idListParam(200).optional() })
  .superRefine((q, ctx) => {
    if (!q.candidateId === !q.candidateIds) {
      ctx.addIssue({ code: 'custom', message: 'exactly one of candidateId or candidateIds', path: ['candidateId'] });
    }
  });

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
    candidateIds: idListParam(200).optional(),
    kind: z.enum(SCORE_KINDS).optional(),
    memberId: idField.optional(),
  })
  .refine((q) => q.selectionId || q.applicationId || q.candidateIds, {
    message: 'selectionId, applicationId or candidateIds is required',
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

/** Largest stored talent settings (JSON text). */
const MAX_TALENT_SETTINGS_CHARS = 256 * 1024;

/**
 * Talent settings (`TalentSettings` of the talent rules): a JSON object with the agency's code, kept as
 * given. The rules validate the rest where they are used; here only what storing needs.
 */
export const talentSettingsBody = z
  .looseObject({ agencyCode: idField })
  .refine((v) => JSON.stringify(v).length <= MAX_TALENT_SETTINGS_CHARS, {
    message: `larger than ${MAX_TALENT_SETTINGS_CHARS} characters`,
  });

export const talentPeriodField = z
  .string()
  .regex(TALENT_PERIOD_PATTERN, "a year, optionally '-S1'..'-S2' or '-Q1'..'-Q4'");

/** Finite, and never -0 (which FerretDB v1 cannot store). */
const finite = z.number().transform((n) => (n === 0 ? 0 : n));
const axis = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
const boxNumber = z.number().int().min(1).max(9);

export const talentMapEntryBody = z
  .object({
    id: z.string().min(1).max(500),
    agencyCode: idField,
    period: talentPeriodField,
    employeeId: idField,
    box: boxNumber.nullable(),
    potential: axis,
    performance: axis,
    performanceScore: finite.nullable(),
    potentialScore: finite.nullable(),
    score: finite.nullable(),
    missing: z.array(z.string().trim().min(1).max(200)).max(50),
    mappedAt: instantField,
    runId: z.string().min(1).max(300),
  })
  .refine((e) => e.id === talentMapEntryId(e.agencyCode, e.period, e.employeeId), {
    message: 'id must be <agencyCode>:<period>:<employeeId>',
    path: ['id'],
  }) satisfies z.ZodType<TalentMapEntryDto, unknown>;

/** Body of `PUT /talent-map/entries`: ≤ 1000 entries, each id once. */
export const talentMapEntriesBody = z.object({
  items: z
    .array(talentMapEntryBody)
    .min(1)
    .max(1000)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((e, i) => {
        if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: 'duplicate id in the batch', path: [i, 'id'] });
        seen.add(e.id);
      });
    }),
});

export const talentMapParams = z.object({ agencyCode: idField, period: talentPeriodField });

/**
 * Body of `POST /talent-map/:agencyCode/:period/slots`: the employees of slots [fromSlot, toSlot) with their
 * SKP (read from services/candidate), the run's scoring rules (checked when scoring) and stamps.
 */
export const talentMapSlotsBody = z.object({
  fromSlot: z.number().int().min(0).max(EMPLOYEE_BUCKETS),
  toSlot: z.number().int().min(0).max(EMPLOYEE_BUCKETS),
  asOf: isoDateField,
  runId: z.string().min(1).max(300),
  mappedAt: instantField,
  scoring: z.record(z.string(), z.unknown(), 'scoring must be an object'),
  employees: z
    .array(
      z.object({
        id: idField,
        skp: z.array(z.object({ year: z.number().int(), predicate: z.enum(SKP_PREDICATES) })).max(50),
      }),
    )
    .max(5000),
});

/** `box`: 1–9, or 'none' for the unmapped; the cursor is the `nextCursor` of the previous page. */
export const talentMapEntryListQuery = z.object({
  box: z.union([z.literal('none'), z.coerce.number().pipe(boxNumber)]).optional(),
  limit: limitParam(100, 1000),
  after: z.string().max(500).optional(),
});

export const successionGroupBody = z
  .object({
    id: z.string().min(1).max(500),
    agencyCode: idField,
    year: z.number().int().min(2000).max(2200),
    postId: idField,
    postTitle: z.string().trim().min(1).max(500),
    level: z.enum(JPT_LEVELS),
    members: z
      .array(
        z.object({
          employeeId: idField,
          order: z.number().int().min(1).max(1000),
          box: boxNumber,
          score: finite,
        }),
      )
      .max(100)
      .superRefine((members, ctx) => {
        const employees = new Set<string>();
        const orders = new Set<number>();
        members.forEach((m, i) => {
          if (employees.has(m.employeeId)) {
            ctx.addIssue({ code: 'custom', message: 'listed twice', path: [i, 'employeeId'] });
          }
          if (orders.has(m.order)) ctx.addIssue({ code: 'custom', message: 'order used twice', path: [i, 'order'] });
          employees.add(m.employeeId);
          orders.add(m.order);
        });
      }),
    derivedFrom: talentPeriodField,
    publishedAt: instantField.nullable(),
    documentId: idField.nullable(),
  })
  .refine((g) => g.id === successionGroupId(g.agencyCode, g.year, g.postId), {
    message: 'id must be <agencyCode>:<year>:<postId>',
    path: ['id'],
  }) satisfies z.ZodType<SuccessionGroupDto, unknown>;

export const successionGroupListQuery = z.object({
  agencyCode: idField,
  year: z.coerce.number().int().min(2000).max(2200).optional(),
});
