/**
 * Several instances of a process on one store (issue 15): what each instance kept in memory before and
 * now keeps in the shared store, shown with two gateways and two document services side by side on the
 * real Temporal dev server and FerretDB.
 * - A BUSY answer's receipt time survives the resend landing on the other gateway.
 * - Concurrent document-number claims through two document services never collide.
 * - An account's one-time link is mailed once although two gateways' notifiers race for it.
 * - A burst of wrong passwords through both gateways is capped at the one account limit.
 * - A sign-out or a deactivation through one gateway ends the session the other had checked and cached,
 *   at its next read of the sign-in change feed (not 30 s later).
 * (The whole topology behind the reverse proxy, subscriptions and kill −9: test/cluster/.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { localDateOf } from '@seleksi/domain';
import { createLogger, DocumentClient, operatorServiceAuth, stopTestService, type RunningService } from '@seleksi/kit';
import type { RunningGateway } from '@seleksi/gateway';
import { NoticePreferences, Notifier } from '../gateway/src/notices/notifier';
import { loadDocumentConfig, startDocumentService } from '@seleksi/document-service';
import { sampleRequest } from '../services/document/src/pdf/test-fixtures';
import {
  eventually,
  graphqlClient,
  startAnotherGateway,
  startStack,
  type GraphQLResult,
  type Stack,
} from './support/stack';
import { seedEligibleCandidates, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';

const AGENCY = testAgency('MIPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('mi');
const SECRETARY = 'mi-sec';
const OVERSEER = 'mi-overseer';
const ADMIN = 'mi-admin';
const LEAVER = 'mi-leaver';
/** Signed in and out by the sign-in change tests (the burst test locks the overseer out for a while). */
const ROAMER = 'mi-roamer';
const cand = (n: number) => `mi-cand-${n}`;
const asn = (n: number) => `mi-asn-${n}`;
const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  testUser(LEAVER, 'PANSEL_MEMBER', null),
  testUser(ROAMER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...[1, 2].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];
const APPLY = 'mutation($v: ID!) { applyToVacancy(vacancyId: $v) { id receivedAt } }';

let stack: Stack;
/** The second gateway: same store, secret, task queue and services as stack.gateway. */
let other: RunningGateway;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'multi',
    // The first gateway: one apply slot and no waiting line, so a held slot makes it answer BUSY.
    gateway: { APPLY_CONCURRENCY: '1', APPLY_QUEUE_MAX: '0', LATE_RECEIPT_GRACE_SECONDS: '60' },
  });
  other = await startAnotherGateway(stack, { APPLY_CONCURRENCY: '32', APPLY_QUEUE_MAX: '4000' });
  await seedEligibleCandidates(stack.clients.candidate, AGENCY, [
    { id: asn(1), i: 71 },
    { id: asn(2), i: 72 },
  ]);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
}, 180_000);

afterAll(async () => {
  await other?.close();
  await stack?.close();
});

