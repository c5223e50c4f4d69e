/**
 * GraphQL operations of the candidate pages (role CANDIDATE). Every export is checked against
 * gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';
import { PROFILE_FIELDS } from './fragments';
import { ROUTE_FIELDS } from './fragments/route';

const CONFIRMATION = graphql(`
  fragment ConfirmationFields on Profile {
    confirmation {
      status
      note
      fields
      at
      resolution {
        outcome
        reason
        corrected
        at
      }
    }
  }
`);

/** The signed-in candidate's ASN profile and whether they confirmed it. */
export const MY_PROFILE = graphql(
  `
    query MyProfile {
      myProfile {
        ...ProfileFields
        ...ConfirmationFields
      }
    }
  `,
  [PROFILE_FIELDS, CONFIRMATION],
);

export const CONFIRM_PROFILE = graphql(
  `
    mutation ConfirmProfile {
      confirmProfile {
        id
        ...ConfirmationFields
      }
    }
  `,
  [CONFIRMATION],
);

export const DISPUTE_PROFILE = graphql(
  `
    mutation DisputeProfile($note: String!, $fields: [String!]!) {
      disputeProfile(note: $note, fields: $fields) {
        id
        ...ConfirmationFields
      }
    }
  `,
  [CONFIRMATION],
);

export const VACANCY = graphql(`
  fragment VacancyFields on Vacancy {
    id
    level
    position
    unit
    status
  }
`);

const OPEN_VACANCY_SELECTION = graphql(
  `
    fragment OpenVacancySelectionFields on Selection {
      id
      title
      agencyCode
      timeZone
      registrationClosesAt
      registrationProvisional
      vacancies {
        ...VacancyFields
      }
      announcement {
        id
        number
        downloadUrl
        issuedBy {
          agencyName
        }
      }
    }
  `,
  [VACANCY],
);

/** Selections open for registration, with their vacancies, for "Lowongan". */
export const OPEN_VACANCIES = graphql(
  `
    query OpenVacancies {
      open: selections(stage: REGISTRATION_OPEN, first: 100) {
        edges {
          node {
            ...OpenVacancySelectionFields
          }
        }
      }
      extended: selections(stage: REGISTRATION_EXTENDED, first: 100) {
        edges {
          node {
            ...OpenVacancySelectionFields
          }
        }
      }
    }
  `,
  [OPEN_VACANCY_SELECTION],
);

/** A selection as the candidate's pages head it: title, stage and the registration deadline in the agency's zone. */
const CANDIDATE_SELECTION = graphql(`
  fragment CandidateSelectionFields on Selection {
    id
    title
    stage
    timeZone
    registrationClosesAt
    registrationProvisional
  }
`);

/** One selection for the application form. */
export const APPLY_TARGET = graphql(
  `
    query ApplyTarget($id: ID!) {
      selection(id: $id) {
        ...CandidateSelectionFields
        vacancies {
          ...VacancyFields
        }
        announcement {
          id
          number
          downloadUrl
        }
      }
    }
  `,
  [CANDIDATE_SELECTION, VACANCY],
);

export const APPLY_TO_VACANCY = graphql(`
  mutation ApplyToVacancy($vacancyId: ID!, $documents: [ApplicationDocumentInput!]) {
    applyToVacancy(vacancyId: $vacancyId, documents: $documents) {
      id
      status
      submittedAt
      receivedAt
    }
  }
`);

const TIMELINE = graphql(`
  fragment TimelineFields on Application {
    timeline {
      status
      reasonCode
      reasonText
      note
      at
      expectedNextAt
    }
  }
`);

/** The signed-in candidate's applications with their current status (a candidate has only a few). */
export const MY_APPLICATIONS = graphql(
  `
    query MyApplications {
      myApplications(first: 100) {
        totalCount
        edges {
          node {
            id
            status
            submittedAt
            selection {
              id
              title
              stage
              timeZone
            }
            vacancy {
              ...VacancyFields
            }
            ...TimelineFields
          }
        }
      }
    }
  `,
  [VACANCY, TIMELINE],
);

/** One application with its status and timeline. */
export const APPLICATION_DETAIL = graphql(
  `
    query ApplicationDetail($id: ID!) {
      application(id: $id) {
        id
        status
        submittedAt
        receivedAt
        selection {
          ...CandidateSelectionFields
          ...SelectionRouteFields
        }
        vacancy {
          ...VacancyFields
        }
        ...TimelineFields
      }
    }
  `,
  [CANDIDATE_SELECTION, ROUTE_FIELDS, VACANCY, TIMELINE],
);

/**
 * The application's uploaded documents and, after the final plenary, its scores. Separate from
 * APPLICATION_DETAIL so the timeline still loads when these are unavailable.
 */
export const APPLICATION_EXTRAS = graphql(`
  query ApplicationExtras($id: ID!) {
    application(id: $id) {
      id
      documents {
        id
        kind
        fileName
        sizeBytes
        uploadedAt
        downloadUrl
      }
      scores {
        assessment
        interview
        trackRecord
        total
        rank
        passed
        shortlisted
      }
    }
  }
`);

/**
 * The candidate's view of the running process: the open deadline, their own screening result (MS/TMS with
 * the requirements not met) and their own objections.
 */
export const MY_PROCESS = graphql(`
  query MyProcess($selectionId: ID!) {
    selectionProcess(selectionId: $selectionId) {
      selectionId
      stage
      deadline {
        label
        at
        lastDay
        provisional
      }
      applications {
        applicationId
        eligible
        failedRequirements
        screeningReopened
        nextSchedule {
          stage
          localDate
          localTime
          timeZone
          place
          notes
          revision
        }
      }
      objections {
        objectionId
        applicationId
        phase
        text
        filedAt
        answer
        answeredAt
        upheld
      }
    }
  }
`);

export const FILE_OBJECTION = graphql(`
  mutation FileObjection($applicationId: ID!, $selectionId: ID!, $text: String!) {
    fileObjection(applicationId: $applicationId, selectionId: $selectionId, text: $text) {
      decisionId
      at
    }
  }
`);

export const WITHDRAW_APPLICATION = graphql(`
  mutation WithdrawApplication($applicationId: ID!, $reason: String!) {
    withdrawApplication(applicationId: $applicationId, reason: $reason) {
      decisionId
      at
    }
  }
`);

/** Live status changes of one application (GraphQL over SSE). */
export const APPLICATION_STATUS_CHANGED = graphql(`
  subscription ApplicationStatusChanged($applicationId: ID!) {
    applicationStatusChanged(applicationId: $applicationId) {
      applicationId
      status
      reasonCode
      at
      expectedNextAt
    }
  }
`);

/** Invitations of the talent route to apply to an open selection. */
export const MY_INVITATIONS = graphql(
  `
    query MyInvitations {
      myInvitations(first: 100) {
        totalCount
        edges {
          node {
            id
            invitedAt
            reason
            selectionId
            vacancyId
            selection {
              ...CandidateSelectionFields
              vacancies {
                ...VacancyFields
              }
            }
          }
        }
      }
    }
  `,
  [CANDIDATE_SELECTION, VACANCY],
);
