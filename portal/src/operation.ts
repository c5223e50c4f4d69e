/**
 * What the portal sends as a GraphQL operation: a typed document from `graphql(...)` (answer and variables
 * inferred) or a plain string, whose answer the caller names (`gql<{ me: User }>('{ me { id } }')`).
 * No React here: the gateway's and the benches' checks import it too.
 */
import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDocument = TadaDocumentNode<any, any>;
export type Operation = string | AnyDocument;

const printed = new WeakMap<AnyDocument, string>();

/** The text sent for an operation: a document is printed once, with the fragments it was composed with. */
export function operationText(query: Operation): string {
  if (typeof query === 'string') return query;
  let text = printed.get(query);
  if (text === undefined) {
    text = print(query);
    printed.set(query, text);
  }
  return text;
}
