/** Security events (throttled sign-ins, lockouts) for the national administrator. */
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { keysetConnection, keysetPage } from '../relay/connections';
import { SECURITY_EVENT_KINDS, type SecurityEvent } from '../security/events';

const SecurityEventKindEnum = builder.enumType('SecurityEventKind', {
  values: SECURITY_EVENT_KINDS,
  description: 'ATTEMPT_THROTTLED: an attempt refused with TOO_MANY_ATTEMPTS; *_LOCKED: a lockout began',
});

const SecurityEventType = builder.objectRef<SecurityEvent>('SecurityEvent').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: SecurityEventKindEnum, resolve: (e) => e.kind }),
    action: t.exposeString('action', { description: 'SIGN_IN, PASSWORD_LINK or PASSWORD_RESET' }),
    account: t.exposeString('account', {
      nullable: true,
      description: 'The e-mail tried (an account may or may not have it)',
    }),
    address: t.exposeString('address', { description: "The client's address" }),
    scope: t.exposeString('scope', { description: 'ACCOUNT or ADDRESS: whose limit applied' }),
    retryAfterSeconds: t.exposeInt('retryAfterSeconds'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.queryField('securityEvents', (t) =>
  t.connection(
    {
      type: SecurityEventType,
      description: 'Throttled sign-in attempts and lockouts, newest first (national administrator)',
      authScopes: { roles: ['ADMIN'] },
      args: {
        kind: t.arg({ type: SecurityEventKindEnum, required: false }),
        account: t.arg.string({ required: false }),
        address: t.arg.string({ required: false }),
      },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const { first, after } = keysetPage(args);
          if ((args.account?.length ?? 0) > 200)
            throw gqlError('VALIDATION_FAILED', 'Email terlalu panjang', 'account');
          if ((args.address?.length ?? 0) > 64)
            throw gqlError('VALIDATION_FAILED', 'Alamat terlalu panjang', 'address');
          const r = await ctx.throttle.events.list(
            { kind: args.kind ?? null, account: args.account ?? null, address: args.address ?? null },
            first,
            after,
          );
          return keysetConnection(r, after);
        }),
    },
    { name: 'SecurityEventConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);
