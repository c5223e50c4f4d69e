/**
 * Talent mapping at integration scale on the real dev server and FerretDB: 3,000 employees in 32
 * batches of 32 slots (pages of 100) with continue-as-new every 10; the worker is stopped mid-run
 * (in-flight batch cancelled) and a new one resumes; no finished batch is redone, every employee is
 * mapped exactly once, and the agency is never counted.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { defaultTalentSettings, type ProfileDto } from '@seleksi/domain';
import {
  getMappingProgressQuery,
  seleksiDataConverter,
  startTalentMapping,
  talentMappingWorkflowId,
} from '@seleksi/workflows';
import { createSeleksiWorker } from '@seleksi/workflows/worker';
import { eventually, startServices, workflowBundle, type ServicesStack } from './support/stack';
import { eligibleProfile, testAgency, RECENT_SKP_YEARS } from './support/fixtures';

const AGENCY = testAgency(`MAP${Date.now().toString(36).toUpperCase()}`);
const EMPLOYEES = 3000;
const taskQueue = 'talent-mapping-it';

let services: ServicesStack;
let connection: Connection;
let client: Client;
let nativeConnection: NativeConnection;
const workers: { worker: Worker; running: Promise<void> }[] = [];

beforeAll(async () => {
  services = await startServices(inject('mongoUri'), `map_${Date.now().toString(36)}`);
  await services.clients.candidate.upsertAgency(AGENCY);
  await services.clients.assessment.putTalentSettings(defaultTalentSettings(AGENCY.code));
  const predicates = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN'] as const;
  const profiles: ProfileDto[] = Array.from({ length: EMPLOYEES }, (_, i) =>
    eligibleProfile(`map-${String(i).padStart(5, '0')}`, AGENCY.code, i, {
      skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: predicates[(i + year) % 3]! })),
    }),
  );
  for (let i = 0; i < profiles.length; i += 200)
    await services.clients.candidate.upsertProfiles(profiles.slice(i, i + 200));
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, dataConverter: seleksiDataConverter() });
  nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
}, 180_000);

afterAll(async () => {
  for (const w of workers) {
    if (w.worker.getState() === 'RUNNING') w.worker.shutdown();
    await w.running.catch(() => undefined);
  }
  await nativeConnection?.close();
  await connection?.close();
  await services?.close();
});

async function newWorker(): Promise<{ worker: Worker; running: Promise<void> }> {
  const worker = await createSeleksiWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    ports: services.clients,
    workflowBundle: await workflowBundle(),
    shutdownGraceTime: '100ms',
  });
  const w = { worker, running: worker.run() };
  workers.push(w);
  return w;
}

it(
  'maps 3,000 employees in batches, survives a worker stop mid-run, and redoes no finished batch',
  { timeout: 300_000 },
  async () => {
    const period = '2026-S2';
    const first = await newWorker();
    const handle = await startTalentMapping(
      client,
      {
        agencyCode: AGENCY.code,
        period,
        asOf: '2026-11-24',
        batchSize: 100,
        slotsPerBatch: 32,
        batchesPerRun: 10,
        deriveSuccessionGroups: false,
        requestedBy: { userId: 'it-admin', role: 'ADMIN' },
      },
      taskQueue,
    );
    const progressOf = () => client.workflow.getHandle(handle.workflowId).query(getMappingProgressQuery);
    await eventually(async () => ((await progressOf()).batchesDone >= 12 ? true : null), 120_000);
    first.worker.shutdown();
    await first.running;
    const stopped = await progressOf().catch(() => null);
    // Nothing advances without a worker (the query itself needs one: it fails or shows the same count).
    await new Promise((r) => setTimeout(r, 1500));
    expect(stopped === null || stopped.batchesDone < 32).toBe(true);

    const second = await newWorker();
    try {
      const done = await eventually(async () => {
        const p = await progressOf();
        return p.status === 'COMPLETED' ? p : null;
      }, 180_000);
      expect(done.processed).toBe(EMPLOYEES);
      expect(done.batchesDone).toBe(32);
      expect(done.total).toBe(EMPLOYEES);
      expect(Object.values(done.byBox).reduce((a, b) => a + b, 0) + done.unmapped).toBe(EMPLOYEES);

      const counts = await services.clients.assessment.getTalentMapCounts(AGENCY.code, period);
      expect(counts.total).toBe(EMPLOYEES);
      expect(counts.byBox).toEqual(
        Object.fromEntries(Object.entries(counts.byBox).map(([k]) => [k, done.byBox[k] ?? 0])),
      );

      // Every run of the chain (continue-as-new) together scheduled exactly one mapSlots per batch.
      // The settings are read once for the whole chain (pinned), not once per batch.
      let scheduled = 0;
      let settingsReads = 0;
      let legacy = 0;
      let runs = 0;
      for await (const wf of client.workflow.list({
        query: `WorkflowId = '${talentMappingWorkflowId(AGENCY.code, period)}'`,
      })) {
        runs += 1;
        const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
        const names = (history.events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
        scheduled += names.filter((n) => n === 'mapSlots').length;
        legacy += names.filter((n) => n === 'countEmployees' || n === 'mapBatch').length;
        settingsReads += names.filter((n) => n === 'readTalentSettings').length;
      }
      expect(runs).toBeGreaterThanOrEqual(3);
      expect(scheduled).toBe(32);
      expect(legacy).toBe(0);
      expect(settingsReads).toBe(1);
    } finally {
      second.worker.shutdown();
      await second.running;
    }
  },
);
