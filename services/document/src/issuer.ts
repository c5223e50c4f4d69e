import { createHash, randomUUID } from 'node:crypto';
import { auditChainOf, DomainError, localDateOf } from '@seleksi/domain';
import type {
  AnnouncementChanges,
  AuditChainHead,
  CorrectDocumentRequest,
  CorrectionNote,
  DocumentDto,
  DocumentVisibility,
  IssueDocumentRequest,
  OfficialDocumentChanges,
} from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import type { DocumentDoc } from './models';
import { DOCUMENT_CLASSES, documentFileName, formatDocumentNumber } from './numbering';
import { toDocumentDto, type DocumentRepositories } from './repositories';
import { announcementChanges, issueDocumentBody, officialDocumentChanges } from './schemas';
import type { DocumentSigner } from './signing';
import { generateVerificationCode } from './verification-code';

/** What the renderer gets besides the request (matches `IssueMeta` of `./pdf`). */
export interface RenderMeta {
  number: string;
  verificationCode: string;
  verifyUrl: string;
  issuedAt: Date;
  correction: CorrectionNote | null;
  logo?: Buffer | null;
  auditChainHead?: AuditChainHead | null;
}

/** The agency's own register pattern for the kind's class, else the default scheme's. */
function registerPattern(req: IssueDocumentRequest, cls: { documentClass: string; pattern: string }): string {
  return req.agency.registers?.find((r) => r.documentClass === cls.documentClass)?.pattern ?? cls.pattern;
}

export type RenderDocument = (req: IssueDocumentRequest, meta: RenderMeta) => Promise<Buffer>;

export interface IssuerDeps {
  repos: DocumentRepositories;
  render: RenderDocument;
  portalPublicUrl: string;
  signer: DocumentSigner;
  now?: () => Date;
}

export function verifyUrl(portalPublicUrl: string, code: string): string {
  return `${portalPublicUrl.replace(/\/+$/, '')}/verifikasi/${encodeURIComponent(code)}`;
}

/** What the issuer stores about a request besides its number. */
function describe(req: IssueDocumentRequest): {
  year: number;
  date: string;
  selectionId: string | null;
  title: string;
  visibility: DocumentVisibility;
} {
  if (req.kind === 'VACANCY_ANNOUNCEMENT') {
    return {
      year: Number(req.selection.announcementDate.slice(0, 4)),
      date: req.selection.announcementDate,
      selectionId: req.selection.id,
      title: `Pengumuman ${req.selection.title}`,
      visibility: DOCUMENT_CLASSES[req.kind].visibility,
    };
  }
  return {
    year: Number(req.date.slice(0, 4)),
    date: req.date,
    selectionId: req.selectionId,
    title: req.title,
    visibility: req.visibility,
  };
}

const reusedKey = () =>
  new DomainError('CONFLICT', 'This idempotency key was used for another document', 'idempotencyKey');

/** The version line a new document continues (absent for an original). */
interface Correction {
  replaced: DocumentDoc;
  reason: string;
  correctedBy: CorrectDocumentRequest['correctedBy'];
}

/** Checks `changes` against the kind of the replaced document; fields at fault are reported under 'changes'. */
function parseChanges(source: IssueDocumentRequest, changes: Record<string, unknown>) {
  const schema = source.kind === 'VACANCY_ANNOUNCEMENT' ? announcementChanges : officialDocumentChanges;
  const parsed = schema.safeParse(changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['changes', ...(issue?.path ?? []).map(String)].join('.');
    throw new DomainError('VALIDATION_FAILED', issue?.message ?? 'Invalid changes', path);
  }
  return parsed.data;
}

/** The request of the corrected document: the replaced one's request with the changes applied. */
export function correctedRequest(
  source: IssueDocumentRequest,
  changes: Record<string, unknown>,
  idempotencyKey: string,
  today: string,
  /** The chain head now: the replaced document's head is the past one, not what the correction follows. */
  auditChainHead: AuditChainHead | null = null,
): IssueDocumentRequest {
  if (source.kind === 'VACANCY_ANNOUNCEMENT') {
    const { signatory, ...selection } = parseChanges(source, changes) as AnnouncementChanges;
    return {
      ...source,
      auditChainHead,
      idempotencyKey,
      selection: { ...source.selection, announcementDate: today, ...selection },
      signatory: signatory ?? source.signatory,
    };
  }
  const parsed = parseChanges(source, changes) as OfficialDocumentChanges;
  // A table given again keeps its column widths and alignment when it has the same columns.
  const tables = parsed.tables?.map((table, i) => {
    const before = source.tables?.[i];
    if (!before || before.columns.length !== table.columns.length) return table;
    return { ...table, columns: table.columns.map((c, j) => ({ ...before.columns[j], ...c })) };
  });
  return { ...source, auditChainHead, idempotencyKey, date: today, ...parsed, ...(tables ? { tables } : {}) };
}

