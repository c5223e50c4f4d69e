/**
 * Imports of an agency's data by its staff, of three kinds (ASN profiles, competency assessment results,
 * target posts) through one pipeline: upload → preview (nothing written to the profiles) →
 * confirmation (the import workflow commits in chunks) → progress. One import of an agency at a time.
 */
import {
  IMPORT_KINDS,
  localDateOf,
  PROFILE_IMPORT_STATUSES,
  type ImportCellError,
  type ImportCountsDto,
  type ProfileImportDto,
} from '@seleksi/domain';
import { startProfileImport } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { previewImport } from '../imports/preview';
import { arrayConnection } from '../relay/connections';

/** Who imports an agency's data (every kind): the national administrator, the agency's administrator or its secretariat. */
export const IMPORT_ROLES = ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY'] as const;

function requireImporter(ctx: GraphQLContext, agencyCode: string): NonNullable<GraphQLContext['user']> {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN') return u;
  if ((u.role === 'AGENCY_ADMIN' || u.role === 'PANSEL_SECRETARY') && u.agencyCode === agencyCode) return u;
  throw gqlError('FORBIDDEN', 'Data kepegawaian ini milik instansi lain', 'agencyCode');
}

async function importFor(ctx: GraphQLContext, importId: string): Promise<ProfileImportDto> {
  const imp = await ctx.services.candidate.getProfileImport(importId);
  if (!imp) throw gqlError('NOT_FOUND', 'Impor tidak ditemukan', 'importId');
  requireImporter(ctx, imp.agencyCode);
  return imp;
}

const ImportStatusEnum = builder.enumType('ProfileImportStatus', { values: PROFILE_IMPORT_STATUSES });

const ImportKindEnum = builder.enumType('ImportKind', {
  description: 'What an import holds: ASN profiles, competency assessment results, or the agency target posts',
  values: IMPORT_KINDS,
});

const ImportCountsType = builder.objectRef<ImportCountsDto>('ImportCounts').implement({
  description: 'Rows of an import by outcome',
  fields: (t) => ({
    new: t.exposeInt('new'),
    changed: t.exposeInt('changed'),
    unchanged: t.exposeInt('unchanged'),
    refused: t.exposeInt('refused'),
  }),
});

const ImportRowErrorType = builder.objectRef<ImportCellError>('ImportRowError').implement({
  description: 'A refused cell: line in the file (the header is line 1), column as named in the file, reason',
  fields: (t) => ({
    line: t.exposeInt('line'),
    column: t.exposeString('column'),
    message: t.exposeString('message'),
  }),
});

const ProfileImportType = builder.objectRef<ProfileImportDto>('ProfileImport').implement({
  description:
    "An upload of an agency's data (ASN profiles, assessment results or target posts; the type keeps the first kind's name): its preview, then the progress and outcome of its commit",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: ImportKindEnum, resolve: (i) => i.kind }),
    agencyCode: t.exposeString('agencyCode'),
    fileName: t.exposeString('fileName'),
    byName: t.exposeString('byName', { description: 'Who uploaded it' }),
    createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
    status: t.field({ type: ImportStatusEnum, resolve: (i) => i.status }),
    rows: t.exposeInt('rows', { description: 'Data rows in the file' }),
    counts: t.field({ type: ImportCountsType, description: 'Preview: rows by outcome', resolve: (i) => i.counts }),
    errors: t.field({
      type: [ImportRowErrorType],
      description: 'The first refusals, by line (at most 500)',
      resolve: (i) => i.errors,
    }),
    chunkCount: t.exposeInt('chunkCount'),
    chunksDone: t.exposeInt('chunksDone'),
    percent: t.float({
      description: 'Commit progress, 0–100',
      resolve: (i) =>
        i.status === 'COMPLETED' ? 100 : i.chunkCount === 0 ? 0 : Math.round((i.chunksDone / i.chunkCount) * 1000) / 10,
    }),
    committed: t.field({
      type: ImportCountsType,
      nullable: true,
      description: 'Outcome of the commit, once completed',
      resolve: (i) => i.committed,
    }),
    committedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.committedAt }),
  }),
});

