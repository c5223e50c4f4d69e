/**
 * Queries and mutations run compiled by graphql-jit instead of interpreted by graphql-js: the same
 * result for about a sixth to a third less of the gateway's CPU per read (test/bench/profile-gateway.ts).
 *
 * Written here rather than taken from @envelop/graphql-jit because that plugin keys its cache by the
 * document's text only (a document with two operations ran the first one compiled for either name) and
 * caches a failed compilation for every later request; and graphql-jit's own variable errors are worded
 * differently from graphql-js's, which the typed errors read (the variable's name and the field at fault).
 * So here a compiled query is cached per parsed document (Yoga's parser cache hands back the same object
 * for the same text) and per operation name; the variables are coerced by graphql-js first, whose errors
 * go out unchanged; anything graphql-jit cannot compile, and every subscription, runs on graphql-js.
 */
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { getOperationAST, getVariableValues, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** One document's compiled operations (by operation name; '' for the only one); null: runs on graphql-js. */
type Compiled = Map<string, { operation: OperationDefinitionNode; query: CompiledQuery } | null>;

export function useCompiledExecution(): Plugin {
  // Keyed by the parsed document, so an entry goes when Yoga's parser cache lets its document go.
  const byDocument = new WeakMap<DocumentNode, Compiled>();
  return {
    onExecute({ args, setExecuteFn }) {
      let compiled = byDocument.get(args.document);
      if (!compiled) byDocument.set(args.document, (compiled = new Map()));
      const name = args.operationName ?? '';
      let entry = compiled.get(name);
      if (entry === undefined) {
        const operation = getOperationAST(args.document, args.operationName);
        const query =
          operation && operation.operation !== 'subscription'
            ? compileQuery(args.schema, args.document, args.operationName ?? undefined)
            : undefined;
        entry = operation && query && isCompiledQuery(query) ? { operation, query } : null;
        compiled.set(name, entry);
      }
      if (!entry) return;
      const { operation, query } = entry;
      setExecuteFn((run) => {
        // graphql-js's coercion, for its errors (what graphql-js's execute would answer); the compiled
        // query coerces the same raw values again, which graphql-js has just accepted.
        const checked = getVariableValues(run.schema, operation.variableDefinitions ?? [], run.variableValues ?? {}, {
          maxErrors: 50,
        });
        if (checked.errors) return { errors: checked.errors };
        return query.query(run.rootValue, run.contextValue, run.variableValues);
      });
    },
  };
}
