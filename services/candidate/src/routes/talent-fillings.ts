import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { talentFillingBody, talentFillingListQuery } from '../talent-filling-schemas';

/** The talent fillings' read model: written by each filling's workflow, read by the lists and inboxes. */
export function talentFillingRoutes(router: Router, { talentFillings }: CandidateRepositories): void {
  router.put('/talent-fillings/:id', async (req, res) => {
    const { filling } = await talentFillings.put(talentFillingBody.parse(withPathId(req.body, 'id', req.params.id)));
    res.json(filling);
  });

  router.get('/talent-fillings/:id', async (req, res) => {
    const filling = await talentFillings.get(req.params.id);
    if (!filling) throw notFound('TalentFilling');
    res.json(filling);
  });

  router.get('/talent-fillings', async (req, res) => {
    res.json(await talentFillings.list(talentFillingListQuery.parse(req.query)));
  });
}
