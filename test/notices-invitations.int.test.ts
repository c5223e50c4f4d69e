/**
 * Invitations and escalations through the outbox, on the real stack and a Mailpit of this file's own. One
 * training-mode round of a WIT agency: the overseer stays silent on the plan (BKN rules), so the PPK and the
 * secretariat are told it counts as approved; the secretariat schedules the competency assessment and each
 * eligible candidate gets one invitation with the time in WIT and the place; a change sends exactly one
 * change mail per candidate; the schedule reads back through GraphQL (the secretariat: every stage's; a
 * candidate: their own competing application's next one, nothing for the ineligible); a talent invitation to
 * the round reaches its talent. RECORD_HISTORIES=1 stores the round's history (a scheduleStage Update in it).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, localDateOf, type ProfileDto } from '@seleksi/domain';
import { freePort, mailpitArgs, spawnLogged, waitForMailpit, type ManagedProcess } from '@seleksi/dev';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel, RECENT_SKP_YEARS } from './support/fixtures';
import { must, expectError, SelectionDriver, testUser, type TestUser } from './support/selection-driver';
import { saveHistory } from './support/histories';

const AGENCY = { ...testAgency('NIPROV'), city: 'Jayapura', province: 'Papua', timeZone: 'WIT' as const };
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('ni');
const SECRETARY = 'ni-sec';
const PPK = 'ni-ppk';
const OVERSEER = 'ni-overseer';
const cand = (n: number) => `ni-cand-${n}`;
const asn = (n: number) => `ni-asn-${n}`;
const emailOf = (id: string) => `${id}@uji.test`;
/** Candidate 3 has no LHKPN: not eligible, so never invited. */
const ELIGIBLE = [1, 2, 4, 5];

function profile(n: number): ProfileDto {
  const p = eligibleProfile(asn(n), AGENCY.code, 40 + n, n === 3 ? { lhkpnFiled: false } : {});
  return {
    ...p,
    careers: p.careers.map((c) => ({ ...c, fields: ['Kesehatan'] })),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  };
}

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...[1, 2, 3, 4, 5, 6].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Bcc: { Address: string }[] | null;
}

let stack: Stack;
let d: SelectionDriver;
let mailpit: ManagedProcess | undefined;
let mailpitUrl: string;

async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/messages?limit=500`);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => [...m.To, ...(m.Bcc ?? [])].some((t) => t.Address === address));
}

async function mailText(id: string): Promise<string> {
  return ((await (await fetch(`${mailpitUrl}/api/v1/message/${id}`)).json()) as { Text: string }).Text;
}

function waitForMail(address: string, subject: RegExp): Promise<MailSummary> {
  return eventually(async () => (await mailsTo(address)).find((m) => subject.test(m.Subject)), 120_000);
}

async function countMails(address: string, subject: RegExp): Promise<number> {
  return (await mailsTo(address)).filter((m) => subject.test(m.Subject)).length;
}

const SCHEDULE = `mutation($s: ID!, $stage: ScheduledStage!, $d: LocalDate!, $t: String!, $p: String!, $n: String) {
  scheduleStage(selectionId: $s, stage: $stage, date: $d, time: $t, place: $p, notes: $n) { decisionId kind }
}`;

const SCHEDULE_FIELDS = 'stage startsAt localDate localTime timeZone text place notes revision';
const READ_SCHEDULES = `query($s: ID!) {
  selectionProcess(selectionId: $s) {
    schedules { ${SCHEDULE_FIELDS} }
    applications { applicationId candidateId nextSchedule { ${SCHEDULE_FIELDS} } }
  }
}`;

interface ScheduleRead {
  stage: string;
  startsAt: string;
  localDate: string;
  localTime: string;
  timeZone: string;
  text: string;
  place: string;
  notes: string | null;
  revision: number;
}

interface ScheduleProcess {
  selectionProcess: {
    schedules: ScheduleRead[];
    applications: { applicationId: string; candidateId: string; nextSchedule: ScheduleRead | null }[];
  };
}

beforeAll(async () => {
  const smtpPort = await freePort();
  const uiPort = await freePort();
  mailpitUrl = `http://127.0.0.1:${uiPort}`;
  mailpit = spawnLogged({
    name: 'mailpit-invitations',
    command: inject('mailpitPath'),
    args: mailpitArgs({ smtpPort, uiPort }),
    logFile: 'test/artifacts/logs/mailpit-invitations.log',
  });
  await waitForMailpit({ smtpPort, uiPort, process: mailpit });
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'notices-inv',
    gateway: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTICE_POLL_MS: '200' },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  for (let n = 1; n <= 6; n++) await stack.clients.candidate.upsertProfile(profile(n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
  await mailpit?.stop();
});

