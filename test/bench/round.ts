/**
 * Benchmark: one training-mode selection round of N applicants over V vacancies, carried through
 * GraphQL on the stack as `npm start` runs it, from registration to the final ranking: every
 * candidate applies (two PDFs), the engine screens them, the secretary publishes the screening and
 * records every assessment and track record, the five demo Pansel members score every interview.
 * Prints the apply latency against a floor measured alongside it: the applications go in blocks
 * (BENCH_BLOCKS, a tenth of N each by default), each followed by as many bare Temporal Updates batched
 * as the gateway batches them (one no-op local activity per Update, a floor workflow of its own), with
 * the same concurrency, so both see the same machine; and the older floor of one bare Update per
 * application, in the same rotation. Then whether apply stays flat as the round fills (first → last
 * tenth), screening and ranking times, decision throughput per stage, and the workflow's runs: how
 * many, events and bytes of the largest, events per applicant. Not a test: figures only.
 *
 *   npm run bench:round -- [N=200] [V=4]
 *
 * Settings: BENCH_APPLY_RATE (applications per second the registration window is sized for, default 10;
 * as long again for the floors' blocks); BENCH_CONCURRENCY (requests in flight, default 8: Temporal
 * takes at most 10 Updates in flight per workflow); BENCH_BLOCKS (alternating blocks, default 10);
 * BENCH_BARE_FLOOR=0 skips the per-application floor; BENCH_APPLY_ONLY=1 stops after the applications
 * and their floors; E2E_PORT_OFFSET (default here 12500: clear of the other benchmarks' and e2e files' ports).
 * BENCH_TARGET=cluster runs it against the cluster of `npm run start:cluster` instead (BENCH_WORKERS,
 * BENCH_GATEWAYS, default 2 each; requests through its reverse proxy; base port 15400 or CLUSTER_BASE_PORT).
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { localDateOf } from '@seleksi/domain';
import { querySelectionState } from '@seleksi/workflows';
import { minimalPdf } from '../../gateway/src/application-files/test-pdf';
import { applyWithUploads } from '../support/apply-upload';
import {
  benchClient,
  createCandidates,
  DEMO_AGENCY,
  DEMO_PANSEL,
  DEMO_PASSWORD,
  DEMO_USERS,
  inParallel,
  loadSpan,
  measureAlternating,
  ms,
  openRound,
  pct,
  runsOf,
  sleep,
  stackCpu,
  startFloor,
  updatesOf,
  type BenchClient,
  type GraphQLAnswer,
  type Measured,
} from './support/harness';
import { benchTarget, CLUSTER_BENCH_BASE, startBenchStack, type BenchStack } from './support/target';

const N = Number(process.argv[2] ?? 200);
const V = Number(process.argv[3] ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const APPLY_RATE = Number(process.env.BENCH_APPLY_RATE ?? 10);
/** Alternating blocks of applications and floor Updates (a tenth of N each by default). */
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 10);
/** The gateway's setting (its default 1), which the batched floor copies. */
const UPDATES_PER_SELECTION = Number(process.env.APPLY_UPDATES_PER_SELECTION ?? 1);
/** BENCH_BARE_FLOOR=0 skips the older per-application floor. */
const BARE_FLOOR = process.env.BENCH_BARE_FLOOR !== '0';
/** BENCH_APPLY_ONLY=1 stops after the applications and their floors (the apply path's figures only). */
const APPLY_ONLY = process.env.BENCH_APPLY_ONLY === '1';
/** Temporal warns about a run's history at 10,240 events and 10 MB; payloads are refused at 2 MB. */
const WARN_EVENTS = 10_240;
const WARN_BYTES = 10 * 1024 * 1024;

process.env.E2E_PORT_OFFSET ??= '12500';
Runtime.install({ logger: new DefaultLogger('WARN') });

/** What the figures were measured on (the heading). */
let measuredOn = '';

const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  console.log(`bench:round ${N} applicants over ${V} vacancies; starting the ${benchTarget()} stack…`);
  let stack: BenchStack | undefined;
  try {
    stack = await startBenchStack('bench-round', { clusterBase: CLUSTER_BENCH_BASE.round });
    measuredOn = stack.describe;
    await run(await benchClient(stack), stack);
  } finally {
    await stack?.stop();
  }
}

