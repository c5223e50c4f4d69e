/** The follow-ups of a vacancy decision, built without Temporal: ids, the new round's input, the filling's. */
import { describe, expect, it } from 'vitest';
import { applicationId, buildSelectionRules, vacancyId, type AgencyDto } from '@seleksi/domain';
import { submittedApplicationState, type OpenSelectionInput, type PanselMemberPlan } from './definitions';
import {
  earlierApplicants,
  fnv32Hex,
  followUpInauguration,
  reannouncedSelectionId,
  reannouncementInput,
  switchedFillingId,
  switchedFillingInput,
} from './follow-up';

const AGENCY: AgencyDto = {
  code: 'KALTIM',
  name: 'Pemerintah Provinsi Kalimantan Timur',
  address: 'Jalan Gajah Mada Nomor 2, Samarinda',
  kind: 'PROVINCE',
  province: 'Kalimantan Timur',
  city: 'Samarinda',
  timeZone: 'WITA',
};
const SECRETARY = { userId: 'u-sec', role: 'PANSEL_SECRETARY' as const };
const V1 = vacancyId('JPT-2026-0A1B2C3D', 0);
const V2 = vacancyId('JPT-2026-0A1B2C3D', 1);
const RULES = buildSelectionRules({ registrationDays: 10, minApplicantsPerVacancy: 5 });
const PANSEL: PanselMemberPlan[] = [
  { id: 'm1', userId: 'u-m1', name: 'Ketua', institution: 'Univ', internal: false, partyMember: false, role: 'CHAIR' },
];

const INPUT: OpenSelectionInput = {
  selectionId: 'JPT-2026-0A1B2C3D',
  agency: AGENCY,
  title: 'Seleksi Terbuka JPT Pratama 2026',
  announcementDate: '2026-03-02',
  registrationClosesAt: '2026-03-16T15:59:59.999Z',
  plannedInaugurationDate: '2026-06-01',
  vacancies: [
    { id: V1, level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
    { id: V2, level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan' },
  ],
  rules: RULES,
  calendar: {},
  electionWindows: [{ from: '2026-09-01', to: '2026-12-31' }],
  requirements: ['Berstatus PNS'],
  signatory: { name: 'Ketua Pansel', title: 'Ketua Panitia Seleksi' },
  ppkTitle: 'Gubernur Kalimantan Timur',
  createdBy: SECRETARY,
  createdAt: '2026-03-01T00:00:00.000Z',
};

describe('follow-up ids', () => {
  it('derive one new round and one filling per vacancy, the same on every call', () => {
    expect(reannouncedSelectionId(V1)).toBe('JPT-2026-0A1B2C3D-V1-U');
    expect(reannouncedSelectionId(V1)).not.toBe(reannouncedSelectionId(V2));
    expect(fnv32Hex('')).toBe('811C9DC5');
    expect(fnv32Hex('a')).toBe('E40C292C');
    const id = switchedFillingId('KALTIM', V1, '2026');
    expect(id).toMatch(/^TAL-KALTIM-2026-[0-9A-F]{8}$/);
    expect(switchedFillingId('KALTIM', V1, '2026')).toBe(id);
    expect(switchedFillingId('KALTIM', V2, '2026')).not.toBe(id);
  });

  it('keep the planned inauguration while it is at least 60 days after the new announcement', () => {
    expect(followUpInauguration('2026-06-01', '2026-03-20')).toBe('2026-06-01');
    expect(followUpInauguration('2026-06-01', '2026-04-10')).toBe('2026-06-09');
  });
});

describe('the re-announced round', () => {
  const next = reannouncementInput({
    input: INPUT,
    vacancy: INPUT.vacancies[0]!,
    pansel: PANSEL,
    announcementDate: '2026-04-06',
    calendar: {},
    createdBy: SECRETARY,
    createdAt: '2026-04-06T02:00:00.000Z',
  });

  it('is pre-filled from the old round: agency, the post, requirements, pinned rules, Pansel, signatory', () => {
    expect(next.selectionId).toBe(`${V1}-U`);
    expect(next.agency).toEqual(AGENCY);
    expect(next.vacancies).toEqual([{ ...INPUT.vacancies[0], id: `${V1}-U-V1` }]);
    expect(next.requirements).toEqual(INPUT.requirements);
    expect(next.rules).toEqual(RULES);
    expect(next.electionWindows).toEqual(INPUT.electionWindows);
    expect(next.signatory).toEqual(INPUT.signatory);
    expect(next.ppkTitle).toBe(INPUT.ppkTitle);
    expect(next.reannouncementOf).toEqual({ selectionId: INPUT.selectionId, vacancyId: V1, pansel: PANSEL });
    expect(next.title).toContain('Pengumuman Ulang: Kepala Dinas Pendidikan');
  });

  it('opens registration for the pinned number of days from its own announcement', () => {
    expect(next.announcementDate).toBe('2026-04-06');
    // 10 calendar days from 6 April (day 1) close at the end of 15 April, WITA (UTC+8).
    expect(next.registrationClosesAt).toBe('2026-04-15T15:59:59.999Z');
    expect(next.plannedInaugurationDate).toBe('2026-06-05');
  });

  it('a re-announcement of a re-announced round names the round it comes from, not the first', () => {
    const again = reannouncementInput({
      input: next,
      vacancy: next.vacancies[0]!,
      pansel: PANSEL,
      announcementDate: '2026-05-04',
      calendar: {},
      createdBy: SECRETARY,
      createdAt: '2026-05-04T02:00:00.000Z',
    });
    expect(again.selectionId).toBe(`${V1}-U-V1-U`);
    expect(again.reannouncementOf?.selectionId).toBe(next.selectionId);
  });
});

describe('the switched filling', () => {
  it('fills the post with the round’s PPK, overseer rules and signatory, naming the vacancy', () => {
    const f = switchedFillingInput({
      input: INPUT,
      vacancy: INPUT.vacancies[1]!,
      today: '2026-04-06',
      createdBy: SECRETARY,
      createdAt: '2026-04-06T02:00:00.000Z',
    });
    expect(f.fillingId).toBe(switchedFillingId('KALTIM', V2, '2026'));
    expect(f.post).toEqual(INPUT.vacancies[1]);
    expect(f.overseer).toEqual(RULES.overseer);
    expect(f.fallbackRules).toEqual(RULES);
    expect(f.ppkTitle).toBe(INPUT.ppkTitle);
    expect(f.switchedFrom).toEqual({ selectionId: INPUT.selectionId, vacancyId: V2 });
  });
});

describe('earlier applicants', () => {
  it('are the candidates of that vacancy, each once, withdrawn ones included', () => {
    const app = (c: string, v: string, withdrawn = false) => ({
      ...submittedApplicationState({
        applicationId: applicationId(v, c),
        candidateId: c,
        vacancyId: v,
        submittedAt: '2026-03-03T00:00:00.000Z',
        homePpkPermission: false,
      }),
      withdrawn,
    });
    expect(earlierApplicants([app('c1', V1), app('c2', V2), app('c3', V1, true), app('c1', V1)], V1)).toEqual([
      'c1',
      'c3',
    ]);
  });
});
