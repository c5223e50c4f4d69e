/** Import templates for download, one per kind (no data in them: public, like a blank form). */
import type express from 'express';
import type { GatewayDeps } from '../context';
import { templateCsv, templateKind, templateXlsx } from './template';

export function importRoutes(app: express.Express, deps: GatewayDeps): void {
  app.get('/imports/templates/:file', (req, res) => {
    const year = new Date().getUTCFullYear();
    const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(req.params.file);
    const kind = m ? templateKind(m[1]!) : null;
    if (!m || !kind) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Templat tidak ditemukan' } });
      return;
    }
    const name = `templat-${m[1]}.${m[2]}`;
    if (m[2] === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      // A BOM so that Excel opens the UTF-8 text with its accents intact.
      res.send(`\uFEFF${templateCsv(kind, year)}`);
      return;
    }
    templateXlsx(kind, year).then(
      (buf) => {
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        res.send(buf);
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'import template failed');
        res.status(500).json({ error: { code: 'INTERNAL', message: 'Templat gagal dibuat' } });
      },
    );
  });
}
