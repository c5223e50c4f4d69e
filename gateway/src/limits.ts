/**
 * Query limits (graphql-armor): depth, cost and aliases, checked while the document is validated,
 * before any resolver runs. A refused query gets a typed error (`QUERY_TOO_COMPLEX`, with the limit
 * and the value found) in Bahasa Indonesia.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayConfig } from './config';

export type QueryLimits = Pick<GatewayConfig, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_COST' | 'GRAPHQL_MAX_ALIASES'>;

type Limit = 'depth' | 'cost' | 'aliases';

const MESSAGE: Record<Limit, string> = {
  depth: 'Kueri terlalu dalam',
  cost: 'Kueri terlalu berat',
  aliases: 'Kueri memakai terlalu banyak alias',
};

/** armor's own message ends with "… limit of N exceeded, found M."; keep the figures, say it for people. */
function refusal(limit: Limit) {
  return (ctx: { reportError(e: GraphQLError): void } | null, err: GraphQLError) => {
    const m = /of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/.exec(err.message);
    const [max, found] = m ? [Number(m[1]), Number(m[2])] : [undefined, undefined];
    ctx?.reportError(
      new GraphQLError(`${MESSAGE[limit]}${m ? ` (batas ${max}, kueri ini ${found})` : ''}; perkecil kueri Anda`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, found },
      }),
    );
  };
}

/** The validation rules for the configured limits (also used by tests against the portal's queries). */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({ ...common, n: limits.GRAPHQL_MAX_DEPTH, onReject: [refusal('depth')] }),
    costLimitRule({ ...common, maxCost: limits.GRAPHQL_MAX_COST, onReject: [refusal('cost')] }),
    maxAliasesRule({ ...common, n: limits.GRAPHQL_MAX_ALIASES, onReject: [refusal('aliases')] }),
  ] as ValidationRule[];
}

/** Adds the limit rules to Yoga's validation. */
export function useQueryLimits(limits: QueryLimits): Plugin {
  const rules = queryLimitRules(limits);
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
