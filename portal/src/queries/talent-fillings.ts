/** The talent fillings' lists and inboxes (the read model the filling's workflow writes) and the President's decree. */
import { graphql } from '../graphql';

const SUMMARY = graphql(`
  fragment TalentFillingSummaryFields on TalentFillingSummary {
    fillingId
    agencyCode
    postId
    position
    unit
    level
    stage
    route
    waitingOn
    waitingSince
    deadline
    overdue
    appointedEmployeeId
    fallbackSelectionId
    createdAt
  }
`);

export const TALENT_FILLING_INBOX = graphql(
  `
    query TalentFillingInbox($first: Int, $after: String) {
      talentFillingInbox(first: $first, after: $after) {
        edges {
          node {
            ...TalentFillingSummaryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [SUMMARY],
);

export const TALENT_FILLINGS = graphql(
  `
    query TalentFillings($first: Int, $after: String) {
      talentFillings(first: $first, after: $after) {
        edges {
          node {
            ...TalentFillingSummaryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [SUMMARY],
);

export const RECORD_TALENT_PRESIDENTIAL_DECISION = graphql(`
  mutation RecordTalentPresidentialDecision(
    $fillingId: ID!
    $employeeId: ID!
    $decreeNumber: String!
    $decreeDate: LocalDate!
    $justification: String
  ) {
    recordTalentPresidentialDecision(
      fillingId: $fillingId
      employeeId: $employeeId
      decreeNumber: $decreeNumber
      decreeDate: $decreeDate
      justification: $justification
    ) {
      decisionId
      kind
      at
      reason
    }
  }
`);

/** The Home Affairs Minister's written permission to appoint inside a pilkada window (talent route). */
export const RECORD_TALENT_ELECTION_PERMISSION = graphql(`
  mutation RecordTalentElectionPermission(
    $fillingId: ID!
    $letterNumber: String!
    $letterDate: LocalDate!
    $scope: String!
    $reason: String!
  ) {
    recordTalentElectionPermission(
      fillingId: $fillingId
      letterNumber: $letterNumber
      letterDate: $letterDate
      scope: $scope
      reason: $reason
    ) {
      decisionId
      kind
      at
      reason
    }
  }
`);
