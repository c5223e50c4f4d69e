/**
 * Benchmark: the two reads most people make, at volume, through the gateway against the service
 * calls its resolvers make (the floor, measured in the same run):
 *   (a) a signed-in candidate's applications — the portal's MyApplications query; directly, the
 *       candidate service's applications of the candidate and their selections in one batch;
 *   (b) the public list of open selections — the home page's OpenSelections query; directly, the two
 *       stage lists and the announcements in one batch.
 * The read model is seeded straight through the candidate service (this is about reads, not apply):
 * A applications over S selections, C signed-in candidates with a handful each and the rest one each.
 * Prints requests/s and p50/p99 of both ways, gateway ÷ direct against its floor (≥ 0.8, p99 ≤ 1.5),
 * and the candidate's applications against 100 requests/s. Not a test: figures only.
 *
 *   npm run bench:reads -- [A=10000] [R=1000]   (R requests per way and read)
 *
 * Settings: BENCH_CONCURRENCY (requests in flight, default 8); BENCH_SELECTIONS (default 20, 5
 * vacancies each); BENCH_CANDIDATES (signed in, default 300, 4 applications each); E2E_PORT_OFFSET
 * (default here 12000: clear of bench:round's 12500 and the e2e files' ports).
 * BENCH_NOTICE_POLL_MS (the gateway's notice dispatcher poll during the run, default 600000: held back).
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { ApplicationDto } from '@seleksi/domain';
import type { SelectionSummaryDto } from '@seleksi/kit';
import { operationText } from '../../portal/src/operation';
import { MY_APPLICATIONS } from '../../portal/src/queries/candidate';
import { OPEN_SELECTIONS } from '../../portal/src/queries/public';
import { startE2eStack, type E2eStack } from '../e2e/support/stack';
import {
  benchClient,
  createCandidates,
  measurePair,
  ms,
  pct,
  seedReadModel,
  stackCpu,
  type BenchClient,
  type Measured,
} from './support/harness';

const A = Number(process.argv[2] ?? 10_000);
const R = Number(process.argv[3] ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SELECTIONS = Number(process.env.BENCH_SELECTIONS ?? 20);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 300);
const PER_CANDIDATE = 4;
/** Targets of issue 11 §6. */
const MIN_RATIO = 0.8;
const MAX_P99_RATIO = 1.5;
const MIN_CANDIDATE_RATE = 100;

process.env.E2E_PORT_OFFSET ??= '12000';
Runtime.install({ logger: new DefaultLogger('WARN') });

const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  console.log(`bench:reads at ${A} applications, ${R} requests per way, ${CONCURRENCY} in flight; starting the stack…`);
  let stack: E2eStack | undefined;
  try {
    // The seeded applications' receipt notices (one each) would otherwise be mailed by the gateway all
    // through the measured blocks (about 4.5 a second): background work in the gateway's process, not part of
    // a read. The dispatcher's next poll is put after the run (BENCH_NOTICE_POLL_MS; '2000' keeps it on).
    stack = await startE2eStack('bench-reads', 300_000, undefined, {
      NOTICE_POLL_MS: process.env.BENCH_NOTICE_POLL_MS ?? '600000',
    });
    await run(await benchClient(stack), stack);
  } finally {
    await stack?.stop();
  }
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

