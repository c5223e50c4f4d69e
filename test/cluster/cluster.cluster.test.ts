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
import { localDateOf } from '@seleksi/domain';
import { sleep, waitForHttpOk, waitUntil } from '@seleksi/dev';
import { graphqlClient, type GraphQLResult } from '../support/stack';
import { must, SelectionDriver } from '../support/selection-driver';
import { tinyPdf } from '../e2e/support/pdf';
import { DEMO_DOMAIN, DEMO_PASSWORD, startClusterStack, type ClusterStack } from './support/cluster';
import type { ProxyHealth } from '../../infra/dev/src/cluster/proxy';

const SECRETARY = 'user-sekretariat';
const OVERSEER = 'user-pengawas';
const CANDIDATES = [1, 2, 3, 4].map((n) => `user-peserta-${n}`);
const USERS = [
  { id: SECRETARY, email: `sekretariat@${DEMO_DOMAIN}` },
  { id: OVERSEER, email: `pengawas@${DEMO_DOMAIN}` },
  ...CANDIDATES.map((id, i) => ({ id, email: `peserta${i + 1}@${DEMO_DOMAIN}` })),
];
const PANSEL = [1, 2, 3, 4, 5].map((n) => ({
  id: `pansel-${n}`,
  userId: `user-pansel-${n}`,
  name: `Anggota Pansel ${n}`,
  institution: n <= 3 ? 'Universitas Mulawarman' : 'Sekretariat Daerah Provinsi Kalimantan Timur',
  internal: n > 3,
  partyMember: false,
  role: n === 1 ? ('CHAIR' as const) : ('MEMBER' as const),
}));

let stack: ClusterStack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startClusterStack('cluster', { LATE_RECEIPT_GRACE_SECONDS: '10' });
  const gql = graphqlClient(stack.url);
  // A request caught by a kill is given up after a minute (and resent by the callers).
  const withTimeout = <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>> =>
    Promise.race([
      gql<T>(query, variables, token, headers),
      sleep(60_000).then((): never => {
        throw new Error('no answer within 60 s');
      }),
    ]);
  d = await SelectionDriver.signInExisting({ gql: withTimeout }, USERS, DEMO_PASSWORD);
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

/** An application with its two required PDFs, as the portal sends it (GraphQL multipart), through `baseUrl`. */
async function applyWithPdfs(baseUrl: string, candidate: string, vacancyId: string): Promise<string> {
  const kinds = ['APPLICATION_LETTER', 'CV'];
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query:
        'mutation($v: ID!, $docs: [ApplicationDocumentInput!]) { applyToVacancy(vacancyId: $v, documents: $docs) { id } }',
      variables: { v: vacancyId, docs: kinds.map((kind) => ({ kind, file: null })) },
    }),
  );
  form.set('map', JSON.stringify(Object.fromEntries(kinds.map((_, i) => [String(i), [`variables.docs.${i}.file`]]))));
  kinds.forEach((kind, i) =>
    form.set(
      String(i),
      new Blob([new Uint8Array(tinyPdf(`${kind} ${candidate}`))], { type: 'application/pdf' }),
      `${kind}.pdf`,
    ),
  );
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d.token(candidate)}` },
    body: form,
  });
  return must((await res.json()) as GraphQLResult<{ applyToVacancy: { id: string } }>).applyToVacancy.id;
}

interface Acknowledged {
  label: string;
  decisionId: string;
  attempts: number;
}

/**
 * A screening override sent with its own idempotency key, resent with it until acknowledged.
 * `earlierAttempts`: sends of it made before (see holdDecision), counted in `attempts`.
 */
async function decide(
  selectionId: string,
  applicationId: string,
  label: string,
  earlierAttempts = 0,
): Promise<Acknowledged> {
  const keyed = d.withIdempotencyKey(`cluster-${label}`);
  const deadline = Date.now() + 180_000;
  let last: GraphQLResult<unknown> | Error | undefined;
  for (let attempts = earlierAttempts + 1; Date.now() < deadline; attempts++) {
    try {
      const r = await keyed.overrideScreening(SECRETARY, selectionId, applicationId, true, `Uji klaster ${label}`);
      if (r.data?.overrideScreening) return { label, decisionId: r.data.overrideScreening.decisionId, attempts };
      last = r;
      const code = r.errors?.[0]?.extensions?.code;
      if (code === 'WRONG_STAGE' || code === 'VALIDATION_FAILED' || code === 'FORBIDDEN') break;
    } catch (err) {
      last = err as Error;
    }
    await sleep(300);
  }
  throw new Error(`decision ${label} not acknowledged: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
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

interface AuditEntry {
  decisionId: string;
  kind: string;
  reason: string | null;
}

async function auditOf(selectionId: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const r: {
      selectionAudit: { edges: { node: AuditEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = must(
      await d.gql(
        SECRETARY,
        `query($s: ID!, $after: String) { selectionAudit(selectionId: $s, first: 500, after: $after) {
          edges { node { decisionId kind reason } } pageInfo { hasNextPage endCursor } } }`,
        { s: selectionId, after },
      ),
    );
    out.push(...r.selectionAudit.edges.map((e) => e.node));
    if (!r.selectionAudit.pageInfo.hasNextPage) return out;
    after = r.selectionAudit.pageInfo.endCursor;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
      const created = must(
        await d.createSelection(SECRETARY, {
          title: `Seleksi Uji Klaster ${Date.now()}`,
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
          rules: { registrationDays: 3, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
        }),
      ).createSelection;
      selectionId = created.id;
      await d.openRegistration(selectionId, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
      const vacancyId = created.vacancies[0]!.id;
      applications = await Promise.all(CANDIDATES.map((c) => applyWithPdfs(stack.url, c, vacancyId)));

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
      await waitUntil(async () => pids.every((p) => !alive(p)), { what: 'killed processes gone', timeoutMs: 10_000 });
      // The kill cut the held request off unanswered; its resend (same key, through the proxy) is below.
      expect(await held.outcome).toMatch(/^failed /);
      await waitUntil(async () => victims.every((v, i) => stack.pidOf(v) !== pids[i] && alive(stack.pidOf(v))), {
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
      const audit = (await auditOf(selectionId)).filter((e) => e.kind === 'SCREENING_OVERRIDDEN');
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
