/**
 * Query limits (graphql-armor): depth, cost and aliases, checked while the document is validated,
 * before any resolver runs. A refused query gets a typed error (`QUERY_TOO_COMPLEX`, with the limit
 * and the value found) in Bahasa Indonesia.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  BREAK,
  getNamedType,
  GraphQLError,
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ObjectFieldNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayConfig } from './config';

export type QueryLimits = Pick<GatewayConfig, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_COST' | 'GRAPHQL_MAX_ALIASES'>;

type Limit = 'depth' | 'cost' | 'aliases';

const MESSAGE: Record<Limit, string> = {
  depth: 'Kueri terlalu dalam',
  cost: 'Kueri terlalu berat',
  aliases: 'Kueri memakai terlalu banyak alias',
};

/** armor's own message ends with "… limit of N exceeded, found M."; keep the figures, say it for people. */
function refusal(limit: Limit) {
  return (ctx: { reportError(e: GraphQLError): void } | null, err: GraphQLError) => {
    const m = /of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/.exec(err.message);
    const [max, found] = m ? [Number(m[1]), Number(m[2])] : [undefined, undefined];
    ctx?.reportError(
      new GraphQLError(`${MESSAGE[limit]}${m ? ` (batas ${max}, kueri ini ${found})` : ''}; perkecil kueri Anda`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, found },
      }),
    );
  };
}

/** The validation rules for the configured limits (also used by tests against the portal's queries). */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({ ...common, n: limits.GRAPHQL_MAX_DEPTH, onReject: [refusal('depth')] }),
    // A fragment spread counts at its parent's level (the portal composes its documents from fragments);
    // unflattened, each spread would count as one more level of nesting. A spread met again costs what
    // the first did (patches/@escape.tech__graphql-armor-cost-limit@2.4.3.patch; unpatched, 1.5 times).
    costLimitRule({ ...common, maxCost: limits.GRAPHQL_MAX_COST, flattenFragments: true, onReject: [refusal('cost')] }),
    maxAliasesRule({ ...common, n: limits.GRAPHQL_MAX_ALIASES, onReject: [refusal('aliases')] }),
  ] as ValidationRule[];
}

/** Adds the limit rules to Yoga's validation. */
export function useQueryLimits(limits: QueryLimits): Plugin {
  const rules = queryLimitRules(limits);
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

export type ParserLimits = Pick<
  GatewayConfig,
  'GRAPHQL_MAX_TOKENS' | 'GRAPHQL_MAX_NESTING' | 'GRAPHQL_MAX_QUERY_LENGTH'
>;

function tooComplex(limit: string, message: string, max: number, found?: number): GraphQLError {
  return new GraphQLError(`${message} (batas ${max}); perkecil kueri Anda`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(found !== undefined ? { found } : {}) },
  });
}

/**
 * The deepest bracket nesting of a document, ignoring strings and comments; stops counting past
 * `stopAt`. A linear scan, so a document of 20,000 nested braces is refused without recursion.
 */
export function bracketNesting(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === 0x22 /* " */) {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end < 0 ? text.length : end + 2;
        // An escaped \""" inside a block string does not end it.
        while (end >= 0 && text[i - 3] === '\\' && i < text.length) {
          const next = text.indexOf('"""', i + 1);
          i = next < 0 ? text.length : next + 2;
        }
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === 0x7b || c === 0x28 || c === 0x5b /* { ( [ */) {
      if (++depth > max) max = depth;
      if (max > stopAt) return max;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d /* } ) ] */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}

/** Checks a document's size and nesting before it is parsed; the parser itself stops at the token limit. */
export function checkBeforeParse(text: string, limits: ParserLimits): GraphQLError | null {
  if (text.length > limits.GRAPHQL_MAX_QUERY_LENGTH) {
    return tooComplex('length', 'Kueri terlalu panjang', limits.GRAPHQL_MAX_QUERY_LENGTH);
  }
  if (bracketNesting(text, limits.GRAPHQL_MAX_NESTING) > limits.GRAPHQL_MAX_NESTING) {
    return tooComplex('nesting', 'Kueri bersarang terlalu dalam', limits.GRAPHQL_MAX_NESTING);
  }
  return null;
}

/** Yoga's parse step with the size, nesting and token limits (graphql-js's own `maxTokens`). */
export function useParserLimits(limits: ParserLimits): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        const refused = checkBeforeParse(text, limits);
        if (refused) throw refused;
        try {
          return parseFn(source, { ...options, maxTokens: limits.GRAPHQL_MAX_TOKENS });
        } catch (err) {
          if (err instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(err.message)) {
            throw tooComplex('tokens', 'Kueri memuat terlalu banyak token', limits.GRAPHQL_MAX_TOKENS);
          }
          throw err;
        }
      });
    },
  };
}

export type InputLimits = Pick<GatewayConfig, 'GRAPHQL_MAX_ID_LENGTH' | 'GRAPHQL_MAX_STRING_LENGTH'>;

/** String inputs that name a record: they end up in a service's URL or index, and are short. */
const ID_LIKE = /^(?:id|ids|nip|nips|key|code)$|(?:Id|Ids|Nip|Nips|Key|Code|Codes)$/;

