import type { Router } from 'express';
import { z } from 'zod';
import { IMPORT_CHUNK_ROWS, IMPORT_ROW_CLASSES, JPT_LEVELS, type ImportedRow } from '@seleksi/domain';
import { idField, instantField, isoDateField } from '@seleksi/kit';
import type { AssessmentRepositories } from '../repositories';

const resultRow = z.object({
  nip: z.string().regex(/^\d{18}$/),
  candidateId: idField,
  provider: z.string().trim().min(1).max(300),
  assessedAt: isoDateField,
  managerial: z.number().min(0).max(100),
  socioCultural: z.number().min(0).max(100),
  validUntil: isoDateField,
  potentialLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
});

const postRow = z.object({
  id: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  level: z.enum(JPT_LEVELS),
  unit: z.string().trim().min(1).max(300),
  field: z.string().max(200).nullable(),
});

const rowsOfKind = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ASSESSMENT_RESULTS'), rows: z.array(resultRow).max(IMPORT_CHUNK_ROWS) }),
  z.object({ kind: z.literal('TARGET_POSTS'), rows: z.array(postRow).max(IMPORT_CHUNK_ROWS) }),
]);

const classifyBody = z.intersection(z.object({ agencyCode: idField }), rowsOfKind);

const source = z.object({
  importId: idField,
  fileName: z.string().min(1).max(300),
  byUserId: idField,
  byName: z.string().min(1).max(300),
  at: instantField,
});

const commitBody = z
  .intersection(z.object({ agencyCode: idField, classes: z.array(z.enum(IMPORT_ROW_CLASSES)), source }), rowsOfKind)
  .refine((b) => b.classes.length === b.rows.length, {
    message: 'classes and rows differ in length',
    path: ['classes'],
  });

/**
 * Imports of the data this service owns (assessment results, target posts): the gateway classifies a
 * chunk here for the preview (`POST /imports/classify`), the import workflow commits it
 * (`POST /imports/commit`); `GET /import-versions/:subjectId` lists what an import replaced.
 */
export function dataImportRoutes(router: Router, { dataImports }: AssessmentRepositories): void {
  router.post('/imports/classify', async (req, res) => {
    const body = classifyBody.parse(req.body);
    res.json({ classes: await dataImports.classify({ ...body, rows: body.rows as ImportedRow[] }) });
  });

  router.post('/imports/commit', async (req, res) => {
    const body = commitBody.parse(req.body);
    res.json(await dataImports.commit({ ...body, rows: body.rows as ImportedRow[] }));
  });

  router.get('/import-versions/:subjectId', async (req, res) => {
    res.json({ items: await dataImports.versions(req.params.subjectId) });
  });
}
