import { REASON_TEXT_ID, type ApplicationDto, type TimelineEntryDto } from '@seleksi/domain';
import { withdrawApplicationUpdate } from '@seleksi/workflows';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@seleksi/kit';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { ApplicationStatusEnum } from './common';
import { decide, selectionFor, type DecisionResolver } from './decision';
import { arrayConnection, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../relay/connections';
import { ApplicationDocumentInput } from './application-document-input';
import { checkDocuments } from '../application-files/uploads';
import { applyToVacancy } from '../apply';
import { SelectionType, VacancyType } from './selection';
import { applicantListFilter } from './applicant-list';

const TimelineEntryType = builder.objectRef<TimelineEntryDto>('TimelineEntry').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    status: t.field({ type: ApplicationStatusEnum, resolve: (e) => e.status }),
    reasonCode: t.exposeString('reasonCode'),
    reasonText: t.string({
      description: 'Bahasa Indonesia',
      resolve: (e) => REASON_TEXT_ID[e.reasonCode] ?? e.reasonCode,
    }),
    note: t.exposeString('note', { nullable: true }),
    expectedNextAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next step is expected',
      resolve: (e) => e.expectedNextAt ?? null,
    }),
  }),
});

export const ApplicationType = builder.node(builder.objectRef<ApplicationDto>('Application'), {
  description: "A candidate's application to one vacancy; status and timeline come from the read model",
  id: { resolve: (a) => a.id },
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'candidateId' in v && 'vacancyId' in v,
  // node(id:) applies the same rule as application(id:).
  loadOne: (id, ctx) => readableApplication(ctx, id),
  fields: (t) => ({
    status: t.field({ type: ApplicationStatusEnum, resolve: (a) => a.status }),
    submittedAt: t.field({ type: 'DateTime', resolve: (a) => a.submittedAt }),
    receivedAt: t.field({
      type: 'DateTime',
      description:
        "When the gateway received the application (server clock): registration's deadline is judged on it. The workflow records it as submittedAt",
      resolve: (a) => (a as ApplicationDto & { receivedAt?: string }).receivedAt ?? a.submittedAt,
    }),
    candidateId: t.exposeID('candidateId'),
    candidateName: t.string({
      nullable: true,
      description:
        "The candidate's name from the ASN register (the candidate and the staff who may read the application)",
      resolve: async (a, _x, ctx) =>
        (await canRead(ctx, a)) ? ((await ctx.loaders.profile.load(a.candidateId))?.name ?? null) : null,
    }),
    timeline: t.field({ type: [TimelineEntryType], resolve: (a) => a.timeline }),
    selection: t.field({
      type: SelectionType,
      nullable: true,
      resolve: (a, _x, ctx) => ctx.loaders.selection.load(a.selectionId),
    }),
    vacancy: t.field({
      type: VacancyType,
      nullable: true,
      resolve: async (a, _x, ctx) =>
        (await ctx.loaders.selection.load(a.selectionId))?.vacancies.find((v) => v.id === a.vacancyId) ?? null,
    }),
  }),
});

/** A candidate sees only their own applications; the agency's staff see those of their selections. */
async function canRead(ctx: GraphQLContext, a: ApplicationDto): Promise<boolean> {
  const u = ctx.user;
  if (!u) return false;
  if (u.role === 'CANDIDATE') return u.candidateId === a.candidateId;
  if (u.role === 'ADMIN') return true;
  // The agency's administrator keeps its records, not its candidates' applications.
  if (u.role === 'AGENCY_ADMIN') return false;
  const s = await ctx.loaders.selection.load(a.selectionId);
  return s !== null && s.agencyCode === u.agencyCode;
}

/** The application when the signed-in user may read it; FORBIDDEN otherwise, null when unknown. */
async function readableApplication(ctx: GraphQLContext, id: string): Promise<ApplicationDto | null> {
  if (!ctx.user) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  const a = await typed(() => ctx.loaders.application.load(id));
  if (!a) return null;
  if (!(await canRead(ctx, a))) throw gqlError('FORBIDDEN', 'Anda tidak berwenang melihat lamaran ini', 'id');
  return a;
}

builder.queryField('application', (t) =>
  t.field({
    type: ApplicationType,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    resolve: (_r, { id }, ctx) => readableApplication(ctx, String(id)),
  }),
);

