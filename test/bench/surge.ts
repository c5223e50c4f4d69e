/**
 * Benchmark: the deadline surge (issue 11 §3). Starts its own embedded stack as `npm start` does (own
 * ports and data directory, demo data), creates N candidate accounts the way the demo seed does
 * (profiles through the candidate service, accounts through the gateway's AccountRepository), opens a
 * training-mode selection, and has every candidate send `applyToVacancy` with two small PDFs through
 * GraphQL at a random instant in the last S seconds before registration closes (retrying BUSY and
 * UNAVAILABLE answers unchanged, as the portal does). When the workflow has closed registration it
 * prints what was sent, acknowledged, stored (read back from the candidate service), refused (by
 * code) and accepted after the close, the apply latency percentiles, and a floor measured in the same
 * run: the same arrival pattern against a bare Temporal Update (two no-op activities) on the same
 * server, with the same in-flight limit per workflow. Not a test: figures only.
 *
 *   npm run bench:surge -- [N=100] [S=5]
 *
 * Settings: BENCH_CLIENT_CONCURRENCY (requests in flight from the bench, default 1024); the gateway's
 * APPLY_CONCURRENCY, APPLY_QUEUE_MAX, APPLY_UPDATES_PER_SELECTION pass through the environment;
 * E2E_PORT_OFFSET (default here 11000, apart from the end-to-end tests' 10000).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mongoose';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { AccountRepository } from '@seleksi/gateway';
import { localDateOf, type ProfileDto } from '@seleksi/domain';
import { createServiceClients } from '@seleksi/kit';
import { querySelectionState, StageDeadlineKey } from '@seleksi/workflows';
import { BoundedQueue } from '../../gateway/src/apply-queue';
import { minimalPdf } from '../../gateway/src/application-files/test-pdf';
import { DEMO_AGENCY, DEMO_PANSEL, DEMO_PASSWORD, DEMO_USERS } from '../../infra/dev/src/demo-data';
import { startE2eStack, type E2eStack } from '../e2e/support/stack';
import { applyWithUploads, type Upload } from '../support/apply-upload';
import { eligibleProfile, RECENT_SKP_YEARS } from '../support/fixtures';
import { floorApplyUpdate, floorFinishSignal } from './support/floor-workflows';

const N = Number(process.argv[2] ?? 100);
const S = Number(process.argv[3] ?? 5);
const CLIENT_CONCURRENCY = Number(process.env.BENCH_CLIENT_CONCURRENCY ?? 1024);
const UPDATES_PER_WORKFLOW = Number(process.env.APPLY_UPDATES_PER_SELECTION ?? 8);
const PASSWORD = `Surge#${randomBytes(6).toString('hex')}`;
/** Temporal keeps at most 2,000 Updates in one run's history: the floor spreads over runs of this size. */
const FLOOR_UPDATES_PER_RUN = 1500;
const OPEN_STAGES = ['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED'];

process.env.E2E_PORT_OFFSET ??= '11000';
// The floor's worker logs every state change at INFO; the figures are what matters here.
Runtime.install({ logger: new DefaultLogger('WARN') });

