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

/** Who did something, as recorded on every human decision. Never personal data beyond the user id. */
export interface Actor {
  userId: string;
  role: Role;
  displayName?: string;
}
