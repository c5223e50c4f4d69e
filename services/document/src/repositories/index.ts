import type { DocumentModels } from '../models';
import { createDocumentPartRepository } from './document-parts';
import { createDocumentRepository } from './documents';
import { createLogoRepository } from './logos';
import { createNumberClaimRepository } from './number-claims';
import { createServiceMetaRepository } from './service-meta';

export { toDocumentDto } from './documents';

export function createDocumentRepositories(models: DocumentModels) {
  return {
    documents: createDocumentRepository(models),
    numberClaims: createNumberClaimRepository(models),
    logos: createLogoRepository(models),
    documentParts: createDocumentPartRepository(models),
    serviceMeta: createServiceMetaRepository(models),
  };
}
export type DocumentRepositories = ReturnType<typeof createDocumentRepositories>;
