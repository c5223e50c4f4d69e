/**
 * The stored default selection rules new rounds start from: an agency's own versions, else the national
 * ones, else the shipped defaults (DEFAULT_SELECTION_RULES). The candidate service keeps every version.
 */
import {
  buildSelectionRules,
  DEFAULT_SELECTION_RULES,
  type RuleSetVersionDto,
  type SelectionRules,
} from '@seleksi/domain';
import type { GraphQLContext } from '../context';

export const NATIONAL_SCOPE = 'NATIONAL';

/** The newest version of a scope, or null when it has none. */
export async function latestVersion(ctx: GraphQLContext, scope: string): Promise<RuleSetVersionDto | null> {
  return (await ctx.services.candidate.listRuleSetVersions(scope))[0] ?? null;
}

/** A stored version as the rules a round pins: the current rule-set shape, naming the version it came from. */
function fromVersion(v: RuleSetVersionDto): SelectionRules {
  // buildSelectionRules fills fields a version stored under an older shape lacks.
  const { version: _shape, defaults: _d, ...stored } = v.rules;
  return { ...buildSelectionRules(stored), defaults: { scope: v.scope, revision: v.revision } };
}

/** The defaults a new round of the agency starts from (null agency: the national ones). */
export async function currentDefaults(ctx: GraphQLContext, agencyCode: string | null): Promise<SelectionRules> {
  const own = agencyCode ? await latestVersion(ctx, agencyCode) : null;
  if (own) return fromVersion(own);
  const national = await latestVersion(ctx, NATIONAL_SCOPE);
  return national ? fromVersion(national) : buildSelectionRules({}, DEFAULT_SELECTION_RULES);
}
