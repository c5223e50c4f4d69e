/**
 * GraphQL operations of the public pages (no sign-in needed). Every export is checked against
 * gateway/schema.graphql by queries.test.ts.
 */
import { graphql } from '../graphql';
import { ROUTE_FIELDS } from './fragments/route';
import { REANNOUNCEMENT_FIELDS } from './fragments/reannouncement';

export const SELECTION_CARD = graphql(`
  fragment SelectionCardFields on Selection {
    id
    title
    agencyCode
    stage
    timeZone
    announcementDate
    registrationClosesAt
    registrationProvisional
    simulation
    vacancies {
      id
      level
      position
      unit
      status
    }
    announcement {
      id
      number
      title
      downloadUrl
      issuedBy {
        agencyName
      }
    }
  }
`);

/** Selections whose registration is open (also while extended), for the home page. */
export const OPEN_SELECTIONS = graphql(
  `
    query OpenSelections {
      open: selections(stage: REGISTRATION_OPEN, first: 100) {
        edges {
          node {
            ...SelectionCardFields
          }
        }
      }
      extended: selections(stage: REGISTRATION_EXTENDED, first: 100) {
        edges {
          node {
            ...SelectionCardFields
          }
        }
      }
    }
  `,
  [SELECTION_CARD],
);

/** Every public selection round, newest first, a page at a time. */
export const SELECTIONS_PAGE = graphql(
  `
    query SelectionsPage($first: Int!, $after: String) {
      selections(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...SelectionCardFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [SELECTION_CARD],
);

export const DOCUMENT_ROW = graphql(`
  fragment DocumentRowFields on Document {
    id
    kind
    number
    title
    date
    version
    downloadUrl
    verificationUrl
    verificationCode
    supersededBy {
      id
      number
    }
    auditChainHead {
      seq
      hash
    }
  }
`);

/** A round's decision chain recomputed now (public for announced rounds). */
export const VERIFY_AUDIT = graphql(`
  query VerifyAudit($id: ID!) {
    verifyAudit(selectionId: $id) {
      ok
      length
      head {
        seq
        hash
      }
      firstBroken {
        seq
        message
      }
    }
  }
`);

/** One selection with its vacancies, stage history and public documents. */
export const SELECTION_DETAIL = graphql(
  `
    query SelectionDetail($id: ID!) {
      selection(id: $id) {
        ...SelectionCardFields
        ...SelectionRouteFields
        stageHistory {
          stage
          at
          reasonCode
          reasonText
          expectedNextAt
        }
        ...ReannouncementFields
      }
      selectionDocuments(selectionId: $id, first: 100) {
        edges {
          node {
            ...DocumentRowFields
          }
        }
      }
    }
  `,
  [SELECTION_CARD, ROUTE_FIELDS, REANNOUNCEMENT_FIELDS, DOCUMENT_ROW],
);

/** The public verification of an issued document, by code, by the PDF itself, or both. */
export const VERIFY_DOCUMENT = graphql(`
  query VerifyDocument($code: String, $file: File) {
    verifyDocument(code: $code, file: $file) {
      status
      message
      fileSha256
      document {
        id
        kind
        number
        title
        date
        issuedAt
        version
        selectionTitle
        verificationUrl
        downloadUrl
        issuedBy {
          agencyName
          signatoryName
          signatoryTitle
        }
        auditChainHead {
          seq
          hash
        }
      }
      auditChain {
        ok
        length
        printedHeadFound
      }
      auditChainMessage
      latest {
        id
        number
        title
        date
        downloadUrl
      }
      signature {
        status
        message
        signer
        signerSubject
        issuer
        validFrom
        validTo
        signedAt
      }
    }
  }
`);

/** Live stage changes of a selection (GraphQL over SSE; public selections for anyone; the staff dashboard reloads on each). */
export const SELECTION_STAGE_CHANGED = graphql(`
  subscription SelectionStageChanged($selectionId: ID!) {
    selectionStageChanged(selectionId: $selectionId) {
      selectionId
      stage
      at
      deadline
    }
  }
`);
