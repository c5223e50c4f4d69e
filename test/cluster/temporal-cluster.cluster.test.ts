/**
 * The real Temporal server as a four-service cluster on a project-managed PostgreSQL (`npm run test:cluster`;
 * not part of `npm test`). The project's import workflow runs on it through the project's own worker factory, with
 * the candidate service's import endpoints recorded in this process (the subject here is the cluster, not the
 * service); the history service is killed with SIGKILL mid-way and the workflow completes once the supervisor has
 * restarted it. A second start on the same data keeps the completed workflow.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportCountsDto, ProfileImportDto } from '@seleksi/domain';
import { freePort, repoRoot, sleep, startPostgres, waitUntil, type RunningPostgres } from '@seleksi/dev';
import {
  freeTemporalClusterBasePort,
  startTemporalCluster,
  temporalClusterMissing,
  type TemporalCluster,
} from '@seleksi/dev/src/cluster/temporal-cluster';
import {
  payloadKeyEnv,
  profileImportWorkflowId,
  SEARCH_ATTRIBUTES,
  seleksiDataConverter,
  type ProfileImportProgress,
} from '@seleksi/workflows';
import { createSeleksiWorker, type SeleksiWorkerOptions } from '@seleksi/workflows/worker';
import { workflowBundle } from '../support/stack';
import { skipWhenToolsMissing } from './support/cluster';

// Skipped without the built server on a developer's machine; a failure in CI.
const skip = skipWhenToolsMissing(temporalClusterMissing(), 'the Temporal cluster tests');

const logDir = resolve(repoRoot, 'test/artifacts/logs');
// The cluster's config, logs and pid files (its data is in PostgreSQL, in the temporary directory): kept for a look.
const clusterDir = resolve(repoRoot, 'test/artifacts/cluster-temporal');
const CHUNKS = 24;
const CHUNKS_PER_RUN = 8; // three runs: continue-as-new crosses the history restart too

/** The candidate service's import endpoints, recorded: each chunk keeps its first outcome, as the service does. */
function importRecorder() {
  const outcomes = new Map<number, ImportCountsDto>();
  const finished: ImportCountsDto[] = [];
  let commitCalls = 0;
  const candidate = {
    async beginProfileImport(): Promise<boolean> {
      return true;
    },
    async commitProfileImportChunk(_importId: string, n: number): Promise<ImportCountsDto> {
      commitCalls += 1;
      await sleep(150); // long enough that the kill lands while chunks are being committed
      if (!outcomes.has(n)) outcomes.set(n, { new: 2, changed: 1, unchanged: 0, refused: 0 });
      return outcomes.get(n)!;
    },
    async finishProfileImport(_importId: string, committed: ImportCountsDto): Promise<ProfileImportDto> {
      finished.push(committed);
      return {} as ProfileImportDto; // the activity ignores the answer
    },
  };
  const unused = (what: string) =>
    new Proxy(
      {},
      {
        get: (_t, prop) => () => Promise.reject(new Error(`${what}.${String(prop)} is not used by this test`)),
      },
    );
  const ports = {
    candidate: new Proxy(candidate, {
      get: (t, prop) => (prop in t ? t[prop as keyof typeof t] : Reflect.get(unused('candidate'), prop)),
    }),
    assessment: unused('assessment'),
    document: unused('document'),
  } as unknown as SeleksiWorkerOptions['ports'];
  return {
    ports,
    outcomes,
    finished,
    get commitCalls() {
      return commitCalls;
    },
  };
}

