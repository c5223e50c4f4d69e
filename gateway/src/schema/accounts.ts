/**
 * Account administration: invitations and password resets by one-time link, deactivation, roles,
 * the account list, candidates' self-registration by NIP and its confirmation, and the Pansel
 * member pickers. The national ADMIN manages every account; an AGENCY_ADMIN the staff of its own
 * agency. Every administrative change is audited (candidate service, `account:<id>`).
 *
 * Each link is queued (`account_notices`) and mailed by the notifier (notices/notifier.ts), which then
 * erases it; the administrator who asked for it also gets it in the answer (a gateway without SMTP).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isErrorCode, parseNip, type AuditRecordDto, type Role } from '@seleksi/domain';
import { builder } from '../builder';
import { accountLinkUrl, type Account, type AccountFilter, type LinkPurpose } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import type { SelectionSummaryDto } from '@seleksi/kit';
import type { GraphQLContext } from '../context';
import { gqlError, toGraphQLError, typed } from '../errors';
import { arrayConnection, keysetConnection, keysetPage } from '../relay/connections';
import { AuthPayload, isWrongCredential, openSessionFor, UserType } from './auth';
import { RoleEnum } from './common';
import { actorOf } from './decision';
import { parseInput } from './input';
import { SelectionType } from './selection';

/** Roles an invitation may carry (candidates register themselves). */
const INVITABLE_ROLES = ['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK', 'OVERSEER', 'AGENCY_ADMIN', 'ADMIN'] as const;
type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** What each administrator may grant. */
const GRANTS: Record<'ADMIN' | 'AGENCY_ADMIN', readonly InvitableRole[]> = {
  ADMIN: INVITABLE_ROLES,
  AGENCY_ADMIN: ['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK'],
};

/** Roles that belong to one agency (the others are national). */
const AGENCY_ROLES: readonly Role[] = ['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK', 'AGENCY_ADMIN'];

const ROLE_TEXT: Record<Role, string> = {
  CANDIDATE: 'peserta',
  PANSEL_MEMBER: 'anggota Pansel',
  PANSEL_SECRETARY: 'sekretariat Pansel',
  PPK: 'PPK',
  OVERSEER: 'pengawas',
  ADMIN: 'administrator nasional',
  AGENCY_ADMIN: 'administrator instansi',
};

const ADMINS = ['ADMIN', 'AGENCY_ADMIN'] as const;

export const InvitableRoleEnum = builder.enumType('InvitableRole', {
  values: INVITABLE_ROLES,
  description: 'Roles an administrator may give an account (AGENCY_ADMIN: secretary, Pansel member and PPK only)',
});

const RegistrationStatusEnum = builder.enumType('RegistrationStatus', {
  values: ['PENDING', 'LINKED', 'REJECTED'] as const,
});

const LinkPurposeEnum = builder.enumType('AccountLinkPurpose', { values: ['INVITATION', 'PASSWORD_RESET'] as const });

