/**
 * Notices: administrators follow the outbox's delivery (pending and failed notices with their attempts and
 * last error, never a mail's body or address); every signed-in user picks which non-essential notices
 * they receive.
 */
import {
  ESSENTIAL_NOTICES,
  NOTICE_KINDS,
  NOTICE_KIND_TEXT_ID,
  NOTICE_STATUSES,
  type NoticeDto,
  type NoticeKind,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';

const NoticeKindEnum = builder.enumType('NoticeKind', { values: NOTICE_KINDS });
const NoticeStatusEnum = builder.enumType('NoticeStatus', {
  values: NOTICE_STATUSES,
  description:
    'PENDING: waiting or being retried; SENT; FAILED: gave up (retryNotices queues it again); SKIPPED: turned off or no recipient',
});

const NoticeType = builder.objectRef<NoticeDto>('Notice').implement({
  description: 'A notice of the outbox as administrators see it: delivery state only',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NoticeKindEnum, resolve: (n) => n.kind }),
    essential: t.exposeBoolean('essential'),
    status: t.field({ type: NoticeStatusEnum, resolve: (n) => n.status }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    recipientRole: t.string({
      description: 'CANDIDATE, or the role whose accounts receive it',
      resolve: (n) => ('candidateId' in n.recipient ? 'CANDIDATE' : n.recipient.role),
    }),
    agencyCode: t.string({
      nullable: true,
      resolve: (n) => ('agencyCode' in n.recipient ? n.recipient.agencyCode : null),
    }),
    createdAt: t.string({ resolve: (n) => n.createdAt }),
    nextAttemptAt: t.string({ nullable: true, resolve: (n) => n.nextAttemptAt }),
    sentAt: t.string({ nullable: true, resolve: (n) => n.sentAt }),
  }),
});

interface Preference {
  kind: NoticeKind;
  enabled: boolean;
}

const NoticePreferenceType = builder.objectRef<Preference>('NoticePreference').implement({
  fields: (t) => ({
    kind: t.field({ type: NoticeKindEnum, resolve: (p) => p.kind }),
    label: t.string({ resolve: (p) => NOTICE_KIND_TEXT_ID[p.kind] }),
    essential: t.boolean({
      description: 'Essential notices (deadlines that change your rights) are always sent',
      resolve: (p) => ESSENTIAL_NOTICES[p.kind],
    }),
    enabled: t.exposeBoolean('enabled'),
  }),
});

async function preferencesOf(ctx: GraphQLContext): Promise<Preference[]> {
  const disabled = new Set(await ctx.noticePreferences.disabledFor(ctx.user!.id));
  return NOTICE_KINDS.map((kind) => ({ kind, enabled: ESSENTIAL_NOTICES[kind] || !disabled.has(kind) }));
}

builder.queryField('notices', (t) =>
  t.field({
    type: [NoticeType],
    description: 'Notices of the outbox, newest first (default: PENDING and FAILED); administrators only',
    authScopes: { roles: ['ADMIN'] },
    args: {
      status: t.arg({ type: [NoticeStatusEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: (_r, args, ctx) => {
      const first = args.first ?? 100;
      if (first < 1 || first > 500) throw gqlError('VALIDATION_FAILED', 'first harus antara 1 dan 500', 'first');
      return typed(() =>
        ctx.services.candidate.listNotices({ status: args.status ?? ['PENDING', 'FAILED'], limit: first }),
      );
    },
  }),
);

builder.mutationField('retryNotices', (t) =>
  t.int({
    description: 'Queues FAILED notices again (after the mail server was fixed); answers how many',
    authScopes: { roles: ['ADMIN'] },
    args: { ids: t.arg.idList() },
    resolve: (_r, args, ctx) => {
      const ids = args.ids.map(String);
      if (ids.length === 0 || ids.length > 500)
        throw gqlError('VALIDATION_FAILED', 'Pilih 1 sampai 500 pemberitahuan', 'ids');
      return typed(async () => (await ctx.services.candidate.retryNotices(ids)).retried);
    },
  }),
);

builder.queryField('myNoticePreferences', (t) =>
  t.field({
    type: [NoticePreferenceType],
    description: 'Which notices you receive by e-mail',
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => preferencesOf(ctx),
  }),
);

builder.mutationField('setNoticePreferences', (t) =>
  t.field({
    type: [NoticePreferenceType],
    description: 'Turns off the given non-essential notices and on every other one',
    authScopes: { authenticated: true },
    args: { disabled: t.arg({ type: [NoticeKindEnum] }) },
    resolve: async (_r, args, ctx) => {
      const essential = args.disabled.filter((k) => ESSENTIAL_NOTICES[k]);
      if (essential.length > 0) {
        throw gqlError(
          'VALIDATION_FAILED',
          `Pemberitahuan penting tidak dapat dimatikan: ${essential.map((k) => NOTICE_KIND_TEXT_ID[k]).join(', ')}`,
          'disabled',
        );
      }
      await ctx.noticePreferences.setDisabled(ctx.user!.id, args.disabled);
      return preferencesOf(ctx);
    },
  }),
);