async function run(b: BenchClient, stack: E2eStack): Promise<void> {
  const t0 = Date.now();
  const candidates = await createCandidates(b, CANDIDATES, 'reads');
  console.log(`  ${CANDIDATES} candidates created and signed in (${seconds(t0)})`);
  const t1 = Date.now();
  const seeded = await seedReadModel(b, {
    prefix: 'reads',
    applications: A,
    selections: SELECTIONS,
    vacancies: 5,
    candidates,
    perCandidate: PER_CANDIDATE,
    concurrency: CONCURRENCY,
  });
  console.log(`  ${seeded.applications} applications over ${SELECTIONS} selections seeded (${seconds(t1)})`);
  const { candidate, document } = b.services;

  // (a) A signed-in candidate's applications, each request another candidate.
  const who = (i: number) => candidates[i % candidates.length]!;
  const expected = (i: number) => seeded.applicationsOf.get(who(i).candidateId)!.length;
  const check = (i: number, got: number) => {
    if (got !== expected(i))
      throw new Error(`candidate ${who(i).candidateId}: ${got} applications, not ${expected(i)}`);
  };
  const mineGateway = async (i: number) => {
    const d = await b.gql<{ myApplications: { totalCount: number } }>(operationText(MY_APPLICATIONS), {}, who(i).token);
    check(i, d.myApplications.totalCount);
  };
  // What the resolvers call: the candidate's applications, then their selections (summaries) in one batch (DataLoader).
  const mineDirect = async (i: number) => {
    const apps: ApplicationDto[] = await candidate.listAllApplications({ candidateId: who(i).candidateId });
    await candidate.getSelectionSummariesByIds(unique(apps.map((a) => a.selectionId)));
    check(i, apps.length);
  };

  // (b) The home page's open selections (no sign-in).
  const open = seeded.selections.filter((s) => s.stage === 'REGISTRATION_OPEN' || s.stage === 'REGISTRATION_EXTENDED');
  const checkOpen = (n: number) => {
    if (n < open.length) throw new Error(`${n} open selections listed, at least ${open.length} seeded`);
  };
  const openGateway = async () => {
    const d = await b.gql<{ open: { edges: unknown[] }; extended: { edges: unknown[] } }>(
      operationText(OPEN_SELECTIONS),
      {},
    );
    checkOpen(d.open.edges.length + d.extended.edges.length);
  };
  // What the resolvers call: both stage lists (summaries), then the announcements in one batch (DataLoader).
  const openDirect = async () => {
    const pages = await Promise.all(
      (['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED'] as const).map((stage) =>
        candidate.listSelectionSummaries({ stage, limit: 100 }),
      ),
    );
    const items: SelectionSummaryDto[] = pages.flatMap((p) => p.items);
    await document.getDocumentsByIds(
      unique(items.flatMap((s) => (s.announcementDocumentId ? [s.announcementDocumentId] : []))),
    );
    checkOpen(items.length);
  };

  // Warm-up (connections, JIT, caches), then the measured requests. Every signed-in candidate once
  // each way: the gateway checks a token's signature the first time it sees it, so a shorter warm-up
  // left that one-time cost of most candidates in the gateway's measured blocks and in none of the direct's.
  const warm = Math.min(R, CONCURRENCY * 5);
  await measurePair(Math.max(warm, candidates.length), CONCURRENCY, mineGateway, mineDirect, 1);
  await measurePair(warm, CONCURRENCY, openGateway, openDirect, 1);
  // The CPU of the stack's processes (gateway, services, store, Temporal, worker) and of this one.
  const cpu = () => [...stackCpu(stack).values()].reduce((sum, s) => sum + s, 0) * 1000;
  const mine = await measurePair(R, CONCURRENCY, mineGateway, mineDirect, undefined, cpu);
  const list = await measurePair(R, CONCURRENCY, openGateway, openDirect, undefined, cpu);

  console.log(
    `\nRead benchmark (stack as npm start runs it; ${seeded.applications} applications over ${SELECTIONS} selections, ` +
      `${CANDIDATES} signed-in candidates with ${PER_CANDIDATE} each; ${R} requests per way, ${CONCURRENCY} in flight, alternating blocks)`,
  );
  report(`a candidate's applications (${PER_CANDIDATE})`, mine);
  report(`open selections (${open.length} seeded open)`, list);
  const [g] = mine;
  console.log(
    `  candidate's applications     ${g.rate.toFixed(1)} requests/s through the gateway ÷ ${MIN_CANDIDATE_RATE} = ${(g.rate / MIN_CANDIDATE_RATE).toFixed(2)} (target ≥ 1)`,
  );
}

function report(label: string, [gateway, direct]: [Measured, Measured]): void {
  const [g50, , g99] = pct(gateway.latencies);
  const [d50, , d99] = pct(direct.latencies);
  console.log(`  ${label}`);
  console.log(`    gateway   ${gateway.rate.toFixed(1).padStart(7)} requests/s   p50 ${ms(g50)}   p99 ${ms(g99)}`);
  console.log(`    direct    ${direct.rate.toFixed(1).padStart(7)} requests/s   p50 ${ms(d50)}   p99 ${ms(d99)}`);
  console.log(
    `    gateway ÷ direct: requests/s ${(gateway.rate / direct.rate).toFixed(2)} (target ≥ ${MIN_RATIO}), ` +
      `p50 ${(g50 / d50).toFixed(2)}, p99 ${(g99 / d99).toFixed(2)} (target ≤ ${MAX_P99_RATIO})`,
  );
  const [gc, dc] = [gateway.cpuMsPerCall!, direct.cpuMsPerCall!];
  // On full cores requests/s follow CPU per request, so direct ÷ gateway CPU is what the requests/s ratio
  // tends to there, whatever else the machine runs (other work slows both ways' wall time, not their CPU).
  console.log(
    `    CPU per request (the stack's processes and the client): gateway ${gc.toFixed(2)} ms, direct ${dc.toFixed(2)} ms; ` +
      `direct ÷ gateway ${(dc / gc).toFixed(2)} (compare with ${MIN_RATIO})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