const AccountLinkPayload = builder.simpleObject('AccountLinkPayload', {
  description:
    'An issued one-time link. It is queued for e-mail; until mail is sent by the system, the administrator who issued it gets it here',
  fields: (t) => ({
    user: t.field({ type: UserType }),
    purpose: t.field({ type: LinkPurposeEnum }),
    link: t.string({ description: 'The one-time link (set a password); works once, until expiresAt' }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

const RegistrationPayload = builder.simpleObject('RegistrationPayload', {
  fields: (t) => ({
    status: t.field({ type: RegistrationStatusEnum }),
    user: t.field({ type: UserType }),
    message: t.string({ description: 'What happens next, for the candidate (Bahasa Indonesia)' }),
  }),
});

const AccountChangeType = builder.objectRef<AuditRecordDto>('AccountChange').implement({
  description: 'One recorded change of an account (who, when, what)',
  fields: (t) => ({
    id: t.exposeID('decisionId'),
    kind: t.exposeString('kind'),
    byUserId: t.string({ resolve: (r) => r.by.userId }),
    byRole: t.string({ resolve: (r) => r.by.role }),
    at: t.field({ type: 'DateTime', resolve: (r) => new Date(r.at) }),
    reason: t.string({ nullable: true, resolve: (r) => r.reason }),
    details: t.string({ description: 'JSON of the change', resolve: (r) => JSON.stringify(r.payload) }),
  }),
});

// --- access -----------------------------------------------------------------------------------

function admin(ctx: GraphQLContext): Account & { role: 'ADMIN' | 'AGENCY_ADMIN' } {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role !== 'ADMIN' && u.role !== 'AGENCY_ADMIN') {
    throw gqlError('FORBIDDEN', 'Anda tidak berwenang melakukan tindakan ini');
  }
  return u as Account & { role: 'ADMIN' | 'AGENCY_ADMIN' };
}

/** The account an administrator may manage: any for ADMIN; staff of its own agency for AGENCY_ADMIN. */
async function managedAccount(ctx: GraphQLContext, accountId: string): Promise<Account> {
  const me = admin(ctx);
  const target = await ctx.accounts.findById(accountId);
  if (!target) throw gqlError('NOT_FOUND', 'Akun tidak ditemukan', 'accountId');
  if (me.role === 'ADMIN') return target;
  const own =
    target.agencyCode === me.agencyCode &&
    (GRANTS.AGENCY_ADMIN as readonly Role[]).includes(target.role) &&
    target.id !== me.id;
  const ownCandidate = target.role === 'CANDIDATE' && target.registration?.agencyCode === me.agencyCode;
  if (!own && !ownCandidate) {
    throw gqlError('FORBIDDEN', 'Anda hanya dapat mengelola akun staf instansi Anda sendiri', 'accountId');
  }
  return target;
}

function requireGrant(me: Account & { role: 'ADMIN' | 'AGENCY_ADMIN' }, role: Role, field = 'role'): void {
  if (!(GRANTS[me.role] as readonly Role[]).includes(role)) {
    throw gqlError('FORBIDDEN', `Anda tidak berwenang memberikan peran ${ROLE_TEXT[role]}`, field);
  }
}

/** The agency of an account with this role, checked against the inviter's scope and the agency records. */
async function agencyFor(
  ctx: GraphQLContext,
  me: Account & { role: 'ADMIN' | 'AGENCY_ADMIN' },
  role: Role,
  requested: string | null | undefined,
): Promise<string | null> {
  if (!AGENCY_ROLES.includes(role)) return null;
  const code = requested?.trim() || (me.role === 'AGENCY_ADMIN' ? me.agencyCode : null);
  if (!code) throw gqlError('VALIDATION_FAILED', `Instansi wajib diisi untuk peran ${ROLE_TEXT[role]}`, 'agencyCode');
  if (me.role === 'AGENCY_ADMIN' && code !== me.agencyCode) {
    throw gqlError('FORBIDDEN', 'Anda hanya dapat mengundang akun untuk instansi Anda sendiri', 'agencyCode');
  }
  if (!(await ctx.loaders.agency.load(code))) {
    throw gqlError('NOT_FOUND', `Instansi ${code} tidak ditemukan`, 'agencyCode');
  }
  return code;
}

/** Records an account change in the audit record (no e-mail, no NIP: the payload is checked for them). */
async function audit(
  ctx: GraphQLContext,
  accountId: string,
  kind: string,
  payload: Record<string, unknown>,
  reason: string | null = null,
): Promise<void> {
  const by = ctx.user ? actorOf(ctx) : { userId: accountId, role: 'CANDIDATE' as const };
  await ctx.services.candidate.recordAudit({
    decisionId: `account-${randomUUID()}`,
    selectionId: `account:${accountId}`,
    workflowId: 'gateway:accounts',
    kind,
    by,
    at: new Date().toISOString(),
    reason,
    subjectId: accountId,
    payload,
  });
}

function linkUrl(ctx: GraphQLContext, token: string): string {
  return accountLinkUrl(ctx.config.PUBLIC_URL, token);
}

async function issue(ctx: GraphQLContext, account: Account, purpose: LinkPurpose) {
  const ttl = Math.round(ctx.config.ACCOUNT_LINK_TTL_HOURS * 3600);
  const { link, expiresAt } = await ctx.accounts.issueLink(account.id, purpose, ttl, (t) => linkUrl(ctx, t));
  return { user: account, purpose, link, expiresAt };
}

/** Refuses a change that would leave no active national administrator. */
async function keepOneAdmin(ctx: GraphQLContext, target: Account, field: string): Promise<void> {
  if (target.role !== 'ADMIN' || !target.active) return;
  if ((await ctx.accounts.countActiveAdmins()) <= 1) {
    throw gqlError(
      'LAST_ADMIN',
      'Administrator nasional aktif terakhir tidak dapat dinonaktifkan atau diturunkan',
      field,
    );
  }
}

// --- inputs -----------------------------------------------------------------------------------

const email = z.string().trim().toLowerCase().email('Format email tidak valid').max(200, 'Email terlalu panjang');
const password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(200, 'Kata sandi paling banyak 200 karakter');

const InviteAccountInput = builder.inputType('InviteAccountInput', {
  fields: (t) => ({
    email: t.string(),
    displayName: t.string({ description: 'Name as shown in the system (and printed where the account signs)' }),
    role: t.field({ type: InvitableRoleEnum }),
    agencyCode: t.string({
      required: false,
      description: 'Agency of a secretary, Pansel member, PPK or agency administrator (default: your own)',
    }),
    affiliation: t.string({
      required: false,
      description: 'For external Pansel members: their university or association',
    }),
  }),
});

const inviteSchema = z.object({
  email,
  displayName: z.string().trim().min(3, 'Nama minimal 3 karakter').max(200, 'Nama terlalu panjang'),
  role: z.enum(INVITABLE_ROLES),
  agencyCode: z.string().trim().max(30).nullish(),
  affiliation: z.string().trim().max(200, 'Asal lembaga terlalu panjang').nullish(),
});

const RegisterCandidateInput = builder.inputType('RegisterCandidateInput', {
  fields: (t) => ({
    nip: t.string(),
    email: t.string(),
    birthDate: t.field({ type: 'LocalDate' }),
    password: t.string(),
    displayName: t.string({ required: false }),
  }),
});

const registerSchema = z.object({
  nip: z.string().max(40),
  email,
  birthDate: z.string(),
  password,
  displayName: z.string().trim().max(200).nullish(),
});

// --- queries ----------------------------------------------------------------------------------

/** The page of both account lists (`accounts`, `pendingRegistrations`): one type, so a client selects it once. */
const AccountConnection = builder.connectionObject<typeof UserType, { totalCount: number }>(
  {
    type: UserType,
    name: 'AccountConnection',
    fields: (t) => ({ totalCount: t.exposeInt('totalCount') }),
  },
  { name: 'AccountConnectionEdge' },
);

builder.queryField('accounts', (t) =>
  t.connection(
    {
      type: UserType,
      description:
        "Accounts in id order, filtered (administrators; an agency administrator sees its own agency's accounts)",
      authScopes: { roles: [...ADMINS] },
      args: {
        role: t.arg({ type: RoleEnum, required: false }),
        agencyCode: t.arg.string({ required: false }),
        active: t.arg.boolean({ required: false }),
      },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const me = admin(ctx);
          let agencyCode = args.agencyCode ?? null;
          if (me.role === 'AGENCY_ADMIN') {
            if (agencyCode && agencyCode !== me.agencyCode) {
              throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat akun instansi Anda sendiri', 'agencyCode');
            }
            agencyCode = me.agencyCode;
          }
          const { first, after } = keysetPage(args);
          const filter: AccountFilter = { role: args.role ?? null, agencyCode, active: args.active ?? null };
          return keysetConnection(await ctx.accounts.list(filter, first, after), after);
        }),
    },
    AccountConnection,
  ),
);

builder.queryField('pendingRegistrations', (t) =>
  t.connection(
    {
      type: UserType,
      description:
        'Candidate self-registrations waiting for confirmation (ADMIN: all; agency administrator: NIPs of its agency)',
      authScopes: { roles: [...ADMINS] },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const me = admin(ctx);
          const { first, after } = keysetPage(args);
          const filter: AccountFilter = {
            registrationStatus: 'PENDING',
            ...(me.role === 'AGENCY_ADMIN' ? { registrationAgencyCode: me.agencyCode ?? '-' } : {}),
          };
          return keysetConnection(await ctx.accounts.list(filter, first, after), after);
        }),
    },
    AccountConnection,
  ),
);

