/**
 * Every declared decision of an open selection (SELECTION_DECISIONS) is a mutation whose scopes are
 * the declared roles and whose arguments are the declared ones: same names, optional where the
 * declaration is optional. A decision's arguments and roles are written once, in @seleksi/domain.
 */
import { isNonNullType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SELECTION_DECISION_NAMES, SELECTION_DECISIONS } from '@seleksi/domain';
import { schema } from './index';

const mutations = schema.getMutationType()!.getFields();

describe('declared decisions in the schema', () => {
  it.each(SELECTION_DECISION_NAMES)('%s: scopes and arguments as declared', (name) => {
    const field = mutations[name];
    expect(field, name).toBeDefined();
    const scopes = (field!.extensions as { pothosOptions?: { authScopes?: { roles?: string[] } } }).pothosOptions
      ?.authScopes;
    expect(scopes).toEqual({ roles: [...SELECTION_DECISIONS[name].roles] });

    const shape = (SELECTION_DECISIONS[name].args as z.ZodObject).shape as Record<string, z.ZodType>;
    // Zod marks a key that may be left out (optional, nullish, and pipes from them) with `optin`.
    const declared = Object.fromEntries(
      Object.entries(shape).map(([k, s]) => [k, s._zod.optin === 'optional' ? 'optional' : 'required']),
    );
    const graphql = Object.fromEntries(
      field!.args.map((a) => [a.name, isNonNullType(a.type) && a.defaultValue === undefined ? 'required' : 'optional']),
    );
    expect(graphql).toEqual(declared);
  });
});
