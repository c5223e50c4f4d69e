/**
 * Benchmark: many selection rounds at once on the cluster of `npm run start:cluster`, with 1 → 2 → 4 workers
 * (issue 15, Benchmarks). Each step starts the cluster afresh with that many workers (test/cluster/support/
 * cluster.ts; BENCH_GATEWAYS gateways behind the reverse proxy, the Temporal server cluster when built), then:
 *
 *   1. AGENCIES agencies (the candidate service's agency record, as the demo seed writes it), each with a
 *      Pansel secretary and APPLICANTS eligible candidates of its own (profiles in bulk through the candidate
 *      service; accounts and sessions through the gateway's AccountRepository and token signer, as signIn
 *      makes them but without the Argon2 work, which is not what is measured here);
 *   2. one training-mode round per agency, opened all at once (secretary plans it with the demo Pansel, the
 *      demo overseer approves), registration sized so every application fits;
 *   3. every candidate applies through the proxy (GraphQL multipart, two PDFs), the rounds interleaved,
 *      BENCH_CONCURRENCY in flight over all rounds, BUSY/UNAVAILABLE resent as the portal does:
 *      applications acknowledged per second (first send → last acknowledgement);
 *   4. registration closes, the engine screens, each secretary publishes the screening as soon as it is
 *      publishable: rounds carried from registration close to published screening per minute (counted
 *      from the end of the late-receipt grace, LATE_RECEIPT_GRACE_SECONDS, here 5 s by default: a timer).
 *
 * Printed per step and as a ratio to one worker, with where the CPU went (the machine's busy share over its
 * cores from /proc/stat, each supervised process tree's share from /proc/<pid>/stat, what ran outside the
 * cluster): on a machine with few cores more workers cannot scale once the cores are busy, and the figures
 * say which process had them. Not a test: figures only.
 *
 *   npm run bench:cluster-throughput -- [AGENCIES=12] [APPLICANTS=50]
 *
 * The defaults take about 10–15 minutes on a 2-core machine (three cluster starts of 1–2 min each); the
 * issue's example is `-- 50 200` (10,000 applications per step, about an hour there).
 * Settings: BENCH_WORKER_STEPS (default 1,2,4); BENCH_GATEWAYS (default 2); BENCH_CONCURRENCY (applications
 * in flight over all rounds, default 32); BENCH_MIN_APPLY_RATE (applications per second the first step's
 * registration window is sized for, default 6; later steps size it from the first step's rate);
 * CLUSTER_BASE_PORT (default 15700, clear of the tests' and the other benchmarks' ports).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mongoose';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { AccountRepository } from '@seleksi/gateway';
import type { AgencyDto, ProfileDto } from '@seleksi/domain';
import { minimalPdf } from '../../gateway/src/application-files/test-pdf';
import { TokenService } from '../../gateway/src/auth/tokens';
import { applyWithUploads } from '../support/apply-upload';
import { eligibleProfile, RECENT_SKP_YEARS } from '../support/fixtures';
import {
  benchClient,
  benchNip,
  DEMO_AGENCY,
  demoToken,
  inParallel,
  loadSpan,
  machineCpu,
  openRound,
  pct,
  sleep,
  stackCpu,
  type BenchClient,
  type OpenedRound,
} from './support/harness';
import { CLUSTER_BENCH_BASE, startBenchStack, type BenchStack } from './support/target';

const AGENCIES = Number(process.argv[2] ?? 12);
const APPLICANTS = Number(process.argv[3] ?? 50);
const STEPS = (process.env.BENCH_WORKER_STEPS ?? '1,2,4').split(',').map(Number);
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MIN_APPLY_RATE = Number(process.env.BENCH_MIN_APPLY_RATE ?? 6);
const CORES = cpus().length;

process.env.BENCH_TARGET = 'cluster';
/** The workflow waits this long after the close for receipts still on their way (default 120 s): a timer, not work. */
process.env.LATE_RECEIPT_GRACE_SECONDS ??= '5';
const GRACE_MS = Number(process.env.LATE_RECEIPT_GRACE_SECONDS) * 1000;
Runtime.install({ logger: new DefaultLogger('WARN') });

