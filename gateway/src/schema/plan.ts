/** Planning decisions: the Pansel, the plan sent to the overseer, and the overseer's verdicts and requests. */
import { setPanselUpdate, type PanselMemberPlan } from '@seleksi/workflows';
import { gqlError } from '../errors';
import { decide, requireOwnAgency, selectionFor, type DecisionResolver } from './decision';

/** The Pansel's accounts must be Pansel members; their seats are recorded once the workflow took them. */
export const setPansel: DecisionResolver<'setPansel'> = async (input, ctx) => {
  const s = await selectionFor(ctx, input.selectionId);
  requireOwnAgency(ctx, s);
  const members: PanselMemberPlan[] = input.members.map((m, i) => ({
    id: m.id ?? `M${i + 1}`,
    userId: m.userId,
    name: m.name,
    institution: m.institution,
    internal: m.internal,
    partyMember: m.partyMember,
    bknOfficial: m.bknOfficial ?? false,
    role: m.role,
  }));
  for (const [i, m] of members.entries()) {
    const account = await ctx.accounts.findById(m.userId);
    if (account?.role !== 'PANSEL_MEMBER') {
      throw gqlError('VALIDATION_FAILED', 'Akun ini bukan akun anggota panitia seleksi', `members.${i}.userId`);
    }
  }
  const decision = await decide(ctx, s, setPanselUpdate, { members, decreeReference: input.decreeReference });
  // Recorded after the workflow took the Pansel (a retry of the decision records it again):
  // members list the rounds they sit on from these seats.
  await ctx.accounts.recordSeats(
    s.id,
    s.agencyCode,
    members.map((m) => m.userId),
  );
  return decision;
};
