/**
 * No dead ends (issue 16), through the gateway on the real Temporal dev server and FerretDB. A training
 * round of agency NDEPROV ends registration with both vacancies short of applicants: the Pansel re-announces
 * one — a new round starts, pre-filled (post, rules, Pansel), linked both ways, its earlier applicants
 * invited, once however often the decision is resent — and switches the other to the talent route, refused
 * while the agency's gate is closed and starting the talent-pool filling once the overseer opened it.
 * Agency NDERULE changes its default rules twice (versions with author, time and reason; a stale change
 * refused) and its next round pins them, readable as `Selection.rules`. RECORD_HISTORIES=1 stores the
 * deciding round's history and the new round's for the replay test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, localDateOf, type ProfileDto } from '@seleksi/domain';
import { saveHistory } from './support/histories';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, RECENT_SKP_YEARS, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';
import { TalentDriver } from './support/talent-driver';

const AGENCY = testAgency('NDEPROV');
const RULES_AGENCY = testAgency('NDERULE');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('nd');
const SECRETARY = 'nd-sec';
const RULES_SECRETARY = 'nd-rule-sec';
const RULES_ADMIN = 'nd-rule-admin';
const ADMIN = 'nd-admin';
const OVERSEER = 'nd-overseer';
const cand = (n: number) => `nd-cand-${n}`;
const asn = (n: number) => `nd-asn-${n}`;

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(RULES_SECRETARY, 'PANSEL_SECRETARY', RULES_AGENCY.code),
  testUser(RULES_ADMIN, 'AGENCY_ADMIN', RULES_AGENCY.code),
  testUser(ADMIN, 'ADMIN', null),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...[1, 2, 3, 4].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

const today = () => localDateOf(new Date(), AGENCY.timeZone);
const YEAR = today().slice(0, 4);

function profile(n: number): ProfileDto {
  return {
    ...eligibleProfile(asn(n), AGENCY.code, 50 + n),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'SANGAT_BAIK' as const })),
  };
}

const vacancy = (position: string, field: string) => ({
  level: 'PRATAMA',
  position,
  unit: position.replace(/^Kepala /, ''),
  field,
});

interface Rules {
  registrationDays: number;
  minApplicantsPerVacancy: number;
  extensionMaxTimes: number;
  passMark: number;
  overseerEra: string;
  weights: { assessment: number; interview: number };
  minRank: { pratama: string };
  defaults: { scope: string; revision: number } | null;
}
const RULES =
  'registrationDays minApplicantsPerVacancy extensionMaxTimes passMark overseerEra weights { assessment interview } minRank { pratama } defaults { scope revision }';

interface Linked {
  id: string;
  stage: string;
  title: string;
  rules: Rules | null;
  reannouncementOf: { selectionId: string; vacancyId: string; selection: { id: string } | null } | null;
  vacancies: {
    id: string;
    position: string;
    followUp: { kind: string; id: string; workflowId: string; selection: { id: string } | null } | null;
  }[];
}
const SELECTION = `query($id: ID!) { selection(id: $id) { id stage title rules { ${RULES} }
  reannouncementOf { selectionId vacancyId selection { id } }
  vacancies { id position followUp { kind id workflowId selection { id } } } } }`;

let stack: Stack;
let d: SelectionDriver;
let t: TalentDriver;

async function selection(as: string, id: string): Promise<Linked | null> {
  return must(await d.gql<{ selection: Linked | null }>(as, SELECTION, { id })).selection;
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'nodeadend',
  });
  const { candidate, assessment } = stack.clients;
  await candidate.upsertAgency(AGENCY);
  await candidate.upsertAgency(RULES_AGENCY);
  for (const n of [1, 2, 3, 4]) {
    await candidate.upsertProfile(profile(n));
    await assessment.upsertAssessmentResult({
      id: `ac-${asn(n)}`,
      candidateId: asn(n),
      provider: 'UPT Penilaian Kompetensi Uji',
      assessedAt: addCalendarDays(today(), -60),
      managerial: 95,
      socioCultural: 93,
      validUntil: addCalendarDays(today(), 700),
    });
  }
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  t = new TalentDriver(d);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('a vacancy short of applicants', () => {
  it(
    're-announced runs as a new round (pre-filled, linked both ways, applicants invited, once); switched starts the talent filling once the gate is open',
    { timeout: 420_000 },
    async () => {
      const created = must(
        await d.createSelection(SECRETARY, {
          title: 'Seleksi Terbuka JPT Pratama Tanpa Jalan Buntu',
          announcementDate: today(),
          vacancies: [vacancy('Kepala Dinas Pendidikan', 'Pendidikan'), vacancy('Kepala Dinas Kesehatan', 'Kesehatan')],
          simulationSecondsPerDay: 2,
          rules: {
            registrationDays: 2,
            minApplicantsPerVacancy: 3,
            extensionMaxTimes: 0,
            passMark: 72,
            overseerEra: 'KASN',
            overseerDecisionWorkingDays: 30,
          },
        }),
      ).createSelection;
      const id = created.id;
      const [v1, v2] = created.vacancies.map((v) => v.id) as [string, string];
      await d.waitForReadModel(SECRETARY, id);

      // The pinned rules read back: the overrides and the shipped defaults for the rest.
      const pinned = (await selection(SECRETARY, id))!.rules!;
      expect(pinned).toMatchObject({
        registrationDays: 2,
        minApplicantsPerVacancy: 3,
        extensionMaxTimes: 0,
        passMark: 72,
        overseerEra: 'KASN',
        weights: { assessment: 40, interview: 25 },
        minRank: { pratama: expect.stringContaining('IV/a') },
        defaults: null,
      });

      await d.openRegistration(id, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
      await d.applyAll([
        [cand(1), v1],
        [cand(2), v1],
        [cand(3), v2],
      ]);
      await d.waitFor(
        SECRETARY,
        id,
        (p) => p.vacancies.every((v) => v.pendingDecision === 'TOO_FEW_APPLICANTS'),
        120_000,
      );

      // The agency has no validated merit index, approval or talent map: the switch is refused, typed.
      const closed = await d.decideVacancy(SECRETARY, id, v2, 'SWITCH_ROUTE', 'Diisi melalui manajemen talenta');
      expectError(closed, 'TALENT_ROUTE_CLOSED', 'outcome');
      expect(closed.errors![0]!.message).toMatch(/manajemen talenta/);

      // Re-announce; the same request resent answers the same decision, another request is refused.
      const reason = 'Pelamar kurang dari 3 orang; diumumkan ulang dalam seleksi baru';
      const keyed = d.withIdempotencyKey('nd-reannounce-v1');
      const first = must(await keyed.decideVacancy(SECRETARY, id, v1, 'REANNOUNCE', reason)).decideVacancy;
      expect(first).toMatchObject({ kind: 'VACANCY_DECIDED', subjectId: v1, by: { userId: SECRETARY } });
      const resent = must(await keyed.decideVacancy(SECRETARY, id, v1, 'REANNOUNCE', reason)).decideVacancy;
      expect(resent.decisionId).toBe(first.decisionId);
      expectError(
        await d.withIdempotencyKey('nd-reannounce-v1-again').decideVacancy(SECRETARY, id, v1, 'REANNOUNCE', reason),
        'WRONG_STAGE',
        'vacancyId',
      );

      // Linked both ways: the old vacancy names the new round, the new round names the old vacancy.
      const old = await eventually(async () => {
        const s = await selection(SECRETARY, id);
        return s?.vacancies[0]?.followUp?.selection ? s : null;
      }, 120_000);
      const link = old.vacancies[0]!.followUp!;
      expect(link).toMatchObject({ kind: 'REANNOUNCED', workflowId: `selection:${AGENCY.code}:${link.id}` });
      const next = (await selection(SECRETARY, link.id))!;
      expect(next.reannouncementOf).toEqual({ selectionId: id, vacancyId: v1, selection: { id } });
      expect(next.title).toContain('Pengumuman Ulang: Kepala Dinas Pendidikan');
      expect(next.vacancies.map((v) => v.position)).toEqual(['Kepala Dinas Pendidikan']);
      // A candidate sees the link but not the round while it is planned (as selection(id:) answers them).
      expect((await selection(cand(1), id))!.vacancies[0]!.followUp).toMatchObject({ id: link.id, selection: null });
      expect(await selection(cand(1), link.id)).toBeNull();
      // Pre-filled: the same pinned rules and the same Pansel.
      expect(next.rules).toEqual(pinned);
      const planned = await d.waitFor(SECRETARY, link.id, (p) => p.pansel.length === PANSEL.length, 120_000);
      expect(planned.stage).toBe('PLANNED');
      expect(planned.pansel.map((m) => m.id).sort()).toEqual(PANSEL.map((m) => m.id).sort());

      // The vacancy's applicants are invited to the new round; the other vacancy's applicant is not.
      for (const n of [1, 2]) {
        const inv = await eventually(async () => {
          const list = must(await t.myInvitations(cand(n))).myInvitations;
          return list.find((i) => i.selectionId === link.id) ?? null;
        }, 60_000);
        expect(inv).toMatchObject({ vacancyId: `${link.id}-V1`, id: `${link.id}:${asn(n)}` });
        expect(inv.reason).toMatch(/diumumkan ulang/);
      }
      expect(must(await t.myInvitations(cand(3))).myInvitations.filter((i) => i.selectionId === link.id)).toEqual([]);

      // One new round for all those requests.
      const rounds = must(
        await d.gql<{ selections: { edges: { node: { id: string; title: string } }[] } }>(
          SECRETARY,
          'query($a: String) { selections(agencyCode: $a, first: 100) { edges { node { id title } } } }',
          { a: AGENCY.code },
        ),
      ).selections.edges.map((e) => e.node);
      expect(rounds.filter((r) => r.title.includes('Pengumuman Ulang'))).toEqual([{ id: link.id, title: next.title }]);

      // The overseer opens the agency's talent route (validated Baik, approved system) and the agency maps.
      await t.openGate(SECRETARY, OVERSEER, AGENCY.code, {
        period: YEAR,
        score: 3,
        approvedOn: addCalendarDays(today(), -30),
        reference: `B-77/BKN/${YEAR}`,
      });
      must(await t.startMapping(SECRETARY, AGENCY.code, YEAR));
      await t.waitForMapping(SECRETARY, AGENCY.code, YEAR, 180_000);

      const switchKey = d.withIdempotencyKey('nd-switch-v2');
      const switchReason = 'Pelamar kurang; diisi dari kelompok rencana suksesi';
      const switched = must(await switchKey.decideVacancy(SECRETARY, id, v2, 'SWITCH_ROUTE', switchReason));
      expect(
        must(await switchKey.decideVacancy(SECRETARY, id, v2, 'SWITCH_ROUTE', switchReason)).decideVacancy.decisionId,
      ).toBe(switched.decideVacancy.decisionId);
      const filled = await eventually(async () => {
        const s = await selection(SECRETARY, id);
        return s?.vacancies[1]?.followUp ?? null;
      }, 120_000);
      expect(filled).toMatchObject({ kind: 'TALENT_FILLING', selection: null });
      expect(filled.id).toMatch(new RegExp(`^TAL-${AGENCY.code}-\\d{4}-[0-9A-F]{8}$`));
      const filling = await eventually(async () => {
        const r = await d.gql<{
          talentFilling: { stage: string; gate: { open: boolean } | null; switchedFrom: unknown };
        }>(
          SECRETARY,
          'query($f: ID!) { talentFilling(fillingId: $f) { stage gate { open } switchedFrom { selectionId vacancyId selection { id } } } }',
          { f: filled.id },
        );
        return r.data?.talentFilling.gate ? r.data.talentFilling : null;
      }, 120_000);
      expect(filling.gate).toEqual({ open: true });
      expect(filling.switchedFrom).toEqual({ selectionId: id, vacancyId: v2, selection: { id } });

      // Nothing is left to select in the old round: it ends, each vacancy with its outcome.
      const ended = await d.waitForStage(SECRETARY, id, 'CANCELLED', 120_000);
      expect(ended.vacancies.map((v) => v.outcome)).toEqual(['REANNOUNCE', 'SWITCH_ROUTE']);
      // The replay test's histories of the new shape: the deciding round, and a round started by it.
      await saveHistory(stack.client.workflow.getHandle(`selection:${AGENCY.code}:${id}`), 'vacancy-follow-ups');
      await saveHistory(stack.client.workflow.getHandle(link.workflowId), 'reannounced-round');
    },
  );
});

interface Version {
  scope: string;
  revision: number;
  reason: string;
  changedAt: string;
  changedBy: { userId: string; role: string };
  rules: Rules;
}
const VERSION = `scope revision reason changedAt changedBy { userId role } rules { ${RULES} }`;

function changeDefaults(
  as: string,
  agencyCode: string | null,
  rules: Record<string, unknown>,
  reason: string,
  expectedRevision: number,
) {
  return d.gql<{ changeSelectionDefaults: Version }>(
    as,
    `mutation($a: ID, $r: SelectionRulesInput!, $why: String!, $rev: Int!) {
      changeSelectionDefaults(agencyCode: $a, rules: $r, reason: $why, expectedRevision: $rev) { ${VERSION} } }`,
    { a: agencyCode, r: rules, why: reason, rev: expectedRevision },
  );
}

describe('default rules', () => {
  it(
    'are versioned with who changed them, when and why; a new round pins the current version',
    { timeout: 180_000 },
    async () => {
      const code = RULES_AGENCY.code;
      const why = 'Menyesuaikan kebijakan instansi tahun berjalan';
      expectError(await changeDefaults(RULES_SECRETARY, code, { passMark: 75 }, why, 0), 'FORBIDDEN');
      expectError(await changeDefaults(RULES_ADMIN, null, { passMark: 75 }, why, 0), 'FORBIDDEN', 'agencyCode');
      expectError(await changeDefaults(RULES_ADMIN, AGENCY.code, { passMark: 75 }, why, 0), 'FORBIDDEN', 'agencyCode');
      expectError(await changeDefaults(RULES_ADMIN, code, { passMark: 75 }, '', 0), 'VALIDATION_FAILED', 'reason');
      expectError(
        await changeDefaults(
          RULES_ADMIN,
          code,
          { weights: { assessment: 50, paper: 10, presentation: 10, interview: 25, trackRecord: 15 } },
          why,
          0,
        ),
        'INVALID_RULES',
        'rules.scoring.weights',
      );

      const first = must(
        await changeDefaults(RULES_ADMIN, code, { registrationDays: 20, passMark: 75 }, why, 0),
      ).changeSelectionDefaults;
      expect(first).toMatchObject({
        scope: code,
        revision: 1,
        reason: why,
        changedBy: { userId: RULES_ADMIN, role: 'AGENCY_ADMIN' },
        rules: { registrationDays: 20, passMark: 75, minApplicantsPerVacancy: 4, defaults: null },
      });
      // The same save sent again (a retry after a timeout) is answered with the version it stored; the same user
      // sending other values on revision 0 is refused.
      expect(
        must(await changeDefaults(RULES_ADMIN, code, { registrationDays: 20, passMark: 75 }, why, 0))
          .changeSelectionDefaults,
      ).toEqual(first);
      expectError(
        await changeDefaults(RULES_ADMIN, code, { registrationDays: 21, passMark: 75 }, why, 0),
        'CONFLICT',
        'expectedRevision',
      );
      // A change made on revision 0 after revision 1 was stored would overwrite it unseen: refused.
      expectError(
        await changeDefaults(ADMIN, code, { passMark: 80 }, 'Arahan kementerian', 0),
        'CONFLICT',
        'expectedRevision',
      );
      const second = must(
        await changeDefaults(ADMIN, code, { passMark: 80 }, 'Arahan kementerian', 1),
      ).changeSelectionDefaults;
      expect(second).toMatchObject({
        revision: 2,
        changedBy: { userId: ADMIN, role: 'ADMIN' },
        rules: { registrationDays: 20, passMark: 80 },
      });
      expect(Date.parse(second.changedAt)).toBeGreaterThanOrEqual(Date.parse(first.changedAt));

      const versions = must(
        await d.gql<{ selectionRuleSetVersions: Version[] }>(
          RULES_SECRETARY,
          `query($a: ID) { selectionRuleSetVersions(agencyCode: $a) { ${VERSION} } }`,
          { a: code },
        ),
      ).selectionRuleSetVersions;
      expect(versions.map((v) => [v.revision, v.changedBy.userId, v.reason])).toEqual([
        [2, ADMIN, 'Arahan kementerian'],
        [1, RULES_ADMIN, why],
      ]);
      expectError(
        await d.gql(SECRETARY, 'query($a: ID) { selectionRuleSetVersions(agencyCode: $a) { revision } }', { a: code }),
        'FORBIDDEN',
        'agencyCode',
      );

      // The next round of the agency pins revision 2; the national defaults and other agencies are untouched.
      const created = must(
        await d.createSelection(RULES_SECRETARY, {
          title: 'Seleksi Terbuka dengan Aturan Bawaan Instansi',
          announcementDate: addCalendarDays(today(), 1),
          vacancies: [vacancy('Kepala Badan Keuangan', 'Keuangan')],
        }),
      ).createSelection;
      await d.waitForReadModel(RULES_SECRETARY, created.id);
      expect((await selection(RULES_SECRETARY, created.id))!.rules).toMatchObject({
        registrationDays: 20,
        passMark: 80,
        defaults: { scope: code, revision: 2 },
      });
      const DEFAULTS = `query($a: ID) { selectionDefaults(agencyCode: $a) { ${RULES} } }`;
      expect(
        must(await d.gql<{ selectionDefaults: Rules }>(SECRETARY, DEFAULTS, { a: AGENCY.code })).selectionDefaults,
      ).toMatchObject({ registrationDays: 15, passMark: 70, defaults: null });
    },
  );
});
