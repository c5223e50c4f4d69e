/**
 * Where the gateway spends its time on bench:reads' reads: starts the stack as bench:reads does, seeds
 * a smaller read model, then runs a second gateway process of the same code under `node --cpu-prof`
 * against the stack's services, store and Temporal (same token secret), sends it R requests (C in
 * flight) of one read — `mine`, a candidate's applications (MyApplications, bench:reads (a)), or
 * `open`, the public open selections (OpenSelections, (b)) — and prints the gateway's CPU time per
 * request over the measured requests (user + system, from /proc; less sensitive to a shared machine
 * than requests/s), then the profile's heaviest functions (self time) and its time by package, both
 * over the measured requests only (start-up and warm-up left out). The profile file is kept under
 * test/artifacts/profile-gateway/.
 *
 *   node --import tsx test/bench/profile-gateway.ts [A=2000] [R=2000] [mine|open|both=both]
 *
 * Settings: BENCH_CONCURRENCY (default 8), E2E_PORT_OFFSET (default 12000, as bench:reads).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { waitForHttpOk } from '@seleksi/dev';
import { operationText } from '../../portal/src/operation';
import { MY_APPLICATIONS } from '../../portal/src/queries/candidate';
import { OPEN_SELECTIONS } from '../../portal/src/queries/public';
import { ARTIFACTS, startE2eStack, type E2eStack } from '../e2e/support/stack';
import { benchClient, createCandidates, measureRequests, ms, pct, seedReadModel } from './support/harness';

const A = Number(process.argv[2] ?? 2000);
const R = Number(process.argv[3] ?? 2000);
const READ = process.argv[4] ?? 'both';
if (!['mine', 'open', 'both'].includes(READ)) throw new Error(`read ${READ}: mine, open or both`);
const READS = READ === 'both' ? (['mine', 'open'] as const) : [READ as 'mine' | 'open'];
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
process.env.E2E_PORT_OFFSET ??= '12000';
Runtime.install({ logger: new DefaultLogger('WARN') });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Monotonic time in µs: the clock of V8's profile timestamps (CLOCK_MONOTONIC, shared by processes). */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per function and per package (node_modules package or our workspace directory), over the
 * samples taken within `window` (µs, monotonic) when it holds any, else over the whole profile.
 */
function summarise(file: string, window?: [number, number], requests?: number, top = 40): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const at: number[] = [];
  for (let i = 0, t = p.startTime; i < p.samples.length; i++) at.push((t += p.timeDeltas[i] ?? 0));
  const inWindow = window ? at.filter((t) => t >= window[0] && t <= window[1]).length : 0;
  const keep = (i: number) => !window || inWindow === 0 || (at[i]! >= window[0] && at[i]! <= window[1]);
  if (window && inWindow === 0) console.log('(no sample within the measured requests: the whole profile follows)');
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++)
    if (keep(i)) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url: string) => {
    const m = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    if (url.startsWith('node:')) return url;
    const r = url.replace(/^file:\/\//, '').replace(resolve('.') + '/', '');
    return r ? r.split('/').slice(0, 2).join('/') : '(native/gc/idle)';
  };
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*node_modules\//, '').replace(resolve('.') + '/', '')}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
    pkgs.set(where(f.url), (pkgs.get(where(f.url)) ?? 0) + t);
  }
  const busy = total - [...fns].filter(([k]) => k.startsWith('(idle)')).reduce((a, [, t]) => a + t, 0);
  if (requests && inWindow)
    console.log(`busy (not idle) in the profile: ${(busy / 1000 / requests).toFixed(2)} ms per request`);
  const line = (t: number) => `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %`;
  console.log(`\nprofile ${file}: ${(total / 1e6).toFixed(1)} s sampled${inWindow ? ' (measured requests)' : ''}`);
  console.log('by package (self time):');
  for (const [k, t] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${line(t)}  ${k}`);
  console.log('by function (self time):');
  for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${line(t)}  ${k}`);
}

