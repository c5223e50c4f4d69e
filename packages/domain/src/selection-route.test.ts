import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_CALENDAR, addWorkingDays, endOfLocalDay } from './calendar';
import { selectionRoute, workingDaysLeft, type RouteEvent } from './selection-route';

const base = {
  timeZone: 'WITA' as const,
  announcementDate: '2026-12-14',
  registrationClosesAt: '2026-12-28T15:59:59.999Z',
};

const ev = (stage: RouteEvent['stage'], at: string, expectedNextAt: string | null = null): RouteEvent => ({
  stage,
  at,
  expectedNextAt,
});

describe('selectionRoute', () => {
  it('marks the stages before the current one done, the current one with its deadline, the next and later ones ahead', () => {
    const due = '2026-12-10T15:59:59.999Z';
    const route = selectionRoute({
      ...base,
      stage: 'PLAN_APPROVAL',
      history: [ev('PLAN_APPROVAL', '2026-12-03T02:00:00.000Z', due), ev('PLANNED', '2026-12-01T01:00:00.000Z')],
    });
    expect(route.map((r) => r.state).slice(0, 4)).toEqual(['DONE', 'CURRENT', 'NEXT', 'LATER']);
    expect(route[0]).toMatchObject({ startedAt: '2026-12-01T01:00:00.000Z', endedAt: '2026-12-03T02:00:00.000Z' });
    expect(route[1]).toMatchObject({ actor: 'OVERSEER', startedAt: '2026-12-03T02:00:00.000Z', dueAt: due });
    // Registration ahead: starts on the announcement day (00.00 WITA) and closes when planned.
    expect(route[2]).toMatchObject({
      stage: 'REGISTRATION_OPEN',
      expectedAt: '2026-12-13T16:00:00.000Z',
      dueAt: base.registrationClosesAt,
    });
    expect(route.at(-1)).toMatchObject({ stage: 'COMPLETED', state: 'LATER' });
    expect(route.some((r) => r.stage === 'REGISTRATION_EXTENDED' || r.stage === 'CANCELLED')).toBe(false);
    expect(route.filter((r) => r.state === 'CURRENT')).toHaveLength(1);
  });

  it('takes the deadline of the last event of the current stage: a closed objection window has none left', () => {
    const opened = ev('ADMINISTRATIVE_OBJECTIONS', '2026-12-20T01:00:00.000Z', '2026-12-24T15:59:59.999Z');
    const route = (history: RouteEvent[]) =>
      selectionRoute({ ...base, stage: 'ADMINISTRATIVE_OBJECTIONS', history }).find((r) => r.state === 'CURRENT')!;
    expect(route([opened]).dueAt).toBe('2026-12-24T15:59:59.999Z');
    const next = selectionRoute({ ...base, stage: 'ADMINISTRATIVE_OBJECTIONS', history: [opened] }).find(
      (r) => r.state === 'NEXT',
    )!;
    expect(next).toMatchObject({ stage: 'COMPETENCY_ASSESSMENT', expectedAt: '2026-12-24T16:00:00.000Z' });
    expect(route([opened, ev('ADMINISTRATIVE_OBJECTIONS', '2026-12-25T00:00:00.000Z')]).dueAt).toBeNull();
  });

  it('shows an extension only when it happened, and the registration close as the deadline of an open registration', () => {
    const route = selectionRoute({
      ...base,
      stage: 'REGISTRATION_EXTENDED',
      history: [
        ev('REGISTRATION_OPEN', '2026-12-14T00:00:00.000Z'),
        ev('REGISTRATION_EXTENDED', '2026-12-29T00:00:00.000Z'),
      ],
    });
    const i = route.findIndex((r) => r.stage === 'REGISTRATION_EXTENDED');
    expect(route[i - 1]).toMatchObject({ stage: 'REGISTRATION_OPEN', state: 'DONE' });
    expect(route[i]).toMatchObject({ state: 'CURRENT', actor: 'CANDIDATES', dueAt: base.registrationClosesAt });
  });

  it('ends a cancelled round at its cancellation: the stages never reached are skipped, not done', () => {
    const route = selectionRoute({
      ...base,
      stage: 'CANCELLED',
      history: [
        ev('PLANNED', '2026-12-01T00:00:00.000Z'),
        ev('PLAN_APPROVAL', '2026-12-02T00:00:00.000Z'),
        ev('CANCELLED', '2026-12-05T00:00:00.000Z'),
      ],
    });
    expect(route.slice(0, 4).map((r) => [r.stage, r.state])).toEqual([
      ['PLANNED', 'DONE'],
      ['PLAN_APPROVAL', 'DONE'],
      ['CANCELLED', 'CURRENT'],
      ['REGISTRATION_OPEN', 'SKIPPED'],
    ]);
    expect(route.some((r) => r.stage === 'COMPLETED')).toBe(false);
    expect(route.find((r) => r.stage === 'CANCELLED')!.actor).toBeNull();
  });

  it('after a correction dates a stage by its latest visit', () => {
    const route = selectionRoute({
      ...base,
      stage: 'PLAN_APPROVAL',
      history: [
        ev('PLANNED', '2026-12-01T00:00:00.000Z'),
        ev('PLAN_APPROVAL', '2026-12-02T00:00:00.000Z'),
        ev('PLANNED', '2026-12-03T00:00:00.000Z'),
        ev('PLAN_APPROVAL', '2026-12-04T00:00:00.000Z'),
      ],
    });
    expect(route[0]).toMatchObject({
      state: 'DONE',
      startedAt: '2026-12-03T00:00:00.000Z',
      endedAt: '2026-12-04T00:00:00.000Z',
    });
    expect(route[1]).toMatchObject({ state: 'CURRENT', startedAt: '2026-12-04T00:00:00.000Z' });
  });
});

describe('workingDaysLeft', () => {
  const cal = DEFAULT_HOLIDAY_CALENDAR;
  it('counts the working days the engine added: 5 working days from today shows 5, across a weekend and holidays', () => {
    // Monday 21 December 2026, 10.00 WITA; Christmas (25th) and cuti bersama fall on the way.
    const now = new Date('2026-12-21T02:00:00.000Z');
    const due = endOfLocalDay(addWorkingDays('2026-12-21', 5, cal), 'WITA');
    expect(workingDaysLeft(due, now, 'WITA', cal)).toBe(5);
    expect(due.toISOString() > '2026-12-28').toBe(true); // the holidays pushed it past the weekend
  });

  it('is 0 on the last day and negative once it passed; days are the agency zone’s, not UTC’s', () => {
    const due = endOfLocalDay('2026-12-10', 'WITA'); // Thursday, 23.59 WITA = 15.59 UTC
    expect(workingDaysLeft(due, new Date('2026-12-10T15:00:00.000Z'), 'WITA', cal)).toBe(0);
    // 00.30 WITA on Friday is still Thursday in UTC, but the deadline has passed.
    expect(workingDaysLeft(due, new Date('2026-12-10T16:30:00.000Z'), 'WITA', cal)).toBe(-1);
    expect(workingDaysLeft(due, new Date('2026-12-09T01:00:00.000Z'), 'WITA', cal)).toBe(1);
  });
});
