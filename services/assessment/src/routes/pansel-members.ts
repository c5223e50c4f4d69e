import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { AssessmentRepositories } from '../repositories';
import { panselMemberBody, panselMemberListQuery } from '../schemas';

export function panselMemberRoutes(router: Router, { panselMembers }: AssessmentRepositories): void {
  router.put('/pansel-members/:id', async (req, res) => {
    res.json(await panselMembers.upsert(panselMemberBody.parse(withPathId(req.body, 'id', req.params.id))));
  });

  router.get('/pansel-members/:id', async (req, res) => {
    const member = await panselMembers.get(req.params.id);
    if (!member) throw notFound('Pansel member');
    res.json(member);
  });

  router.get('/pansel-members', async (req, res) => {
    const { selectionId } = panselMemberListQuery.parse(req.query);
    res.json({ items: await panselMembers.listBySelection(selectionId) });
  });
}
