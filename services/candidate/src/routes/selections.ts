import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound, withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { selectionBody, selectionListQuery, stageEventBody, stageEventFanOutBody } from '../schemas';

export function selectionRoutes(router: Router, { selections }: CandidateRepositories): void {
  router.put('/selections/:id', async (req, res) => {
    const dto = selectionBody.parse(withPathId(req.body, 'id', req.params.id));
    res.json(await selections.upsert(dto));
  });

  router.get('/selections/:id', async (req, res) => {
    const selection = await selections.get(req.params.id);
    if (!selection) throw notFound('Selection');
    res.json(selection);
  });

  router.get('/selections/:id/summary', async (req, res) => {
    const summary = await selections.getSummary(req.params.id);
    if (!summary) throw notFound('Selection');
    res.json(summary);
  });

  router.get('/selections', async (req, res) => {
    const { ids, limit, after, history, ...filter } = selectionListQuery.parse(req.query);
    const withHistory = history !== 'false';
    if (ids) {
      if (after || filter.agencyCode || filter.stage) {
        throw new DomainError('VALIDATION_FAILED', 'ids cannot be combined with other filters', 'ids');
      }
      res.json({ items: await selections.getMany(ids, withHistory), nextCursor: null });
      return;
    }
    res.json(await selections.list(filter, limit, after, withHistory));
  });

  router.post('/selections/:id/stage-events', async (req, res) => {
    const { applicationStatus, fanOut, ...event } = stageEventBody.parse(req.body);
    res.json(await selections.recordStageEvent(req.params.id, event, applicationStatus, fanOut ?? true));
  });

  router.post('/selections/:id/stage-events/:eventId/fan-out', async (req, res) => {
    const { applicationStatus, after, limit } = stageEventFanOutBody.parse(req.body);
    res.json(
      await selections.fanOutPage(req.params.id, req.params.eventId, applicationStatus, {
        after: after ?? null,
        limit,
      }),
    );
  });
}
