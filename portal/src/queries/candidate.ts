/**
 * GraphQL operations of the candidate pages (role CANDIDATE). Every export is checked against
 * gateway/schema.graphql by queries.test.ts.
 */
import { ROUTE_FIELDS } from '../components/stage-route';

const CONFIRMATION = `confirmation { status note fields at resolution { outcome reason corrected at } }`;

/** The signed-in candidate's ASN profile and whether they confirmed it. */
export const MY_PROFILE = `
  query MyProfile {
    myProfile {
      id
      nip
      name
      rank
      agencyCode
      agencyName
      education
      educationMajor
      lhkpnFiled
      disciplinarySanction
      careers { position positionKind unit agencyCode from to fields }
      skp { year predicate }
      ${CONFIRMATION}
    }
  }
`;

export const CONFIRM_PROFILE = `
  mutation ConfirmProfile {
    confirmProfile { id ${CONFIRMATION} }
  }
`;

export const DISPUTE_PROFILE = `
  mutation DisputeProfile($note: String!, $fields: [String!]!) {
    disputeProfile(note: $note, fields: $fields) { id ${CONFIRMATION} }
  }
`;

const VACANCY = `id level position unit status`;

/** Selections open for registration, with their vacancies, for "Lowongan". */
export const OPEN_VACANCIES = `
  query OpenVacancies {
    open: selections(stage: REGISTRATION_OPEN, first: 100) {
      edges { node { id title agencyCode registrationClosesAt registrationProvisional vacancies { ${VACANCY} } announcement { id number downloadUrl issuedBy { agencyName } } } }
    }
    extended: selections(stage: REGISTRATION_EXTENDED, first: 100) {
      edges { node { id title agencyCode registrationClosesAt registrationProvisional vacancies { ${VACANCY} } announcement { id number downloadUrl issuedBy { agencyName } } } }
    }
  }
`;

/** One selection for the application form. */
export const APPLY_TARGET = `
  query ApplyTarget($id: ID!) {
    selection(id: $id) {
      id
      title
      stage
      timeZone
      registrationClosesAt registrationProvisional
      vacancies { ${VACANCY} }
      announcement { id number downloadUrl }
    }
  }
`;

export const APPLY_TO_VACANCY = `
  mutation ApplyToVacancy($vacancyId: ID!, $documents: [ApplicationDocumentInput!]) {
    applyToVacancy(vacancyId: $vacancyId, documents: $documents) { id status submittedAt receivedAt }
  }
`;

const TIMELINE = `timeline { status reasonCode reasonText note at expectedNextAt }`;

/** The signed-in candidate's applications with their current status (a candidate has only a few). */
export const MY_APPLICATIONS = `
  query MyApplications {
    myApplications(first: 100) {
      totalCount
      edges {
        node {
          id
          status
          submittedAt
          selection { id title stage timeZone }
          vacancy { ${VACANCY} }
          ${TIMELINE}
        }
      }
    }
  }
`;

/** One application with its status and timeline. */
export const APPLICATION_DETAIL = `
  query ApplicationDetail($id: ID!) {
    application(id: $id) {
      id
      status
      submittedAt
      receivedAt
      selection { id title stage timeZone registrationClosesAt registrationProvisional ${ROUTE_FIELDS} }
      vacancy { ${VACANCY} }
      ${TIMELINE}
    }
  }
`;

/**
 * The application's uploaded documents and, after the final plenary, its scores. Separate from
 * APPLICATION_DETAIL so the timeline still loads when these are unavailable.
 */
export const APPLICATION_EXTRAS = `
  query ApplicationExtras($id: ID!) {
    application(id: $id) {
      id
      documents { id kind fileName sizeBytes uploadedAt downloadUrl }
      scores { assessment interview trackRecord total rank passed shortlisted }
    }
  }
`;

/**
 * The candidate's view of the running process: the open deadline, their own screening result (MS/TMS with
 * the requirements not met) and their own objections.
 */
export const MY_PROCESS = `
  query MyProcess($selectionId: ID!) {
    selectionProcess(selectionId: $selectionId) {
      selectionId
      stage
      deadline { label at lastDay provisional }
      applications {
        applicationId eligible failedRequirements screeningReopened
        nextSchedule { stage localDate localTime timeZone place notes revision }
      }
      objections { objectionId applicationId phase text filedAt answer answeredAt upheld }
    }
  }
`;

export const FILE_OBJECTION = `
  mutation FileObjection($applicationId: ID!, $selectionId: ID!, $text: String!) {
    fileObjection(applicationId: $applicationId, selectionId: $selectionId, text: $text) { decisionId at }
  }
`;

export const WITHDRAW_APPLICATION = `
  mutation WithdrawApplication($applicationId: ID!, $reason: String!) {
    withdrawApplication(applicationId: $applicationId, reason: $reason) { decisionId at }
  }
`;

/** Live status changes of one application (GraphQL over SSE). */
export const APPLICATION_STATUS_CHANGED = `
  subscription ApplicationStatusChanged($applicationId: ID!) {
    applicationStatusChanged(applicationId: $applicationId) { applicationId status reasonCode at expectedNextAt }
  }
`;

/** Invitations of the talent route to apply to an open selection. */
export const MY_INVITATIONS = `
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
          selection { id title stage timeZone registrationClosesAt registrationProvisional vacancies { ${VACANCY} } }
        }
      }
    }
  }
`;
