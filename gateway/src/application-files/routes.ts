/**
 * Application documents beside GraphQL: the download at `GET /application-files/<id>` (the owner and
 * the staff who may read the application), and the size guard on multipart uploads.
 */
import type express from 'express';
import type { GatewayDeps } from '../context';
import { MAX_VERIFY_FILE_BYTES } from '../documents/verification';
import { pdfDownloadRoute } from '../pdf-download';
import { canReadApplication } from './access';

export function applicationFileRoutes(app: express.Express, deps: GatewayDeps): void {
  // Yoga buffers a multipart request whole before any resolver can look at a file's size: refuse
  // bodies larger than the largest legitimate upload (all application files, or one verified document).
  const maxUpload =
    Math.max(MAX_VERIFY_FILE_BYTES, deps.config.APPLICATION_FILES_MAX * deps.config.APPLICATION_FILE_MAX_BYTES) +
    1024 * 1024;
  app.post('/graphql', (req, res, next) => {
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
    const length = Number(req.headers['content-length'] ?? 0);
    if (!multipart || !(length > maxUpload)) return next();
    res.status(413).json({
      errors: [
        {
          message: `Unggahan terlalu besar (paling banyak ${Math.floor(maxUpload / (1024 * 1024))} MB)`,
          extensions: { code: 'VALIDATION_FAILED', field: 'documents' },
        },
      ],
    });
  });

  pdfDownloadRoute(app, deps, {
    path: '/application-files',
    what: 'application file',
    async open(ctx, id) {
      const file = await deps.services.candidate.getApplicationFile(id);
      // Unlinked files belong to no application (a refused submission): nobody reads them.
      if (!file || !file.linkedAt) return null;
      const application = await ctx.loaders.application.load(file.applicationId);
      if (!application) return null;
      return { file, allowed: await canReadApplication(ctx, application) };
    },
    content: (file) => deps.services.candidate.getApplicationFileContent(file.id),
  });
}
