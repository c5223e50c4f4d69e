/**
 * Where the gateway spends its time on a candidate's applications (bench:reads (a)): starts the stack
 * as bench:reads does, seeds a smaller read model, then runs a second gateway process of the same
 * code under `node --cpu-prof` against the stack's services, store and Temporal (same token secret),
 * sends it R MyApplications requests (C in flight) and prints the profile's heaviest functions (self
 * time) and its time by package. The profile file is kept under test/artifacts/profile-gateway/.
 *
 *   node --import tsx test/bench/profile-gateway.ts [A=2000] [R=2000]
 *
 * Settings: BENCH_CONCURRENCY (default 8), E2E_PORT_OFFSET (default 12000, as bench:reads).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { waitForHttpOk } from '@seleksi/dev';
import { MY_APPLICATIONS } from '../../portal/src/queries/candidate';
import { ARTIFACTS, startE2eStack, type E2eStack } from '../e2e/support/stack';
import { benchClient, createCandidates, measureRequests, ms, pct, seedReadModel } from './support/harness';

const A = Number(process.argv[2] ?? 2000);
const R = Number(process.argv[3] ?? 2000);
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

/** Self time per function and per package (node_modules package or our workspace directory). */
function summarise(file: string, top = 40): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++)
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
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
  const line = (t: number) => `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %`;
  console.log(`\nprofile ${file}: ${(total / 1e6).toFixed(1)} s sampled`);
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
        body: JSON.stringify({ query: MY_APPLICATIONS, variables: {} }),
      });
      const body = (await res.json()) as { data?: { myApplications: { totalCount: number } } };
      if (body.data?.myApplications.totalCount !== seeded.applicationsOf.get(c.candidateId)!.length)
        throw new Error(`unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
    };
    await measureRequests(Math.min(R, 400), CONCURRENCY, mine);
    const m = await measureRequests(R, CONCURRENCY, mine);
    const [p50, , p99] = pct(m.latencies);
    console.log(
      `profiled gateway: ${m.rate.toFixed(1)} requests/s, p50 ${ms(p50)}, p99 ${ms(p99)} (warm-up included in the profile)`,
    );
    child.kill('SIGTERM');
    await exited;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${dir}`);
    summarise(join(dir, file));
  } finally {
    await stack?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
