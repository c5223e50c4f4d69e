import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { agencyBody } from '../schemas';

export function agencyRoutes(router: Router, { agencies }: CandidateRepositories): void {
  router.put('/agencies/:code', async (req, res) => {
    const dto = agencyBody.parse(withPathId(req.body, 'code', req.params.code));
    res.json(await agencies.upsert(dto));
  });

  router.get('/agencies/:code', async (req, res) => {
    const agency = await agencies.get(req.params.code);
    if (!agency) throw notFound('Agency');
    res.json(agency);
  });
}
