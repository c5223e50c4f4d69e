/**
 * Regional-election (pilkada) windows from each region's schedule (domain.md §4 "Pilkada windows";
 * UU 10/2016 Pasal 71(2) and 162(3)): no replacement of officials without the Home Affairs Minister's
 * written permission from some months before the candidate pairs are determined until the end of the
 * current term, and for some months after the new head's inauguration. The months are configuration.
 */
import { addCalendarDays, addWorkingDays, type HolidayCalendar, type LocalDate } from '../calendar';
import { agencyKindOf, type AgencyKind } from '../agency';
import type { AgencyDto } from '../contracts';
import type { Actor } from '../roles';
import type { DateWindow } from './appointment';
import { addMonths } from './durations';

/** Kinds of region that elect a head (provinces, regencies, cities); central agencies have none. */
export const ELECTION_REGION_KINDS = ['PROVINSI', 'KABUPATEN', 'KOTA'] as const;
export type ElectionRegionKind = (typeof ELECTION_REGION_KINDS)[number];

/** One election of a region's head, as the election commission (KPU) and the Minister set its dates. */
export interface ElectionScheduleDto {
  /** e.g. 'Pilkada serentak 2029' */
  label: string;
  /** Date the candidate pairs are determined (penetapan pasangan calon). */
  candidatePairsDeterminedOn: LocalDate;
  /** Last day of the current head's term. */
  currentTermEndsOn: LocalDate;
  /** Inauguration of the new head (pelantikan); null until it is known. */
  newHeadInauguratedOn: LocalDate | null;
}

/** A region and its election schedules, maintained by administrators (owned by services/candidate). */
export interface ElectionRegionDto {
  /** `<KIND>:<name slug>`, see electionRegionId. */
  id: string;
  kind: ElectionRegionKind;
  name: string;
  schedules: ElectionScheduleDto[];
  /** +1 per saved change; 0 before the first. */
  revision: number;
  updatedAt: string | null;
  /** Who saved the current revision and why (null: stored before they were kept), for its audit entry. */
  updatedBy: Actor | null;
  reason: string | null;
}

/** A save of a region's schedules (replacing them), with who saves it and why. */
export interface ElectionRegionSave {
  kind: ElectionRegionKind;
  name: string;
  schedules: ElectionScheduleDto[];
  /** The revision the author edited: a newer save is not overwritten. */
  expectedRevision?: number | null;
  /** Who saves it and why (the gateway always says; a previous release's gateway did not). */
  by?: Actor;
  reason?: string;
}

/** What a save answers: the region, whether it changed (false: the same content again), the one it replaced. */
export interface ElectionRegionSaved {
  region: ElectionRegionDto;
  changed: boolean;
  before: ElectionRegionDto | null;
}

/** How far the windows reach; configuration (the worker's config), defaulting to the statute's six months. */
export interface ElectionWindowSpan {
  monthsBefore: number;
  monthsAfter: number;
}
export const DEFAULT_ELECTION_WINDOW_SPAN: ElectionWindowSpan = { monthsBefore: 6, monthsAfter: 6 };

/** The windows an agency's appointments fall under, from its region's schedules. */
export interface AgencyElectionWindowsDto {
  agencyCode: string;
  /** Null for a central agency (no region elects its head). */
  regionId: string | null;
  /** Null when no schedule of the region was entered. */
  region: ElectionRegionDto | null;
  span: ElectionWindowSpan;
  windows: DateWindow[];
}

/** Working days within which an appointment made inside a window is reported to the Minister. */
export const ELECTION_REPORT_WORKING_DAYS = 7;

