/**
 * What the end-to-end benchmarks share: the stack they run against (support/target.ts: the embedded stack
 * as `npm start` runs it, or the cluster; own ports and data directory), GraphQL as a client sends it, candidates made the way the demo seed makes them, a
 * training-mode round opened by the demo secretary and overseer, percentiles, and the floor — a bare
 * Temporal Update on the same server — measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mongoose';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { AccountRepository } from '@seleksi/gateway';
import {
  announcementRequirementLines,
  applicationId,
  localDateOf,
  selectionWorkflowId,
  vacancyId,
  type AgencyDto,
  type ProfileDto,
  type ReasonCode,
  type SelectionDto,
  type SelectionStage,
} from '@seleksi/domain';
import { createServiceClients, operatorServiceAuth, type ServiceClients } from '@seleksi/kit';
import {
  MAX_APPLICATIONS_PER_BATCH,
  querySelectionSummary,
  seleksiDataConverter,
  StageDeadlineKey,
} from '@seleksi/workflows';
import { Batcher, BoundedQueue } from '../../../gateway/src/apply-queue';
import { DEMO_AGENCY, DEMO_PANSEL, DEMO_PASSWORD, DEMO_USERS } from '../../../infra/dev/src/demo-data';
import type { E2eStack } from '../../e2e/support/stack';
import { eligibleProfile, RECENT_SKP_YEARS } from '../../support/fixtures';
import { floorApplyBatchUpdate, floorApplyUpdate, floorFinishSignal } from './floor-workflows';
import { embeddedBenchStack, supervisedPids, type BenchStack } from './target';

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

/** The 1-minute load average every 5 s: the machine is shared, so figures carry it. */
const loads: { at: number; load: number }[] = [];
setInterval(() => loads.push({ at: Date.now(), load: loadavg()[0]! }), 5000).unref();

/** The range of the 1-minute load average between `from` and `to` (sampled every 5 s, and now). */
export function loadSpan(from = 0, to = Date.now()): string {
  const all = [...loads.filter((l) => l.at >= from && l.at <= to).map((l) => l.load), loadavg()[0]!];
  return `${Math.min(...all).toFixed(1)}–${Math.max(...all).toFixed(1)} (2 cores)`;
}

const asBenchStack = (stack: BenchStack | E2eStack): BenchStack =>
  'ports' in stack ? embeddedBenchStack(stack) : stack;

/**
 * CPU seconds (user + system) of every process now alive, with its parent: fields after the command's
 * closing parenthesis, ppid the 2nd, utime/stime the 12th/13th, cutime/cstime (children reaped) 14th/15th.
 */
