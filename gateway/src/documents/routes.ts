/** Document downloads and the public verification page, beside the GraphQL endpoint. */
import express from 'express';
import multer from 'multer';
import { createContext, type GatewayDeps } from '../context';
import { canReadDocument } from './access';
import { renderVerificationPage, type VerificationPage } from './page';
import { MAX_VERIFY_FILE_BYTES, verifyDocument } from './verification';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_VERIFY_FILE_BYTES, files: 1, fields: 5 },
});

export function documentRoutes(app: express.Express, deps: GatewayDeps): void {
  // PDF download: public documents to anyone, restricted ones to the people of their selection.
  app.get('/documents/:file', (req, res) => {
    const id = req.params.file.replace(/\.pdf$/i, '');
    (async () => {
      const ctx = await createContext(deps, req.headers.authorization);
      const doc = await deps.services.document.getDocument(id);
      if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Dokumen tidak ditemukan' } });
      if (!(await canReadDocument(ctx, doc))) {
        return void (ctx.user
          ? res.status(403).json({
              error: { code: 'FORBIDDEN', message: 'Dokumen ini terbatas untuk panitia seleksi, PPK dan pengawas' },
            })
          : res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk' } }));
      }
      const pdf = await deps.services.document.getPdf(doc.id);
      if (!pdf) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Dokumen tidak ditemukan' } });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${pdf.filename ?? `${doc.id}.pdf`}"`);
      res.setHeader('X-Content-SHA256', doc.sha256);
      res.send(pdf.bytes);
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'document download failed');
      res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Layanan dokumen tidak tersedia' } });
    });
  });

  const page = async (
    res: express.Response,
    input: { code: string; file: Uint8Array | null },
    status = 200,
  ): Promise<void> => {
    const view: VerificationPage = {
      code: input.code,
      result: null,
      withCode: Boolean(input.code.trim()),
      error: null,
      selectionTitle: null,
      publicUrl: deps.config.PUBLIC_URL,
    };
    if (input.code.trim() || input.file) {
      try {
        view.result = await verifyDocument(deps.services, input);
        const doc = view.result.document;
        const chainId = doc?.auditChainId;
        const [selection, chain] = await Promise.all([
          doc?.selectionId ? deps.services.candidate.getSelection(doc.selectionId) : null,
          chainId && doc?.auditChainHead ? deps.services.candidate.verifyAudit(chainId, doc.auditChainHead) : null,
        ]);
        view.selectionTitle = selection?.title ?? null;
        view.auditChain = chain;
      } catch (err) {
        const e = err as { extensions?: { code?: string }; message?: string };
        if (e.extensions?.code !== 'VALIDATION_FAILED') throw err;
        view.error = e.message ?? 'Masukan tidak valid';
        status = 400;
      }
    }
    res.status(status).type('html').send(renderVerificationPage(view));
  };
  /** The page with only an error to show (bad upload, service down). */
  const errorPage = (res: express.Response, status: number, error: string) =>
    void res
      .status(status)
      .type('html')
      .send(
        renderVerificationPage({
          code: '',
          result: null,
          withCode: false,
          error,
          selectionTitle: null,
          publicUrl: deps.config.PUBLIC_URL,
        }),
      );
  const failed = (res: express.Response) => (err: unknown) => {
    deps.logger.error({ err }, 'verification page failed');
    errorPage(res, 502, 'Layanan verifikasi sedang tidak tersedia; coba lagi nanti.');
  };

  app.get('/verifikasi', (req, res) => {
    const code = typeof req.query.kode === 'string' ? req.query.kode : '';
    page(res, { code, file: null }).catch(failed(res));
  });
  app.get('/verifikasi/:code', (req, res) => void page(res, { code: req.params.code, file: null }).catch(failed(res)));
  app.post('/verifikasi', (req, res) => {
    upload.single('file')(req, res, (err: unknown) => {
      if (err) {
        const tooLarge = (err as { code?: string }).code === 'LIMIT_FILE_SIZE';
        return errorPage(res, 400, tooLarge ? 'Berkas lebih dari 10 MB' : 'Unggahan tidak dapat dibaca');
      }
      const body = req.body as { code?: unknown } | undefined;
      const code = typeof body?.code === 'string' ? body.code : '';
      const file = req.file ? new Uint8Array(req.file.buffer) : null;
      page(res, { code, file }).catch(failed(res));
    });
  });
}