interface Outcome {
  n: number;
  at: number;
  answeredAt: number;
  code: string | null;
  receivedAt: number | null;
  retries: number;
  applicationId: string | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function pct(values: number[]): [number, number, number] {
  const s = [...values].sort((a, b) => a - b);
  return [percentile(s, 50), percentile(s, 95), percentile(s, 99)];
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : `${Math.round(v)} ms`);
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/** A distinct valid NIP per candidate (birth dates over ten years × serials), as in bench:talent-mapping. */
function benchNip(j: number): string {
  const birth = new Date(Date.UTC(1968, 0, 1) + (j % 3650) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const serial = String((Math.floor(j / 3650) % 999) + 1).padStart(3, '0');
  return `${ymd}${birth.getUTCFullYear() + 25}03${(j % 2) + 1}${serial}`;
}

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function main(): Promise<void> {
  console.log(`bench:surge ${N} candidates in the last ${S} s before the close; starting the stack…`);
  let stack: E2eStack | undefined;
  try {
    stack = await startE2eStack('bench-surge', 300_000);
    await run(stack);
  } finally {
    await stack?.stop();
  }
}

async function run(stack: E2eStack): Promise<void> {
  const p = stack.ports;
  const gatewayUrl = `http://127.0.0.1:${p.GATEWAY_PORT}`;
  const services = createServiceClients(
    {
      CANDIDATE_SERVICE_URL: `http://127.0.0.1:${p.CANDIDATE_PORT}`,
      ASSESSMENT_SERVICE_URL: `http://127.0.0.1:${p.ASSESSMENT_PORT}`,
      DOCUMENT_SERVICE_URL: `http://127.0.0.1:${p.DOCUMENT_PORT}`,
    },
    { timeoutMs: 120_000 },
  );
  const temporalAddress = `127.0.0.1:${p.TEMPORAL_PORT}`;
  const client = new Client({ connection: await Connection.connect({ address: temporalAddress }) });

  async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
  const signIn = async (email: string, password: string) =>
    (
      await gql<{ signIn: { token: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        { e: email, p: password },
      )
    ).signIn.token;

  // --- candidates, as the demo seed makes them -------------------------------------------------
  const t0 = Date.now();
  const ids = Array.from({ length: N }, (_x, i) => i);
  const profiles: ProfileDto[] = ids.map((i) => ({
    ...eligibleProfile(`surge-asn-${i}`, DEMO_AGENCY.code, i, { nip: benchNip(i) }),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  }));
  await services.candidate.upsertProfiles(profiles);
  const conn = createConnection(`mongodb://127.0.0.1:${p.FERRETDB_PORT}`, { dbName: 'seleksi_gateway' });
  const tokens: string[] = [];
  try {
    await conn.asPromise();
    const accounts = new AccountRepository(conn);
    await inParallel(ids, 4, async (i) => {
      await accounts.upsert({
        id: `surge-user-${i}`,
        email: `surge${i}@bench.seleksi-jpt.id`,
        displayName: profiles[i]!.name,
        role: 'CANDIDATE',
        agencyCode: DEMO_AGENCY.code,
        candidateId: profiles[i]!.id,
        password: PASSWORD,
      });
    });
  } finally {
    await conn.close();
  }
  await inParallel(ids, 4, async (i) => {
    tokens[i] = await signIn(`surge${i}@bench.seleksi-jpt.id`, PASSWORD);
  });
  console.log(`  ${N} candidates created and signed in (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // --- a training-mode selection whose registration outlasts the set-up by S seconds -----------
  const secretary = await signIn(DEMO_USERS.find((u) => u.role === 'PANSEL_SECRETARY')!.email, DEMO_PASSWORD);
  const overseer = await signIn(DEMO_USERS.find((u) => u.role === 'OVERSEER')!.email, DEMO_PASSWORD);
  const secondsPerDay = Math.max(2, Math.ceil((S + 15) / 10));
  const { createSelection: sel } = await gql<{
    createSelection: { id: string; workflowId: string; vacancies: { id: string }[] };
  }>(
    'mutation($input: CreateSelectionInput!) { createSelection(input: $input) { id workflowId vacancies { id } } }',
    {
      input: {
        title: `Seleksi Terbuka JPT Pratama (uji beban ${N} pelamar)`,
        announcementDate: localDateOf(new Date(), DEMO_AGENCY.timeZone),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Uji Beban', unit: 'Dinas Uji Beban' }],
        simulationSecondsPerDay: secondsPerDay,
        rules: { registrationDays: 10, extensionMaxTimes: 0 },
        signatoryName: 'Prof. Dr. Aminah Sari, M.Si.',
        signatoryTitle: 'Ketua Panitia Seleksi',
      },
    },
    secretary,
  );
  const vacancyId = sel.vacancies[0]!.id;
  const stageOf = async () => (await querySelectionState(client, DEMO_AGENCY.code, sel.id)).stage;
  const waitStage = async (accept: (s: string) => boolean, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await stageOf().catch(() => null);
      if (s && accept(s)) return s;
      if (Date.now() > until) throw new Error(`selection stage still ${s} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  for (;;) {
    const { selection } = await gql<{ selection: { id: string } | null }>(
      'query($id: ID!) { selection(id: $id) { id } }',
      { id: sel.id },
      secretary,
    );
    if (selection) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await gql(
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
  await gql('mutation($s: ID!) { submitPlan(selectionId: $s) { decisionId } }', { s: sel.id }, secretary);
  await waitStage((s) => s === 'PLAN_APPROVAL', 60_000);
  await gql(
    'mutation($s: ID!) { overseerDecision(selectionId: $s, subject: PLAN, verdict: APPROVE, reason: "Rencana seleksi sesuai ketentuan (uji beban)") { decisionId } }',
    { s: sel.id },
    overseer,
  );
  await waitStage((s) => s === 'REGISTRATION_OPEN', 60_000);
  // The real instant of the close (the workflow publishes it for operators; training mode runs fast).
  let closeAt = 0;
  for (let i = 0; i < 100 && !closeAt; i++) {
    const d = (await client.workflow.getHandle(sel.workflowId).describe()).typedSearchAttributes.get(StageDeadlineKey);
    if (d) closeAt = d.getTime();
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (!closeAt) throw new Error('no registration deadline published');
  const burstAt = closeAt - S * 1000;
  if (burstAt < Date.now()) throw new Error(`registration closes in ${closeAt - Date.now()} ms, less than ${S} s`);
  console.log(
    `  registration closes at ${new Date(closeAt).toISOString()} (training mode, 1 day = ${secondsPerDay} s)`,
  );

  // --- the surge --------------------------------------------------------------------------------
  const offsets = ids.map(() => Math.random() * S * 1000);
  const client_ = new BoundedQueue(CLIENT_CONCURRENCY, Number.MAX_SAFE_INTEGER);
  const outcomes: Outcome[] = [];
  await Promise.all(
    ids.map(async (i) => {
      const at = burstAt + offsets[i]!;
      await sleepUntil(at);
      const uploads: Upload[] = [
        { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran peserta ${i}`), name: 'surat-lamaran.pdf' },
        { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup peserta ${i}`), name: 'cv.pdf' },
      ];
      let retries = 0;
      for (;;) {
        const r = await client_
          .run(() => applyWithUploads(gatewayUrl, tokens[i]!, vacancyId, uploads, AbortSignal.timeout(600_000)))
          .catch((err: unknown) => ({ errors: [{ message: String(err), extensions: { code: 'CLIENT_ERROR' } }] }));
        const e = 'errors' in r ? r.errors?.[0] : undefined;
        const code = (e?.extensions as { code?: string } | undefined)?.code ?? null;
        if ((code === 'BUSY' || code === 'UNAVAILABLE') && retries < 12) {
          retries += 1;
          const pause = Math.min(15_000, 1000 * 2 ** (retries - 1));
          await new Promise((res) => setTimeout(res, pause / 2 + Math.random() * (pause / 2)));
          continue;
        }
        const receipt = 'data' in r ? r.data?.applyToVacancy : undefined;
        const received = receipt?.receivedAt ?? (e?.extensions as { receivedAt?: string } | undefined)?.receivedAt;
        outcomes.push({
          n: i,
          at,
          answeredAt: Date.now(),
          code: receipt ? null : (code ?? 'NO_ANSWER'),
          receivedAt: received ? Date.parse(received) : null,
          retries,
          applicationId: receipt?.id ?? null,
        });
        return;
      }
    }),
  );
  const burstEnd = Date.now();
  await waitStage((s) => !OPEN_STAGES.includes(s), 600_000);
  const stored = await services.candidate.listAllApplications({ selectionId: sel.id });

  // --- the floor: the same arrival pattern against a bare Update on the same server ------------
  const floor = await measureFloor(temporalAddress, client, offsets);

  // --- figures ------------------------------------------------------------------------------------
  const acked = outcomes.filter((o) => o.code === null);
  const inTime = outcomes.filter((o) => o.receivedAt !== null && o.receivedAt < closeAt);
  const inTimeIds = new Set(inTime.map((o) => `surge-asn-${o.n}`));
  const storedInTime = stored.filter((a) => inTimeIds.has(a.candidateId));
  const afterClose = acked.filter((o) => o.receivedAt === null || o.receivedAt >= closeAt);
  const refused = new Map<string, number>();
  for (const o of outcomes) if (o.code) refused.set(o.code, (refused.get(o.code) ?? 0) + 1);
  const latency = pct(acked.map((o) => o.answeredAt - o.at));
  const floorLatency = pct(floor);
  const ratio = latency.map((v, i) => (v / floorLatency[i]!).toFixed(1));

  console.log(`\nDeadline surge benchmark (stack as npm start runs it; ${N} candidates, last ${S} s before the close)`);
  console.log(`  sent                         ${outcomes.length}`);
  console.log(`  acknowledged                 ${acked.length}`);
  console.log(`  received before the close    ${inTime.length} (receipt time from the gateway)`);
  console.log(
    `  stored (candidate service)   ${stored.length}; of those received in time ${storedInTime.length} = ${inTime.length ? ((100 * storedInTime.length) / inTime.length).toFixed(1) : '-'} %`,
  );
  console.log(
    `  refused by code              ${[...refused].map(([c, k]) => `${c} ${k}`).join(', ') || 'none'}` +
      `  (received in time but refused: ${inTime.filter((o) => o.code).length})`,
  );
  console.log(`  accepted after the close     ${afterClose.length}`);
  const lag = pct(outcomes.filter((o) => o.receivedAt !== null).map((o) => o.receivedAt! - o.at));
  console.log(`  receipt lag p50/p95/p99      ${lag.map(ms).join(' / ')} (gateway receipt − scheduled send)`);
  console.log(`  resent after BUSY/UNAVAILABLE ${outcomes.reduce((s, o) => s + o.retries, 0)}`);
  console.log(`  burst lasted                 ${((burstEnd - burstAt) / 1000).toFixed(1)} s (window ${S} s)`);
  console.log(`  apply latency p50/p95/p99    ${latency.map(ms).join(' / ')}`);
  console.log(`  floor p50/p95/p99            ${floorLatency.map(ms).join(' / ')} (bare Update, 2 no-op activities)`);
  console.log(`  apply ÷ floor p50/p95/p99    ${ratio.join(' / ')}`);
}

/** Latencies of N bare Updates sent with the same offsets (at most UPDATES_PER_WORKFLOW in flight per run). */
async function measureFloor(address: string, client: Client, offsets: number[]): Promise<number[]> {
  const taskQueue = `bench-floor-${randomBytes(3).toString('hex')}`;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./support/floor-workflows.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    }),
    activities: { noop: async (id: string) => id },
  });
  const running = worker.run();
  try {
    const runs = Math.ceil(offsets.length / FLOOR_UPDATES_PER_RUN);
    const handles = await Promise.all(
      Array.from({ length: runs }, (_x, r) =>
        client.workflow.start('floorWorkflow', { taskQueue, workflowId: `${taskQueue}-${r}`, args: [] }),
      ),
    );
    const limits = handles.map(() => new BoundedQueue(UPDATES_PER_WORKFLOW, Number.MAX_SAFE_INTEGER));
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

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
