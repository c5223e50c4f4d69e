/**
 * Issued documents: metadata, versions (corrections), the content a correction edits, public
 * verification by code or file, and corrections. Issued documents never change.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  SIGNATURE_STATUSES,
  VERIFICATION_STATUSES,
  type AnnouncementChanges,
  type DocumentDto,
  type DocumentVerificationDto,
  type SignatureCheckDto,
  type IssueDocumentRequest,
  type OfficialDocumentChanges,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { AuditVerification } from '@seleksi/kit';
import type { GraphQLContext } from '../context';
import { canCorrectDocument, canReadDocument } from '../documents/access';
import { auditChainText } from '../documents/page';
import { readUpload, signatureMessage, verificationMessage, verifyDocument } from '../documents/verification';
import { gqlError, typed } from '../errors';
import { arrayConnection } from '../relay/connections';
import { AuditChainHeadType, AuditVerificationType } from './audit-chain';
import { parseInput } from './input';

builder.scalarType('File', {
  description: 'An uploaded file (GraphQL multipart request)',
  serialize: () => {
    throw new Error('File is an input type');
  },
  parseValue: (v) => {
    const file = v as { size?: unknown; arrayBuffer?: unknown };
    if (typeof file?.arrayBuffer !== 'function' || typeof file.size !== 'number') {
      throw gqlError('VALIDATION_FAILED', 'Unggah berkas sebagai multipart', 'file');
    }
    return v as File;
  },
});

const IssuerType = builder.simpleObject('DocumentIssuer', {
  description: 'Who issued a document, as printed on it',
  fields: (t) => ({
    agencyName: t.string(),
    signatoryName: t.string(),
    signatoryTitle: t.string(),
  }),
});

/** A document the signed-in user may read, or null (restricted documents stay hidden). */
async function readable(ctx: GraphQLContext, id: string | null | undefined): Promise<DocumentDto | null> {
  if (!id) return null;
  const doc = await ctx.loaders.document.load(id);
  return doc && (await canReadDocument(ctx, doc)) ? doc : null;
}

export const DocumentType = builder.objectRef<DocumentDto>('Document');

const DecreeContentType = builder.simpleObject('DecreeContent', {
  description: 'Menimbang, Mengingat and the dictums (KESATU, KEDUA, …) of a decree',
  fields: (t) => ({
    considering: t.stringList(),
    legalBasis: t.stringList(),
    decisions: t.stringList(),
  }),
});

interface ContentView {
  source: IssueDocumentRequest;
}

const TableRowType = builder.simpleObject('DocumentTableRow', {
  fields: (t) => ({ cells: t.stringList() }),
});

const DocumentTableRowsType = builder
  .objectRef<{
    caption?: string;
    columns: { header: string; width?: number; align?: string }[];
    rows: string[][];
  }>('DocumentTableContent')
  .implement({
    description: 'A table of a document: caption, column headers and rows of cells',
    fields: (t) => ({
      caption: t.string({ nullable: true, resolve: (x) => x.caption ?? null }),
      headers: t.stringList({ resolve: (x) => x.columns.map((c) => c.header) }),
      rows: t.field({ type: [TableRowType], resolve: (x) => x.rows.map((cells) => ({ cells })) }),
    }),
  });

const DocumentContentType = builder.objectRef<ContentView>('DocumentContent').implement({
  description: 'What a document was issued with: the text a correction starts from',
  fields: (t) => ({
    title: t.string({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? source.selection.title : source.title),
    }),
    subject: t.string({
      nullable: true,
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? null : (source.subject ?? null)),
    }),
    date: t.field({
      type: 'LocalDate',
      resolve: ({ source }) =>
        source.kind === 'VACANCY_ANNOUNCEMENT' ? source.selection.announcementDate : source.date,
    }),
    recipient: t.stringList({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : (source.recipient ?? [])),
    }),
    paragraphs: t.stringList({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : source.paragraphs),
    }),
    closing: t.stringList({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : (source.closing ?? [])),
    }),
    tables: t.field({
      type: [DocumentTableRowsType],
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : (source.tables ?? [])),
    }),
    decree: t.field({
      type: DecreeContentType,
      nullable: true,
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? null : (source.decree ?? null)),
    }),
    attachments: t.stringList({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : (source.attachments ?? [])),
    }),
    copies: t.stringList({
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? [] : (source.copies ?? [])),
    }),
    requirements: t.stringList({
      description: 'Requirements of a vacancy announcement (empty for other kinds)',
      resolve: ({ source }) => (source.kind === 'VACANCY_ANNOUNCEMENT' ? source.selection.requirements : []),
    }),
    signatoryName: t.string({ resolve: ({ source }) => source.signatory.name }),
    signatoryTitle: t.string({ resolve: ({ source }) => source.signatory.title }),
  }),
});

