import { REASON_TEXT_ID, selectionIdOfVacancy, type ApplicationDto, type TimelineEntryDto } from '@seleksi/domain';
import { submitApplication, withdrawApplicationUpdate } from '@seleksi/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { ApplicationStatusEnum } from './common';
import { DecisionType, decide, idText, reasonText, selectionFor } from './decision';
import { parseInput } from './input';
import { SelectionType, VacancyType } from './selection';

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

export const ApplicationType = builder.objectRef<ApplicationDto>('Application').implement({
  description: "A candidate's application to one vacancy; status and timeline come from the read model",
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: ApplicationStatusEnum, resolve: (a) => a.status }),
    submittedAt: t.field({ type: 'DateTime', resolve: (a) => a.submittedAt }),
    candidateId: t.exposeID('candidateId'),
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
  const s = await ctx.loaders.selection.load(a.selectionId);
  return s !== null && s.agencyCode === u.agencyCode;
}

builder.queryField('application', (t) =>
  t.field({
    type: ApplicationType,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    resolve: async (_r, { id }, ctx) => {
      const a = await typed(() => ctx.loaders.application.load(String(id)));
      if (!a) return null;
      if (!(await canRead(ctx, a))) throw gqlError('FORBIDDEN', 'Anda tidak berwenang melihat lamaran ini', 'id');
      return a;
    },
  }),
);

builder.queryField('myApplications', (t) =>
  t.field({
    type: [ApplicationType],
    authScopes: { roles: ['CANDIDATE'] },
    resolve: async (_r, _a, ctx) => {
      const candidateId = ctx.user?.candidateId;
      if (!candidateId) return [];
      const list = await typed(() => ctx.services.candidate.listAllApplications({ candidateId }));
      for (const a of list) ctx.loaders.application.prime(a.id, a);
      return list;
    },
  }),
);

builder.mutationField('applyToVacancy', (t) =>
  t.field({
    type: ApplicationType,
    description: 'Applies the signed-in candidate to a vacancy while registration is open',
    authScopes: { roles: ['CANDIDATE'] },
    args: { vacancyId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const user = ctx.user!;
        if (!user.candidateId) throw gqlError('FORBIDDEN', 'Akun ini belum terhubung dengan data ASN');
        const vacancyId = String(args.vacancyId);
        const selectionId = selectionIdOfVacancy(vacancyId);
        const selection = selectionId ? await ctx.loaders.selection.load(selectionId) : null;
        if (!selection || !selection.vacancies.some((v) => v.id === vacancyId)) {
          throw gqlError('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan', 'vacancyId');
        }
        const result = await submitApplication(ctx.temporal, selection.agencyCode, selection.id, {
          candidateId: user.candidateId,
          vacancyId,
          actor: { userId: user.id, role: user.role, displayName: user.displayName },
        });
        const stored = await ctx.loaders.application.load(result.applicationId);
        if (!stored) throw gqlError('INTERNAL', 'Lamaran tersimpan tetapi belum dapat dibaca; coba muat ulang');
        return stored;
      }),
  }),
);

const withdrawSchema = z.object({
  applicationId: idText('Lamaran'),
  reason: reasonText('Alasan penarikan'),
});

builder.mutationField('withdrawApplication', (t) =>
  t.field({
    type: DecisionType,
    description: "Withdraws the signed-in candidate's own application (before the appointment decree)",
    authScopes: { roles: ['CANDIDATE'] },
    args: { applicationId: t.arg.id(), reason: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(withdrawSchema, args, '');
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
      }),
  }),
);
