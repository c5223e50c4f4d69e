/**
 * Every exported operation of every portal/src/queries/*.ts file is a GraphQL document the gateway would
 * accept: it parses and validates against the committed schema (gateway/schema.graphql). gql.tada already
 * checks the documents in the types (src/graphql-env.d.ts); this checks the text actually sent, fragments
 * included, with graphql-js's rules. Plain strings (queries not yet typed) are checked the same way.
 */
import { Kind, buildSchema, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSdl from '../../../gateway/schema.graphql?raw';
import { operationText, type AnyDocument } from '../api';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

const isDocument = (value: unknown): value is AnyDocument =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;

/** Fragments exported for their types are checked where operations use them. */
const hasOperation = (doc: DocumentNode) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);

const documents = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter((entry): entry is [string, string | AnyDocument] => typeof entry[1] === 'string' || isDocument(entry[1]))
    .map(([name, doc]) => ({ id: `${file.replace('./', '')} ${name}`, text: operationText(doc) }))
    .filter(({ text }) => hasOperation(parse(text))),
);

let schema: GraphQLSchema;

describe('portal queries against gateway/schema.graphql', () => {
  it('the schema builds and there are queries to check', () => {
    schema = buildSchema(schemaSdl);
    expect(documents.length).toBeGreaterThan(100);
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
