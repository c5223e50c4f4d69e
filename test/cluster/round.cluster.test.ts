/**
 * One training-mode round on the `npm run start:cluster` topology (issue 15), through the reverse proxy, from the
 * plan to the inauguration (2 s a simulated day; four candidates, the fewest a vacancy goes on with):
 * - while it runs, the Temporal frontend (every client's entry) and then PostgreSQL (Temporal's and FerretDB's
 *   store) are killed with SIGKILL and restarted by their supervisors. Every decision of the round is sent with its
 *   own Idempotency-Key and resent with it until acknowledged; each acknowledged decision is on the audit record
 *   exactly once, nothing of the kinds sent is there more often, and the audit chain verifies intact;
 * - at the appointment choice, a rolling worker upgrade: a worker with a new build id starts beside the cluster's
 *   two, `worker:rollout` ramps it and makes it current, the old workers are stopped (SIGSTOP: their supervisor
 *   would restart an exited one), and the rest of the round runs on the new build only, with no
 *   non-determinism (TMPRL1100) in any worker's log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { localDateOf } from '@seleksi/domain';
import { freePort, repoRoot, sleep, spawnLogged, waitForHttpOk, waitUntil, type ManagedProcess } from '@seleksi/dev';
import { DEMO_PANSEL } from '@seleksi/dev/src/demo-data';
import { loadConfig } from '@seleksi/kit';
import { runRollout, workerConfigSchema, type RolloutConfig, type RolloutStatus } from '@seleksi/workflows/worker';
import { type GraphQLResult } from '../support/stack';
import { auditOf, gqlGivingUp, sendUntilAcknowledged, type Acknowledged } from '../support/demo-round';
import { applyWithUploads } from '../support/apply-upload';
import { must, SelectionDriver, type Decision } from '../support/selection-driver';
import { tinyPdf } from '../e2e/support/pdf';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../support/launcher';
import { temporalClusterMissing } from '@seleksi/dev/src/cluster/temporal-cluster';
import { ARTIFACTS, skipWhenToolsMissing, startClusterStack, type ClusterStack } from './support/cluster';

// The kill of a Temporal service needs the server cluster (without it start:cluster runs the CLI dev server).
const skip = skipWhenToolsMissing(temporalClusterMissing(), 'the cluster round test');

const SECRETARY = 'user-sekretariat';
const OVERSEER = 'user-pengawas';
const PPK = 'user-ppk';
const MEMBERS = DEMO_PANSEL.map((m) => m.userId);
const CANDIDATES = [1, 2, 3, 4].map((n) => `user-peserta-${n}`);
const USERS = [
  { id: SECRETARY, email: `sekretariat@${DEMO_DOMAIN}` },
  { id: OVERSEER, email: `pengawas@${DEMO_DOMAIN}` },
  { id: PPK, email: `ppk@${DEMO_DOMAIN}` },
  ...MEMBERS.map((id, i) => ({ id, email: `pansel${i + 1}@${DEMO_DOMAIN}` })),
  ...CANDIDATES.map((id, i) => ({
    id,
    email: `peserta${i + 1}@${DEMO_DOMAIN}`,
  })),
];
const PANSEL = DEMO_PANSEL.map((m, i) => ({
  ...m,
  role: i === 0 ? ('CHAIR' as const) : ('MEMBER' as const),
}));

let stack: ClusterStack;
let d: SelectionDriver;
const extraWorkers: ManagedProcess[] = [];
const frozen: number[] = [];

beforeAll(async () => {
  if (skip) return;
  // Registration closes 10 s after its deadline (the late receipts' grace), not 120 s.
  stack = await startClusterStack('round', { LATE_RECEIPT_GRACE_SECONDS: '10' });
  // A request caught by a kill is given up after a minute (and resent by the callers).
  d = await SelectionDriver.signInExisting({ gql: gqlGivingUp(stack.url, 60_000) }, USERS, DEMO_PASSWORD);
});

afterAll(async () => {
  for (const pid of frozen) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // gone
    }
  }
  for (const w of extraWorkers) await w.stop(30_000);
  await stack?.stop();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A Temporal service's current pid (the cluster's supervisor keeps its pid files beside its data). */