builder.node(DocumentType, {
  description:
    'An issued official document (PDF). Issued documents never change: a correction is a new version with its own number that names the one it replaces',
  id: { resolve: (d) => d.id },
  isTypeOf: (d) => typeof d === 'object' && d !== null && 'verificationCode' in d,
  // `node(id:)` gives restricted documents only to the people of their selection (null otherwise).
  loadOne: (id, ctx) => readable(ctx, id),
  fields: (t) => ({
    kind: t.exposeString('kind'),
    number: t.exposeString('number', { description: "Number from the agency's numbering scheme" }),
    title: t.exposeString('title'),
    date: t.field({ type: 'LocalDate', description: 'The date printed on the document', resolve: (d) => d.date }),
    visibility: t.exposeString('visibility'),
    sha256: t.exposeString('sha256'),
    verificationCode: t.exposeString('verificationCode'),
    sizeBytes: t.exposeInt('sizeBytes'),
    issuedAt: t.field({ type: 'DateTime', resolve: (d) => d.issuedAt }),
    issuedBy: t.field({ type: IssuerType, resolve: (d) => d.issuedBy }),
    selectionId: t.exposeID('selectionId', { nullable: true }),
    selectionTitle: t.string({
      nullable: true,
      description: 'Title of the selection the document belongs to (null for talent-route documents)',
      resolve: async (d, _a, ctx) =>
        d.selectionId ? ((await ctx.loaders.selection.load(d.selectionId))?.title ?? null) : null,
    }),
    version: t.exposeInt('version', { description: '1 for an original; each correction adds one' }),
    auditChainHead: t.field({
      type: AuditChainHeadType,
      nullable: true,
      description: "The round's decision chain head printed on the document (null: none printed)",
      resolve: (d) => d.auditChainHead ?? null,
    }),
    correctionReason: t.exposeString('correctionReason', { nullable: true }),
    supersedes: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The document this correction replaces',
      resolve: (d, _a, ctx) => readable(ctx, d.supersedesId),
    }),
    supersededBy: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The correction that replaced this document; null while it is in force',
      resolve: (d, _a, ctx) => readable(ctx, d.supersededById),
    }),
    versions: t.field({
      type: [DocumentType],
      description: 'Every version of this document, oldest first',
      resolve: async (d, _a, ctx) => (await ctx.services.document.listVersions(d.id)) ?? [d],
    }),
    downloadUrl: t.string({
      description: 'Where the PDF can be downloaded (restricted documents need a token)',
      resolve: (d, _a, ctx) => `${ctx.config.PUBLIC_URL}/documents/${encodeURIComponent(d.id)}.pdf`,
    }),
    verificationUrl: t.string({
      description: 'The public verification page the QR code on the document points to',
      resolve: (d, _a, ctx) => `${ctx.config.PUBLIC_URL}/verifikasi/${encodeURIComponent(d.verificationCode)}`,
    }),
    content: t.field({
      type: DocumentContentType,
      nullable: true,
      description: 'The text the document was issued with, for whoever may correct it (null for others)',
      resolve: async (d, _a, ctx) => {
        if (!canCorrectDocument(ctx, d)) return null;
        const source = await ctx.services.document.getDocumentSource(d.id);
        return source ? { source } : null;
      },
    }),
  }),
});