builder.queryField('accountChanges', (t) =>
  t.field({
    type: [AccountChangeType],
    description: "An account's recorded changes, oldest first (first 200)",
    authScopes: { roles: [...ADMINS] },
    args: { accountId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const target = await managedAccount(ctx, String(args.accountId));
        const page = await ctx.services.candidate.listAuditRecords({ selectionId: `account:${target.id}`, limit: 200 });
        return page.items;
      }),
  }),
);

builder.queryField('panselCandidates', (t) =>
  t.connection(
    {
      type: UserType,
      description:
        "Active PANSEL_MEMBER accounts a selection of this agency may seat: the agency's own and those without an agency, by name",
      authScopes: { roles: ['PANSEL_SECRETARY', ...ADMINS] },
      args: { agencyCode: t.arg.string() },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const u = ctx.user!;
          if (u.role !== 'ADMIN' && u.agencyCode !== args.agencyCode) {
            throw gqlError('FORBIDDEN', 'Anda hanya dapat melihat anggota untuk instansi Anda sendiri', 'agencyCode');
          }
          // Bounded: a Pansel is picked from tens of people, not thousands.
          const [own, national] = await Promise.all([
            ctx.accounts.list({ role: 'PANSEL_MEMBER', agencyCode: args.agencyCode, active: true }, 500, null),
            ctx.accounts.list({ role: 'PANSEL_MEMBER', agencyCode: null, active: true }, 500, null),
          ]);
          const all = [...own.items, ...national.items.filter((a) => a.agencyCode === null)];
          all.sort((a, b) => a.displayName.localeCompare(b.displayName, 'id'));
          return arrayConnection(args, all);
        }),
    },
    { name: 'PanselCandidateConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

builder.queryField('myPanselRounds', (t) =>
  t.connection(
    {
      type: SelectionType,
      description: 'The selection rounds whose Pansel you sit on, newest first (Pansel members)',
      authScopes: { roles: ['PANSEL_MEMBER'] },
      resolve: (_r, args, ctx) =>
        typed(async () => {
          const ids = await ctx.accounts.seatsOf(ctx.user!.id, 500);
          const selections: SelectionSummaryDto[] = [];
          for (const s of await ctx.loaders.selection.loadMany(ids)) {
            if (s instanceof Error) throw s;
            if (s) selections.push(s);
          }
          return arrayConnection(args, selections);
        }),
    },
    { name: 'PanselRoundConnection', fields: (t) => ({ totalCount: t.exposeInt('totalCount') }) },
  ),
);

// --- mutations: administrators ----------------------------------------------------------------

builder.mutationField('inviteAccount', (t) =>
  t.field({
    type: AccountLinkPayload,
    description:
      'Creates an account with a role and agency and issues its one-time link to set a password (ADMIN: any role; agency administrator: secretary, Pansel member, PPK of its agency)',
    authScopes: { roles: [...ADMINS] },
    args: { input: t.arg({ type: InviteAccountInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const me = admin(ctx);
        const input = parseInput(inviteSchema, args.input);
        requireGrant(me, input.role, 'input.role');
        const agencyCode = await agencyFor(ctx, me, input.role, input.agencyCode).catch((err: unknown) => {
          throw withPrefix(err, 'input.');
        });
        if (await ctx.accounts.emailTaken(input.email)) {
          throw gqlError('CONFLICT', 'Alamat email ini sudah dipakai akun lain', 'input.email');
        }
        const account = await ctx.accounts
          .create({
            email: input.email,
            displayName: input.displayName,
            role: input.role,
            agencyCode,
            candidateId: null,
            active: true,
            affiliation: input.affiliation || null,
            registration: null,
          })
          .catch((err: unknown) => {
            throw withPrefix(err, 'input.');
          });
        // Link, notice and audit, or none of them (nothing half-created).
        try {
          const payload = await issue(ctx, account, 'INVITATION');
          await audit(ctx, account.id, 'ACCOUNT_INVITED', {
            role: account.role,
            agencyCode,
            affiliation: account.affiliation,
          });
          ctx.logger.info({ accountId: account.id, role: account.role, by: me.id }, 'account invited');
          return payload;
        } catch (err) {
          await ctx.accounts.remove(account.id);
          throw err;
        }
      }),
  }),
);

builder.mutationField('issuePasswordReset', (t) =>
  t.field({
    type: AccountLinkPayload,
    description:
      'Issues a new one-time link for an account (a password reset; a new invitation while the account has no password yet); earlier links stop working',
    authScopes: { roles: [...ADMINS] },
    args: { accountId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const target = await managedAccount(ctx, String(args.accountId));
        if (!target.active) throw gqlError('CONFLICT', 'Akun ini tidak aktif; aktifkan dahulu', 'accountId');
        const payload = await issue(ctx, target, target.passwordSet ? 'PASSWORD_RESET' : 'INVITATION');
        await audit(ctx, target.id, 'ACCOUNT_LINK_ISSUED', { purpose: payload.purpose });
        return payload;
      }),
  }),
);

builder.mutationField('deactivateAccount', (t) =>
  t.field({
    type: UserType,
    description: 'Deactivates an account: it cannot sign in, and its running sessions end at once',
    authScopes: { roles: [...ADMINS] },
    args: { accountId: t.arg.id(), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const target = await managedAccount(ctx, String(args.accountId));
        await keepOneAdmin(ctx, target, 'accountId');
        const updated = (await ctx.accounts.setActive(target.id, false))!;
        // Two administrators deactivating each other at once could both pass the check above.
        if (target.role === 'ADMIN' && (await ctx.accounts.countActiveAdmins()) === 0) {
          await ctx.accounts.setActive(target.id, true);
          throw gqlError('LAST_ADMIN', 'Administrator nasional aktif terakhir tidak dapat dinonaktifkan', 'accountId');
        }
        await audit(ctx, target.id, 'ACCOUNT_DEACTIVATED', { active: false }, args.reason?.trim() || null);
        return updated;
      }),
  }),
);

