/** Roles of the system (architecture §4). Mirrored as the GraphQL enum `Role`. */
export const ROLES = [
  'CANDIDATE',
  'PANSEL_MEMBER',
  'PANSEL_SECRETARY',
  'PPK',
  'OVERSEER',
  'ADMIN',
  /** Manages its own agency's settings and officials (the national ADMIN manages every agency). */
  'AGENCY_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** A role's name as the portal shows it to its holder. */
export const ROLE_NAMES_ID: Record<Role, string> = {
  CANDIDATE: 'Peserta',
  PANSEL_MEMBER: 'Anggota Pansel',
  PANSEL_SECRETARY: 'Sekretariat Pansel',
  PPK: 'Pejabat Pembina Kepegawaian',
  OVERSEER: 'Pengawas (BKN/KASN)',
  AGENCY_ADMIN: 'Administrator Instansi',
  ADMIN: 'Administrator',
};

/** Who a user account is: what the gateway's session answers, accounts store and demo or test users declare. */
export interface UserIdentity {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  /** The ASN profile of a CANDIDATE account. */
  candidateId: string | null;
}

/** Who did something, as recorded on every human decision. Never personal data beyond the user id. */
export interface Actor {
  userId: string;
  role: Role;
  displayName?: string;
}
