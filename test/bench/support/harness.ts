/**
 * What the end-to-end benchmarks share: the embedded stack as `npm start` runs it (own ports and data
 * directory), GraphQL as a client sends it, candidates made the way the demo seed makes them, a
 * training-mode round opened by the demo secretary and overseer, percentiles, and the floor — a bare
 * Temporal Update on the same server — measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mongoose';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { AccountRepository } from '@seleksi/gateway';
import { localDateOf, type ProfileDto } from '@seleksi/domain';
import { createServiceClients, type ServiceClients } from '@seleksi/kit';
import { querySelectionSummary, StageDeadlineKey } from '@seleksi/workflows';
import { BoundedQueue } from '../../../gateway/src/apply-queue';
import { DEMO_AGENCY, DEMO_PANSEL, DEMO_PASSWORD, DEMO_USERS } from '../../../infra/dev/src/demo-data';
import type { E2eStack } from '../../e2e/support/stack';
import { eligibleProfile, RECENT_SKP_YEARS } from '../../support/fixtures';
import { floorApplyUpdate, floorFinishSignal } from './floor-workflows';

export { DEMO_AGENCY, DEMO_PANSEL, DEMO_PASSWORD, DEMO_USERS };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** p50, p95, p99. */
export function pct(values: number[]): [number, number, number] {
  const s = [...values].sort((a, b) => a - b);
  return [percentile(s, 50), percentile(s, 95), percentile(s, 99)];
}

export const ms = (v: number) => (Number.isNaN(v) ? '-' : `${Math.round(v)} ms`);
export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
export const sleepUntil = (t: number) => sleep(Math.max(0, t - Date.now()));

/**
 * A distinct valid NIP per candidate: birth dates over eight years from 1972 (young enough for a JPT
 * post, so screening finds them eligible) × serials.
 */
export function benchNip(j: number): string {
  const birth = new Date(Date.UTC(1972, 0, 1) + (j % 2920) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const serial = String((Math.floor(j / 2920) % 999) + 1).padStart(3, '0');
  return `${ymd}${birth.getUTCFullYear() + 25}03${(j % 2) + 1}${serial}`;
}

export async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A client of one running stack: GraphQL, the services, Temporal. */
export interface BenchClient {
  stack: E2eStack;
  gatewayUrl: string;
  temporalAddress: string;
  services: ServiceClients;
  temporal: Client;
  /** The answer as it came (errors included). */
  request<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<T>>;
  /** The data; throws on errors. */
  gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T>;
  signIn(email: string, password: string): Promise<string>;
}

export async function benchClient(stack: E2eStack): Promise<BenchClient> {
  const p = stack.ports;
  const gatewayUrl = `http://127.0.0.1:${p.GATEWAY_PORT}`;
  const temporalAddress = `127.0.0.1:${p.TEMPORAL_PORT}`;
  const request = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLAnswer<T>;
  };
  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const body = await request<T>(query, variables, token);
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return {
    stack,
    gatewayUrl,
    temporalAddress,
    services: createServiceClients(
      {
        CANDIDATE_SERVICE_URL: `http://127.0.0.1:${p.CANDIDATE_PORT}`,
        ASSESSMENT_SERVICE_URL: `http://127.0.0.1:${p.ASSESSMENT_PORT}`,
        DOCUMENT_SERVICE_URL: `http://127.0.0.1:${p.DOCUMENT_PORT}`,
      },
      { timeoutMs: 120_000 },
    ),
    temporal: new Client({ connection: await Connection.connect({ address: temporalAddress }) }),
    request,
    gql,
    signIn: async (email, password) =>
      (
        await gql<{ signIn: { token: string } }>(
          'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
          { e: email, p: password },
        )
      ).signIn.token,
  };
}

export interface BenchCandidate {
  candidateId: string;
  token: string;
}