const temporalPid = (service: string): number =>
  Number(readFileSync(join(stack.dataDir, 'temporal', 'run', `temporal-${service}.pid`), 'utf8').trim());

/**
 * One decision sent with its own idempotency key and resent with it until acknowledged (a client whose request
 * met a kill). Refusals that a resend cannot change end the attempts.
 */
const ack = (
  label: string,
  send: (keyed: SelectionDriver) => Promise<GraphQLResult<Record<string, Decision>>>,
): Promise<Acknowledged> =>
  sendUntilAcknowledged(d, send, {
    label,
    key: `round-${label}`,
    finalCodes: ['WRONG_STAGE', 'VALIDATION_FAILED', 'FORBIDDEN', 'ALREADY_DECIDED', 'NOT_IN_SHORTLIST'],
    intervalMs: 300,
    timeoutMs: 240_000,
  });

/** Every acknowledged decision on the record exactly once, no more of each kind sent, and the chain intact. */
async function expectRecordedOnce(selectionId: string, acknowledged: Acknowledged[]): Promise<void> {
  const audit = await auditOf(d, SECRETARY, selectionId);
  for (const a of acknowledged) {
    expect(
      audit.filter((e) => e.decisionId === a.decisionId),
      `${a.label} ${a.decisionId}`,
    ).toHaveLength(1);
  }
  expect(new Set(acknowledged.map((a) => a.decisionId)).size).toBe(acknowledged.length);
  for (const kind of new Set(acknowledged.map((a) => a.kind))) {
    expect(audit.filter((e) => e.kind === kind).length, kind).toBe(acknowledged.filter((a) => a.kind === kind).length);
  }
  const chain = must(
    await d.gql<{
      verifyAudit: {
        ok: boolean;
        length: number;
        firstBroken: { seq: number; problem: string } | null;
      };
    }>(SECRETARY, 'query($s: ID!) { verifyAudit(selectionId: $s) { ok length firstBroken { seq problem } } }', {
      s: selectionId,
    }),
  ).verifyAudit;
  expect(chain.firstBroken).toBeNull();
  expect(chain.ok).toBe(true);
  expect(chain.length).toBeGreaterThanOrEqual(acknowledged.length);
}

/** SIGKILL of `pid`; resolves once the supervisor has started its successor (`pidNow` answers another live pid). */
async function killAndAwaitRestart(what: string, pid: number, pidNow: () => number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await waitUntil(async () => !alive(pid), {
    what: `${what} gone`,
    timeoutMs: 10_000,
  });
  await waitUntil(
    async () => {
      try {
        const now = pidNow();
        return now !== pid && alive(now);
      } catch {
        return false; // pid file between writes
      }
    },
    { what: `${what} restarted`, timeoutMs: 120_000 },
  );
}

/** A training round of one vacancy through its plan approval (each decision acknowledged once). */
async function openRound(
  title: string,
  acknowledged: Acknowledged[],
): Promise<{ id: string; vacancyId: string; workflowId: string }> {
  const created = must(
    await d.createSelection(SECRETARY, {
      title: `${title} ${Date.now()}`,
      announcementDate: localDateOf(new Date(), 'WITA'),
      vacancies: [
        {
          level: 'PRATAMA',
          position: 'Kepala Dinas Komunikasi dan Informatika',
          unit: 'Dinas Komunikasi dan Informatika',
          field: 'Komunikasi',
        },
      ],
      simulationSecondsPerDay: 2,
      rules: {
        registrationDays: 3,
        objectionWorkingDays: 1,
        // KASN era: no approval by silence; the test takes every overseer decision.
        overseerEra: 'KASN',
        overseerDecisionWorkingDays: 30,
      },
    }),
  ).createSelection;
  const id = created.id;
  await d.waitForReadModel(SECRETARY, id);
  acknowledged.push(await ack(`${id}-pansel`, (k) => k.setPansel(SECRETARY, id, PANSEL, '800/15/BKD')));
  acknowledged.push(await ack(`${id}-plan`, (k) => k.submitPlan(SECRETARY, id)));
  await d.waitForStage(SECRETARY, id, 'PLAN_APPROVAL', 120_000);
  return {
    id,
    vacancyId: created.vacancies[0]!.id,
    workflowId: created.workflowId,
  };
}

