import type { DocumentDto } from '@seleksi/domain';
import { builder } from '../builder';
import { typed } from '../errors';

export const DocumentType = builder.objectRef<DocumentDto>('Document').implement({
  description: 'An issued official document (PDF); issued documents never change',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    number: t.exposeString('number', { description: "Number from the agency's numbering scheme" }),
    title: t.exposeString('title'),
    visibility: t.exposeString('visibility'),
    sha256: t.exposeString('sha256'),
    verificationCode: t.exposeString('verificationCode'),
    sizeBytes: t.exposeInt('sizeBytes'),
    issuedAt: t.field({ type: 'DateTime', resolve: (d) => d.issuedAt }),
    selectionId: t.exposeID('selectionId', { nullable: true }),
    downloadUrl: t.string({
      description: 'Where the PDF can be downloaded (restricted documents need a token)',
      resolve: (d, _a, ctx) => `${ctx.config.PUBLIC_URL}/documents/${encodeURIComponent(d.id)}.pdf`,
    }),
  }),
});

builder.queryField('verifyDocument', (t) =>
  t.field({
    type: DocumentType,
    nullable: true,
    description: 'Public check of a verification code printed on a document; null when no document has it',
    args: { code: t.arg.string() },
    resolve: (_r, { code }, ctx) => typed(() => ctx.services.document.verifyCode(code.trim().toUpperCase())),
  }),
);