async function main(): Promise<void> {
  let stack: E2eStack | undefined;
  try {
    stack = await startE2eStack('profile-gateway', 300_000);
    const b = await benchClient(stack);
    const candidates = await createCandidates(b, 300, 'prof');
    const seeded = await seedReadModel(b, {
      prefix: 'prof',
      applications: A,
      selections: 20,
      vacancies: 5,
      candidates,
      perCandidate: 4,
      concurrency: CONCURRENCY,
    });
    console.log(`seeded ${seeded.applications} applications`);

    const dir = join(ARTIFACTS, 'profile-gateway');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const port = stack.ports.GATEWAY_PORT + 50;
    const p = stack.ports;
    const child = spawn(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'gateway/src/main.ts'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          GATEWAY_PORT: String(port),
          GATEWAY_HOST: '127.0.0.1',
          MONGODB_URI: `mongodb://127.0.0.1:${p.FERRETDB_PORT}`,
          TEMPORAL_ADDRESS: `127.0.0.1:${p.TEMPORAL_PORT}`,
          CANDIDATE_SERVICE_URL: `http://127.0.0.1:${p.CANDIDATE_PORT}`,
          ASSESSMENT_SERVICE_URL: `http://127.0.0.1:${p.ASSESSMENT_PORT}`,
          DOCUMENT_SERVICE_URL: `http://127.0.0.1:${p.DOCUMENT_PORT}`,
          AUTH_SECRET: readFileSync(join(stack.dataDir, 'auth-secret'), 'utf8').trim(),
          PORTAL_DIST_DIR: join(stack.dataDir, 'portal-dist'),
          PUBLIC_URL: `http://localhost:${port}`,
          // The gateway's service key, made by the stack's start in its data dir.
          SELEKSI_DATA_DIR: stack.dataDir,
        },
      },
    );
    const exited = new Promise((r) => child.once('exit', r));
    await waitForHttpOk(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 60_000 });
    const url = `http://127.0.0.1:${port}/graphql`;
    const mine = async (i: number) => {
      const c = candidates[i % candidates.length]!;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ query: operationText(MY_APPLICATIONS), variables: {} }),
      });
      const body = (await res.json()) as { data?: { myApplications: { totalCount: number } } };
      if (body.data?.myApplications.totalCount !== seeded.applicationsOf.get(c.candidateId)!.length)
        throw new Error(`unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
    };
    const open = async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: operationText(OPEN_SELECTIONS), variables: {} }),
      });
      const body = (await res.json()) as { data?: { open: { edges: unknown[] } } };
      if (!body.data?.open.edges.length) throw new Error(`unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
    };
    const windows: [string, [number, number]][] = [];
    for (const name of READS) {
      const read = name === 'mine' ? mine : open;
      // Warm-up: every candidate's token once (its signature is checked the first time), JIT, connections.
      await measureRequests(Math.max(Math.min(R, 400), candidates.length), CONCURRENCY, read);
      const cpu0 = cpuMs(child.pid!);
      const t0 = nowUs();
      const m = await measureRequests(R, CONCURRENCY, read);
      windows.push([name, [t0, nowUs()]]);
      const cpu = cpuMs(child.pid!) - cpu0;
      const [p50, , p99] = pct(m.latencies);
      console.log(
        `profiled gateway (${name}): ${m.rate.toFixed(1)} requests/s, p50 ${ms(p50)}, p99 ${ms(p99)}; ` +
          `gateway CPU ${(cpu / R).toFixed(2)} ms per request (${cpu.toFixed(0)} ms over ${R}, under the profiler)`,
      );
    }
    child.kill('SIGTERM');
    await exited;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${dir}`);
    for (const [name, window] of windows) {
      console.log(`\n== ${name} ==`);
      summarise(join(dir, file), window, R);
    }
  } finally {
    await stack?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