function processTable(): Map<number, { ppid: number; cpu: number }> {
  const tick = 100; // USER_HZ on Linux
  const out = new Map<number, { ppid: number; cpu: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return out; // not Linux
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
      out.set(Number(e), { ppid: Number(f[1]), cpu });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds (user + system) each component of a stack has used so far, by name (its pid file): the
 * process and its descendants (PostgreSQL's backends are children of its postmaster).
 */
export function stackCpu(stack: BenchStack | E2eStack): Map<string, number> {
  const out = new Map<string, number>();
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const tree = (pid: number): number =>
    (table.get(pid)?.cpu ?? 0) + (children.get(pid) ?? []).reduce((sum, c) => sum + tree(c), 0);
  for (const [name, pid] of supervisedPids(asBenchStack(stack))) if (table.has(pid)) out.set(name, tree(pid));
  const self = process.cpuUsage();
  out.set('bench (this process)', (self.user + self.system) / 1e6);
  return out;
}

/** The whole machine's CPU seconds so far, busy (all but idle and iowait) and in all, over every core. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0) / 100;
    return { busy: total - (v[3]! + v[4]!) / 100, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** CPU seconds per component between two `stackCpu` readings, busiest first, with the share of `wallMs`. */
export function cpuBetween(before: Map<string, number>, after: Map<string, number>, wallMs: number): string {
  return [...after]
    .map(([name, v]) => [name, v - (before.get(name) ?? v)] as const)
    .filter(([, v]) => v > 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, v]) => `${name} ${v.toFixed(1)} s (${((100 * v * 1000) / wallMs).toFixed(0)} %)`)
    .join(', ');
}

/**
 * Asks the gateway's /healthz every 100 ms on its own connections until stopped: how long the
 * gateway (and this process) took to answer shows whether either event loop stalled.
 */
export function probeGateway(gatewayUrl: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = Date.now();
      await fetch(`${gatewayUrl}/healthz`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      times.push(Date.now() - t);
      await sleep(100);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
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
  stack: BenchStack;
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

/**
 * Kept-alive connections to the gateway through node:http, as the services' client (kit's http-client)
 * keeps them to the services: the direct floor is measured through that client, so the gateway's way is
 * measured through one of the same cost (fetch costs the benchmark process about 0.5 ms more CPU per
 * request, on the same two cores).
 */
const gatewayAgent = new http.Agent({ keepAlive: true });

function postJson(url: string, body: string, headers: Record<string, string>, retried = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: gatewayAgent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', reject);
        res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      },
    );
    req.once('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive connection the gateway closed as idle just as it was reused: never seen, send again.
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET')
        return void postJson(url, body, headers, true).then(resolve, reject);
      reject(err);
    });
    req.end(body);
  });
}

