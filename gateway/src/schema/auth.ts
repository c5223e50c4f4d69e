import { z } from 'zod';
import { builder } from '../builder';
import type { Account, ChangeMark, Registration } from '../auth/accounts';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { RoleEnum } from './common';
import { parseInput } from './input';

const RegistrationType = builder.objectRef<Registration>('Registration').implement({
  description: "A candidate's self-registration by NIP",
  fields: (t) => ({
    nip: t.exposeString('nip'),
    birthDate: t.field({ type: 'LocalDate', resolve: (r) => r.birthDate }),
    status: t.exposeString('status', { description: 'PENDING, LINKED or REJECTED' }),
    profileId: t.exposeID('profileId', { nullable: true }),
    agencyCode: t.exposeString('agencyCode', { nullable: true }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decidedAt }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

export const UserType = builder.objectRef<Account>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    agencyCode: t.exposeString('agencyCode', { nullable: true }),
    candidateId: t.exposeID('candidateId', { nullable: true }),
    active: t.exposeBoolean('active'),
    affiliation: t.exposeString('affiliation', {
      nullable: true,
      description: 'For external Pansel members: their university or association',
    }),
    passwordSet: t.exposeBoolean('passwordSet', { description: 'False while an invitation has not been used' }),
    registration: t.field({ type: RegistrationType, nullable: true, resolve: (u) => u.registration }),
  }),
});

export const AuthPayload = builder.simpleObject('AuthPayload', {
  fields: (t) => ({
    token: t.string(),
    expiresAt: t.field({ type: 'DateTime' }),
    user: t.field({ type: UserType }),
  }),
});

/**
 * Opens a session for an account that proved who it is (password, one-time link, OpenID Connect).
 * `readSince`: the accounts' change mark taken before `user` was read (see `openSession`), to let this
 * gateway trust the new session without reading it back on the client's next request.
 */
export async function openSessionFor(ctx: GraphQLContext, user: Account, method = 'password', readSince?: ChangeMark) {
  const session = await ctx.accounts.openSession(
    user.id,
    ctx.config.AUTH_TOKEN_TTL_SECONDS,
    new Date(),
    readSince === undefined ? undefined : { account: user, readSince },
  );
  const token = await ctx.tokens.sign(user.id, session.id, session.expiresAt);
  ctx.logger.info({ userId: user.id, role: user.role, method }, 'signed in');
  return { token, expiresAt: session.expiresAt, user };
}

/** A refusal of the credential itself (counted by the throttle), not an outage. */
export function isWrongCredential(err: unknown): boolean {
  const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
  return code === 'UNAUTHENTICATED' || code === 'LINK_INVALID';
}

const signInSchema = z.object({
  email: z.string().trim().email('Format email tidak valid').max(200),
  password: z.string().min(1, 'Kata sandi wajib diisi').max(200),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserType,
    nullable: true,
    description: 'The signed-in user, or null',
    resolve: (_r, _a, ctx) => ctx.user,
  }),
);

builder.mutationField('signIn', (t) =>
  t.field({
    type: AuthPayload,
    args: { email: t.arg.string(), password: t.arg.string() },
    resolve: async (_r, args, ctx) => {
      const { email, password } = parseInput(signInSchema, args, '');
      const readSince = ctx.accounts.changeMark();
      // Throttled by the e-mail typed whether an account has it or not: the same answers either way.
      const user = await ctx.throttle.guard(
        { account: email.toLowerCase(), address: ctx.clientAddress, action: 'SIGN_IN' },
        async () => {
          const found = await ctx.accounts.authenticate(email, password);
          if (!found) throw gqlError('UNAUTHENTICATED', 'Email atau kata sandi salah', 'password');
          return found;
        },
        isWrongCredential,
      );
      return openSessionFor(ctx, user, 'password', readSince);
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    authScopes: { authenticated: true },
    description: 'Revokes the current session token',
    resolve: async (_r, _a, ctx) => {
      if (ctx.sessionId) await ctx.accounts.revokeSession(ctx.sessionId);
      return true;
    },
  }),
);
