import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { agencyChangeSchema, issueCode, notFound, withPathId } from '@seleksi/kit';
import { z } from 'zod';
import type { CandidateRepositories } from '../repositories';
import { actorBody, agencyBody } from '../schemas';

const changeBody = z.object({ by: actorBody, create: z.boolean(), change: z.unknown() });

export function agencyRoutes(router: Router, { agencies, auditRecords }: CandidateRepositories): void {
  router.put('/agencies/:code', async (req, res) => {
    const dto = agencyBody.parse(withPathId(req.body, 'code', req.params.code));
    res.json(await agencies.upsert(dto));
  });

  router.get('/agencies', async (_req, res) => {
    res.json({ items: await agencies.list() });
  });

  router.get('/agencies/:code', async (req, res) => {
    const agency = await agencies.get(req.params.code);
    if (!agency) throw notFound('Agency');
    res.json(agency);
  });

  /** An administrator's change: validated, written only when valid, and audited with before/after. */
  router.post('/agencies/:code/changes', async (req, res) => {
    const body = changeBody.parse(req.body);
    const parsed = agencyChangeSchema.safeParse(body.change);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = ['change', ...(issue?.path ?? []).map(String)].join('.');
      throw new DomainError(issueCode(issue), issue?.message ?? 'Masukan tidak valid', field);
    }
    const { agency, audit } = await agencies.change(req.params.code, parsed.data, body.create, body.by, new Date());
    // Idempotent by `agency:<code>:v<version>`: a retry after a failure here records it once.
    await auditRecords.record(audit);
    res.json(agency);
  });
}
