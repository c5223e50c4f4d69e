import { NOTICE_STATUSES } from '@seleksi/domain';
import type { Router } from 'express';
import { z } from 'zod';
import type { CandidateRepositories } from '../repositories';

const claimBody = z.object({
  limit: z.number().int().min(1).max(200).default(20),
  leaseMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
});
const reportBody = z.object({
  outcome: z.enum(['SENT', 'SKIPPED', 'FAILED']),
  error: z.string().max(1000).nullish(),
  retryAt: z.string().datetime().nullish(),
});
const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : []))
    .pipe(z.array(z.enum(NOTICE_STATUSES))),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const retryBody = z.object({ ids: z.array(z.string().min(1)).min(1).max(500) });

/** The notification outbox: the gateway claims due notices, sends them and reports back. */
export function noticeRoutes(router: Router, { notices }: CandidateRepositories): void {
  router.post('/notices/claim', async (req, res) => {
    const { limit, leaseMs } = claimBody.parse(req.body ?? {});
    res.json(await notices.claim(limit, leaseMs));
  });

  router.post('/notices/retry', async (req, res) => {
    res.json({ retried: await notices.retry(retryBody.parse(req.body).ids) });
  });

  router.post('/notices/:id/report', async (req, res) => {
    res.json(await notices.report(req.params.id, reportBody.parse(req.body)));
  });

  router.get('/notices', async (req, res) => {
    const { status, limit } = listQuery.parse(req.query);
    res.json(await notices.list({ statuses: status }, limit));
  });
}
