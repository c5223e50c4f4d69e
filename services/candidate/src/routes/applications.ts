import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { applicationListQuery, createApplicationBody, screeningBody, timelineEntryBody } from '../schemas';

export function applicationRoutes(router: Router, { applications }: CandidateRepositories): void {
  router.post('/applications', async (req, res) => {
    const { application, created } = await applications.create(createApplicationBody.parse(req.body));
    res.status(created ? 201 : 200).json({ ...application, created });
  });

  router.get('/applications/:id', async (req, res) => {
    const application = await applications.get(req.params.id);
    if (!application) throw notFound('Application');
    res.json(application);
  });

  router.get('/applications', async (req, res) => {
    const { ids, limit, after, ...filter } = applicationListQuery.parse(req.query);
    if (ids) {
      if (filter.candidateId || filter.selectionId || filter.vacancyId || after) {
        throw new DomainError('VALIDATION_FAILED', 'ids cannot be combined with other filters', 'ids');
      }
      res.json({ items: await applications.getMany(ids), nextCursor: null });
      return;
    }
    if (!filter.candidateId && !filter.selectionId && !filter.vacancyId) {
      throw new DomainError('VALIDATION_FAILED', 'One of candidateId, selectionId, vacancyId or ids is required');
    }
    res.json(await applications.list(filter, limit, after));
  });

  router.post('/applications/:id/timeline', async (req, res) => {
    res.json(await applications.appendTimeline(req.params.id, timelineEntryBody.parse(req.body)));
  });

  router.put('/applications/:id/screening', async (req, res) => {
    res.json(await applications.putScreening(req.params.id, screeningBody.parse(req.body)));
  });
}
