/**
 * The whole system in one test process, on the real Temporal dev server and the real FerretDB from
 * the global setup: the three services, a worker and the gateway, each on a free port, with databases
 * and a task queue unique to the calling test file.
 */
import { randomBytes } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { startCandidateService, loadCandidateConfig } from '@seleksi/candidate-service';
import { startAssessmentService, loadAssessmentConfig } from '@seleksi/assessment-service';
import { startDocumentService, loadDocumentConfig } from '@seleksi/document-service';
import {
  createLogger,
  createServiceClients,
  operatorServiceAuth,
  serviceTokenProviderFromEnv,
  type ServiceClients,
} from '@seleksi/kit';
import { gatewayConfigSchema, startGateway, type RunningGateway } from '@seleksi/gateway';
import { bundleSeleksiWorkflows, createSeleksiWorker } from '@seleksi/workflows/worker';
import { seleksiDataConverter } from '@seleksi/workflows';

// The SDK logs every worker state change at INFO; tests keep warnings and errors only.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process.
}

/** The workflow bundler's logger: errors only. */
export const quietBundlerLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta),
  log: () => undefined,
};

let bundle: Promise<{ code: string }> | undefined;
/** Workflow code is bundled once per test process (about a second each time otherwise). */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= bundleSeleksiWorkflows(quietBundlerLogger);
  return bundle;
}

export interface ServicesStack {
  prefix: string;
  urls: { CANDIDATE_SERVICE_URL: string; ASSESSMENT_SERVICE_URL: string; DOCUMENT_SERVICE_URL: string };
  clients: ServiceClients;
  close(): Promise<void>;
}

/** The three services on free ports, each with its own database named after `prefix`. */
export async function startServices(mongoUri: string, prefix: string): Promise<ServicesStack> {
  const common = { MONGODB_URI: mongoUri, LOG_LEVEL: 'error' };
  const candidate = await startCandidateService(
    loadCandidateConfig({ ...common, CANDIDATE_PORT: '0', CANDIDATE_DB: `${prefix}_candidate` }),
  );
  const assessment = await startAssessmentService(
    loadAssessmentConfig({ ...common, ASSESSMENT_PORT: '0', ASSESSMENT_DB: `${prefix}_assessment` }),
  );
  const document = await startDocumentService(
    loadDocumentConfig({ ...common, DOCUMENT_PORT: '0', DOCUMENT_DB: `${prefix}_document` }),
  );
  const urls = {
    CANDIDATE_SERVICE_URL: candidate.url,
    ASSESSMENT_SERVICE_URL: assessment.url,
    DOCUMENT_SERVICE_URL: document.url,
  };
  return {
    prefix,
    urls,
    // Tests reach the services directly as an operator's tool would.
    clients: createServiceClients(urls, { auth: operatorServiceAuth() }),
    async close() {
      await Promise.all([candidate.close(), assessment.close(), document.close()]);
    },
  };
}

/** The worker's ports: the services with its own credential, as in production (they check who writes what). */
export function workerPorts(urls: ServicesStack['urls']): ServiceClients {
  return createServiceClients(urls, { auth: serviceTokenProviderFromEnv('worker', {}) });
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

export interface Stack extends ServicesStack {
  taskQueue: string;
  client: Client;
  gateway: RunningGateway;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  signIn(email: string, password: string): Promise<string>;
}

/** Services + worker + gateway against the shared Temporal dev server and FerretDB. */
export async function startStack(opts: {
  temporalAddress: string;
  mongoUri: string;
  name: string;
  /** The databases' and task queue's prefix, to start again on the same data (default: `it_<name>_<random>`). */
  prefix?: string;
  /** Gateway settings over the suite defaults (e.g. the apply queue's size). */
  gateway?: Record<string, string>;
  /** false: no worker on the task queue (the suite runs its own, e.g. two worker versions). */
  worker?: boolean;
}): Promise<Stack> {
  const prefix = opts.prefix ?? `it_${opts.name}_${randomBytes(3).toString('hex')}`;
  const taskQueue = `${prefix}-queue`;
  const services = await startServices(opts.mongoUri, prefix);

  const nativeConnection = await NativeConnection.connect({ address: opts.temporalAddress });
  const worker: Worker | undefined =
    opts.worker === false
      ? undefined
      : await createSeleksiWorker({
          connection: nativeConnection,
          namespace: 'default',
          taskQueue,
          ports: workerPorts(services.urls),
          workflowBundle: await workflowBundle(),
        });
  const workerRun = worker?.run();

  const gateway = await startGateway(
    gatewayConfigSchema.parse({
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      MONGODB_URI: opts.mongoUri,
      GATEWAY_DB: `${prefix}_gateway`,
      TEMPORAL_ADDRESS: opts.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'error',
      // These suites apply through plain GraphQL JSON; uploads have their own suite (candidate-portal-api).
      APPLICATION_DOCUMENTS_REQUIRED: 'false',
      // Every round in these suites continues as new many times, so each stage is shown to resume
      // where it waited; late receipts need only cover the in-process round trip.
      SELECTION_CONTINUE_AS_NEW_EVENTS: '150',
      LATE_RECEIPT_GRACE_SECONDS: '2',
      ...services.urls,
      ...opts.gateway,
    }),
    createLogger('gateway', 'error'),
  );
  const connection = await Connection.connect({ address: opts.temporalAddress });
  const client = new Client({ connection, namespace: 'default', dataConverter: seleksiDataConverter() });

  const gql = graphqlClient(gateway.url);

  return {
    ...services,
    taskQueue,
    client,
    gateway,
    gql,
    async signIn(email, password) {
      const r = await gql<{ signIn: { token: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!r.data) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
      return r.data.signIn.token;
    },
    async close() {
      await gateway.close();
      worker?.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await services.close();
    },
  };
}

/**
 * A second gateway on the same services, store and task queue as `stack`'s, with its settings but
 * `overrides` (e.g. a smaller cap, another apply queue); the caller closes it.
 */
export function startAnotherGateway(
  stack: Pick<Stack, 'gateway'>,
  overrides: Record<string, string>,
  name = 'gateway-2',
): Promise<RunningGateway> {
  const first = stack.gateway.deps.config;
  return startGateway(
    gatewayConfigSchema.parse({
      // The first gateway's settings back as environment values (JSON for the structured ones).
      ...Object.fromEntries(
        Object.entries(first).map(([k, v]) => [
          k,
          v === undefined ? undefined : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
        ]),
      ),
      GATEWAY_PORT: '0',
      ...overrides,
    }),
    createLogger(name, 'error'),
  );
}

/**
 * Swaps the gateway's service clients for ones that record each call (`METHOD /path`) in the array
 * answered; the context spreads deps per request, so the gateway uses them from its next request on.
 */
export function countServiceCalls(stack: Stack): string[] {
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(input, init);
  };
  stack.gateway.deps.services = createServiceClients(stack.urls, {
    fetch: counting,
    auth: serviceTokenProviderFromEnv('gateway', {}),
  });
  return calls;
}

/** POSTs GraphQL to `<baseUrl>/graphql`, with a bearer token and extra headers when given. */
export function graphqlClient(baseUrl: string): Stack['gql'] {
  return async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResult<T>;
  };
}

/** Polls `fn` until it returns a truthy value (real time; for read models written by activities). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
