/**
 * The Pothos schema builder: plugins and their options only. Types live in schema/.
 *
 * Lists: every top-level list query is a Relay cursor connection (`first`/`after`, edges { cursor
 * node }, pageInfo, totalCount; see relay/connections.ts), so no client can ask for an unbounded
 * list. Lists inside one object that are small and bounded by the domain (an application's timeline,
 * a selection's vacancies or stage history, a decree's paragraphs, a process's Pansel) stay plain lists.
 * Nodes: the main records implement `Node`; their global id is their domain id (relay/global-id.ts).
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { Role } from '@seleksi/domain';
import type { GraphQLContext } from './context';
import { gqlError } from './errors';
import { decodeGlobalId, encodeGlobalId, LOADABLE_NODE_TYPES, type NodeTypename } from './relay/global-id';

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
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    // One node at a time: each node type checks who may read it when it loads.
    nodesQueryOptions: false,
    nodeQueryOptions: {
      description: 'Any object by its id (Relay global object identification); null when unknown',
      resolve: (_root, { id }, _ctx, _info, resolveNode) =>
        LOADABLE_NODE_TYPES.has(id.typename as NodeTypename) ? resolveNode(id) : null,
    },
  },
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
