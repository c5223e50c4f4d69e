import type { Router } from 'express';
import { withPathId } from '@seleksi/kit';
import type { AssessmentRepositories } from '../repositories';
import { scoreRecordBody, scoreRecordListQuery } from '../schemas';

export function scoreRecordRoutes(router: Router, { scoreRecords }: AssessmentRepositories): void {
  router.put('/score-records/:id', async (req, res) => {
    res.json(await scoreRecords.put(scoreRecordBody.parse(withPathId(req.body, 'id', req.params.id))));
  });

  router.get('/score-records', async (req, res) => {
    res.json({ items: await scoreRecords.list(scoreRecordListQuery.parse(req.query)) });
  });
}
