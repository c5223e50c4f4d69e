import type { Router } from 'express';
import type { CandidateRepositories } from '../repositories';
import { auditRecordBody, auditRecordListQuery } from '../schemas';

/** The audit record of human decisions: append-only, idempotent by decisionId. */
export function auditRecordRoutes(router: Router, { auditRecords }: CandidateRepositories): void {
  router.post('/audit-records', async (req, res) => {
    const result = await auditRecords.record(auditRecordBody.parse(req.body));
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/audit-records', async (req, res) => {
    const { limit, after, ...filter } = auditRecordListQuery.parse(req.query);
    res.json(await auditRecords.list(filter, limit, after));
  });
}
