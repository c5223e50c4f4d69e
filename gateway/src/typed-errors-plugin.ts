/**
 * Gives errors raised before our resolvers run (document validation, variable coercion) the same
 * typed shape as ours: `extensions.code` and, for a bad or missing input value, `extensions.field`.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VARIABLE_ERROR =
  /^Variable "\$(\w+)" got invalid value[^;]*?(?:at "\w+((?:\.\w+|\[\d+\])*)")?;\s*(?:Field "(\w+)")?/;

export function fieldOfVariableError(message: string): string | undefined {
  const m = VARIABLE_ERROR.exec(message);
  if (!m) return undefined;
  const path = (m[2] ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  return [m[1], path, m[3]].filter(Boolean).join('.');
}

function typedError(err: GraphQLError): GraphQLError {
  if (
    err.extensions?.code &&
    err.extensions.code !== 'GRAPHQL_VALIDATION_FAILED' &&
    err.extensions.code !== 'BAD_USER_INPUT'
  ) {
    return err;
  }
  const field = fieldOfVariableError(err.message);
  const isValidation = field !== undefined || err.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || !err.path;
  if (!isValidation) return err;
  return new GraphQLError(err.message, {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    path: err.path,
    originalError: err.originalError,
    extensions: { ...err.extensions, code: 'VALIDATION_FAILED', ...(field ? { field } : {}) },
  });
}

export function useTypedErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result)) return;
      const r = result as ExecutionResult;
      if (!r.errors?.length) return;
      setResult({ ...r, errors: r.errors.map((e) => (e instanceof GraphQLError ? typedError(e) : e)) });
    },
  };
}
