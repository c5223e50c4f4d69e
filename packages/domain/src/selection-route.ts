/**
 * The route of an open selection as a stepper shows it: every stage in the regulation's order, each
 * done, current or still ahead, with its dates, and who must act in it. Derived from the read model
 * only (current stage, stage history, announcement date, registration close), so the public page,
 * the candidate's page and the staff dashboard show the same thing.
 */
import { addCalendarDays, isWorkingDay, localDateOf, startOfLocalDay, type HolidayCalendar } from './calendar';
import type { AgencyTimeZone } from './levels';
import { SELECTION_STAGES, type SelectionStage } from './stages';

/** Who must act for a stage to move on. */
export const STAGE_ACTORS = [
  'PANSEL_SECRETARY',
  'PANSEL',
  'PANSEL_MEMBERS',
  'CANDIDATES',
  'OVERSEER',
  'PPK',
  'SYSTEM',
] as const;
export type StageActor = (typeof STAGE_ACTORS)[number];

/** Who the round waits for in each stage (null: nobody, the round is over). */
export const SELECTION_STAGE_ACTOR: Record<SelectionStage, StageActor | null> = {
  PLANNED: 'PANSEL_SECRETARY', // sets the Pansel and submits the plan
  PLAN_APPROVAL: 'OVERSEER',
  REGISTRATION_OPEN: 'CANDIDATES',
  REGISTRATION_EXTENDED: 'CANDIDATES',
  REGISTRATION_CLOSED: 'SYSTEM',
  ADMINISTRATIVE_SCREENING: 'PANSEL',
  ADMINISTRATIVE_OBJECTIONS: 'CANDIDATES', // objections are filed until the window closes
  COMPETENCY_ASSESSMENT: 'PANSEL_SECRETARY', // records the assessment results
  INTERVIEW: 'PANSEL_MEMBERS',
  TRACK_RECORD: 'PANSEL_SECRETARY',
  FINAL_RANKING: 'PANSEL',
  FINAL_OBJECTIONS: 'CANDIDATES',
  REPORTED_TO_PPK: 'SYSTEM',
  OVERSEER_RECOMMENDATION: 'OVERSEER',
  APPOINTMENT_CHOICE: 'PPK',
  DECREE: 'PPK',
  INAUGURATION: 'PPK',
  COMPLETED: null,
  CANCELLED: null,
};

/** The stages every round passes, in order (an extension and a cancellation appear only when they happen). */
export const SELECTION_ROUTE: readonly SelectionStage[] = SELECTION_STAGES.filter(
  (stage) => stage !== 'REGISTRATION_EXTENDED' && stage !== 'CANCELLED',
);

/** DONE: passed; CURRENT: the round is in it; NEXT: the one after the current; LATER: further ahead; SKIPPED: never reached (cancelled round). */
export const ROUTE_STAGE_STATES = ['DONE', 'CURRENT', 'NEXT', 'LATER', 'SKIPPED'] as const;
export type RouteStageState = (typeof ROUTE_STAGE_STATES)[number];

export interface RouteStage {
  stage: SelectionStage;
  state: RouteStageState;
  actor: StageActor | null;
  /** When the round (last) entered the stage. */
  startedAt: string | null;
  /** When it left it (DONE stages). */
  endedAt: string | null;
  /** The deadline of the current stage (or the planned registration close while registration is ahead). */
  dueAt: string | null;
  /** When a stage ahead is expected to start, when known (the current deadline, the announcement date). */
  expectedAt: string | null;
}

export interface RouteEvent {
  stage: SelectionStage;
  at: string;
  expectedNextAt?: string | null;
}

export interface RouteInput {
  stage: SelectionStage;
  history: readonly RouteEvent[];
  timeZone: AgencyTimeZone;
  announcementDate: string;
  registrationClosesAt: string;
}

const REGISTRATION: readonly SelectionStage[] = ['REGISTRATION_OPEN', 'REGISTRATION_EXTENDED'];

