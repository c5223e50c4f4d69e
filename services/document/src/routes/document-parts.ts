import type { Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import type { DocumentRepositories } from '../repositories';

/** Parts of a stage document's input, staged by the selection workflow (models/document-part.ts). */
export function documentPartRoutes(router: Router, { documentParts }: DocumentRepositories): void {
  const partIndex = (raw: string): number => {
    const index = Number(raw);
    if (!Number.isInteger(index) || index < 0 || index > 100_000) {
      throw new DomainError('VALIDATION_FAILED', 'Nomor bagian dokumen tidak sah', 'index');
    }
    return index;
  };

  router.put('/document-parts/:key/:index', async (req, res) => {
    const part: unknown = (req.body as { part?: unknown } | undefined)?.part;
    if (part === undefined || part === null || typeof part !== 'object') {
      throw new DomainError('VALIDATION_FAILED', 'Isi bagian dokumen kosong', 'part');
    }
    await documentParts.put(req.params.key, partIndex(req.params.index), JSON.stringify(part));
    res.status(204).end();
  });

  router.get('/document-parts/:key/:index', async (req, res) => {
    const json = await documentParts.get(req.params.key, partIndex(req.params.index));
    if (json === null) throw notFound('Document part');
    res.type('application/json').send(json);
  });
}