const VerificationStatusEnum = builder.enumType('VerificationStatus', {
  values: VERIFICATION_STATUSES,
  description:
    'VALID: issued and in force; SUPERSEDED: issued, then replaced by a correction; FILE_MISMATCH: the file is not the issued one; NOT_FOUND: unknown code; SIGNATURE_INVALID: the file matches the record but its electronic signature does not verify; UNSIGNED_LEGACY: an unsigned document issued before this store signed documents (as trustworthy as the stored record only)',
});

const SignatureStatusEnum = builder.enumType('SignatureStatus', {
  values: SIGNATURE_STATUSES,
  description:
    'VALID: intact since signed, by a certificate of a trusted authority; INVALID: changed or broken; UNTRUSTED: signer not issued by a trusted authority; MISSING: unsigned',
});

const SignatureType = builder.objectRef<SignatureCheckDto>('DocumentSignature').implement({
  description: "The document's PAdES signature as checked against the configured trust anchors",
  fields: (t) => ({
    status: t.field({ type: SignatureStatusEnum, resolve: (s) => s.status }),
    message: t.string({ description: 'The state in Bahasa Indonesia', resolve: (s) => signatureMessage(s.status) }),
    signer: t.exposeString('signer', { nullable: true, description: "The signing certificate's common name" }),
    signerSubject: t.exposeString('signerSubject', { nullable: true }),
    issuer: t.exposeString('issuer', { nullable: true, description: 'Who issued the signing certificate' }),
    validFrom: t.exposeString('validFrom', { nullable: true }),
    validTo: t.exposeString('validTo', { nullable: true }),
    signedAt: t.exposeString('signedAt', { nullable: true }),
  }),
});

interface VerificationView {
  result: DocumentVerificationDto;
  withCode: boolean;
  /** The chain check, made once for the fields that show it. */
  chain?: Promise<AuditVerification | null>;
}

/** The round's chain recomputed against the head the checked document prints (null when it prints none). */
function chainCheck(v: VerificationView, ctx: GraphQLContext): Promise<AuditVerification | null> {
  const d = v.result.document;
  // Set whenever a head is printed (the document service derives it).
  const chain = d?.auditChainId;
  v.chain ??=
    chain && d?.auditChainHead ? ctx.services.candidate.verifyAudit(chain, d.auditChainHead) : Promise.resolve(null);
  return v.chain;
}

const VerificationType = builder.objectRef<VerificationView>('DocumentVerification').implement({
  description:
    'The answer of a public verification: what was issued, by whom, when, for which selection — or a mismatch',
  fields: (t) => ({
    status: t.field({ type: VerificationStatusEnum, resolve: (v) => v.result.status }),
    message: t.string({
      description: 'The answer in Bahasa Indonesia',
      resolve: (v) => verificationMessage(v.result, v.withCode),
    }),
    document: t.field({ type: DocumentType, nullable: true, resolve: (v) => v.result.document }),
    latest: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The version in force when the checked one was superseded',
      resolve: (v) => v.result.latest,
    }),
    fileSha256: t.string({ nullable: true, resolve: (v) => v.result.fileSha256 }),
    auditChain: t.field({
      type: AuditVerificationType,
      nullable: true,
      description:
        "The round's decision chain recomputed now, checked against the head printed on the document (null when " +
        'the document prints none)',
      resolve: (v, _a, ctx) => chainCheck(v, ctx),
    }),
    auditChainMessage: t.string({
      nullable: true,
      description: 'What the chain check means, in Bahasa Indonesia',
      resolve: async (v, _a, ctx) => {
        const chain = await chainCheck(v, ctx);
        const printed = v.result.document?.auditChainHead;
        return chain && printed ? auditChainText(printed, chain) : null;
      },
    }),
    signature: t.field({
      type: SignatureType,
      nullable: true,
      description: 'The electronic signature of the checked file (the uploaded one, else the stored one)',
      resolve: (v) => v.result.signature,
    }),
  }),
});

