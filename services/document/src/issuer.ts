import { createHash, randomUUID } from 'node:crypto';
import type { DocumentDto, VacancyAnnouncementRequest } from '@seleksi/domain';
import type { DocumentDoc } from './models';
import { DOCUMENT_CLASSES, documentFileName, formatDocumentNumber } from './numbering';
import { toDocumentDto, type DocumentRepositories } from './repositories';
import { generateVerificationCode } from './verification-code';

/** What the renderer gets besides the request (matches `IssueMeta` of `./pdf`). */
export interface RenderMeta {
  number: string;
  verificationCode: string;
  verifyUrl: string;
  issuedAt: Date;
}

export type RenderVacancyAnnouncement = (req: VacancyAnnouncementRequest, meta: RenderMeta) => Promise<Buffer>;

export interface IssuerDeps {
  repos: DocumentRepositories;
  render: RenderVacancyAnnouncement;
  portalPublicUrl: string;
  now?: () => Date;
}

export function verifyUrl(portalPublicUrl: string, code: string): string {
  return `${portalPublicUrl.replace(/\/+$/, '')}/verifikasi/${encodeURIComponent(code)}`;
}

/** Issues documents: number, verification code, render, hash, store; idempotent by `idempotencyKey`. */
export function createDocumentIssuer({ repos, render, portalPublicUrl, now = () => new Date() }: IssuerDeps) {
  const { documents, numberClaims } = repos;

  return {
    /**
     * Every step is keyed by the idempotency key (claim → file → metadata), so a retry after any
     * failure finishes the same document with the same number instead of taking a new one.
     */
    async issueVacancyAnnouncement(
      req: VacancyAnnouncementRequest,
    ): Promise<{ document: DocumentDto; created: boolean }> {
      const done = await documents.findByKey(req.idempotencyKey);
      if (done) return { document: toDocumentDto(done), created: false };

      const cls = DOCUMENT_CLASSES[req.kind];
      const year = Number(req.selection.announcementDate.slice(0, 4));
      const scope = { agencyCode: req.agency.code, year, documentClass: cls.documentClass };
      const claim = await numberClaims.claim(scope, {
        idempotencyKey: req.idempotencyKey,
        documentId: randomUUID(),
        issuedAt: now(),
        formatNumber: (seq) => formatDocumentNumber(cls.pattern, { seq, year, agencyCode: req.agency.code }),
        newVerificationCode: () => generateVerificationCode(),
      });

      let file = await documents.getFile(claim.documentId);
      if (!file) {
        const bytes = await render(req, {
          number: claim.number,
          verificationCode: claim.verificationCode,
          verifyUrl: verifyUrl(portalPublicUrl, claim.verificationCode),
          issuedAt: claim.issuedAt,
        });
        file = await documents.insertFile({
          _id: claim.documentId,
          bytes,
          contentType: 'application/pdf',
          fileName: documentFileName(cls.fileStem, claim.number),
          sha256: createHash('sha256').update(bytes).digest('hex'),
          createdAt: now(),
        });
      }

      const doc: DocumentDoc = {
        _id: claim.documentId,
        kind: req.kind,
        agencyCode: req.agency.code,
        selectionId: req.selection.id,
        number: claim.number,
        title: `Pengumuman ${req.selection.title}`,
        visibility: cls.visibility,
        sha256: file.sha256,
        verificationCode: claim.verificationCode,
        sizeBytes: file.bytes.length,
        issuedAt: claim.issuedAt,
        idempotencyKey: req.idempotencyKey,
        documentClass: cls.documentClass,
        year,
        seq: claim.seq,
      };
      if (await documents.insert(doc)) return { document: toDocumentDto(doc), created: true };
      const winner = await documents.findByKey(req.idempotencyKey);
      if (!winner) throw new Error('document vanished after a duplicate insert');
      return { document: toDocumentDto(winner), created: false };
    },
  };
}
export type DocumentIssuer = ReturnType<typeof createDocumentIssuer>;
