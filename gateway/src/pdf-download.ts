/**
 * One stored PDF sent to a signed-in user at `GET <path>/:id` (application documents, merit-system
 * evidence): 401 without a session, 404 for no such file, 403 when `open` says the user may not read
 * it, 502 when the owning service is out of reach.
 */
import type express from 'express';
import { createContext, type GatewayDeps, type GraphQLContext } from './context';

const notFound = { error: { code: 'NOT_FOUND', message: 'Berkas tidak ditemukan' } };

export interface DownloadableFile {
  id: string;
  fileName: string;
  sha256: string;
}

export interface PdfDownload<F extends DownloadableFile> {
  path: string;
  /** Names the route in the failure log. */
  what: string;
  /** The file and whether this user may read it; null when there is no such file (404). */
  open(
    ctx: GraphQLContext & { user: NonNullable<GraphQLContext['user']> },
    id: string,
  ): Promise<{ file: F; allowed: boolean } | null>;
  content(file: F): Promise<Buffer | null>;
}

export function pdfDownloadRoute<F extends DownloadableFile>(
  app: express.Express,
  deps: GatewayDeps,
  route: PdfDownload<F>,
): void {
  app.get(`${route.path}/:id`, (req, res) => {
    (async () => {
      const ctx = await createContext(deps, req.headers.authorization);
      const user = ctx.user;
      if (!user) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk' } });
      const opened = await route.open({ ...ctx, user }, req.params.id);
      if (!opened) return void res.status(404).json(notFound);
      const { file, allowed } = opened;
      if (!allowed) {
        return void res
          .status(403)
          .json({ error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang mengunduh berkas ini' } });
      }
      const bytes = await route.content(file);
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
      deps.logger.error({ err }, `${route.what} download failed`);
      if (!res.headersSent) {
        res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan berkas tidak tersedia' } });
      }
    });
  });
}
