/**
 * User accounts and sessions, owned by the gateway (authentication is its job). All Mongo access
 * for auth goes through this repository; password hashes never leave it.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { ROLES, type Role } from '@seleksi/domain';
import { hashPassword, verifyPassword } from './passwords';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  /** The ASN profile of a CANDIDATE account. */
  candidateId: string | null;
}

interface AccountDoc {
  _id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  candidateId: string | null;
}

interface SessionDoc {
  _id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

const accountSchema = new Schema<AccountDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    agencyCode: { type: String, default: null },
    candidateId: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);

function toAccount(d: AccountDoc): Account {
  return {
    id: d._id,
    email: d.email,
    displayName: d.displayName,
    role: d.role,
    agencyCode: d.agencyCode ?? null,
    candidateId: d.candidateId ?? null,
  };
}

/**
 * How long a checked session is trusted without reading it again: every signed-in request would
 * otherwise wait for two lookups in turn, while a portal page sends several requests within seconds.
 * Sign-out and account writes through this gateway take effect at once; a session revoked through
 * another gateway process ends within this time.
 */
export const SESSION_RECHECK_MS = 30_000;
/** Sessions remembered per gateway; a full map is simply started again. */
const MAX_CHECKED_SESSIONS = 10_000;

export class AccountRepository {
  private readonly accounts: Model<AccountDoc>;
  private readonly sessions: Model<SessionDoc>;
  private readonly checked = new Map<string, { account: Account; expiresAt: number; recheckAt: number }>();
  /** Sessions signed out here (never remembered again). */
  private readonly revoked = new Set<string>();

  constructor(conn: Connection) {
    this.accounts = conn.model<AccountDoc>('Account', accountSchema, 'accounts');
    this.sessions = conn.model<SessionDoc>('Session', sessionSchema, 'sessions');
  }

  async init(): Promise<void> {
    await Promise.all([this.accounts.init(), this.sessions.init()]);
  }

  /** Creates or updates an account by id (used for demo users and administration). */
  async upsert(account: Account & { password: string }): Promise<Account> {
    const existing = await this.accounts.findById(account.id).lean();
    const passwordHash =
      existing && (await verifyPassword(existing.passwordHash, account.password))
        ? existing.passwordHash
        : await hashPassword(account.password);
    const doc: AccountDoc = {
      _id: account.id,
      email: account.email.toLowerCase(),
      passwordHash,
      displayName: account.displayName,
      role: account.role,
      agencyCode: account.agencyCode,
      candidateId: account.candidateId,
    };
    await this.accounts.replaceOne({ _id: account.id }, doc, { upsert: true });
    // Role, agency or candidate may have changed: sessions are read again.
    this.checked.clear();
    return toAccount(doc);
  }

  async findById(id: string): Promise<Account | null> {
    const d = await this.accounts.findById(id).lean();
    return d ? toAccount(d) : null;
  }

  /** Checks a password; the same answer (null) for an unknown email and a wrong password. */
  async authenticate(email: string, password: string): Promise<Account | null> {
    const d = await this.accounts.findOne({ email: email.toLowerCase().trim() }).lean();
    if (!d) return null;
    return (await verifyPassword(d.passwordHash, password)) ? toAccount(d) : null;
  }

  async openSession(userId: string, ttlSeconds: number, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
    const id = randomBytes(18).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    await this.sessions.create({ _id: id, userId, expiresAt, revokedAt: null });
    return { id, expiresAt };
  }

  /** The account behind a live session, or null when the session is unknown, revoked or expired. */
  async accountForSession(sessionId: string, now = new Date()): Promise<Account | null> {
    const known = this.checked.get(sessionId);
    if (known && Date.now() < known.recheckAt && now.getTime() < known.expiresAt) return known.account;
    this.checked.delete(sessionId);
    const s = await this.sessions.findById(sessionId).lean();
    if (!s || s.revokedAt || s.expiresAt.getTime() <= now.getTime()) return null;
    const account = await this.findById(s.userId);
    // A sign-out while this read was under way must not be undone by remembering the session.
    if (account && !this.revoked.has(sessionId)) {
      if (this.checked.size >= MAX_CHECKED_SESSIONS) this.checked.clear();
      this.checked.set(sessionId, {
        account,
        expiresAt: s.expiresAt.getTime(),
        recheckAt: Date.now() + SESSION_RECHECK_MS,
      });
    }
    return account;
  }

  async revokeSession(sessionId: string, now = new Date()): Promise<void> {
    if (this.revoked.size >= MAX_CHECKED_SESSIONS) this.revoked.clear();
    this.revoked.add(sessionId);
    this.checked.delete(sessionId);
    await this.sessions.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: now } });
  }
}
