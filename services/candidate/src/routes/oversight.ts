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
  /** Instants bounding `at` (from inclusive, to exclusive), applied in the indexed read before the cap. */
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
});

/** The oversight view's reads (issue 16): indexed, bounded by `cap`, each answer saying whether the cap cut it. */
export function oversightRoutes(router: Router, { oversight, auditRecords }: CandidateRepositories): void {
  router.get('/oversight/open-rounds', async (req, res) => {
    const q = openRoundsQuery.parse(req.query);
    res.json(await oversight.openRounds(q.agencyCode ?? null, q.cap));
  });

  router.get('/oversight/audit-records', async (req, res) => {
    const q = auditOfKindQuery.parse(req.query);
    res.json(
      await auditRecords.listOfKind(q.kind, q.agencyCode ?? null, q.cap, {
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
      }),
    );
  });
}
