import type { Connection } from 'mongoose';
import { correctionLinkSchema } from './correction-link';
import { documentFileSchema } from './document-file';
import { documentSchema } from './document';
import { documentPartSchema } from './document-part';
import { logoSchema } from './logo';
import { numberClaimSchema } from './number-claim';
import { serviceMetaSchema } from './service-meta';

export type { CorrectionLinkDoc } from './correction-link';
export type { DocumentDoc } from './document';
export type { DocumentFileDoc } from './document-file';
export type { DocumentPartDoc } from './document-part';
export { documentPartId } from './document-part';
export type { NumberClaimDoc } from './number-claim';
export type { LogoDoc } from './logo';
export type { ServiceMetaDoc } from './service-meta';
export { numberClaimId } from './number-claim';

/** The document service's models, bound to its own connection. */
export function createDocumentModels(conn: Connection) {
  return {
    Document: conn.model('Document', documentSchema, 'documents'),
    DocumentFile: conn.model('DocumentFile', documentFileSchema, 'documentFiles'),
    NumberClaim: conn.model('NumberClaim', numberClaimSchema, 'numberClaims'),
    CorrectionLink: conn.model('CorrectionLink', correctionLinkSchema, 'documentCorrections'),
    Logo: conn.model('Logo', logoSchema, 'logos'),
    DocumentPart: conn.model('DocumentPart', documentPartSchema, 'documentParts'),
    ServiceMeta: conn.model('ServiceMeta', serviceMetaSchema, 'serviceMeta'),
  };
}
export type DocumentModels = ReturnType<typeof createDocumentModels>;
