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
 * E2E_PORT_OFFSET (default here 11000, apart from the end-to-end tests' 10000). BENCH_TARGET=cluster runs it
 * against the cluster of `npm run start:cluster` instead (BENCH_WORKERS, BENCH_GATEWAYS, default 2 each;
 * requests through its reverse proxy; base port 14800 or CLUSTER_BASE_PORT), the floors on its Temporal.
 * Shared parts: support/harness.ts, support/target.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { BoundedQueue } from '../../gateway/src/apply-queue';
import { minimalPdf } from '../../gateway/src/application-files/test-pdf';
import { applyWithUploads, type Upload } from '../support/apply-upload';
import {
  benchClient,
  createCandidates,
  loadSpan,
  measureFloor,
  ms,
  openRound,
  pct,
  probeGateway,
  stackCpu,
  cpuBetween,
  sleepUntil,
} from './support/harness';
import { benchTarget, CLUSTER_BENCH_BASE, startBenchStack, type BenchStack } from './support/target';

const N = Number(process.argv[2] ?? 100);
const S = Number(process.argv[3] ?? 5);
const CLIENT_CONCURRENCY = Number(process.env.BENCH_CLIENT_CONCURRENCY ?? 1024);
/** The gateway's setting (its default 1), which the batched floor copies. */
const UPDATES_PER_SELECTION = Number(process.env.APPLY_UPDATES_PER_SELECTION ?? 1);
/** BENCH_BARE_FLOOR=0 skips the older per-application floor. */
const BARE_FLOOR = process.env.BENCH_BARE_FLOOR !== '0';
const OPEN_STAGES = ['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED'];

process.env.E2E_PORT_OFFSET ??= '11000';
// The floor's worker logs every state change at INFO; the figures are what matters here.
Runtime.install({ logger: new DefaultLogger('WARN') });

interface Outcome {
  n: number;
  at: number;
  /** Phases of the first attempt (Date.now()): timer fired, PDFs built, handed to fetch, answer's headers. */
  woke: number;
  built: number;
  sent: number;
  connected: number;
  written: number;
  headers: number;
  answeredAt: number;
  code: string | null;
  receivedAt: number | null;
  retries: number;
  applicationId: string | null;
}

async function main(): Promise<void> {
  console.log(`bench:surge ${N} candidates in the last ${S} s before the close; starting the ${benchTarget()} stack…`);
  let stack: BenchStack | undefined;
  try {
    stack = await startBenchStack('bench-surge', { clusterBase: CLUSTER_BENCH_BASE.surge });
    await run(stack);
  } finally {
    await stack?.stop();
  }
}

async function run(stack: BenchStack): Promise<void> {
  const b = await benchClient(stack);
  const t0 = Date.now();
  const candidates = await createCandidates(b, N, 'surge');
  const ids = candidates.map((_c, i) => i);
  console.log(`  ${N} candidates created and signed in (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // A training-mode selection whose registration outlasts the set-up by S seconds.
  const secondsPerDay = Math.max(2, Math.ceil((S + 15) / 10));
  const round = await openRound(b, {
    title: `Seleksi Terbuka JPT Pratama (uji beban ${N} pelamar)`,
    vacancies: 1,
    secondsPerDay,
    rules: { registrationDays: 10, extensionMaxTimes: 0 },
  });
  const vacancyId = round.vacancyIds[0]!;
  const closeAt = round.closeAt;
  const burstAt = closeAt - S * 1000;
  if (burstAt < Date.now()) throw new Error(`registration closes in ${closeAt - Date.now()} ms, less than ${S} s`);
  console.log(
    `  registration closes at ${new Date(closeAt).toISOString()} (training mode, 1 day = ${secondsPerDay} s)`,
  );

  // --- the surge --------------------------------------------------------------------------------
  const offsets = ids.map(() => Math.random() * S * 1000);
  const client_ = new BoundedQueue(CLIENT_CONCURRENCY, Number.MAX_SAFE_INTEGER);
  const outcomes: Outcome[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const probe = probeGateway(b.gatewayUrl);
  const cpuAtBurst = sleepUntil(burstAt).then(() => stackCpu(stack));
  await Promise.all(
    ids.map(async (i) => {
      const at = burstAt + offsets[i]!;
      await sleepUntil(at);
      const woke = Date.now();
      const uploads: Upload[] = [
        { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran peserta ${i}`), name: 'surat-lamaran.pdf' },
        { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup peserta ${i}`), name: 'cv.pdf' },
      ];
      const built = Date.now();
      const first: { sent?: number; connected?: number; written?: number; headers?: number } = {};
      let retries = 0;
      for (;;) {
        const timing = retries === 0 ? first : undefined;
        const r = await client_
          .run(() =>
            applyWithUploads(
              b.gatewayUrl,
              candidates[i]!.token,
              vacancyId,
              uploads,
              AbortSignal.timeout(600_000),
              timing,
            ),
          )
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
          woke,
          built,
          sent: first.sent ?? NaN,
          connected: first.connected ?? NaN,
          written: first.written ?? NaN,
          headers: first.headers ?? NaN,
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
  loopDelay.disable();
  const cpuAfter = stackCpu(stack);
  const cpuBefore = await cpuAtBurst;
  const probes = await probe.stop();
  const burstEnd = Date.now();
  await round.waitStage((s) => !OPEN_STAGES.includes(s), 600_000);
  const stored = await b.services.candidate.listAllApplications({ selectionId: round.id });

  // --- the floors: the same arrival pattern against bare Updates on the same server --------------
  // Batched as the gateway batches (its Batcher, one no-op local activity per Update); then the older
  // per-application floor (one bare Update each, 8 in flight).
  const floor = await measureFloor(b, offsets, { perWorkflow: UPDATES_PER_SELECTION, batched: true });
  const bareFloor = BARE_FLOOR ? await measureFloor(b, offsets, { perWorkflow: 8 }) : null;

  // --- figures ------------------------------------------------------------------------------------
  const acked = outcomes.filter((o) => o.code === null);
  const inTime = outcomes.filter((o) => o.receivedAt !== null && o.receivedAt < closeAt);
  const inTimeIds = new Set(inTime.map((o) => candidates[o.n]!.candidateId));
  const storedInTime = stored.filter((a) => inTimeIds.has(a.candidateId));
  const afterClose = acked.filter((o) => o.receivedAt === null || o.receivedAt >= closeAt);
  const refused = new Map<string, number>();
  for (const o of outcomes) if (o.code) refused.set(o.code, (refused.get(o.code) ?? 0) + 1);
  const latency = pct(acked.map((o) => o.answeredAt - o.at));
  const floorLatency = pct(floor.latencies);
  const ratio = latency.map((v, i) => (v / floorLatency[i]!).toFixed(1));

  console.log(`\nDeadline surge benchmark (${stack.describe}; ${N} candidates, last ${S} s before the close)`);
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
  const phase = (from: (o: Outcome) => number, to: (o: Outcome) => number) =>
    pct(outcomes.map((o) => to(o) - from(o)).filter((v) => Number.isFinite(v)))
      .map(ms)
      .join(' / ');
  console.log('  where the first attempt spent its time, p50 / p95 / p99:');
  console.log(
    `    timer fired late           ${phase(
      (o) => o.at,
      (o) => o.woke,
    )}`,
  );
  console.log(
    `    PDFs and form built        ${phase(
      (o) => o.woke,
      (o) => o.built,
    )}`,
  );
  console.log(
    `    waited for a client slot   ${phase(
      (o) => o.built,
      (o) => o.sent,
    )}`,
  );
  console.log(
    `    socket connected           ${phase(
      (o) => o.sent,
      (o) => o.connected,
    )} (after the send)`,
  );
  console.log(
    `    request written            ${phase(
      (o) => o.sent,
      (o) => o.written,
    )} (after the send)`,
  );
  console.log(
    `    send → gateway receipt     ${phase(
      (o) => o.sent,
      (o) => o.receivedAt ?? NaN,
    )} (connection, headers, gateway's event loop)`,
  );
  console.log(
    `    gateway receipt → answer   ${phase(
      (o) => o.receivedAt ?? NaN,
      (o) => o.headers,
    )}`,
  );
  console.log(
    `  bench event loop delay       p50 ${ms(loopDelay.percentile(50) / 1e6)}, p99 ${ms(loopDelay.percentile(99) / 1e6)}, max ${ms(loopDelay.max / 1e6)}`,
  );
  const probed = pct(probes);
  console.log(
    `  gateway /healthz every 100 ms p50 / p95 / p99 ${probed.map(ms).join(' / ')}, max ${ms(Math.max(...probes))}`,
  );
  console.log(`  CPU during the burst          ${cpuBetween(cpuBefore, cpuAfter, burstEnd - burstAt)}`);
  console.log(`  resent after BUSY/UNAVAILABLE ${outcomes.reduce((s, o) => s + o.retries, 0)}`);
  console.log(`  burst lasted                 ${((burstEnd - burstAt) / 1000).toFixed(1)} s (window ${S} s)`);
  console.log(`  apply latency p50/p95/p99    ${latency.map(ms).join(' / ')}`);
  console.log(
    `  floor p50/p95/p99            ${floorLatency.map(ms).join(' / ')} (same sends batched as the gateway batches: ${floor.updates} Updates, ${UPDATES_PER_SELECTION} in flight, 1 no-op local activity each)`,
  );
  console.log(`  apply ÷ floor p50/p95/p99    ${ratio.join(' / ')}`);
  if (bareFloor) {
    const bare = pct(bareFloor.latencies);
    console.log(
      `  per-application floor        ${bare.map(ms).join(' / ')} (older floor: one bare Update each, 8 in flight); apply ÷ it ${latency.map((v, i) => (v / bare[i]!).toFixed(1)).join(' / ')}`,
    );
  }
  console.log(`  load average (1 min)         ${loadSpan(burstAt)} during the surge and the floors`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
