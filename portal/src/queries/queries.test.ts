/**
 * Every exported string of every portal/src/queries/*.ts file is a GraphQL document the gateway would
 * accept: it parses and validates against the committed schema (gateway/schema.graphql). A query the
 * server would refuse — a renamed field, a missing argument, a list turned into a connection — fails
 * here instead of in the browser. Export only complete operations (fragments may be inlined with ${}).
 */
import { Kind, buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSdl from '../../../gateway/schema.graphql?raw';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

const documents = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, text]) => ({ id: `${file.replace('./', '')} ${name}`, text })),
);

let schema: GraphQLSchema;

describe('portal queries against gateway/schema.graphql', () => {
  it('the schema builds and there are queries to check', () => {
    schema = buildSchema(schemaSdl);
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents)('$id', ({ text }) => {
    schema ??= buildSchema(schemaSdl);
    const document = parse(text);
    const errors = validate(schema, document).map((e) => e.message);
    // graphql 16 does not validate the operation type itself (v17's KnownOperationTypesRule).
    for (const def of document.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION && !schema.getRootType(def.operation)) {
        errors.push(`The schema has no ${def.operation} type`);
      }
    }
    expect(errors).toEqual([]);
  });
});
