import type { Router } from 'express';
import { DomainError, MERIT_ASSESSMENT_STATUSES, ROLES, type Actor } from '@seleksi/domain';
import { idField, isoDateField, notFound } from '@seleksi/kit';
import { z } from 'zod';
import type { AssessmentRepositories } from '../repositories';

const actor = z.object({
  userId: idField,
  role: z.enum(ROLES),
  displayName: z.string().max(200).optional(),
}) satisfies z.ZodType<Actor, unknown>;
const reason = z.string().trim().min(1).max(2000);
const version = z.number().int().min(1);
const aspectConfig = z.object({
  version: z.string().min(1).max(100),
  aspects: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z0-9_]{1,40}$/),
        name: z.string().min(1).max(200),
        weight: z.number().positive(),
        minScore: z.number(),
        maxScore: z.number(),
      }),
    )
    .min(1)
    .max(50),
});

const startBody = z.object({
  agencyCode: idField,
  period: z.string().regex(/^\d{4}$/),
  config: aspectConfig,
  by: actor,
});
const editBody = z.object({
  expectedVersion: version,
  aspects: z
    .array(z.object({ code: z.string().max(40), score: z.number().nullable(), note: z.string().max(2000).nullable() }))
    .max(50),
});
const decisionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('SUBMIT'), expectedVersion: version, by: actor, reason: reason.nullish() }),
  z.object({
    action: z.literal('ADJUST'),
    expectedVersion: version,
    by: actor,
    reason,
    aspectCode: z.string().max(40),
    score: z.number(),
  }),
  z.object({ action: z.literal('RETURN'), expectedVersion: version, by: actor, reason }),
  z.object({
    action: z.literal('VALIDATE'),
    expectedVersion: version,
    by: actor,
    reason: reason.nullish(),
    validatedOn: isoDateField,
  }),
]);
const approvalBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('APPROVE'),
    by: actor,
    reason,
    approvedOn: isoDateField,
    reference: z.string().trim().min(1).max(200),
  }),
  z.object({
    action: z.literal('WITHDRAW'),
    by: actor,
    reason,
    withdrawnOn: isoDateField,
    reference: z.string().trim().min(1).max(200),
  }),
]);
const evidenceBody = z.object({
  aspectCode: z.string().max(40),
  fileName: z.string().min(1).max(200),
  contentBase64: z.base64().min(1),
  by: actor,
});
const listQuery = z
  .object({ agencyCode: idField.optional(), status: z.enum(MERIT_ASSESSMENT_STATUSES).optional() })
  .refine((q) => q.agencyCode || q.status, { message: 'agencyCode or status is required', path: ['agencyCode'] });

/**
 * Merit-system assessments, their evidence and the decisions on an agency's talent gate. The gateway
 * authorises; this service keeps the states and the append-only decision log.
 */
export function meritAssessmentRoutes(router: Router, { meritAssessments }: AssessmentRepositories): void {
  router.post('/merit-assessments', async (req, res) => {
    res.status(201).json(await meritAssessments.start(startBody.parse(req.body)));
  });

  router.get('/merit-assessments', async (req, res) => {
    res.json({ items: await meritAssessments.list(listQuery.parse(req.query)) });
  });

  router.get('/merit-assessments/:id', async (req, res) => {
    const a = await meritAssessments.get(req.params.id);
    if (!a) throw notFound('Merit assessment');
    res.json(a);
  });

  router.put('/merit-assessments/:id/scores', async (req, res) => {
    res.json(await meritAssessments.edit(req.params.id, editBody.parse(req.body)));
  });

  router.post('/merit-assessments/:id/decisions', async (req, res) => {
    res.status(201).json(await meritAssessments.decide(req.params.id, decisionBody.parse(req.body)));
  });

  router.post('/merit-assessments/:id/evidence', async (req, res) => {
    const { contentBase64, ...meta } = evidenceBody.parse(req.body);
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'File is empty', 'contentBase64');
    res.status(201).json(await meritAssessments.storeEvidence({ ...meta, assessmentId: req.params.id, bytes }));
  });

  router.get('/merit-evidence/:id', async (req, res) => {
    const e = await meritAssessments.evidence(req.params.id);
    if (!e) throw notFound('Merit evidence');
    res.json(e.file);
  });

  router.get('/merit-evidence/:id/content', async (req, res) => {
    const e = await meritAssessments.evidence(req.params.id);
    if (!e) throw notFound('Merit evidence');
    res.setHeader('Content-Type', 'application/pdf');
    res.send(e.bytes);
  });

  router.post('/talent-gate/:agencyCode/approval', async (req, res) => {
    const agencyCode = idField.parse(req.params.agencyCode);
    res.status(201).json(await meritAssessments.decideApproval(agencyCode, approvalBody.parse(req.body)));
  });

  router.get('/talent-gate/:agencyCode', async (req, res) => {
    res.json(await meritAssessments.gateState(idField.parse(req.params.agencyCode)));
  });

  router.get('/talent-gate/:agencyCode/decisions', async (req, res) => {
    res.json({ items: await meritAssessments.decisions(idField.parse(req.params.agencyCode)) });
  });
}
