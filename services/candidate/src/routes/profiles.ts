import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { profileBody, profileListQuery } from '../schemas';

export function profileRoutes(router: Router, { profiles }: CandidateRepositories): void {
  router.put('/profiles/:id', async (req, res) => {
    const dto = profileBody.parse(withPathId(req.body, 'id', req.params.id));
    res.json(await profiles.upsert(dto));
  });

  router.get('/profiles/by-nip/:nip', async (req, res) => {
    const profile = await profiles.getByNip(req.params.nip);
    if (!profile) throw notFound('Profile');
    res.json(profile);
  });

  router.get('/profiles/:id', async (req, res) => {
    const profile = await profiles.get(req.params.id);
    if (!profile) throw notFound('Profile');
    res.json(profile);
  });

  router.get('/profiles', async (req, res) => {
    const { ids } = profileListQuery.parse(req.query);
    res.json({ items: await profiles.getMany(ids) });
  });
}