/** The id of a region: its kind and its name without case, punctuation or the kind's own prefix. */
export function electionRegionId(kind: ElectionRegionKind, name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^(provinsi|kabupaten|kab\.|kota)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${kind}:${slug}`;
}

/** The region an agency governs (a provincial, regency or city government), or null for central agencies. */
export function electionRegionIdOf(agency: Pick<AgencyDto, 'kind' | 'name' | 'region'>): string | null {
  const kind: AgencyKind = agencyKindOf(agency.kind, agency.name);
  if (!(ELECTION_REGION_KINDS as readonly string[]).includes(kind)) return null;
  // The agency's region, else its name without 'Pemerintah' ('Pemerintah Kota Samarinda' → Samarinda).
  const name = agency.region?.trim() || agency.name.replace(/^pemerintah\s+/i, '');
  if (!name || !name.trim()) return null;
  return electionRegionId(kind as ElectionRegionKind, name);
}

/** Problems of one schedule (Bahasa Indonesia), each with the field it concerns; empty when consistent. */
export function checkElectionSchedule(s: ElectionScheduleDto): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (s.currentTermEndsOn < s.candidatePairsDeterminedOn)
    out.push({
      field: 'currentTermEndsOn',
      message: 'Akhir masa jabatan kepala daerah tidak boleh sebelum tanggal penetapan pasangan calon',
    });
  if (s.newHeadInauguratedOn && s.newHeadInauguratedOn < s.candidatePairsDeterminedOn)
    out.push({
      field: 'newHeadInauguratedOn',
      message: 'Tanggal pelantikan kepala daerah baru tidak boleh sebelum tanggal penetapan pasangan calon',
    });
  return out;
}

/**
 * The windows of a region's schedules: [determination − monthsBefore, end of term] and, once the
 * inauguration is known, [inauguration, inauguration + monthsAfter] (bounds inclusive; a window ends
 * the day before the same date monthsAfter later). Sorted by start.
 */
export function electionWindowsOf(
  schedules: readonly ElectionScheduleDto[],
  span: ElectionWindowSpan = DEFAULT_ELECTION_WINDOW_SPAN,
): DateWindow[] {
  const out: DateWindow[] = [];
  for (const s of schedules) {
    out.push({
      from: addMonths(s.candidatePairsDeterminedOn, -span.monthsBefore),
      to: s.currentTermEndsOn,
      label: `${s.label}: ${span.monthsBefore} bulan sebelum penetapan pasangan calon s.d. akhir masa jabatan`,
    });
    if (s.newHeadInauguratedOn)
      out.push({
        from: s.newHeadInauguratedOn,
        to: addCalendarDays(addMonths(s.newHeadInauguratedOn, span.monthsAfter), -1),
        label: `${s.label}: ${span.monthsAfter} bulan sejak pelantikan kepala daerah baru`,
      });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The last day of the duty to report an appointment made inside a window to the Minister. */
export function electionReportDueOn(
  actedOn: LocalDate,
  calendar: HolidayCalendar,
  workingDays = ELECTION_REPORT_WORKING_DAYS,
): LocalDate {
  return addWorkingDays(actedOn, workingDays, calendar);
}

/** The Minister's written permission to appoint inside a window (who recorded it and when are in the audit). */
export interface ElectionPermissionDto {
  letterNumber: string;
  letterDate: LocalDate;
  /** What the letter permits, e.g. the post or the appointee it names. */
  scope: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * The duty to report to the Minister an appointment made inside a window (within 7 working days of the
 * act), opened by the process that appointed and closed when the agency records its report.
 */
export interface ElectionReportDutyDto {
  /** `<subjectId>:ELECTION_REPORT`: one per selection round or talent filling. */
  id: string;
  agencyCode: string;
  /** The selection round's or the talent filling's id (its audit chain). */
  subjectId: string;
  route: 'OPEN_SELECTION' | 'TALENT_POOL';
  position: string;
  actedOn: LocalDate;
  dueOn: LocalDate;
  window: DateWindow;
  permission: { letterNumber: string; letterDate: LocalDate; scope: string };
  report: { letterNumber: string; date: LocalDate; recordedBy: string; recordedAt: string } | null;
  createdAt: string;
}

export function electionReportDutyId(subjectId: string): string {
  return `${subjectId}:ELECTION_REPORT`;
}
