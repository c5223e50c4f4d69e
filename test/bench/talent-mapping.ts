/**
 * Benchmark: talent mapping on the embedded stack — Temporal dev server, PostgreSQL + FerretDB, the three
 * services and the worker as separate processes, as `npm start` runs them — for each agency size in the list
 * (default 10,000 then 100,000, each a new agency on the same stack). Prints seeding and mapping time, time per
 * 1,000 employees and its growth against the first size, the memory of the worker and the services, and next
 * to it a raw floor measured in the same run on the same FerretDB without Temporal or services (the reads and
 * writes the mapping needs, slot by slot: see `mappingFloor`), as ratios. Not a test: figures only.
 *
 *   node --import tsx test/bench/talent-mapping.ts [sizes=10000,100000] [batchSize=1000] [slotsPerBatch=64]
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  startPostgres,
  temporalCliPath,
  waitForHttpOk,
  waitForMongo,
  waitForTemporal,
  type ManagedProcess,
} from '@seleksi/dev';
import { defaultTalentSettings, EMPLOYEE_BUCKETS, employeeBucket, type ProfileDto } from '@seleksi/domain';
import { createServiceClients, operatorServiceAuth } from '@seleksi/kit';
import { mongo } from 'mongoose';
import {
  getMappingProgressQuery,
  payloadKeyEnv,
  SEARCH_ATTRIBUTES,
  seleksiDataConverter,
  startTalentMapping,
  TASK_QUEUE,
} from '@seleksi/workflows';
import { eligibleProfile, testAgency } from '../support/fixtures';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const batchSize = Number(process.argv[3] ?? 1000);
const slotsPerBatch = process.argv[4] ? Number(process.argv[4]) : undefined;
const tmp = mkdtempSync(join(tmpdir(), 'seleksi-bench-'));
chmodSync(tmp, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dir inside
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

/** Resident memory (MB) of a process, from /proc (Linux): VmHWM (peak) or VmRSS (now). */
function memMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): string {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? (Number(kb) / 1024).toFixed(0) : '?';
  } catch {
    return '?';
  }
}

const seconds = (t: number): number => (Date.now() - t) / 1000;

/**
 * The insert floor: n small profiles through the driver, in chunks of 1,000 (what seeding compares against).
 */
