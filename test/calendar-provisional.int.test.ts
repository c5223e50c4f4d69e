/**
 * The calendar of a coming year on the real stack (Temporal dev server, FerretDB, services, gateway):
 * a selection whose working-day registration runs into next year — a year without its SKB — is
 * accepted on the computed (provisional) calendar, its deadline marked provisional on the process, on
 * the announcement and in the candidate's pages (the portal's own candidate queries); the administrator then enters next year's SKB and the running deadline is
 * recomputed and no longer provisional; an agency's regional day off moves it again.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addCalendarDays,
  isWorkingDay,
  lastDayOfPeriod,
  localDateOf,
  type HolidayCalendar,
  type LocalDate,
} from '@seleksi/domain';
import { operationText } from '../portal/src/operation';
import { APPLY_TARGET, OPEN_VACANCIES } from '../portal/src/queries/candidate';
import { pagesOf } from '../services/document/src/pdf/test-poppler';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const AGENCY = testAgency('KALPROV');
const OTHER = testAgency('KALLAIN');
const PASSWORD = 'rahasia-uji-123';
const SECRETARY = 'kal-sec';
const OVERSEER = 'kal-overseer';
const ADMIN = 'kal-admin';
const AGENCY_ADMIN = 'kal-agency-admin';
const OTHER_ADMIN = 'kal-other-admin';
const CANDIDATE = 'kal-candidate';

const USERS = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  testUser(AGENCY_ADMIN, 'AGENCY_ADMIN', AGENCY.code),
  testUser(OTHER_ADMIN, 'AGENCY_ADMIN', OTHER.code),
  testUser(CANDIDATE, 'CANDIDATE', null, 'kal-candidate-asn'),
  ...testPansel('kal').map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
];

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'calprov',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

const today = localDateOf(new Date(), AGENCY.timeZone);
const next = Number(today.slice(0, 4)) + 1;
const target = `${next}-01-15`;
/**
 * Registration may last at most 60 working days, so a period from today reaches next year only from October
 * on; earlier in the year the scenario cannot be built and the suite is skipped (said in the output).
 */
const reachesNextYear = Number(today.slice(5, 7)) >= 10;

/** Working days from today (day 1 when a working day) to `to`, on the calendar given. */
function workingDaysThrough(to: LocalDate, calendar: HolidayCalendar): number {
  let n = 0;
  for (let x = today; x <= to; x = addCalendarDays(x, 1)) if (isWorkingDay(x, calendar)) n += 1;
  return n;
}

interface Year {
  year: number;
  provisional: boolean;
  skbNumber: string | null;
  skbDate: string | null;
  holidays: { date: string; name: string; provisional: boolean }[];
  cutiBersama: { date: string; name: string }[];
}
const YEAR = `query($y: Int!) { holidayCalendar(year: $y) {
  year provisional skbNumber skbDate holidays { date name provisional } cutiBersama { date name } } }`;
const AMEND = `mutation($y: Int!, $h: [DayOffInput!]!, $c: [DayOffInput!]!, $s: String!, $n: String, $t: String, $r: String!) {
  amendHolidayCalendar(year: $y, holidays: $h, cutiBersama: $c, source: $s, skbNumber: $n, skbDate: $t, reason: $r) {
    year { year provisional skbNumber skbDate revision } runningSelectionsNotified } }`;
const REGIONAL = `mutation($a: ID!, $d: [RegionalDayOffInput!]!, $r: String!) {
  setRegionalHolidays(agencyCode: $a, days: $d, reason: $r) {
    regional { agencyCode revision days { date name basis } } runningSelectionsNotified } }`;
const DEADLINE = `query($id: ID!) { selectionProcess(selectionId: $id) {
  calendarRevision documents { kind id } deadline { label lastDay provisional } } }`;

interface Deadline {
  calendarRevision: number;
  documents: { kind: string; id: string }[];
  deadline: { label: string; lastDay: string; provisional: boolean } | null;
}

async function process(id: string): Promise<Deadline> {
  return must(await d.gql<{ selectionProcess: Deadline }>(SECRETARY, DEADLINE, { id })).selectionProcess;
}

const PUBLIC = `query($id: ID!) { selection(id: $id) { registrationClosesAt registrationProvisional } }`;

