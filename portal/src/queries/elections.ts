/** Pilkada windows from data: regions' schedules (national administrator) and the duties to report. */

const REGION = `id kind name revision updatedAt
  schedules { label candidatePairsDeterminedOn currentTermEndsOn newHeadInauguratedOn }`;

export const ELECTION_REGIONS = `query ElectionRegions {
  electionRegions { ${REGION} }
}`;

export const ELECTION_REGION_CHANGES = `query ElectionRegionChanges($id: ID!) {
  electionRegion(id: $id) { id changes { id revision byUserId byName at reason before after } }
}`;

export const SET_ELECTION_REGION = `mutation SetElectionRegion($input: ElectionRegionInput!) {
  setElectionRegion(input: $input) { ${REGION} }
}`;

export const AGENCY_ELECTION_WINDOWS = `query AgencyElectionWindows($a: ID!) {
  agencyElectionWindows(agencyCode: $a) { regionId monthsBefore monthsAfter windows { from to label } }
}`;

export const ELECTION_REPORT_DUTIES = `query ElectionReportDuties($a: ID) {
  electionReportDuties(agencyCode: $a) {
    id agencyCode subjectId route position actedOn dueOn
    window { from to label }
    permission { letterNumber letterDate scope }
    report { letterNumber date recordedBy recordedAt }
  }
}`;

export const RECORD_ELECTION_REPORT = `mutation RecordElectionReport($id: ID!, $n: String!, $d: LocalDate!, $r: String!) {
  recordElectionReport(dutyId: $id, letterNumber: $n, date: $d, reason: $r) { id report { letterNumber date } }
}`;
