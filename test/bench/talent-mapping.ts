/**
 * Benchmark: talent mapping of N employees (default 50,000) on the embedded stack — Temporal dev
 * server, FerretDB, the three services and the worker as separate processes, as `npm start` runs
 * them. Prints seeding time, mapping time, employees per second, and the peak memory (VmHWM) of the
 * worker and the services. Not a test: figures only.
 *
 *   node --import tsx test/bench/talent-mapping.ts [employees] [batchSize]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import {
  devServerArgs,
  ensureSearchAttributes,
  ferretdbArgs,
  ferretdbPath,
  freePort,
  repoRoot,
  spawnLogged,
  temporalCliPath,
  waitForHttpOk,
  waitForMongo,
  waitForTemporal,
  type ManagedProcess,
} from '@seleksi/dev';
import { defaultTalentSettings, type ProfileDto } from '@seleksi/domain';
import { createServiceClients } from '@seleksi/kit';
import { getMappingProgressQuery, SEARCH_ATTRIBUTES, startTalentMapping, TASK_QUEUE } from '@seleksi/workflows';
import { eligibleProfile, testAgency } from '../support/fixtures';

const employees = Number(process.argv[2] ?? 50_000);
const batchSize = Number(process.argv[3] ?? 1000);
const tmp = mkdtempSync(join(tmpdir(), 'seleksi-bench-'));
const logDir = resolve(repoRoot, 'test/artifacts/bench-logs');
const started: ManagedProcess[] = [];

/** A distinct valid NIP for each of up to 3.6 million employees: birth dates over ten years × serials. */
function benchNip(j: number): string {
  const birth = new Date(Date.UTC(1968, 0, 1) + (j % 3650) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const start = `${birth.getUTCFullYear() + 25}03`;
  const serial = String((Math.floor(j / 3650) % 999) + 1).padStart(3, '0');
  return `${ymd}${start}${(j % 2) + 1}${serial}`;
}

/** Peak resident memory (MB) of a process, from /proc (Linux). */
function peakMb(pid: number | undefined): string {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? (Number(kb) / 1024).toFixed(0) : '?';
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const temporalPort = await freePort();
  const mongoPort = await freePort();
  const candidatePort = await freePort();
  const assessmentPort = await freePort();
  const documentPort = await freePort();
  const workerPort = await freePort();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const mongoUri = `mongodb://127.0.0.1:${mongoPort}`;
  const temporal = spawnLogged({
    name: 'temporal',
    command: temporalCliPath(),
    args: devServerArgs({
      port: temporalPort,
      dbFilename: join(tmp, 'temporal.sqlite'),
      searchAttributes: SEARCH_ATTRIBUTES,
    }),
    logFile: join(logDir, 'temporal.log'),
  });
  const ferret = spawnLogged({
    name: 'ferretdb',
    command: ferretdbPath(),
    args: ferretdbArgs({ port: mongoPort, sqliteDir: join(tmp, 'ferretdb') }),
    logFile: join(logDir, 'ferretdb.log'),
  });
  started.push(temporal, ferret);
  const connection = await waitForTemporal(temporalAddress, { process: temporal, timeoutMs: 60_000 });
  await ensureSearchAttributes(connection, 'default', SEARCH_ATTRIBUTES);
  await waitForMongo(mongoUri, { process: ferret, timeoutMs: 30_000 });

  const urls = {
    CANDIDATE_SERVICE_URL: `http://127.0.0.1:${candidatePort}`,
    ASSESSMENT_SERVICE_URL: `http://127.0.0.1:${assessmentPort}`,
    DOCUMENT_SERVICE_URL: `http://127.0.0.1:${documentPort}`,
  };
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    MONGODB_URI: mongoUri,
    TEMPORAL_ADDRESS: temporalAddress,
    CANDIDATE_PORT: String(candidatePort),
    ASSESSMENT_PORT: String(assessmentPort),
    DOCUMENT_PORT: String(documentPort),
    WORKER_HEALTH_PORT: String(workerPort),
    ...urls,
  };
  const node = (name: string, entry: string): ManagedProcess => {
    const p = spawnLogged({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      env,
      logFile: join(logDir, `${name}.log`),
    });
    started.push(p);
    return p;
  };
  const candidate = node('candidate', 'services/candidate/src/main.ts');
  const assessment = node('assessment', 'services/assessment/src/main.ts');
  const document = node('document', 'services/document/src/main.ts');
  await Promise.all([
    waitForHttpOk(`${urls.CANDIDATE_SERVICE_URL}/readyz`, { process: candidate, timeoutMs: 60_000 }),
    waitForHttpOk(`${urls.ASSESSMENT_SERVICE_URL}/readyz`, { process: assessment, timeoutMs: 60_000 }),
    waitForHttpOk(`${urls.DOCUMENT_SERVICE_URL}/readyz`, { process: document, timeoutMs: 60_000 }),
  ]);
  const worker = node('worker', 'workflows/src/worker/main.ts');
  await waitForHttpOk(`http://127.0.0.1:${workerPort}/healthz`, { process: worker, timeoutMs: 120_000 });

  const clients = createServiceClients(urls, { timeoutMs: 120_000 });
  const agency = testAgency('BENCH');
  await clients.candidate.upsertAgency(agency);
  await clients.assessment.putTalentSettings({ ...defaultTalentSettings(agency.code), meritIndexScore: 300 });
  const predicates = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN'] as const;
  const seedStart = Date.now();
  for (let i = 0; i < employees; i += 1000) {
    const chunk: ProfileDto[] = [];
    for (let j = i; j < Math.min(i + 1000, employees); j++) {
      chunk.push(
        eligibleProfile(`bench-${String(j).padStart(6, '0')}`, agency.code, j, {
          nip: benchNip(j),
          skp: [2024, 2025, 2026].map((year) => ({ year, predicate: predicates[(j + year) % 3]! })),
        }),
      );
    }
    await clients.candidate.upsertProfiles(chunk);
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;

  const client = new Client({ connection: await Connection.connect({ address: temporalAddress }) });
  const mapStart = Date.now();
  const handle = await startTalentMapping(
    client,
    {
      agencyCode: agency.code,
      period: '2026',
      asOf: '2026-11-24',
      batchSize,
      deriveSuccessionGroups: false,
      requestedBy: { userId: 'bench', role: 'ADMIN' },
    },
    TASK_QUEUE,
  );
  let last = '';
  for (;;) {
    const p = await client.workflow.getHandle(handle.workflowId).query(getMappingProgressQuery);
    const line = `  mapped ${p.processed}/${p.total} (${p.batchesDone} batches)`;
    if (line !== last) console.log(line);
    last = line;
    if (p.status === 'COMPLETED') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const mapSeconds = (Date.now() - mapStart) / 1000;

  console.log('\nTalent mapping benchmark (embedded stack: Temporal dev server + FerretDB on SQLite)');
  console.log(`  employees            ${employees}`);
  console.log(`  batch size           ${batchSize}`);
  console.log(`  seeding (PUT /profiles, 1,000 per call)  ${seedSeconds.toFixed(1)} s`);
  console.log(`  mapping              ${mapSeconds.toFixed(1)} s`);
  console.log(`  employees per second ${(employees / mapSeconds).toFixed(0)}`);
  console.log(`  peak RSS worker      ${peakMb(worker.child.pid)} MB`);
  console.log(`  peak RSS assessment  ${peakMb(assessment.child.pid)} MB`);
  console.log(`  peak RSS candidate   ${peakMb(candidate.child.pid)} MB`);
  console.log(`  peak RSS ferretdb    ${peakMb(ferret.child.pid)} MB`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(started.reverse().map((p) => p.stop(10_000)));
    rmSync(tmp, { recursive: true, force: true });
  });
