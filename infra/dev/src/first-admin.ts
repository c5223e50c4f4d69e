/**
 * `SELEKSI_DEMO=0 npm start`: no demo data; while no national administrator has set a password, the
 * address in SELEKSI_ADMIN_EMAIL gets a one-time invitation (gateway/src/auth/first-admin.ts). The link
 * is mailed by the gateway's notifier (Mailpit in development) and printed once, in the start-up box.
 */
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mongoose';
import { CandidateClient, type ServiceTokenProvider } from '@seleksi/kit';
import { AccountRepository, ensureFirstAdmin, gatewayConfigSchema } from '@seleksi/gateway';

export interface FirstAdminStartOptions {
  email: string;
  publicUrl: string;
  mongoUri: string;
  candidateUrl: string;
  mailpitUrl: string;
  gatewayDb?: string;
  /** The operator's service credential. */
  auth: ServiceTokenProvider;
}

/** Ensures the first administrator's invitation; answers the lines for the start-up box. */
export async function inviteFirstAdmin(o: FirstAdminStartOptions): Promise<string[]> {
  const ttlHours = gatewayConfigSchema.shape.ACCOUNT_LINK_TTL_HOURS.parse(process.env.ACCOUNT_LINK_TTL_HOURS);
  const conn = createConnection(o.mongoUri, {
    dbName: o.gatewayDb ?? process.env.GATEWAY_DB ?? 'seleksi_gateway',
    serverSelectionTimeoutMS: 5000,
  });
  try {
    await conn.asPromise();
    const accounts = new AccountRepository(conn);
    await accounts.init();
    const outcome = await ensureFirstAdmin(accounts, { email: o.email, publicUrl: o.publicUrl, ttlHours });
    if (outcome.status === 'EXISTS') return ['A national administrator exists: sign in at the portal.'];
    const until = outcome.expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    if (outcome.status === 'PENDING') {
      return [
        `First administrator ${outcome.account.email}: the invitation sent earlier is still valid (until ${until}).`,
        `Its link is in the mail: ${o.mailpitUrl}`,
      ];
    }
    // Account changes are audited like those an administrator makes (`account:<id>`).
    await new CandidateClient(o.candidateUrl, { auth: o.auth }).recordAudit({
      decisionId: `account-${randomUUID()}`,
      selectionId: `account:${outcome.account.id}`,
      workflowId: 'start:first-admin',
      kind: outcome.created ? 'ACCOUNT_INVITED' : 'ACCOUNT_LINK_ISSUED',
      by: { userId: 'system:start', role: 'ADMIN' },
      at: new Date().toISOString(),
      reason: 'SELEKSI_DEMO=0: first national administrator',
      subjectId: outcome.account.id,
      payload: outcome.created ? { role: 'ADMIN', agencyCode: null, affiliation: null } : { purpose: 'INVITATION' },
    });
    return [
      `First administrator ${outcome.account.email}: open this one-time link to set the password`,
      `(valid once, until ${until}; also mailed, see ${o.mailpitUrl}):`,
      `  ${outcome.link}`,
    ];
  } finally {
    await conn.close();
  }
}