builder.mutationField('reactivateAccount', (t) =>
  t.field({
    type: UserType,
    description: 'Lets a deactivated account sign in again (its old sessions stay ended)',
    authScopes: { roles: [...ADMINS] },
    args: { accountId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const target = await managedAccount(ctx, String(args.accountId));
        const updated = (await ctx.accounts.setActive(target.id, true))!;
        await audit(ctx, target.id, 'ACCOUNT_REACTIVATED', { active: true });
        return updated;
      }),
  }),
);

builder.mutationField('changeAccountRole', (t) =>
  t.field({
    type: UserType,
    description:
      "Changes an account's role and agency (within what you may grant); the account's sessions see it at once",
    authScopes: { roles: [...ADMINS] },
    args: {
      accountId: t.arg.id(),
      role: t.arg({ type: InvitableRoleEnum }),
      agencyCode: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const me = admin(ctx);
        const target = await managedAccount(ctx, String(args.accountId));
        requireGrant(me, args.role);
        if (target.role === 'CANDIDATE') {
          throw gqlError('VALIDATION_FAILED', 'Peran akun peserta tidak dapat diubah', 'accountId');
        }
        const agencyCode = await agencyFor(ctx, me, args.role, args.agencyCode);
        if (args.role !== 'ADMIN') await keepOneAdmin(ctx, target, 'role');
        const updated = (await ctx.accounts.setRole(target.id, args.role, agencyCode))!;
        if (target.role === 'ADMIN' && (await ctx.accounts.countActiveAdmins()) === 0) {
          await ctx.accounts.setRole(target.id, target.role, target.agencyCode);
          throw gqlError('LAST_ADMIN', 'Administrator nasional aktif terakhir tidak dapat diturunkan', 'role');
        }
        await audit(ctx, target.id, 'ACCOUNT_ROLE_CHANGED', {
          before: { role: target.role, agencyCode: target.agencyCode },
          after: { role: updated.role, agencyCode: updated.agencyCode },
        });
        return updated;
      }),
  }),
);

