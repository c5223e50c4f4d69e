/** The published succession-plan groups (KRS) of an agency's target posts. */
import { type SuccessionGroupDto } from '@seleksi/domain';
import { builder } from '../builder';
import { arrayConnection } from '../relay/connections';
import { typed } from '../errors';
import { JptLevelEnum } from './common';
import { DocumentType } from './document';

import { talentSettingsOf, boxName } from './talent';

// ---------------------------------------------------------------------------------------------
// Succession-plan groups (KRS)

interface MemberView {
  member: SuccessionGroupDto['members'][number];
  agencyCode: string;
}

const SuccessionMemberType = builder.objectRef<MemberView>('SuccessionGroupMember').implement({
  fields: (t) => ({
    employeeId: t.id({ resolve: (m) => m.member.employeeId }),
    name: t.string({
      nullable: true,
      resolve: async (m, _a, ctx) => (await ctx.loaders.profile.load(m.member.employeeId))?.name ?? null,
    }),
    order: t.int({ description: '1 = the first successor', resolve: (m) => m.member.order }),
    box: t.int({ resolve: (m) => m.member.box }),
    boxName: t.string({
      nullable: true,
      resolve: async (m, _a, ctx) =>
        boxName((await talentSettingsOf(ctx, m.agencyCode)).scoring.numbering, m.member.box),
    }),
    score: t.float({ resolve: (m) => m.member.score }),
  }),
});

const SuccessionGroupType = builder.objectRef<SuccessionGroupDto>('SuccessionGroup').implement({
  description: 'The succession-plan group (KRS) of a target post for a year, in successor order',
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    year: t.exposeInt('year'),
    postId: t.exposeID('postId'),
    postTitle: t.exposeString('postTitle'),
    level: t.field({ type: JptLevelEnum, resolve: (g) => g.level }),
    derivedFrom: t.exposeString('derivedFrom', { description: 'The map period it was derived from' }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (g) => g.publishedAt }),
    members: t.field({
      type: [SuccessionMemberType],
      resolve: (g) =>
        [...g.members].sort((a, b) => a.order - b.order).map((member) => ({ member, agencyCode: g.agencyCode })),
    }),
    document: t.field({
      type: DocumentType,
      nullable: true,
      description: 'The published KRS decision',
      resolve: (g, _a, ctx) => (g.documentId ? ctx.loaders.document.load(g.documentId) : null),
    }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Where the KRS decision (PDF) can be downloaded',
      resolve: (g, _a, ctx) =>
        g.documentId ? `${ctx.config.PUBLIC_URL}/documents/${encodeURIComponent(g.documentId)}.pdf` : null,
    }),
  }),
});

builder.queryField('successionGroups', (t) =>
  t.connection(
    {
      type: SuccessionGroupType,
      description:
        "An agency's published succession-plan groups (KRS), newest year first; drafts only for the agency's staff",
      authScopes: { authenticated: true },
      args: { agencyCode: t.arg.string(), year: t.arg.int({ required: false }) },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const groups = await ctx.services.assessment.listSuccessionGroups({
            agencyCode: args.agencyCode,
            ...(args.year != null ? { year: args.year } : {}),
          });
          const u = ctx.user!;
          const staff =
            u.role === 'ADMIN' ||
            u.role === 'OVERSEER' ||
            ((u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === args.agencyCode);
          return arrayConnection(args, staff ? groups : groups.filter((g) => g.publishedAt !== null));
        }),
    },
    { name: 'SuccessionGroupConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);
