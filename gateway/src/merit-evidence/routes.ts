/**
 * Evidence PDFs of merit-system assessments at `GET /merit-evidence/<id>`: the agency's own staff
 * (secretariat, administrator, PPK), the overseer and national administrators.
 */
import type express from 'express';
import { createContext, type GatewayDeps } from '../context';

const notFound = { error: { code: 'NOT_FOUND', message: 'Berkas tidak ditemukan' } };

export function meritEvidenceRoutes(app: express.Express, deps: GatewayDeps): void {
  app.get('/merit-evidence/:id', (req, res) => {
    (async () => {
      const ctx = await createContext(deps, req.headers.authorization);
      const u = ctx.user;
      if (!u) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk' } });
      const file = await deps.services.assessment.getMeritEvidence(req.params.id);
      if (!file) return void res.status(404).json(notFound);
      const staff = ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK'].includes(u.role) && u.agencyCode === file.agencyCode;
      if (!(staff || u.role === 'OVERSEER' || u.role === 'ADMIN')) {
        return void res
          .status(403)
          .json({ error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang mengunduh berkas ini' } });
      }
      const bytes = await deps.services.assessment.getMeritEvidenceContent(file.id);
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
      deps.logger.error({ err }, 'merit evidence download failed');
      if (!res.headersSent) {
        res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan berkas tidak tersedia' } });
      }
    });
  });
}
