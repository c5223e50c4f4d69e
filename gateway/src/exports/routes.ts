/**
 * XLSX/CSV downloads beside GraphQL, like `/documents/<id>.pdf` and `/application-files/<id>`: a GET
 * with the session token in the Authorization header, checked by the same rules as the screens. Every
 * check runs before the first byte, so a refusal is a JSON error `{ error: { code, field, message } }`
 * with its HTTP status; the rows are then streamed as they are read from the services.
 *
 *   GET /export/selections/<id>/{applicants|scores|ranking|audit}.{xlsx|csv}
 *   GET /export/talent-map/<agencyCode>/<period>.{xlsx|csv}
 *   GET /export/succession-groups/<id>.{xlsx|csv}
 *   GET /export/oversight/waiting.{xlsx|csv}, /export/oversight/signals/<SIGNAL>.{xlsx|csv} (see oversight-exports.ts)
 */
import type express from 'express';
import { GraphQLError } from 'graphql';
import { createContext, type GatewayDeps, type GraphQLContext } from '../context';
import { gqlError, toGraphQLError } from '../errors';
import { oversightSignalExport, oversightWaitingExport } from './oversight-exports';
import { SELECTION_EXPORTS, selectionExport, type SelectionExport } from './selection-exports';
import { ClientGone, EXPORT_FORMATS, exportHeaders, writeExport, type ExportFormat, type ExportTable } from './table';
import { successionGroupExport, talentMapExport } from './talent-exports';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  WRONG_STAGE: 409,
};

/** 'applicants.xlsx' → ['applicants', 'xlsx']; a typed error for an unknown format. */
function splitFile(file: string): [name: string, format: ExportFormat] {
  const m = /^(.+)\.([a-z]+)$/i.exec(file);
  const format = m?.[2]?.toLowerCase();
  if (!m || !(EXPORT_FORMATS as readonly string[]).includes(format ?? '')) {
    throw gqlError('VALIDATION_FAILED', 'Format ekspor harus xlsx atau csv', 'format');
  }
  return [m[1]!, format as ExportFormat];
}

function serve(
  deps: GatewayDeps,
  build: (ctx: GraphQLContext, req: express.Request) => Promise<{ table: ExportTable; format: ExportFormat }>,
): express.RequestHandler {
  return (req, res) => {
    (async () => {
      let prepared: { table: ExportTable; format: ExportFormat };
      try {
        const ctx = await createContext(deps, req.headers.authorization);
        prepared = await build(ctx, req);
      } catch (err) {
        const e = toGraphQLError(err);
        if (!(e instanceof GraphQLError)) throw err;
        const code = String(e.extensions.code ?? 'INTERNAL');
        const field = typeof e.extensions.field === 'string' ? { field: e.extensions.field } : {};
        return void res.status(STATUS[code] ?? 502).json({ error: { code, ...field, message: e.message } });
      }
      res.status(200).set(exportHeaders(prepared.table, prepared.format));
      await writeExport(res, prepared.table, prepared.format);
    })().catch((err: unknown) => {
      if (err instanceof ClientGone) return void deps.logger.info({ path: req.path }, 'export abandoned by the client');
      deps.logger.error({ err, path: req.path }, 'export failed');
      if (!res.headersSent) {
        res
          .status(502)
          .json({ error: { code: 'UNAVAILABLE', message: 'Ekspor sedang tidak dapat dibuat; coba lagi' } });
      } else {
        // Half a file must not look like a whole one: cut the connection.
        res.destroy();
      }
    });
  };
}

export function exportRoutes(app: express.Express, deps: GatewayDeps): void {
  app.get(
    '/export/selections/:id/:file',
    serve(deps, async (ctx, req) => {
      const [name, format] = splitFile(String(req.params.file));
      if (!(SELECTION_EXPORTS as readonly string[]).includes(name)) {
        throw gqlError('NOT_FOUND', 'Jenis ekspor tidak dikenal', 'export');
      }
      const q = req.query;
      const one = (v: unknown) => (typeof v === 'string' ? v : null);
      const list = { search: one(q.search), sort: one(q.sort), desc: one(q.desc) };
      return { table: await selectionExport(ctx, String(req.params.id), name as SelectionExport, list), format };
    }),
  );
  app.get(
    '/export/talent-map/:agencyCode/:file',
    serve(deps, async (ctx, req) => {
      const [period, format] = splitFile(String(req.params.file));
      return { table: await talentMapExport(ctx, String(req.params.agencyCode), period), format };
    }),
  );
  app.get(
    '/export/oversight/signals/:file',
    serve(deps, async (ctx, req) => {
      const [signal, format] = splitFile(String(req.params.file));
      return { table: await oversightSignalExport(ctx, signal, req.query), format };
    }),
  );
  app.get(
    '/export/oversight/:file',
    serve(deps, async (ctx, req) => {
      const [name, format] = splitFile(String(req.params.file));
      if (name !== 'waiting') throw gqlError('NOT_FOUND', 'Jenis ekspor tidak dikenal', 'export');
      return { table: await oversightWaitingExport(ctx, req.query), format };
    }),
  );
  app.get(
    '/export/succession-groups/:file',
    serve(deps, async (ctx, req) => {
      const [id, format] = splitFile(String(req.params.file));
      return { table: await successionGroupExport(ctx, id), format };
    }),
  );
}