builder.queryField('myApplications', (t) =>
  t.connection(
    {
      type: ApplicationType,
      description: "The signed-in candidate's applications",
      authScopes: { roles: ['CANDIDATE'] },
      resolve: async (_r, args, ctx) => {
        const candidateId = ctx.user?.candidateId;
        const list = candidateId ? await typed(() => ctx.services.candidate.listAllApplications({ candidateId })) : [];
        for (const a of list) ctx.loaders.application.prime(a.id, a);
        return arrayConnection(args, list);
      },
    },
    { name: 'ApplicationConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

/** The position a searched or sorted page's cursor names (the service has checked it already). */
function offsetOf(cursor: string): number {
  try {
    return decodeCursor(cursor, z.object({ o: z.number().int().min(0) })).o;
  } catch {
    return 0;
  }
}

builder.objectField(SelectionType, 'applications', (t) =>
  t.connection(
    {
      type: ApplicationType,
      description:
        "The selection's applications from the read model (the agency's secretariat and PPK, administrators): in id order, or searched by a name or NIP prefix and sorted by NAME or SUBMITTED_AT",
      authScopes: { roles: ['PANSEL_SECRETARY', 'PPK', 'ADMIN'] },
      args: {
        search: t.arg.string({ required: false, description: 'A prefix of the name, or digits of the NIP' }),
        sort: t.arg.string({ required: false, description: 'ID (default), NAME or SUBMITTED_AT' }),
        desc: t.arg.boolean({ required: false, description: 'Descending order' }),
      },
      resolve: async (s, args, ctx) => {
        const u = ctx.user!;
        if (u.role !== 'ADMIN' && u.agencyCode !== s.agencyCode) {
          throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat lamaran seleksi instansi Anda');
        }
        const filter = applicantListFilter(args);
        const limit = Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
        const page = await typed(() =>
          ctx.services.candidate.listApplications({
            selectionId: s.id,
            limit,
            after: args.after ?? undefined,
            ...filter,
          }),
        );
        for (const a of page.items) ctx.loaders.application.prime(a.id, a);
        // In id order the service's cursor is the last id; searched or sorted, the position after an edge.
        const sorted = Object.keys(filter).length > 0;
        const base = sorted && args.after ? offsetOf(args.after) : 0;
        const edges = page.items.map((node, i) => ({
          cursor: sorted ? encodeCursor({ o: base + i + 1 }) : encodeCursor(node.id),
          node,
        }));
        return {
          edges,
          totalCount: page.total ?? null,
          pageInfo: {
            hasNextPage: page.nextCursor !== null,
            hasPreviousPage: Boolean(args.after),
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    {
      name: 'SelectionApplicationConnection',
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
          description: 'How many match (when searched or sorted; null in id order)',
          resolve: (c) => (c as { totalCount?: number | null }).totalCount ?? null,
        }),
      }),
    },
  ),
);

builder.mutationField('applyToVacancy', (t) =>
  t.field({
    type: ApplicationType,
    description:
      'Applies the signed-in candidate to a vacancy while registration is open, with their documents (PDF; APPLICATION_LETTER and CV required when sent)',
    authScopes: { roles: ['CANDIDATE'] },
    args: {
      vacancyId: t.arg.id(),
      documents: t.arg({ type: [ApplicationDocumentInput], required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const user = ctx.user!;
        if (!user.candidateId) throw gqlError('FORBIDDEN', 'Akun ini belum terhubung dengan data ASN');
        // Every document is checked before anything is stored or submitted.
        const documents = await checkDocuments(ctx, args.documents);
        return applyToVacancy(ctx, { ...user, candidateId: user.candidateId }, String(args.vacancyId), documents);
      }),
  }),
);

/** Only the candidate's own application; its round found from the application. */
export const withdrawApplication: DecisionResolver<'withdrawApplication'> = async (input, ctx) => {
  const candidateId = ctx.user?.candidateId;
  if (!candidateId) throw gqlError('FORBIDDEN', 'Akun ini belum terhubung dengan data ASN');
  const a = await ctx.loaders.application.load(input.applicationId);
  if (!a) throw gqlError('NOT_FOUND', 'Lamaran tidak ditemukan', 'applicationId');
  if (a.candidateId !== candidateId) throw gqlError('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
  const s = await selectionFor(ctx, a.selectionId, 'applicationId');
  return decide(ctx, s, withdrawApplicationUpdate, {
    applicationId: a.id,
    candidateId,
    reason: input.reason,
  });
};

// The agency's official name next to its code (the dashboard shows names, not codes); public, like the announcement.
builder.objectField(SelectionType, 'agencyName', (t) =>
  t.string({
    nullable: true,
    description: "The agency's official name (null when its record is missing)",
    resolve: async (s, _a, ctx) => (await ctx.loaders.agency.load(s.agencyCode))?.name ?? null,
  }),
);
