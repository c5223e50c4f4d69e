/**
 * Applications as positional rows for continue-as-new: a round of thousands of applicants must hand
 * its state to the next run in one payload well under Temporal's 2 MB limit. The application id is
 * derived from vacancy and candidate; vacancy, status and Pansel member are indexes; interview times
 * are seconds after the application's submission (the only precision lost: sub-second).
 * Pure and deterministic (used by workflow code); round-tripped in compact.test.ts.
 */
import { APPLICATION_STATUSES, applicationId } from '@seleksi/domain';
import type { ApplicationState, CompactApplication, CompactRankedEntry, RankedEntry } from './definitions';

type Row = [
  candidateId: string,
  vacancy: number,
  submittedAt: number,
  flags: number,
  status: number,
  failedRequirements: string[] | 0,
  assessment: [number, number, number, number, number] | 0,
  interview: [member: number, value: number, secondsAfterSubmission: number, round: number][] | 0,
  calibrationRound: number,
  trackRecord: [number, number] | 0,
];

const PERMISSION = 1;
const ELIGIBLE_KNOWN = 2;
const ELIGIBLE = 4;
const REOPENED = 8;
const CALIBRATION_REQUESTED = 16;
const WITHDRAWN = 32;

/** The ids the rows refer to by index: the round's vacancies and its Pansel (fixed before any interview). */
export interface CompactIndex {
  vacancyIds: readonly string[];
  memberIds: readonly string[];
}

export function compactApplication(a: ApplicationState, index: CompactIndex): CompactApplication {
  const flags =
    (a.homePpkPermission ? PERMISSION : 0) |
    (a.eligible !== null ? ELIGIBLE_KNOWN : 0) |
    (a.eligible ? ELIGIBLE : 0) |
    (a.screeningReopened ? REOPENED : 0) |
    (a.calibrationRequested ? CALIBRATION_REQUESTED : 0) |
    (a.withdrawn ? WITHDRAWN : 0);
  const s = a.assessment;
  const submitted = Date.parse(a.submittedAt);
  const interview = Object.values(a.interview).map((e): [number, number, number, number] => [
    index.memberIds.indexOf(e.by),
    e.value,
    Math.round((Date.parse(e.at) - submitted) / 1000),
    e.round,
  ]);
  const row: Row = [
    a.candidateId,
    index.vacancyIds.indexOf(a.vacancyId),
    submitted,
    flags,
    APPLICATION_STATUSES.indexOf(a.status),
    a.failedRequirements.length > 0 ? a.failedRequirements : 0,
    s ? [s.managerial, s.socioCultural, s.paper, s.presentation, s.score] : 0,
    interview.length > 0 ? interview : 0,
    a.calibrationRound,
    a.trackRecord ? [a.trackRecord.score, a.trackRecord.eliminated ? 1 : 0] : 0,
  ];
  return row;
}

export function expandApplication(raw: CompactApplication, index: CompactIndex): ApplicationState {
  const [candidateId, vacancy, submittedAt, flags, status, failed, s, interview, calibrationRound, track] = raw as Row;
  const vacancyId = index.vacancyIds[vacancy]!;
  return {
    applicationId: applicationId(vacancyId, candidateId),
    candidateId,
    vacancyId,
    submittedAt: new Date(submittedAt).toISOString(),
    homePpkPermission: (flags & PERMISSION) !== 0,
    status: APPLICATION_STATUSES[status]!,
    eligible: (flags & ELIGIBLE_KNOWN) !== 0 ? (flags & ELIGIBLE) !== 0 : null,
    screeningReopened: (flags & REOPENED) !== 0,
    failedRequirements: failed === 0 ? [] : failed,
    assessment:
      s === 0 ? null : { managerial: s[0], socioCultural: s[1], paper: s[2], presentation: s[3], score: s[4] },
    interview: Object.fromEntries(
      (interview === 0 ? [] : interview).map(([member, value, seconds, round]) => {
        const by = index.memberIds[member]!;
        return [by, { by, value, at: new Date(submittedAt + seconds * 1000).toISOString(), round }];
      }),
    ),
    calibrationRound,
    calibrationRequested: (flags & CALIBRATION_REQUESTED) !== 0,
    trackRecord: track === 0 ? null : { score: track[0], eliminated: track[1] === 1 },
    withdrawn: (flags & WITHDRAWN) !== 0,
  };
}

const QUALIFIED = 1;
const SHORTLISTED = 2;

/**
 * A vacancy's ranking as rows that name the application by its index in the carried applications: at
 * 5,000 applicants the rankings as objects were 824 KB of the carry, as rows about 100 KB.
 */
export function compactRanking(
  ranking: readonly RankedEntry[],
  indexOf: ReadonlyMap<string, number>,
): CompactRankedEntry[] {
  return ranking.map((r) => [
    indexOf.get(r.applicationId)!,
    r.rank,
    r.total,
    (r.qualified ? QUALIFIED : 0) | (r.shortlisted ? SHORTLISTED : 0),
    r.note,
  ]);
}

export function expandRanking(rows: readonly CompactRankedEntry[], applicationIds: readonly string[]): RankedEntry[] {
  return rows.map(([index, rank, total, flags, note]) => ({
    applicationId: applicationIds[index]!,
    rank,
    total,
    qualified: (flags & QUALIFIED) !== 0,
    shortlisted: (flags & SHORTLISTED) !== 0,
    note,
  }));
}
