/**
 * The multi-instance topology as `npm run start:cluster` starts it: two gateways behind the reverse proxy,
 * two workers, one store and one Temporal (test/cluster/support/cluster.ts).
 * - A candidate applies through the proxy (GraphQL multipart with PDFs) while subscriptions on each gateway
 *   directly, and one through the proxy, receive the application's status change.
 * - kill −9 of one gateway and one worker while decisions flow through the proxy: each decision resent with
 *   its Idempotency-Key until acknowledged (one of them certainly in flight on the killed gateway); every
 *   acknowledged one is in the audit record exactly once, the audit chain verifies intact, and the round goes on.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, waitForHttpOk, waitUntil } from '@seleksi/dev';
import { must, SelectionDriver } from '../support/selection-driver';
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
import { startClusterStack, type ClusterStack } from './support/cluster';
import type { ProxyHealth } from '../../infra/dev/src/cluster/proxy';

const SECRETARY = DEMO_SECRETARY;
const CANDIDATES = DEMO_CANDIDATES;

let stack: ClusterStack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startClusterStack('cluster', { LATE_RECEIPT_GRACE_SECONDS: '10' });
  // A request caught by a kill is given up after a minute (and resent by the callers).
  d = await signInDemoRound(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

interface SseEvent {
  event: string;
  data: { data?: { applicationStatusChanged?: { status: string; at: string } }; errors?: unknown[] } | null;
}

/** A GraphQL subscription over SSE at `baseUrl`, collecting its events until closed. */
async function subscribe(baseUrl: string, query: string, variables: Record<string, unknown>, token: string) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: SseEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event) events.push({ event, data: data ? (JSON.parse(data) as SseEvent['data']) : null });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => abort.abort() };
}

/** A screening override by the secretary, resent with its own idempotency key until acknowledged. */
function decide(selectionId: string, applicationId: string, label: string, earlierAttempts = 0): Promise<Acknowledged> {
  return decideUntilAcknowledged(d, SECRETARY, selectionId, applicationId, {
    label,
    key: `cluster-${label}`,
    reason: `Uji klaster ${label}`,
    earlierAttempts,
    intervalMs: 300,
  });
}

/**
 * The same override as `decide(…, label)` sent straight to one gateway, all of it but its last byte: the
 * request is certainly in flight on that gateway (it waits for the rest of its body) until it dies.
 * `outcome` answers how the request ended: its HTTP status, or the connection error.
 */
function holdDecision(
  gatewayUrl: string,
  selectionId: string,
  applicationId: string,
  label: string,
): { sent: Promise<void>; outcome: Promise<string> } {
  const body = Buffer.from(
    JSON.stringify({
      query: `mutation($s: ID!, $a: ID!, $e: Boolean!, $r: String!) {
        overrideScreening(selectionId: $s, applicationId: $a, eligible: $e, reason: $r) { decisionId } }`,
      variables: { s: selectionId, a: applicationId, e: true, r: `Uji klaster ${label}` },
    }),
  );
  let sent!: () => void;
  const sentP = new Promise<void>((r) => (sent = r));
  const outcome = new Promise<string>((resolve) => {
    const req = request(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        authorization: `Bearer ${d.token(SECRETARY)}`,
        'idempotency-key': `cluster-${label}`,
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(`failed ${err.code ?? err.message}`));
    req.flushHeaders();
    req.write(body.subarray(0, body.length - 1), () => sent());
  });
  return { sent: sentP, outcome };
}

interface AuditVerification {
  ok: boolean;
  length: number;
  firstBroken: { seq: number; problem: string } | null;
}