describe('two gateways on one store', () => {
  it(
    'keeps the receipt time of a BUSY answer when the resend lands on the other gateway',
    { timeout: 180_000 },
    async () => {
      const { vacancyId } = await d.openTrainingRound({ secretary: SECRETARY, overseer: OVERSEER }, PANSEL, {
        title: 'Seleksi Terbuka JPT Pratama Dua Gateway Tahun 2026',
        announcementDate: localDateOf(new Date(), AGENCY.timeZone),
        vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' },
        secondsPerDay: 30,
        rules: { registrationDays: 8, extensionMaxTimes: 0, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      });
      const queue = stack.gateway.deps.apply.queue;
      let release: () => void = () => undefined;
      const hold = queue.run(() => new Promise<void>((r) => (release = r)));
      const firstGateway = graphqlClient(stack.gateway.url);
      const secondGateway = graphqlClient(other.url);
      let beforeBusy: number;
      let busyAnsweredAt: number;
      try {
        beforeBusy = Date.now();
        expectError(await firstGateway(APPLY, { v: vacancyId }, d.token(cand(1))), 'BUSY');
        busyAnsweredAt = Date.now();
      } finally {
        release();
        await hold;
      }
      // The portal resends (this time the proxy sends it to the other gateway): only being later than the
      // BUSY answer matters, so the clock has to move past it — a few ms.
      while (Date.now() <= busyAnsweredAt) await new Promise((r) => setTimeout(r, 2));
      const resentAt = Date.now();
      const r: GraphQLResult<{ applyToVacancy: { id: string; receivedAt: string } }> = await secondGateway(
        APPLY,
        { v: vacancyId },
        d.token(cand(1)),
      );
      const receivedAt = Date.parse(must(r).applyToVacancy.receivedAt);
      expect(receivedAt).toBeGreaterThanOrEqual(beforeBusy);
      expect(receivedAt).toBeLessThanOrEqual(busyAnsweredAt);
      expect(receivedAt).toBeLessThan(resentAt);
      // Served: the receipt is gone, so a later application of the same candidate is judged on its own arrival.
      const conn = await mongoose
        .createConnection(inject('mongoUri'), { dbName: `${stack.prefix}_gateway` })
        .asPromise();
      const receipts = conn.collection<{ _id: string; receivedAt: Date }>('apply_busy_receipts');
      const key = (n: number) => JSON.stringify([asn(n), vacancyId]);
      try {
        // The delete is not awaited by the answer.
        await eventually(async () => (await receipts.countDocuments({})) === 0);
        // A refusal is a final answer too: a receipt (as if this repeat had been answered BUSY a moment
        // ago) is forgotten once the workflow refuses the repeat as a duplicate.
        await receipts.insertOne({ _id: key(1), receivedAt: new Date(Date.now() - 1_000) });
        expectError(await secondGateway(APPLY, { v: vacancyId }, d.token(cand(1))), 'DUPLICATE_APPLICATION');
        await eventually(async () => (await receipts.countDocuments({ _id: key(1) })) === 0);
        // A receipt older than APPLY_BUSY_RECEIPT_MAX_AGE_MS (default 10 min) is from an abandoned attempt:
        // the candidate's application gets the time of their own request.
        const maxAge = other.deps.config.APPLY_BUSY_RECEIPT_MAX_AGE_MS;
        await receipts.insertOne({ _id: key(2), receivedAt: new Date(Date.now() - maxAge - 60_000) });
        const before2 = Date.now();
        const r2 = must(
          await secondGateway<{ applyToVacancy: { receivedAt: string } }>(APPLY, { v: vacancyId }, d.token(cand(2))),
        ).applyToVacancy;
        expect(Date.parse(r2.receivedAt)).toBeGreaterThanOrEqual(before2);
      } finally {
        await conn.close();
      }
    },
  );

  it('mails each account link once although the gateways’ notifiers race for them', { timeout: 120_000 }, async () => {
    const tag = randomUUID().slice(0, 8);
    const emails = Array.from({ length: 6 }, (_, i) => `dua-gateway-${tag}-${i}@uji.test`);
    for (const email of emails) {
      must(
        await d.gql<{ inviteAccount: { link: string } }>(
          ADMIN,
          'mutation($i: InviteAccountInput!) { inviteAccount(input: $i) { link } }',
          { i: { email, displayName: 'Sekretaris Dua Gateway', role: 'PANSEL_SECRETARY', agencyCode: AGENCY.code } },
        ),
      );
    }
    const conn = await mongoose.createConnection(inject('mongoUri'), { dbName: `${stack.prefix}_gateway` }).asPromise();
    // Two notifiers per gateway process's credentials: four senders reading the same due links at once.
    const notifiers = [stack.gateway, other, stack.gateway, other].map(
      (g) =>
        new Notifier({
          candidate: g.deps.services.candidate,
          conn,
          preferences: new NoticePreferences(conn),
          config: { ...g.deps.config, SMTP_URL: inject('smtpUrl') },
          logger: createLogger('notifier', 'error'),
        }),
    );
    try {
      for (let round = 0; round < 3; round++) await Promise.all(notifiers.map((n) => n.runOnce()));
    } finally {
      await Promise.all(notifiers.map((n) => n.stop()));
      await conn.close();
    }
    const subjects = async (email: string): Promise<string[]> => {
      const res = await fetch(`${inject('mailpitUrl')}/api/v1/search?query=${encodeURIComponent(`to:${email}`)}`);
      return ((await res.json()) as { messages: { Subject: string }[] }).messages.map((m) => m.Subject);
    };
    // Counted once every address has mail and the counts stayed the same over several polls (≥ 1 s),
    // so a second send still arriving is counted too.
    let lastCounts = '';
    let unchanged = 0;
    const mails = await eventually(async () => {
      const got = await Promise.all(emails.map(subjects));
      const counts = JSON.stringify(got.map((s) => s.length));
      unchanged = counts === lastCounts ? unchanged + 1 : 0;
      lastCounts = counts;
      return got.every((s) => s.length > 0) && unchanged >= 5 ? got : null;
    });
    for (const [i, email] of emails.entries()) {
      const got = mails[i]!;
      expect(got, email).toHaveLength(1);
      expect(got[0]).toMatch(/^Undangan akun Seleksi JPT/);
    }
  });

  it('caps a burst of wrong passwords sent through both gateways at the account limit', async () => {
    // The counters are in the store: both gateways count against the same account (default limit 10).
    const signIn = (url: string) =>
      graphqlClient(url)('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', {
        e: `${OVERSEER}@uji.test`,
        p: 'salah-sekali',
      });
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(i % 2 ? other.url : stack.gateway.url)),
    );
    const codes = burst.map((r) => r.errors?.[0]?.extensions?.code);
    const wrong = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(wrong).toBeGreaterThanOrEqual(1);
    // One count for both gateways: a count per gateway would let 2 × 10 through, and increments lost
    // by the store (FerretDB v1) would let more than 10 through without the claims (see throttle.ts).
    expect(wrong).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(40 - wrong);
  });
});