/** Sends one decision, resending while Temporal is at its in-flight limit; answers the error code or null. */
async function decide(b: BenchClient, token: string, mutation: string, variables: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    const r: GraphQLAnswer<unknown> = await b.request(mutation, variables, token);
    const code = r.errors?.[0]?.extensions?.code ?? null;
    if ((code === 'UNAVAILABLE' || code === 'BUSY') && attempt < 20) {
      await sleep(200 * (attempt + 1));
      continue;
    }
    if (code) throw new Error(`${mutation.slice(0, 60)}…: ${JSON.stringify(r.errors)}`);
    return;
  }
}

/** Runs `count` decisions with the bench's concurrency; answers decisions per second. */
async function stageOfDecisions(label: string, count: number, fn: (i: number) => Promise<void>): Promise<number> {
  const t = Date.now();
  await inParallel(
    Array.from({ length: count }, (_x, i) => i),
    CONCURRENCY,
    fn,
  );
  const rate = count / ((Date.now() - t) / 1000);
  console.log(`  ${label.padEnd(28)} ${count} decisions in ${seconds(t)} (${rate.toFixed(1)}/s)`);
  return rate;
}

async function run(b: BenchClient, stack: BenchStack): Promise<void> {
  const t0 = Date.now();
  const candidates = await createCandidates(b, N, 'round');
  console.log(`  ${N} candidates created and signed in (${seconds(t0)})`);

  // Registration long enough for every application at a modest rate (BENCH_APPLY_RATE per second, lower
  // it on a machine busy with other work) and as long again for the floors' blocks between them (bare
  // Updates, a third of an application's time or less), then the objection windows; a day's length
  // follows N only.
  const registrationSeconds = Math.max(60, Math.ceil((2 * N) / APPLY_RATE) + 30);
  const secondsPerDay = Math.ceil(Math.max(60, Math.ceil(N / 10) + 30) / 10);
  const registrationDays = Math.max(10, Math.ceil(registrationSeconds / secondsPerDay));
  const round = await openRound(b, {
    title: `Seleksi Terbuka JPT Pratama (uji beban ${N} pelamar, ${V} jabatan)`,
    vacancies: V,
    secondsPerDay,
    rules: { registrationDays, extensionMaxTimes: 0, vacanciesPerCandidate: 1 },
  });
  console.log(
    `  round ${round.id}: registration closes in ${seconds(Date.now(), round.closeAt)} (1 day = ${secondsPerDay} s)`,
  );

  // --- applications, with their floors in alternating blocks ---------------------------------------
  // A block of applications (CONCURRENCY in flight), then as many items through the batched floor (bare
  // Updates batched as the gateway batches them: its Batcher, UPDATES_PER_SELECTION in flight, one no-op
  // local activity each) and, unless skipped, the older per-application floor, with the same
  // concurrency; then the next block. All ways see the same load on a machine other work shares.
  const floor = await startFloor(b, N, { perWorkflow: UPDATES_PER_SELECTION, batched: true });
  const bareFloor = BARE_FLOOR ? await startFloor(b, N, { perWorkflow: CONCURRENCY }) : null;
  const applicationIds: string[] = [];
  const apply = async (i: number) => {
    const r = await applyWithUploads(b.gatewayUrl, candidates[i]!.token, round.vacancyIds[i % V]!, [
      { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran ${i}`), name: 'surat.pdf' },
      { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup ${i}`), name: 'cv.pdf' },
    ]);
    if (!r.data) throw new Error(`apply ${i}: ${JSON.stringify(r.errors)}`);
    applicationIds[i] = r.data.applyToVacancy.id;
  };
  const tApply = Date.now();
  let measured: Measured[];
  try {
    measured = await measureAlternating(
      N,
      CONCURRENCY,
      [apply, floor.send, ...(bareFloor ? [bareFloor.send] : [])],
      Math.min(BLOCKS, N),
      () => stackCpu(stack),
    );
  } finally {
    await Promise.all([floor.close(), bareFloor?.close()]);
  }
  const blocksLoad = loadSpan(tApply);
  if (Date.now() > round.closeAt) throw new Error('registration closed before every application was sent');
  const applyUpdates = await updatesOf(b.temporal, round.workflowId, 'submitApplications');
  const figures: ApplyFigures = {
    apply: measured[0]!,
    floor: { ...measured[1]!, updates: floor.updates() },
    bareFloor: measured[2] ?? null,
    applyUpdates,
    blocksLoad,
  };
  if (APPLY_ONLY) {
    printApplyFigures(figures);
    return;
  }

  // --- screening ---------------------------------------------------------------------------------
  await round.waitStage((s) => s === 'ADMINISTRATIVE_SCREENING', registrationSeconds * 1000 + 600_000);
  const tScreen = Date.now();
  const publish = 'mutation($s: ID!) { publishScreening(selectionId: $s) { decisionId } }';
  for (;;) {
    const r = await b.request(publish, { s: round.id }, round.secretary);
    const code = r.errors?.[0]?.extensions?.code;
    if (!code) break;
    if (code !== 'INCOMPLETE' && code !== 'WRONG_STAGE') throw new Error(JSON.stringify(r.errors));
    await sleep(500);
  }
  const screeningTime = Date.now() - tScreen;
  // The workflow is the truth; the candidates' statuses reach the read model in batches right after.
  const eligible = (await querySelectionState(b.temporal, DEMO_AGENCY.code, round.id)).applications
    .filter((a) => a.eligible === true && !a.withdrawn)
    .map((a) => a.applicationId);
  console.log(`  screening: ${eligible.length} of ${N} eligible, publishable ${seconds(tScreen)} after it started`);

  // --- scored stages -----------------------------------------------------------------------------
  const complete = (stage: string) =>
    decide(
      b,
      round.secretary,
      'mutation($s: ID!, $st: CompletableStage!) { completeStage(selectionId: $s, stage: $st) { decisionId } }',
      {
        s: round.id,
        st: stage,
      },
    );
  await round.waitStage((s) => s === 'COMPETENCY_ASSESSMENT', 600_000);
  const today = localDateOf(new Date(), DEMO_AGENCY.timeZone);
  const rates: Record<string, number> = {};
  rates.assessment = await stageOfDecisions('competency assessment', eligible.length, (i) =>
    decide(
      b,
      round.secretary,
      'mutation($s: ID!, $a: ID!, $m: Float!, $sc: Float!, $p: Float!, $pr: Float!, $d: LocalDate!) { recordAssessment(selectionId: $s, applicationId: $a, managerial: $m, socioCultural: $sc, paper: $p, presentation: $pr, assessedAt: $d) { decisionId } }',
      { s: round.id, a: eligible[i], m: 70 + (i % 25), sc: 72, p: 75, pr: 78, d: today },
    ),
  );
  await complete('COMPETENCY_ASSESSMENT');
  await round.waitStage((s) => s === 'INTERVIEW', 600_000);
  const members = await Promise.all(
    DEMO_PANSEL.map((m) => b.signIn(DEMO_USERS.find((u) => u.id === m.userId)!.email, DEMO_PASSWORD)),
  );
  rates.interview = await stageOfDecisions('interview (5 members)', eligible.length * members.length, (k) =>
    decide(
      b,
      members[k % members.length]!,
      'mutation($s: ID!, $a: ID!, $v: Float!) { submitInterviewScore(selectionId: $s, applicationId: $a, score: $v) { decisionId } }',
      // Every member gives an applicant the same score: no calibration round.
      { s: round.id, a: eligible[Math.floor(k / members.length)], v: 65 + (Math.floor(k / members.length) % 30) },
    ),
  );
  await complete('INTERVIEW');
  await round.waitStage((s) => s === 'TRACK_RECORD', 600_000);
  rates.trackRecord = await stageOfDecisions('track record', eligible.length, (i) =>
    decide(
      b,
      round.secretary,
      'mutation($s: ID!, $a: ID!, $v: Float!, $f: String!) { recordTrackRecord(selectionId: $s, applicationId: $a, score: $v, findings: $f) { decisionId } }',
      { s: round.id, a: eligible[i], v: 80, f: 'Tidak ada catatan pelanggaran disiplin' },
    ),
  );
  const tRank = Date.now();
  await complete('TRACK_RECORD');
  await round.waitStage((s) => s === 'FINAL_OBJECTIONS', 600_000);
  const rankingTime = Date.now() - tRank;

  // --- figures -------------------------------------------------------------------------------------
  const runs = await runsOf(b.temporal, round.workflowId);
  const events = runs.reduce((sum, r) => sum + r.events, 0);
  const maxEvents = Math.max(...runs.map((r) => r.events));
  const maxBytes = Math.max(...runs.map((r) => r.bytes));
  printApplyFigures(figures);
  console.log(
    `  screening                    ${(screeningTime / 1000).toFixed(1)} s from its start to a publishable result`,
  );
  console.log(
    `  ranking                      ${(rankingTime / 1000).toFixed(1)} s from closing track record to the published result`,
  );
  console.log(
    `  workflow runs                ${runs.length}; largest ${maxEvents} events (÷ ${WARN_EVENTS} = ${(maxEvents / WARN_EVENTS).toFixed(2)}), ${(maxBytes / 1024).toFixed(0)} KiB (÷ 10 MiB = ${(maxBytes / WARN_BYTES).toFixed(3)})`,
  );
  console.log(`  events per applicant         ${(events / N).toFixed(1)} (${events} events over all runs)`);
}

