/**
 * The deadline surge through GraphQL (issue 11 §3) on the real stack: the gateway takes the receipt
 * time when a request arrives, stores the uploads before the submission and keeps them on a refusal,
 * makes a burst wait in a bounded queue and answers BUSY only when that queue is full.
 *
 * The gateway runs with one apply slot; the test takes that slot itself, so applications sent while
 * registration is open wait in the queue (their receipt time already taken) until after the workflow
 * closed registration: "received before the close, processed after it".
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationFileId } from '@seleksi/candidate-service';
import { applicationId as applicationIdOf, localDateOf } from '@seleksi/domain';
import { createHash } from 'node:crypto';
import { minimalPdf } from '../gateway/src/application-files/test-pdf';
import { applyWithUploads, type ApplyReceipt, type Upload } from './support/apply-upload';
import { eventually, startStack, type GraphQLResult, type Stack } from './support/stack';
import { seedEligibleCandidates, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';

const AGENCY = testAgency('DSPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('ds');
const SECRETARY = 'ds-sec';
const OVERSEER = 'ds-overseer';
const cand = (n: number) => `ds-cand-${n}`;
const asn = (n: number) => `ds-asn-${n}`;
const CANDIDATES = [1, 2, 3, 4, 5, 6];
const QUEUE_MAX = 4;

const user = testUser;
const USERS: TestUser[] = [
  user(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  user(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => user(m.userId, 'PANSEL_MEMBER', null)),
  ...CANDIDATES.map((n) => user(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

const uploadsOf = (n: number): Upload[] => [
  { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran ${n}`), name: 'surat.pdf' },
  { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup ${n}`), name: 'cv.pdf' },
];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let stack: Stack;
let d: SelectionDriver;
let selectionId: string;
let vacancyId: string;

const apply = (n: number) => applyWithUploads(stack.gateway.url, d.token(cand(n)), vacancyId, uploadsOf(n));
const stageNow = async () => must(await d.process(SECRETARY, selectionId)).selectionProcess.stage;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'surge',
    gateway: {
      APPLICATION_DOCUMENTS_REQUIRED: 'true',
      APPLY_CONCURRENCY: '1',
      APPLY_QUEUE_MAX: String(QUEUE_MAX),
      // The held applications are let go a while after the close: the workflow still takes them then.
      LATE_RECEIPT_GRACE_SECONDS: '120',
    },
  });
  await seedEligibleCandidates(
    stack.clients.candidate,
    AGENCY,
    CANDIDATES.map((n) => ({ id: asn(n), i: 60 + n })),
  );
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  ({ selectionId, vacancyId } = await d.openTrainingRound({ secretary: SECRETARY, overseer: OVERSEER }, PANSEL, {
    title: 'Seleksi Terbuka JPT Pratama Batas Waktu Pendaftaran Tahun 2026',
    announcementDate: localDateOf(new Date(), AGENCY.timeZone),
    vacancy: { position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan' },
    // About 16 s of real registration; no extension, so the close is the only deadline.
    secondsPerDay: 2,
    rules: { registrationDays: 8, extensionMaxTimes: 0, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
  }));
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

/** Outcomes of the surge scenario, shared by the tests below (which run in order). */
const scenario: {
  heldBeforeClose: Map<number, GraphQLResult<{ applyToVacancy: ApplyReceipt }>>;
  /** The instant the test last saw registration open, after the held requests were queued. */
  seenOpenAt: number;
} = { heldBeforeClose: new Map(), seenOpenAt: 0 };

