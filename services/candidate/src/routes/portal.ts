import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import {
  applicationFileListQuery,
  changeListQuery,
  linkApplicationFilesBody,
  profileConfirmationBody,
  profileConfirmationListQuery,
  profileDisputeDecisionBody,
  profileDisputeListQuery,
  storeApplicationFileBody,
  storeApplicationFilesBody,
} from '../portal-schemas';

/** Routes of the candidate portal: profile confirmations, application files, and the read model's change feed. */
export function portalRoutes(
  router: Router,
  { profileConfirmations, profileDisputes, applicationFiles, changes }: CandidateRepositories,
): void {
  router.get('/profile-disputes', async (req, res) => {
    const { agencyCode, limit, after } = profileDisputeListQuery.parse(req.query);
    const [page, totalCount] = await Promise.all([
      profileDisputes.listOpen(agencyCode ?? null, limit, after),
      profileDisputes.countOpen(agencyCode ?? null),
    ]);
    res.json({ ...page, totalCount });
  });

  router.get('/profile-disputes/:id', async (req, res) => {
    const dispute = await profileDisputes.get(req.params.id);
    if (!dispute) throw notFound('Profile dispute');
    res.json(dispute);
  });

  /** Decides a dispute once: 201 when recorded now, 200 with the recorded decision for a repeat. */
  router.post('/profile-disputes/:id/decision', async (req, res) => {
    const result = await profileDisputes.decide(req.params.id, profileDisputeDecisionBody.parse(req.body));
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/profile-confirmations', async (req, res) => {
    const { ids } = profileConfirmationListQuery.parse(req.query);
    res.json({ items: await profileConfirmations.getMany(ids) });
  });

  router.get('/profile-confirmations/:candidateId', async (req, res) => {
    res.json(await profileConfirmations.get(req.params.candidateId));
  });

  router.put('/profile-confirmations/:candidateId', async (req, res) => {
    res.json(await profileConfirmations.put(req.params.candidateId, profileConfirmationBody.parse(req.body)));
  });

  /**
   * Stores a PDF sent as base64 in JSON (within the service's 8 MB JSON limit: files up to 5 MB);
   * idempotent: 201 when stored, 200 when the same file of that kind was already stored.
   */
  router.post('/application-files', async (req, res) => {
    const { contentBase64, ...meta } = storeApplicationFileBody.parse(req.body);
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'File is empty', 'contentBase64');
    const { file, created } = await applicationFiles.store(meta, bytes);
    res.status(created ? 201 : 200).json({ ...file, created });
  });

  /**
   * Stores several PDFs (an application's uploads) in one request and one insert, each as
   * idempotently as `POST /application-files`; answers them in order, each with its `created`.
   */
  router.post('/application-files/batch', async (req, res) => {
    const { files } = storeApplicationFilesBody.parse(req.body);
    const items = files.map(({ contentBase64, ...meta }, i) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'File is empty', `files.${i}.contentBase64`);
      return { meta, bytes };
    });
    const stored = await applicationFiles.storeMany(items);
    res.status(stored.some((s) => s.created) ? 201 : 200).json({
      items: stored.map(({ file, created }) => ({ ...file, created })),
    });
  });

  router.get('/application-files', async (req, res) => {
    const { applicationIds } = applicationFileListQuery.parse(req.query);
    res.json({ items: await applicationFiles.listLinked(applicationIds) });
  });

  router.post('/application-files/link', async (req, res) => {
    const { applicationId, ids } = linkApplicationFilesBody.parse(req.body);
    res.json({ items: await applicationFiles.link(applicationId, ids) });
  });

  router.get('/application-files/:id', async (req, res) => {
    const file = await applicationFiles.get(req.params.id);
    if (!file) throw notFound('Application file');
    res.json(file);
  });

  router.get('/application-files/:id/content', async (req, res) => {
    const found = await applicationFiles.content(req.params.id);
    if (!found) throw notFound('Application file');
    res.setHeader('Content-Type', found.file.contentType);
    res.setHeader('X-Content-SHA256', found.file.sha256);
    res.send(found.bytes);
  });

  router.delete('/application-files/:id', async (req, res) => {
    res.json({ deleted: await applicationFiles.discardUnlinked(req.params.id) });
  });

  router.get('/changes', async (req, res) => {
    const { since, after, limit } = changeListQuery.parse(req.query);
    res.json(await changes.list(since, limit, after));
  });
}