/** The public read model's close (local date) and its provisional flag, as the public pages see them. */
async function publicClose(id: string, lastDay: LocalDate): Promise<boolean> {
  return eventually(async () => {
    const r = await d.gql<{ selection: { registrationClosesAt: string; registrationProvisional: boolean } | null }>(
      null,
      PUBLIC,
      { id },
    );
    const s = r.data?.selection;
    return s && localDateOf(s.registrationClosesAt, AGENCY.timeZone) === lastDay
      ? { provisional: s.registrationProvisional }
      : null;
  }, 60_000).then((x) => x.provisional);
}

interface CandidateSelection {
  id: string;
  registrationClosesAt: string;
  registrationProvisional: boolean;
}

/**
 * The close and its flag as a signed-in candidate's pages read them: "Lowongan" (OPEN_VACANCIES) and the
 * application form (APPLY_TARGET), both at the close `lastDay`; answers the flag, the same on both.
 */
async function candidateClose(id: string, lastDay: LocalDate): Promise<boolean> {
  return eventually(async () => {
    const list = await d.gql<Record<'open' | 'extended', { edges: { node: CandidateSelection }[] }>>(
      CANDIDATE,
      operationText(OPEN_VACANCIES),
    );
    const listed = [...(list.data?.open.edges ?? []), ...(list.data?.extended.edges ?? [])]
      .map((e) => e.node)
      .find((s) => s.id === id);
    const form = (await d.gql<{ selection: CandidateSelection | null }>(CANDIDATE, operationText(APPLY_TARGET), { id }))
      .data?.selection;
    const closes = (s: CandidateSelection | null | undefined) =>
      s && localDateOf(s.registrationClosesAt, AGENCY.timeZone) === lastDay;
    if (!closes(listed) || !closes(form)) return null;
    expect(form!.registrationProvisional).toBe(listed!.registrationProvisional);
    return { provisional: listed!.registrationProvisional };
  }, 60_000).then((x) => x.provisional);
}

async function waitForRevision(id: string, revision: number): Promise<Deadline> {
  return eventually(async () => {
    const p = await process(id);
    return p.calendarRevision >= revision ? p : null;
  }, 60_000);
}

