/**
 * Table tests of the decision guards: no Temporal, only a view built by hand. Each row is a
 * decision that must pass, or be refused with its code and field.
 */
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { applicationId, buildSelectionRules, type Actor } from '@seleksi/domain';
import {
  MAX_APPLICATIONS_PER_BATCH,
  openVacancyState,
  submittedApplicationState,
  type ApplicationState,
  type OpenSelectionState,
  type PanselMemberPlan,
  type VacancyState,
} from './definitions';
import { requestAdditionalDocumentsGuard, type RequestAdditionalDocumentsArgs } from './document-request';
import * as guard from './guards';

const CANDIDATE: Actor = { userId: 'u-c1', role: 'CANDIDATE' };
const SECRETARY: Actor = { userId: 'u-sec', role: 'PANSEL_SECRETARY' };
const MEMBER: Actor = { userId: 'u-m1', role: 'PANSEL_MEMBER' };
const V1 = 'SEL-V01';
const V2 = 'SEL-V02';
const CLOSE = Date.parse('2026-12-10T15:59:59.999Z');

function vacancy(id: string, status: VacancyState['status']): VacancyState {
  return { ...openVacancyState(id), status };
}

function application(candidateId: string, vacancyId: string, over: Partial<ApplicationState> = {}): ApplicationState {
  const a = submittedApplicationState({
    applicationId: applicationId(vacancyId, candidateId),
    candidateId,
    vacancyId,
    submittedAt: '2026-12-01T01:00:00.000Z',
    homePpkPermission: false,
  });
  return { ...a, status: 'ELIGIBLE', eligible: true, ...over };
}

const PANSEL: PanselMemberPlan[] = ['m1', 'm2', 'm3'].map((id, i) => ({
  id,
  userId: `u-${id}`,
  name: `Anggota ${i + 1}`,
  institution: 'Uji',
  internal: i === 0,
  partyMember: false,
  role: i === 0 ? 'CHAIR' : 'MEMBER',
}));

interface ViewOptions {
  stage?: OpenSelectionState['stage'];
  vacancies?: VacancyState[];
  apps?: ApplicationState[];
  now?: number;
  closedAt?: Record<string, number>;
  completedStage?: string | null;
  conflicts?: Record<string, string[]>;
}

function view(o: ViewOptions = {}): guard.GuardView {
  const apps = o.apps ?? [];
  const byCandidate = new Map<string, string[]>();
  for (const a of apps) byCandidate.set(a.candidateId, [...(byCandidate.get(a.candidateId) ?? []), a.applicationId]);
  const now = o.now ?? CLOSE - 60_000;
  const stage = o.stage ?? 'REGISTRATION_OPEN';
  const state = {
    selectionId: 'SEL',
    agencyCode: 'KALTIM',
    stage,
    simulation: false,
    registrationClosesAt: new Date(CLOSE).toISOString(),
    deadline:
      stage.startsWith('REGISTRATION_') && stage !== 'REGISTRATION_CLOSED'
        ? { label: 'REGISTRATION', at: new Date(CLOSE).toISOString(), lastDay: '2026-12-10' }
        : null,
    announcementDocument: null,
    documents: [],
    pansel: PANSEL,
    conflicts: o.conflicts ?? {},
    vacancies: o.vacancies ?? [vacancy(V1, 'OPEN'), vacancy(V2, 'OPEN')],
    applications: apps,
    applicationsPerVacancy: {},
    objections: [],
    overseer: null,
    electionPermission: null,
    decisions: [],
    calendarRevision: 0,
  } as OpenSelectionState;
  return {
    input: { rules: buildSelectionRules({}), vacancies: [], electionWindows: [] },
    state,
    applications: new Map(apps.map((a) => [a.applicationId, a])),
    byCandidate,
    planSubmitted: false,
    screeningPublished: false,
    completedStage: o.completedStage ?? null,
    overseerVerdictPending: false,
    objectionRound: 0,
    closedAt: o.closedAt ?? {},
    lateReceiptMs: 120_000,
    now,
    today: '2026-12-10',
    timeZone: 'WITA',
    toClock: (ms) => ms,
  };
}

/** The code and field of the refusal, or 'ok'. */
function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (!(err instanceof ApplicationFailure)) throw err;
    const field = (err.details?.[0] as { field?: string } | undefined)?.field;
    return field ? `${err.type}:${field}` : String(err.type);
  }
}

