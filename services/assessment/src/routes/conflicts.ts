import type { Router } from 'express';
import { withPathId } from '@seleksi/kit';
import type { AssessmentRepositories } from '../repositories';
import { conflictBody, conflictListQuery } from '../schemas';

/** Conflict-of-interest declarations of Pansel members about candidates. */
export function conflictRoutes(router: Router, { conflicts }: AssessmentRepositories): void {
  router.put('/conflicts/:id', async (req, res) => {
    res.json(await conflicts.put(conflictBody.parse(withPathId(req.body, 'id', req.params.id))));
  });

  router.get('/conflicts', async (req, res) => {
    res.json({ items: await conflicts.list(conflictListQuery.parse(req.query)) });
  });
}
