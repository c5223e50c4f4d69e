import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound, type ApplicationSubmissionResult } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import {
  applicationListQuery,
  applicationSubmissionsBody,
  createApplicationBody,
  screeningBody,
  timelineEntryBody,
} from '../schemas';

/** Submissions of one batch stored at once: enough to overlap the store's round trips, few enough not to flood it. */
const SUBMISSIONS_IN_PARALLEL = 8;

export function applicationRoutes(
  router: Router,
  { applications, auditRecords, applicationFiles }: CandidateRepositories,
): void {
  router.post('/applications', async (req, res) => {
    const { application, created } = await applications.create(createApplicationBody.parse(req.body));
    res.status(created ? 201 : 200).json({ ...application, created });
  });

  /**
   * The apply path's recording in one round trip: per item the application (with its first timeline
   * entry), its audit record, then its files linked. Every step is idempotent, so the workflow's
   * activity may send the whole batch again after a failure. Only the application's own typed
   * refusal (e.g. CONFLICT, UNKNOWN_VACANCY) is answered per item; anything else fails the call.
   */
  router.post('/applications/submissions', async (req, res) => {
    const { items } = applicationSubmissionsBody.parse(req.body);
    const results: ApplicationSubmissionResult[] = new Array(items.length);
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const i = next++;
        const item = items[i]!;
        const { id } = item.application;
        let application;
        // A failure of these is the call's, never the item's refusal: the application is stored by then.
        let alongsideFailure: { err: unknown } | null = null;
        try {
          // The audit record and the file links go alongside the timeline entry, once the application is stored.
          ({ application } = await applications.create(item.application, () =>
            Promise.all([
              auditRecords.record(item.audit),
              item.fileIds?.length ? applicationFiles.linkSubmitted(id, item.fileIds) : null,
            ]).catch((err: unknown) => void (alongsideFailure = { err })),
          ));
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          results[i] = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
          continue;
        }
        if (alongsideFailure) throw (alongsideFailure as { err: unknown }).err;
        results[i] = { application };
      }
    };
    await Promise.all(Array.from({ length: Math.min(SUBMISSIONS_IN_PARALLEL, items.length) }, lane));
    res.json({ items: results });
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
