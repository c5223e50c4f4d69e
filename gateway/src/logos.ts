/**
 * GET /logos/<sha256>: an agency's uploaded logo for the portal's header. Logos are public letterhead and
 * addressed by content hash, so a response never changes and is cached for a year.
 */
import type express from 'express';
import type { GatewayDeps } from './context';

export function logoRoutes(app: express.Express, deps: GatewayDeps): void {
  app.get('/logos/:sha256', (req, res) => {
    const sha256 = req.params.sha256;
    if (!/^[0-9a-f]{64}$/.test(sha256))
      return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Logo tidak ditemukan' } });
    deps.services.document.getLogo(sha256).then(
      (logo) => {
        if (!logo) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Logo tidak ditemukan' } });
        res.setHeader('Content-Type', logo.contentType);
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.send(logo.bytes);
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'logo download failed');
        res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan dokumen tidak tersedia' } });
      },
    );
  });
}
