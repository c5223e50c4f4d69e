/**
 * Temporal CLI dev server: argv, readiness and search-attribute registration, shared by
 * `npm start` and the integration-test global setup.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
// CommonJS package whose named exports Node's ESM loader cannot detect: take the default export.
import proto from '@temporalio/proto';
import { repoRoot, waitUntil, type ManagedProcess } from './processes';

export type SearchAttributeTypeName = 'Keyword' | 'Datetime' | 'Int' | 'Text' | 'Bool' | 'Double' | 'KeywordList';

export interface SearchAttributeSpec {
  name: string;
  type: SearchAttributeTypeName;
}

/** `.tools/py/bin/temporal`, or TEMPORAL_CLI_PATH. */
export function temporalCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEMPORAL_CLI_PATH || resolve(repoRoot, '.tools/py/bin/temporal');
}

/** `.tools/py/bin/temporal-test-server`, or TEMPORAL_TEST_SERVER_PATH; '' when neither exists. */
export function temporalTestServerPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.TEMPORAL_TEST_SERVER_PATH || resolve(repoRoot, '.tools/py/bin/temporal-test-server');
  return existsSync(path) ? path : '';
}

export interface DevServerArgsOptions {
  port: number;
  dbFilename: string;
  /** Web UI port; omit for a headless server. */
  uiPort?: number;
  namespace?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  searchAttributes?: readonly SearchAttributeSpec[];
  /** Codec server the Web UI sends encrypted payloads to (`<endpoint>/decode`). */
  uiCodecEndpoint?: string;
}

/** argv for `temporal server start-dev` (Updates enabled, search attributes registered on a new DB). */
export function devServerArgs(o: DevServerArgsOptions): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(o.port), '--db-filename', o.dbFilename];
  if (o.uiPort === undefined) args.push('--headless');
  else {
    args.push('--ui-port', String(o.uiPort), '--ui-disable-news-fetch');
    if (o.uiCodecEndpoint) args.push('--ui-codec-endpoint', o.uiCodecEndpoint);
  }
  if (o.namespace && o.namespace !== 'default') args.push('--namespace', o.namespace);
  args.push(
    '--log-level',
    o.logLevel ?? 'warn',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  );
  for (const sa of o.searchAttributes ?? []) args.push('--search-attribute', `${sa.name}=${sa.type}`);
  return args;
}

/**
 * Polls until the frontend at `address` answers `getSystemInfo`, then returns an open connection
 * (the caller closes it).
 */
export async function waitForTemporal(
  address: string,
  options: { timeoutMs?: number; process?: ManagedProcess; what?: string } = {},
): Promise<Connection> {
  let connection: Connection | undefined;
  await waitUntil(
    async () => {
      const conn = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await conn.workflowService.getSystemInfo({});
      } catch (err) {
        await conn.close();
        throw err;
      }
      connection = conn;
      return true;
    },
    {
      what: options.what ?? `Temporal frontend ${address}`,
      timeoutMs: options.timeoutMs ?? 60_000,
      intervalMs: 500,
      ...(options.process ? { process: options.process } : {}),
    },
  );
  return connection!;
}

const { IndexedValueType } = proto.temporal.api.enums.v1;

const indexedType: Record<SearchAttributeTypeName, temporal.api.enums.v1.IndexedValueType> = {
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Registers any of `wanted` that the namespace lacks and waits until all are listed.
 *
 * Needed because `--search-attribute` only takes effect when the dev server creates its SQLite DB:
 * on a restart with an existing `--db-filename`, attributes added to the list since are ignored
 * (checked with temporal CLI 1.9.1). Returns the names it added. Throws if an attribute exists
 * with another type.
 */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace: string,
  wanted: readonly SearchAttributeSpec[],
  timeoutMs = 30_000,
): Promise<string[]> {
  const list = async () =>
    (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
  const existing = await list();
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const sa of wanted) {
    const have = existing[sa.name];
    if (have === undefined) missing[sa.name] = indexedType[sa.type];
    else if (have !== indexedType[sa.type]) {
      throw new Error(
        `search attribute ${sa.name} exists in namespace ${namespace} as ${IndexedValueType[have]}, expected ${sa.type}`,
      );
    }
  }
  const added = Object.keys(missing);
  if (added.length === 0) return added;
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  await waitUntil(
    async () => {
      const now = await list();
      return added.every((name) => now[name] !== undefined);
    },
    { what: `search attributes ${added.join(', ')} in namespace ${namespace}`, timeoutMs },
  );
  return added;
}

const GRPC_ALREADY_EXISTS = 6;

export interface EnsureNamespaceOptions {
  /** How long closed workflows are kept; used only when the namespace is created. Default 7. */
  retentionDays?: number;
  /** How long to wait until the namespace (and the search attributes) answer. Default 60 s. */
  timeoutMs?: number;
  /** Custom search attributes the namespace must have (ensureSearchAttributes). */
  searchAttributes?: readonly SearchAttributeSpec[];
}

/**
 * Registers `namespace` unless it exists (a new server cluster has only its system namespace), waits until the
 * frontend describes it (a new namespace reaches every frontend's cache a moment later), then registers the
 * missing `searchAttributes`. The one namespace set-up of the cluster, the rehearsal and the one-shot job.
 */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  options: EnsureNamespaceOptions = {},
): Promise<{ created: boolean; addedSearchAttributes: string[] }> {
  const retentionDays = options.retentionDays ?? 7;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let created = false;
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      // fromObject takes a plain number where the typed field wants a Long.
      workflowExecutionRetentionPeriod: proto.google.protobuf.Duration.fromObject({ seconds: retentionDays * 86_400 }),
    });
    created = true;
  } catch (err) {
    if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
  }
  await waitUntil(
    async () => (await connection.workflowService.describeNamespace({ namespace })).namespaceInfo?.name === namespace,
    { what: `namespace ${namespace}`, timeoutMs },
  );
  const addedSearchAttributes = options.searchAttributes
    ? await ensureSearchAttributes(
        connection,
        namespace,
        options.searchAttributes,
        Math.max(1_000, deadline - Date.now()),
      )
    : [];
  return { created, addedSearchAttributes };
}