export async function benchClient(target: BenchStack | E2eStack): Promise<BenchClient> {
  const stack = asBenchStack(target);
  const { gatewayUrl, temporalAddress } = stack;
  const request = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    JSON.parse(
      await postJson(`${gatewayUrl}/graphql`, JSON.stringify({ query, variables }), {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ) as GraphQLAnswer<T>;
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
        CANDIDATE_SERVICE_URL: stack.serviceUrls.candidate,
        ASSESSMENT_SERVICE_URL: stack.serviceUrls.assessment,
        DOCUMENT_SERVICE_URL: stack.serviceUrls.document,
      },
      // Direct reads as an operator's tool, with the key the stack made in its data dir.
      { timeoutMs: 120_000, auth: operatorServiceAuth({ SELEKSI_DATA_DIR: stack.dataDir }) },
    ),
    temporal: new Client({
      connection: await Connection.connect({ address: temporalAddress }),
      dataConverter: seleksiDataConverter(),
    }),
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
  const conn = createConnection(b.stack.mongoUri, { dbName: 'seleksi_gateway' });
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

/**
 * A training-mode round, planned, approved and open for registration: of the demo agency by its demo
 * secretary, or of `agency` by the `secretary` given (the demo Pansel members sit on it either way).
 */
export async function openRound(
  b: BenchClient,
  opts: {
    title: string;
    vacancies: number;
    secondsPerDay: number;
    rules: Record<string, unknown>;
    agency?: Pick<AgencyDto, 'code' | 'timeZone'>;
    secretary?: string;
    overseer?: string;
  },
): Promise<OpenedRound> {
  const agency = opts.agency ?? DEMO_AGENCY;
  const secretary = opts.secretary ?? (await demoToken(b, 'PANSEL_SECRETARY'));
  const overseer = opts.overseer ?? (await demoToken(b, 'OVERSEER'));
  const { createSelection: sel } = await b.gql<{
    createSelection: { id: string; workflowId: string; vacancies: { id: string }[] };
  }>(
    'mutation($input: CreateSelectionInput!) { createSelection(input: $input) { id workflowId vacancies { id } } }',
    {
      input: {
        title: opts.title,
        announcementDate: localDateOf(new Date(), agency.timeZone),
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
  const stage = async () => (await querySelectionSummary(b.temporal, agency.code, sel.id)).stage;
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

/** What a floor measured: each item's latency (send → answer) and how many Updates carried them. */
export interface FloorResult {
  latencies: number[];
  updates: number;
}

/** A floor workflow (or several) on its own worker and task queue; `send(i)` answers when item `i` was taken. */
export interface FloorSession {
  send(i: number): Promise<void>;
  /** Updates sent so far. */
  updates(): number;
  /** Finishes the floor's workflows and stops its worker. */
  close(): Promise<void>;
}

/**
 * Bare Updates on the same server for `count` items (indexes 0 … count − 1), in one of two shapes:
 *
 * - `batched` (the apply path's): the gateway's own `Batcher` per workflow run, at most `perWorkflow`
 *   Updates in flight and the items that arrive meanwhile together in the next (up to the apply path's
 *   MAX_APPLICATIONS_PER_BATCH), each Update running one no-op local activity. Consecutive items
 *   share a run (`perRun` items each, default 1,000), as the apply path's continue-as-new chain has
 *   one live run at a time. What the apply path costs beyond this is the application's own work.
 * - per item (the older floor): one Update per item with one no-op activity through the server, at
 *   most `perWorkflow` in flight per run, items dealt round-robin over runs of `perRun` (default 1,500).
 */
export async function startFloor(
  b: BenchClient,
  count: number,
  opts: { perWorkflow: number; perRun?: number; batched?: boolean },
): Promise<FloorSession> {
  const taskQueue = `bench-floor-${randomBytes(3).toString('hex')}`;
  const connection = await NativeConnection.connect({ address: b.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./floor-workflows.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    }),
    activities: { noop: async (id: string) => id, noopBatch: async (ids: string[]) => ids },
    // The floor pays for the same encryption as the system it is compared with.
    dataConverter: seleksiDataConverter(),
  });
  const running = worker.run();
  const stop = async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
  try {
    const perRun = opts.perRun ?? (opts.batched ? 1000 : 1500);
    const runs = Math.max(1, Math.ceil(count / perRun));
    const handles = await Promise.all(
      Array.from({ length: runs }, (_x, r) =>
        b.temporal.workflow.start('floorWorkflow', { taskQueue, workflowId: `${taskQueue}-${r}`, args: [] }),
      ),
    );
    let updates = 0;
    const send = handles.map((h) => {
      if (opts.batched) {
        const batcher = new Batcher<string, string>(opts.perWorkflow, MAX_APPLICATIONS_PER_BATCH, async (ids) => {
          updates += 1;
          const answers = await h.executeUpdate(floorApplyBatchUpdate, { args: [ids] });
          return answers.map((ok) => ({ ok }));
        });
        return async (id: string) => void (await batcher.submit(id));
      }
      const limit = new BoundedQueue(opts.perWorkflow, Number.MAX_SAFE_INTEGER);
      return async (id: string) =>
        void (await limit.run(() => {
          updates += 1;
          return h.executeUpdate(floorApplyUpdate, { args: [id] });
        }));
    });
    // Batched: consecutive items share a run; per item: round-robin.
    const runOf = (i: number) => (opts.batched ? Math.min(runs - 1, Math.floor(i / perRun)) : i % runs);
    return {
      send: (i) => send[runOf(i)]!(String(i)),
      updates: () => updates,
      async close() {
        try {
          await Promise.all(handles.map((h) => h.signal(floorFinishSignal)));
          await Promise.all(handles.map((h) => h.result()));
        } finally {
          await stop();
        }
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** What a floor measured: each item's latency (send → answer) and how many Updates carried them. */
export interface FloorResult {
  latencies: number[];
  updates: number;
}

/** A floor (see `startFloor`) with item `i` sent at `start + offsets[i]`: an arrival pattern replayed. */
export async function measureFloor(
  b: BenchClient,
  offsets: number[],
  opts: { perWorkflow: number; perRun?: number; batched?: boolean },
): Promise<FloorResult> {
  // Batched: the run of an item is its place in the arrival order.
  const rank = new Map(
    offsets
      .map((o, i) => [o, i] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, i], k) => [i, k]),
  );
  const floor = await startFloor(b, offsets.length, opts);
  try {
    const start = Date.now() + 1000;
    const latencies = await Promise.all(
      offsets.map(async (offset, i) => {
        const at = start + offset;
        await sleepUntil(at);
        await floor.send(opts.batched ? rank.get(i)! : i);
        return Date.now() - at;
      }),
    );
    return { latencies, updates: floor.updates() };
  } finally {
    await floor.close();
  }
}

/** How many Updates named `name` the runs of a workflow took (from their histories). */
export async function updatesOf(client: Client, workflowId: string, name: string): Promise<number> {
  let count = 0;
  for await (const wf of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await client.workflow.getHandle(workflowId, wf.runId).fetchHistory();
    for (const e of history.events ?? [])
      if (e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name) count += 1;
  }
  return count;
}

/** Throughput and latencies of a fixed number of calls. */
export interface Measured {
  /** Calls per second over the time the calls ran. */
  rate: number;
  /** By call index. */
  latencies: number[];
  /** CPU time (ms) per call of the processes `cpu` counts, when a `cpu` sampler was given. */
  cpuMsPerCall?: number;
  /** The same per component, when `cpu` answered CPU seconds per component (`stackCpu`). */
  cpuMsPerCallBy?: Map<string, number>;
}

/** `count` calls of `fn` (given the call's index), `concurrency` in flight; a failing call fails the measurement. */
export async function measureRequests(
  count: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
): Promise<Measured> {
  const latencies: number[] = [];
  const t = performance.now();
  await inParallel(
    Array.from({ length: count }, (_x, i) => i),
    concurrency,
    async (i) => {
      const s = performance.now();
      await fn(i);
      latencies[i] = performance.now() - s;
    },
  );
  return { rate: count / ((performance.now() - t) / 1000), latencies };
}

/**
 * Equivalent ways of doing the same work, `count` calls each, measured in alternating blocks (a, b, …,
 * a, b, …) so all see the same load on a machine other work shares. Latencies by call index: block k
 * holds calls ⌊k·count/blocks⌋ … of every way. With `cpu` (CPU ms used so far by the processes that
 * serve the calls), each way's CPU per call over its blocks too: on a machine whose cores are full, that
 * is what sets the calls per second, and unlike them it hardly moves with what else the machine runs.
 */
export async function measureAlternating(
  count: number,
  concurrency: number,
  ways: readonly ((i: number) => Promise<void>)[],
  blocks = 4,
  /** CPU ms so far (the processes to count), or CPU seconds so far per component (`stackCpu`). */
  cpu?: () => number | Map<string, number>,
): Promise<Measured[]> {
  const out: Measured[] = ways.map(() => ({ rate: 0, latencies: [] }));
  const seconds = ways.map(() => 0);
  const cpuMs = ways.map(() => 0);
  const cpuMsBy = ways.map(() => new Map<string, number>());
  for (let k = 0; k < blocks; k++) {
    const size = Math.floor(((k + 1) * count) / blocks) - Math.floor((k * count) / blocks);
    const offset = Math.floor((k * count) / blocks);
    for (const [j, fn] of ways.entries()) {
      const cpu0 = cpu?.();
      const m = await measureRequests(size, concurrency, (i) => fn(offset + i));
      const cpu1 = cpu?.();
      if (typeof cpu0 === 'number' && typeof cpu1 === 'number') cpuMs[j]! += cpu1 - cpu0;
      else if (cpu0 instanceof Map && cpu1 instanceof Map)
        for (const [name, v] of cpu1) {
          const ms = (v - (cpu0.get(name) ?? v)) * 1000;
          cpuMsBy[j]!.set(name, (cpuMsBy[j]!.get(name) ?? 0) + ms);
          cpuMs[j]! += ms;
        }
      seconds[j]! += size / m.rate;
      out[j]!.latencies.push(...m.latencies);
    }
  }
  for (const [j, m] of out.entries()) {
    m.rate = count / seconds[j]!;
    if (cpu) m.cpuMsPerCall = cpuMs[j]! / count;
    if (cpuMsBy[j]!.size > 0) m.cpuMsPerCallBy = new Map([...cpuMsBy[j]!].map(([n, v]) => [n, v / count]));
  }
  return out;
}

/** Two ways of answering the same request, in alternating blocks (see `measureAlternating`). */
export async function measurePair(
  count: number,
  concurrency: number,
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
  blocks = 4,
  cpu?: () => number | Map<string, number>,
): Promise<[Measured, Measured]> {
  const [ma, mb] = await measureAlternating(count, concurrency, [a, b], blocks, cpu);
  return [ma!, mb!];
}

export interface SeededReadModel {
  /** Newest first, as the lists answer them. */
  selections: SelectionDto[];
  /** Application ids of each signed-in candidate (by candidate id). */
  applicationsOf: Map<string, string[]>;
  applications: number;
}

/** Stages the seeded selections are in: mostly past registration, some open or extended. */
const SEED_STAGES: { stage: SelectionStage; reasonCode: ReasonCode }[] = [
  { stage: 'REGISTRATION_OPEN', reasonCode: 'REGISTRATION_OPENED' },
  { stage: 'ADMINISTRATIVE_SCREENING', reasonCode: 'SCREENING_STARTED' },
  { stage: 'REGISTRATION_EXTENDED', reasonCode: 'REGISTRATION_EXTENDED' },
  { stage: 'COMPETENCY_ASSESSMENT', reasonCode: 'ASSESSMENT_STARTED' },
  { stage: 'INTERVIEW', reasonCode: 'INTERVIEW_STARTED' },
];

/**
 * A read model of `applications` applications written straight through the candidate service (as the
 * workflows' activities write it, without running rounds): `selections` selections of the demo agency
 * with `vacancies` vacancies each and an issued announcement, in the stages of SEED_STAGES with their
 * stage history (events fanned out to the applications' timelines). Each of `candidates` applies to
 * `perCandidate` vacancies in as many selections; the rest are one application each of other
 * candidates (ids only), so the collection holds `applications` documents.
 */
export async function seedReadModel(
  b: BenchClient,
  opts: {
    prefix: string;
    applications: number;
    selections: number;
    vacancies: number;
    candidates: readonly BenchCandidate[];
    perCandidate: number;
    concurrency: number;
  },
): Promise<SeededReadModel> {
  const { candidate, document } = b.services;
  const now = Date.now();
  const hour = 3_600_000;
  const actor = { userId: 'bench-secretary', role: 'PANSEL_SECRETARY' as const, displayName: 'Sekretariat Pansel' };
  const plans = Array.from({ length: opts.selections }, (_x, i) => {
    const id = `JPT-BENCH-${opts.prefix.toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
    // A day apart, index 0 the newest; every stage event lies in the past.
    const createdAt = new Date(now - (i + 1) * 24 * hour);
    return {
      id,
      createdAt,
      ...SEED_STAGES[i % SEED_STAGES.length]!,
      vacancies: Array.from({ length: opts.vacancies }, (_y, v) => ({
        id: vacancyId(id, v),
        level: 'PRATAMA' as const,
        position: `Kepala Dinas Uji Baca ${i + 1}.${v + 1}`,
        unit: `Dinas Uji Baca ${i + 1}.${v + 1}`,
        status: 'OPEN' as const,
      })),
    };
  });
  await inParallel(plans, opts.concurrency, async (p) => {
    const announcementDate = localDateOf(p.createdAt, DEMO_AGENCY.timeZone);
    const registrationClosesAt = new Date(p.createdAt.getTime() + 30 * 24 * hour).toISOString();
    const title = `Seleksi Terbuka JPT Pratama Uji Baca ${p.id.slice(-3)}`;
    const announcement = await document.issueVacancyAnnouncement({
      idempotencyKey: `${p.id}:announcement`,
      kind: 'VACANCY_ANNOUNCEMENT',
      agency: DEMO_AGENCY,
      selection: {
        id: p.id,
        title,
        announcementDate,
        registrationClosesAt,
        timeZone: DEMO_AGENCY.timeZone,
        vacancies: p.vacancies,
        requirements: announcementRequirementLines(['PRATAMA']),
      },
      signatory: { name: 'Prof. Dr. Aminah Sari, M.Si.', title: 'Ketua Panitia Seleksi' },
    });
    await candidate.upsertSelection({
      id: p.id,
      agencyCode: DEMO_AGENCY.code,
      title,
      workflowId: selectionWorkflowId(DEMO_AGENCY.code, p.id),
      stage: 'REGISTRATION_OPEN',
      timeZone: DEMO_AGENCY.timeZone,
      announcementDate,
      registrationClosesAt,
      vacancies: p.vacancies,
      announcementDocumentId: announcement.id,
      simulation: false,
      createdBy: actor,
      createdAt: p.createdAt.toISOString(),
    });
    await candidate.recordStageEvent(p.id, {
      eventId: `${p.id}:opened`,
      stage: 'REGISTRATION_OPEN',
      at: new Date(p.createdAt.getTime() + hour).toISOString(),
      reasonCode: 'REGISTRATION_OPENED',
      expectedNextAt: registrationClosesAt,
    });
  });

  // Signed-in candidates first (a handful each, in distinct selections), then one each of the others.
  const rows: { selection: number; vacancy: number; candidateId: string }[] = [];
  const applicationsOf = new Map(opts.candidates.map((c) => [c.candidateId, [] as string[]]));
  const stride = Math.max(1, Math.floor(opts.selections / opts.perCandidate));
  for (const [c, cand] of opts.candidates.entries()) {
    for (let k = 0; k < opts.perCandidate && rows.length < opts.applications; k++)
      rows.push({
        selection: (c + k * stride) % opts.selections,
        vacancy: c % opts.vacancies,
        candidateId: cand.candidateId,
      });
  }
  for (let j = 0; rows.length < opts.applications; j++) {
    const v = j % (opts.selections * opts.vacancies);
    rows.push({
      selection: Math.floor(v / opts.vacancies),
      vacancy: v % opts.vacancies,
      candidateId: `${opts.prefix}-other-${j}`,
    });
  }
  await inParallel(rows, opts.concurrency, async (r) => {
    const p = plans[r.selection]!;
    const vid = p.vacancies[r.vacancy]!.id;
    const id = applicationId(vid, r.candidateId);
    await candidate.createApplication({
      id,
      selectionId: p.id,
      vacancyId: vid,
      candidateId: r.candidateId,
      submittedAt: new Date(p.createdAt.getTime() + 2 * hour).toISOString(),
    });
    applicationsOf.get(r.candidateId)?.push(id);
  });

  // Past registration: closing and the current stage reach every application's timeline.
  await inParallel(
    plans.filter((p) => p.stage !== 'REGISTRATION_OPEN'),
    opts.concurrency,
    async (p) => {
      const steps: { stage: SelectionStage; reasonCode: ReasonCode }[] =
        p.stage === 'REGISTRATION_EXTENDED'
          ? [p]
          : [{ stage: 'REGISTRATION_CLOSED', reasonCode: 'REGISTRATION_CLOSED' }, p];
      for (const [n, s] of steps.entries()) {
        await candidate.recordStageEvent(p.id, {
          eventId: `${p.id}:${s.stage}`,
          stage: s.stage,
          at: new Date(p.createdAt.getTime() + (3 + n) * hour).toISOString(),
          reasonCode: s.reasonCode,
          expectedNextAt: null,
        });
      }
    },
  );
  const selections = (await candidate.getSelectionsByIds(plans.map((p) => p.id))).filter(
    (s): s is SelectionDto => s !== null,
  );
  return { selections, applicationsOf, applications: rows.length };
}
