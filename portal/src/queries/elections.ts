/** Pilkada windows from data: regions' schedules (national administrator) and the duties to report. */
import { graphql } from '../graphql';
import { ELECTION_WINDOW_FIELDS } from './fragments';

const REGION = graphql(`
  fragment ElectionRegionFields on ElectionRegion {
    id
    kind
    name
    revision
    updatedAt
    schedules {
      label
      candidatePairsDeterminedOn
      currentTermEndsOn
      newHeadInauguratedOn
    }
  }
`);

export const ELECTION_REGIONS = graphql(
  `
    query ElectionRegions {
      electionRegions {
        ...ElectionRegionFields
      }
    }
  `,
  [REGION],
);

export const ELECTION_REGION_CHANGES = graphql(`
  query ElectionRegionChanges($id: ID!) {
    electionRegion(id: $id) {
      id
      changes {
        id
        revision
        byUserId
        byName
        at
        reason
        before
        after
      }
    }
  }
`);

export const SET_ELECTION_REGION = graphql(
  `
    mutation SetElectionRegion($input: ElectionRegionInput!) {
      setElectionRegion(input: $input) {
        ...ElectionRegionFields
      }
    }
  `,
  [REGION],
);

export const AGENCY_ELECTION_WINDOWS = graphql(
  `
    query AgencyElectionWindows($a: ID!) {
      agencyElectionWindows(agencyCode: $a) {
        regionId
        monthsBefore
        monthsAfter
        windows {
          ...ElectionWindowFields
        }
      }
    }
  `,
  [ELECTION_WINDOW_FIELDS],
);

export const ELECTION_REPORT_DUTIES = graphql(
  `
    query ElectionReportDuties($a: ID) {
      electionReportDuties(agencyCode: $a) {
        id
        agencyCode
        subjectId
        route
        position
        actedOn
        dueOn
        window {
          ...ElectionWindowFields
        }
        permission {
          letterNumber
          letterDate
          scope
        }
        report {
          letterNumber
          date
          recordedBy
          recordedAt
        }
      }
    }
  `,
  [ELECTION_WINDOW_FIELDS],
);

export const RECORD_ELECTION_REPORT = graphql(`
  mutation RecordElectionReport($id: ID!, $n: String!, $d: LocalDate!, $r: String!) {
    recordElectionReport(dutyId: $id, letterNumber: $n, date: $d, reason: $r) {
      id
      report {
        letterNumber
        date
      }
    }
  }
`);
