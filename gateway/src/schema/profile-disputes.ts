/**
 * The staff's queue of profile disputes: a candidate's dispute of their ASN profile waits for the
 * secretariat (BKD) or the agency administrator of the profile's agency, who accept it with the corrected
 * values of the disputed parts (the profile changes, its previous version is kept) or reject it with a
 * reason. The candidate sees the decision on their profile page and gets a mail; both are audited. A
 * dispute is decided once: the same decision again answers the recorded one.
 */
import { z } from 'zod';
import { encodeCursor } from '@seleksi/kit';
import {
  PROFILE_DISPUTE_OUTCOMES,
  PROFILE_DISPUTE_REASON_MIN,
  PROFILE_DISPUTE_ROLES,
  PROFILE_FIELD_TEXT_ID,
  type AuditRecordDto,
  type ProfileCorrections,
  type ProfileDisputeDto,
  type ProfileDisputeResolutionDto,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { ActorType, actorOf } from './decision';
import { parseInput } from './input';
import {
  EducationLevelEnum,
  PositionKindEnum,
  ProfileConfirmationType,
  ProfileType,
  SkpPredicateEnum,
} from './profile';
import { AuditRecordType } from './selection-process';

const OutcomeEnum = builder.enumType('ProfileDisputeOutcome', { values: PROFILE_DISPUTE_OUTCOMES });

const ResolutionType = builder.objectRef<ProfileDisputeResolutionDto>('ProfileDisputeResolution').implement({
  description: "The staff's decision on a profile dispute: who, when, why, and which parts changed",
  fields: (t) => ({
    decisionId: t.exposeID('decisionId'),
    outcome: t.field({ type: OutcomeEnum, resolve: (r) => r.outcome }),
    reason: t.string({
      nullable: true,
      description: 'Why (required for a rejection)',
      resolve: (r) => r.reason,
    }),
    corrected: t.stringList({ description: 'The parts the acceptance changed', resolve: (r) => r.corrected }),
    by: t.field({ type: ActorType, resolve: (r) => r.by }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
  }),
});

builder.objectField(ProfileConfirmationType, 'resolution', (t) =>
  t.field({
    type: ResolutionType,
    nullable: true,
    description: "The staff's decision on the dispute (DISPUTED, once decided)",
    resolve: (c) => c.resolution ?? null,
  }),
);

const ProfileDisputeType = builder.objectRef<ProfileDisputeDto>('ProfileDispute').implement({
  description: "A candidate's dispute of their ASN profile, open until the staff of the profile's agency decide it",
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    note: t.exposeString('note', { description: "The candidate's note" }),
    fields: t.stringList({ description: 'The disputed parts', resolve: (d) => d.fields }),
    fieldLabels: t.stringList({
      description: 'The disputed parts in Bahasa Indonesia',
      resolve: (d) => d.fields.map((f) => PROFILE_FIELD_TEXT_ID[f] ?? f),
    }),
    at: t.field({ type: 'DateTime', resolve: (d) => d.at }),
    disputedBy: t.field({ type: ActorType, resolve: (d) => d.by }),
    open: t.exposeBoolean('open'),
    resolution: t.field({ type: ResolutionType, nullable: true, resolve: (d) => d.resolution }),
    profile: t.field({
      type: ProfileType,
      nullable: true,
      description: 'The profile as it is now (the current values next to the dispute)',
      resolve: (d, _a, ctx) => typed(() => ctx.loaders.profile.load(d.candidateId)),
    }),
    audit: t.field({
      type: [AuditRecordType],
      description: "The audit record's entries of this dispute's decision",
      resolve: (d, _a, ctx) =>
        typed(async () => {
          const all: AuditRecordDto[] = await ctx.services.candidate.listAllAuditRecords({
            selectionId: `profile:${d.candidateId}`,
          });
          return all.filter((r) => r.payload.disputeId === d.id);
        }),
    }),
  }),
});

