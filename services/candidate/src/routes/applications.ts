import type { Router } from 'express';
import { DomainError, type AuditRecordDto } from '@seleksi/domain';
import { notFound, type ApplicationSubmissionResult } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import {
  applicationListQuery,
  applicationSubmissionsBody,
  createApplicationBody,
  screeningBody,
  timelineEntryBody,
} from '../schemas';

export function applicationRoutes(
  router: Router,
  { applications, auditRecords, applicationFiles }: CandidateRepositories,
): void {
  router.post('/applications', async (req, res) => {
    const { application, created } = await applications.create(createApplicationBody.parse(req.body));
    res.status(created ? 201 : 200).json({ ...application, created });
  });

  /**
   * The apply path's recording in one round trip: the applications, then side by side their first
   * timeline entries (one insert), their audit records (one append to the selection's chain) and their
   * files linked. Every step is idempotent, so the workflow's activity may send the whole batch again
   * after a failure. Only the application's own typed refusal (e.g. CONFLICT, UNKNOWN_VACANCY) is
   * answered per item; anything else fails the call.
   */
  router.post('/applications/submissions', async (req, res) => {
    const { items } = applicationSubmissionsBody.parse(req.body);
    const outcomes = await applications.createMany(
      items.map((i) => i.application),
      (stored) => {
        // One append per chain (a workflow's batch is all of its selection, so in practice one).
        const chains = new Map<string, AuditRecordDto[]>();
        for (const i of stored) {
          const audit = items[i]!.audit;
          chains.set(audit.selectionId, [...(chains.get(audit.selectionId) ?? []), audit]);
        }
        return Promise.all([
          ...[...chains.values()].map((audits) => auditRecords.recordMany(audits)),
          ...stored.map((i) =>
            items[i]!.fileIds?.length
              ? applicationFiles.linkSubmitted(items[i]!.application.id, items[i]!.fileIds!)
              : null,
          ),
        ]);
      },
    );
    const results: ApplicationSubmissionResult[] = outcomes.map((o) =>
      'error' in o
        ? {
            error: { code: o.error.code, message: o.error.message, ...(o.error.field ? { field: o.error.field } : {}) },
          }
        : { application: o.application },
    );
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