const approvePlan = (id: string) =>
  ack(`${id}-plan-approved`, (k) =>
    k.overseerDecision(OVERSEER, id, {
      subject: 'PLAN',
      verdict: 'APPROVE',
      reason: 'Rencana seleksi sesuai ketentuan peraturan perundang-undangan',
      reference: 'B-15/KASN/12/2026',
    }),
  );

describe.skipIf(skip)('a round on the cluster', () => {
  // The round of the first test, which the second finishes after the worker upgrade.
  let round: {
    id: string;
    vacancyId: string;
    workflowId: string;
    applications: string[];
    acknowledged: Acknowledged[];
  };

  it(
    'carries a training round to the appointment choice while the Temporal frontend and PostgreSQL are killed with SIGKILL',
    { timeout: 900_000 },
    async () => {
      const acknowledged: Acknowledged[] = [];
      const t0 = Date.now();
      const phases: string[] = [];
      const phase = (name: string) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      const { id, vacancyId, workflowId } = await openRound('Seleksi Uji Klaster Penuh', acknowledged);
      acknowledged.push(await approvePlan(id));
      await d.waitForStage(SECRETARY, id, 'REGISTRATION_OPEN', 120_000);
      const applications = await Promise.all(
        CANDIDATES.map(
          async (c) =>
            must(
              await applyWithUploads(
                stack.url,
                d.token(c),
                vacancyId,
                ['APPLICATION_LETTER', 'CV'].map((kind) => ({
                  kind,
                  bytes: tinyPdf(`${kind} ${c}`),
                  name: `${kind}.pdf`,
                })),
              ),
            ).applyToVacancy.id,
        ),
      );
      await d.waitFor(
        SECRETARY,
        id,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
        180_000,
      );

      phase('screening');
      // 1. The Temporal frontend dies while three callers send screening decisions.
      let n = 0;
      let recovered = false;
      const override = (label: string) => {
        const a = applications[n++ % applications.length]!;
        return ack(`${id}-${label}`, (k) => k.overrideScreening(SECRETARY, id, a, true, `Uji klaster penuh ${label}`));
      };
      const streams = Promise.all(
        [0, 1, 2].map(async (s) => {
          for (let i = 0; !recovered || i < 2; i++) {
            acknowledged.push(await override(`screening-${s}-${i}`));
            await sleep(100);
          }
        }),
      );
      streams.catch(() => undefined); // awaited below
      await waitUntil(async () => acknowledged.length >= 6, {
        what: 'screening decisions flowing',
        timeoutMs: 120_000,
      });
      const frontend = temporalPid('frontend');
      await killAndAwaitRestart('temporal-frontend', frontend, () => temporalPid('frontend'));
      // Recovered once a decision sent after the restart is acknowledged.
      acknowledged.push(await override('after-frontend'));
      recovered = true;
      await streams;
      expect(stack.output.join('\n')).toMatch(
        new RegExp(`temporal-frontend: pid ${frontend} exited unexpectedly \\(signal SIGKILL\\)`),
      );
      acknowledged.push(await ack(`${id}-publish`, (k) => k.publishScreening(SECRETARY, id)));
      await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT', 180_000);

      phase('assessment');
      // 2. PostgreSQL (postmaster) dies while the assessment results and interview scores are sent.
      const scores = new Map(applications.map((a, i) => [a, 90 - 4 * i]));
      const today = localDateOf(new Date(), 'WITA');
      for (const [a, v] of scores) {
        acknowledged.push(
          await ack(`${id}-assessment-${a}`, (k) =>
            k.recordAssessment(SECRETARY, id, a, {
              managerial: v,
              socioCultural: v,
              paper: v,
              presentation: v,
              assessedAt: today,
            }),
          ),
        );
      }
      acknowledged.push(
        await ack(`${id}-complete-assessment`, (k) => k.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT')),
      );
      await d.waitForStage(SECRETARY, id, 'INTERVIEW', 180_000);
      const interviews = (async () => {
        for (const [i, m] of MEMBERS.entries()) {
          for (const [a, v] of scores) {
            acknowledged.push(
              await ack(`${id}-interview-${m}-${a}`, (k) => k.submitInterviewScore(m, id, a, v + (i - 2))),
            );
          }
        }
      })();
      interviews.catch(() => undefined); // awaited below
      const before = acknowledged.length;
      await waitUntil(async () => acknowledged.length >= before + 3, {
        what: 'interview scores flowing',
        timeoutMs: 120_000,
      });
      const postgres = stack.pidOf('postgres');
      await killAndAwaitRestart('postgres', postgres, () => stack.pidOf('postgres'));
      await interviews;
      expect(stack.output.join('\n')).toMatch(
        new RegExp(`\\[postgres\\] ERROR pid ${postgres} exited unexpectedly \\(signal SIGKILL\\)`),
      );
      acknowledged.push(await ack(`${id}-complete-interview`, (k) => k.completeStage(SECRETARY, id, 'INTERVIEW')));

      phase('track record');
      // 3. The rest of the round: track record, ranking, the overseer's recommendation, the appointment.
      await d.waitForStage(SECRETARY, id, 'TRACK_RECORD', 180_000);
      for (const [a, v] of scores) {
        acknowledged.push(
          await ack(`${id}-track-${a}`, (k) =>
            k.recordTrackRecord(SECRETARY, id, a, {
              score: v,
              findings: 'Tidak ditemukan catatan negatif dari atasan, rekan kerja, dan bawahan',
            }),
          ),
        );
      }
      acknowledged.push(await ack(`${id}-complete-track`, (k) => k.completeStage(SECRETARY, id, 'TRACK_RECORD')));
      const ranked = await d.waitForStage(SECRETARY, id, 'FINAL_OBJECTIONS', 180_000);
      expect(ranked.vacancies[0]!.shortlist).toEqual(applications.slice(0, 3));
      phase('final objections');
      await d.waitForStage(SECRETARY, id, 'OVERSEER_RECOMMENDATION', 180_000);
      acknowledged.push(
        await ack(`${id}-result-approved`, (k) =>
          k.overseerDecision(OVERSEER, id, {
            subject: 'RESULT',
            verdict: 'APPROVE',
            reason: 'Proses seleksi telah sesuai dengan sistem merit',
            reference: 'R-15/KASN/12/2026',
          }),
        ),
      );
      await d.waitForStage(SECRETARY, id, 'APPOINTMENT_CHOICE', 180_000);
      phase('appointment choice');
      console.log(
        `phases: ${phases.join(', ')}; ${acknowledged.length} decisions acknowledged, ` +
          `${acknowledged.filter((a) => a.attempts > 1).length} after a resend`,
      );
      await expectRecordedOnce(id, acknowledged);
      round = { id, vacancyId, workflowId, applications, acknowledged };
    },
  );

  it(
    'moves the round to a new worker build with worker:rollout, stops the old workers, and the round completes',
    { timeout: 600_000 },
    async () => {
      expect(round, 'the round of the first test').toBeDefined();
      const { id, vacancyId, workflowId, applications, acknowledged } = round;

      // The new build: the cluster's worker settings, its own health port, a new build id, no promotion by itself.
      const oldPids = ['worker-1', 'worker-2'].map((w) => stack.pidOf(w));
      const workerEnv = Object.fromEntries(
        readFileSync(`/proc/${oldPids[0]}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      ) as Record<string, string>;
      const healthPort = await freePort();
      const buildId = `wf-upgrade-${Date.now()}`;
      const worker = spawnLogged({
        name: 'worker-upgrade',
        command: process.execPath,
        args: ['--import', 'tsx', 'workflows/src/worker/main.ts'],
        cwd: repoRoot,
        env: {
          ...workerEnv,
          WORKER_HEALTH_PORT: String(healthPort),
          WORKER_BUILD_ID: buildId,
          WORKER_PROMOTE: 'never',
        },
        logFile: join(ARTIFACTS, 'round', 'worker-upgrade.log'),
      });
      extraWorkers.push(worker);
      await waitForHttpOk(`http://127.0.0.1:${healthPort}/healthz`, {
        timeoutMs: 180_000,
        what: 'the new worker',
        process: worker,
      });

      // What the cluster's workers poll, with their defaults (as `worker:rollout` reads it).
      const config: RolloutConfig = loadConfig(workerConfigSchema, workerEnv);
      const rollout = async (...args: string[]): Promise<RolloutStatus> => {
        const out: string[] = [];
        const code = await runRollout([...args, '--json'], config, (line) => out.push(line));
        expect(code, out.join('\n')).toBe(0);
        return JSON.parse(out.at(-1)!) as RolloutStatus;
      };
      const before = await rollout();
      const oldBuild = before.current;
      expect(oldBuild).toBeTruthy();
      expect(oldBuild).not.toBe(buildId);
      expect(before.versions.find((v) => v.buildId === buildId)).toMatchObject({
        status: 'INACTIVE',
      });
      expect((await rollout('--build-id', buildId, '--ramp', '0')).ramping).toEqual({ buildId, percentage: 0 });
      const switched = await rollout('--build-id', buildId);
      expect(switched.current).toBe(buildId);
      expect(switched.versions.find((v) => v.buildId === oldBuild)).toMatchObject({ canStop: true });

      // The old workers stop taking anything (an exited one would be restarted by its supervisor).
      for (const pid of oldPids) {
        process.kill(pid, 'SIGSTOP');
        frozen.push(pid);
      }

      // The rest of the round (the PPK's choice, the decree, the inauguration) runs on the new build alone.
      acknowledged.push(await ack(`${id}-appointee`, (k) => k.chooseAppointee(PPK, id, vacancyId, applications[0]!)));
      await d.waitForStage(SECRETARY, id, 'INAUGURATION', 180_000);
      const inauguration = localDateOf(new Date(Date.now() + 60 * 86_400_000), 'WITA');
      acknowledged.push(
        await ack(`${id}-inauguration`, (k) =>
          k.recordInauguration(SECRETARY, id, vacancyId, inauguration, 'Pendopo Lamin Etam, Samarinda'),
        ),
      );
      const done = await d.waitForStage(SECRETARY, id, 'COMPLETED', 180_000);
      expect(done.vacancies[0]).toMatchObject({ appointedApplicationId: applications[0] });
      expect(done.vacancies[0]!.decreeNumber).toBeTruthy();
      // The whole round: every acknowledged decision once, the chain intact.
      await expectRecordedOnce(id, acknowledged);

      const connection = await Connection.connect({
        address: config.TEMPORAL_ADDRESS,
      });
      try {
        const client = new Client({
          connection,
          namespace: config.TEMPORAL_NAMESPACE,
        });
        const builds: (string | undefined)[] = [];
        // The latest run (the round may have continued as new): every task after the switch on the new build.
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        for (const e of history.events ?? []) {
          const t = e.workflowTaskCompletedEventAttributes;
          if (t) builds.push(t.deploymentVersion?.buildId ?? undefined);
        }
        const firstNew = builds.indexOf(buildId);
        expect(firstNew, JSON.stringify(builds)).toBeGreaterThanOrEqual(0);
        expect(builds.slice(firstNew).every((b) => b === buildId)).toBe(true);
      } finally {
        await connection.close();
      }
      for (const pid of frozen.splice(0)) process.kill(pid, 'SIGCONT');

      // No workflow task failed for non-determinism on any worker.
      const logs = [
        readFileSync(worker.logFile, 'utf8'),
        ...['worker-1', 'worker-2'].map((w) => readFileSync(join(stack.dataDir, 'logs', `${w}.log`), 'utf8')),
      ].join('\n');
      expect(logs).not.toMatch(/TMPRL1100|[Nn]ondeterminism/);
    },
  );
});
