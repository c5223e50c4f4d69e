import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { profileBody, profileCountQuery, profileListQuery, profilesBulkBody, talentInputsQuery } from '../schemas';

export function profileRoutes(router: Router, { profiles }: CandidateRepositories): void {
  /** Bulk upsert of ≤ 1000 profiles (seeding, benchmarks): `{ items }` → `{ upserted }`. */
  router.put('/profiles', async (req, res) => {
    const { items } = profilesBulkBody.parse(req.body);
    res.json({ upserted: await profiles.upsertMany(items) });
  });

  router.put('/profiles/:id', async (req, res) => {
    const dto = profileBody.parse(withPathId(req.body, 'id', req.params.id));
    res.json(await profiles.upsert(dto));
  });

  router.get('/profiles/by-nip/:nip', async (req, res) => {
    const profile = await profiles.getByNip(req.params.nip);
    if (!profile) throw notFound('Profile');
    res.json(profile);
  });

  // Before '/profiles/:id', which would take 'count' for an id.
  router.get('/profiles/count', async (req, res) => {
    const { agencyCode } = profileCountQuery.parse(req.query);
    res.json({ count: await profiles.countByAgency(agencyCode) });
  });

  /** What talent mapping needs of an agency's profiles (id, SKP), whole slots at a time: `{ items, nextSlot }`. */
  router.get('/profiles/talent-inputs', async (req, res) => {
    const { agencyCode, fromSlot, toSlot, limit } = talentInputsQuery.parse(req.query);
    res.json(await profiles.talentInputs(agencyCode, fromSlot, toSlot, limit));
  });

  router.get('/profiles/:id', async (req, res) => {
    const profile = await profiles.get(req.params.id);
    if (!profile) throw notFound('Profile');
    res.json(profile);
  });

  /** `ids=a,b` → `{ items }` in that order (null where unknown); `agencyCode=X` → a page in id order. */
  router.get('/profiles', async (req, res) => {
    const { ids, agencyCode, limit, after } = profileListQuery.parse(req.query);
    if (ids) {
      res.json({ items: await profiles.getMany(ids) });
      return;
    }
    res.json(await profiles.listByAgency(agencyCode!, limit, after));
  });
}
