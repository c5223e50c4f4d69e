/**
 * A mutation's GraphQL arguments built from its zod object (the decisions' declarations in @seleksi/domain):
 * one argument per key, required unless zod lets the key be left out, typed from the zod type or the
 * GraphQL type name and description its metadata gives (`asArg`). Input objects named in the metadata are
 * built the same way, once. The zod schema still validates the arguments (declaredArgs): GraphQL only
 * shapes them.
 */
import type { z } from 'zod';
import type { InputObjectRef } from '@pothos/core';
import type { GraphQLArgMeta } from '@seleksi/domain';
import { builder } from '../builder';

/** An argument or input field as Pothos takes it (`t.arg(...)`, `t.field(...)`). */
interface FieldSpec {
  type: unknown;
  required: boolean;
  description?: string;
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const defOf = (s: z.ZodType): ZodDef => (s as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The schema inside optional, nullable, default and pipe (transform) wrappers, and the first metadata met. */
function unwrap(schema: z.ZodType): { core: z.ZodType; meta: GraphQLArgMeta } {
  let s = schema;
  let meta: GraphQLArgMeta = {};
  for (let depth = 0; depth < 10; depth++) {
    const m = s.meta() as GraphQLArgMeta | undefined;
    if (m) meta = { graphql: meta.graphql ?? m.graphql, description: meta.description ?? m.description };
    const def = defOf(s);
    const inner = ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)
      ? def.innerType
      : def.type === 'pipe'
        ? def.in
        : undefined;
    if (!inner) break;
    s = inner;
  }
  return { core: s, meta };
}

const inputTypes = new Map<string, unknown>();

/** The GraphQL type (a Pothos type param) of a zod schema without its wrappers. */
function typeOf(core: z.ZodType, meta: GraphQLArgMeta, where: string): unknown {
  const def = defOf(core);
  if (def.type === 'array') {
    const item = unwrap(def.element!);
    return [typeOf(item.core, item.meta, where)];
  }
  if (def.type === 'object') {
    const name = meta.graphql;
    if (!name) throw new Error(`${where}: an input object needs its GraphQL name (asArg)`);
    if (!inputTypes.has(name)) {
      const shape = def.shape!;
      inputTypes.set(
        name,
        builder.inputType(name, {
          fields: (t) =>
            Object.fromEntries(
              Object.entries(shape).map(([k, s]) => [k, t.field(fieldSpec(s, `${name}.${k}`) as never)]),
            ),
        }),
      );
    }
    return inputTypes.get(name);
  }
  if (meta.graphql) return meta.graphql;
  switch (def.type) {
    case 'string':
      return 'String';
    case 'number':
      return 'Float';
    case 'boolean':
      return 'Boolean';
  }
  throw new Error(`${where}: no GraphQL type for zod ${def.type} (name one with asArg)`);
}

function fieldSpec(schema: z.ZodType, where: string): FieldSpec {
  const { core, meta } = unwrap(schema);
  // Zod marks a key that may be left out (optional, nullish, and pipes from them) with `optin`.
  const required = (schema as unknown as { _zod: { optin?: string } })._zod.optin !== 'optional';
  return {
    type: typeOf(core, meta, where),
    required,
    ...(meta.description ? { description: meta.description } : {}),
  };
}

/** The argument builder of a Pothos field (`t.arg`). */
type ArgBuilder = (options: never) => unknown;

/** Pothos arguments for a zod object: same names, types and requiredness as the declaration says. */
export function zodArgs(arg: ArgBuilder, schema: z.ZodType, where: string): Record<string, never> {
  const shape = (defOf(schema).shape ?? {}) as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [k, arg(fieldSpec(s, `${where}.${k}`) as never)]),
  ) as Record<string, never>;
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The input object of a zod object named in its metadata (asArg), built once like the decisions' inputs:
 * for inputs the gateway validates with zod, so their GraphQL type is not written a second time.
 */
export function zodInputType<S extends z.ZodType<object>>(schema: S): InputObjectRef<BuilderTypes, z.input<S>> {
  const { core, meta } = unwrap(schema);
  const where = meta.graphql ?? 'zodInputType';
  if (defOf(core).type !== 'object') throw new Error(`${where}: not a zod object`);
  return typeOf(core, meta, where) as InputObjectRef<BuilderTypes, z.input<S>>;
}
