/**
 * Every declared decision, of an open selection (SELECTION_DECISIONS) and of the talent route
 * (TALENT_DECISIONS), is a mutation whose scopes are the declared roles and whose arguments are the
 * declared ones: same names, optional where the declaration is optional, of the GraphQL type its metadata
 * names; and every mutation answering a Decision is declared. A decision's arguments and roles are written
 * once, in @seleksi/domain.
 */
import { getNamedType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  SELECTION_DECISION_NAMES,
  SELECTION_DECISIONS,
  TALENT_DECISION_NAMES,
  TALENT_DECISIONS,
  type GraphQLArgMeta,
  type Role,
} from '@seleksi/domain';
import { schema } from './index';

const mutations = schema.getMutationType()!.getFields();

const DECLARED: Record<string, { roles: readonly Role[]; args: z.ZodType }> = {
  ...SELECTION_DECISIONS,
  ...TALENT_DECISIONS,
};

/** The GraphQL type name the declaration gives an argument (its metadata, or the zod type's own). */
function declaredTypeName(s: z.ZodType): string {
  let cur = s;
  for (;;) {
    const meta = cur.meta() as GraphQLArgMeta | undefined;
    if (meta?.graphql) return meta.graphql;
    const def = (
      cur as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType } } }
    )._zod.def;
    const next = def.innerType ?? def.in ?? def.element;
    if (next) {
      cur = next;
      continue;
    }
    return { string: 'String', number: 'Float', boolean: 'Boolean' }[def.type] ?? def.type;
  }
}

function isList(t: GraphQLInputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}

describe('declared decisions in the schema', () => {
  it.each([...SELECTION_DECISION_NAMES, ...TALENT_DECISION_NAMES])(
    '%s: scopes, description and arguments as declared',
    (name) => {
      const field = mutations[name] as GraphQLField<unknown, unknown> | undefined;
      expect(field, name).toBeDefined();
      const declared = DECLARED[name]!;
      const scopes = (field!.extensions as { pothosOptions?: { authScopes?: { roles?: string[] } } }).pothosOptions
        ?.authScopes;
      expect(scopes).toEqual({ roles: [...declared.roles] });
      expect(String(field!.type)).toBe('Decision!');

      const shape = (declared.args as z.ZodObject).shape as Record<string, z.ZodType>;
      // Zod marks a key that may be left out (optional, nullish, and pipes from them) with `optin`.
      const want = Object.fromEntries(
        Object.entries(shape).map(([k, s]) => [
          k,
          {
            required: s._zod.optin !== 'optional',
            type: declaredTypeName(s),
            list: isArrayDeep(s),
          },
        ]),
      );
      const got = Object.fromEntries(
        field!.args.map((a) => [
          a.name,
          {
            required: isNonNullType(a.type) && a.defaultValue === undefined,
            type: getNamedType(a.type).name,
            list: isList(a.type),
          },
        ]),
      );
      expect(got).toEqual(want);
    },
  );

  it('every mutation answering a Decision is a declared decision', () => {
    const decisions = Object.values(mutations)
      .filter((f) => String(f.type) === 'Decision!')
      .map((f) => f.name)
      .sort();
    expect(decisions).toEqual([...SELECTION_DECISION_NAMES, ...TALENT_DECISION_NAMES].sort());
  });
});

/** The declaration is a list, under its optional, nullable and pipe wrappers. */
function isArrayDeep(s: z.ZodType): boolean {
  let cur = s;
  for (;;) {
    const def = (cur as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    if (def.type === 'array') return true;
    const next = def.innerType ?? def.in;
    if (!next) return false;
    cur = next;
  }
}
