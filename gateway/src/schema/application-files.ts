/** Documents uploaded with an application: `Application.documents`, downloadable at `/application-files/<id>`. */
import DataLoader from 'dataloader';
import type { ApplicationFileDto } from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { typed } from '../errors';
import { canReadApplication, perRequest } from '../application-files/access';
import { ApplicationDocumentKindEnum } from './application-document-input';
import { ApplicationType } from './application';

const filesLoaders = new WeakMap<object, DataLoader<string, ApplicationFileDto[]>>();

/** The linked files of an application, one batched service call per tick. */
export function applicationFilesLoader(ctx: GraphQLContext): DataLoader<string, ApplicationFileDto[]> {
  return perRequest(
    filesLoaders,
    ctx,
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const files = await ctx.services.candidate.listApplicationFiles(ids);
        return ids.map((id) => files.filter((f) => f.applicationId === id));
      }),
  );
}

export const ApplicationDocumentType = builder.objectRef<ApplicationFileDto>('ApplicationDocument').implement({
  description: 'A PDF the candidate uploaded with the application',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: ApplicationDocumentKindEnum, resolve: (f) => f.kind }),
    fileName: t.exposeString('fileName'),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256'),
    uploadedAt: t.field({ type: 'DateTime', resolve: (f) => f.uploadedAt }),
    downloadUrl: t.string({
      description: 'GET with the bearer token; the owner and the staff who may read the application',
      resolve: (f, _a, ctx) => `${ctx.config.PUBLIC_URL}/application-files/${encodeURIComponent(f.id)}`,
    }),
  }),
});

builder.objectField(ApplicationType, 'documents', (t) =>
  t.field({
    type: [ApplicationDocumentType],
    description: 'Documents uploaded with the application (empty for readers who may not see them)',
    resolve: async (a, _x, ctx) => {
      if (!(await canReadApplication(ctx, a))) return [];
      return typed(() => applicationFilesLoader(ctx).load(a.id));
    },
  }),
);
