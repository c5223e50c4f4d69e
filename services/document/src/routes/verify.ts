import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import { DomainError } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import { toDocumentDto, type DocumentRepositories } from '../repositories';
import { isVerificationCode, normalizeVerificationCode } from '../verification-code';

export function verifyRoutes(router: Router, { documents }: DocumentRepositories): void {
  router.get('/verify/:code', async (req, res) => {
    const code = normalizeVerificationCode(req.params.code);
    const doc = isVerificationCode(code) ? await documents.findByVerificationCode(code) : null;
    if (!doc) throw notFound('Document');
    res.json(toDocumentDto(doc));
  });

  router.post(
    '/verify-file',
    express.raw({ type: ['application/pdf', 'application/octet-stream'], limit: '20mb' }),
    async (req, res) => {
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'Send the PDF file as the body (application/pdf)', 'file');
      }
      const doc = await documents.findBySha256(createHash('sha256').update(body).digest('hex'));
      if (!doc) throw notFound('Document');
      res.json(toDocumentDto(doc));
    },
  );
}