describe('sign-in changes across two gateways', () => {
  const ME = '{ me { id } }';
  const meThrough = async (url: string, token: string) =>
    (await graphqlClient(url)<{ me: { id: string } | null }>(ME, {}, token)).data?.me?.id ?? null;
  const signIn = async (userId: string) => {
    const r = await stack.gql<{ signIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: `${userId}@uji.test`, p: PASSWORD },
    );
    return must(r).signIn.token;
  };

  it('a sign-out through one gateway ends the session the other has cached, at its next feed read', async () => {
    const token = await signIn(ROAMER);
    // The second gateway checks the session and keeps it (it would trust it for 30 s without the feed).
    expect(await meThrough(other.url, token)).toBe(ROAMER);
    expect(must(await stack.gql<{ signOut: boolean }>('mutation { signOut }', {}, token)).signOut).toBe(true);
    await other.deps.accounts.feed!.poll();
    expect(await meThrough(other.url, token)).toBeNull();
    // The first gateway's own sign-out took effect at once there too.
    expect(await meThrough(stack.gateway.url, token)).toBeNull();
  });

  it('a deactivation through one gateway ends the account’s sessions the other has cached', async () => {
    const token = await signIn(LEAVER);
    expect(await meThrough(other.url, token)).toBe(LEAVER);
    must(
      await d.gql(ADMIN, 'mutation($a: ID!) { deactivateAccount(accountId: $a, reason: "Uji") { id } }', { a: LEAVER }),
    );
    await other.deps.accounts.feed!.poll();
    expect(await meThrough(other.url, token)).toBeNull();
  });

  it('reads the feed by itself: a change reaches the other gateway without being asked', async () => {
    const token = await signIn(ROAMER);
    expect(await meThrough(other.url, token)).toBe(ROAMER);
    must(await stack.gql('mutation { signOut }', {}, token));
    // The feed is polled every AUTH_FEED_POLL_MS (2 s); the wait's ceiling is generous for a busy machine.
    await eventually(async () => (await meThrough(other.url, token)) === null, 25_000);
  });
});

describe('two document services on one store', () => {
  let services: RunningService[] = [];

  afterAll(async () => {
    await Promise.all(services.map((s) => stopTestService(s)));
  });

  it('gives concurrent claims through both instances distinct consecutive numbers', { timeout: 120_000 }, async () => {
    const db = `it_document_multi_${randomUUID().slice(0, 8)}`;
    services = await Promise.all(
      [1, 2].map(() =>
        startDocumentService(
          loadDocumentConfig({
            MONGODB_URI: inject('mongoUri'),
            DOCUMENT_DB: db,
            DOCUMENT_PORT: '0',
            LOG_LEVEL: 'silent',
            PORTAL_PUBLIC_URL: 'https://seleksi.example.go.id/',
          }),
        ),
      ),
    );
    const clients = services.map((s) => new DocumentClient(s.url, { timeoutMs: 60_000, auth: operatorServiceAuth() }));
    const base = sampleRequest(2);
    const N = 24;
    const docs = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        clients[i % 2]!.issueVacancyAnnouncement({
          ...base,
          idempotencyKey: `multi-${i}`,
          agency: { ...base.agency, code: 'MULTI' },
          selection: { ...base.selection, id: `sel-multi-${i}` },
        }),
      ),
    );
    const year = docs[0]!.number.split('/').at(-1);
    expect(docs.map((x) => x.number).sort()).toEqual(
      Array.from({ length: N }, (_, i) => `800.1.2.2/${String(i + 1).padStart(4, '0')}/BKD/${year}`),
    );
    expect(new Set(docs.map((x) => x.verificationCode)).size).toBe(N);
    // A resend of an issue to the other instance answers the same document.
    const again = await clients[1]!.issueVacancyAnnouncement({
      ...base,
      idempotencyKey: 'multi-0',
      agency: { ...base.agency, code: 'MULTI' },
      selection: { ...base.selection, id: 'sel-multi-0' },
    });
    expect(again.number).toBe(docs[0]!.number);
  });
});