const apply = (receivedAt: number | null, vacancyId = V1) => ({
  actor: CANDIDATE,
  candidateId: 'c1',
  vacancyId,
  ...(receivedAt !== null ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
});

describe('submitApplication guard: the receipt time decides, not the processing time', () => {
  const closedV1 = { [V1]: CLOSE };
  const afterClose = [vacancy(V1, 'IN_SELECTION'), vacancy(V2, 'IN_SELECTION')];
  it.each([
    ['received and processed while open', view(), apply(CLOSE - 1000), 'ok'],
    ['no receipt time: the processing time counts', view(), apply(null), 'ok'],
    [
      'received before the close, processed in the grace period',
      view({ stage: 'REGISTRATION_CLOSED', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 60_000 }),
      apply(CLOSE - 1),
      'ok',
    ],
    [
      'received exactly at the close',
      view({ stage: 'REGISTRATION_CLOSED', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 1 }),
      apply(CLOSE),
      'ok',
    ],
    [
      'received after the close',
      view({ stage: 'REGISTRATION_CLOSED', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 1000 }),
      apply(CLOSE + 1),
      'REGISTRATION_CLOSED:vacancyId',
    ],
    [
      'received before the close, processed after the grace period',
      view({ stage: 'REGISTRATION_CLOSED', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 120_001 }),
      apply(CLOSE - 1),
      'REGISTRATION_CLOSED:vacancyId',
    ],
    [
      'a receipt time from the future counts as now (after the close)',
      view({ stage: 'REGISTRATION_CLOSED', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 1000 }),
      apply(CLOSE + 99_999),
      'REGISTRATION_CLOSED:vacancyId',
    ],
    [
      'the other vacancy, closed, extension running for V1',
      view({
        stage: 'REGISTRATION_EXTENDED',
        vacancies: [vacancy(V1, 'EXTENDED'), vacancy(V2, 'IN_SELECTION')],
        closedAt: { [V2]: CLOSE - 10_000 },
        now: CLOSE - 5_000,
      }),
      apply(CLOSE - 20_000, V2),
      'ok',
    ],
    [
      'once screening has started',
      view({ stage: 'ADMINISTRATIVE_SCREENING', vacancies: afterClose, closedAt: closedV1, now: CLOSE + 1 }),
      apply(CLOSE - 1),
      'REGISTRATION_CLOSED:vacancyId',
    ],
    ['before registration opens', view({ stage: 'PLAN_APPROVAL' }), apply(null), 'WRONG_STAGE:vacancyId'],
    ['an unknown vacancy', view(), apply(null, 'SEL-V09'), 'UNKNOWN_VACANCY:vacancyId'],
    [
      'a second application to the same vacancy',
      view({ apps: [application('c1', V1, { status: 'SUBMITTED', eligible: null })] }),
      apply(null),
      'DUPLICATE_APPLICATION:vacancyId',
    ],
    [
      'over the vacancies-per-candidate limit',
      view({ apps: [application('c1', V2, { status: 'SUBMITTED', eligible: null })] }),
      apply(null),
      'APPLICATION_LIMIT_REACHED:vacancyId',
    ],
  ])('%s', (_name, v, args, expected) => {
    expect(outcome(() => guard.submitApplication(v, args))).toBe(expected);
  });

  it('a secretary cannot apply', () => {
    expect(outcome(() => guard.submitApplication(view(), { ...apply(null), actor: SECRETARY }))).toBe(
      'FORBIDDEN:actor',
    );
  });

  // A batch is taken as a whole when its size is right; each item meets submitApplication in the handler.
  it.each([
    ['one item', 1, 'ok'],
    [`${MAX_APPLICATIONS_PER_BATCH} items`, MAX_APPLICATIONS_PER_BATCH, 'ok'],
    ['no item', 0, 'VALIDATION_FAILED:items'],
    ['more than a batch holds', MAX_APPLICATIONS_PER_BATCH + 1, 'VALIDATION_FAILED:items'],
  ])('a batch of %s', (_name, size, expected) => {
    const items = Array.from({ length: size }, () => apply(null));
    expect(outcome(() => guard.submitApplications(view(), { items }))).toBe(expected);
  });
});

describe('scoring guards', () => {
  const a1 = application('c1', V1);
  const scoring = (o: ViewOptions) => view({ vacancies: [vacancy(V1, 'IN_SELECTION')], apps: [a1], ...o });
  const score = (over: Partial<{ memberId: string; score: number; actor: Actor; applicationId: string }> = {}) => ({
    actor: MEMBER,
    memberId: 'm1',
    applicationId: a1.applicationId,
    score: 80,
    ...over,
  });
  it.each([
    ['a member scores in the interview', scoring({ stage: 'INTERVIEW' }), score(), 'ok'],
    ['outside the interview', scoring({ stage: 'TRACK_RECORD' }), score(), 'WRONG_STAGE'],
    ['for another member', scoring({ stage: 'INTERVIEW' }), score({ memberId: 'm2' }), 'NOT_A_MEMBER:memberId'],
    ['a recused member', scoring({ stage: 'INTERVIEW', conflicts: { m1: ['c1'] } }), score(), 'RECUSED:applicationId'],
    ['a score out of range', scoring({ stage: 'INTERVIEW' }), score({ score: 101 }), 'VALIDATION_FAILED:score'],
    [
      'an unknown application',
      scoring({ stage: 'INTERVIEW' }),
      score({ applicationId: 'nope' }),
      'NOT_FOUND:applicationId',
    ],
  ])('%s', (_name, v, args, expected) => {
    expect(outcome(() => guard.submitInterviewScore(v, args))).toBe(expected);
  });

  it('closing a stage names what is missing and counts the rest', () => {
    const apps = Array.from({ length: 8 }, (_, i) => application(`c${i}`, V1));
    const v = view({ stage: 'COMPETENCY_ASSESSMENT', vacancies: [vacancy(V1, 'IN_SELECTION')], apps });
    expect(guard.incompleteFor(v, 'COMPETENCY_ASSESSMENT')).toMatchObject({ count: 8 });
    expect(outcome(() => guard.completeStage(v, { actor: SECRETARY, stage: 'COMPETENCY_ASSESSMENT' }))).toBe(
      'INCOMPLETE:stage',
    );
    for (const a of apps) a.assessment = { managerial: 80, socioCultural: 80, paper: 80, presentation: 80, score: 80 };
    expect(outcome(() => guard.completeStage(v, { actor: SECRETARY, stage: 'COMPETENCY_ASSESSMENT' }))).toBe('ok');
    expect(outcome(() => guard.completeStage(v, { actor: SECRETARY, stage: 'INTERVIEW' }))).toBe('WRONG_STAGE:stage');
  });
});

describe('withdrawal guard', () => {
  it.each([
    ['own application while competing', 'c1', 'INTERVIEW', {}, 'ok'],
    ["another candidate's application", 'c2', 'INTERVIEW', {}, 'FORBIDDEN:applicationId'],
    ['already withdrawn', 'c1', 'INTERVIEW', { withdrawn: true }, 'ALREADY_DECIDED:applicationId'],
    ['after the decree', 'c1', 'DECREE', {}, 'WRONG_STAGE:applicationId'],
    ['a closed application', 'c1', 'INTERVIEW', { status: 'NOT_ELIGIBLE' as const }, 'WRONG_STAGE:applicationId'],
  ] as const)('%s', (_name, candidateId, stage, over, expected) => {
    const a = application('c1', V1, over);
    const v = view({ stage, vacancies: [vacancy(V1, 'IN_SELECTION')], apps: [a] });
    const args = { actor: CANDIDATE, applicationId: a.applicationId, candidateId, reason: 'Alasan pribadi keluarga' };
    expect(outcome(() => guard.withdrawApplication(v, args))).toBe(expected);
  });
});

describe('schedule guard', () => {
  const ok = {
    stage: 'COMPETENCY_ASSESSMENT' as const,
    date: '2026-12-14',
    time: '08:30',
    place: 'Aula BKD',
    notes: null,
  };
  it.each([
    ['a valid schedule', 'COMPETENCY_ASSESSMENT', {}, 'ok'],
    ['the interview during the assessment', 'COMPETENCY_ASSESSMENT', { stage: 'INTERVIEW' }, 'ok'],
    ['the assessment during the interview', 'INTERVIEW', {}, 'WRONG_STAGE:stage'],
    ['before the assessment stage', 'ADMINISTRATIVE_OBJECTIONS', {}, 'WRONG_STAGE:stage'],
    ['a date in the past', 'COMPETENCY_ASSESSMENT', { date: '2026-12-09' }, 'VALIDATION_FAILED:date'],
    ['an impossible date', 'COMPETENCY_ASSESSMENT', { date: '2026-02-30' }, 'VALIDATION_FAILED:date'],
    ['an impossible time', 'COMPETENCY_ASSESSMENT', { time: '24:10' }, 'VALIDATION_FAILED:time'],
    ['no place', 'COMPETENCY_ASSESSMENT', { place: ' ' }, 'VALIDATION_FAILED:place'],
    ['a place on two lines', 'COMPETENCY_ASSESSMENT', { place: 'Aula\nBKD' }, 'VALIDATION_FAILED:place'],
    ['notes too long', 'COMPETENCY_ASSESSMENT', { notes: 'x'.repeat(1001) }, 'VALIDATION_FAILED:notes'],
  ] as const)('%s', (_name, stage, over, expected) => {
    const v = view({ stage, vacancies: [vacancy(V1, 'IN_SELECTION')], apps: [application('c1', V1)] });
    expect(outcome(() => guard.scheduleStage(v, { actor: SECRETARY, ...ok, ...over }))).toBe(expected);
  });

  it('refuses a secretary-less actor, no one to invite, and a "change" to the same schedule', () => {
    const v = view({ stage: 'COMPETENCY_ASSESSMENT', vacancies: [vacancy(V1, 'IN_SELECTION')], apps: [] });
    expect(outcome(() => guard.scheduleStage(v, { actor: MEMBER, ...ok }))).toBe('FORBIDDEN:actor');
    expect(outcome(() => guard.scheduleStage(v, { actor: SECRETARY, ...ok }))).toBe('INCOMPLETE:stage');
    v.state.applications.push(application('c1', V1));
    // 14 December 2026 08.30 WITA is 00.30 UTC.
    expect(guard.scheduleInstant('2026-12-14', '08:30', 'WITA')).toBe('2026-12-14T00:30:00.000Z');
    v.state.schedules = {
      COMPETENCY_ASSESSMENT: { startsAt: '2026-12-14T00:30:00.000Z', place: 'Aula BKD', notes: null, revision: 1 },
    };
    expect(outcome(() => guard.scheduleStage(v, { actor: SECRETARY, ...ok }))).toBe('ALREADY_DECIDED:date');
    expect(outcome(() => guard.scheduleStage(v, { actor: SECRETARY, ...ok, time: '09:00' }))).toBe('ok');
  });
});

describe('requestAdditionalDocuments guard: the overseer, on a round under its review', () => {
  const OVERSEER: Actor = { userId: 'u-ov', role: 'OVERSEER' };
  const underReview = (stage: OpenSelectionState['stage'], pending = false): guard.GuardView => {
    const v = view({ stage });
    v.state.overseer = {
      subject: stage === 'PLAN_APPROVAL' ? 'PLAN' : 'RESULT',
      round: 1,
      requestedAt: '2026-12-01T01:00:00.000Z',
      escalations: 0,
    };
    return { ...v, overseerVerdictPending: pending };
  };
  const ask = (over: Partial<RequestAdditionalDocumentsArgs> = {}): RequestAdditionalDocumentsArgs => ({
    actor: OVERSEER,
    reason: 'Dokumen pendukung belum lengkap',
    documents: ['SK pembentukan Pansel', 'Notulen rapat Pansel'],
    ...over,
  });
  it.each([
    ['the plan under review', underReview('PLAN_APPROVAL'), ask(), 'ok'],
    ['the result under review', underReview('OVERSEER_RECOMMENDATION'), ask(), 'ok'],
    ['a secretary', underReview('PLAN_APPROVAL'), ask({ actor: SECRETARY }), 'FORBIDDEN:actor'],
    ['no review running', view({ stage: 'INTERVIEW' }), ask(), 'WRONG_STAGE:selectionId'],
    ['a verdict already given', underReview('PLAN_APPROVAL', true), ask(), 'WRONG_STAGE:selectionId'],
    ['no reason', underReview('PLAN_APPROVAL'), ask({ reason: ' ' }), 'VALIDATION_FAILED:reason'],
    ['no documents', underReview('PLAN_APPROVAL'), ask({ documents: [] }), 'VALIDATION_FAILED:documents'],
    [
      'a blank document',
      underReview('PLAN_APPROVAL'),
      ask({ documents: ['SK', ' '] }),
      'VALIDATION_FAILED:documents.0',
    ],
  ])('%s', (_name, v, args, expected) => {
    expect(outcome(() => requestAdditionalDocumentsGuard(v, args))).toBe(expected);
  });
});
