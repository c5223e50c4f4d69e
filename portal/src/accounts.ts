/** Rules the account pages share (mirroring gateway/src/schema/accounts.ts), kept pure for unit tests. */
import type { Role } from './auth';

export type InvitableRole = 'PANSEL_SECRETARY' | 'PANSEL_MEMBER' | 'PPK' | 'OVERSEER' | 'AGENCY_ADMIN' | 'ADMIN';

/** Every role an invitation can give (the gateway's INVITABLE_ROLES). */
export const ALL_INVITABLE: readonly InvitableRole[] = [
  'PANSEL_SECRETARY',
  'PANSEL_MEMBER',
  'PPK',
  'OVERSEER',
  'AGENCY_ADMIN',
  'ADMIN',
];

/** The roles the signed-in user may give an invited account (the gateway checks again). */
export function grantableRoles(role: Role | null | undefined): readonly InvitableRole[] {
  if (role === 'ADMIN') return ALL_INVITABLE;
  if (role === 'AGENCY_ADMIN') return ['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK'];
  return [];
}

/** Roles that belong to one agency (the overseer and the national administrator do not). */
export function roleNeedsAgency(role: Role): boolean {
  return role === 'PANSEL_SECRETARY' || role === 'PANSEL_MEMBER' || role === 'PPK' || role === 'AGENCY_ADMIN';
}

/**
 * The one-time token of a set-password link (`/atur-kata-sandi#<token>`): read from the fragment, which
 * browsers never send to a server. Null when the fragment is missing or cannot be a token.
 */
export function tokenFromFragment(hash: string): string | null {
  const token = hash.replace(/^#/, '').trim();
  return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}

/** What the provider's return to /masuk/sso says before the gateway is asked: an error, or go on. */
export function oidcReturnError(search: string): string | null {
  const params = new URLSearchParams(search);
  if (params.get('error')) {
    return params.get('error') === 'access_denied'
      ? 'Masuk dengan SSO dibatalkan atau ditolak.'
      : 'Penyedia SSO menolak permintaan masuk; ulangi dari awal.';
  }
  if (!params.get('code') || !params.get('state')) return 'Alamat kembali dari SSO tidak lengkap; ulangi dari awal.';
  return null;
}

export interface PanselCandidate {
  id: string;
  displayName: string;
  agencyCode: string | null;
  affiliation: string | null;
}

/**
 * A Pansel row filled from a picked account: its name, its institution (an external member's
 * university or association), and whether it comes from the agency running the selection.
 */
export function memberFromAccount(
  account: PanselCandidate,
  selectionAgency: string,
  agencyName: string | null,
): { userId: string; name: string; institution: string; internal: boolean } {
  const internal = !account.affiliation && account.agencyCode === selectionAgency;
  return {
    userId: account.id,
    name: account.displayName,
    institution: account.affiliation ?? (internal ? (agencyName ?? selectionAgency) : ''),
    internal,
  };
}
