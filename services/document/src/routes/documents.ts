import type { Router } from 'express';
import { notFound } from '@seleksi/kit';
import type { DocumentIssuer } from '../issuer';
import { toDocumentDto, type DocumentRepositories } from '../repositories';
import { documentListQuery, issueDocumentBody } from '../schemas';

export function documentRoutes(router: Router, { documents }: DocumentRepositories, issuer: DocumentIssuer): void {
  router.post('/documents', async (req, res) => {
    const { document, created } = await issuer.issue(issueDocumentBody.parse(req.body));
    res.status(created ? 201 : 200).json(document);
  });

  router.get('/documents', async (req, res) => {
    const { selectionId } = documentListQuery.parse(req.query);
    res.json({ items: (await documents.listBySelection(selectionId)).map(toDocumentDto) });
  });

  router.get('/documents/:id', async (req, res) => {
    const doc = await documents.get(req.params.id);
    if (!doc) throw notFound('Document');
    res.json(toDocumentDto(doc));
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