interface ApplyFigures {
  apply: Measured;
  floor: Measured & { updates: number };
  bareFloor: Measured | null;
  applyUpdates: number;
  blocksLoad: string;
}

/** The apply figures: latency against the floors measured alongside, and whether it stays flat in N. */
function printApplyFigures({ apply, floor, bareFloor, applyUpdates, blocksLoad }: ApplyFigures): void {
  const latency = apply.latencies;
  const [p50, p95, p99] = pct(latency);
  const [f50, f95, f99] = pct(floor.latencies);
  const tenth = Math.max(1, Math.floor(N / 10));
  const early = pct(latency.slice(0, tenth))[0];
  const late = pct(latency.slice(-tenth))[0];
  const floorEarly = pct(floor.latencies.slice(0, tenth))[0];
  const floorLate = pct(floor.latencies.slice(-tenth))[0];

  console.log(`\nSelection round benchmark (${measuredOn}; ${N} applicants, ${V} vacancies, ${CONCURRENCY} in flight)`);
  console.log(
    `  applications                 ${N} at ${apply.rate.toFixed(1)}/s, ${applyUpdates} submitApplications Updates; floors in ${Math.min(BLOCKS, N)} alternating blocks`,
  );
  console.log(`  apply p50/p95/p99            ${ms(p50)} / ${ms(p95)} / ${ms(p99)}`);
  console.log(
    `  floor p50/p95/p99            ${ms(f50)} / ${ms(f95)} / ${ms(f99)} (bare Updates batched as the gateway batches: ${floor.updates} Updates, ${UPDATES_PER_SELECTION} in flight, 1 no-op local activity each; ${CONCURRENCY} sent at once)`,
  );
  console.log(
    `  apply ÷ floor p50/p95/p99    ${(p50 / f50).toFixed(1)} / ${(p95 / f95).toFixed(1)} / ${(p99 / f99).toFixed(1)}`,
  );
  if (bareFloor) {
    const [g50, g95, g99] = pct(bareFloor.latencies);
    console.log(
      `  per-application floor        ${ms(g50)} / ${ms(g95)} / ${ms(g99)} (older floor: one bare Update per application, ${CONCURRENCY} in flight, 1 activity each); apply ÷ it ${(p50 / g50).toFixed(1)} / ${(p95 / g95).toFixed(1)} / ${(p99 / g99).toFixed(1)}`,
    );
  }
  console.log(`  apply p50 first/last tenth  ${ms(early)} / ${ms(late)} (last ÷ first ${(late / early).toFixed(2)})`);
  console.log(
    `  floor p50 first/last tenth  ${ms(floorEarly)} / ${ms(floorLate)} (last ÷ first ${(floorLate / floorEarly).toFixed(2)}); apply ÷ floor ${(early / floorEarly).toFixed(1)} → ${(late / floorLate).toFixed(1)}`,
  );
  const blocks = Math.min(BLOCKS, N);
  const perBlock = Array.from({ length: blocks }, (_x, k) => {
    const [from, to] = [Math.floor((k * N) / blocks), Math.floor(((k + 1) * N) / blocks)];
    return pct(latency.slice(from, to))[0] / pct(floor.latencies.slice(from, to))[0];
  });
  console.log(
    `  apply ÷ floor p50 by block   ${perBlock.map((r) => r.toFixed(1)).join(' ')} (min ${Math.min(...perBlock).toFixed(1)}, max ${Math.max(...perBlock).toFixed(1)})`,
  );
  console.log(`  load average (1 min)         ${blocksLoad} over the blocks, ${loadSpan()} over the run`);
  // Where an application's CPU goes, against a floor item's (the stack's processes and this one).
  const byComponent = (m: Measured) =>
    [...(m.cpuMsPerCallBy ?? [])]
      .filter(([, v]) => v >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([name, v]) => `${name} ${v.toFixed(1)}`)
      .join(', ');
  console.log(
    `  CPU per item                 apply ${apply.cpuMsPerCall?.toFixed(1)} ms, floor ${floor.cpuMsPerCall?.toFixed(1)} ms`,
  );
  console.log(`    apply, by component (ms)   ${byComponent(apply)}`);
  console.log(`    floor, by component (ms)   ${byComponent(floor)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