/** The agency whose disputes the signed-in staff may see and decide (null: every agency, for ADMIN). */
function scopeOf(ctx: GraphQLContext, requested: string | null | undefined): string | null {
  const u = ctx.user!;
  if (u.role === 'ADMIN') return requested ?? null;
  if (!u.agencyCode) throw gqlError('FORBIDDEN', 'Akun ini tidak terhubung dengan instansi', 'agencyCode');
  if (requested && requested !== u.agencyCode) {
    throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat sanggahan profil instansi Anda sendiri', 'agencyCode');
  }
  return u.agencyCode;
}

async function ownDispute(ctx: GraphQLContext, id: string): Promise<ProfileDisputeDto> {
  const dispute = await typed(() => ctx.services.candidate.getProfileDispute(id));
  if (!dispute) throw gqlError('NOT_FOUND', 'Sanggahan tidak ditemukan', 'disputeId');
  const scope = scopeOf(ctx, null);
  if (scope !== null && dispute.agencyCode !== scope) {
    throw gqlError('FORBIDDEN', 'Sanggahan ini milik peserta instansi lain', 'disputeId');
  }
  return dispute;
}

builder.queryField('profileDisputes', (t) =>
  t.connection(
    {
      type: ProfileDisputeType,
      description:
        "Open profile disputes, oldest first: the agency's secretariat and administrator see their agency's, the national administrator any agency's",
      authScopes: { roles: [...PROFILE_DISPUTE_ROLES] },
      args: { agencyCode: t.arg.id({ required: false }) },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const agencyCode = scopeOf(ctx, args.agencyCode == null ? null : String(args.agencyCode));
          const limit = Math.min(Math.max(args.first ?? 20, 1), 100);
          const page = await ctx.services.candidate.listProfileDisputes({
            ...(agencyCode ? { agencyCode } : {}),
            limit,
            ...(args.after ? { after: args.after } : {}),
          });
          // The service pages by (time of the dispute, candidate id): each edge's cursor is the service's after it.
          const edges = page.items.map((node) => ({
            cursor: encodeCursor({ a: new Date(node.at).toISOString(), i: node.candidateId }),
            node,
          }));
          return {
            edges,
            totalCount: page.totalCount,
            pageInfo: {
              hasNextPage: page.nextCursor !== null,
              hasPreviousPage: Boolean(args.after),
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null,
            },
          };
        }),
    },
    { name: 'ProfileDisputeConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

builder.queryField('profileDispute', (t) =>
  t.field({
    type: ProfileDisputeType,
    description: 'One dispute, open or decided (staff of the profile’s agency)',
    authScopes: { roles: [...PROFILE_DISPUTE_ROLES] },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => ownDispute(ctx, String(args.id)),
  }),
);

// --- decisions --------------------------------------------------------------------------------

const CareerEntryInput = builder.inputType('CareerEntryInput', {
  fields: (t) => ({
    position: t.string(),
    positionKind: t.field({ type: PositionKindEnum }),
    unit: t.string({ required: false }),
    agencyCode: t.string(),
    from: t.field({ type: 'LocalDate' }),
    to: t.field({ type: 'LocalDate', required: false, description: 'Empty for the current post' }),
    fields: t.stringList({ required: false }),
  }),
});

const SkpEntryInput = builder.inputType('SkpEntryInput', {
  fields: (t) => ({ year: t.int(), predicate: t.field({ type: SkpPredicateEnum }) }),
});

const ProfileCorrectionInput = builder.inputType('ProfileCorrectionInput', {
  description: 'The corrected values of the disputed parts only; each replaces the profile’s value whole',
  fields: (t) => ({
    name: t.string({ required: false }),
    nip: t.string({ required: false }),
    rank: t.string({ required: false, description: "Golongan/ruang, e.g. 'IV/b'" }),
    agencyCode: t.string({ required: false }),
    education: t.field({ type: EducationLevelEnum, required: false }),
    educationMajor: t.string({ required: false, description: 'Empty to clear' }),
    careers: t.field({ type: [CareerEntryInput], required: false }),
    skp: t.field({ type: [SkpEntryInput], required: false }),
    lhkpnFiled: t.boolean({ required: false }),
    disciplinarySanction: t.boolean({ required: false }),
  }),
});

type CorrectionArgs = typeof ProfileCorrectionInput.$inferInput;

function correctionsOf(input: CorrectionArgs): ProfileCorrections {
  const c: ProfileCorrections = {};
  if (input.name != null) c.name = input.name;
  if (input.nip != null) c.nip = input.nip;
  if (input.rank != null) c.rank = input.rank;
  if (input.agencyCode != null) c.agencyCode = input.agencyCode.trim();
  if (input.education != null) c.education = input.education;
  if (input.educationMajor != null) c.educationMajor = input.educationMajor.trim() || null;
  if (input.careers != null) {
    c.careers = input.careers.map((e) => ({
      position: e.position.trim(),
      positionKind: e.positionKind,
      unit: e.unit?.trim() ?? '',
      agencyCode: e.agencyCode.trim(),
      from: e.from,
      to: e.to ?? null,
      ...(e.fields?.length ? { fields: e.fields } : {}),
    }));
  }
  if (input.skp != null) c.skp = input.skp.map((s) => ({ year: s.year, predicate: s.predicate }));
  if (input.lhkpnFiled != null) c.lhkpnFiled = input.lhkpnFiled;
  if (input.disciplinarySanction != null) c.disciplinarySanction = input.disciplinarySanction;
  return c;
}

const rejectSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(PROFILE_DISPUTE_REASON_MIN, `Alasan penolakan wajib diisi (minimal ${PROFILE_DISPUTE_REASON_MIN} karakter)`)
    .max(2000, 'Alasan paling banyak 2000 karakter'),
});
const acceptSchema = z.object({
  note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullish(),
});

