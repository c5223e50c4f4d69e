/**
 * User accounts and sessions, owned by the gateway (authentication is its job). All Mongo access
 * for auth goes through this repository; password hashes never leave it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { DomainError, ROLES, type Role, type UserIdentity } from '@seleksi/domain';
import { hashPassword, verifyPassword } from './passwords';
import type { AuthChangeFeed } from './auth-changes';

/** How a self-registered candidate's account stands towards the ASN profile it named by NIP. */
export type RegistrationStatus = 'PENDING' | 'LINKED' | 'REJECTED';

export interface Registration {
  nip: string;
  birthDate: string;
  status: RegistrationStatus;
  /** The profile with this NIP when one exists (an administrator confirms against it). */
  profileId: string | null;
  /** The profile's agency (an agency administrator sees its own agency's pending registrations). */
  agencyCode: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

export interface Account extends UserIdentity {
  /** False once deactivated (and while a self-registration waits for an administrator). */
  active: boolean;
  /** Where an external Pansel member comes from (a university, an association). */
  affiliation: string | null;
  /** False while an invited account has not set its password through its link. */
  passwordSet: boolean;
  registration: Registration | null;
}

/** What an administration script or test writes with `upsert`. */
export type AccountInput = Pick<Account, 'id' | 'email' | 'displayName' | 'role' | 'agencyCode' | 'candidateId'> &
  Partial<Pick<Account, 'affiliation' | 'active'>> & { password: string };

interface AccountDoc {
  _id: string;
  email: string;
  /** Null until an invited account sets its password. */
  passwordHash: string | null;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  candidateId: string | null;
  /** Absent on accounts stored before deactivation existed: they are active. */
  active?: boolean;
  affiliation?: string | null;
  registration?: Registration | null;
  /** `iss|sub` of the OpenID Connect identity this account signed in with (found by e-mail the first time). */
  oidcSubject?: string | null;
  deactivatedAt?: Date | null;
}

interface SessionDoc {
  _id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type LinkPurpose = 'INVITATION' | 'PASSWORD_RESET';

/** A one-time link: stored by the SHA-256 of its token only, so a read of the store gives no usable link. */
interface LinkDoc {
  _id: string;
  accountId: string;
  purpose: LinkPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/**
 * A notice waiting for the mail outbox: the link itself, which only the mail may carry. The notices
 * work sends it and then clears `link`; until then an administrator may hand it over another way.
 */
interface AccountNoticeDoc {
  _id: string;
  accountId: string;
  kind: LinkPurpose;
  link: string | null;
  expiresAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

const registrationSchema = new Schema<Registration>(
  {
    nip: { type: String, required: true },
    birthDate: { type: String, required: true },
    status: { type: String, required: true, enum: ['PENDING', 'LINKED', 'REJECTED'] },
    profileId: { type: String, default: null },
    agencyCode: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const accountSchema = new Schema<AccountDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, default: null },
    displayName: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    agencyCode: { type: String, default: null },
    candidateId: { type: String, default: null },
    active: { type: Boolean, default: true },
    affiliation: { type: String, default: null },
    registration: { type: registrationSchema, default: null },
    oidcSubject: { type: String, default: null, index: true },
    deactivatedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
// Administrators' lists filter by role and agency, in id order.
accountSchema.index({ role: 1, agencyCode: 1, _id: 1 });
accountSchema.index({ 'registration.status': 1, _id: 1 });

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);

const linkSchema = new Schema<LinkDoc>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true, index: true },
    purpose: { type: String, required: true, enum: ['INVITATION', 'PASSWORD_RESET'] },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const noticeSchema = new Schema<AccountNoticeDoc>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true, index: true },
    kind: { type: String, required: true, enum: ['INVITATION', 'PASSWORD_RESET'] },
    link: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false },
);

/** A Pansel seat: which selection a PANSEL_MEMBER account sits on (written when the Pansel is set). */
interface SeatDoc {
  _id: string;
  userId: string;
  selectionId: string;
  agencyCode: string;
  at: Date;
}

const seatSchema = new Schema<SeatDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    selectionId: { type: String, required: true, index: true },
    agencyCode: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
seatSchema.index({ userId: 1, at: -1 });