describe('npm run start:cluster', () => {
  let selectionId: string;
  let applications: string[];

  it('serves the portal, GraphQL and both gateways through the proxy', async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // On loopback without a forwarding header: the operator's view, with the gateways' internal URLs.
    const health = (await (await fetch(`${stack.url}/proxy/healthz`)).json()) as ProxyHealth;
    expect(health.targets.map((t) => [t.name, t.url])).toEqual(
      stack.gatewayUrls.map((u, i) => [`gateway-${i + 1}`, u]),
    );
    // Relayed by a front proxy (a client from outside): names only.
    const relayed = await (
      await fetch(`${stack.url}/proxy/healthz`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    ).text();
    for (const u of stack.gatewayUrls) expect(relayed).not.toContain(u);
    expect((JSON.parse(relayed) as ProxyHealth).targets.map((t) => t.name)).toEqual(['gateway-1', 'gateway-2']);
    expect(health.targets.every((t) => t.healthy)).toBe(true);
    // Round-robin: the seed and the sign-ins went through both.
    expect(health.targets.every((t) => t.requests > 0)).toBe(true);
  });

  it(
    'delivers a status change to subscribers on either gateway while the candidate applies through the proxy',
    { timeout: 300_000 },
    async () => {
      let vacancyId: string;
      ({ selectionId, vacancyId } = await openDemoRound(d, `Seleksi Uji Klaster ${Date.now()}`));
      applications = await Promise.all(CANDIDATES.map((c) => applyWithPdfs(d, stack.url, c, vacancyId)));

      // The first candidate follows their application on each gateway directly and through the proxy.
      const query = 'subscription($a: ID!) { applicationStatusChanged(applicationId: $a) { status at } }';
      const token = d.token(CANDIDATES[0]!);
      const subs = await Promise.all(
        [...stack.gatewayUrls, stack.url].map((u) => subscribe(u, query, { a: applications[0] }, token)),
      );
      try {
        // Registration closes by its timer; the worker that runs it projects the new status into the feed.
        const statusOf = (e: SseEvent) => e.data?.data?.applicationStatusChanged?.status;
        await waitUntil(async () => subs.every((s) => s.events.some((e) => statusOf(e) === 'AWAITING_SCREENING')), {
          what: 'AWAITING_SCREENING on every subscription',
          timeoutMs: 120_000,
        });
        const seen = subs.map((s) => s.events.find((e) => statusOf(e) === 'AWAITING_SCREENING')!.data);
        expect(seen[1]).toEqual(seen[0]);
        expect(seen[2]).toEqual(seen[0]);
        for (const s of subs) expect(s.events.filter((e) => e.data?.errors)).toEqual([]);
      } finally {
        for (const s of subs) s.close();
      }
    },
  );

  it(
    'loses or doubles no acknowledged decision when a gateway and a worker are killed with SIGKILL',
    { timeout: 600_000 },
    async () => {
      await d.waitFor(
        SECRETARY,
        selectionId,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
        120_000,
      );
      const acknowledged: Acknowledged[] = [];
      let n = 0;
      const next = () => applications[n++ % applications.length]!;
      for (let i = 0; i < 3; i++) acknowledged.push(await decide(selectionId, next(), `before-${i}`));

      let recovered = false;
      // Three callers at once, so that some requests are in flight on the gateway when it dies.
      const during = Promise.all(
        [0, 1, 2].map(async (stream) => {
          for (let i = 0; !recovered || i < 2; i++) {
            acknowledged.push(await decide(selectionId, next(), `during-${stream}-${i}`));
            await sleep(100);
          }
        }),
      );
      during.catch(() => undefined); // awaited below
      // The callers' requests may or may not be on gateway-1 at the kill (round-robin, timing); this one is.
      const heldApplication = next();
      const held = holdDecision(stack.gatewayUrls[0]!, selectionId, heldApplication, 'in-flight');
      await held.sent;
      await sleep(500);

      const victims = ['gateway-1', 'worker-1'];
      const pids = victims.map((v) => stack.pidOf(v));
      const t = Date.now();
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await waitUntil(async () => pids.every((p) => !processAlive(p)), {
        what: 'killed processes gone',
        timeoutMs: 10_000,
      });
      // The kill cut the held request off unanswered; its resend (same key, through the proxy) is below.
      expect(await held.outcome).toMatch(/^failed /);
      await waitUntil(async () => victims.every((v, i) => stack.pidOf(v) !== pids[i] && processAlive(stack.pidOf(v))), {
        what: 'gateway-1 and worker-1 restarted',
        timeoutMs: 60_000,
      });
      const worker1 = stack.topology.processes.find((p) => p.name === 'worker')!.instances[0]!.ports.health!;
      await waitForHttpOk(`${stack.gatewayUrls[0]}/readyz`, { timeoutMs: 120_000, what: 'gateway-1 ready' });
      await waitForHttpOk(`http://127.0.0.1:${worker1}/healthz`, { timeoutMs: 120_000, what: 'worker-1 ready' });
      await waitUntil(
        async () => {
          const h = (await (await fetch(`${stack.url}/proxy/healthz`)).json()) as { targets: { healthy: boolean }[] };
          return h.targets.every((x) => x.healthy);
        },
        { what: 'gateway-1 back in the proxy rotation', timeoutMs: 30_000 },
      );
      const recoverySeconds = (Date.now() - t) / 1000;
      recovered = true;
      await during;
      const resent = await decide(selectionId, heldApplication, 'in-flight', 1);
      acknowledged.push(resent);
      for (let i = 0; i < 3; i++) acknowledged.push(await decide(selectionId, next(), `after-${i}`));
      console.log(
        `recovery (kill → both restarted, ready and back in rotation): ${recoverySeconds.toFixed(1)} s; ` +
          `${acknowledged.length} decisions acknowledged, ${acknowledged.filter((a) => a.attempts > 1).length} after a resend`,
      );

      for (const v of victims) {
        expect(stack.output.join('\n')).toMatch(
          new RegExp(`\\[${v}\\] ERROR pid \\d+ exited unexpectedly \\(signal SIGKILL\\).*restart 1 in`),
        );
      }
      const audit = (await auditOf(d, SECRETARY, selectionId)).filter((e) => e.kind === 'SCREENING_OVERRIDDEN');
      for (const a of acknowledged) {
        const entries = audit.filter((e) => e.decisionId === a.decisionId);
        expect(entries, `${a.label} ${a.decisionId}`).toHaveLength(1);
        expect(entries[0]!.reason).toBe(`Uji klaster ${a.label}`);
        expect(
          audit.filter((e) => e.reason === `Uji klaster ${a.label}`),
          a.label,
        ).toHaveLength(1);
      }
      expect(new Set(acknowledged.map((a) => a.decisionId)).size).toBe(acknowledged.length);
      expect(audit).toHaveLength(acknowledged.length);
      // At least one resend: the decision in flight at the kill.
      expect(resent.attempts).toBeGreaterThan(1);
      expect(acknowledged.filter((a) => a.attempts > 1).length).toBeGreaterThanOrEqual(1);
      // The round's audit chain is intact across the kill and holds at least every acknowledged decision.
      const chain = must(
        await d.gql<{ verifyAudit: AuditVerification }>(
          SECRETARY,
          'query($s: ID!) { verifyAudit(selectionId: $s) { ok length firstBroken { seq problem } } }',
          { s: selectionId },
        ),
      ).verifyAudit;
      expect(chain.firstBroken).toBeNull();
      expect(chain.ok).toBe(true);
      expect(chain.length).toBeGreaterThanOrEqual(acknowledged.length);

      // The round goes on: the screening is published and its objection window closes by its timer.
      must(await d.publishScreening(SECRETARY, selectionId));
      await d.waitForStage(SECRETARY, selectionId, 'COMPETENCY_ASSESSMENT', 180_000);
    },
  );
});
