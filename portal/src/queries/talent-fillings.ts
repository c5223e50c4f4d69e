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

const PAGE_INFO = graphql(`
  fragment TalentFillingPageInfo on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** One page of the signed-in role's inbox (`inbox` true) or of the fillings it may read (false). */
export const TALENT_FILLING_LIST = graphql(
  `
    query TalentFillingList($first: Int, $after: String, $inbox: Boolean!) {
      talentFillingInbox(first: $first, after: $after) @include(if: $inbox) {
        edges {
          node {
            ...TalentFillingSummaryFields
          }
        }
        pageInfo {
          ...TalentFillingPageInfo
        }
      }
      talentFillings(first: $first, after: $after) @skip(if: $inbox) {
        edges {
          node {
            ...TalentFillingSummaryFields
          }
        }
        pageInfo {
          ...TalentFillingPageInfo
        }
      }
    }
  `,
  [SUMMARY, PAGE_INFO],
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