const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

interface CpuSnapshot {
  at: number;
  procs: Map<string, number>;
  machine: { busy: number; total: number };
}

const snapshot = (stack: BenchStack): CpuSnapshot => ({
  at: Date.now(),
  procs: stackCpu(stack),
  machine: machineCpu(),
});

/** Process name → role (`worker-2` → `worker`, `temporal-history` → `temporal-history`). */
const roleOf = (name: string) => name.replace(/-\d+$/, '');

/** Where the CPU went between two snapshots: the machine's busy share, each role's share, the rest. */
function cpuBreakdown(a: CpuSnapshot, b: CpuSnapshot) {
  const wall = (b.at - a.at) / 1000;
  const roles = new Map<string, number>();
  for (const [name, v] of b.procs) {
    const d = v - (a.procs.get(name) ?? v);
    if (d > 0) roles.set(roleOf(name), (roles.get(roleOf(name)) ?? 0) + d);
  }
  const busy = b.machine.busy - a.machine.busy;
  const ours = [...roles.values()].reduce((s, v) => s + v, 0);
  // As a share of one core's time (100 % = one core busy the whole span).
  const share = (v: number) => (100 * v) / wall;
  return {
    machineBusy: share(busy) / CORES,
    roles: [...roles].sort((x, y) => y[1] - x[1]).map(([name, v]) => ({ name, share: share(v) })),
    outside: share(Math.max(0, busy - ours)),
  };
}

function printCpu(label: string, c: ReturnType<typeof cpuBreakdown>): void {
  const busiest = c.roles
    .filter((r) => r.share >= 1)
    .map((r) => `${r.name} ${r.share.toFixed(0)} %`)
    .join(', ');
  console.log(
    `  CPU ${label.padEnd(24)} machine ${c.machineBusy.toFixed(0)} % busy of ${CORES} cores; by role (% of one core): ${busiest}; outside the cluster and bench ${c.outside.toFixed(0)} %`,
  );
}

interface Agency {
  dto: AgencyDto;
  secretary: string;
  candidates: { candidateId: string; token: string }[];
}

/** Agencies, their secretaries and candidates, with session tokens (see the module comment, step 1). */
async function createAgencies(b: BenchClient): Promise<Agency[]> {
  const codes = Array.from({ length: AGENCIES }, (_x, k) => `UJI${String(k + 1).padStart(3, '0')}`);
  const dtos: AgencyDto[] = codes.map((code, k) => ({
    ...DEMO_AGENCY,
    code,
    name: `Pemerintah Kabupaten Uji Beban ${k + 1}`,
    email: `bkd-${code.toLowerCase()}@bench.seleksi-jpt.id`,
  }));
  await inParallel(dtos, 4, async (a) => {
    await b.services.candidate.upsertAgency(a);
  });
  const profiles: ProfileDto[] = dtos.flatMap((a, k) =>
    Array.from({ length: APPLICANTS }, (_x, i) => ({
      ...eligibleProfile(`tp-${a.code}-asn-${i}`, a.code, i, { nip: benchNip(k * APPLICANTS + i) }),
      skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
    })),
  );
  for (let i = 0; i < profiles.length; i += 1000)
    await b.services.candidate.upsertProfiles(profiles.slice(i, i + 1000));

  const tokens = new TokenService(readFileSync(join(b.stack.dataDir, 'auth-secret'), 'utf8').trim());
  const conn = createConnection(b.stack.mongoUri, { dbName: 'seleksi_gateway' });
  try {
    await conn.asPromise();
    const accounts = new AccountRepository(conn);
    const tag = randomBytes(3).toString('hex');
    const account = async (a: {
      email: string;
      displayName: string;
      role: 'CANDIDATE' | 'PANSEL_SECRETARY';
      agencyCode: string;
      candidateId: string | null;
    }): Promise<string> => {
      const made = await accounts.create({ ...a, active: true, affiliation: null, registration: null });
      const session = await accounts.openSession(made.id, 6 * 3600);
      return tokens.sign(made.id, session.id, session.expiresAt);
    };
    const out: Agency[] = dtos.map((dto) => ({ dto, secretary: '', candidates: [] }));
    await inParallel(out, 4, async (a) => {
      a.secretary = await account({
        email: `sekretariat-${a.dto.code.toLowerCase()}-${tag}@bench.seleksi-jpt.id`,
        displayName: `Sekretariat Pansel ${a.dto.name}`,
        role: 'PANSEL_SECRETARY',
        agencyCode: a.dto.code,
        candidateId: null,
      });
    });
    await inParallel(profiles, 8, async (p) => {
      const a = out.find((x) => x.dto.code === p.agencyCode)!;
      const i = Number(p.id.slice(p.id.lastIndexOf('-') + 1));
      a.candidates[i] = {
        candidateId: p.id,
        token: await account({
          email: `${p.id}-${tag}@bench.seleksi-jpt.id`,
          displayName: p.name,
          role: 'CANDIDATE',
          agencyCode: p.agencyCode,
          candidateId: p.id,
        }),
      };
    });
    return out;
  } finally {
    await conn.close();
  }
}