builder.mutationField('decideRegistration', (t) =>
  t.field({
    type: UserType,
    description:
      "Confirms (links to the ASN profile of its NIP) or rejects (deactivates) a candidate's pending self-registration",
    authScopes: { roles: [...ADMINS] },
    args: { accountId: t.arg.id(), approve: t.arg.boolean(), reason: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const target = await managedAccount(ctx, String(args.accountId));
        const reg = target.registration;
        if (target.role !== 'CANDIDATE' || reg?.status !== 'PENDING') {
          throw gqlError('CONFLICT', 'Pendaftaran ini tidak sedang menunggu konfirmasi', 'accountId');
        }
        const reason = args.reason.trim();
        if (reason.length < 5) throw gqlError('VALIDATION_FAILED', 'Alasan minimal 5 karakter', 'reason');
        const now = new Date();
        if (!args.approve) {
          const updated = await ctx.accounts.setRegistration(
            target.id,
            { ...reg, status: 'REJECTED', decidedAt: now, reason },
            { active: false },
          );
          await ctx.accounts.endSessionsOf(target.id);
          await audit(ctx, target.id, 'REGISTRATION_REJECTED', { status: 'REJECTED' }, reason);
          return updated!;
        }
        const profile = await ctx.services.candidate.getProfileByNip(reg.nip);
        if (!profile) throw gqlError('NOT_FOUND', 'Belum ada data ASN dengan NIP ini', 'accountId');
        const holder = await ctx.accounts.findByCandidateId(profile.id);
        if (holder && holder.id !== target.id) {
          throw gqlError('CONFLICT', 'Data ASN ini sudah terhubung dengan akun lain', 'accountId');
        }
        const updated = await ctx.accounts.setRegistration(
          target.id,
          { ...reg, status: 'LINKED', profileId: profile.id, agencyCode: profile.agencyCode, decidedAt: now, reason },
          { candidateId: profile.id, agencyCode: profile.agencyCode },
        );
        await audit(ctx, target.id, 'REGISTRATION_CONFIRMED', { status: 'LINKED', profileId: profile.id }, reason);
        return updated!;
      }),
  }),
);

