import { parse, validate } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import * as candidateQueries from '../../portal/src/queries/candidate';
import * as publicQueries from '../../portal/src/queries/public';
import * as staffQueries from '../../portal/src/queries/staff';
import { operationText, type Operation } from '../../portal/src/operation';
import { gatewayConfigSchema } from './config';
import { checkBeforeParse, queryLimitRules, useQueryLimits } from './limits';
import { schema } from './schema';
import { useTypedErrors } from './typed-errors-plugin';

const limits = gatewayConfigSchema.parse({ AUTH_SECRET: 'x'.repeat(32) });

const yoga = createYoga({
  schema,
  plugins: [useQueryLimits(limits), useTypedErrors()],
  context: () => ({ user: null }),
  logging: false,
});

async function run(query: string) {
  const res = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const CARD = `id title agencyCode stage announcementDate registrationClosesAt simulation
  vacancies { id level position unit status } stageHistory { stage at reasonCode reasonText expectedNextAt }
  announcement { id number title downloadUrl }`;

describe('query limits', () => {
  it('are the configured defaults', () => {
    expect(limits).toMatchObject({ GRAPHQL_MAX_DEPTH: 12, GRAPHQL_MAX_COST: 30_000, GRAPHQL_MAX_ALIASES: 15 });
  });

  it('let every portal query through (length, nesting, tokens, depth, cost and aliases)', () => {
    const modules = { candidateQueries, publicQueries, staffQueries };
    const documents = Object.entries(modules).flatMap(([m, mod]) =>
      Object.entries(mod as Record<string, unknown>)
        // Plain strings and gql.tada documents (objects of kind Document), as the portal sends them.
        .filter(
          (e): e is [string, Operation] =>
            typeof e[1] === 'string' || (e[1] as { kind?: unknown })?.kind === 'Document',
        )
        .map(([name, doc]) => ({ id: `${m}.${name}`, text: operationText(doc) })),
    );
    expect(documents.length).toBeGreaterThan(10);
    for (const { id, text } of documents) {
      expect({ id, refused: checkBeforeParse(text, limits)?.message }).toEqual({ id, refused: undefined });
      const errors = validate(schema, parse(text, { maxTokens: limits.GRAPHQL_MAX_TOKENS }), queryLimitRules(limits));
      expect({ id, errors: errors.map((e) => e.message) }).toEqual({ id, errors: [] });
    }
  });

  it('refuse a too-deep query before running it, with QUERY_TOO_COMPLEX', async () => {
    const nested = (n: number): string => (n === 0 ? 'id' : `versions { ${nested(n - 1)} }`);
    const r = await run(`{ document(id: "x") { ${nested(12)} } }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, found: 14 });
    expect(r.errors?.[0]?.message).toMatch(/^Kueri terlalu dalam/);
  });

  it('refuse a too-costly query', async () => {
    const page = (alias: string) => `${alias}: selections(first: 100) { edges { node { ${CARD} } } }`;
    const r = await run(`{ ${page('a')} ${page('b')} ${page('c')} }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 30_000 });
    expect(r.errors?.[0]?.message).toMatch(/^Kueri terlalu berat/);
  });

  it('charge a fragment spread met again in one operation what its first spread cost', () => {
    // The cost found when refused under a limit of 1.
    const cost = (query: string) =>
      validate(schema, parse(query), queryLimitRules({ ...limits, GRAPHQL_MAX_COST: 1 })).map(
        (e) => e.extensions?.['found'],
      );
    const fields = 'id title agencyCode stage';
    const page = (alias: string, fragment: string) =>
      `${alias}: selections(first: 2) { edges { node { ...${fragment} } } }`;
    const twice = cost(`{ ${page('a', 'F')} ${page('b', 'F')} } fragment F on Selection { ${fields} }`);
    const copies = cost(
      `{ ${page('a', 'F')} ${page('b', 'G')} } fragment F on Selection { ${fields} } fragment G on Selection { ${fields} }`,
    );
    expect(twice).toEqual([expect.any(Number)]);
    expect(twice).toEqual(copies);
  });

  it('refuse too many aliases', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const r = await run(`{ ${fields} }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it('answer a small query', async () => {
    expect(await run('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });
});