async function insertFloor(mongoUri: string, n: number): Promise<number> {
  const client = await new mongo.MongoClient(mongoUri).connect();
  const db = client.db(`bench_floor_${n}`);
  try {
    await db.dropDatabase();
    const profiles = db.collection<{ _id: string; agencyCode: string; mapBucket: number; nip: string }>('profiles');
    await profiles.createIndex({ agencyCode: 1, mapBucket: 1, _id: 1 });
    const t = Date.now();
    for (let i = 0; i < n; i += 1000) {
      const chunk = [];
      for (let j = i; j < Math.min(i + 1000, n); j++) {
        const id = `floor-${String(j).padStart(6, '0')}`;
        chunk.push({ _id: id, agencyCode: 'FLOOR', mapBucket: employeeBucket(id), nip: benchNip(j) });
      }
      await profiles.insertMany(chunk, { ordered: false });
    }
    return seconds(t);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

/**
 * The mapping floor: the reads and writes a mapping inherently needs, through the driver on the same FerretDB,
 * without services or Temporal: per slot the agency's profiles (id and SKP), the slot's assessment results and
 * track records (the mapping's indexed equalities, on the real databases), 4 slots at a time (12 reads in
 * flight); one entry per employee of the same shape into a collection with the map's indexes, inserted 500 at a
 * time with one insert in flight while the next slots are read.
 */
const FLOOR_SLOTS_IN_FLIGHT = 4;

async function mappingFloor(mongoUri: string, agencyCode: string): Promise<number> {
  const client = await new mongo.MongoClient(mongoUri).connect();
  const candidateDb = client.db(process.env.CANDIDATE_DB ?? 'seleksi_candidate');
  const assessmentDb = client.db(process.env.ASSESSMENT_DB ?? 'seleksi_assessment');
  const floorDb = client.db(`bench_floor_map_${agencyCode}`);
  try {
    await floorDb.dropDatabase();
    const entries = floorDb.collection('entries');
    await floorDb.createCollection('entries');
    for (const index of await assessmentDb.collection('talentMapEntries').listIndexes().toArray()) {
      if (index.name !== '_id_') await entries.createIndex(index.key as Record<string, 1 | -1>);
    }
    const profiles = candidateDb.collection<{ _id: string; skp: unknown[] }>('profiles');
    const assessments = assessmentDb.collection('assessmentResults');
    const records = assessmentDb.collection('scoreRecords');
    const mappedAt = new Date();
    const t = Date.now();
    let pending: object[] = [];
    // One insert in flight while the next slots are read, as the mapping overlaps its pages.
    let writing: Promise<unknown> = Promise.resolve();
    const flush = async (): Promise<void> => {
      await writing;
      writing = entries.insertMany(pending, { ordered: false });
      pending = [];
    };
    for (let b = 0; b < EMPLOYEE_BUCKETS; b += FLOOR_SLOTS_IN_FLIGHT) {
      const slots = Array.from({ length: Math.min(FLOOR_SLOTS_IN_FLIGHT, EMPLOYEE_BUCKETS - b) }, (_, k) => b + k);
      const read = await Promise.all(
        slots.map(async (slot) => {
          const [docs] = await Promise.all([
            profiles.find({ agencyCode, mapBucket: slot }, { projection: { _id: 1, skp: 1 } }).toArray(),
            assessments.find({ candidateBucket: slot }).toArray(),
            records.find({ candidateBucket: slot, kind: 'TRACK_RECORD' }).toArray(),
          ]);
          return docs;
        }),
      );
      for (const p of read.flat()) {
        pending.push({
          _id: `${agencyCode}:2026:${p._id}`,
          agencyCode,
          period: '2026',
          employeeId: p._id,
          box: 5,
          potential: 2,
          performance: 2,
          performanceScore: 75,
          potentialScore: 70,
          score: 72.5,
          scored: true,
          missing: [],
          mappedAt,
          runId: 'floor',
        });
        if (pending.length === 500) await flush();
      }
    }
    if (pending.length > 0) await flush();
    await writing;
    return seconds(t);
  } finally {
    await floorDb.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function main(): Promise<void> {
  const temporalPort = await freePort();
  const mongoPort = await freePort();
  const pg = await startPostgres({
    dataDir: join(tmp, 'postgres'),
    port: await freePort(),
    logFile: join(logDir, 'postgres.log'),
  });
  started.push(pg.process);
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
    args: ferretdbArgs({ port: mongoPort, postgresqlUrl: pg.url }),
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
  // Creates the development service keys the spawned services and worker use, if missing.
  const auth = operatorServiceAuth();
  const env = {
    ...process.env,
    ...payloadKeyEnv(),
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

  const clients = createServiceClients(urls, { timeoutMs: 120_000, auth });
  const client = new Client({
    connection: await Connection.connect({ address: temporalAddress }),
    dataConverter: seleksiDataConverter(),
  });
  const predicates = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN'] as const;
  const rows: string[] = [];
  let firstPer1000: number | null = null;
  let nipOffset = 0;
  for (const employees of sizes) {
    const agency = testAgency(`BENCH${employees}`);
    await clients.candidate.upsertAgency(agency);
    await clients.assessment.putTalentSettings(defaultTalentSettings(agency.code));
    const seedStart = Date.now();
    for (let i = 0; i < employees; i += 1000) {
      const chunk: ProfileDto[] = [];
      for (let j = i; j < Math.min(i + 1000, employees); j++) {
        chunk.push(
          eligibleProfile(`bench-${employees}-${String(j).padStart(6, '0')}`, agency.code, j, {
            nip: benchNip(nipOffset + j),
            skp: [2024, 2025, 2026].map((year) => ({ year, predicate: predicates[(j + year) % 3]! })),
          }),
        );
      }
      await clients.candidate.upsertProfiles(chunk);
    }
    nipOffset += employees;
    const seedSeconds = seconds(seedStart);

    const mapStart = Date.now();
    const handle = await startTalentMapping(
      client,
      {
        agencyCode: agency.code,
        period: '2026',
        asOf: '2026-11-24',
        batchSize,
        ...(slotsPerBatch ? { slotsPerBatch } : {}),
        deriveSuccessionGroups: false,
        requestedBy: { userId: 'bench', role: 'ADMIN' },
      },
      TASK_QUEUE,
    );
    let last = '';
    for (;;) {
      const p = await client.workflow.getHandle(handle.workflowId).query(getMappingProgressQuery);
      const line = `  ${agency.code}: mapped ${p.processed}/${p.total} (${p.batchesDone} batches)`;
      if (line !== last && (p.batchesDone % 10 === 0 || p.status === 'COMPLETED')) console.log(line);
      last = line;
      if (p.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const mapSeconds = seconds(mapStart);
    const fl = { insert: await insertFloor(mongoUri, employees), readWrite: await mappingFloor(mongoUri, agency.code) };
    const per1000 = (mapSeconds / employees) * 1000;
    firstPer1000 ??= per1000;
    const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');
    rows.push(
      [
        `  ${String(employees).padStart(7)} employees`,
        `seeding ${seedSeconds.toFixed(1)} s (floor insert ${fl.insert.toFixed(1)} s, ${ratio(seedSeconds, fl.insert)})`,
        `mapping ${mapSeconds.toFixed(1)} s = ${(employees / mapSeconds).toFixed(0)}/s, ${per1000.toFixed(2)} s per 1,000 ` +
          `(${ratio(per1000, firstPer1000)} of the first size)`,
        `floor read+write ${fl.readWrite.toFixed(1)} s → mapping ${ratio(mapSeconds, fl.readWrite)} its floor`,
        `RSS MB now/peak: worker ${memMb(worker.child.pid, 'VmRSS')}/${memMb(worker.child.pid)}, ` +
          `assessment ${memMb(assessment.child.pid, 'VmRSS')}/${memMb(assessment.child.pid)}, ` +
          `candidate ${memMb(candidate.child.pid, 'VmRSS')}/${memMb(candidate.child.pid)}, ` +
          `ferretdb ${memMb(ferret.child.pid, 'VmRSS')}/${memMb(ferret.child.pid)}`,
      ].join('\n    '),
    );
    console.log(rows.at(-1));
  }

  console.log(
    `\nTalent mapping benchmark (embedded stack: Temporal dev server + FerretDB on PostgreSQL; batch size ${batchSize})`,
  );
  for (const r of rows) console.log(r);
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
