/**
 * Applications as positional rows for continue-as-new: a round of thousands of applicants must hand
 * its state to the next run in one payload well under Temporal's 2 MB limit. The application id is
 * derived from vacancy and candidate, the vacancy is an index, instants are epoch milliseconds.
 * Pure and deterministic (used by workflow code); round-tripped in compact.test.ts.
 */
import { applicationId, type ApplicationStatus } from '@seleksi/domain';
import type { ApplicationState, CompactApplication } from './definitions';

type Row = [
  candidateId: string,
  vacancy: number,
  submittedAt: number,
  flags: number,
  status: ApplicationStatus,
  failedRequirements: string[] | 0,
  assessment: [number, number, number, number, number] | 0,
  interview: [string, number, number, number][] | 0,
  calibrationRound: number,
  trackRecord: [number, number] | 0,
];

const PERMISSION = 1;
const ELIGIBLE_KNOWN = 2;
const ELIGIBLE = 4;
const REOPENED = 8;
const CALIBRATION_REQUESTED = 16;
const WITHDRAWN = 32;

export function compactApplication(a: ApplicationState, vacancyIds: readonly string[]): CompactApplication {
  const flags =
    (a.homePpkPermission ? PERMISSION : 0) |
    (a.eligible !== null ? ELIGIBLE_KNOWN : 0) |
    (a.eligible ? ELIGIBLE : 0) |
    (a.screeningReopened ? REOPENED : 0) |
    (a.calibrationRequested ? CALIBRATION_REQUESTED : 0) |
    (a.withdrawn ? WITHDRAWN : 0);
  const s = a.assessment;
  const interview = Object.values(a.interview).map((e) => [e.by, e.value, Date.parse(e.at), e.round]);
  const row: Row = [
    a.candidateId,
    vacancyIds.indexOf(a.vacancyId),
    Date.parse(a.submittedAt),
    flags,
    a.status,
    a.failedRequirements.length > 0 ? a.failedRequirements : 0,
    s ? [s.managerial, s.socioCultural, s.paper, s.presentation, s.score] : 0,
    interview.length > 0 ? (interview as [string, number, number, number][]) : 0,
    a.calibrationRound,
    a.trackRecord ? [a.trackRecord.score, a.trackRecord.eliminated ? 1 : 0] : 0,
  ];
  return row;
}

export function expandApplication(raw: CompactApplication, vacancyIds: readonly string[]): ApplicationState {
  const [candidateId, vacancy, submittedAt, flags, status, failed, s, interview, calibrationRound, track] = raw as Row;
  const vacancyId = vacancyIds[vacancy]!;
  return {
    applicationId: applicationId(vacancyId, candidateId),
    candidateId,
    vacancyId,
    submittedAt: new Date(submittedAt).toISOString(),
    homePpkPermission: (flags & PERMISSION) !== 0,
    status,
    eligible: (flags & ELIGIBLE_KNOWN) !== 0 ? (flags & ELIGIBLE) !== 0 : null,
    screeningReopened: (flags & REOPENED) !== 0,
    failedRequirements: failed === 0 ? [] : failed,
    assessment:
      s === 0 ? null : { managerial: s[0], socioCultural: s[1], paper: s[2], presentation: s[3], score: s[4] },
    interview: Object.fromEntries(
      (interview === 0 ? [] : interview).map(([by, value, at, round]) => [
        by,
        { by, value, at: new Date(at).toISOString(), round },
      ]),
    ),
    calibrationRound,
    calibrationRequested: (flags & CALIBRATION_REQUESTED) !== 0,
    trackRecord: track === 0 ? null : { score: track[0], eliminated: track[1] === 1 },
    withdrawn: (flags & WITHDRAWN) !== 0,
  };
}
