/**
 * Accounts and sign-in (pages/staff/AccountsPage.tsx, pages/public/AccountPages.tsx, the Pansel picker):
 * checked against the schema by queries.test.ts.
 */
import { graphql } from '../graphql';
import { PAGE_INFO_FIELDS, SELECTION_LIST_FIELDS } from './fragments';

const ACCOUNT_FIELDS = graphql(`
  fragment AccountFields on User {
    id
    email
    displayName
    role
    agencyCode
    candidateId
    active
    affiliation
    passwordSet
    registration {
      status
      nip
      birthDate
      agencyCode
      profileId
      reason
    }
  }
`);
const SESSION_USER = graphql(`
  fragment SessionUserFields on User {
    id
    email
    displayName
    role
    agencyCode
    candidateId
  }
`);

/** A page of accounts: `accounts` and `pendingRegistrations` both answer an AccountConnection. */
const ACCOUNT_PAGE = graphql(
  `
    fragment AccountPageFields on AccountConnection {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...AccountFields
        }
      }
    }
  `,
  [ACCOUNT_FIELDS, PAGE_INFO_FIELDS],
);

export const ACCOUNTS = graphql(
  `
    query Accounts($role: Role, $agencyCode: String, $active: Boolean, $first: Int, $after: String) {
      accounts(role: $role, agencyCode: $agencyCode, active: $active, first: $first, after: $after) {
        ...AccountPageFields
      }
    }
  `,
  [ACCOUNT_PAGE],
);

export const PENDING_REGISTRATIONS = graphql(
  `
    query PendingRegistrations($first: Int, $after: String) {
      pendingRegistrations(first: $first, after: $after) {
        ...AccountPageFields
      }
    }
  `,
  [ACCOUNT_PAGE],
);

/** Agencies for the filters and the invitation form (ADMIN: all; AGENCY_ADMIN: its own). */
export const AGENCY_OPTIONS = graphql(`
  {
    agencies {
      code
      name
    }
  }
`);

export const INVITE_ACCOUNT = graphql(`
  mutation InviteAccount($input: InviteAccountInput!) {
    inviteAccount(input: $input) {
      purpose
      link
      expiresAt
      user {
        id
        email
        displayName
        role
      }
    }
  }
`);

export const ISSUE_PASSWORD_RESET = graphql(`
  mutation IssuePasswordReset($accountId: ID!) {
    issuePasswordReset(accountId: $accountId) {
      purpose
      link
      expiresAt
      user {
        id
        email
      }
    }
  }
`);

export const DEACTIVATE_ACCOUNT = graphql(`
  mutation DeactivateAccount($accountId: ID!, $reason: String) {
    deactivateAccount(accountId: $accountId, reason: $reason) {
      id
      active
    }
  }
`);

export const REACTIVATE_ACCOUNT = graphql(`
  mutation ReactivateAccount($accountId: ID!) {
    reactivateAccount(accountId: $accountId) {
      id
      active
    }
  }
`);

export const DECIDE_REGISTRATION = graphql(`
  mutation DecideRegistration($accountId: ID!, $approve: Boolean!, $reason: String!) {
    decideRegistration(accountId: $accountId, approve: $approve, reason: $reason) {
      id
      active
      registration {
        status
      }
    }
  }
`);

export const SET_PASSWORD_WITH_LINK = graphql(
  `
    mutation SetPasswordWithLink($token: String!, $password: String!) {
      setPasswordWithLink(token: $token, password: $password) {
        token
        user {
          ...SessionUserFields
        }
      }
    }
  `,
  [SESSION_USER],
);

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const REGISTER_CANDIDATE = graphql(`
  mutation RegisterCandidate($input: RegisterCandidateInput!) {
    registerCandidate(input: $input) {
      status
      message
      user {
        id
        email
        displayName
      }
    }
  }
`);

export const OIDC_PROVIDER = graphql(`
  {
    oidcProvider {
      enabled
      label
    }
  }
`);

export const START_OIDC_SIGN_IN = graphql(`
  mutation StartOidcSignIn {
    startOidcSignIn {
      url
    }
  }
`);

export const COMPLETE_OIDC_SIGN_IN = graphql(
  `
    mutation CompleteOidcSignIn($callbackUrl: String!) {
      completeOidcSignIn(callbackUrl: $callbackUrl) {
        token
        user {
          ...SessionUserFields
        }
      }
    }
  `,
  [SESSION_USER],
);

export const PANSEL_CANDIDATES = graphql(`
  query PanselCandidates($agencyCode: String!) {
    panselCandidates(agencyCode: $agencyCode, first: 100) {
      edges {
        node {
          id
          displayName
          agencyCode
          affiliation
        }
      }
    }
  }
`);

/** The name of the agency running a round (an internal Pansel member's institution). */
export const AGENCY_NAME = graphql(`
  query AgencyName($c: ID!) {
    agency(agencyCode: $c) {
      code
      name
    }
  }
`);

export const MY_PANSEL_ROUNDS = graphql(
  `
    query MyPanselRounds($first: Int) {
      myPanselRounds(first: $first) {
        edges {
          node {
            ...SelectionListFields
          }
        }
      }
    }
  `,
  [SELECTION_LIST_FIELDS],
);
