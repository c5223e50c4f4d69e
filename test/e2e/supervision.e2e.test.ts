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
import { localDateOf } from '@seleksi/domain';
import { sleep, waitForHttpOk, waitUntil } from '@seleksi/dev';
import { DEMO_DOMAIN, DEMO_PASSWORD, startE2eStack, type E2eStack } from './support/stack';
import { tinyPdf } from './support/pdf';
import { graphqlClient, type GraphQLResult } from '../support/stack';
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

let stack: E2eStack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startE2eStack('supervision', 240_000);
  const gql = graphqlClient(stack.url);
  // Requests that hang while a component is down are given up after a minute (and resent by the callers).
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

function pidOf(component: string): number {
  return Number(readFileSync(join(stack.dataDir, 'run', `${component}.pid`), 'utf8').trim());
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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

interface Acknowledged {
  label: string;
  decisionId: string;
  attempts: number;
}

/**
 * One decision (a screening override whose reason carries `label`), sent with its own idempotency key
 * and resent with the same key until acknowledged, as a client does after a time-out.
 */
async function decide(selectionId: string, applicationId: string, label: string): Promise<Acknowledged> {
  const keyed = d.withIdempotencyKey(`e2e-${label}`);
  const deadline = Date.now() + 180_000;
  let last: GraphQLResult<unknown> | Error | undefined;
  for (let attempts = 1; Date.now() < deadline; attempts++) {
    try {
      const r = await keyed.overrideScreening(SECRETARY, selectionId, applicationId, true, `Uji supervisi ${label}`);
      if (r.data?.overrideScreening) return { label, decisionId: r.data.overrideScreening.decisionId, attempts };
      last = r;
      // A refusal by the workflow is an answer: the test fails on it rather than resending.
      const code = r.errors?.[0]?.extensions?.code;
      if (code === 'WRONG_STAGE' || code === 'VALIDATION_FAILED' || code === 'FORBIDDEN') break;
    } catch (err) {
      last = err as Error;
    }
    await sleep(500);
  }
  throw new Error(`decision ${label} not acknowledged: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** An application with its two required PDFs, as the portal sends it (GraphQL multipart). */
async function applyWithPdfs(candidate: string, vacancyId: string): Promise<string> {
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
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d.token(candidate)}` },
    body: form,
  });
  return must((await res.json()) as GraphQLResult<{ applyToVacancy: { id: string } }>).applyToVacancy.id;
}

interface AuditEntry {
  decisionId: string;
  kind: string;
  reason: string | null;
}

interface AuditPage {
  selectionAudit: { edges: { node: AuditEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function auditOf(selectionId: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const r: AuditPage = must(
      await d.gql<AuditPage>(
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

describe('npm start under SIGKILL', () => {
  it(
    'restarts each killed component; the round goes on and every acknowledged decision is recorded once',
    { timeout: 600_000 },
    async () => {
      // A training-mode round (a day lasts 2 s) brought to the administrative screening by its timers.
      const created = must(
        await d.createSelection(SECRETARY, {
          title: `Seleksi Uji Supervisi ${Date.now()}`,
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
      const s = created.id;
      await d.openRegistration(s, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
      const applications = await Promise.all(CANDIDATES.map((c) => applyWithPdfs(c, created.vacancies[0]!.id)));
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
        await waitUntil(async () => !alive(pid), { what: `${component} ${pid} gone`, timeoutMs: 10_000 });
        await waitUntil(async () => pidOf(component) !== pid && alive(pidOf(component)), {
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
      const audit = (await auditOf(s)).filter((e) => e.kind === 'SCREENING_OVERRIDDEN');
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