/** N eligible candidates of the demo agency with accounts, signed in (profiles in bulk, accounts as the seed makes them). */
export async function createCandidates(b: BenchClient, n: number, prefix: string): Promise<BenchCandidate[]> {
  const password = `${prefix}#${randomBytes(6).toString('hex')}`;
  const ids = Array.from({ length: n }, (_x, i) => i);
  const profiles: ProfileDto[] = ids.map((i) => ({
    ...eligibleProfile(`${prefix}-asn-${i}`, DEMO_AGENCY.code, i, { nip: benchNip(i) }),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  }));
  for (let i = 0; i < profiles.length; i += 1000)
    await b.services.candidate.upsertProfiles(profiles.slice(i, i + 1000));
  const conn = createConnection(`mongodb://127.0.0.1:${b.stack.ports.FERRETDB_PORT}`, { dbName: 'seleksi_gateway' });
  try {
    await conn.asPromise();
    const accounts = new AccountRepository(conn);
    await inParallel(ids, 4, async (i) => {
      await accounts.upsert({
        id: `${prefix}-user-${i}`,
        email: `${prefix}${i}@bench.seleksi-jpt.id`,
        displayName: profiles[i]!.name,
        role: 'CANDIDATE',
        agencyCode: DEMO_AGENCY.code,
        candidateId: profiles[i]!.id,
        password,
      });
    });
  } finally {
    await conn.close();
  }
  const out: BenchCandidate[] = [];
  await inParallel(ids, 4, async (i) => {
    out[i] = { candidateId: profiles[i]!.id, token: await b.signIn(`${prefix}${i}@bench.seleksi-jpt.id`, password) };
  });
  return out;
}

export const demoToken = (b: BenchClient, role: string) =>
  b.signIn(DEMO_USERS.find((u) => u.role === role)!.email, DEMO_PASSWORD);

export interface OpenedRound {
  id: string;
  workflowId: string;
  vacancyIds: string[];
  secretary: string;
  overseer: string;
  /** Real instant registration closes (the workflow publishes it for operators). */
  closeAt: number;
  stage(): Promise<string>;
  waitStage(accept: (stage: string) => boolean, timeoutMs: number): Promise<string>;
}

/** A training-mode round of the demo agency, planned, approved and open for registration. */
export async function openRound(
  b: BenchClient,
  opts: { title: string; vacancies: number; secondsPerDay: number; rules: Record<string, unknown> },
): Promise<OpenedRound> {
  const secretary = await demoToken(b, 'PANSEL_SECRETARY');
  const overseer = await demoToken(b, 'OVERSEER');
  const { createSelection: sel } = await b.gql<{
    createSelection: { id: string; workflowId: string; vacancies: { id: string }[] };
  }>(
    'mutation($input: CreateSelectionInput!) { createSelection(input: $input) { id workflowId vacancies { id } } }',
    {
      input: {
        title: opts.title,
        announcementDate: localDateOf(new Date(), DEMO_AGENCY.timeZone),
        vacancies: Array.from({ length: opts.vacancies }, (_x, i) => ({
          level: 'PRATAMA',
          position: `Kepala Dinas Uji Beban ${i + 1}`,
          unit: `Dinas Uji Beban ${i + 1}`,
        })),
        simulationSecondsPerDay: opts.secondsPerDay,
        rules: opts.rules,
        signatoryName: 'Prof. Dr. Aminah Sari, M.Si.',
        signatoryTitle: 'Ketua Panitia Seleksi',
      },
    },
    secretary,
  );
  const stage = async () => (await querySelectionSummary(b.temporal, DEMO_AGENCY.code, sel.id)).stage;
  const waitStage = async (accept: (s: string) => boolean, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await stage().catch(() => null);
      if (s && accept(s)) return s;
      if (Date.now() > until) throw new Error(`selection stage still ${s} after ${timeoutMs} ms`);
      await sleep(250);
    }
  };
  for (;;) {
    const { selection } = await b.gql<{ selection: { id: string } | null }>(
      'query($id: ID!) { selection(id: $id) { id } }',
      { id: sel.id },
      secretary,
    );
    if (selection) break;
    await sleep(200);
  }
  await b.gql(
    'mutation($s: ID!, $m: [PanselMemberInput!]!) { setPansel(selectionId: $s, members: $m) { decisionId } }',
    {
      s: sel.id,
      m: DEMO_PANSEL.map((m, i) => ({
        id: m.id,
        userId: m.userId,
        name: m.name,
        institution: m.institution,
        internal: m.internal,
        partyMember: m.partyMember,
        role: i === 0 ? 'CHAIR' : 'MEMBER',
      })),
    },
    secretary,
  );
  await b.gql('mutation($s: ID!) { submitPlan(selectionId: $s) { decisionId } }', { s: sel.id }, secretary);
  await waitStage((s) => s === 'PLAN_APPROVAL', 60_000);
  await b.gql(
    'mutation($s: ID!) { overseerDecision(selectionId: $s, subject: PLAN, verdict: APPROVE, reason: "Rencana seleksi sesuai ketentuan (uji beban)") { decisionId } }',
    { s: sel.id },
    overseer,
  );
  await waitStage((s) => s === 'REGISTRATION_OPEN', 60_000);
  let closeAt = 0;
  for (let i = 0; i < 100 && !closeAt; i++) {
    const d = (await b.temporal.workflow.getHandle(sel.workflowId).describe()).typedSearchAttributes.get(
      StageDeadlineKey,
    );
    if (d) closeAt = d.getTime();
    else await sleep(100);
  }
  if (!closeAt) throw new Error('no registration deadline published');
  return {
    id: sel.id,
    workflowId: sel.workflowId,
    vacancyIds: sel.vacancies.map((v) => v.id),
    secretary,
    overseer,
    closeAt,
    stage,
    waitStage,
  };
}

