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

export class AccountRepository {
  private readonly accounts: Model<AccountDoc>;
  private readonly sessions: Model<SessionDoc>;

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
    const s = await this.sessions.findById(sessionId).lean();
    if (!s || s.revokedAt || s.expiresAt.getTime() <= now.getTime()) return null;
    return this.findById(s.userId);
  }

  async revokeSession(sessionId: string, now = new Date()): Promise<void> {
    await this.sessions.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: now } });
  }
}
