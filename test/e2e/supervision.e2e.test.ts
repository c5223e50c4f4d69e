/**
 * Supervision under `npm start`: while a training-mode round runs, every component of the embedded stack
 * is killed in turn with SIGKILL. Each time the supervisor restarts it, GraphQL answers again, the round's
 * state is readable, and no acknowledged decision is lost or doubled: decisions are sent before, during
 * and after each kill (the client resending each with its Idempotency-Key until it is acknowledged), and
 * each one is in the audit record exactly once.
 *
 * The stack is started exactly as `npm start` starts it (test/e2e/support/stack.ts), on its own ports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, waitForHttpOk, waitUntil } from '@seleksi/dev';
import { startE2eStack, type E2eStack } from './support/stack';
import {
  applyWithPdfs,
  auditOf,
  decideUntilAcknowledged,
  DEMO_CANDIDATES,
  DEMO_SECRETARY,
  openDemoRound,
  processAlive,
  signInDemoRound,
  type Acknowledged,
} from '../support/demo-round';
import { must, SelectionDriver } from '../support/selection-driver';

// A browser round has no queue of applications: a short late-receipt grace keeps it quick.
process.env.LATE_RECEIPT_GRACE_SECONDS ??= '10';

/** Every supervised component of `npm start`, by the name of its pid file in <data>/run. One line each. */
const COMPONENTS = [
  'worker',
  'gateway',
  'candidate',
  'assessment',
  'document',
  'ferretdb',
  'postgres',
  'temporal',
] as const;

const SECRETARY = DEMO_SECRETARY;
const CANDIDATES = DEMO_CANDIDATES;

let stack: E2eStack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startE2eStack('supervision', 240_000);
  // Requests that hang while a component is down are given up after a minute (and resent by the callers).
  d = await signInDemoRound(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

function pidOf(component: string): number {
  return Number(readFileSync(join(stack.dataDir, 'run', `${component}.pid`), 'utf8').trim());
}

/** Every component's own readiness (the ports npm start gave them). */
async function everyComponentReady(): Promise<void> {
  const p = stack.ports;
  const urls = [
    `http://127.0.0.1:${p.CANDIDATE_PORT}/readyz`,
    `http://127.0.0.1:${p.ASSESSMENT_PORT}/readyz`,
    `http://127.0.0.1:${p.DOCUMENT_PORT}/readyz`,
    `http://127.0.0.1:${p.WORKER_HEALTH_PORT}/healthz`,
    `http://127.0.0.1:${p.GATEWAY_PORT}/readyz`,
  ];
  await Promise.all(urls.map((url) => waitForHttpOk(url, { timeoutMs: 120_000, what: url })));
}

/** A screening override by the secretary, resent with its own idempotency key until acknowledged. */
function decide(selectionId: string, applicationId: string, label: string): Promise<Acknowledged> {
  return decideUntilAcknowledged(d, SECRETARY, selectionId, applicationId, {
    label,
    key: `e2e-${label}`,
    reason: `Uji supervisi ${label}`,
  });
}

describe('npm start under SIGKILL', () => {
  it(
    'restarts each killed component; the round goes on and every acknowledged decision is recorded once',
    { timeout: 600_000 },
    async () => {
      // A training-mode round (a day lasts 2 s) brought to the administrative screening by its timers.
      const { selectionId: s, vacancyId } = await openDemoRound(d, `Seleksi Uji Supervisi ${Date.now()}`);
      const applications = await Promise.all(CANDIDATES.map((c) => applyWithPdfs(d, stack.url, c, vacancyId)));
      await d.waitFor(
        SECRETARY,
        s,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
        120_000,
      );

      const acknowledged: Acknowledged[] = [];
      const recoveries: Record<string, number> = {};
      let n = 0;
      const next = () => applications[n++ % applications.length]!;
      for (const component of COMPONENTS) {
        acknowledged.push(await decide(s, next(), `${component}-before`));

        // Decisions keep coming while the component dies and comes back.
        let killed = false;
        let recovered = false;
        const during = (async () => {
          for (let i = 0; !recovered || i < 2; i++) {
            acknowledged.push(await decide(s, next(), `${component}-during-${i}`));
            if (!killed) await sleep(200);
          }
        })();
        during.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
        await sleep(300);

        const pid = pidOf(component);
        const t = Date.now();
        process.kill(pid, 'SIGKILL');
        killed = true;
        await waitUntil(async () => !processAlive(pid), { what: `${component} ${pid} gone`, timeoutMs: 10_000 });
        await waitUntil(async () => pidOf(component) !== pid && processAlive(pidOf(component)), {
          what: `${component} restarted`,
          timeoutMs: 60_000,
        });
        await everyComponentReady();
        // GraphQL answers and the round's state is readable again.
        await waitUntil(
          async () => (await d.process(SECRETARY, s)).data?.selectionProcess?.stage === 'ADMINISTRATIVE_SCREENING',
          {
            what: `selectionProcess after killing ${component}`,
            timeoutMs: 120_000,
            intervalMs: 500,
          },
        );
        recoveries[component] = (Date.now() - t) / 1000;
        recovered = true;
        await during;
        acknowledged.push(await decide(s, next(), `${component}-after`));
      }
      console.log(
        `recovery (kill → every component ready and the round readable), s: ${JSON.stringify(recoveries)}; ` +
          `${acknowledged.length} decisions acknowledged, ${acknowledged.filter((a) => a.attempts > 1).length} of them after a resend`,
      );

      // The supervisor said what it did, under each component's name.
      for (const component of COMPONENTS) {
        expect(stack.output.join('\n')).toMatch(
          new RegExp(`\\[${component}\\] ERROR pid \\d+ exited unexpectedly \\(signal SIGKILL\\).*restart 1 in`),
        );
      }

      // No acknowledged decision lost or doubled.
      const audit = (await auditOf(d, SECRETARY, s)).filter((e) => e.kind === 'SCREENING_OVERRIDDEN');
      for (const a of acknowledged) {
        const entries = audit.filter((e) => e.decisionId === a.decisionId);
        expect(entries, `${a.label} ${a.decisionId}`).toHaveLength(1);
        expect(entries[0]!.reason).toBe(`Uji supervisi ${a.label}`);
        expect(
          audit.filter((e) => e.reason === `Uji supervisi ${a.label}`),
          a.label,
        ).toHaveLength(1);
      }
      expect(new Set(acknowledged.map((a) => a.decisionId)).size).toBe(acknowledged.length);
      expect(audit).toHaveLength(acknowledged.length);

      // The round goes on: the screening is published and its objection window closes by its timer.
      must(await d.publishScreening(SECRETARY, s));
      await d.waitForStage(SECRETARY, s, 'COMPETENCY_ASSESSMENT', 120_000);
    },
  );
});
