import type { Router } from 'express';
import type { CandidateRepositories } from '../repositories';
import { auditChainQuery, auditRecordBody, auditRecordListQuery, auditVerifyQuery } from '../schemas';

/** The audit record of human decisions: append-only, idempotent by decisionId. */
export function auditRecordRoutes(router: Router, { auditRecords }: CandidateRepositories): void {
  router.post('/audit-records', async (req, res) => {
    const result = await auditRecords.record(auditRecordBody.parse(req.body));
    res.status(result.created ? 201 : 200).json(result);
  });

  /** The chain of one selection (or talent filling) recomputed from the store. */
  router.get('/audit-records/verify', async (req, res) => {
    const { selectionId, seq, hash } = auditVerifyQuery.parse(req.query);
    res.json(await auditRecords.verify(selectionId, seq !== undefined && hash ? { seq, hash } : null));
  });

  /** The chain's last link, for printing on documents. */
  router.get('/audit-records/head', async (req, res) => {
    const { selectionId } = auditChainQuery.parse(req.query);
    res.json({ selectionId, head: await auditRecords.head(selectionId) });
  });

  router.get('/audit-records', async (req, res) => {
    const { limit, after, ...filter } = auditRecordListQuery.parse(req.query);
    res.json(await auditRecords.list(filter, limit, after));
  });
}
