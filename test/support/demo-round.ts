/**
 * Client side of the tests that drive the demo installation of `npm start` or `npm run start:cluster` while its
 * components are killed (test/e2e/supervision, test/cluster): the demo accounts, a sign-in whose requests give up,
 * decisions resent with their idempotency key until acknowledged, the paged audit, an application with PDFs.
 */
import { localDateOf } from '@seleksi/domain';
import { sleep } from '@seleksi/dev';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './launcher';
import { tinyPdf } from '../e2e/support/pdf';
import { graphqlClient, type GraphQLResult, type Stack } from './stack';
import { must, SelectionDriver } from './selection-driver';

export { processAlive } from './launcher';

/** The demo secretary, overseer and candidates as start.ts seeds them. */
export const DEMO_SECRETARY = 'user-sekretariat';
export const DEMO_OVERSEER = 'user-pengawas';
export const DEMO_CANDIDATES = [1, 2, 3, 4].map((n) => `user-peserta-${n}`);
export const DEMO_ROUND_USERS = [
  { id: DEMO_SECRETARY, email: `sekretariat@${DEMO_DOMAIN}` },
  { id: DEMO_OVERSEER, email: `pengawas@${DEMO_DOMAIN}` },
  ...DEMO_CANDIDATES.map((id, i) => ({ id, email: `peserta${i + 1}@${DEMO_DOMAIN}` })),
];
/** The demo Pansel accounts as a Pansel of five (chair first). */
export const DEMO_ROUND_PANSEL = [1, 2, 3, 4, 5].map((n) => ({
  id: `pansel-${n}`,
  userId: `user-pansel-${n}`,
  name: `Anggota Pansel ${n}`,
  institution: n <= 3 ? 'Universitas Mulawarman' : 'Sekretariat Daerah Provinsi Kalimantan Timur',
  internal: n > 3,
  partyMember: false,
  role: n === 1 ? ('CHAIR' as const) : ('MEMBER' as const),
}));

/**
 * The demo round's users signed in at `baseUrl`, each request given up after `answerTimeoutMs` (a request caught by
 * a kill would otherwise hang; the callers resend).
 */
export async function signInDemoRound(baseUrl: string, answerTimeoutMs = 60_000): Promise<SelectionDriver> {
  return SelectionDriver.signInExisting(
    { gql: gqlGivingUp(baseUrl, answerTimeoutMs) },
    DEMO_ROUND_USERS,
    DEMO_PASSWORD,
  );
}

/** GraphQL at `baseUrl` whose requests are given up after `answerTimeoutMs` (callers caught by a kill resend). */
export function gqlGivingUp(baseUrl: string, answerTimeoutMs: number): Stack['gql'] {
  const gql = graphqlClient(baseUrl);
  return async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>> => {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${answerTimeoutMs / 1000} s`)), answerTimeoutMs);
    });
    try {
      return await Promise.race([gql<T>(query, variables, token, headers), givenUp]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * A training-mode round of the demo agency (a day lasts 2 s, the plan waits for the overseer, no timer decides it)
 * carried to open registration; answers its selection and vacancy ids.
 */
export function openDemoRound(d: SelectionDriver, title: string): Promise<{ selectionId: string; vacancyId: string }> {
  return d.openTrainingRound({ secretary: DEMO_SECRETARY, overseer: DEMO_OVERSEER }, DEMO_ROUND_PANSEL, {
    title,
    announcementDate: localDateOf(new Date(), 'WITA'),
    vacancy: {
      position: 'Kepala Dinas Komunikasi dan Informatika',
      unit: 'Dinas Komunikasi dan Informatika',
      field: 'Komunikasi',
    },
    secondsPerDay: 2,
    rules: { registrationDays: 3, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
  });
}

export interface Acknowledged {
  label: string;
  decisionId: string;
  /** The decision's kind, when its answer carries one. */
  kind?: string;
  /** Sends it took, the earlier ones included. */
  attempts: number;
}

/** A decision mutation's answer: its one field holds the recorded decision. */
type DecisionAnswer = GraphQLResult<Record<string, { decisionId: string; kind?: string } | null | undefined>>;

/**
 * One decision sent by `send` with the idempotency key `key` and resent with it until acknowledged, as a client does
 * after a time-out. `earlierAttempts`: sends of it made before (counted in `attempts`). A refusal whose code is in
 * `finalCodes` is the workflow's answer: it fails rather than resending.
 */
export async function sendUntilAcknowledged(
  d: SelectionDriver,
  send: (keyed: SelectionDriver) => Promise<DecisionAnswer>,
  o: {
    label: string;
    key: string;
    finalCodes?: readonly string[];
    earlierAttempts?: number;
    intervalMs?: number;
    timeoutMs?: number;
  },
): Promise<Acknowledged> {
  const keyed = d.withIdempotencyKey(o.key);
  const finalCodes = o.finalCodes ?? ['WRONG_STAGE', 'VALIDATION_FAILED', 'FORBIDDEN'];
  const deadline = Date.now() + (o.timeoutMs ?? 180_000);
  let last: GraphQLResult<unknown> | Error | undefined;
  for (let attempts = (o.earlierAttempts ?? 0) + 1; Date.now() < deadline; attempts++) {
    try {
      const r = await send(keyed);
      const decision = r.data && Object.values(r.data)[0];
      if (decision && !r.errors?.length)
        return { label: o.label, decisionId: decision.decisionId, kind: decision.kind, attempts };
      last = r;
      if (finalCodes.includes(String(r.errors?.[0]?.extensions?.code))) break;
    } catch (err) {
      last = err as Error;
    }
    await sleep(o.intervalMs ?? 500);
  }
  throw new Error(
    `decision ${o.label} not acknowledged: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
  );
}

/** A screening override by `as` whose reason is `reason`, sent until acknowledged (see sendUntilAcknowledged). */
export function decideUntilAcknowledged(
  d: SelectionDriver,
  as: string,
  selectionId: string,
  applicationId: string,
  o: { label: string; key: string; reason: string; earlierAttempts?: number; intervalMs?: number; timeoutMs?: number },
): Promise<Acknowledged> {
  return sendUntilAcknowledged(d, (k) => k.overrideScreening(as, selectionId, applicationId, true, o.reason), o);
}

export interface AuditEntry {
  decisionId: string;
  kind: string;
  reason: string | null;
  by: { userId: string };
}

interface AuditPage {
  selectionAudit: { edges: { node: AuditEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** The selection's whole audit as `as` reads it, page after page. */
export async function auditOf(d: SelectionDriver, as: string, selectionId: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const r: AuditPage = must(
      await d.gql<AuditPage>(
        as,
        `query($s: ID!, $after: String) { selectionAudit(selectionId: $s, first: 500, after: $after) {
          edges { node { decisionId kind reason by { userId } } } pageInfo { hasNextPage endCursor } } }`,
        { s: selectionId, after },
      ),
    );
    out.push(...r.selectionAudit.edges.map((e) => e.node));
    if (!r.selectionAudit.pageInfo.hasNextPage) return out;
    after = r.selectionAudit.pageInfo.endCursor;
  }
}

/** An application with its two required PDFs, as the portal sends it (GraphQL multipart), through `baseUrl`. */
export async function applyWithPdfs(
  d: SelectionDriver,
  baseUrl: string,
  candidate: string,
  vacancyId: string,
): Promise<string> {
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
