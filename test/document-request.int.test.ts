/**
 * The overseer asks the Pansel for more documents on a plan under its review (requestAdditionalDocuments,
 * declared in SELECTION_DECISIONS): refused to other roles and outside the review, recorded with its
 * reason and list in the round's decisions and the audit record, which the secretariat reads; the review
 * goes on. Real Temporal dev server and FerretDB; the round in training mode.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';

const AGENCY = testAgency('DOCRQ');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('docrq');
const SECRETARY = 'docrq-sec';
const OVERSEER = 'docrq-overseer';

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
];

const REQUEST = `mutation($s: ID!, $r: String!, $d: [String!]!) {
  requestAdditionalDocuments(selectionId: $s, reason: $r, documents: $d) { decisionId kind reason by { userId role } } }`;

interface Requested {
  requestAdditionalDocuments: {
    decisionId: string;
    kind: string;
    reason: string;
    by: { userId: string; role: string };
  };
}

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'docrq' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

describe('the overseer asks for more documents', () => {
  it('on the plan under review only; recorded, audited and shown to the secretariat; the review goes on', async () => {
    const { selectionId: s } = await d.planTrainingRound(SECRETARY, PANSEL, {
      title: 'Seleksi Uji Permintaan Dokumen',
      timeZone: AGENCY.timeZone,
    });
    const documents = ['SK pembentukan panitia seleksi', 'Daftar riwayat hidup anggota panitia'];
    const reason = 'Susunan panitia perlu dibuktikan sebelum rencana dinilai';

    // Before the plan is sent, nothing is under review.
    expectError(await d.gql(OVERSEER, REQUEST, { s, r: reason, d: documents }), 'WRONG_STAGE', 'selectionId');
    must(await d.submitPlan(SECRETARY, s));
    await d.waitForStage(SECRETARY, s, 'PLAN_APPROVAL');

    // Only the overseer; the arguments as declared (one document at least, none blank).
    expectError(await d.gql(SECRETARY, REQUEST, { s, r: reason, d: documents }), 'FORBIDDEN');
    expectError(await d.gql(OVERSEER, REQUEST, { s, r: reason, d: [] }), 'VALIDATION_FAILED', 'documents');
    expectError(await d.gql(OVERSEER, REQUEST, { s, r: reason, d: ['SK', ' '] }), 'VALIDATION_FAILED', 'documents.1');

    const asked = must(
      await d.gql<Requested>(OVERSEER, REQUEST, { s, r: ` ${reason} `, d: documents }),
    ).requestAdditionalDocuments;
    expect(asked).toMatchObject({ kind: 'DOCUMENTS_REQUESTED', by: { userId: OVERSEER, role: 'OVERSEER' } });
    expect(asked.reason).toBe(`${reason} — Dokumen: ${documents.join('; ')}`);

    // The secretariat sees the request among the round's decisions; the plan still waits for the overseer.
    const seen = await d.waitFor(SECRETARY, s, (p) =>
      (p.decisions ?? []).some((x) => x.kind === 'DOCUMENTS_REQUESTED'),
    );
    expect(seen.stage).toBe('PLAN_APPROVAL');
    expect(seen.decisions?.find((x) => x.kind === 'DOCUMENTS_REQUESTED')).toMatchObject({
      decisionId: asked.decisionId,
      reason: asked.reason,
    });
    // Audited with the list as data.
    const audit = await eventually(async () => {
      const r = await d.gql<{ selectionAudit: { edges: { node: { kind: string; payload: string } }[] } }>(
        SECRETARY,
        'query($s: ID!) { selectionAudit(selectionId: $s, first: 50) { edges { node { kind payload } } } }',
        { s },
      );
      return r.data?.selectionAudit.edges.find((e) => e.node.kind === 'DOCUMENTS_REQUESTED')?.node ?? null;
    });
    expect(JSON.parse(audit.payload)).toMatchObject({ subject: 'PLAN', round: 1, documents });

    // The overseer then decides; afterwards no more requests on this review.
    must(
      await d.overseerDecision(OVERSEER, s, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Dokumen diterima; rencana sesuai ketentuan',
        reference: 'B-2/KASN/2026',
      }),
    );
    await d.waitForStage(SECRETARY, s, 'REGISTRATION_OPEN');
    expectError(await d.gql(OVERSEER, REQUEST, { s, r: reason, d: documents }), 'WRONG_STAGE', 'selectionId');
  });
});
