import type { Router } from 'express';
import { z } from 'zod';
import { IMPORT_CHUNK_ROWS, IMPORT_KINDS, IMPORT_ROW_CLASSES, type ImportedRow } from '@seleksi/domain';
import { idField, notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { profileBody } from '../schemas';

const cellError = z.object({
  line: z.number().int().min(0),
  column: z.string().max(200),
  message: z.string().max(500),
});
const counts = z.object({
  new: z.number().int().min(0),
  changed: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  refused: z.number().int().min(0),
});

const createBody = z.object({
  agencyCode: idField,
  kind: z.enum(IMPORT_KINDS).default('PROFILES'),
  fileName: z.string().trim().min(1).max(300),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  byUserId: idField,
  byName: z.string().trim().min(1).max(300),
  rows: z.number().int().min(0),
  refusedInFile: z.number().int().min(0),
  errors: z.array(cellError).max(1000),
  chunkCount: z.number().int().min(0).max(10_000),
});

const chunkBody = z
  .object({
    lines: z.array(z.number().int().min(2)).max(IMPORT_CHUNK_ROWS),
    rows: z.array(profileBody.omit({ id: true })).max(IMPORT_CHUNK_ROWS),
  })
  .refine((b) => b.lines.length === b.rows.length, { message: 'lines and rows differ in length', path: ['lines'] });

/** Rows of another kind, validated by the gateway and by the service that owns them (which commits them). */
const classifiedChunkBody = z
  .object({
    lines: z.array(z.number().int().min(2)).max(IMPORT_CHUNK_ROWS),
    rows: z.array(z.record(z.string(), z.unknown())).max(IMPORT_CHUNK_ROWS),
    classes: z.array(z.enum(IMPORT_ROW_CLASSES)).max(IMPORT_CHUNK_ROWS),
    refusals: z.array(cellError).max(IMPORT_CHUNK_ROWS),
  })
  .refine((b) => b.lines.length === b.rows.length && b.classes.length === b.rows.length, {
    message: 'lines, rows and classes differ in length',
    path: ['lines'],
  });

const chunkParams = z.object({ id: idField, n: z.coerce.number().int().min(0) });

/**
 * Imports of an agency's data, profiles and the other kinds (the gateway parses and validates the file,
 * the import workflow commits; the other kinds' rows are only staged here, `classified-chunks`):
 * `POST /profile-imports` → staged chunks `PUT …/chunks/:n` → `POST …/seal` (the preview) →
 * `POST …/begin`, `POST …/chunks/:n/commit`, `POST …/finish`.
 */
export function profileImportRoutes(router: Router, { profileImports, profileVersions }: CandidateRepositories): void {
  router.post('/profile-imports', async (req, res) => {
    res.status(201).json(await profileImports.create(createBody.parse(req.body)));
  });

  router.get('/profile-imports', async (req, res) => {
    const { agencyCode, limit, kind } = z
      .object({
        agencyCode: idField,
        limit: z.coerce.number().int().min(1).max(100).default(20),
        kind: z.enum(IMPORT_KINDS).optional(),
      })
      .parse(req.query);
    res.json({ items: await profileImports.listByAgency(agencyCode, limit, kind) });
  });

  router.get('/profile-imports/:id', async (req, res) => {
    const imp = await profileImports.get(req.params.id);
    if (!imp) throw notFound('Import');
    res.json(imp);
  });

  router.put('/profile-imports/:id/chunks/:n', async (req, res) => {
    const { id, n } = chunkParams.parse(req.params);
    res.json(await profileImports.stageChunk(id, n, chunkBody.parse(req.body)));
  });

  router.put('/profile-imports/:id/classified-chunks/:n', async (req, res) => {
    const { id, n } = chunkParams.parse(req.params);
    const body = classifiedChunkBody.parse(req.body);
    res.json(
      await profileImports.stageClassifiedChunk(id, n, { ...body, rows: body.rows as unknown as ImportedRow[] }),
    );
  });

  router.get('/profile-imports/:id/chunks/:n', async (req, res) => {
    const { id, n } = chunkParams.parse(req.params);
    res.json(await profileImports.chunk(id, n));
  });

  router.post('/profile-imports/:id/chunks/:n/committed', async (req, res) => {
    const { id, n } = chunkParams.parse(req.params);
    res.json(await profileImports.chunkCommitted(id, n, counts.parse(req.body)));
  });

  router.post('/profiles/owners-by-nip', async (req, res) => {
    const { nips } = z.object({ nips: z.array(z.string().regex(/^\d{18}$/)).max(IMPORT_CHUNK_ROWS) }).parse(req.body);
    res.json({ items: await profileImports.ownersByNip(nips) });
  });

  router.post('/profile-imports/:id/seal', async (req, res) => {
    res.json(await profileImports.seal(req.params.id));
  });

  router.post('/profile-imports/:id/begin', async (req, res) => {
    res.json({ proceed: await profileImports.begin(req.params.id) });
  });

  router.post('/profile-imports/:id/chunks/:n/commit', async (req, res) => {
    const { id, n } = chunkParams.parse(req.params);
    const { at } = z.object({ at: z.iso.datetime({ offset: true }) }).parse(req.body);
    res.json(await profileImports.commitChunk(id, n, new Date(at)));
  });

  router.post('/profile-imports/:id/finish', async (req, res) => {
    const body = z.object({ committed: counts, at: z.iso.datetime({ offset: true }) }).parse(req.body);
    res.json(await profileImports.finish(req.params.id, body.committed, new Date(body.at)));
  });

  router.get('/profiles/:id/versions', async (req, res) => {
    res.json({ items: await profileVersions.list(req.params.id) });
  });
}
