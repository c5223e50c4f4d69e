import type { Router } from 'express';
import { notFound, withPathId } from '@seleksi/kit';
import type { AssessmentRepositories } from '../repositories';
import { assessmentResultBody, assessmentResultListQuery } from '../schemas';

export function assessmentResultRoutes(router: Router, { assessmentResults }: AssessmentRepositories): void {
  router.put('/assessment-results/:id', async (req, res) => {
    res.json(await assessmentResults.upsert(assessmentResultBody.parse(withPathId(req.body, 'id', req.params.id))));
  });

  router.get('/assessment-results/:id', async (req, res) => {
    const result = await assessmentResults.get(req.params.id);
    if (!result) throw notFound('Assessment result');
    res.json(result);
  });

  router.get('/assessment-results', async (req, res) => {
    const { candidateId, candidateIds } = assessmentResultListQuery.parse(req.query);
    res.json({
      items: candidateIds
        ? await assessmentResults.listByCandidates(candidateIds)
        : await assessmentResults.listByCandidate(candidateId!),
    });
  });
}