async function decide(
  ctx: GraphQLContext,
  disputeId: string,
  outcome: 'ACCEPTED' | 'REJECTED',
  reason: string | null,
  corrections: ProfileCorrections,
): Promise<ProfileDisputeDto> {
  await ownDispute(ctx, disputeId);
  const result = await typed(() =>
    ctx.services.candidate.decideProfileDispute(disputeId, {
      outcome,
      reason,
      corrections,
      by: actorOf(ctx),
      at: new Date().toISOString(),
    }),
  );
  ctx.logger.info(
    { disputeId, outcome, created: result.created, userId: ctx.user?.id },
    result.created ? 'profile dispute decided' : 'profile dispute decision repeated',
  );
  return result.dispute;
}

builder.mutationField('acceptProfileDispute', (t) =>
  t.field({
    type: ProfileDisputeType,
    description:
      'Accepts a dispute with the corrected values of the disputed parts (validated like the register: NIP, rank, dates); the profile changes and keeps its previous version, the candidate is told. Again with the same dispute: the recorded decision.',
    authScopes: { roles: [...PROFILE_DISPUTE_ROLES] },
    args: {
      disputeId: t.arg.id(),
      corrections: t.arg({ type: ProfileCorrectionInput }),
      note: t.arg.string({ required: false, description: 'Why, for the candidate and the audit record' }),
    },
    resolve: (_r, args, ctx) => {
      const { note } = parseInput(acceptSchema, { note: args.note }, '');
      return decide(ctx, String(args.disputeId), 'ACCEPTED', note || null, correctionsOf(args.corrections));
    },
  }),
);

builder.mutationField('rejectProfileDispute', (t) =>
  t.field({
    type: ProfileDisputeType,
    description:
      'Rejects a dispute with a reason (at least 10 characters); the profile stays, the candidate is told. Again with the same dispute: the recorded decision.',
    authScopes: { roles: [...PROFILE_DISPUTE_ROLES] },
    args: { disputeId: t.arg.id(), reason: t.arg.string() },
    resolve: (_r, args, ctx) => {
      const { reason } = parseInput(rejectSchema, { reason: args.reason }, '');
      return decide(ctx, String(args.disputeId), 'REJECTED', reason, {});
    },
  }),
);