interface StepResult {
  workers: number;
  /** Applications acknowledged per second. */
  applyRate: number;
  /** Rounds from registration close to published screening, per minute. */
  roundsPerMinute: number;
  acked: number;
  refused: Map<string, number>;
  applyCpu: ReturnType<typeof cpuBreakdown>;
  screeningCpu: ReturnType<typeof cpuBreakdown>;
  applyLoad: string;
  screeningLoad: string;
  closeToPublished: number[];
}

async function step(workers: number, applyRateGuess: number): Promise<StepResult> {
  console.log(`\n— ${workers} worker${workers > 1 ? 's' : ''}: starting the cluster…`);
  const t0 = Date.now();
  const stack = await startBenchStack(`bench-cluster-throughput-w${workers}`, {
    clusterBase: CLUSTER_BENCH_BASE.throughput,
    timeoutMs: 480_000,
    env: { WORKERS: String(workers), GATEWAYS: String(GATEWAYS) },
  });
  try {
    console.log(`  ${stack.describe} (ready in ${seconds(t0)})`);
    const b = await benchClient(stack);
    const tSetup = Date.now();
    const agencies = await createAgencies(b);
    const total = AGENCIES * APPLICANTS;
    console.log(`  ${AGENCIES} agencies, ${total} candidates with sessions (${seconds(tSetup)})`);

    // Registration long enough for every application at the guessed rate, opened in every round at once.
    const registrationSeconds = Math.ceil(total / applyRateGuess) + 45;
    const secondsPerDay = Math.max(3, Math.ceil(registrationSeconds / 10));
    const overseer = await demoToken(b, 'OVERSEER');
    const tOpen = Date.now();
    const rounds: OpenedRound[] = [];
    await inParallel(agencies, 8, async (a) => {
      rounds[agencies.indexOf(a)] = await openRound(b, {
        title: `Seleksi Terbuka JPT Pratama ${a.dto.name} (uji beban)`,
        vacancies: 1,
        secondsPerDay,
        rules: { registrationDays: 10, extensionMaxTimes: 0, vacanciesPerCandidate: 1 },
        agency: a.dto,
        secretary: a.secretary,
        overseer,
      });
    });
    console.log(
      `  ${AGENCIES} rounds open (${seconds(tOpen)}); registration ${10 * secondsPerDay} s (1 day = ${secondsPerDay} s)`,
    );

    // --- applications, the rounds interleaved ------------------------------------------------------
    const sends = Array.from({ length: total }, (_x, j) => ({ round: j % AGENCIES, i: Math.floor(j / AGENCIES) }));
    const refused = new Map<string, number>();
    let acked = 0;
    let lastAck = 0;
    const cpuApply = snapshot(stack);
    const tApply = Date.now();
    await inParallel(sends, CONCURRENCY, async ({ round, i }) => {
      const c = agencies[round]!.candidates[i]!;
      for (let retries = 0; ; retries++) {
        const r = await applyWithUploads(b.gatewayUrl, c.token, rounds[round]!.vacancyIds[0]!, [
          { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran ${c.candidateId}`), name: 'surat.pdf' },
          { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup ${c.candidateId}`), name: 'cv.pdf' },
        ]).catch((err: unknown) => ({ errors: [{ message: String(err), extensions: { code: 'CLIENT_ERROR' } }] }));
        const code =
          'errors' in r ? ((r.errors?.[0]?.extensions as { code?: string } | undefined)?.code ?? null) : null;
        if ('data' in r && r.data?.applyToVacancy) {
          acked += 1;
          lastAck = Date.now();
          return;
        }
        if ((code === 'BUSY' || code === 'UNAVAILABLE') && retries < 12) {
          const pause = Math.min(15_000, 1000 * 2 ** retries);
          await sleep(pause / 2 + Math.random() * (pause / 2));
          continue;
        }
        refused.set(code ?? 'NO_ANSWER', (refused.get(code ?? 'NO_ANSWER') ?? 0) + 1);
        return;
      }
    });
    const cpuApplied = snapshot(stack);
    const applyLoad = loadSpan(tApply);
    const applyRate = acked / ((lastAck - tApply) / 1000);
    const firstClose = Math.min(...rounds.map((r) => r.closeAt));
    console.log(
      `  applications: ${acked} of ${total} acknowledged in ${seconds(tApply, lastAck)} (${applyRate.toFixed(1)}/s)` +
        `${refused.size ? `; refused ${[...refused].map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}; registration closes ${seconds(Date.now(), firstClose)} later`,
    );
    if (refused.has('REGISTRATION_CLOSED'))
      console.log('  (registration closed before every application: lower BENCH_MIN_APPLY_RATE)');

    // --- registration close (and its late-receipt grace) → screening published, every round ----------
    const screeningFrom = firstClose + GRACE_MS;
    await sleep(Math.max(0, screeningFrom - Date.now()));
    const cpuScreen = snapshot(stack);
    const tScreen = Date.now();
    const publish = 'mutation($s: ID!) { publishScreening(selectionId: $s) { decisionId } }';
    const published: number[] = [];
    await inParallel(rounds, rounds.length, async (r) => {
      // One attempt a second per round (WRONG_STAGE until screening starts): polling the stage by query
      // would put its own load on the workers being measured.
      const until = Date.now() + 1_200_000;
      for (;;) {
        if (Date.now() > until) throw new Error(`round ${r.id}: screening not publishable after 20 min`);
        const answer = await b.request(publish, { s: r.id }, r.secretary);
        const code = answer.errors?.[0]?.extensions?.code;
        if (!code) break;
        if (code !== 'INCOMPLETE' && code !== 'WRONG_STAGE' && code !== 'BUSY' && code !== 'UNAVAILABLE')
          throw new Error(`publishScreening ${r.id}: ${JSON.stringify(answer.errors)}`);
        await sleep(1000);
      }
      published[rounds.indexOf(r)] = Date.now();
    });
    const cpuScreened = snapshot(stack);
    const lastPublished = Math.max(...published);
    const roundsPerMinute = rounds.length / ((lastPublished - screeningFrom) / 60_000);
    const closeToPublished = rounds.map((r, k) => published[k]! - r.closeAt - GRACE_MS);
    console.log(
      `  screening: ${rounds.length} rounds published ${seconds(screeningFrom, lastPublished)} after the first close and its ${GRACE_MS / 1000} s grace (closes spread over ${seconds(firstClose, Math.max(...rounds.map((r) => r.closeAt)))}, as the rounds opened; ${roundsPerMinute.toFixed(1)} rounds/min; per round close → published p50/p95 ${pct(
        closeToPublished,
      )
        .slice(0, 2)
        .map((v) => `${(v / 1000).toFixed(1)} s`)
        .join(' / ')})`,
    );
    const result: StepResult = {
      workers,
      applyRate,
      roundsPerMinute,
      acked,
      refused,
      applyCpu: cpuBreakdown(cpuApply, cpuApplied),
      screeningCpu: cpuBreakdown(cpuScreen, cpuScreened),
      applyLoad,
      screeningLoad: loadSpan(tScreen),
      closeToPublished,
    };
    printCpu('while applying', result.applyCpu);
    printCpu('while screening', result.screeningCpu);
    return result;
  } finally {
    await stack.stop();
  }
}

/** Where the CPU was when the step ran: busy machine or not, which roles took it. */
function bottleneck(c: ReturnType<typeof cpuBreakdown>): string {
  const top = c.roles.slice(0, 3).map((r) => `${r.name} ${r.share.toFixed(0)} %`);
  const workers = c.roles.find((r) => r.name === 'worker')?.share ?? 0;
  const saturated = c.machineBusy >= 85;
  return `${saturated ? 'CPU-bound' : 'CPU not saturated'} (machine ${c.machineBusy.toFixed(0)} % busy of ${CORES} cores, outside ${c.outside.toFixed(0)} %); workers ${workers.toFixed(0)} % of a core; busiest ${top.join(', ')}`;
}

async function main(): Promise<void> {
  console.log(
    `bench:cluster-throughput ${AGENCIES} agencies × ${APPLICANTS} applicants, workers ${STEPS.join(' → ')}, ${GATEWAYS} gateways, ${CONCURRENCY} in flight`,
  );
  const results: StepResult[] = [];
  let rateGuess = MIN_APPLY_RATE;
  for (const w of STEPS) {
    const r = await step(w, rateGuess);
    results.push(r);
    // Later steps: a window for 70 % of the first step's rate (more workers should not be slower).
    if (results.length === 1 && Number.isFinite(r.applyRate)) rateGuess = Math.max(MIN_APPLY_RATE, 0.7 * r.applyRate);
  }
  const base = results[0]!;
  console.log(
    `\nCluster throughput (${AGENCIES} rounds × ${APPLICANTS} applicants at once, ${GATEWAYS} gateways behind the proxy, ${CONCURRENCY} applications in flight; ${CORES} cores)`,
  );
  console.log(
    '  workers  applications/s  ÷ 1 worker   rounds/min (close → screening published)  ÷ 1 worker   load (1 min)',
  );
  for (const r of results) {
    console.log(
      `  ${String(r.workers).padEnd(8)} ${r.applyRate.toFixed(1).padStart(14)}  ${(r.applyRate / base.applyRate).toFixed(2).padStart(10)}   ${r.roundsPerMinute.toFixed(1).padStart(41)}  ${(r.roundsPerMinute / base.roundsPerMinute).toFixed(2).padStart(10)}   ${r.applyLoad} applying, ${r.screeningLoad} screening`,
    );
  }
  console.log('  where the CPU went (share of one core; machine share over all cores):');
  for (const r of results) {
    console.log(`    ${r.workers} worker${r.workers > 1 ? 's' : ' '} applying   ${bottleneck(r.applyCpu)}`);
    console.log(`    ${r.workers} worker${r.workers > 1 ? 's' : ' '} screening  ${bottleneck(r.screeningCpu)}`);
  }
  const incomplete = results.filter((r) => r.acked < AGENCIES * APPLICANTS);
  if (incomplete.length)
    console.log(
      `  not every application acknowledged with ${incomplete.map((r) => `${r.workers} workers (${r.acked})`).join(', ')}`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
