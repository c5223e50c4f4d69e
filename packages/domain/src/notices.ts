/**
 * Notices (e-mail) the system sends. The outbox lives in services/candidate, which sees every timeline
 * entry and stage event as it is recorded; the gateway delivers them, since it owns the accounts and so
 * the addresses and each user's preferences.
 */
import type { ApplicationStatus } from './stages';
import type { AgencyTimeZone } from './levels';
import {
  addCalendarDays,
  dayOfWeek,
  isWorkingDay,
  localDateOf,
  startOfLocalDay,
  type HolidayCalendar,
} from './calendar';
import type { Role } from './roles';

export const NOTICE_KINDS = [
  'APPLICATION_RECEIVED',
  'SCREENING_RESULT',
  'OBJECTION_WINDOW_OPEN',
  'OBJECTION_WINDOW_CLOSED',
  'FINAL_RESULT',
  'WITHDRAWAL_CONFIRMED',
  'DECISION_WAITING',
  'DECISION_REMINDER',
  'STAGE_INVITATION',
  'SCHEDULE_CHANGED',
  'TALENT_INVITATION',
  'DEADLINE_ESCALATION',
  'PROFILE_DISPUTE_DECIDED',
  'ELECTION_REPORT_DUE',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Essential notices change the recipient's rights or start a deadline of theirs: always sent. The others
 * confirm what the portal already shows, and each user may turn them off.
 */
export const ESSENTIAL_NOTICES: Record<NoticeKind, boolean> = {
  APPLICATION_RECEIVED: false,
  SCREENING_RESULT: true,
  OBJECTION_WINDOW_OPEN: true,
  OBJECTION_WINDOW_CLOSED: false,
  FINAL_RESULT: false,
  WITHDRAWAL_CONFIRMED: false,
  DECISION_WAITING: true,
  DECISION_REMINDER: true,
  STAGE_INVITATION: true,
  SCHEDULE_CHANGED: true,
  TALENT_INVITATION: true,
  DEADLINE_ESCALATION: true,
  // The decision changes (or keeps) the data the candidate's eligibility is judged on.
  PROFILE_DISPUTE_DECIDED: true,
  // Starts the agency's 7-working-day duty to report to the Home Affairs Minister.
  ELECTION_REPORT_DUE: true,
};

export const NOTICE_KIND_TEXT_ID: Record<NoticeKind, string> = {
  APPLICATION_RECEIVED: 'Lamaran diterima',
  SCREENING_RESULT: 'Hasil seleksi administrasi',
  OBJECTION_WINDOW_OPEN: 'Masa sanggah dibuka',
  OBJECTION_WINDOW_CLOSED: 'Masa sanggah ditutup',
  FINAL_RESULT: 'Hasil akhir seleksi',
  WITHDRAWAL_CONFIRMED: 'Pengunduran diri dikonfirmasi',
  DECISION_WAITING: 'Keputusan menunggu Anda',
  DECISION_REMINDER: 'Pengingat batas waktu keputusan',
  STAGE_INVITATION: 'Undangan uji kompetensi atau wawancara',
  SCHEDULE_CHANGED: 'Perubahan jadwal uji kompetensi atau wawancara',
  TALENT_INVITATION: 'Undangan jalur talenta',
  DEADLINE_ESCALATION: 'Batas waktu keputusan terlampaui',
  PROFILE_DISPUTE_DECIDED: 'Keputusan atas sanggahan profil',
  ELECTION_REPORT_DUE: 'Kewajiban laporan pengangkatan dalam masa pilkada',
};

/**
 * Working days after the PPK is asked to choose 1 of 3 after which the agency administrator and the
 * secretariat are told the choice is overdue. The rules pinned on a round set no deadline for the PPK,
 * so this is the outbox's own escalation point, not a deadline of the process.
 */
export const PPK_CHOICE_ESCALATION_WORKING_DAYS = 10;

/** The first working day `workingDays` working days after `from`'s local day, 08.00 local time. */
export function workingDaysAfterInstant(
  from: Date | string,
  workingDays: number,
  tz: AgencyTimeZone,
  calendar: HolidayCalendar,
): Date {
  return eightOClockWorkingDaysAway(from, workingDays, tz, calendar);
}

/**
 * 08.00 local time on the working day `steps` working days after (`steps` > 0) or before (< 0) the local
 * day of `at`. Years missing from the calendar count weekends only.
 */
function eightOClockWorkingDaysAway(
  at: Date | string,
  steps: number,
  tz: AgencyTimeZone,
  calendar: HolidayCalendar,
): Date {
  let d = localDateOf(at, tz);
  const step = Math.sign(steps);
  let left = Math.abs(steps);
  while (left > 0) {
    d = addCalendarDays(d, step);
    let working: boolean;
    try {
      working = isWorkingDay(d, calendar);
    } catch {
      working = dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
    }
    if (working) left -= 1;
  }
  return new Date(startOfLocalDay(d, tz).getTime() + 8 * 3_600_000);
}

/**
 * The note of an invitation's timeline entry: the place on the first line, the secretariat's notes after
 * it. Readable as it is in the portal's timeline; `parseScheduleNote` gives the parts back to the mail.
 */
export function scheduleNote(place: string, notes: string | null): string {
  return `Tempat: ${place}` + (notes ? `\nCatatan: ${notes}` : '');
}

export function parseScheduleNote(note: string | null): { place: string; notes: string | null } {
  const [first = '', ...rest] = (note ?? '').split('\n');
  const notes = rest.join('\n').replace(/^Catatan: /, '');
  return { place: first.replace(/^Tempat: /, ''), notes: notes || null };
}

/** Working days before a decision-maker's deadline (or silence) at which the reminder goes out. */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

/**
 * When the reminder of a deadline goes out: 08.00 local time, `workingDaysBefore` working days before the
 * deadline's day. Years missing from the calendar count weekends only.
 */
export function reminderInstant(
  deadline: Date | string,
  workingDaysBefore: number,
  tz: AgencyTimeZone,
  calendar: HolidayCalendar,
): Date {
  return eightOClockWorkingDaysAway(deadline, -workingDaysBefore, tz, calendar);
}

export const NOTICE_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
/** PENDING: waiting or being retried; SENT; FAILED: gave up after the last attempt; SKIPPED: opted out or no address. */
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Who gets a notice: a candidate (by profile id) or every account of a role at an agency. */
export type NoticeRecipient = { candidateId: string } | { role: Role; agencyCode: string };

/** A notice as administrators see it: state of delivery only, no mail body. */
export interface NoticeDto {
  id: string;
  kind: NoticeKind;
  essential: boolean;
  recipient: NoticeRecipient;
  status: NoticeStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

/** What a mail says, gathered by the outbox when the notice is handed out for delivery. */
/**
 * How the title of a round that re-announces a vacancy begins (the workflow names it so): its invitations
 * go to the vacancy's earlier applicants, and their mail says so instead of naming the talent route.
 */
export const REANNOUNCED_TITLE_PREFIX = 'Pengumuman Ulang: ';

export interface NoticeContent {
  selectionTitle: string;
  agencyName: string;
  timeZone: AgencyTimeZone;
  /** The vacancy's position, for a candidate's notices. */
  position: string | null;
  /** The instant of the event (the gateway's receipt time for APPLICATION_RECEIVED). */
  at: string;
  /** The application's status after the event. */
  status: ApplicationStatus | null;
  /** Reasons (e.g. the requirements not met), one per line. */
  reasons: string[];
  /** The deadline the event starts (objections close, silence becomes approval). */
  deadline: string | null;
  /** The stage event's reason code, for DECISION_WAITING. */
  reasonCode: string;
  /** An invitation to the competency assessment or the interview: when (instant) and where. */
  schedule?: { startsAt: string; place: string; notes: string | null } | null;
  /** The stage event's stage (a staff notice): which review an escalation is about. */
  stage?: string | null;
  /** PROFILE_DISPUTE_DECIDED: the decision on the candidate's dispute of their profile. */
  profileDispute?: {
    outcome: 'ACCEPTED' | 'REJECTED';
    reason: string | null;
    /** Labels of the corrected parts (acceptance) or of the disputed ones (rejection). */
    fields: string[];
  } | null;
  /** ELECTION_REPORT_DUE: the appointment inside a pilkada window to be reported to the Minister. */
  electionReport?: {
    actedOn: string;
    dueOn: string;
    window: string;
    letterNumber: string;
  } | null;
}

/** A notice claimed for delivery: the gateway renders it and reports back. */
export interface ClaimedNoticeDto extends NoticeDto {
  content: NoticeContent;
}
