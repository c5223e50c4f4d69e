import { startDataService, type Logger, type RunningService } from '@seleksi/kit';
import { DOCUMENT_ACCESS } from './access';
import { signingSettings, type DocumentConfig } from './config';
import { createDocumentIssuer, type RenderDocument } from './issuer';
import { createDocumentModels } from './models';
import { renderDocument } from './pdf';
import { createDocumentRepositories } from './repositories';
import { documentServiceRoutes } from './routes';
import { createDocumentSigner, type DocumentSigner } from './signing';

export interface DocumentServiceOptions {
  logger?: Logger;
  /** Replaces the PDF renderer (tests of failure paths). */
  render?: RenderDocument;
  now?: () => Date;
  /** Replaces the signer made from the configuration (tests). */
  signer?: DocumentSigner;
}

/** Starts services/document (issue, number, store, serve and verify PDFs). */
export async function startDocumentService(
  config: DocumentConfig,
  options: DocumentServiceOptions = {},
): Promise<RunningService> {
  // Before anything listens: a missing, unreadable or expired signing certificate stops the start.
  const signer = options.signer ?? createDocumentSigner(signingSettings(config));
  return startDataService({
    name: 'document',
    config,
    port: config.DOCUMENT_PORT,
    host: config.DOCUMENT_HOST,
    dbName: config.DOCUMENT_DB,
    access: DOCUMENT_ACCESS,
    logger: options.logger,
    // A score sheet of a round of thousands is a request of a few MB (its parts are staged first).
    jsonLimit: '16mb',
    models: createDocumentModels,
    routes: async (router, models) => {
      const repos = createDocumentRepositories(models);
      const issuer = createDocumentIssuer({
        repos,
        render: options.render ?? renderDocument,
        portalPublicUrl: config.PORTAL_PUBLIC_URL,
        signer,
        ...(options.now ? { now: options.now } : {}),
      });
      // Real time, not the injected clock: it is compared with when documents were stored, not what they print.
      const signingSince = config.DOCUMENT_SIGNING_SINCE ?? (await repos.serviceMeta.signingSince(new Date()));
      documentServiceRoutes(router, repos, issuer, signer, signingSince);
    },
  });
}