/** Issues documents: number, verification code, render, hash, store; idempotent by `idempotencyKey`. */
export function createDocumentIssuer({ repos, render, portalPublicUrl, signer, now = () => new Date() }: IssuerDeps) {
  const { documents, numberClaims } = repos;

  /**
   * Every step is keyed by the idempotency key (claim → file → metadata), so a retry after any
   * failure finishes the same document with the same number instead of taking a new one.
   */
  async function issue(
    req: IssueDocumentRequest,
    correction: Correction | null,
  ): Promise<{ document: DocumentDto; created: boolean }> {
    const done = await documents.findByKey(req.idempotencyKey);
    if (done) {
      if (done.kind !== req.kind || done.agencyCode !== req.agency.code) throw reusedKey();
      if ((done.supersedesId ?? null) !== (correction?.replaced._id ?? null)) throw reusedKey();
      return { document: await documents.dto(done), created: false };
    }

    const cls = DOCUMENT_CLASSES[req.kind];
    const { year, date, selectionId, title, visibility } = describe(req);
    const scope = { agencyCode: req.agency.code, year, documentClass: cls.documentClass };
    const claim = await numberClaims.claim(scope, {
      idempotencyKey: req.idempotencyKey,
      documentId: randomUUID(),
      issuedAt: now(),
      formatNumber: (seq) =>
        formatDocumentNumber(registerPattern(req, cls), { seq, year, agencyCode: req.agency.code }),
      newVerificationCode: () => generateVerificationCode(),
    });
    // A retry of a failed issue finds its claim; a claim in another register means another document.
    if (claim.agencyCode !== scope.agencyCode || claim.documentClass !== scope.documentClass || claim.year !== year) {
      throw reusedKey();
    }

    let file = await documents.getFile(claim.documentId);
    if (!file) {
      const replaced = correction?.replaced;
      const rendered = await render(req, {
        number: claim.number,
        verificationCode: claim.verificationCode,
        verifyUrl: verifyUrl(portalPublicUrl, claim.verificationCode),
        issuedAt: claim.issuedAt,
        correction: replaced
          ? { number: replaced.number, date: toDocumentDto(replaced).date, reason: correction.reason }
          : null,
        logo: req.agency.logo ? await repos.logos.bytes(req.agency.logo.sha256) : null,
        auditChainHead: req.auditChainHead ?? null,
      });
      // Signed once, here, at the real time (issuedAt may be a simulated clock the certificate knows nothing of);
      // the stored bytes and their hash are the signed ones, and a repeat returns them.
      const bytes = await signer.sign(rendered, req.agency.code);
      file = await documents.insertFile({
        _id: claim.documentId,
        bytes,
        contentType: 'application/pdf',
        fileName: documentFileName(cls.fileStem, claim.number),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdAt: now(),
        source: req,
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
      date,
      issuedBy: { agencyName: req.agency.name, signatoryName: req.signatory.name, signatoryTitle: req.signatory.title },
      version: correction ? (correction.replaced.version ?? 1) + 1 : 1,
      supersedesId: correction?.replaced._id ?? null,
      correctionReason: correction?.reason ?? null,
      correctedBy: correction?.correctedBy ?? null,
      // What was printed: the stored file's request (a retry renders nothing new and prints the first one's head).
      auditChainHead: file.source?.auditChainHead ?? req.auditChainHead ?? null,
      auditChainId: auditChainOf(req),
      idempotencyKey: req.idempotencyKey,
      documentClass: cls.documentClass,
      year,
      seq: claim.seq,
    };
    if (await documents.insert(doc)) return { document: toDocumentDto(doc), created: true };
    const winner = await documents.findByKey(req.idempotencyKey);
    if (!winner) throw new Error('document vanished after a duplicate insert');
    return { document: await documents.dto(winner), created: false };
  }

  return {
    issue: (req: IssueDocumentRequest) => issue(req, null),

    /**
     * Issues the next version of `documentId`: the replaced document's request with the changes, a new
     * number from the same register, dated today, printing what it replaces and why. Only the newest
     * version can be corrected, once; a retry with the same key returns the same correction.
     */
    async correct(
      documentId: string,
      req: CorrectDocumentRequest,
    ): Promise<{ document: DocumentDto; created: boolean }> {
      const replaced = await documents.get(documentId);
      if (!replaced) throw notFound('Document');
      const done = await documents.findByKey(req.idempotencyKey);
      if (done) {
        if (done.supersedesId !== documentId) throw reusedKey();
        return { document: await documents.dto(done), created: false };
      }
      const file = await documents.getFile(documentId);
      if (!file?.source) {
        throw new DomainError('CONFLICT', 'This document was issued before corrections were supported', 'source');
      }
      const request = correctedRequest(
        file.source,
        req.changes,
        req.idempotencyKey,
        // A correction is dated the day it is issued, in the agency's time zone.
        localDateOf(now(), file.source.agency.timeZone),
        req.auditChainHead ?? null,
      );
      // Validated in full before the correction is reserved, so a bad request neither blocks nor claims.
      const valid = issueDocumentBody.safeParse(request);
      if (!valid.success) {
        const issue = valid.error.issues[0];
        throw new DomainError(
          'VALIDATION_FAILED',
          issue?.message ?? 'Invalid correction',
          ['changes', ...(issue?.path ?? []).map(String)].join('.'),
        );
      }
      const link = await documents.claimCorrection(documentId, req.idempotencyKey, now());
      if (link.correctionKey !== req.idempotencyKey) {
        const newer = await documents.successorOf(documentId);
        throw new DomainError(
          'CONFLICT',
          `This document has already been corrected${newer ? ` (document ${newer})` : ''}; correct the newest version`,
          'documentId',
        );
      }
      return issue(valid.data, { replaced, reason: req.reason, correctedBy: req.correctedBy });
    },
  };
}
export type DocumentIssuer = ReturnType<typeof createDocumentIssuer>;
