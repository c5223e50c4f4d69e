/**
 * A client that retries a decision (after a time-out, a dropped connection, a restarted gateway) sends
 * the same `Idempotency-Key`: the gateway passes it to Temporal as the Update id, scoped to the user, so
 * the retry answers the decision recorded the first time instead of a refusal by a stage that moved on.
 * Real Temporal dev server and FerretDB; the round in training mode.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';
import { auditOf } from './support/demo-round';

const AGENCY = testAgency('IDEMP');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('idem');
const SECRETARY = 'idem-sec';
const SECRETARY_2 = 'idem-sec-2';
const OVERSEER = 'idem-overseer';
const CANDIDATE = 'idem-cand-1';

const user = testUser;

const USERS: TestUser[] = [
  user(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  user(SECRETARY_2, 'PANSEL_SECRETARY', AGENCY.code),
  user(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => user(m.userId, 'PANSEL_MEMBER', null)),
  user(CANDIDATE, 'CANDIDATE', AGENCY.code, 'idem-asn-1'),
];

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'idemp',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertProfile(eligibleProfile('idem-asn-1', AGENCY.code, 1));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

describe('decisions with an Idempotency-Key', () => {
  it('answer the recorded decision on a retry, once in the audit; without a key a repeat is refused', async () => {
    const { selectionId: s, vacancyId } = await d.planTrainingRound(SECRETARY, PANSEL, {
      title: 'Seleksi Uji Idempotensi',
      timeZone: AGENCY.timeZone,
    });

    // One key names one decision: a second decision in the same request with the key is refused.
    const two = await d.withIdempotencyKey('pansel-twice').gql<Record<string, { decisionId: string }>>(
      SECRETARY,
      `mutation($s: ID!, $m: [PanselMemberInput!]!) {
        a: setPansel(selectionId: $s, members: $m, decreeReference: "800/2/BKD") { decisionId }
        b: setPansel(selectionId: $s, members: $m, decreeReference: "800/3/BKD") { decisionId }
      }`,
      { s, m: PANSEL },
    );
    expect(two.errors?.[0]?.extensions, JSON.stringify(two)).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'Idempotency-Key',
    });
    expect(two.errors?.[0]?.path).toEqual(['b']);

    // The same submission sent three times with one key: one decision, answered each time.
    const keyed = d.withIdempotencyKey('plan-submit-7f3a');
    const first = must(await keyed.submitPlan(SECRETARY, s)).submitPlan;
    await d.waitForStage(SECRETARY, s, 'PLAN_APPROVAL');
    const again = must(await keyed.submitPlan(SECRETARY, s)).submitPlan;
    const third = must(await keyed.submitPlan(SECRETARY, s)).submitPlan;
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    // Without the key, or with another key, the repeat is a new decision, refused by the stage.
    expectError(await d.submitPlan(SECRETARY, s), 'WRONG_STAGE');
    expectError(await d.withIdempotencyKey('plan-submit-other').submitPlan(SECRETARY, s), 'WRONG_STAGE');
    // The key is scoped to the signed-in user: another secretary's identical key is not their decision.
    expectError(await keyed.submitPlan(SECRETARY_2, s), 'WRONG_STAGE');

    // The overseer's approval without a key: the second is refused (the round moved on), as before.
    const approve = {
      subject: 'PLAN' as const,
      verdict: 'APPROVE' as const,
      reason: 'Rencana seleksi sesuai ketentuan',
      reference: 'B-1/KASN/2026',
    };
    must(await d.overseerDecision(OVERSEER, s, approve));
    await d.waitForStage(SECRETARY, s, 'REGISTRATION_OPEN');
    expectError(await d.overseerDecision(OVERSEER, s, approve), 'WRONG_STAGE');

    // An application retried with its key answers the same application.
    const applyKeyed = d.withIdempotencyKey('apply-1');
    const applied = must(await applyKeyed.apply(CANDIDATE, vacancyId)).applyToVacancy;
    expect(must(await applyKeyed.apply(CANDIDATE, vacancyId)).applyToVacancy).toEqual(applied);
    expect((await d.apply(CANDIDATE, vacancyId)).errors?.[0]?.extensions?.code).toBeTruthy();

    // A bad key is a typed refusal naming the header, and nothing is decided.
    expectError(
      await d.withIdempotencyKey('a key with spaces').withdrawApplication(CANDIDATE, applied.id, 'Alasan pribadi'),
      'VALIDATION_FAILED',
      'Idempotency-Key',
    );
    const entries = await eventually(async () => {
      const all = await auditOf(d, SECRETARY, s);
      return all.some((e) => e.kind === 'APPLICATION_SUBMITTED') ? all : null;
    });
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect(count('PANSEL_SET')).toBe(2);
    expect(count('PLAN_SUBMITTED')).toBe(1);
    expect(entries.filter((e) => e.decisionId === first.decisionId)).toHaveLength(1);
    expect(count('OVERSEER_DECIDED')).toBe(1);
    expect(count('APPLICATION_SUBMITTED')).toBe(1);
    expect(count('APPLICATION_WITHDRAWN')).toBe(0);
    expect(new Set(entries.map((e) => e.decisionId)).size).toBe(entries.length);
  });
});