function maxLengthOf(type: GraphQLNamedType, name: string | undefined, limits: InputLimits): number {
  if (type === GraphQLID || (name !== undefined && ID_LIKE.test(name))) return limits.GRAPHQL_MAX_ID_LENGTH;
  return limits.GRAPHQL_MAX_STRING_LENGTH;
}

/**
 * Characters no input may hold: control characters other than tab and line breaks (PostgreSQL, under
 * FerretDB, refuses NUL) and unpaired surrogates (not encodable in a service's URL).
 */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refusedString(value: string, field: string, max: number, isId: boolean): GraphQLError | null {
  if (value.length > max) return tooLong(field, max);
  // An empty id would name a collection instead of a record in a service's URL.
  if (isId && value.length === 0) {
    return new GraphQLError('Id tidak boleh kosong', { extensions: { code: 'VALIDATION_FAILED', field } });
  }
  if (FORBIDDEN_CHARACTERS.test(value)) {
    return new GraphQLError('Nilai memuat karakter yang tidak diizinkan', {
      extensions: { code: 'VALIDATION_FAILED', field },
    });
  }
  return null;
}

function tooLong(field: string, max: number): GraphQLError {
  return new GraphQLError(`Nilai terlalu panjang (paling banyak ${max} karakter)`, {
    extensions: { code: 'VALIDATION_FAILED', field, max },
  });
}

/** Walks a variable's JSON value along its input type; the first string over its limit is refused. */
function checkVariable(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  name: string | undefined,
  limits: InputLimits,
): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkVariable(type.ofType, value, path, name, limits);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const e = checkVariable(type.ofType, items[i], `${path}.${i}`, name, limits);
      if (e) return e;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = type.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[key];
      if (!f) continue;
      const e = checkVariable(f.type, v, `${path}.${key}`, key, limits);
      if (e) return e;
    }
    return null;
  }
  if (typeof value === 'string' && isScalarType(type) && (type === GraphQLID || type === GraphQLString)) {
    return refusedString(value, path, maxLengthOf(type, name, limits), type === GraphQLID);
  }
  return null;
}

/**
 * A document's input checks in document order: each variable definition (checked against the
 * request's variables) and the refusal of an ID or String literal. A document's literals never
 * change, so they are checked once per parsed document (Yoga's parser cache hands the same
 * DocumentNode to every request of the same text) and only the variables are walked per request.
 */
type InputCheck = { variable: string; type: GraphQLInputType } | { refused: GraphQLError };

const inputChecks = new WeakMap<InputLimits, WeakMap<GraphQLSchema, WeakMap<DocumentNode, InputCheck[]>>>();

function inputChecksOf(schema: GraphQLSchema, document: DocumentNode, limits: InputLimits): InputCheck[] {
  let byLimits = inputChecks.get(limits);
  if (!byLimits) inputChecks.set(limits, (byLimits = new WeakMap()));
  let bySchema = byLimits.get(schema);
  if (!bySchema) byLimits.set(schema, (bySchema = new WeakMap()));
  let checks = bySchema.get(document);
  if (checks) return checks;
  checks = [];
  const out = checks;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type && isInputType(type)) out.push({ variable: node.variable.name.value, type });
      },
      StringValue(node, _key, parent, _path, ancestors) {
        const type = typeInfo.getInputType();
        const named = type ? getNamedType(type) : undefined;
        if (named !== GraphQLID && named !== GraphQLString) return;
        // `ancestors` stops above the parent (the Argument or ObjectField itself).
        const owners = [...ancestors, parent].filter((a): a is ArgumentNode | ObjectFieldNode => {
          const kind = Array.isArray(a) ? undefined : (a as ASTNode).kind;
          return kind === Kind.ARGUMENT || kind === Kind.OBJECT_FIELD;
        });
        const name = owners.at(-1)?.name.value;
        const field = owners.map((o) => o.name.value).join('.') || 'query';
        const refused = refusedString(node.value, field, maxLengthOf(named, name, limits), named === GraphQLID);
        // Nothing after the first refused literal is ever checked.
        if (refused) {
          out.push({ refused });
          return BREAK;
        }
      },
    }),
  );
  bySchema.set(document, checks);
  return checks;
}

/** Every ID and String input (literal or variable) within its length and of allowed characters, before any resolver runs. */
export function checkInputLengths(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  limits: InputLimits,
): GraphQLError | null {
  for (const check of inputChecksOf(schema, document, limits)) {
    // A fresh error per request: the remembered one is shared by every request of the document.
    if ('refused' in check) return new GraphQLError(check.refused.message, { extensions: check.refused.extensions });
    const refused = checkVariable(check.type, variables?.[check.variable], check.variable, check.variable, limits);
    if (refused) return refused;
  }
  return null;
}

/** Refuses over-long inputs at execution's start, before a resolver can forward them to a service. */
export function useInputLimits(limits: InputLimits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = checkInputLengths(args.schema, args.document, args.variableValues, limits);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = checkInputLengths(args.schema, args.document, args.variableValues, limits);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