// --- mutations: anyone ------------------------------------------------------------------------

builder.mutationField('setPasswordWithLink', (t) =>
  t.field({
    type: AuthPayload,
    description: 'Sets the password with a one-time link (invitation or reset) and signs in',
    args: { token: t.arg.string(), password: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const token = z.string().trim().min(20).max(200).safeParse(args.token);
        if (!token.success) throw gqlError('LINK_INVALID', 'Tautan tidak dikenal atau tidak lengkap', 'token');
        const pw = password.safeParse(args.password);
        if (!pw.success) throw gqlError('VALIDATION_FAILED', pw.error.issues[0]!.message, 'password');
        // Guessing links is throttled per address (a link names no account until it is found).
        const account = await ctx.throttle.guard(
          { account: null, address: ctx.clientAddress, action: 'PASSWORD_LINK' },
          () =>
            ctx.accounts.redeemLink(token.data, pw.data).catch((err: unknown) => Promise.reject(toGraphQLError(err))),
          isWrongCredential,
        );
        return openSessionFor(ctx, account);
      }),
  }),
);

builder.mutationField('requestPasswordReset', (t) =>
  t.boolean({
    description:
      'Queues a password-reset link for the e-mail of an active account. Always true: the answer does not tell which addresses have accounts',
    args: { email: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const parsed = email.safeParse(args.email);
        if (!parsed.success) throw gqlError('VALIDATION_FAILED', 'Format email tidak valid', 'email');
        // Limited per e-mail and per address (mail flooding), whether the address has an account or not.
        return ctx.throttle.guard(
          { account: parsed.data.toLowerCase(), address: ctx.clientAddress, action: 'PASSWORD_RESET' },
          async () => {
            const account = await ctx.accounts.findByEmail(parsed.data);
            if (account?.active && account.passwordSet) {
              const ttl = Math.round(ctx.config.ACCOUNT_LINK_TTL_HOURS * 3600);
              await ctx.accounts.issueLink(account.id, 'PASSWORD_RESET', ttl, (tk) => linkUrl(ctx, tk));
            }
            return true;
          },
          () => false,
          { countSuccess: true },
        );
      }),
  }),
);

