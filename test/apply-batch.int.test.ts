/**
 * Applications in batches (issue 11 §6, apply p50): the gateway sends the applications waiting for a
 * selection as one `submitApplications` Update; each item is judged by the same guard as a lone
 * `submitApplication`, one activity records the taken ones (application, audit record, linked files)
 * in one service call, and each caller gets its own outcome.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationId as applicationIdOf, localDateOf, type Actor } from '@seleksi/domain';
import { submitApplications, type SubmitApplicationsItem } from '@seleksi/workflows';
import { minimalPdf } from '../gateway/src/application-files/test-pdf';
import { applyWithUploads } from './support/apply-upload';
import { startStack, type Stack } from './support/stack';
import { seedEligibleCandidates, testAgency, testPansel } from './support/fixtures';
import { must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';

const AGENCY = testAgency('ABPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('ab');
const SECRETARY = 'ab-sec';
const OVERSEER = 'ab-overseer';
const cand = (n: number) => `ab-cand-${n}`;
const asn = (n: number) => `ab-asn-${n}`;
const CANDIDATES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...CANDIDATES.map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

let stack: Stack;
let d: SelectionDriver;
let selectionId: string;
let vacancyId: string;

const candidate = (n: number): Actor => ({ userId: cand(n), role: 'CANDIDATE', displayName: `Peserta ${n}` });
const item = (n: number, extra: Partial<SubmitApplicationsItem> = {}): SubmitApplicationsItem => ({
  candidateId: asn(n),
  vacancyId,
  receivedAt: new Date().toISOString(),
  actor: candidate(n),
  ...extra,
});
const submittedAudit = async (n: number) =>
  (await stack.clients.candidate.listAllAuditRecords({ selectionId, kind: 'APPLICATION_SUBMITTED' })).filter(
    (r) => r.subjectId === applicationIdOf(vacancyId, asn(n)),
  );

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'applybatch',
    // One Update in flight per selection: whatever arrives meanwhile goes in the next batch.
    gateway: { APPLICATION_DOCUMENTS_REQUIRED: 'true', APPLY_UPDATES_PER_SELECTION: '1' },
  });
  await seedEligibleCandidates(
    stack.clients.candidate,
    AGENCY,
    CANDIDATES.map((n) => ({ id: asn(n), i: 60 + n })),
  );
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  ({ selectionId, vacancyId } = await d.openTrainingRound({ secretary: SECRETARY, overseer: OVERSEER }, PANSEL, {
    title: 'Seleksi Terbuka JPT Pratama Lamaran Bersamaan Tahun 2026',
    announcementDate: localDateOf(new Date(), AGENCY.timeZone),
    vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' },
    // Registration long enough for the whole file (about 5 minutes of real time).
    secondsPerDay: 20,
    rules: { registrationDays: 15, extensionMaxTimes: 0, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
  }));
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('applications in one Update', () => {
  it('takes the valid items of a batch, refuses the others each with its own typed reason, and links the files', async () => {
    const letter = await stack.clients.candidate.storeApplicationFile(
      { candidateId: asn(3), selectionId, vacancyId, kind: 'APPLICATION_LETTER', fileName: 'surat.pdf' },
      minimalPdf('Surat lamaran 3'),
    );
    const outcomes = await submitApplications(stack.client, AGENCY.code, selectionId, [
      item(1, { requestId: `${cand(1)}:key-1` }),
      item(1), // the same candidate × vacancy again, in the same batch
      item(2, { actor: { userId: SECRETARY, role: 'PANSEL_SECRETARY', displayName: 'Sekretaris' } }),
      item(3, { fileIds: [letter.id] }),
    ]);
    expect(outcomes.map((o) => o.ok?.applicationId ?? o.error?.code)).toEqual([
      applicationIdOf(vacancyId, asn(1)),
      'DUPLICATE_APPLICATION',
      'FORBIDDEN',
      applicationIdOf(vacancyId, asn(3)),
    ]);
    expect(outcomes[1]!.error).toMatchObject({ field: 'vacancyId', message: 'Anda sudah melamar lowongan ini' });
    expect(outcomes[0]!.ok).toMatchObject({ status: 'SUBMITTED', vacancyId });

    // Stored with one audit record each; the refused ones left nothing behind.
    expect((await stack.clients.candidate.getApplication(applicationIdOf(vacancyId, asn(1))))?.status).toBe(
      'SUBMITTED',
    );
    expect(await stack.clients.candidate.getApplication(applicationIdOf(vacancyId, asn(2)))).toBeNull();
    expect(await submittedAudit(1)).toHaveLength(1);
    expect(await submittedAudit(2)).toHaveLength(0);
    const files = await stack.clients.candidate.listApplicationFiles([applicationIdOf(vacancyId, asn(3))]);
    expect(files.map((f) => f.id)).toEqual([letter.id]);

    // A resend with the same request id answers the first outcome, once in the audit record;
    // the candidate refused for the wrong role applies again as themself and is taken.
    const again = await submitApplications(stack.client, AGENCY.code, selectionId, [
      item(1, { requestId: `${cand(1)}:key-1` }),
      item(2),
    ]);
    expect(again[0]!.ok?.decision.decisionId).toBe(outcomes[0]!.ok!.decision.decisionId);
    expect(again[1]!.ok?.applicationId).toBe(applicationIdOf(vacancyId, asn(2)));
    expect(await submittedAudit(1)).toHaveLength(1);
    expect(must(await d.process(SECRETARY, selectionId)).selectionProcess.stage).toBe('REGISTRATION_OPEN');
  });

  it('gives each of many concurrent applicants through GraphQL their own receipt, with their files linked', async () => {
    const ns = [4, 5, 6, 7, 8, 9, 10];
    const receipts = await Promise.all(
      ns.map((n) =>
        applyWithUploads(stack.gateway.url, d.token(cand(n)), vacancyId, [
          { kind: 'APPLICATION_LETTER', bytes: minimalPdf(`Surat lamaran ${n}`), name: 'surat.pdf' },
          { kind: 'CV', bytes: minimalPdf(`Daftar riwayat hidup ${n}`), name: 'cv.pdf' },
        ]),
      ),
    );
    expect(receipts.map((r) => r.data?.applyToVacancy.id ?? JSON.stringify(r.errors))).toEqual(
      ns.map((n) => applicationIdOf(vacancyId, asn(n))),
    );
    const files = await stack.clients.candidate.listApplicationFiles(ns.map((n) => applicationIdOf(vacancyId, asn(n))));
    expect(files).toHaveLength(2 * ns.length);
    expect(files.every((f) => f.linkedAt !== null)).toBe(true);
    // A second application of the same candidate is refused with its reason, its files kept unlinked.
    const repeat = await applyWithUploads(stack.gateway.url, d.token(cand(4)), vacancyId, [
      { kind: 'APPLICATION_LETTER', bytes: minimalPdf('Surat lamaran lain 4'), name: 'surat.pdf' },
      { kind: 'CV', bytes: minimalPdf('Daftar riwayat hidup lain 4'), name: 'cv.pdf' },
    ]);
    expect(repeat.errors?.[0]?.extensions?.code).toBe('DUPLICATE_APPLICATION');
    for (const n of ns) expect(await submittedAudit(n)).toHaveLength(1);
  });
});
