/** The talent route's gate, checked by the gateway where a decision would take a post to that route. */
import { checkTalentGate, localDateOf, type AgencyTimeZone } from '@seleksi/domain';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { gateStateOf, talentSettingsOf } from './talent';

/**
 * Refuses a switch to the talent route the agency is not allowed (TALENT_ROUTE_CLOSED with the gate's
 * reasons): the same gate the filling checks first — validated merit category, the overseer's approval of
 * the talent system, a recent talent map.
 */
export async function requireTalentRoute(
  ctx: GraphQLContext,
  agencyCode: string,
  timeZone: AgencyTimeZone,
): Promise<void> {
  const [settings, state, periods] = await Promise.all([
    talentSettingsOf(ctx, agencyCode),
    gateStateOf(ctx, agencyCode),
    ctx.services.assessment.listTalentMapPeriods(agencyCode),
  ]);
  const latest = periods[0] ?? null;
  const approval = state.approval;
  const gate = checkTalentGate(
    {
      meritIndexScore: state.validated?.index ?? null,
      talentSystemApproval: approval ? { approvedOn: approval.approvedOn, reference: approval.reference } : null,
      latestMapDate: latest ? latest.mappedAt.slice(0, 10) : null,
      asOf: localDateOf(new Date(), timeZone),
    },
    settings.gate,
  );
  if (!gate.open) {
    throw gqlError(
      'TALENT_ROUTE_CLOSED',
      `Instansi belum dapat mengisi jabatan melalui manajemen talenta: ${gate.reasons.join('; ')}`,
      'outcome',
    );
  }
}
