/**
 * Application documents beside GraphQL: the download at `GET /application-files/<id>` (the owner and
 * the staff who may read the application), and the size guard on multipart uploads.
 */
import type express from 'express';
import { createContext, type GatewayDeps } from '../context';
import { MAX_VERIFY_FILE_BYTES } from '../documents/verification';
import { canReadApplication } from './access';

const notFound = { error: { code: 'NOT_FOUND', message: 'Berkas tidak ditemukan' } };

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

  app.get('/application-files/:id', (req, res) => {
    (async () => {
      const ctx = await createContext(deps, req.headers.authorization);
      if (!ctx.user) {
        return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk' } });
      }
      const file = await deps.services.candidate.getApplicationFile(req.params.id);
      // Unlinked files belong to no application (a refused submission): nobody reads them.
      if (!file || !file.linkedAt) return void res.status(404).json(notFound);
      const application = await ctx.loaders.application.load(file.applicationId);
      if (!application) return void res.status(404).json(notFound);
      if (!(await canReadApplication(ctx, application))) {
        return void res
          .status(403)
          .json({ error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang mengunduh berkas ini' } });
      }
      const bytes = await deps.services.candidate.getApplicationFileContent(file.id);
      if (!bytes) return void res.status(404).json(notFound);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      res.setHeader('X-Content-SHA256', file.sha256);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(bytes);
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'application file download failed');
      if (!res.headersSent) {
        res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan berkas tidak tersedia' } });
      }
    });
  });
}
