/**
 * A rolling worker upgrade during a round (issue 15), on the real Temporal dev server with real
 * workers: worker version A carries a training-mode round to the overseer's plan approval; version B
 * (its workflow code changed behind `patched()`) starts; `worker:rollout` ramps it, then makes it
 * current; A stops; the overseer's decision is taken by B and the round opens registration, nothing
 * lost. The round's history shows tasks completed by both build ids and replays on B's code (not on
 * A's any more: the rollback limit the README states).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { seleksiDataConverter } from '@seleksi/workflows';
import {
  buildIdOf,
  createSeleksiWorker,
  promoteOnStart,
  runRollout,
  WORKFLOW_INTERCEPTOR_MODULES,
  WORKFLOWS_PATH,
  type RolloutConfig,
  type RolloutStatus,
  type WorkerDeploymentVersion,
} from '@seleksi/workflows/worker';
import { eventually, quietBundlerLogger, startStack, workerPorts, workflowBundle, type Stack } from './support/stack';
import { testAgency, testPansel } from './support/fixtures';
import { must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';
import { runsOf } from './support/histories';
import { ROLLOUT_PROBE_PATCH } from './support/rollout-probe';

const AGENCY = testAgency('ROLL');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('roll');
const SECRETARY = 'roll-sec';
const OVERSEER = 'roll-overseer';
const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
];

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];
type MarkerAttributes = NonNullable<HistoryEvent['markerRecordedEventAttributes']>;

interface RunningWorker {
  version: WorkerDeploymentVersion;
  stop(): Promise<void>;
}

let stack: Stack;
let d: SelectionDriver;
const running: RunningWorker[] = [];

/** A versioned worker on the suite's task queue (deployment = the task queue's name, as by default). */
async function startWorker(bundle: { code: string }): Promise<RunningWorker> {
  const version = { deploymentName: stack.taskQueue, buildId: buildIdOf(bundle.code) };
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await createSeleksiWorker({
    connection,
    namespace: 'default',
    taskQueue: stack.taskQueue,
    ports: workerPorts(stack.urls),
    workflowBundle: bundle,
    deployment: version,
  });
  const run = worker.run();
  let stopped = false;
  const w: RunningWorker = {
    version,
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.shutdown();
      await run;
      await connection.close();
    },
  };
  running.push(w);
  return w;
}

/** The patch id of a `patched()` marker event, else undefined. */
function patchIdOf(e: { markerRecordedEventAttributes?: MarkerAttributes | null }): string | undefined {
  const m = e.markerRecordedEventAttributes;
  const data = m?.markerName === 'core_patch' ? m.details?.['patch-data']?.payloads?.[0]?.data : undefined;
  if (!data) return undefined;
  // The client hands payload bytes over base64-encoded or as bytes, depending on how it decoded them.
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : Buffer.from(data);
  return (JSON.parse(bytes.toString('utf8')) as { id?: string }).id;
}

async function rollout(...args: string[]): Promise<RolloutStatus> {
  const config: RolloutConfig = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
    WORKER_DEPLOYMENT_NAME: undefined,
  };
  const out: string[] = [];
  const code = await runRollout([...args, '--json'], config, (line) => out.push(line));
  expect(code, out.join('\n')).toBe(0);
  return JSON.parse(out.at(-1)!) as RolloutStatus;
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'rollout',
    worker: false,
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  for (const w of running) await w.stop();
  await stack?.close();
});

