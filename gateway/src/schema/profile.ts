/**
 * The candidate's own ASN profile, prefilled from the civil-service register, and their answer to
 * it: confirm, or dispute with a note and the parts that are wrong. A dispute is visible to the
 * staff who read the candidate's applications (`Application.profileConfirmation`).
 */
import DataLoader from 'dataloader';
import { z } from 'zod';
import {
  EDUCATION_LEVELS,
  POSITION_KINDS,
  PROFILE_CONFIRMATION_STATUSES,
  PROFILE_DISPUTE_NOTE_MIN,
  PROFILE_FIELDS,
  SKP_PREDICATES,
  type CareerEntryDto,
  type ProfileConfirmationDto,
  type ProfileConfirmationRequest,
  type ProfileDto,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { canReadApplication, perRequest } from '../application-files/access';
import { ApplicationType } from './application';
import { ActorType, actorOf } from './decision';
import { parseInput } from './input';

/** A profile with its confirmation when already known (after a mutation). */
type ProfileView = ProfileDto & { confirmation?: ProfileConfirmationDto };

const confirmationLoaders = new WeakMap<object, DataLoader<string, ProfileConfirmationDto>>();

function confirmationLoader(ctx: GraphQLContext): DataLoader<string, ProfileConfirmationDto> {
  return perRequest(
    confirmationLoaders,
    ctx,
    () => new DataLoader((ids: readonly string[]) => ctx.services.candidate.getProfileConfirmations(ids)),
  );
}

export const ProfileConfirmationStatusEnum = builder.enumType('ProfileConfirmationStatus', {
  values: PROFILE_CONFIRMATION_STATUSES,
});
export const EducationLevelEnum = builder.enumType('EducationLevel', { values: EDUCATION_LEVELS });
export const PositionKindEnum = builder.enumType('PositionKind', { values: POSITION_KINDS });
export const SkpPredicateEnum = builder.enumType('SkpPredicate', { values: SKP_PREDICATES });

export const ProfileConfirmationType = builder.objectRef<ProfileConfirmationDto>('ProfileConfirmation').implement({
  description: "The candidate's answer to their prefilled profile: UNCONFIRMED until they confirm or dispute it",
  fields: (t) => ({
    status: t.field({ type: ProfileConfirmationStatusEnum, resolve: (c) => c.status }),
    note: t.string({ nullable: true, description: 'Why the data is wrong (DISPUTED)', resolve: (c) => c.note }),
    fields: t.stringList({
      description: `The disputed parts of the profile (DISPUTED): ${PROFILE_FIELDS.join(', ')}`,
      resolve: (c) => c.fields,
    }),
    at: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.at }),
    by: t.field({ type: ActorType, nullable: true, description: 'Who answered (the candidate)', resolve: (c) => c.by }),
  }),
});

const CareerEntryType = builder.objectRef<CareerEntryDto>('CareerEntry').implement({
  fields: (t) => ({
    position: t.exposeString('position'),
    positionKind: t.field({ type: PositionKindEnum, resolve: (c) => c.positionKind }),
    unit: t.exposeString('unit'),
    agencyCode: t.exposeString('agencyCode'),
    from: t.field({ type: 'LocalDate', resolve: (c) => c.from }),
    to: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'null = current post',
      resolve: (c) => c.to ?? null,
    }),
    fields: t.stringList({ description: 'Fields of duty (bidang tugas)', resolve: (c) => c.fields ?? [] }),
  }),
});

const SkpEntryType = builder.simpleObject('SkpEntry', {
  description: 'Yearly performance appraisal (SKP) predicate',
  fields: (t) => ({ year: t.int(), predicate: t.field({ type: SkpPredicateEnum }) }),
});

export const ProfileType = builder.objectRef<ProfileView>('Profile').implement({
  description: "The signed-in candidate's ASN profile from the civil-service register (personal data)",
  fields: (t) => ({
    id: t.exposeID('id'),
    nip: t.exposeString('nip'),
    name: t.exposeString('name'),
    rank: t.string({ description: "Golongan/ruang, e.g. 'IV/b'", resolve: (p) => p.rank }),
    agencyCode: t.exposeString('agencyCode'),
    agencyName: t.string({
      nullable: true,
      resolve: async (p, _a, ctx) => (await ctx.loaders.agency.load(p.agencyCode))?.name ?? null,
    }),
    currentPosition: t.field({
      type: CareerEntryType,
      nullable: true,
      description: 'The post held now (the career entry without an end date)',
      resolve: (p) => currentPost(p),
    }),
    education: t.field({ type: EducationLevelEnum, resolve: (p) => p.education }),
    educationMajor: t.string({ nullable: true, resolve: (p) => p.educationMajor ?? null }),
    careers: t.field({ type: [CareerEntryType], resolve: (p) => p.careers }),
    skp: t.field({ type: [SkpEntryType], resolve: (p) => [...p.skp].sort((a, b) => b.year - a.year) }),
    lhkpnFiled: t.exposeBoolean('lhkpnFiled', { description: 'LHKPN (wealth report) filed' }),
    disciplinarySanction: t.exposeBoolean('disciplinarySanction', {
      description: 'A disciplinary sanction is being served',
    }),
    confirmation: t.field({
      type: ProfileConfirmationType,
      resolve: (p, _a, ctx) => p.confirmation ?? typed(() => confirmationLoader(ctx).load(p.id)),
    }),
  }),
});