/** A sign-in with OpenID Connect under way: what the callback must match (kept server-side, used once). */
interface OidcStateDoc {
  _id: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: Date;
  usedAt: Date | null;
}

const oidcStateSchema = new Schema<OidcStateDoc>(
  {
    _id: { type: String, required: true },
    codeVerifier: { type: String, required: true },
    nonce: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

function toAccount(d: AccountDoc): Account {
  return {
    id: d._id,
    email: d.email,
    displayName: d.displayName,
    role: d.role,
    agencyCode: d.agencyCode ?? null,
    candidateId: d.candidateId ?? null,
    active: d.active !== false,
    affiliation: d.affiliation ?? null,
    passwordSet: Boolean(d.passwordHash),
    registration: d.registration ?? null,
  };
}

/** The page of a one-time link; the token is in the fragment, so it never reaches a server log of the page. */
export function accountLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/atur-kata-sandi#${token}`;
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Typed refusal of an account write (the schema turns it into a GraphQL error with its field). */
export class AccountError extends DomainError {}

export interface AccountFilter {
  role?: Role | null;
  agencyCode?: string | null;
  active?: boolean | null;
  /** Only self-registrations in this state. */
  registrationStatus?: RegistrationStatus | null;
  /** Self-registrations whose NIP names a profile of this agency. */
  registrationAgencyCode?: string | null;
}

/**
 * How long a checked session is trusted without reading it again when the sign-in change feed is not
 * read (not started, or the store away): every signed-in request would otherwise wait for two lookups
 * in turn, while a portal page sends several requests within seconds. Sign-out and account writes
 * through this gateway take effect at once; through another gateway process, within this time.
 */
export const SESSION_RECHECK_MS = 30_000;
/**
 * How long a checked session is trusted while the change feed is read (see auth-changes.ts): a change
 * made through any gateway then reaches this one within about a poll. The bound only matters when a
 * gateway stopped between storing a change and writing it to the feed.
 */
export const SESSION_TRUST_WITH_FEED_MS = 300_000;
/** Where the account changes a gateway has taken stood, and when (see `changeMark`). */
export interface ChangeMark {
  generation: number;
  at: number;
}

/** Sessions remembered per gateway; a full map is simply started again. */
const MAX_CHECKED_SESSIONS = 10_000;

export class AccountRepository {
  private readonly accounts: Model<AccountDoc>;
  private readonly sessions: Model<SessionDoc>;
  private readonly links: Model<LinkDoc>;
  private readonly notices: Model<AccountNoticeDoc>;
  private readonly seats: Model<SeatDoc>;
  private readonly oidcStates: Model<OidcStateDoc>;
  private readonly checked = new Map<string, { account: Account; expiresAt: number; checkedAt: number }>();
  /** Sessions signed out here or through another gateway (never remembered again). */
  private readonly revoked = new Set<string>();
  /** Counts the changes taken from the feed: a session read while one arrived is not remembered. */
  private generation = 0;

  constructor(
    conn: Connection,
    /** The feed shared by the gateways (absent: sessions are reread every SESSION_RECHECK_MS). */
    readonly feed: AuthChangeFeed | null = null,
  ) {
    this.accounts = conn.model<AccountDoc>('Account', accountSchema, 'accounts');
    this.sessions = conn.model<SessionDoc>('Session', sessionSchema, 'sessions');
    this.links = conn.model<LinkDoc>('AccountLink', linkSchema, 'account_links');
    this.notices = conn.model<AccountNoticeDoc>('AccountNotice', noticeSchema, 'account_notices');
    this.seats = conn.model<SeatDoc>('PanselSeat', seatSchema, 'pansel_seats');
    this.oidcStates = conn.model<OidcStateDoc>('OidcState', oidcStateSchema, 'oidc_states');
  }

  async init(): Promise<void> {
    await Promise.all([
      this.accounts.init(),
      this.sessions.init(),
      this.links.init(),
      this.notices.init(),
      this.seats.init(),
      this.oidcStates.init(),
      this.feed?.init(),
    ]);
  }

  /** Reads the feed of changes made through other gateways (and this one) until `stopFeed`. */
  startFeed(): void {
    this.feed?.start((changes, resync) => {
      this.generation += 1;
      if (resync) this.checked.clear();
      for (const c of changes) {
        if (c.kind === 'SESSION') this.remember(c.ref);
        else this.forget(c.ref);
      }
    });
  }

  stopFeed(): Promise<void> {
    return this.feed?.stop() ?? Promise.resolve();
  }

  /** Tells every gateway to read these accounts again (after the change is stored). */
  private async changedAccounts(...ids: string[]): Promise<void> {
    await this.feed?.publish('ACCOUNT', ids);
  }

  /** Creates or updates an account by id (used for demo users and administration). */
  async upsert(account: AccountInput): Promise<Account> {
    const existing = await this.accounts.findById(account.id).lean();
    const passwordHash =
      existing?.passwordHash && (await verifyPassword(existing.passwordHash, account.password))
        ? existing.passwordHash
        : await hashPassword(account.password);
    const set = {
      email: account.email.toLowerCase(),
      passwordHash,
      displayName: account.displayName,
      role: account.role,
      agencyCode: account.agencyCode,
      candidateId: account.candidateId,
      active: account.active ?? true,
      affiliation: account.affiliation ?? existing?.affiliation ?? null,
    };
    // $set keeps what this input does not name (a registration, an OpenID link).
    await this.accounts.updateOne({ _id: account.id }, { $set: set }, { upsert: true });
    // Role, agency or candidate may have changed: sessions are read again.
    this.generation += 1;
    this.checked.clear();
    await this.changedAccounts(account.id);
    return (await this.findById(account.id))!;
  }

  async findById(id: string): Promise<Account | null> {
    const d = await this.accounts.findById(id).lean();
    return d ? toAccount(d) : null;
  }

  async findByEmail(email: string): Promise<Account | null> {
    const d = await this.accounts.findOne({ email: email.toLowerCase().trim() }).lean();
    return d ? toAccount(d) : null;
  }

  /**
   * Checks a password; the same answer (null) for an unknown email, a wrong password, an account
   * without a password yet and a deactivated account (a refusal must not tell which accounts exist).
   */
  async authenticate(email: string, password: string): Promise<Account | null> {
    const d = await this.accounts.findOne({ email: email.toLowerCase().trim() }).lean();
    if (!d?.passwordHash || d.active === false) {
      // The same hashing work as a real check: the answer's timing must not tell which accounts exist.
      await verifyPassword(await dummyHash(), password);
      return null;
    }
    return (await verifyPassword(d.passwordHash, password)) ? toAccount(d) : null;
  }

  /**
   * Creates an account that has no password yet (an invitation or a self-registration). A taken
   * e-mail answers CONFLICT on `email` and writes nothing: the unique index decides, so two
   * concurrent invitations of one address cannot both succeed.
   */
  async create(a: Omit<Account, 'id' | 'passwordSet'> & { passwordHash?: string | null }): Promise<Account> {
    const doc: AccountDoc = {
      _id: `usr-${randomBytes(9).toString('base64url')}`,
      email: a.email.toLowerCase().trim(),
      passwordHash: a.passwordHash ?? null,
      displayName: a.displayName,
      role: a.role,
      agencyCode: a.agencyCode,
      candidateId: a.candidateId,
      active: a.active,
      affiliation: a.affiliation,
      registration: a.registration,
      oidcSubject: null,
      deactivatedAt: null,
    };
    try {
      await this.accounts.create(doc);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw emailTaken();
      throw err;
    }
    return toAccount(doc);
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.accounts.countDocuments({ email: email.toLowerCase().trim() })) > 0;
  }

  /** One page of accounts in id order (`after`: the last id of the previous page) and the filter's total. */
  async list(
    filter: AccountFilter,
    first: number,
    after: string | null,
  ): Promise<{ items: Account[]; hasNext: boolean; totalCount: number }> {
    const q: Record<string, unknown> = {};
    if (filter.role) q.role = filter.role;
    if (filter.agencyCode !== undefined && filter.agencyCode !== null) q.agencyCode = filter.agencyCode;
    if (filter.active === true) q.active = { $ne: false };
    if (filter.active === false) q.active = false;
    if (filter.registrationStatus) q['registration.status'] = filter.registrationStatus;
    if (filter.registrationAgencyCode) q['registration.agencyCode'] = filter.registrationAgencyCode;
    const page = after ? { ...q, _id: { $gt: after } } : q;
    const [docs, totalCount] = await Promise.all([
      this.accounts
        .find(page)
        .sort({ _id: 1 })
        .limit(first + 1)
        .lean(),
      this.accounts.countDocuments(q),
    ]);
    return { items: docs.slice(0, first).map(toAccount), hasNext: docs.length > first, totalCount };
  }

  /** Active ADMIN accounts (the last one may not be locked out). */
  countActiveAdmins(): Promise<number> {
    return this.accounts.countDocuments({ role: 'ADMIN', active: { $ne: false } });
  }

  /**
   * Deactivates an account and ends its sessions at once in this gateway (sessions revoked in the
   * store, its cached sessions dropped); other gateway processes drop theirs when they read the change
   * feed (within about a poll; SESSION_RECHECK_MS when they cannot read it).
   */
  async setActive(id: string, active: boolean): Promise<Account | null> {
    const d = await this.accounts
      .findOneAndUpdate({ _id: id }, { $set: { active, deactivatedAt: active ? null : new Date() } }, { new: true })
      .lean();
    if (!d) return null;
    if (!active) await this.endSessionsOf(id);
    else {
      this.forget(id);
      await this.changedAccounts(id);
    }
    return toAccount(d);
  }

  async setRole(id: string, role: Role, agencyCode: string | null): Promise<Account | null> {
    const d = await this.accounts.findOneAndUpdate({ _id: id }, { $set: { role, agencyCode } }, { new: true }).lean();
    if (d) {
      this.forget(id);
      await this.changedAccounts(id);
    }
    return d ? toAccount(d) : null;
  }

  /** Ends every session of an account, here at once (see `setActive` for other gateways). */
  async endSessionsOf(userId: string, now = new Date()): Promise<void> {
    this.forget(userId);
    const live = await this.sessions.find({ userId, revokedAt: null }, { _id: 1 }).lean();
    for (const s of live) this.remember(s._id);
    await this.sessions.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: now } });
    await this.changedAccounts(userId);
  }

  /**
   * Drops the cached sessions of an account, so its next request reads it again. Counted as a change:
   * a read of the account under way (a sign-in, a session check) must not remember what it found.
   */
  private forget(userId: string): void {
    this.generation += 1;
    for (const [sessionId, c] of this.checked) if (c.account.id === userId) this.checked.delete(sessionId);
  }

  private remember(sessionId: string): void {
    this.generation += 1;
    if (this.revoked.size >= MAX_CHECKED_SESSIONS) this.revoked.clear();
    this.revoked.add(sessionId);
    this.checked.delete(sessionId);
  }

  // --- one-time links --------------------------------------------------------------------------

  /**
   * Issues a one-time link token for an account (random 256 bits, stored only as its SHA-256) and
   * queues the notice that will carry it. Earlier unused links of the same purpose stop working.
   */
  async issueLink(
    accountId: string,
    purpose: LinkPurpose,
    ttlSeconds: number,
    linkOf: (token: string) => string,
    now = new Date(),
  ): Promise<{ token: string; link: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    await this.links.updateMany({ accountId, purpose, usedAt: null }, { $set: { usedAt: now } });
    await this.links.create({ _id: hashLinkToken(token), accountId, purpose, expiresAt, usedAt: null, createdAt: now });
    const link = linkOf(token);
    await this.notices.create({
      _id: `ntc-${randomBytes(9).toString('base64url')}`,
      accountId,
      kind: purpose,
      link,
      expiresAt,
      createdAt: now,
      sentAt: null,
    });
    return { token, link, expiresAt };
  }

  /** When the account's live link of this purpose (unused, not expired) expires; null when it has none. */
  async liveLinkExpiry(accountId: string, purpose: LinkPurpose, now = new Date()): Promise<Date | null> {
    const live = await this.links
      .find({ accountId, purpose, usedAt: null, expiresAt: { $gt: now } })
      .sort({ expiresAt: -1 })
      .limit(1)
      .lean();
    return live[0]?.expiresAt ?? null;
  }

  /** Notices of an account not sent yet, newest first (for the mail outbox). */
  async pendingNotices(accountId: string): Promise<{ kind: LinkPurpose; link: string | null; expiresAt: Date }[]> {
    const docs = await this.notices.find({ accountId, sentAt: null }).sort({ createdAt: -1 }).lean();
    return docs.map((d) => ({ kind: d.kind, link: d.link, expiresAt: d.expiresAt }));
  }

  /**
   * Uses a link once and sets the account's password. The claim is one conditional update (not used,
   * not expired), so two requests with the same link cannot both succeed; an unknown, used or
   * expired link answers a typed error on `token` and changes nothing.
   */
  async redeemLink(token: string, password: string, now = new Date()): Promise<Account> {
    const id = hashLinkToken(token.trim());
    const known = await this.links.findById(id).lean();
    if (!known) throw new AccountError('LINK_INVALID', 'Tautan tidak dikenal atau tidak lengkap', 'token');
    if (known.usedAt) throw new AccountError('LINK_USED', 'Tautan ini sudah pernah digunakan', 'token');
    if (known.expiresAt.getTime() <= now.getTime()) {
      throw new AccountError('LINK_EXPIRED', 'Tautan ini sudah kedaluwarsa; mintalah tautan baru', 'token');
    }
    const account = await this.accounts.findById(known.accountId).lean();
    if (!account || account.active === false) {
      throw new AccountError('FORBIDDEN', 'Akun ini tidak aktif; hubungi administrator', 'token');
    }
    // Hashed before the claim: a slow hash must not leave a claimed link without a password.
    const passwordHash = await hashPassword(password);
    const claimed = await this.links.findOneAndUpdate(
      { _id: id, usedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { new: true },
    );
    if (!claimed) throw new AccountError('LINK_USED', 'Tautan ini sudah pernah digunakan', 'token');
    await this.accounts.updateOne({ _id: known.accountId }, { $set: { passwordHash } });
    // A reset ends the sessions opened with the old password.
    if (known.purpose === 'PASSWORD_RESET') await this.endSessionsOf(known.accountId, now);
    return toAccount({ ...account, passwordHash });
  }

  // --- self-registration and OpenID Connect -----------------------------------------------------

  async setRegistration(
    id: string,
    registration: Registration,
    set: Partial<AccountDoc> = {},
  ): Promise<Account | null> {
    const d = await this.accounts
      .findOneAndUpdate({ _id: id }, { $set: { ...set, registration } }, { new: true })
      .lean();
    if (d) {
      this.forget(id);
      await this.changedAccounts(id);
    }
    return d ? toAccount(d) : null;
  }

  /** Keeps a started OpenID sign-in (by its state) for `ttlSeconds`; any gateway may complete it. */
  async saveOidcState(
    s: { state: string; codeVerifier: string; nonce: string },
    ttlSeconds: number,
    now = new Date(),
  ): Promise<void> {
    await this.oidcStates.create({
      _id: s.state,
      codeVerifier: s.codeVerifier,
      nonce: s.nonce,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      usedAt: null,
    });
  }

  /** Takes a started sign-in once (a replayed callback finds nothing); null when unknown, used or expired. */
  async takeOidcState(state: string, now = new Date()): Promise<{ codeVerifier: string; nonce: string } | null> {
    const d = await this.oidcStates
      .findOneAndUpdate({ _id: state, usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { new: true })
      .lean();
    return d ? { codeVerifier: d.codeVerifier, nonce: d.nonce } : null;
  }

  async findByOidcSubject(subject: string): Promise<Account | null> {
    const d = await this.accounts.findOne({ oidcSubject: subject }).lean();
    return d ? toAccount(d) : null;
  }

  /** Links an OpenID identity to an account the first time it signs in with it (found by e-mail). */
  async linkOidcSubject(id: string, subject: string): Promise<void> {
    await this.accounts.updateOne({ _id: id, oidcSubject: null }, { $set: { oidcSubject: subject } });
  }

  /** Removes an account created by a request that failed later (so nothing is left half-created). */
  async remove(id: string): Promise<void> {
    await Promise.all([
      this.accounts.deleteOne({ _id: id }),
      this.links.deleteMany({ accountId: id }),
      this.notices.deleteMany({ accountId: id }),
    ]);
    this.forget(id);
  }

  async findByCandidateId(candidateId: string): Promise<Account | null> {
    const d = await this.accounts.findOne({ candidateId }).lean();
    return d ? toAccount(d) : null;
  }

  // --- Pansel seats -----------------------------------------------------------------------------

  /** Records the accounts of a selection's Pansel, replacing the previous set (idempotent). */
  async recordSeats(
    selectionId: string,
    agencyCode: string,
    userIds: readonly string[],
    now = new Date(),
  ): Promise<void> {
    const ids = [...new Set(userIds)];
    for (const userId of ids) {
      await this.seats.updateOne(
        { _id: `${selectionId}|${userId}` },
        { $set: { userId, selectionId, agencyCode }, $setOnInsert: { at: now } },
        { upsert: true },
      );
    }
    await this.seats.deleteMany({ selectionId, userId: { $nin: ids } });
  }

  /** The selections an account sits on, newest seat first. */
  async seatsOf(userId: string, limit: number): Promise<string[]> {
    const docs = await this.seats.find({ userId }).sort({ at: -1 }).limit(limit).lean();
    return docs.map((d) => d.selectionId);
  }

  // --- sessions ---------------------------------------------------------------------------------

  /**
   * Where the account changes stand (from the feed, or made through this gateway), and when: taken
   * before an account is read and given back to `openSession`, it tells whether a change (a deactivation,
   * a role) arrived since the read, and dates the check.
   */
  changeMark(): ChangeMark {
    return { generation: this.generation, at: Date.now() };
  }

  /**
   * Opens a session. With `trust` (the account just read to open it, and the change mark taken before
   * that read) the session is remembered as checked then, so the client's next request here does not
   * read it back — unless an account change arrived (from the feed or through this gateway) since the
   * mark; a later one forgets it as usual.
   */
  async openSession(
    userId: string,
    ttlSeconds: number,
    now = new Date(),
    trust?: { account: Account; readSince: ChangeMark },
  ): Promise<{ id: string; expiresAt: Date }> {
    const id = randomBytes(18).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    await this.sessions.create({ _id: id, userId, expiresAt, revokedAt: null });
    const { account, readSince } = trust ?? {};
    if (account?.id === userId && account.active && readSince?.generation === this.generation) {
      if (this.checked.size >= MAX_CHECKED_SESSIONS) this.checked.clear();
      this.checked.set(id, { account, expiresAt: expiresAt.getTime(), checkedAt: readSince.at });
    }
    return { id, expiresAt };
  }

  /**
   * The account behind a live session, or null when the session is unknown, revoked or expired, or the
   * account inactive (or not `userId`, when the caller names the account its token claims: then the
   * session and the account are read at once rather than one after the other).
   */
  async accountForSession(sessionId: string, now = new Date(), userId?: string): Promise<Account | null> {
    const known = this.checked.get(sessionId);
    const trustMs = this.feed?.healthy() ? SESSION_TRUST_WITH_FEED_MS : SESSION_RECHECK_MS;
    if (known && Date.now() - known.checkedAt < trustMs && now.getTime() < known.expiresAt) {
      return userId === undefined || known.account.id === userId ? known.account : null;
    }
    this.checked.delete(sessionId);
    const generation = this.generation;
    const checkedAt = Date.now();
    const [s, claimed] = await Promise.all([
      this.sessions.findById(sessionId).lean(),
      userId === undefined ? undefined : this.findById(userId),
    ]);
    if (!s || s.revokedAt || s.expiresAt.getTime() <= now.getTime()) return null;
    if (userId !== undefined && s.userId !== userId) return null;
    const account = claimed === undefined ? await this.findById(s.userId) : claimed;
    if (!account?.active) return null;
    // A sign-out, or a change from the feed, while this read was under way must not be undone by
    // remembering what the read found.
    if (!this.revoked.has(sessionId) && generation === this.generation) {
      if (this.checked.size >= MAX_CHECKED_SESSIONS) this.checked.clear();
      this.checked.set(sessionId, { account, expiresAt: s.expiresAt.getTime(), checkedAt });
    }
    return account;
  }

  async revokeSession(sessionId: string, now = new Date()): Promise<void> {
    this.remember(sessionId);
    await this.sessions.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: now } });
    await this.feed?.publish('SESSION', [sessionId]);
  }
}

let dummy: Promise<string> | undefined;
/** A hash no password matches in practice, made once per process with the same cost as real ones. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
}

function emailTaken(): AccountError {
  return new AccountError('CONFLICT', 'Alamat email ini sudah dipakai akun lain', 'email');
}
