import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import { DomainError } from '@seleksi/domain';
import type { DocumentDto, DocumentVerificationDto, SignatureCheckDto } from '@seleksi/domain';
import type { DocumentDoc } from '../models';
import { toDocumentDto, type DocumentRepositories } from '../repositories';
import type { DocumentSigner } from '../signing';
import { isVerificationCode, normalizeVerificationCode } from '../verification-code';

/** PDFs start with '%PDF-' (a few bytes of junk before it are tolerated by readers, so look at the first 1 KB). */
const looksLikePdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes('%PDF-');

export function verifyRoutes(
  router: Router,
  { documents }: DocumentRepositories,
  signer: DocumentSigner,
  signingSince: Date,
): void {
  /** An unsigned file stored before this store first signed: a document of before signing, not a forgery. */
  async function issuedBeforeSigning(doc: DocumentDoc, signature: SignatureCheckDto): Promise<boolean> {
    if (signature.status !== 'MISSING') return false;
    const file = await documents.getFile(doc._id);
    if (!file || file.createdAt >= signingSince) return false;
    // The bytes themselves, not the stored hash fields, must be the recorded document.
    return createHash('sha256').update(file.bytes).digest('hex') === doc.sha256;
  }

  /**
   * VALID or SUPERSEDED (with the newest version) for a found document whose file's signature verifies with
   * the trust anchors; UNSIGNED_LEGACY for an unsigned one issued before signing began; SIGNATURE_INVALID
   * otherwise — the stored hash alone can be edited in the database.
   */
  async function verdict(
    doc: DocumentDoc,
    fileSha256: string | null,
    signature: SignatureCheckDto,
  ): Promise<DocumentVerificationDto> {
    if (signature.status !== 'VALID') {
      const status = (await issuedBeforeSigning(doc, signature)) ? 'UNSIGNED_LEGACY' : 'SIGNATURE_INVALID';
      return { status, document: toDocumentDto(doc), latest: null, fileSha256, signature };
    }
    const line = await documents.versions(doc);
    const latest = line.at(-1) ?? doc;
    const dto = (d: DocumentDoc): DocumentDto => {
      const i = line.findIndex((x) => x._id === d._id);
      return { ...toDocumentDto(d), supersededById: line[i + 1]?._id ?? null };
    };
    return latest._id === doc._id
      ? { status: 'VALID', document: dto(doc), latest: null, fileSha256, signature }
      : { status: 'SUPERSEDED', document: dto(doc), latest: dto(latest), fileSha256, signature };
  }

  /** The signature of the stored file of `doc` (a missing file counts as an unsigned one). */
  async function storedSignature(doc: DocumentDoc): Promise<SignatureCheckDto> {
    const file = await documents.getFile(doc._id);
    return signer.check(file?.bytes ?? Buffer.alloc(0));
  }

  async function byCode(raw: string): Promise<DocumentDoc | null> {
    const code = normalizeVerificationCode(raw);
    return isVerificationCode(code) ? documents.findByVerificationCode(code) : null;
  }

  /** Checks a printed verification code: 200 with a verdict, NOT_FOUND as a verdict too (never a 404). */
  router.get('/verify/:code', async (req, res) => {
    const doc = await byCode(req.params.code);
    const none: DocumentVerificationDto = {
      status: 'NOT_FOUND',
      document: null,
      latest: null,
      fileSha256: null,
      signature: null,
    };
    res.json(doc ? await verdict(doc, null, await storedSignature(doc)) : none);
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
      const signature = signer.check(body);
      const code = typeof req.query.code === 'string' && req.query.code.trim() ? req.query.code : null;
      if (code) {
        const doc = await byCode(code);
        if (!doc) {
          return void res.json({ status: 'NOT_FOUND', document: null, latest: null, fileSha256: sha256, signature });
        }
        if (doc.sha256 !== sha256) {
          return void res.json({
            status: 'FILE_MISMATCH',
            document: toDocumentDto(doc),
            latest: null,
            fileSha256: sha256,
            signature,
          });
        }
        return void res.json(await verdict(doc, sha256, signature));
      }
      const doc = await documents.findBySha256(sha256);
      res.json(
        doc
          ? await verdict(doc, sha256, signature)
          : { status: 'FILE_MISMATCH', document: null, latest: null, fileSha256: sha256, signature },
      );
    },
  );
}
