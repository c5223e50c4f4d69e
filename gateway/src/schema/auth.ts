import { z } from 'zod';
import { builder } from '../builder';
import type { Account } from '../auth/accounts';
import { gqlError } from '../errors';
import { RoleEnum } from './common';
import { parseInput } from './input';

export const UserType = builder.objectRef<Account>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    agencyCode: t.exposeString('agencyCode', { nullable: true }),
    candidateId: t.exposeID('candidateId', { nullable: true }),
  }),
});

const AuthPayload = builder.simpleObject('AuthPayload', {
  fields: (t) => ({
    token: t.string(),
    expiresAt: t.field({ type: 'DateTime' }),
    user: t.field({ type: UserType }),
  }),
});

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
      const user = await ctx.accounts.authenticate(email, password);
      if (!user) throw gqlError('UNAUTHENTICATED', 'Email atau kata sandi salah', 'password');
      const session = await ctx.accounts.openSession(user.id, ctx.config.AUTH_TOKEN_TTL_SECONDS);
      const token = await ctx.tokens.sign(user.id, session.id, session.expiresAt);
      ctx.logger.info({ userId: user.id, role: user.role }, 'signed in');
      return { token, expiresAt: session.expiresAt, user };
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