describe('invitations and escalations', () => {
  it(
    'tell the PPK and secretariat of approval by silence, invite eligible candidates with time (WIT) and place, and mail each change once',
    { timeout: 400_000 },
    async () => {
      const created = must(
        await d.createSelection(SECRETARY, {
          title: 'Seleksi Terbuka JPT Pratama Provinsi Uji Undangan',
          announcementDate: localDateOf(new Date(), AGENCY.timeZone),
          vacancies: [
            { level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan', field: 'Kesehatan' },
          ],
          simulationSecondsPerDay: 2,
          rules: {
            registrationDays: 3,
            extensionDays: 1,
            extensionMaxTimes: 1,
            objectionWorkingDays: 1,
            overseerEra: 'BKN',
            overseerDecisionWorkingDays: 1,
          },
        }),
      ).createSelection;
      const id = created.id;
      const vacancyId = created.vacancies[0]!.id;

      // The plan goes to the overseer, who stays silent: BKN rules approve it when the deadline passes.
      await d.waitForReadModel(SECRETARY, id);
      must(await d.setPansel(SECRETARY, id, PANSEL, '800/321/BKD'));
      must(await d.submitPlan(SECRETARY, id));
      await d.waitForStage(SECRETARY, id, 'REGISTRATION_OPEN', 120_000);
      for (const who of [PPK, SECRETARY]) {
        const m = await waitForMail(emailOf(who), /^Dianggap disetujui: rencana seleksi/);
        expect(await mailText(m.ID)).toMatch(
          /tidak memberikan keputusan atas rencana seleksi[\s\S]*dianggap disetujui/,
        );
      }

      await d.applyAll([1, 2, 3, 4, 5].map((n) => [cand(n), vacancyId] as [string, string]));
      await d.waitFor(
        SECRETARY,
        id,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
        120_000,
      );
      must(await d.publishScreening(SECRETARY, id));
      await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT', 120_000);

      // Far enough ahead that the training clock (two seconds a day) never overtakes it during the test.
      const date = addCalendarDays(localDateOf(new Date(), AGENCY.timeZone), 400);
      const vars = {
        s: id,
        stage: 'COMPETENCY_ASSESSMENT',
        d: date,
        t: '08:30',
        p: 'Aula Kantor BKD Provinsi, Jl. Uji Nomor 1, Jayapura',
        n: 'Berpakaian dinas harian (PDH)',
      };
      // Bad input: typed errors naming the field, nothing scheduled.
      expectError(await d.gql(SECRETARY, SCHEDULE, { ...vars, t: '25:00' }), 'VALIDATION_FAILED', 'time');
      expectError(await d.gql(SECRETARY, SCHEDULE, { ...vars, p: '  ' }), 'VALIDATION_FAILED', 'place');
      expectError(await d.gql(SECRETARY, SCHEDULE, { ...vars, d: '2020-01-01' }), 'VALIDATION_FAILED', 'date');
      expectError(await d.gql(PPK, SCHEDULE, vars), 'FORBIDDEN');

      must(await d.gql(SECRETARY, SCHEDULE, vars));
      for (const n of ELIGIBLE) {
        const m = await waitForMail(emailOf(cand(n)), /^Undangan uji kompetensi: Kepala Dinas Kesehatan/);
        const text = await mailText(m.ID);
        expect(text).toMatch(/Anda diundang mengikuti uji kompetensi untuk jabatan Kepala Dinas Kesehatan/);
        expect(text).toMatch(/- Waktu: \w+, \d{1,2} \w+ \d{4} pukul 08\.30 WIT\r?\n/);
        expect(text).toContain('- Tempat: Aula Kantor BKD Provinsi, Jl. Uji Nomor 1, Jayapura');
        expect(text).toContain('- Catatan sekretariat: Berpakaian dinas harian (PDH)');
        expect(text).toMatch(/Harap membawa:\s+- Kartu identitas/);
      }

      // The same schedule again is not a change; a real change mails the new schedule once.
      expectError(await d.gql(SECRETARY, SCHEDULE, vars), 'ALREADY_DECIDED', 'date');
      must(await d.gql(SECRETARY, SCHEDULE, { ...vars, t: '13:00', p: 'Gedung Serbaguna Provinsi, Jayapura' }));
      for (const n of ELIGIBLE) {
        const m = await waitForMail(emailOf(cand(n)), /^Perubahan jadwal uji kompetensi/);
        const text = await mailText(m.ID);
        expect(text).toMatch(/pukul 13\.00 WIT\r?\n/);
        expect(text).toContain('- Tempat: Gedung Serbaguna Provinsi, Jayapura');
        expect(text).toMatch(/Jadwal sebelumnya tidak berlaku lagi/);
      }

      // Read back: the secretariat sees the schedule in force (revision 2) in WIT; 13.00 WIT is 04.00 UTC.
      const expected = {
        stage: 'COMPETENCY_ASSESSMENT',
        startsAt: `${date}T04:00:00.000Z`,
        localDate: date,
        localTime: '13:00',
        timeZone: 'WIT',
        place: 'Gedung Serbaguna Provinsi, Jayapura',
        notes: 'Berpakaian dinas harian (PDH)',
        revision: 2,
      };
      const staff = must(await d.gql<ScheduleProcess>(SECRETARY, READ_SCHEDULES, { s: id })).selectionProcess;
      expect(staff.schedules).toEqual([
        { ...expected, text: expect.stringMatching(/^\w+, \d{1,2} \w+ \d{4} pukul 13\.00 WIT$/) },
      ]);
      expect(
        staff.applications
          .filter((a) => a.nextSchedule)
          .map((a) => a.candidateId)
          .sort(),
      ).toEqual(ELIGIBLE.map(asn).sort());
      // An eligible candidate sees the schedule on their own application only; the ineligible one sees none.
      const mine = must(await d.gql<ScheduleProcess>(cand(1), READ_SCHEDULES, { s: id })).selectionProcess;
      expect(mine.applications.map((a) => a.candidateId)).toEqual([asn(1)]);
      expect(mine.applications[0]!.nextSchedule).toMatchObject(expected);
      expect(mine.schedules).toHaveLength(1);
      const tms = must(await d.gql<ScheduleProcess>(cand(3), READ_SCHEDULES, { s: id })).selectionProcess;
      expect(tms.applications.map((a) => [a.candidateId, a.nextSchedule])).toEqual([[asn(3), null]]);
      expect(tms.schedules).toEqual([]);

      // A talent of the pool invited to the round (as the talent route's fallback records it).
      await stack.clients.candidate.putInvitation({
        id: `${id}:${asn(6)}`,
        candidateId: asn(6),
        selectionId: id,
        vacancyId,
        reason: 'Termasuk kotak 9 pada peta talenta instansi',
        invitedAt: new Date().toISOString(),
      });
      const talent = await waitForMail(emailOf(cand(6)), /^Undangan melamar: Kepala Dinas Kesehatan/);
      expect(await mailText(talent.ID)).toMatch(/Anda diundang melamar jabatan Kepala Dinas Kesehatan[\s\S]*kotak 9/);

      // Exactly one mail per event and person, after every notifier round that ran meanwhile.
      for (const n of ELIGIBLE) {
        expect(await countMails(emailOf(cand(n)), /^Undangan uji kompetensi/)).toBe(1);
        expect(await countMails(emailOf(cand(n)), /^Perubahan jadwal/)).toBe(1);
      }
      expect(await countMails(emailOf(cand(3)), /^(Undangan|Perubahan jadwal)/)).toBe(0);
      expect(await countMails(emailOf(PPK), /^Dianggap disetujui/)).toBe(1);
      expect(await countMails(emailOf(SECRETARY), /^Dianggap disetujui/)).toBe(1);
      // Repeating the invitation (a retried activity) sends nothing more.
      await stack.clients.candidate.putInvitation({
        id: `${id}:${asn(6)}`,
        candidateId: asn(6),
        selectionId: id,
        vacancyId,
        reason: 'Termasuk kotak 9 pada peta talenta instansi',
        invitedAt: new Date().toISOString(),
      });
      const sent = await eventually(async () => {
        const r = await stack.clients.candidate.listNotices({ status: ['PENDING'] });
        return r.length === 0 ? true : null;
      });
      expect(sent).toBe(true);
      expect(await countMails(emailOf(cand(6)), /^Undangan melamar/)).toBe(1);
      await saveHistory(stack.client.workflow.getHandle(`selection:${AGENCY.code}:${id}`), 'schedule-stage');
    },
  );
});