describe.skipIf(skip)('Temporal cluster on PostgreSQL (four services, supervised)', () => {
  let tmp = '';
  let pg: RunningPostgres | undefined;
  let cluster: TemporalCluster | undefined;
  let basePort = 0;
  const lines: string[] = [];
  const startCluster = () =>
    startTemporalCluster({
      postgres: { host: '127.0.0.1', port: pg!.port, user: 'postgres' },
      dataDir: clusterDir,
      basePort,
      historyShards: 4,
      log: (line) => {
        lines.push(line);
        console.log(`[cluster] ${line}`);
      },
    });

  beforeAll(async () => {
    Object.assign(process.env, payloadKeyEnv());
    tmp = mkdtempSync(join(tmpdir(), 'seleksi-cluster-'));
    chmodSync(tmp, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dir inside
    pg = await startPostgres({
      dataDir: join(tmp, 'postgres'),
      port: await freePort(),
      logFile: join(logDir, 'cluster-postgres.log'),
    });
    basePort = await freeTemporalClusterBasePort();
    cluster = await startCluster();
  });

  afterAll(async () => {
    await cluster?.stop();
    await pg?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('runs frontend, history, matching and worker as four processes, with the namespace and search attributes', async () => {
    const pids = Object.values(cluster!.services).map((s) => s.pid);
    expect(new Set(pids).size).toBe(4);
    for (const pid of pids) expect(() => process.kill(pid!, 0)).not.toThrow();
    const connection = await Connection.connect({ address: cluster!.address });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBe('1.32.2');
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      for (const sa of SEARCH_ATTRIBUTES) expect(customAttributes).toHaveProperty(sa.name);
    } finally {
      await connection.close();
    }
    if (cluster!.uiUrl) {
      const res = await fetch(cluster!.uiUrl, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html');
    }
  });

  it('completes a workflow while the history service is killed with SIGKILL and restarted', async () => {
    const taskQueue = `cluster-${randomBytes(4).toString('hex')}`;
    const recorder = importRecorder();
    const [workerConnection, bundle] = await Promise.all([
      NativeConnection.connect({ address: cluster!.address }),
      workflowBundle(),
    ]);
    const worker: Worker = await createSeleksiWorker({
      connection: workerConnection,
      namespace: 'default',
      taskQueue,
      ports: recorder.ports,
      workflowBundle: bundle,
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: cluster!.address });
    const client = new Client({ connection, namespace: 'default', dataConverter: seleksiDataConverter() });
    const workflowId = profileImportWorkflowId(`CLUSTER-${randomBytes(3).toString('hex')}`);
    try {
      const handle = await client.workflow.start('profileImportWorkflow', {
        taskQueue,
        workflowId,
        args: [{ importId: 'imp-cluster', agencyCode: 'CLUSTER', chunkCount: CHUNKS, chunksPerRun: CHUNKS_PER_RUN }],
      });

      await waitUntil(async () => recorder.outcomes.size >= 5, { what: 'five chunks committed', timeoutMs: 180_000 });
      const history = cluster!.services.history;
      const killedPid = history.pid!;
      const restartsBefore = history.restarts;
      const chunksAtKill = recorder.outcomes.size;
      process.kill(killedPid, 'SIGKILL');
      await waitUntil(async () => history.restarts > restartsBefore && history.pid !== killedPid, {
        what: 'history restarted by its supervisor',
        timeoutMs: 120_000,
      });
      expect(lines.some((l) => l.includes(`pid ${killedPid} exited unexpectedly (signal SIGKILL)`))).toBe(true);
      expect(chunksAtKill).toBeLessThan(CHUNKS);

      const result = (await handle.result()) as ProfileImportProgress;
      expect(result.status).toBe('COMPLETED');
      expect(result.chunksDone).toBe(CHUNKS);
      // Each chunk counted once in the workflow's state, whatever the retries around the kill.
      expect(result.committed).toEqual({ new: 2 * CHUNKS, changed: CHUNKS, unchanged: 0, refused: 0 });
      expect([...recorder.outcomes.keys()].sort((a, b) => a - b)).toEqual([...Array(CHUNKS).keys()]);
      expect(recorder.commitCalls).toBeGreaterThanOrEqual(CHUNKS);
      expect(recorder.finished).toEqual([result.committed]);

      // The closed run is in SQL visibility on PostgreSQL.
      await waitUntil(
        async () => {
          for await (const wf of client.workflow.list({
            query: `WorkflowId = '${workflowId}' AND ExecutionStatus = 'Completed'`,
          })) {
            if (wf.workflowId === workflowId) return true;
          }
          return false;
        },
        { what: 'the completed workflow in visibility', timeoutMs: 60_000 },
      );
    } finally {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
    }

    // A second start on the same data: the schemas are only checked, the workflow is still there.
    await cluster!.stop();
    cluster = undefined;
    cluster = await startCluster();
    const again = await Connection.connect({ address: cluster.address });
    try {
      const described = await new Client({ connection: again, namespace: 'default' }).workflow
        .getHandle(workflowId)
        .describe();
      expect(described.status.name).toBe('COMPLETED');
    } finally {
      await again.close();
    }
  });
});