describe('deadline surge', () => {
  it('answers an application at once with the receipt time of its arrival; the PDFs are stored and linked', async () => {
    const before = Date.now();
    const receipt = must(await apply(1)).applyToVacancy;
    const after = Date.now();
    expect(receipt.id).toBe(applicationIdOf(vacancyId, asn(1)));
    expect(receipt.status).toBe('SUBMITTED');
    const receivedAt = Date.parse(receipt.receivedAt);
    expect(receivedAt).toBeGreaterThanOrEqual(before - 5);
    expect(receivedAt).toBeLessThanOrEqual(after);
    const stored = await stack.clients.candidate.getApplication(receipt.id);
    expect(stored?.candidateId).toBe(asn(1));
    const files = await stack.clients.candidate.listApplicationFiles([receipt.id]);
    expect(files.map((f) => f.sha256).sort()).toEqual(
      uploadsOf(1)
        .map((u) => sha256(u.bytes))
        .sort(),
    );
  });

  it(
    'queues a burst while registration is open, answers BUSY when the queue is full, refuses what arrived after the close and keeps its files',
    { timeout: 180_000 },
    async () => {
      const queue = stack.gateway.deps.apply.queue;
      let release: () => void = () => undefined;
      const hold = queue.run(() => new Promise<void>((r) => (release = r)));
      try {
        expect(await stageNow()).toBe('REGISTRATION_OPEN');
        // Received while registration is open; processed only once the test lets go of the slot.
        const held = [2, 3, 4].map((n) => apply(n).then((r) => scenario.heldBeforeClose.set(n, r)));
        await eventually(async () => queue.stats().waiting === 3);
        expect(await stageNow(), 'registration must still be open after the burst was received').toBe(
          'REGISTRATION_OPEN',
        );
        scenario.seenOpenAt = Date.now();

        await d.waitFor(SECRETARY, selectionId, (p) => p.stage !== 'REGISTRATION_OPEN', 120_000);
        const late = apply(5);
        await eventually(async () => queue.stats().waiting === QUEUE_MAX);

        // The queue is full: typed BUSY at once, in Indonesian, nothing stored.
        const busy = await apply(6);
        expectError(busy, 'BUSY');
        expect(busy.errors?.[0]?.message).toMatch(/kirim ulang/);
        const busyFile = applicationFileId(asn(6), vacancyId, 'CV', sha256(uploadsOf(6)[1]!.bytes));
        expect(await stack.clients.candidate.getApplicationFile(busyFile)).toBeNull();

        release();
        await hold;
        await Promise.all(held);

        // Received after the close: refused, told why and when in Indonesian, the files kept (unlinked).
        const refused = await late;
        expectError(refused, 'REGISTRATION_CLOSED', 'vacancyId');
        expect(refused.errors?.[0]?.message).toMatch(/ditutup/);
        expect(refused.errors?.[0]?.message).toMatch(
          /diterima server pada \d{1,2} \w+ \d{4} pukul \d\d\.\d\d\.\d\d WITA/,
        );
        expect(refused.errors?.[0]?.message).toMatch(/tetap tersimpan/);
        expect(await stack.clients.candidate.getApplication(applicationIdOf(vacancyId, asn(5)))).toBeNull();
        for (const u of uploadsOf(5)) {
          const kept = await stack.clients.candidate.getApplicationFile(
            applicationFileId(asn(5), vacancyId, u.kind, sha256(u.bytes)),
          );
          expect(kept).toMatchObject({ kind: u.kind, linkedAt: null, sizeBytes: u.bytes.length });
        }
      } finally {
        release();
        await hold;
      }
    },
  );

  /*
   * The contract with the open-selection workflow (SubmitApplicationArgs.receivedAt): an application
   * the gateway received before the close is accepted even when the workflow processes it after the
   * close, and it counts as submitted at its receipt time (on the process clock: in training mode
   * the simulated instant of that receipt), so before the close.
   */
  it('accepts the applications received before the close although processed after it', async () => {
    expect(scenario.heldBeforeClose.size).toBe(3);
    const closesAt = Date.parse(must(await d.process(SECRETARY, selectionId)).selectionProcess.registrationClosesAt);
    for (const [n, r] of scenario.heldBeforeClose) {
      const receipt = must(r).applyToVacancy;
      expect(receipt.id).toBe(applicationIdOf(vacancyId, asn(n)));
      expect(Date.parse(receipt.receivedAt)).toBeLessThan(scenario.seenOpenAt);
      expect(Date.parse(receipt.submittedAt)).toBeLessThanOrEqual(closesAt);
      const stored = await stack.clients.candidate.getApplication(receipt.id);
      expect(stored?.submittedAt).toBe(receipt.submittedAt);
      expect(await stack.clients.candidate.listApplicationFiles([receipt.id])).toHaveLength(2);
    }
  });
});