/** The route with each stage's state and dates. */
export function selectionRoute(input: RouteInput): RouteStage[] {
  const history = [...input.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const seen = new Set(history.map((e) => e.stage));
  seen.add(input.stage);
  const cancelled = input.stage === 'CANCELLED';
  const stages: SelectionStage[] = SELECTION_ROUTE.filter((s) => !(cancelled && s === 'COMPLETED'));
  if (seen.has('REGISTRATION_EXTENDED'))
    stages.splice(stages.indexOf('REGISTRATION_OPEN') + 1, 0, 'REGISTRATION_EXTENDED');
  // A cancelled round ends where it was cancelled: the stages after the last one reached were skipped.
  let current = cancelled ? -1 : stages.indexOf(input.stage);
  if (cancelled) {
    const reached = stages.reduce((last, s, i) => (seen.has(s) && s !== 'CANCELLED' ? i : last), -1);
    stages.splice(reached + 1, 0, 'CANCELLED');
    current = reached + 1;
  }

  // The latest visit of each stage (a correction sends the round back to an earlier stage).
  const visit = new Map<SelectionStage, { start: number; end: number }>();
  for (let i = 0; i < history.length; i++) {
    const s = history[i]!.stage;
    if (i > 0 && history[i - 1]!.stage === s) visit.get(s)!.end = i;
    else visit.set(s, { start: i, end: i });
  }
  const dueOfCurrent = (() => {
    const v = visit.get(input.stage);
    const last = v ? (history[v.end]!.expectedNextAt ?? null) : null;
    if (last) return last;
    return REGISTRATION.includes(input.stage) ? input.registrationClosesAt : null;
  })();

  return stages.map((stage, i): RouteStage => {
    const v = visit.get(stage);
    const state: RouteStageState =
      i < current
        ? cancelled && !seen.has(stage)
          ? 'SKIPPED'
          : 'DONE'
        : i === current
          ? 'CURRENT'
          : cancelled
            ? 'SKIPPED'
            : i === current + 1
              ? 'NEXT'
              : 'LATER';
    const startedAt = v && state !== 'SKIPPED' && state !== 'NEXT' && state !== 'LATER' ? history[v.start]!.at : null;
    const endedAt = state === 'DONE' && v ? (history[v.end + 1]?.at ?? null) : null;
    let dueAt: string | null = null;
    let expectedAt: string | null = null;
    if (state === 'CURRENT') dueAt = dueOfCurrent;
    // The next stage starts when the current one's deadline has passed (00.00 after a day's end).
    if (state === 'NEXT' && dueOfCurrent) expectedAt = new Date(new Date(dueOfCurrent).getTime() + 1).toISOString();
    if (stage === 'REGISTRATION_OPEN' && (state === 'NEXT' || state === 'LATER')) {
      expectedAt = startOfLocalDay(input.announcementDate, input.timeZone).toISOString();
      dueAt = input.registrationClosesAt;
    }
    return { stage, state, actor: SELECTION_STAGE_ACTOR[stage], startedAt, endedAt, dueAt, expectedAt };
  });
}

/**
 * Working days left before a deadline, counted in the agency's zone: the working days after today up
 * to and including the deadline's day (so a deadline set "5 working days" from today shows 5; 0 on
 * its last day). Negative when the day has passed (the count of working days since). Throws when the
 * calendar lacks a year on the way.
 */
export function workingDaysLeft(
  dueAt: string | Date,
  now: Date,
  tz: AgencyTimeZone,
  calendar: HolidayCalendar,
): number {
  const today = localDateOf(now, tz);
  const last = localDateOf(dueAt, tz);
  // Working days in (from, to].
  const between = (from: string, to: string): number => {
    let n = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, calendar)) n += 1;
    return n;
  };
  return last >= today ? between(today, last) : -Math.max(1, between(last, today));
}
