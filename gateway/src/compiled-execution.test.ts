import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledExecution } from './compiled-execution';

// A small schema: two operations can be told apart, a variable can be wrong, a resolver can fail.
const schema = createSchema({
  typeDefs: /* GraphQL */ `
    input Range {
      from: Int!
      to: Int!
    }
    type Query {
      hello(name: String!): String!
      sum(range: Range!): Int!
      failing: String
      executions: Int!
    }
  `,
  resolvers: {
    Query: {
      hello: (_: unknown, { name }: { name: string }) => `halo ${name}`,
      sum: (_: unknown, { range }: { range: { from: number; to: number } }) => range.from + range.to,
      failing: () => {
        throw new Error('gagal');
      },
    },
  },
});

function yogaOf(compiled: boolean) {
  return createYoga({ schema, plugins: compiled ? [useCompiledExecution()] : [], logging: false, maskedErrors: false });
}

async function ask(yoga: ReturnType<typeof yogaOf>, body: object): Promise<unknown> {
  const res = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

const TWO_OPERATIONS = 'query A { a: hello(name: "A") } query B($n: String!) { b: hello(name: $n) }';

describe('compiled execution', () => {
  const compiled = yogaOf(true);
  const interpreted = yogaOf(false);

  it('runs the operation the request names, each time, with the same document', async () => {
    // The same text twice with different operation names: a cache by text only answered B with A.
    expect(await ask(compiled, { query: TWO_OPERATIONS, operationName: 'A' })).toEqual({ data: { a: 'halo A' } });
    expect(await ask(compiled, { query: TWO_OPERATIONS, operationName: 'B', variables: { n: 'B' } })).toEqual({
      data: { b: 'halo B' },
    });
    expect(await ask(compiled, { query: TWO_OPERATIONS, operationName: 'A' })).toEqual({ data: { a: 'halo A' } });
  });

  it('answers wrong variables with graphql-js’s own errors, which the typed errors read', async () => {
    const query = 'query S($r: Range!) { sum(range: $r) }';
    for (const variables of [{ r: { from: 1 } }, { r: { from: 'x', to: 2 } }, {}]) {
      const mine = await ask(compiled, { query, variables });
      expect(mine).toEqual(await ask(interpreted, { query, variables }));
      expect((mine as { errors?: unknown[] }).errors).toHaveLength(1);
    }
    expect(await ask(compiled, { query, variables: { r: { from: 1, to: 2 } } })).toEqual({ data: { sum: 3 } });
  });

  it('gives a failing resolver’s error the same path and message as graphql-js', async () => {
    const query = '{ failing hello(name: "x") }';
    const mine = (await ask(compiled, { query })) as { data: unknown; errors: { message: string; path: string[] }[] };
    const theirs = (await ask(interpreted, { query })) as typeof mine;
    expect(mine.data).toEqual(theirs.data);
    expect(mine.errors.map((e) => [e.message, e.path])).toEqual(theirs.errors.map((e) => [e.message, e.path]));
  });
});
