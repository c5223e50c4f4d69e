/** Import templates for download (no data in them: public, like a blank form). */
import type express from 'express';
import type { GatewayDeps } from '../context';
import { profileTemplateCsv, profileTemplateXlsx } from './template';

export function importRoutes(app: express.Express, deps: GatewayDeps): void {
  app.get('/imports/templates/:file', (req, res) => {
    const year = new Date().getUTCFullYear();
    const file = req.params.file;
    if (file === 'profil-asn.csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="templat-profil-asn.csv"');
      // A BOM so that Excel opens the UTF-8 text with its accents intact.
      res.send(`\uFEFF${profileTemplateCsv(year)}`);
      return;
    }
    if (file !== 'profil-asn.xlsx') {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Templat tidak ditemukan' } });
      return;
    }
    profileTemplateXlsx(year).then(
      (buf) => {
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('Content-Disposition', 'attachment; filename="templat-profil-asn.xlsx"');
        res.send(buf);
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'import template failed');
        res.status(500).json({ error: { code: 'INTERNAL', message: 'Templat gagal dibuat' } });
      },
    );
  });
}
