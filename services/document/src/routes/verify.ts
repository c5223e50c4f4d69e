import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import { DomainError } from '@seleksi/domain';
import type { DocumentDto, DocumentVerificationDto } from '@seleksi/domain';
import type { DocumentDoc } from '../models';
import { toDocumentDto, type DocumentRepositories } from '../repositories';
import { isVerificationCode, normalizeVerificationCode } from '../verification-code';

/** PDFs start with '%PDF-' (a few bytes of junk before it are tolerated by readers, so look at the first 1 KB). */
const looksLikePdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes('%PDF-');

export function verifyRoutes(router: Router, { documents }: DocumentRepositories): void {
  /** VALID or SUPERSEDED (with the newest version) for a found document. */
  async function verdict(doc: DocumentDoc, fileSha256: string | null): Promise<DocumentVerificationDto> {
    const line = await documents.versions(doc);
    const latest = line.at(-1) ?? doc;
    const dto = (d: DocumentDoc): DocumentDto => {
      const i = line.findIndex((x) => x._id === d._id);
      return { ...toDocumentDto(d), supersededById: line[i + 1]?._id ?? null };
    };
    return latest._id === doc._id
      ? { status: 'VALID', document: dto(doc), latest: null, fileSha256 }
      : { status: 'SUPERSEDED', document: dto(doc), latest: dto(latest), fileSha256 };
  }

  async function byCode(raw: string): Promise<DocumentDoc | null> {
    const code = normalizeVerificationCode(raw);
    return isVerificationCode(code) ? documents.findByVerificationCode(code) : null;
  }

  /** Checks a printed verification code: 200 with a verdict, NOT_FOUND as a verdict too (never a 404). */
  router.get('/verify/:code', async (req, res) => {
    const doc = await byCode(req.params.code);
    const none: DocumentVerificationDto = { status: 'NOT_FOUND', document: null, latest: null, fileSha256: null };
    res.json(doc ? await verdict(doc, null) : none);
  });

  /**
   * Checks a file (the raw PDF as the body). With `?code=`, the file must be the very document that code
   * was printed on (FILE_MISMATCH otherwise); without, any issued document with the same SHA-256 matches.
   */
  router.post(
    '/verify-file',
    express.raw({ type: ['application/pdf', 'application/octet-stream'], limit: '20mb' }),
    async (req, res) => {
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'Send the PDF file as the body (application/pdf)', 'file');
      }
      if (!looksLikePdf(body)) throw new DomainError('VALIDATION_FAILED', 'The file is not a PDF', 'file');
      const sha256 = createHash('sha256').update(body).digest('hex');
      const code = typeof req.query.code === 'string' && req.query.code.trim() ? req.query.code : null;
      if (code) {
        const doc = await byCode(code);
        if (!doc) return void res.json({ status: 'NOT_FOUND', document: null, latest: null, fileSha256: sha256 });
        if (doc.sha256 !== sha256) {
          return void res.json({
            status: 'FILE_MISMATCH',
            document: toDocumentDto(doc),
            latest: null,
            fileSha256: sha256,
          });
        }
        return void res.json(await verdict(doc, sha256));
      }
      const doc = await documents.findBySha256(sha256);
      res.json(
        doc
          ? await verdict(doc, sha256)
          : { status: 'FILE_MISMATCH', document: null, latest: null, fileSha256: sha256 },
      );
    },
  );
}
