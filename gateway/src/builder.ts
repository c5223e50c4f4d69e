/** The Pothos schema builder: plugins and their options only. Types live in schema/. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { Role } from '@seleksi/domain';
import type { GraphQLContext } from './context';
import { gqlError } from './errors';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: {
    /** Any signed-in user. */
    authenticated: boolean;
    /** Signed in with one of these roles. */
    roles: Role[];
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    LocalDate: { Input: string; Output: string };
    /** A multipart upload (Yoga gives a WHATWG File). */
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // Relay first so auth checks see parsed global ids (scope-auth docs).
  plugins: [RelayPlugin, ScopeAuthPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: { clientMutationId: 'omit', cursorType: 'String' },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.user !== null,
      roles: (allowed) => ctx.user !== null && allowed.includes(ctx.user.role),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.user
        ? gqlError('FORBIDDEN', 'Anda tidak berwenang melakukan tindakan ini')
        : gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu'),
  },
});