builder.queryField('verifyDocument', (t) =>
  t.field({
    type: VerificationType,
    description:
      'Public check of a document: by the verification code printed on it, by the PDF file itself (byte for byte), or both (the file must be the document of that code)',
    args: {
      code: t.arg.string({ required: false }),
      file: t.arg({ type: 'File', required: false }),
    },
    resolve: (_r, { code, file }, ctx) =>
      typed(async () => {
        const bytes = file ? await readUpload(file) : null;
        const result = await verifyDocument(ctx.services, { code: code ?? null, file: bytes });
        return { result, withCode: Boolean(code?.trim()) };
      }),
  }),
);

builder.queryField('document', (t) =>
  t.field({
    type: DocumentType,
    nullable: true,
    description: 'One document; restricted ones only for the people of its selection',
    args: { id: t.arg.id() },
    resolve: (_r, { id }, ctx) =>
      typed(async () => {
        const doc = await ctx.loaders.document.load(String(id));
        if (!doc) return null;
        if (!(await canReadDocument(ctx, doc))) {
          throw ctx.user
            ? gqlError('FORBIDDEN', 'Dokumen ini terbatas untuk panitia seleksi, PPK dan pengawas', 'id')
            : gqlError('UNAUTHENTICATED', 'Silakan masuk untuk membuka dokumen terbatas', 'id');
        }
        return doc;
      }),
  }),
);

