/**
 * Who may read and correct an issued document. Public documents (announcements, results) are for
 * anyone; restricted ones (minutes, score sheets, reports, letters, decrees) only for the people of that
 * selection: its agency's secretary and PPK, its Pansel members, the overseer, and administrators.
 */
import type { DocumentDto } from '@seleksi/domain';
import type { GraphQLContext } from '../context';

type AccessContext = Pick<GraphQLContext, 'user' | 'loaders'>;

export async function canReadDocument(ctx: AccessContext, doc: DocumentDto): Promise<boolean> {
  if (doc.visibility === 'PUBLIC') return true;
  const u = ctx.user;
  if (!u) return false;
  switch (u.role) {
    case 'ADMIN':
    case 'OVERSEER':
      return true;
    case 'PANSEL_SECRETARY':
    case 'PPK':
      return u.agencyCode === doc.agencyCode;
    case 'PANSEL_MEMBER': {
      // Only the members of this selection's Pansel; documents of no selection (talent route) are not theirs.
      if (!doc.selectionId) return false;
      const state = await ctx.loaders.summary.load(doc.selectionId).catch(() => null);
      return state?.agencyCode === doc.agencyCode && state.pansel.some((m) => m.userId === u.id);
    }
    case 'CANDIDATE':
    case 'AGENCY_ADMIN': // manages the agency's records, not its selections
      return false;
  }
}

/** Corrections are issued by the agency's secretary or PPK (the signatories' offices) or an administrator. */
export function canCorrectDocument(ctx: Pick<GraphQLContext, 'user'>, doc: DocumentDto): boolean {
  const u = ctx.user;
  if (!u) return false;
  if (u.role === 'ADMIN') return true;
  return (u.role === 'PANSEL_SECRETARY' || u.role === 'PPK') && u.agencyCode === doc.agencyCode;
}