builder.mutationField('previewProfileImport', (t) =>
  t.field({
    type: ProfileImportType,
    description:
      'Reads an uploaded CSV or XLSX of one kind (default ASN profiles) and validates every row; answers the preview (counts and refusals). Nothing is written until confirmProfileImport',
    authScopes: { roles: [...IMPORT_ROLES] },
    // Optional in the schema so that a request without the file gets a typed error naming it.
    args: {
      agencyCode: t.arg.string(),
      file: t.arg({ type: 'File', required: false }),
      kind: t.arg({ type: ImportKindEnum, required: false, description: 'Default PROFILES' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const user = requireImporter(ctx, args.agencyCode);
        const agency = await ctx.loaders.agency.load(args.agencyCode);
        if (!agency) throw gqlError('NOT_FOUND', `Instansi ${args.agencyCode} tidak ditemukan`, 'agencyCode');
        const file = args.file;
        if (!file) throw gqlError('VALIDATION_FAILED', 'Pilih berkas CSV atau XLSX untuk diunggah', 'file');
        if (file.size > ctx.config.IMPORT_MAX_BYTES)
          throw gqlError(
            'FILE_TOO_LARGE',
            `Berkas lebih dari ${Math.round(ctx.config.IMPORT_MAX_BYTES / 1024 / 1024)} MB; bagi menjadi beberapa berkas`,
            'file',
          );
        const bytes = new Uint8Array(await file.arrayBuffer());
        const started = Date.now();
        const kind = args.kind ?? 'PROFILES';
        const preview = await previewImport(
          ctx.services,
          kind,
          {
            agencyCode: agency.code,
            today: localDateOf(new Date(), agency.timeZone),
            fileName: file.name,
            bytes,
            byUserId: user.id,
            byName: user.displayName ?? user.id,
          },
          {
            maxBytes: ctx.config.IMPORT_MAX_BYTES,
            maxRows: ctx.config.IMPORT_MAX_ROWS,
            maxRefusedRows: ctx.config.IMPORT_MAX_REFUSED_ROWS,
          },
        );
        ctx.logger.info(
          { importId: preview.id, kind, rows: preview.rows, ms: Date.now() - started, userId: user.id },
          'import previewed',
        );
        return preview;
      }),
  }),
);

builder.mutationField('confirmProfileImport', (t) =>
  t.field({
    type: ProfileImportType,
    description:
      'Commits a previewed import in the background (progress in profileImport); refused with IMPORT_RUNNING while another import of the agency is being committed',
    authScopes: { roles: [...IMPORT_ROLES] },
    args: { importId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const imp = await importFor(ctx, String(args.importId));
        if (imp.status !== 'PREVIEWED')
          throw gqlError(
            'ALREADY_DECIDED',
            imp.status === 'STAGING' ? 'Pratinjau impor belum selesai' : 'Impor ini sudah dikonfirmasi',
            'importId',
          );
        await startProfileImport(
          ctx.temporal,
          {
            importId: imp.id,
            agencyCode: imp.agencyCode,
            chunkCount: imp.chunkCount,
            ...(imp.kind === 'PROFILES' ? {} : { kind: imp.kind }),
            chunksPerRun: ctx.config.IMPORT_CHUNKS_PER_RUN,
          },
          ctx.config.TEMPORAL_TASK_QUEUE,
        );
        ctx.logger.info({ importId: imp.id, userId: ctx.user?.id }, 'import confirmed');
        return { ...imp, status: 'COMMITTING' as const };
      }),
  }),
);

builder.queryField('profileImport', (t) =>
  t.field({
    type: ProfileImportType,
    description: 'An import with its preview and the progress of its commit',
    authScopes: { roles: [...IMPORT_ROLES] },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => typed(() => importFor(ctx, String(args.id))),
  }),
);

builder.queryField('profileImports', (t) =>
  t.connection(
    {
      type: ProfileImportType,
      description:
        "The agency's latest imports (up to 100, of one kind when given), newest first; without their refusals",
      authScopes: { roles: [...IMPORT_ROLES] },
      args: { agencyCode: t.arg.string(), kind: t.arg({ type: ImportKindEnum, required: false }) },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          requireImporter(ctx, args.agencyCode);
          const items = await ctx.services.candidate.listProfileImports(args.agencyCode, 100, args.kind ?? undefined);
          return arrayConnection(args, items);
        }),
    },
    { name: 'ProfileImportConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);