describe('rolling worker upgrade during a round', () => {
  it('moves a waiting round from build A to build B, which takes its next decision; history has both', async () => {
    const svc = stack.client.connection.workflowService;

    // Version A, first of its deployment: it makes itself current as a starting worker does (WORKER_PROMOTE=first).
    const a = await startWorker(await workflowBundle());
    expect(await promoteOnStart(svc, 'default', a.version, 'first', 'test')).toEqual({
      current: a.version.buildId,
      promoted: true,
    });

    // KASN era: the plan waits for the overseer, no timer decides it meanwhile.
    const { selectionId: s, workflowId } = await d.planTrainingRound(SECRETARY, PANSEL, {
      title: 'Seleksi Uji Pergantian Versi Worker',
      timeZone: AGENCY.timeZone,
      decree: '800/7/BKD',
    });
    must(await d.submitPlan(SECRETARY, s));
    await d.waitForStage(SECRETARY, s, 'PLAN_APPROVAL');

    // Version B: the workflow code changed behind patched(), so its default build id differs.
    const bundleB = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      workflowInterceptorModules: [
        ...WORKFLOW_INTERCEPTOR_MODULES,
        fileURLToPath(new URL('./support/rollout-probe.ts', import.meta.url)),
      ],
      logger: quietBundlerLogger,
    });
    const b = await startWorker(bundleB);
    expect(b.version.buildId).not.toBe(a.version.buildId);

    // The round waits on A; B is known (it polled) but gets nothing yet.
    const before = await eventually(async () => {
      const st = await rollout();
      const onA = st.versions.find((v) => v.buildId === a.version.buildId);
      const onB = st.versions.find((v) => v.buildId === b.version.buildId);
      return onA?.open === 1 && onB ? st : null;
    });
    expect(before.current).toBe(a.version.buildId);
    expect(before.versions.find((v) => v.buildId === a.version.buildId)).toMatchObject({
      status: 'CURRENT',
      pinned: 0,
      canStop: false,
    });
    expect(before.versions.find((v) => v.buildId === b.version.buildId)).toMatchObject({
      status: 'INACTIVE',
      open: 0,
      canStop: true,
    });

    // Ramp B with no traffic first (the step where a share of rounds would try it), then make it current.
    const ramped = await rollout('--build-id', b.version.buildId, '--ramp', '0');
    expect(ramped.ramping).toEqual({ buildId: b.version.buildId, percentage: 0 });
    expect(ramped.current).toBe(a.version.buildId);
    const switched = await rollout('--build-id', b.version.buildId);
    expect(switched.current).toBe(b.version.buildId);
    expect(switched.ramping).toBeNull();
    // A is routed to no more; no workflow is pinned to it: its workers can stop.
    expect(switched.versions.find((v) => v.buildId === a.version.buildId)).toMatchObject({
      pinned: 0,
      canStop: true,
    });
    expect(switched.versions.find((v) => v.buildId === b.version.buildId)).toMatchObject({
      status: 'CURRENT',
      canStop: false,
    });
    await a.stop();

    // The overseer's decision (an Update) wakes the round: its task goes to B, the round moves on.
    must(
      await d.overseerDecision(OVERSEER, s, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Rencana seleksi sesuai ketentuan peraturan perundang-undangan',
        reference: 'B-77/KASN/12/2026',
      }),
    );
    const opened = await d.waitForStage(SECRETARY, s, 'REGISTRATION_OPEN');
    // Nothing lost or doubled: each decision is on the record once.
    expect(opened.decisions?.map((x) => x.kind).sort()).toEqual(['OVERSEER_DECIDED', 'PANSEL_SET', 'PLAN_SUBMITTED']);

    // Drainage: the round's last task ran on B; nothing open is left on A.
    const after = await eventually(async () => {
      const st = await rollout();
      return st.versions.find((v) => v.buildId === a.version.buildId)?.open === 0 ? st : null;
    });
    expect(after.versions.find((v) => v.buildId === b.version.buildId)?.open).toBe(1);

    // The history (every run of the chain): tasks by A, then by B only, every one AUTO_UPGRADE;
    // the patch marker only in B's part.
    const handle = stack.client.workflow.getHandle(workflowId);
    const events: HistoryEvent[] = [];
    const histories: { runId: string; history: History }[] = [];
    for (const run of await runsOf(handle)) {
      const history = await stack.client.workflow.getHandle(workflowId, run.runId).fetchHistory();
      histories.push({ runId: run.runId, history });
      events.push(...(history.events ?? []));
    }
    const completed = events.flatMap((e) =>
      e.workflowTaskCompletedEventAttributes ? [e.workflowTaskCompletedEventAttributes] : [],
    );
    const builds = completed.map((t) => t.deploymentVersion?.buildId);
    const firstB = builds.indexOf(b.version.buildId);
    expect(firstB, JSON.stringify(builds)).toBeGreaterThan(0);
    expect(builds.slice(0, firstB).every((x) => x === a.version.buildId)).toBe(true);
    expect(builds.slice(firstB).every((x) => x === b.version.buildId)).toBe(true);
    expect(new Set(completed.map((t) => t.deploymentVersion?.deploymentName))).toEqual(new Set([stack.taskQueue]));
    expect(new Set(completed.map((t) => t.versioningBehavior))).toEqual(new Set([2])); // VERSIONING_BEHAVIOR_AUTO_UPGRADE

    const probes = histories.flatMap(({ history }) => {
      const runEvents = history.events ?? [];
      const completedBy = new Map(
        runEvents.flatMap((e) =>
          e.workflowTaskCompletedEventAttributes
            ? [[String(e.eventId), e.workflowTaskCompletedEventAttributes.deploymentVersion?.buildId]]
            : [],
        ),
      );
      return runEvents.flatMap((e) =>
        patchIdOf(e) === ROLLOUT_PROBE_PATCH
          ? [completedBy.get(String(e.markerRecordedEventAttributes!.workflowTaskCompletedEventId))]
          : [],
      );
    });
    expect(probes).toEqual([b.version.buildId]);

    // B's code replays the whole history, A's part included (no non-determinism).
    for (const { runId, history } of histories) {
      await Worker.runReplayHistory(
        { workflowBundle: bundleB, dataConverter: seleksiDataConverter() },
        history,
        `${workflowId}/${runId}`,
      );
    }
    // Why a rollback is safe only for rounds that have not run B's changed code yet: A's code meets
    // B's patch marker and stops (its tasks would fail and retry until B is current again).
    const withProbe = histories.find((h) => h.history.events?.some((e) => patchIdOf(e) === ROLLOUT_PROBE_PATCH))!;
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: await workflowBundle(), dataConverter: seleksiDataConverter() },
        withProbe.history,
        `${workflowId}/${withProbe.runId}`,
      ),
    ).rejects.toThrow(/patch marker/);
  });
});