builder.mutationField('registerCandidate', (t) =>
  t.field({
    type: RegistrationPayload,
    description:
      'A candidate (ASN) creates an account by NIP. It is linked to the ASN profile at once when the birth date and e-mail match the profile; otherwise it waits for an administrator',
    args: { input: t.arg({ type: RegisterCandidateInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(registerSchema, args.input);
        const today = new Date().toISOString().slice(0, 10);
        let nip: string;
        let nipBirthDate: string;
        try {
          ({ nip, birthDate: nipBirthDate } = parseNip(input.nip, today));
        } catch (err) {
          throw withPrefix(err, 'input.');
        }
        if (await ctx.accounts.emailTaken(input.email)) {
          throw gqlError('CONFLICT', 'Alamat email ini sudah dipakai akun lain', 'input.email');
        }
        const profile = await ctx.services.candidate.getProfileByNip(nip);
        if (profile && (await ctx.accounts.findByCandidateId(profile.id))) {
          throw gqlError('CONFLICT', 'NIP ini sudah terhubung dengan akun lain', 'input.nip');
        }
        const matches =
          profile !== null &&
          input.birthDate === nipBirthDate &&
          !!profile.email &&
          profile.email.toLowerCase() === input.email;
        const account = await ctx.accounts
          .create({
            email: input.email,
            displayName: input.displayName || profile?.name || `Peserta ${nip.slice(-4)}`,
            role: 'CANDIDATE',
            agencyCode: profile?.agencyCode ?? null,
            candidateId: matches ? profile.id : null,
            active: true,
            affiliation: null,
            registration: {
              nip,
              birthDate: input.birthDate,
              status: matches ? 'LINKED' : 'PENDING',
              profileId: profile?.id ?? null,
              agencyCode: profile?.agencyCode ?? null,
              decidedAt: matches ? new Date() : null,
              reason: null,
            },
            passwordHash: await hashPassword(input.password),
          })
          .catch((err: unknown) => {
            throw withPrefix(err, 'input.');
          });
        try {
          await audit(ctx, account.id, matches ? 'REGISTRATION_LINKED' : 'REGISTRATION_PENDING', {
            status: account.registration!.status,
            profileFound: profile !== null,
          });
        } catch (err) {
          await ctx.accounts.remove(account.id);
          throw err;
        }
        return {
          status: account.registration!.status,
          user: account,
          message: matches
            ? 'Akun Anda telah terhubung dengan data ASN. Silakan masuk.'
            : 'Pendaftaran Anda diterima dan menunggu konfirmasi administrator sebelum terhubung dengan data ASN.',
        };
      }),
  }),
);

/** A typed error about an input field, moved under the input argument's name (`input.email`). */
function withPrefix(err: unknown, prefix: string): unknown {
  const e = err as { code?: unknown; field?: unknown; message?: string; extensions?: Record<string, unknown> };
  const code = e?.extensions?.code ?? e?.code;
  const field = e?.extensions?.field ?? e?.field;
  if (isErrorCode(code) && typeof field === 'string' && !field.startsWith(prefix)) {
    return gqlError(code, e.message ?? code, `${prefix}${field}`);
  }
  return err;
}
