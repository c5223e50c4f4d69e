import type { Router } from 'express';
import { notFound } from '@seleksi/kit';
import type { DocumentIssuer } from '../issuer';
import { toDocumentDto, type DocumentRepositories } from '../repositories';
import { correctDocumentBody, documentListQuery, issueDocumentBody } from '../schemas';

export function documentRoutes(router: Router, { documents }: DocumentRepositories, issuer: DocumentIssuer): void {
  router.post('/documents', async (req, res) => {
    const { document, created } = await issuer.issue(issueDocumentBody.parse(req.body));
    res.status(created ? 201 : 200).json(document);
  });

  router.get('/documents', async (req, res) => {
    const { selectionId, ids } = documentListQuery.parse(req.query);
    res.json({ items: ids ? await documents.getManyDtos(ids) : await documents.listBySelection(selectionId!) });
  });

  router.get('/documents/:id', async (req, res) => {
    const doc = await documents.get(req.params.id);
    if (!doc) throw notFound('Document');
    res.json(await documents.dto(doc));
  });

  /** Every version of the document's line (the original and its corrections), oldest first. */
  router.get('/documents/:id/versions', async (req, res) => {
    const doc = await documents.get(req.params.id);
    if (!doc) throw notFound('Document');
    const line = await documents.versions(doc);
    res.json({ items: line.map((d, i) => toDocumentDto(d, line[i + 1]?._id ?? null)) });
  });

  /** The content a correction starts from (the request it was rendered from), for editing. */
  router.get('/documents/:id/source', async (req, res) => {
    const file = await documents.getFile(req.params.id);
    if (!file?.source) throw notFound('Document source');
    res.json(file.source);
  });

  /** Issues a corrected version; 201 when new, 200 for a retry with the same idempotency key. */
  router.post('/documents/:id/corrections', async (req, res) => {
    const { document, created } = await issuer.correct(req.params.id, correctDocumentBody.parse(req.body));
    res.status(created ? 201 : 200).json(document);
  });

  router.get('/documents/:id/pdf', async (req, res) => {
    const file = await documents.getFile(req.params.id);
    if (!file) throw notFound('Document');
    res
      .status(200)
      .set({
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        'content-disposition': `inline; filename="${file.fileName}"`,
        // Issued documents never change: the hash is a perfect validator.
        etag: `"${file.sha256}"`,
        'cache-control': 'private, max-age=31536000, immutable',
      })
      .end(file.bytes);
  });
}
