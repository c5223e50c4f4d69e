import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@seleksi/domain';
import type { DocumentDto, DocumentVisibility, IssueDocumentRequest } from '@seleksi/domain';
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

export type RenderDocument = (req: IssueDocumentRequest, meta: RenderMeta) => Promise<Buffer>;

export interface IssuerDeps {
  repos: DocumentRepositories;
  render: RenderDocument;
  portalPublicUrl: string;
  now?: () => Date;
}

export function verifyUrl(portalPublicUrl: string, code: string): string {
  return `${portalPublicUrl.replace(/\/+$/, '')}/verifikasi/${encodeURIComponent(code)}`;
}

/** What the issuer stores about a request besides its number. */
function describe(req: IssueDocumentRequest): {
  year: number;
  selectionId: string | null;
  title: string;
  visibility: DocumentVisibility;
} {
  if (req.kind === 'VACANCY_ANNOUNCEMENT') {
    return {
      year: Number(req.selection.announcementDate.slice(0, 4)),
      selectionId: req.selection.id,
      title: `Pengumuman ${req.selection.title}`,
      visibility: DOCUMENT_CLASSES[req.kind].visibility,
    };
  }
  return {
    year: Number(req.date.slice(0, 4)),
    selectionId: req.selectionId,
    title: req.title,
    visibility: req.visibility,
  };
}

const reusedKey = () =>
  new DomainError('CONFLICT', 'This idempotency key was used for another document', 'idempotencyKey');

/** Issues documents: number, verification code, render, hash, store; idempotent by `idempotencyKey`. */
export function createDocumentIssuer({ repos, render, portalPublicUrl, now = () => new Date() }: IssuerDeps) {
  const { documents, numberClaims } = repos;

  return {
    /**
     * Every step is keyed by the idempotency key (claim → file → metadata), so a retry after any
     * failure finishes the same document with the same number instead of taking a new one.
     */
    async issue(req: IssueDocumentRequest): Promise<{ document: DocumentDto; created: boolean }> {
      const done = await documents.findByKey(req.idempotencyKey);
      if (done) {
        if (done.kind !== req.kind || done.agencyCode !== req.agency.code) throw reusedKey();
        return { document: toDocumentDto(done), created: false };
      }

      const cls = DOCUMENT_CLASSES[req.kind];
      const { year, selectionId, title, visibility } = describe(req);
      const scope = { agencyCode: req.agency.code, year, documentClass: cls.documentClass };
      const claim = await numberClaims.claim(scope, {
        idempotencyKey: req.idempotencyKey,
        documentId: randomUUID(),
        issuedAt: now(),
        formatNumber: (seq) => formatDocumentNumber(cls.pattern, { seq, year, agencyCode: req.agency.code }),
        newVerificationCode: () => generateVerificationCode(),
      });
      // A retry of a failed issue finds its claim; a claim in another register means another document.
      if (claim.agencyCode !== scope.agencyCode || claim.documentClass !== scope.documentClass || claim.year !== year) {
        throw reusedKey();
      }

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
        selectionId,
        number: claim.number,
        title,
        visibility,
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
