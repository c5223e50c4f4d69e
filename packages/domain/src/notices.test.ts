import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_CALENDAR } from './calendar';
import {
  ESSENTIAL_NOTICES,
  NOTICE_KINDS,
  parseScheduleNote,
  reminderInstant,
  scheduleNote,
  workingDaysAfterInstant,
} from './notices';

describe('reminderInstant', () => {
  it('counts back working days, skipping weekends, to 08.00 local time', () => {
    // Deadline Wednesday 2 December 2026, 23.59 WITA: two working days before is Monday 30 November.
    expect(reminderInstant('2026-12-02T15:59:00Z', 2, 'WITA', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
    // Deadline Tuesday 1 December 2026 (WIB): two working days before skips the weekend to Thursday 26 November.
    expect(reminderInstant('2026-12-01T10:00:00Z', 2, 'WIB', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2026-11-27T01:00:00.000Z',
    );
  });

  it('skips national holidays and cuti bersama', () => {
    // 25 December 2026 is Christmas (Friday), 24 December cuti bersama: from Monday 28 December, one
    // working day back is Wednesday 23 December.
    expect(reminderInstant('2026-12-28T05:00:00Z', 1, 'WIB', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2026-12-23T01:00:00.000Z',
    );
  });

  it('counts weekends only in a year the calendar lacks', () => {
    expect(reminderInstant('2031-01-06T05:00:00Z', 1, 'WIB', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2031-01-03T01:00:00.000Z',
    );
  });
});

describe('essential notices', () => {
  it('are the ones that start a deadline or change rights; the others may be turned off', () => {
    // Sets (which kinds, not their declared order), both sides: a new kind fails here until it is placed.
    expect(new Set(NOTICE_KINDS.filter((k) => ESSENTIAL_NOTICES[k]))).toEqual(
      new Set([
        'DEADLINE_ESCALATION',
        'DECISION_REMINDER',
        'DECISION_WAITING',
        'ELECTION_REPORT_DUE',
        'OBJECTION_WINDOW_OPEN',
        'PROFILE_DISPUTE_DECIDED',
        'SCHEDULE_CHANGED',
        'SCREENING_RESULT',
        'STAGE_INVITATION',
        'TALENT_INVITATION',
      ]),
    );
    expect(new Set(NOTICE_KINDS.filter((k) => !ESSENTIAL_NOTICES[k]))).toEqual(
      new Set(['APPLICATION_RECEIVED', 'FINAL_RESULT', 'OBJECTION_WINDOW_CLOSED', 'WITHDRAWAL_CONFIRMED']),
    );
  });
});

describe('workingDaysAfterInstant', () => {
  it('counts working days forward, skipping weekends and holidays, to 08.00 local time', () => {
    // Thursday 17 December 2026 (WITA): 3 working days on skips the weekend and 24–25 December.
    expect(workingDaysAfterInstant('2026-12-17T03:00:00Z', 3, 'WITA', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2026-12-22T00:00:00.000Z',
    );
    expect(workingDaysAfterInstant('2026-12-22T03:00:00Z', 2, 'WIT', DEFAULT_HOLIDAY_CALENDAR).toISOString()).toBe(
      '2026-12-27T23:00:00.000Z',
    );
  });
});

describe('schedule notes', () => {
  it('round-trip the place and the notes', () => {
    expect(parseScheduleNote(scheduleNote('Aula BKD, Jl. Gajah Mada 2', 'Membawa laptop\nBerpakaian dinas'))).toEqual({
      place: 'Aula BKD, Jl. Gajah Mada 2',
      notes: 'Membawa laptop\nBerpakaian dinas',
    });
    expect(parseScheduleNote(scheduleNote('Aula BKD', null))).toEqual({ place: 'Aula BKD', notes: null });
  });
});