describe.skipIf(!reachesNextYear)('a registration that runs into a year without its SKB (from October on)', () => {
  it('is accepted on the provisional calendar and recomputed when the SKB and a regional day off are entered', async () => {
    // Next year is listed, computed and marked provisional (no SKB for it is shipped or stored).
    const before = must(await d.gql<{ holidayCalendar: Year }>(SECRETARY, YEAR, { y: next })).holidayCalendar;
    expect(before).toMatchObject({ year: next, provisional: true, skbNumber: null, cutiBersama: [] });
    expect(before.holidays).toContainEqual({
      date: `${next}-01-01`,
      name: `Tahun Baru ${next} Masehi`,
      provisional: true,
    });

    const provisionalCalendar = await stack.clients.candidate.getAgencyCalendar(AGENCY.code);
    const days = workingDaysThrough(target, provisionalCalendar);
    // The rules allow 60 working days: the suite reaches next year from October on (it was written in December).
    expect(days, 'run this suite from October on').toBeLessThanOrEqual(60);
    const expectedProvisional = lastDayOfPeriod(today, days, 'WORKING', provisionalCalendar);
    expect(expectedProvisional.startsWith(`${next}-`)).toBe(true);

    const created = must(
      await d.createSelection(SECRETARY, {
        title: `Seleksi Terbuka JPT Pratama sampai tahun ${next}`,
        announcementDate: today,
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Kalender', unit: 'Dinas Kalender' }],
        rules: {
          registrationDays: days,
          registrationDayKind: 'WORKING',
          overseerEra: 'KASN',
          overseerDecisionWorkingDays: 30,
        },
      }),
    ).createSelection;
    expect(localDateOf(created.registrationClosesAt, AGENCY.timeZone)).toBe(expectedProvisional);

    await d.openRegistration(created.id, { secretary: SECRETARY, overseer: OVERSEER }, testPansel('kal'));
    const opened = await process(created.id);
    expect(opened.deadline).toEqual({ label: 'REGISTRATION', lastDay: expectedProvisional, provisional: true });
    expect(await publicClose(created.id, expectedProvisional)).toBe(true);
    expect(await candidateClose(created.id, expectedProvisional)).toBe(true);

    // The announcement prints the deadline with the warning.
    const announcement = opened.documents.find((x) => x.kind === 'VACANCY_ANNOUNCEMENT');
    expect(announcement).toBeDefined();
    const pdf = await stack.clients.document.getPdf(announcement!.id);
    expect(pagesOf(pdf!.bytes).join(' ').replace(/\s+/g, ' ')).toContain('kalender sementara');

    // Typed refusals of a bad SKB.
    const skb = {
      y: next,
      h: before.holidays.map(({ date, name }) => ({ date, name })),
      // A cuti bersama on the first working day of next year: the period gains a day off.
      c: [{ date: firstWorkingDay(`${next}-01-02`, provisionalCalendar), name: 'Cuti bersama Tahun Baru' }],
      s: `SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun ${next}`,
      n: `100/${next - 1}, 1/${next - 1}, 1/${next - 1}`,
      t: `${next - 1}-10-01`,
      r: `Penetapan SKB tahun ${next}`,
    };
    expectError(await d.gql(ADMIN, AMEND, { ...skb, t: null }), 'VALIDATION_FAILED', 'skbDate');
    expectError(await d.gql(ADMIN, AMEND, { ...skb, t: `${next - 1}-02-30` }), 'VALIDATION_FAILED', 'skbDate');
    expectError(await d.gql(ADMIN, AMEND, { ...skb, t: `${next + 1}-01-05` }), 'VALIDATION_FAILED', 'skbDate');
    expectError(await d.gql(AGENCY_ADMIN, AMEND, skb), 'FORBIDDEN');

    const amended = must(
      await d.gql<{
        amendHolidayCalendar: { year: Omit<Year, 'holidays' | 'cutiBersama'>; runningSelectionsNotified: number };
      }>(ADMIN, AMEND, skb),
    ).amendHolidayCalendar;
    expect(amended.year).toMatchObject({ year: next, provisional: false, skbNumber: skb.n, skbDate: skb.t });
    expect(amended.runningSelectionsNotified).toBeGreaterThanOrEqual(1);
    const after = must(await d.gql<{ holidayCalendar: Year }>(SECRETARY, YEAR, { y: next })).holidayCalendar;
    expect(after.provisional).toBe(false);
    expect(after.holidays.every((h) => !h.provisional)).toBe(true);

    const decreedCalendar = await stack.clients.candidate.getAgencyCalendar(AGENCY.code);
    const expectedDecreed = lastDayOfPeriod(today, days, 'WORKING', decreedCalendar);
    expect(expectedDecreed > expectedProvisional).toBe(true);
    const recomputed = await waitForRevision(created.id, 1);
    expect(recomputed.deadline).toEqual({ label: 'REGISTRATION', lastDay: expectedDecreed, provisional: false });
    // The public pages follow at once (the workflow re-projects after an amendment that moved the close).
    expect(await publicClose(created.id, expectedDecreed)).toBe(false);
    expect(await candidateClose(created.id, expectedDecreed)).toBe(false);

    // Regional days off: the agency's own administrator, typed errors, the deadline moves again.
    const regionalDay = firstWorkingDay(addCalendarDays(today, 1), decreedCalendar);
    const regional = {
      a: AGENCY.code,
      d: [{ date: regionalDay, name: 'Hari Jadi Provinsi Uji', basis: 'Keputusan Gubernur Uji Nomor 1 Tahun 2026' }],
      r: 'Hari jadi provinsi',
    };
    expectError(await d.gql(OTHER_ADMIN, REGIONAL, regional), 'FORBIDDEN', 'agencyCode');
    expectError(
      await d.gql(AGENCY_ADMIN, REGIONAL, { ...regional, d: [{ ...regional.d[0]!, date: '2026-13-01' }] }),
      'VALIDATION_FAILED',
      'days.0.date',
    );
    expectError(
      await d.gql(AGENCY_ADMIN, REGIONAL, { ...regional, d: [{ ...regional.d[0]!, basis: '' }] }),
      'VALIDATION_FAILED',
      'days.0.basis',
    );
    const set = must(
      await d.gql<{ setRegionalHolidays: { regional: { revision: number }; runningSelectionsNotified: number } }>(
        AGENCY_ADMIN,
        REGIONAL,
        regional,
      ),
    ).setRegionalHolidays;
    expect(set.regional.revision).toBe(1);
    expect(set.runningSelectionsNotified).toBeGreaterThanOrEqual(1);
    const withRegional = await waitForRevision(created.id, 2);
    expect(withRegional.deadline?.lastDay).toBe(firstWorkingDay(addCalendarDays(expectedDecreed, 1), decreedCalendar));
    expect(withRegional.deadline?.provisional).toBe(false);
  });
});

function firstWorkingDay(from: LocalDate, calendar: HolidayCalendar): LocalDate {
  let x = from;
  while (!isWorkingDay(x, calendar)) x = addCalendarDays(x, 1);
  return x;
}