builder.queryField('selectionDocuments', (t) =>
  t.connection(
    {
      type: DocumentType,
      description:
        "A selection's documents, every version, oldest first: public ones for anyone, the rest for its people",
      args: { selectionId: t.arg.id() },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const docs = await ctx.services.document.listDocuments({ selectionId: String(args.selectionId) });
          const allowed = await Promise.all(docs.map((d) => canReadDocument(ctx, d)));
          return arrayConnection(
            args,
            docs.filter((_d, i) => allowed[i]),
          );
        }),
    },
    { name: 'DocumentConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

const DocumentTableRowInput = builder.inputType('DocumentTableRowInput', {
  fields: (t) => ({ cells: t.stringList() }),
});

const DocumentTableInput = builder.inputType('DocumentTableInput', {
  fields: (t) => ({
    caption: t.string({ required: false }),
    headers: t.stringList(),
    rows: t.field({ type: [DocumentTableRowInput] }),
  }),
});

const DecreeContentInput = builder.inputType('DecreeContentInput', {
  fields: (t) => ({ considering: t.stringList(), legalBasis: t.stringList(), decisions: t.stringList() }),
});

const CorrectDocumentInput = builder.inputType('CorrectDocumentInput', {
  description: 'A correction: the reason and only the parts that change (the rest is copied from the document)',
  fields: (t) => ({
    documentId: t.id(),
    reason: t.string(),
    idempotencyKey: t.string({
      required: false,
      description: 'Same key → same correction (default: derived from the document and the changes)',
    }),
    title: t.string({ required: false }),
    subject: t.string({ required: false }),
    date: t.field({ type: 'LocalDate', required: false, description: 'Default: today in the agency time zone' }),
    recipient: t.stringList({ required: false }),
    paragraphs: t.stringList({ required: false }),
    closing: t.stringList({ required: false }),
    tables: t.field({ type: [DocumentTableInput], required: false }),
    decree: t.field({ type: DecreeContentInput, required: false }),
    attachments: t.stringList({ required: false }),
    copies: t.stringList({ required: false }),
    requirements: t.stringList({ required: false, description: 'Vacancy announcements only' }),
    registrationClosesAt: t.field({ type: 'DateTime', required: false, description: 'Vacancy announcements only' }),
  }),
});

const correctionSchema = z.object({
  documentId: z.string().min(1),
  reason: z.string().trim().min(5, 'Alasan perbaikan minimal 5 karakter').max(2000),
  idempotencyKey: z.string().trim().min(1).max(200).nullish(),
});

type CorrectionArgs = typeof CorrectDocumentInput.$inferInput;

/** The input's changes in the shape the document service expects for the document's kind. */
function changesFor(kind: DocumentDto['kind'], input: CorrectionArgs): OfficialDocumentChanges | AnnouncementChanges {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
  if (kind === 'VACANCY_ANNOUNCEMENT') {
    for (const field of [
      'subject',
      'recipient',
      'paragraphs',
      'closing',
      'tables',
      'decree',
      'attachments',
      'copies',
    ] as const) {
      if (input[field] != null)
        throw gqlError('VALIDATION_FAILED', 'Bagian ini tidak ada pada pengumuman lowongan', `input.${field}`);
    }
    return defined({
      title: input.title ?? undefined,
      announcementDate: input.date ?? undefined,
      requirements: input.requirements ?? undefined,
      registrationClosesAt: input.registrationClosesAt ? new Date(input.registrationClosesAt).toISOString() : undefined,
    });
  }
  for (const field of ['requirements', 'registrationClosesAt'] as const) {
    if (input[field] != null)
      throw gqlError('VALIDATION_FAILED', 'Bagian ini hanya ada pada pengumuman lowongan', `input.${field}`);
  }
  return defined({
    title: input.title ?? undefined,
    subject: input.subject ?? undefined,
    date: input.date ?? undefined,
    recipient: input.recipient ?? undefined,
    paragraphs: input.paragraphs ?? undefined,
    closing: input.closing ?? undefined,
    tables: input.tables?.map((tb) => ({
      ...(tb.caption ? { caption: tb.caption } : {}),
      columns: tb.headers.map((header) => ({ header })),
      rows: tb.rows.map((r) => r.cells),
    })),
    decree: input.decree ?? undefined,
    attachments: input.attachments ?? undefined,
    copies: input.copies ?? undefined,
  });
}

builder.mutationField('correctDocument', (t) =>
  t.field({
    type: DocumentType,
    description:
      'Issues a corrected version of a document (new number, version + 1, printing what it replaces and why). Only the newest version can be corrected',
    authScopes: { roles: ['PANSEL_SECRETARY', 'PPK', 'ADMIN'] },
    args: { input: t.arg({ type: CorrectDocumentInput }) },
    resolve: (_r, { input }, ctx) =>
      typed(async () => {
        const base = parseInput(correctionSchema, input);
        const doc = await ctx.loaders.document.load(base.documentId);
        if (!doc) throw gqlError('NOT_FOUND', 'Dokumen tidak ditemukan', 'input.documentId');
        if (!canCorrectDocument(ctx, doc))
          throw gqlError('FORBIDDEN', 'Dokumen ini milik instansi lain', 'input.documentId');
        // An already corrected document is refused by the service, which also recognises a retry of the same correction.
        const changes = changesFor(doc.kind, input);
        if (Object.keys(changes).length === 0) {
          throw gqlError('VALIDATION_FAILED', 'Tidak ada bagian yang diubah', 'input');
        }
        const user = ctx.user!;
        const idempotencyKey =
          base.idempotencyKey ??
          `correction:${doc.id}:${createHash('sha256')
            .update(JSON.stringify([base.reason, changes]))
            .digest('hex')
            .slice(0, 32)}`;
        try {
          // The correction prints the round's chain head as it is now (the original printed its own).
          const chain = doc.auditChainId ?? doc.selectionId;
          const auditChainHead = chain ? (await ctx.services.candidate.verifyAudit(chain)).head : null;
          return await ctx.services.document.correctDocument(doc.id, {
            idempotencyKey,
            reason: base.reason,
            correctedBy: { userId: user.id, displayName: user.displayName },
            changes,
            auditChainHead,
          });
        } catch (err) {
          const e = err as { code?: string; field?: string };
          if (e.code === 'CONFLICT' && e.field === 'source') {
            throw gqlError(
              'CONFLICT',
              'Dokumen ini diterbitkan sebelum perbaikan didukung; terbitkan dokumen baru',
              'input.documentId',
            );
          }
          if (e.code === 'CONFLICT') {
            throw gqlError('CONFLICT', 'Dokumen ini sudah diperbaiki; perbaiki versi terbaru', 'input.documentId');
          }
          if (e.code === 'VALIDATION_FAILED') {
            const field = (e.field ?? 'changes').replace(/^changes/, 'input');
            throw gqlError('VALIDATION_FAILED', `Isian perbaikan tidak valid (${field})`, field);
          }
          throw err;
        }
      }),
  }),
);
