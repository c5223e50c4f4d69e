import type { Router } from 'express';
import { z } from 'zod';
import type { CandidateRepositories } from '../repositories';

const agencyCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/)
  .optional();
const openRoundsQuery = z.object({ agencyCode, cap: z.coerce.number().int().min(1).max(5000).default(2000) });
const auditOfKindQuery = z.object({
  kind: z.string().regex(/^[A-Z_]{1,100}$/),
  agencyCode,
  cap: z.coerce.number().int().min(1).max(10_000).default(5000),
});

/** The oversight view's reads (issue 16): indexed, bounded by `cap`. */
export function oversightRoutes(router: Router, { oversight, auditRecords }: CandidateRepositories): void {
  router.get('/oversight/open-rounds', async (req, res) => {
    const q = openRoundsQuery.parse(req.query);
    res.json({ items: await oversight.openRounds(q.agencyCode ?? null, q.cap) });
  });

  router.get('/oversight/audit-records', async (req, res) => {
    const q = auditOfKindQuery.parse(req.query);
    res.json({ items: await auditRecords.listOfKind(q.kind, q.agencyCode ?? null, q.cap) });
  });
}