function currentPost(p: ProfileDto): CareerEntryDto | null {
  const open = p.careers.filter((c) => !c.to).sort((a, b) => b.from.localeCompare(a.from));
  return open[0] ?? null;
}

async function ownProfile(ctx: GraphQLContext): Promise<ProfileDto> {
  const candidateId = ctx.user?.candidateId;
  if (!candidateId) throw gqlError('FORBIDDEN', 'Akun ini belum terhubung dengan data ASN');
  const profile = await typed(() => ctx.loaders.profile.load(candidateId));
  if (!profile) throw gqlError('NOT_FOUND', 'Profil ASN tidak ditemukan');
  return profile;
}

builder.queryField('myProfile', (t) =>
  t.field({
    type: ProfileType,
    nullable: true,
    description: "The signed-in candidate's ASN profile (null when the account has none)",
    authScopes: { roles: ['CANDIDATE'] },
    resolve: async (_r, _a, ctx) => {
      const candidateId = ctx.user?.candidateId;
      if (!candidateId) return null;
      return typed(() => ctx.loaders.profile.load(candidateId));
    },
  }),
);

async function answer(ctx: GraphQLContext, req: Omit<ProfileConfirmationRequest, 'by' | 'at'>): Promise<ProfileView> {
  const profile = await ownProfile(ctx);
  const confirmation = await typed(() =>
    ctx.services.candidate.putProfileConfirmation(profile.id, {
      ...req,
      by: actorOf(ctx),
      at: new Date().toISOString(),
    }),
  );
  ctx.logger.info({ candidateId: profile.id, status: confirmation.status, userId: ctx.user?.id }, 'profile answered');
  return { ...profile, confirmation };
}

builder.mutationField('confirmProfile', (t) =>
  t.field({
    type: ProfileType,
    description: 'The signed-in candidate confirms that their prefilled profile is correct',
    authScopes: { roles: ['CANDIDATE'] },
    resolve: (_r, _a, ctx) => answer(ctx, { status: 'CONFIRMED' }),
  }),
);

const disputeSchema = z.object({
  note: z
    .string()
    .trim()
    .min(PROFILE_DISPUTE_NOTE_MIN, `Catatan minimal ${PROFILE_DISPUTE_NOTE_MIN} karakter`)
    .max(2000, 'Catatan paling banyak 2000 karakter'),
  fields: z
    .array(z.enum(PROFILE_FIELDS, { error: `Data tidak dikenal; pilih dari: ${PROFILE_FIELDS.join(', ')}` }))
    .min(1, 'Pilih minimal satu data yang keliru')
    .max(PROFILE_FIELDS.length, 'Terlalu banyak data dipilih')
    .transform((f) => [...new Set(f)]),
});

builder.mutationField('disputeProfile', (t) =>
  t.field({
    type: ProfileType,
    description: `The signed-in candidate reports that parts of their profile are wrong (note of at least ${PROFILE_DISPUTE_NOTE_MIN} characters; fields from: ${PROFILE_FIELDS.join(', ')})`,
    authScopes: { roles: ['CANDIDATE'] },
    args: { note: t.arg.string(), fields: t.arg.stringList() },
    resolve: (_r, args, ctx) => {
      const input = parseInput(disputeSchema, args, '');
      return answer(ctx, { status: 'DISPUTED', note: input.note, fields: input.fields });
    },
  }),
);

builder.objectField(ApplicationType, 'profileConfirmation', (t) =>
  t.field({
    type: ProfileConfirmationType,
    nullable: true,
    description:
      "The candidate's confirmation or dispute of their ASN profile (the owner and the staff who may read the application)",
    resolve: async (a, _x, ctx) => {
      if (!(await canReadApplication(ctx, a))) return null;
      return typed(() => confirmationLoader(ctx).load(a.candidateId));
    },
  }),
);