/** Every run of a workflow's continue-as-new chain with its history length and size. */
export async function runsOf(client: Client, workflowId: string): Promise<{ events: number; bytes: number }[]> {
  const runs: { start: number; events: number; bytes: number }[] = [];
  for await (const wf of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    // Visibility fills history length and size in only when a run closes: describe each run.
    const d = await client.workflow.getHandle(workflowId, wf.runId).describe();
    runs.push({ start: d.startTime.getTime(), events: d.historyLength, bytes: d.historySize ?? 0 });
  }
  return runs.sort((a, b) => a.start - b.start);
}

/**
 * Latencies of bare Updates (one no-op activity each) sent at `start + offsets[i]`, at most
 * `perWorkflow` in flight per workflow run (Temporal's in-flight limit), `perRun` Updates per run.
 */
export async function measureFloor(
  b: BenchClient,
  offsets: number[],
  opts: { perWorkflow: number; perRun?: number },
): Promise<number[]> {
  const taskQueue = `bench-floor-${randomBytes(3).toString('hex')}`;
  const connection = await NativeConnection.connect({ address: b.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./floor-workflows.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    }),
    activities: { noop: async (id: string) => id },
  });
  const running = worker.run();
  try {
    const runs = Math.ceil(offsets.length / (opts.perRun ?? 1500));
    const handles = await Promise.all(
      Array.from({ length: runs }, (_x, r) =>
        b.temporal.workflow.start('floorWorkflow', { taskQueue, workflowId: `${taskQueue}-${r}`, args: [] }),
      ),
    );
    const limits = handles.map(() => new BoundedQueue(opts.perWorkflow, Number.MAX_SAFE_INTEGER));
    const start = Date.now() + 1000;
    const latencies = await Promise.all(
      offsets.map(async (offset, i) => {
        const at = start + offset;
        await sleepUntil(at);
        const r = i % runs;
        await limits[r]!.run(() => handles[r]!.executeUpdate(floorApplyUpdate, { args: [String(i)] }));
        return Date.now() - at;
      }),
    );
    await Promise.all(handles.map((h) => h.signal(floorFinishSignal)));
    await Promise.all(handles.map((h) => h.result()));
    return latencies;
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}
