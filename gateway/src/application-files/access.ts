/**
 * Who may read an application's records beyond its status (documents, profile confirmation, scores):
 * the owning candidate, and the staff who may read the application itself — the rule of
 * `application(id:)` in schema/application.ts (administrators; other staff of the selection's agency).
 */
import type { ApplicationDto } from '@seleksi/domain';
import type { GraphQLContext } from '../context';

type AccessContext = Pick<GraphQLContext, 'user' | 'loaders'>;

export async function canReadApplication(ctx: AccessContext, a: ApplicationDto): Promise<boolean> {
  const u = ctx.user;
  if (!u) return false;
  if (u.role === 'CANDIDATE') return u.candidateId !== null && u.candidateId === a.candidateId;
  if (u.role === 'ADMIN') return true;
  if (u.role === 'AGENCY_ADMIN') return false; // keeps the agency's records, not applications
  const s = await ctx.loaders.selection.load(a.selectionId);
  return s !== null && s.agencyCode === u.agencyCode;
}

/** A value computed once per request (per GraphQL context), e.g. a DataLoader this module owns. */
export function perRequest<T>(cache: WeakMap<object, T>, ctx: object, make: () => T): T {
  let v = cache.get(ctx);
  if (v === undefined) {
    v = make();
    cache.set(ctx, v);
  }
  return v;
}
