/**
 * GraphQL operations of the staff's queue of profile disputes (secretariat, agency administrator,
 * national administrator). Checked against gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';
import { PAGE_INFO_FIELDS, PROFILE_FIELDS } from './fragments';

const PROFILE = graphql(
  `
    fragment DisputedProfileFields on ProfileDispute {
      profile {
        ...ProfileFields
      }
    }
  `,
  [PROFILE_FIELDS],
);

const DISPUTE = graphql(
  `
    fragment ProfileDisputeFields on ProfileDispute {
      id
      agencyCode
      note
      fields
      fieldLabels
      at
      open
      resolution {
        decisionId
        outcome
        reason
        corrected
        at
        by {
          userId
          role
          displayName
        }
      }
      ...DisputedProfileFields
    }
  `,
  [PROFILE],
);

export const PROFILE_DISPUTES = graphql(
  `
    query ProfileDisputes($agencyCode: ID, $first: Int, $after: String) {
      profileDisputes(agencyCode: $agencyCode, first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...ProfileDisputeFields
          }
        }
      }
    }
  `,
  [DISPUTE, PAGE_INFO_FIELDS],
);

export const ACCEPT_PROFILE_DISPUTE = graphql(
  `
    mutation AcceptProfileDispute($disputeId: ID!, $corrections: ProfileCorrectionInput!, $note: String) {
      acceptProfileDispute(disputeId: $disputeId, corrections: $corrections, note: $note) {
        ...ProfileDisputeFields
      }
    }
  `,
  [DISPUTE],
);

export const REJECT_PROFILE_DISPUTE = graphql(
  `
    mutation RejectProfileDispute($disputeId: ID!, $reason: String!) {
      rejectProfileDispute(disputeId: $disputeId, reason: $reason) {
        ...ProfileDisputeFields
      }
    }
  `,
  [DISPUTE],
);
