/**
 * The first national administrator of an empty installation (`SELEKSI_DEMO=0 npm start`): while no
 * active ADMIN has set a password, start-up makes sure there is exactly one pending ADMIN account for
 * the configured e-mail with exactly one live invitation link. The link is queued for mail like every
 * invitation (the gateway's notifier sends it) and answered once, for the console; a restart while it
 * is live issues nothing, so no second valid link exists. An expired link is replaced.
 */
import { accountLinkUrl, type Account, type AccountRepository } from './accounts';

export type FirstAdminOutcome =
  /** An active administrator with a password exists: nothing to do. */
  | { status: 'EXISTS' }
  /** A new invitation was issued (the link is shown once, and mailed). */
  | { status: 'INVITED'; account: Account; link: string; expiresAt: Date; created: boolean }
  /** The invitation issued before still works; its link is in the mail only. */
  | { status: 'PENDING'; account: Account; expiresAt: Date };

export interface FirstAdminOptions {
  email: string;
  publicUrl: string;
  ttlHours: number;
  displayName?: string;
  now?: Date;
}

export async function ensureFirstAdmin(accounts: AccountRepository, o: FirstAdminOptions): Promise<FirstAdminOutcome> {
  const email = o.email.trim().toLowerCase();
  const now = o.now ?? new Date();
  const admins = (await accounts.list({ role: 'ADMIN', active: true }, 100, null)).items;
  if (admins.some((a) => a.passwordSet)) return { status: 'EXISTS' };

  let account = await accounts.findByEmail(email);
  if (account && !(account.role === 'ADMIN' && account.active)) {
    throw new Error(
      `SELEKSI_ADMIN_EMAIL ${email}: alamat ini sudah dipakai akun lain (peran ${account.role}${account.active ? '' : ', tidak aktif'}) / ` +
        'this address already belongs to another account; choose another address',
    );
  }
  // A pending invitation of another address (SELEKSI_ADMIN_EMAIL changed before anyone accepted):
  // deactivated, so its link no longer works and only one administrator comes into being.
  for (const other of admins) if (other.email !== email) await accounts.setActive(other.id, false);

  let created = false;
  if (!account) {
    account = await accounts.create({
      email,
      displayName: o.displayName ?? 'Administrator Nasional',
      role: 'ADMIN',
      agencyCode: null,
      candidateId: null,
      active: true,
      affiliation: null,
      registration: null,
    });
    created = true;
  }
  const live = await accounts.liveLinkExpiry(account.id, 'INVITATION', now);
  if (live) return { status: 'PENDING', account, expiresAt: live };
  const ttl = Math.round(o.ttlHours * 3600);
  const { link, expiresAt } = await accounts.issueLink(
    account.id,
    'INVITATION',
    ttl,
    (t) => accountLinkUrl(o.publicUrl, t),
    now,
  );
  return { status: 'INVITED', account, link, expiresAt, created };
}
